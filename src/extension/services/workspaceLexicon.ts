import * as vscode from 'vscode';
import { compileLexicon, validateLexiconExtension, type AnalyzeOptions, type LexiconExtension } from '../../core';
import { Disposable } from '../util/dispose';
import { errorMessage, logErrors } from '../util/errors';
import type { ConfigurationService, ExtensionLogger } from './types';

/**
 * Loads the workspace lexicon file (`workspace.lexiconFile` in the first folder), compiles it once
 * and hands the analysis options to `apply` whenever the file or the setting changes. An invalid
 * file is reported once and the built-in lexicon is used.
 */
export class WorkspaceLexicon extends Disposable {
  private watcher: vscode.Disposable | undefined;

  constructor(
    private readonly config: ConfigurationService,
    private readonly log: ExtensionLogger,
    private readonly apply: (options: AnalyzeOptions) => Promise<void>,
  ) {
    super();
    this._register(config.onDidChange((c) => c.affects('workspace') && this.watch()));
    this._register({ dispose: () => this.watcher?.dispose() });
  }

  /** Reads the file now; resolves with the options to analyse with. */
  async load(): Promise<AnalyzeOptions> {
    this.watch();
    return this.read();
  }

  private fileUri(): vscode.Uri | undefined {
    const folder = vscode.workspace.workspaceFolders?.[0];
    const relative = this.config.current.workspace.lexiconFile;
    return folder && relative ? vscode.Uri.joinPath(folder.uri, relative) : undefined;
  }

  private watch(): void {
    this.watcher?.dispose();
    const folder = vscode.workspace.workspaceFolders?.[0];
    const relative = this.config.current.workspace.lexiconFile;
    if (!folder || !relative) return;
    const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, relative));
    const reload = () => logErrors(this.read().then(this.apply), 'lexicon.reload', this.log);
    this.watcher = vscode.Disposable.from(w, w.onDidChange(reload), w.onDidCreate(reload), w.onDidDelete(reload));
  }

  private async read(): Promise<AnalyzeOptions> {
    const uri = this.fileUri();
    if (!uri) return {};
    let raw: Uint8Array;
    try {
      raw = await vscode.workspace.fs.readFile(uri);
    } catch {
      return {}; // no workspace lexicon: the usual case
    }
    const where = vscode.workspace.asRelativePath(uri);
    try {
      const value: unknown = JSON.parse(new TextDecoder('utf-8').decode(raw));
      const problems = validateLexiconExtension(value);
      if (problems.length > 0) {
        this.log.warnOnce(`lexicon:${problems.join('|')}`, `Crime Annotator did not use ${where}: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''}. The built-in lexicon is used.`);
        return {};
      }
      const lexicon = compileLexicon(value as LexiconExtension);
      this.log.info(`Using the workspace lexicon ${where}.`);
      return { lexicon };
    } catch (e) {
      this.log.warnOnce(`lexicon:${errorMessage(e)}`, `Crime Annotator could not read ${where}: ${errorMessage(e)}. The built-in lexicon is used.`);
      return {};
    }
  }
}
