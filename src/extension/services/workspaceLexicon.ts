import * as vscode from 'vscode';
import { compileLexiconSteps, LEXICON_LIMITS, validateLexiconExtension, type AnalyzeOptions, type LexiconExtension } from '../../core';
import { limitNote } from '../../core/lexicon';
import { runInSlices } from '../../core/slices';
import { hostScheduler } from '../util/slices';
import { Disposable } from '../util/dispose';
import { errorMessage, logErrors } from '../util/errors';
import type { ConfigurationService, ExtensionLogger } from './types';

/**
 * The workspace lexicons: one per workspace folder (`workspace.lexiconFile`, as that folder's
 * settings name it), each handed to `apply` with its folder whenever its file or its setting
 * changes, so a folder's documents are analysed with that folder's lexicon.
 */
export class WorkspaceLexicons extends Disposable {
  private readonly byFolder = new Map<string, WorkspaceLexicon>();

  constructor(
    private readonly config: ConfigurationService,
    private readonly log: ExtensionLogger,
    private readonly apply: (folder: vscode.Uri, options: AnalyzeOptions) => Promise<void>,
  ) {
    super();
    this._register({ dispose: () => this.byFolder.forEach((l) => l.dispose()) });
    this._register(vscode.workspace.onDidChangeWorkspaceFolders((e) => {
      for (const f of e.removed) {
        this.byFolder.get(f.uri.toString())?.dispose();
        this.byFolder.delete(f.uri.toString());
      }
      for (const f of e.added) logErrors(this.lexiconOf(f).load().then((o) => this.apply(f.uri, o)), 'lexicon.load (folder added)', this.log);
    }));
  }

  /** Reads every folder's lexicon now; resolves with the options to analyse each folder's documents with. */
  async load(): Promise<ReadonlyMap<string, AnalyzeOptions>> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const loaded = await Promise.all(folders.map(async (f) => [f.uri.toString(), await this.lexiconOf(f).load()] as const));
    return new Map(loaded);
  }

  /** Reads every lexicon again and hands each on (workspace trust granted). */
  async reload(): Promise<void> {
    await Promise.all([...this.byFolder.values()].map((l) => l.reload()));
  }

  /** The longest time, in ms, one slice of compiling a workspace lexicon held the extension host. */
  get longestCompileSliceMs(): number {
    return Math.max(0, ...[...this.byFolder.values()].map((l) => l.longestCompileSliceMs));
  }

  private lexiconOf(folder: vscode.WorkspaceFolder): WorkspaceLexicon {
    const key = folder.uri.toString();
    let lexicon = this.byFolder.get(key);
    if (!lexicon) this.byFolder.set(key, (lexicon = new WorkspaceLexicon(this.config, this.log, folder, (o) => this.apply(folder.uri, o))));
    return lexicon;
  }
}

/**
 * Loads one folder's workspace lexicon file, compiles it once and hands the analysis options to
 * `apply` whenever the file or the setting changes (a new `lexiconFile` is read at once). An
 * invalid file is reported once and the built-in lexicon is used.
 */
export class WorkspaceLexicon extends Disposable {
  private watcher: vscode.Disposable | undefined;
  private watched: string | undefined;
  /** The longest time, in ms, one slice of compiling the workspace lexicon held the extension host. */
  longestCompileSliceMs = 0;

  constructor(
    private readonly config: ConfigurationService,
    private readonly log: ExtensionLogger,
    private readonly folder: vscode.WorkspaceFolder,
    private readonly apply: (options: AnalyzeOptions) => Promise<void>,
  ) {
    super();
    this._register(
      config.onDidChange((c) => {
        if (!c.affects('workspace') || this.config.for(this.folder.uri).workspace.lexiconFile === this.watched) return;
        // Another file named: watch it, and read it now rather than when it next changes on disk.
        this.watch();
        logErrors(this.reload(), 'lexicon.reload (setting changed)', this.log);
      }),
    );
    this._register({ dispose: () => this.watcher?.dispose() });
  }

  /** Reads the file now; resolves with the options to analyse with. */
  async load(): Promise<AnalyzeOptions> {
    this.watch();
    return this.read();
  }

  /** Reads the file again and hands the result on (workspace trust granted, setting changed). */
  reload(): Promise<void> {
    return this.read().then(this.apply);
  }

  private fileUri(): vscode.Uri | undefined {
    const relative = this.config.for(this.folder.uri).workspace.lexiconFile;
    return relative ? vscode.Uri.joinPath(this.folder.uri, relative) : undefined;
  }

  private watch(): void {
    this.watcher?.dispose();
    this.watcher = undefined;
    const relative = this.config.for(this.folder.uri).workspace.lexiconFile;
    this.watched = relative;
    if (!relative) return;
    const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(this.folder, relative));
    const reload = () => logErrors(this.read().then(this.apply), 'lexicon.reload', this.log);
    this.watcher = vscode.Disposable.from(w, w.onDidChange(reload), w.onDidCreate(reload), w.onDidDelete(reload));
  }

  private async read(): Promise<AnalyzeOptions> {
    const uri = this.fileUri();
    if (!uri) return {};
    // Restricted Mode: a workspace not yet trusted does not get to extend what the engine recognises.
    if (!vscode.workspace.isTrusted) {
      this.log.info(`Restricted Mode: the workspace lexicon ${vscode.workspace.asRelativePath(uri)} is not read until the workspace is trusted.`);
      return {};
    }
    const where = vscode.workspace.asRelativePath(uri);
    let size: number;
    try {
      size = (await vscode.workspace.fs.stat(uri)).size;
    } catch {
      return {}; // no workspace lexicon: the usual case
    }
    // A file past the size limit is never read: parsing and compiling it is what could exhaust the host.
    if (size > LEXICON_LIMITS.fileBytes) {
      this.log.warnOnce(`lexicon:size:${size}`, `Crime Annotator did not use ${where}: it is ${size.toLocaleString('en-GB')} bytes ${limitNote('fileBytes')}. The built-in lexicon is used.`);
      return {};
    }
    let raw: Uint8Array;
    try {
      raw = await vscode.workspace.fs.readFile(uri);
    } catch {
      return {};
    }
    try {
      const value: unknown = JSON.parse(new TextDecoder('utf-8').decode(raw));
      const problems = validateLexiconExtension(value);
      if (problems.length > 0) {
        this.log.warnOnce(`lexicon:${problems.join('|')}`, `Crime Annotator did not use ${where}: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''}. The built-in lexicon is used.`);
        return {};
      }
      // Compiled in slices: even a lexicon at every limit never holds the extension host for long.
      const compiled = await runInSlices(compileLexiconSteps(value as LexiconExtension), hostScheduler);
      this.longestCompileSliceMs = Math.max(this.longestCompileSliceMs, compiled.longestSliceMs);
      const lexicon = compiled.value;
      if (lexicon.problems.length > 0) this.log.warnOnce(`lexicon:${lexicon.problems.join('|')}`, `Crime Annotator used ${where} only in part: ${lexicon.problems.slice(0, 3).join('; ')}.`);
      this.log.info(`Using the workspace lexicon ${where} (compiled in slices of at most ${Math.round(compiled.longestSliceMs)} ms).`);
      return { lexicon };
    } catch (e) {
      this.log.warnOnce(`lexicon:${errorMessage(e)}`, `Crime Annotator could not read ${where}: ${errorMessage(e)}. The built-in lexicon is used.`);
      return {};
    }
  }
}
