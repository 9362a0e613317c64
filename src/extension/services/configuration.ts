import * as vscode from 'vscode';
import { Disposable } from '../util/dispose';
import { configSection, readConfig, schemaOf, type ConfigChange, type ExtensionConfig } from './settings';
import type { ExtensionLogger } from './types';

export {
  configSection,
  readConfig,
  type AnalysisTrigger,
  type ConfigChange,
  type ConfigGroup,
  type ExtensionConfig,
  type InvalidSetting,
  type SeveritySetting,
  type TallyScope,
} from './settings';

/** Holds the current settings and tells listeners which groups changed, and only when ours did. */
export class ConfigurationService extends Disposable {
  private _current: ExtensionConfig;
  /** The settings as they apply to each workspace folder (resource-scoped settings differ by folder). */
  private readonly byFolder = new Map<string, ExtensionConfig>();
  private readonly _onDidChange = this._register(new vscode.EventEmitter<ConfigChange>());
  readonly onDidChange = this._onDidChange.event;

  constructor(private readonly log?: Pick<ExtensionLogger, 'warnOnce'>) {
    super();
    this._current = this.read();
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration(configSection)) return;
        this._current = this.read();
        this.byFolder.clear();
        this._onDidChange.fire({
          affects: (group) => e.affectsConfiguration(`${configSection}.${group}`),
          affectsSetting: (key) => e.affectsConfiguration(`${configSection}.${key}`),
        });
      }),
    );
    // Trust granted: the workspace's values of the restricted settings apply from now on, so every
    // listener reads its settings again, as after a change of all of them.
    this._register(
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        this._current = this.read();
        this.byFolder.clear();
        this._onDidChange.fire({ affects: () => true, affectsSetting: () => true });
      }),
    );
  }

  get current(): ExtensionConfig {
    return this._current;
  }

  /**
   * The settings as they apply to `resource` (a document or a workspace folder): in a multi-root
   * workspace each folder's `.vscode/settings.json` may set the resource-scoped ones its own way.
   * Outside every folder, the window's settings.
   */
  for(resource: vscode.Uri | undefined): ExtensionConfig {
    const folder = resource && vscode.workspace.getWorkspaceFolder(resource);
    if (!folder) return this._current;
    const key = folder.uri.toString();
    let config = this.byFolder.get(key);
    if (!config) this.byFolder.set(key, (config = this.read(folder.uri)));
    return config;
  }

  private read(scope?: vscode.Uri): ExtensionConfig {
    const section = vscode.workspace.getConfiguration(configSection, scope);
    return readConfig(
      (key) => section.get(key),
      ({ key, value, reason }) =>
        this.log?.warnOnce(
          `setting:${key}:${JSON.stringify(value)}`,
          `The setting ${configSection}.${key} is ${JSON.stringify(value)}, ${reason}; the default ${JSON.stringify(schemaOf(key).default)} is used instead.`,
        ),
    );
  }
}
