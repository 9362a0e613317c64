import * as vscode from 'vscode';
import { Disposable } from '../util/dispose';
import { configSection, readConfig, schemaOf, type ConfigChange, type ExtensionConfig } from './settings';
import type { ExtensionLogger } from './types';

export { configSection, readConfig, type AnalysisTrigger, type ConfigChange, type ConfigGroup, type ExtensionConfig, type InvalidSetting, type SeveritySetting, type TallyScope } from './settings';

/** Holds the current settings and tells listeners which groups changed, and only when ours did. */
export class ConfigurationService extends Disposable {
  private _current: ExtensionConfig;
  private readonly _onDidChange = this._register(new vscode.EventEmitter<ConfigChange>());
  readonly onDidChange = this._onDidChange.event;

  constructor(private readonly log?: Pick<ExtensionLogger, 'warnOnce'>) {
    super();
    this._current = this.read();
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration(configSection)) return;
        this._current = this.read();
        this._onDidChange.fire({
          affects: (group) => e.affectsConfiguration(`${configSection}.${group}`),
          affectsSetting: (key) => e.affectsConfiguration(`${configSection}.${key}`),
        });
      }),
    );
  }

  get current(): ExtensionConfig {
    return this._current;
  }

  private read(): ExtensionConfig {
    const section = vscode.workspace.getConfiguration(configSection);
    return readConfig(
      (key) => section.get(key),
      ({ key, value, reason }) =>
        this.log?.warnOnce(`setting:${key}:${JSON.stringify(value)}`, `The setting ${configSection}.${key} is ${JSON.stringify(value)}, ${reason}; the default ${JSON.stringify(schemaOf(key).default)} is used instead.`),
    );
  }
}
