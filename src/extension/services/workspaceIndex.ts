/**
 * The workspace index: every relevant document analysed once, kept current from edits (incrementally,
 * by paragraph) and from the file watcher, and fed to the core record. The only file that talks to
 * the record API, so it is the one place that adapts when that API moves.
 */
import * as vscode from 'vscode';
import {
  analyze,
  createRecordIndex,
  type AnalyzeOptions,
  type ArithmeticCheck,
  type CrossSourceRecord,
  type DocumentAnalysis,
  LineIndex,
} from '../../core';
import type { DocumentEvent } from '../../core/record/types';
import { IncrementalAnalysis, type ChunkView, type SliceScheduler } from '../../core/incremental';
import { Disposable } from '../util/dispose';
import { isAnnotatedLanguage } from '../util/documents';
import { errorMessage, logErrors } from '../util/errors';
import { matchesAny } from '../util/glob';
import { lineIndexMapper, spanToRange } from '../util/ranges';
import type { ConfigurationService, EntityMention, ExtensionLogger, IndexedDocument, SkippedDocument, WorkspaceIndex } from './types';

/** The extension host must not be held longer than this by one slice of analysis. */
export const sliceBudgetMs = 40;

interface Entry extends IndexedDocument {
  readonly incremental: DocumentAnalyser;
  /** Which analysis options (its folder's lexicon) produced it; a new lexicon means analysing afresh. */
  readonly optionsGeneration: number;
}

/**
 * What makes a folder worth scanning on activation (the first of two steps, as vscode-eslint
 * activates): crime-report documents or the extension's own side-file folder. Any other folder is
 * scanned only when the user asks; the documents opened in it are analysed either way.
 */
const crimeReportMarkers = ['**/*.crime', '**/*.crime.txt', '**/.crime-annotator/*'] as const;

type RecordIndex = ReturnType<typeof createRecordIndex>;
const noOptions = { options: {} as AnalyzeOptions, generation: 0 };
type RecordUpdate = ReturnType<RecordIndex['upsert']>;

const scheduler: SliceScheduler = {
  budgetMs: sliceBudgetMs,
  now: () => Date.now(),
  yieldNow: () => new Promise((resolve) => setTimeout(resolve, 0)),
};

export class ExtensionWorkspaceIndex extends Disposable implements WorkspaceIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly skips = new Map<string, SkippedDocument>();
  private readonly record: RecordIndex;
  private readonly _onDidChange = this._register(new vscode.EventEmitter<{ readonly uris: readonly vscode.Uri[] }>());
  readonly onDidChange = this._onDidChange.event;
  private readonly _onDidAnalyse = this._register(new vscode.EventEmitter<IndexedDocument>());
  /** Fires as soon as a document's analysis changed, before the record catches up (for decorations). */
  readonly onDidAnalyse = this._onDidAnalyse.event;
  private readonly syncTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /** How long the last record update of each document took, in ms. */
  private readonly syncCost = new Map<string, number>();
  private mentionCache: Map<string, EntityMention[]> | undefined;
  private scan: Promise<void> = Promise.resolve();
  private scanGeneration = 0;
  /** Serialises analyses of one document so an older one never overwrites a newer. */
  private readonly pending = new Map<string, Promise<unknown>>();
  /** The documents each record had claims in when last seen, so a relink can tell whom it touched. */
  private readonly recordDocs = new Map<string, readonly string[]>();
  /** Longest time analysis held the event loop, for the log and tests. */
  longestSliceMs = 0;
  /** The same, per document: a test of one document's slicing must not see another's cold first analysis. */
  private readonly longestSliceByUri = new Map<string, number>();
  ready: Promise<void> = Promise.resolve();

  /** The analysis options (the workspace lexicon) of each workspace folder, by folder uri. */
  private readonly folderOptions = new Map<string, { readonly options: AnalyzeOptions; readonly generation: number }>();
  private watchers: vscode.Disposable | undefined;
  private scanning = false;

  constructor(
    private readonly config: ConfigurationService,
    private readonly log: ExtensionLogger,
  ) {
    super();
    this.record = createRecordIndex({ logger: log });
    this._register({ dispose: () => this.syncTimers.forEach((t) => clearTimeout(t)) });
    this._register({ dispose: () => this.watchers?.dispose() });
    this._register(config.onDidChange((change) => {
      // New globs need new watchers: files created from now on must be seen by the new pattern.
      if (this.watchers && (change.affectsSetting('workspace.include') || change.affectsSetting('workspace.referenceFiles'))) this.watch();
      // The trigger and delay change when analysis runs, not what the index holds.
      if (change.affects('workspace') || change.affectsSetting('analysis.maxFileSize') || change.affects('decoratePlainTextAndMarkdown')) logErrors(this.rescan(), 'index.reindex (settings changed)', log);
    }));
    this._register(vscode.workspace.onDidChangeWorkspaceFolders(() => {
      if (this.watchers) this.watch();
      logErrors(this.rescan(), 'index.reindex (folders changed)', log);
    }));
  }

  /** Whether the workspace's files are indexed, not only its open documents (see crimeReportMarkers). */
  get isScanning(): boolean {
    return this.scanning;
  }

  get isEmpty(): boolean {
    return this.entries.size === 0;
  }

  /**
   * Starts watching the workspace and, once `lexicons` (each folder's workspace lexicon) are loaded,
   * indexing it: its files when it holds crime reports (or `scan` says so), else its open documents.
   */
  start(lexicons: Promise<ReadonlyMap<string, AnalyzeOptions>> = Promise.resolve(new Map()), scan?: boolean): void {
    this._register(vscode.workspace.onDidCloseTextDocument((doc) => this.onClosed(doc)));
    this.watch();
    const first = lexicons.then(
      (byFolder) => byFolder.forEach((options, folder) => this.folderOptions.set(folder, { options, generation: 1 })),
      (e) => this.log.error('index: workspace lexicon', e),
    );
    this.ready = first
      .then(() => scan ?? this.holdsCrimeReports())
      .then((yes) => {
        this.scanning = yes;
        if (!yes) this.log.info('No crime reports (.crime files or a .crime-annotator folder) in the workspace: only opened documents are analysed until the workspace is indexed.');
        return this.rescan();
      });
  }

  private async holdsCrimeReports(): Promise<boolean> {
    if (!vscode.workspace.workspaceFolders?.length) return false;
    for (const glob of crimeReportMarkers) if ((await vscode.workspace.findFiles(glob, '**/node_modules/**', 1)).length > 0) return true;
    return false;
  }

  /** (Re)creates the file watchers from the current globs: on start, and when a glob or the folders change. */
  private watch(): void {
    this.watchers?.dispose();
    const { referenceFiles } = this.config.current.workspace;
    const disposables: vscode.Disposable[] = [];
    const own = <T extends vscode.Disposable>(d: T): T => (disposables.push(d), d);
    // One watcher per folder, with that folder's include glob.
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const watcher = own(vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, this.config.for(folder.uri).workspace.include)));
      own(watcher.onDidCreate((uri) => this.onDiskChange(uri)));
      own(watcher.onDidChange((uri) => this.onDiskChange(uri)));
      own(watcher.onDidDelete((uri) => this.onDiskDelete(uri)));
    }
    // A deleted, renamed or moved-in folder is one event for the folder, which the include glob does
    // not match; and a file written the moment its folder is made can come before the watch on it.
    const folders = own(vscode.workspace.createFileSystemWatcher('**/*', false, true, false));
    own(folders.onDidCreate((uri) => this.onCreateOutsideGlob(uri)));
    own(folders.onDidDelete((uri) => this.onFolderDelete(uri)));
    if (referenceFiles) {
      const references = own(vscode.workspace.createFileSystemWatcher(referenceFiles));
      own(references.onDidCreate((uri) => logErrors(this.indexReference(uri), 'index.references', this.log)));
      own(references.onDidChange((uri) => logErrors(this.indexReference(uri), 'index.references', this.log)));
      own(references.onDidDelete((uri) => this.fireChange(uri, this.record.removeReference(uri.toString()))));
    }
    this.watchers = vscode.Disposable.from(...disposables);
  }

  /**
   * Replaces the options the core analyses one folder's documents with (its new workspace lexicon),
   * then brings the index up to date: the other folders' documents are not analysed again.
   */
  setFolderOptions(folder: vscode.Uri, options: AnalyzeOptions): Promise<void> {
    const key = folder.toString();
    this.folderOptions.set(key, { options, generation: (this.folderOptions.get(key)?.generation ?? 0) + 1 });
    return this.rescan();
  }

  private optionsOf(uri: vscode.Uri): { readonly options: AnalyzeOptions; readonly generation: number } {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return (folder && this.folderOptions.get(folder.uri.toString())) || noOptions;
  }

  get(uri: vscode.Uri): IndexedDocument | undefined {
    return this.entries.get(uri.toString());
  }

  documents(): readonly IndexedDocument[] {
    return [...this.entries.values()];
  }

  recordForFigure(uri: vscode.Uri, annotationId: string): CrossSourceRecord | undefined {
    return this.record.recordFor(uri.toString(), annotationId);
  }

  eventOf(uri: vscode.Uri): DocumentEvent | undefined {
    return this.record.eventOf(uri.toString());
  }

  records(): readonly CrossSourceRecord[] {
    return this.record.records();
  }

  conflicts(): readonly CrossSourceRecord[] {
    return this.record.conflicts();
  }

  checksFor(uri: vscode.Uri): readonly ArithmeticCheck[] {
    return this.record.checksFor(uri.toString());
  }

  checksInvolving(uri: vscode.Uri, annotationId: string): readonly ArithmeticCheck[] {
    return this.checksFor(uri).filter((c) => c.operands.some((o) => o.annotationId === annotationId));
  }

  mentionsOf(entityId: string): readonly EntityMention[] {
    if (!this.mentionCache) {
      const cache = new Map<string, EntityMention[]>();
      for (const entry of this.entries.values()) {
        for (const a of entry.analysis.annotations) {
          const id = a.kind === 'organisation' ? a.entityId : a.kind === 'legal-term' ? a.termId : undefined;
          if (id === undefined || (a.kind !== 'organisation' && a.kind !== 'legal-term')) continue;
          let list = cache.get(id);
          if (!list) cache.set(id, (list = []));
          list.push({ uri: entry.uri, annotation: a });
        }
      }
      this.mentionCache = cache;
    }
    return this.mentionCache.get(entityId) ?? [];
  }

  locate(docId: string, annotationId: string): { readonly uri: vscode.Uri; readonly range: vscode.Range } | undefined {
    const entry = this.entries.get(docId);
    const annotation = entry?.analysis.annotations.find((a) => a.id === annotationId);
    if (!entry || !annotation) return undefined;
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === docId && d.version === entry.version);
    return { uri: entry.uri, range: spanToRange(open ?? lineIndexMapper(entry.lineIndex), annotation) };
  }

  skipped(): readonly SkippedDocument[] {
    return [...this.skips.values()];
  }

  /** Whether this document is one the extension annotates (by language and the plain-text setting). */
  isRelevant(doc: vscode.TextDocument): boolean {
    return isAnnotatedLanguage(doc.languageId, this.config.current.decoratePlainTextAndMarkdown);
  }

  analyzeDocument(doc: vscode.TextDocument): Promise<IndexedDocument | undefined> {
    return this.serialised(doc.uri, () => this.analyzeOpen(doc));
  }

  /**
   * Runs work on one document after the work already queued for it: a watcher's delete that
   * arrives while the file is being read then removes it after the read, not before.
   */
  private async serialised<T>(uri: vscode.Uri, work: () => Promise<T>): Promise<T> {
    const key = uri.toString();
    const previous = this.pending.get(key) ?? Promise.resolve();
    const next = previous.then(work, work);
    this.pending.set(key, next);
    try {
      return await next;
    } finally {
      if (this.pending.get(key) === next) this.pending.delete(key);
    }
  }

  private async analyzeOpen(doc: vscode.TextDocument): Promise<IndexedDocument | undefined> {
    const current = this.entries.get(doc.uri.toString());
    if (current && current.version === doc.version && current.optionsGeneration === this.optionsOf(doc.uri).generation && !doc.isClosed) return current;
    const text = doc.getText();
    if (this.tooLarge(doc.uri, utf8Length(text, this.config.for(doc.uri).analysis.maxFileSize))) return undefined;
    const entry = await this.analyseText(doc.uri, doc.version, text, current);
    // Put even if the document moved on meanwhile: it is newer than what the index holds, and
    // consumers compare versions before trusting offsets.
    this.put(entry);
    return entry;
  }

  /**
   * A press-release-sized document is analysed whole on every change: exact whatever context the
   * extractors read across paragraphs, and cheap. A longer one re-uses its incremental analysis, so
   * an edit costs a paragraph, and is first analysed in slices.
   */
  private async analyseText(uri: vscode.Uri, version: number, text: string, previous: Entry | undefined): Promise<Entry> {
    const t0 = Date.now();
    const { options, generation } = this.optionsOf(uri);
    const reusable = previous && previous.optionsGeneration === generation ? previous.incremental : undefined;
    let analyser: DocumentAnalyser;
    if (text.length <= wholeAnalysisMaxChars) {
      analyser = new WholeAnalysis(text, options);
      this.noteSlice(uri, Date.now() - t0);
    } else if (reusable instanceof IncrementalAnalysis) {
      reusable.update(text);
      analyser = reusable;
      this.noteSlice(uri, Date.now() - t0);
    } else {
      const sliced = await IncrementalAnalysis.createSliced(text, options, scheduler);
      this.noteSlice(uri, sliced.longestSliceMs);
      analyser = sliced;
    }
    return makeEntry(uri, version, text, analyser, generation);
  }

  /** The analysed paragraphs of `uri` at its indexed version, for drawing decorations chunk by chunk. */
  chunksFor(uri: vscode.Uri): readonly ChunkView[] | undefined {
    const entry = this.entries.get(uri.toString());
    return entry && entry.incremental.text === entry.text ? entry.incremental.chunkViews() : undefined;
  }

  /** The longest time, in ms, analysing `uri` held the event loop in one piece (0 if never analysed). */
  longestSliceMsOf(uri: vscode.Uri): number {
    return this.longestSliceByUri.get(uri.toString()) ?? 0;
  }

  private noteSlice(uri: vscode.Uri, ms: number): void {
    this.longestSliceMs = Math.max(this.longestSliceMs, ms);
    const key = uri.toString();
    this.longestSliceByUri.set(key, Math.max(this.longestSliceByUri.get(key) ?? 0, ms));
    if (ms > 50) this.log.warn(`Analysing ${vscode.workspace.asRelativePath(uri)} held the extension host for ${Math.round(ms)} ms in one piece (a single long paragraph cannot be split).`);
  }

  /**
   * Stores a new analysis and tells the decorations at once; the record (and with it every listener
   * of onDidChange) follows at once too, unless bringing this document's record up to date took long
   * last time: then it waits until typing pauses, so a keystroke in a long document stays cheap.
   */
  private put(entry: Entry): void {
    const key = entry.uri.toString();
    this.entries.set(key, entry);
    this.skips.delete(key);
    this.mentionCache = undefined;
    this._onDidAnalyse.fire(entry);
    clearTimeout(this.syncTimers.get(key));
    this.syncTimers.delete(key);
    const cost = this.syncCost.get(key) ?? (entry.text.length < 50_000 ? 0 : Infinity);
    if (cost < syncInlineMs) this.sync(key);
    else this.syncTimers.set(key, setTimeout(() => this.sync(key), syncDelayMs));
  }

  private sync(key: string): void {
    this.syncTimers.delete(key);
    const entry = this.entries.get(key);
    if (!entry || this.isDisposed) return;
    const t0 = Date.now();
    let update: RecordUpdate = { changedRecords: [] };
    if (entry.text.length > recordMaxChars) {
      // The record checks a document in one piece (about 1 ms a paragraph), which would hold the
      // extension host for seconds; such a document keeps its highlights and hovers without it.
      this.log.warnOnce(
        `record-size:${key}`,
        `Crime Annotator did not add ${vscode.workspace.asRelativePath(entry.uri)} to the cross-source record: at ${entry.text.length.toLocaleString('en-GB')} characters it is over the ${recordMaxChars.toLocaleString('en-GB')} the record checks without pausing the editor. Its figures are still highlighted.`,
      );
      this.fireChange(entry.uri, this.record.remove(key));
      return;
    }
    try {
      update = this.record.upsert({ id: key, analysis: entry.analysis, text: entry.text, meta: entry.analysis.meta });
    } catch (e) {
      this.log.error(`record.upsert ${key}`, e);
    }
    const ms = Date.now() - t0;
    this.syncCost.set(key, ms);
    if (ms > 50) this.log.warn(`Updating the cross-source record for ${vscode.workspace.asRelativePath(entry.uri)} took ${ms} ms; it now waits for typing to pause.`);
    this.fireChange(entry.uri, update);
  }

  private remove(uri: vscode.Uri): void {
    const key = uri.toString();
    if (!this.entries.delete(key)) return;
    this.longestSliceByUri.delete(key);
    this.mentionCache = undefined;
    this.fireChange(uri, this.record.remove(key));
  }

  /** Tells listeners about `uri` and every other document whose records the update relinked. */
  private fireChange(uri: vscode.Uri, update: RecordUpdate): void {
    const touched = new Set<string>([uri.toString()]);
    for (const id of update.changedRecords) {
      for (const docId of this.recordDocs.get(id) ?? []) touched.add(docId);
      const now = [...new Set(this.record.record(id)?.claims.map((c) => c.docId) ?? [])];
      now.forEach((d) => touched.add(d));
      if (now.length > 0) this.recordDocs.set(id, now);
      else this.recordDocs.delete(id);
    }
    const uris = [...touched].map((k) => this.entries.get(k)?.uri ?? (k === uri.toString() ? uri : undefined)).filter((u): u is vscode.Uri => !!u);
    this._onDidChange.fire({ uris });
  }

  /** Reference tables of authoritative figures join the record as sources of their own. */
  private async indexReferences(): Promise<void> {
    const { referenceFiles, exclude } = this.config.current.workspace;
    if (!referenceFiles || !vscode.workspace.workspaceFolders?.length) return;
    // Restricted Mode: reference tables of a workspace not yet trusted take no part in the record.
    if (!vscode.workspace.isTrusted) return;
    const excludeGlob = exclude.length > 0 ? `{${exclude.join(',')}}` : undefined;
    for (const uri of await vscode.workspace.findFiles(referenceFiles, excludeGlob, 200)) await this.indexReference(uri);
  }

  private async indexReference(uri: vscode.Uri): Promise<void> {
    if (!vscode.workspace.isTrusted) return;
    try {
      const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
      const problems = this.record.addReference(uri.toString(), text, uri.path.toLowerCase().endsWith('.json') ? 'json' : 'csv');
      for (const p of problems) this.log.warn(`${vscode.workspace.asRelativePath(uri)} row ${p.row}: ${p.message}`);
      // The rows a table could not use change what the record says, so the user hears of them, once per version of the table.
      if (problems.length > 0) {
        const first = problems.slice(0, 2).map((p) => `row ${p.row}: ${p.message}`).join(' ');
        this.log.warnOnce(`reference:${uri.toString()}:${problems.map((p) => `${p.row} ${p.message}`).join('|')}`, `Crime Annotator could not use all of the reference table ${vscode.workspace.asRelativePath(uri)}: ${first}${problems.length > 2 ? ` (and ${problems.length - 2} more problems; see the log)` : ''}`);
      }
      this._onDidChange.fire({ uris: [...this.entries.values()].map((e) => e.uri) });
    } catch (e) {
      this.log.error(`index: could not read reference table ${uri.toString()}`, e);
    }
  }

  /** A closed document that is not a workspace file leaves the index; a workspace file stays. */
  private onClosed(doc: vscode.TextDocument): void {
    const entry = this.entries.get(doc.uri.toString());
    if (!entry) return;
    if (!this.inWorkspaceScope(doc.uri)) this.remove(doc.uri);
    // Unsaved edits die with the editor: go back to what is on disk.
    else if (entry.version !== -1) logErrors(this.indexFile(doc.uri), 'index.onClosed', this.log);
  }

  private onDiskChange(uri: vscode.Uri): void {
    // An open document is kept current from its editor, not from disk.
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) return;
    if (!this.inWorkspaceScope(uri)) return;
    if (!this.scanning) {
      // A crime report arriving in a folder that had none: from now on the workspace is indexed.
      if (/\.crime(\.txt)?$/i.test(uri.path)) logErrors(this.reindex(), 'index.reindex (a crime report appeared)', this.log);
      return;
    }
    logErrors(this.indexFile(uri), 'index.watcher', this.log);
  }

  /**
   * A deleted file leaves the index even while VS Code still holds its document (it keeps closed
   * documents for a while); only unsaved edits keep it, as the user may save it again.
   */
  private onDiskDelete(uri: vscode.Uri): void {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open?.isDirty) return;
    logErrors(
      this.serialised(uri, async () => {
        const exists = await vscode.workspace.fs.stat(uri).then(() => true, () => false);
        if (!exists) this.remove(uri);
      }),
      'index.watcher (delete)',
      this.log,
    );
  }

  /**
   * Something the include glob does not match was created. If it is a folder, its files are indexed
   * now: a folder moved or unpacked into the workspace is one event, for the folder only.
   */
  private onCreateOutsideGlob(uri: vscode.Uri): void {
    if (!this.scanning || this.inWorkspaceScope(uri)) return;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return;
    logErrors(
      (async () => {
        const stat = await vscode.workspace.fs.stat(uri).then((s) => s, () => undefined);
        if (!stat || (stat.type & vscode.FileType.Directory) === 0) return;
        const { include, exclude } = this.config.for(uri).workspace;
        const excludeGlob = exclude.length > 0 ? `{${exclude.join(',')}}` : undefined;
        // The include glob is relative to the workspace folder; searched from the new folder, only a
        // glob that starts with `**/` means the same, so others search everything and filter.
        const pattern = include.startsWith('**/') ? include : '**/*';
        const { maxFiles } = this.config.current.workspace;
        const found = await vscode.workspace.findFiles(new vscode.RelativePattern(uri, pattern), excludeGlob, maxFiles);
        for (const file of found) {
          if (this.entries.size >= maxFiles || this.isDisposed) return;
          if (this.inWorkspaceScope(file) && !this.entries.has(file.toString())) await this.indexFile(file);
        }
      })(),
      'index.watcher (folder created)',
      this.log,
    );
  }

  private onFolderDelete(folder: vscode.Uri): void {
    const prefix = folder.toString().replace(/\/?$/, '/');
    for (const entry of [...this.entries.values()]) if (entry.uri.toString().startsWith(prefix)) this.onDiskDelete(entry.uri);
  }

  private inWorkspaceScope(uri: vscode.Uri): boolean {
    if (!vscode.workspace.getWorkspaceFolder(uri)) return false;
    const relative = vscode.workspace.asRelativePath(uri, false);
    // The folder's own settings: in a multi-root workspace each folder may include other files.
    const { include, exclude } = this.config.for(uri).workspace;
    return matchesAny(relative, [include]) && !matchesAny(relative, exclude);
  }

  /** Indexes the whole workspace now, whether or not it holds crime reports (the user asked). */
  reindex(): Promise<void> {
    this.scanning = true;
    return this.rescan();
  }

  /** Brings the index up to date: the workspace's files while scanning, else the open documents only. */
  private rescan(): Promise<void> {
    const generation = ++this.scanGeneration;
    this.scan = this.scan.then(() => this.scanWorkspace(generation), () => this.scanWorkspace(generation));
    return this.scan;
  }

  private async scanWorkspace(generation: number): Promise<void> {
    if (generation !== this.scanGeneration || this.isDisposed) return;
    // Documents in a tab (or unsaved): VS Code keeps others alive for a while after their editor closed.
    const inTabs = new Set(vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => (t.input instanceof vscode.TabInputText ? t.input.uri.toString() : '')));
    const open = vscode.workspace.textDocuments.filter((d) => this.isRelevant(d) && (d.isUntitled || d.isDirty || inTabs.has(d.uri.toString())));
    const folders = vscode.workspace.workspaceFolders ?? [];
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Crime Annotator' }, async (progress) => {
      const { maxFiles } = this.config.current.workspace;
      this.skips.clear(); // this scan finds again what the limits keep out
      let files: vscode.Uri[] = [];
      if (folders.length > 0 && this.scanning) {
        progress.report({ message: 'finding documents' });
        // Each folder is searched with its own include and exclude globs (resource-scoped settings).
        for (const folder of folders) {
          const { include, exclude } = this.config.for(folder.uri).workspace;
          const excludeGlob = exclude.length > 0 ? `{${exclude.join(',')}}` : undefined;
          files.push(...(await vscode.workspace.findFiles(new vscode.RelativePattern(folder, include), excludeGlob, maxFiles + 1 - files.length)));
          if (files.length > maxFiles) break;
        }
        files.sort((a, b) => a.toString().localeCompare(b.toString()));
        if (files.length > maxFiles) {
          const first = files[maxFiles];
          const message = `Crime Annotator indexed only ${maxFiles} files (crimeAnnotator.workspace.maxFiles); ${vscode.workspace.asRelativePath(first)} and any after it were not indexed.`;
          this.skips.set(first.toString(), { uri: first, reason: `beyond maxFiles (${maxFiles})` });
          this.log.warnOnce('maxFiles', message);
          files = files.slice(0, maxFiles);
        }
      }
      // Forget files no longer in scope (settings changed, files deleted while we were not watching).
      // A search can come back short on a busy machine, so without a limit in force a file it missed
      // stays if it is still in scope and on disk.
      const wanted = new Set([...files, ...open.map((d) => d.uri)].map((u) => u.toString()));
      const limited = skippedForMaxFiles(this.skips);
      for (const entry of [...this.entries.values()]) {
        if (wanted.has(entry.uri.toString())) continue;
        if (limited || !this.inWorkspaceScope(entry.uri) || !(await exists(entry.uri))) this.remove(entry.uri);
      }

      progress.report({ message: 'reading reference tables' });
      await this.indexReferences();
      const total = files.length + open.length;
      let done = 0;
      for (const doc of open) {
        if (generation !== this.scanGeneration || this.isDisposed) return;
        progress.report({ message: `analysing ${++done}/${total}` });
        await this.analyzeDocument(doc).catch((e) => this.log.error(`index ${doc.uri.toString()}`, e));
      }
      for (const uri of files) {
        if (generation !== this.scanGeneration || this.isDisposed) return;
        progress.report({ message: `analysing ${++done}/${total}` });
        if (open.some((d) => d.uri.toString() === uri.toString())) continue;
        await this.indexFile(uri).catch((e) => this.log.error(`index ${uri.toString()}`, e));
        await scheduler.yieldNow();
      }
      this.log.info(`Indexed ${this.entries.size} documents; longest uninterrupted analysis ${Math.round(this.longestSliceMs)} ms.`);
    });
  }

  /** Reads a workspace file from disk (through vscode.workspace.fs, so it works on the web too). */
  private indexFile(uri: vscode.Uri): Promise<void> {
    return this.serialised(uri, () => this.readAndIndex(uri));
  }

  private async readAndIndex(uri: vscode.Uri): Promise<void> {
    let size: number;
    try {
      size = (await vscode.workspace.fs.stat(uri)).size;
    } catch (e) {
      this.remove(uri);
      this.log.debug(`index: ${uri.toString()} is gone (${errorMessage(e)})`);
      return;
    }
    if (this.tooLarge(uri, size)) return;
    let text: string;
    try {
      text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
    } catch (e) {
      this.skips.set(uri.toString(), { uri, reason: `could not be read: ${errorMessage(e)}` });
      this.log.error(`index: could not read ${uri.toString()}`, e);
      return;
    }
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open && this.isRelevant(open)) {
      // Open in VS Code (perhaps only held after its editor closed): its text wins over the disk's.
      await this.analyzeOpen(open);
      return;
    }
    const previous = this.entries.get(uri.toString());
    if (previous && previous.text === text && previous.optionsGeneration === this.optionsOf(uri).generation) return;
    this.put(await this.analyseText(uri, -1, text, previous));
    this.reportNotices(uri, this.entries.get(uri.toString())?.analysis);
  }

  private tooLarge(uri: vscode.Uri, bytes: number): boolean {
    const { maxFileSize } = this.config.for(uri).analysis;
    if (bytes <= maxFileSize) return false;
    const where = vscode.workspace.asRelativePath(uri);
    this.skips.set(uri.toString(), { uri, reason: `larger than maxFileSize (${bytes} > ${maxFileSize} bytes)` });
    this.log.warnOnce(`maxFileSize:${uri.toString()}`, `Crime Annotator did not analyse ${where}: it is ${formatBytes(bytes)}, over the crimeAnnotator.analysis.maxFileSize limit of ${formatBytes(maxFileSize)}.`);
    this.remove(uri);
    return true;
  }

  private reportNotices(uri: vscode.Uri, analysis: DocumentAnalysis | undefined): void {
    for (const n of analysis?.notices ?? []) {
      if (n.severity !== 'info') this.log.warn(`${vscode.workspace.asRelativePath(uri)}: ${n.message}`);
    }
  }
}

function skippedForMaxFiles(skips: ReadonlyMap<string, SkippedDocument>): boolean {
  for (const s of skips.values()) if (s.reason.startsWith('beyond maxFiles')) return true;
  return false;
}

function exists(uri: vscode.Uri): Thenable<boolean> {
  return vscode.workspace.fs.stat(uri).then(() => true, () => false);
}

/** A record update this fast runs with every analysis; a slower one waits for a pause in typing. */
const syncInlineMs = 25;
/** Larger documents stay out of the cross-source record (see sync). */
const recordMaxChars = 250_000;
const syncDelayMs = 750;

/**
 * The whole-document analysis and line index are built on first read: a keystroke whose only
 * consumer is the decorations never pays for them. An entry superseded before anyone read it
 * reports its successor's analysis, which is why consumers compare versions first.
 */
/** What an entry keeps to analyse its document: the incremental analysis, or a whole one for short texts. */
interface DocumentAnalyser {
  readonly text: string;
  readonly analysis: DocumentAnalysis;
  chunkViews(): readonly ChunkView[] | undefined;
}

/** Up to this many characters (a long press release is 5,000 to 8,000) a document is analysed whole. */
const wholeAnalysisMaxChars = 12_000;

class WholeAnalysis implements DocumentAnalyser {
  readonly analysis: DocumentAnalysis;
  constructor(readonly text: string, options: AnalyzeOptions) {
    this.analysis = analyze(text, options);
  }
  chunkViews(): undefined {
    return undefined;
  }
}

function makeEntry(uri: vscode.Uri, version: number, text: string, incremental: DocumentAnalyser, optionsGeneration: number): Entry {
  let analysis: DocumentAnalysis | undefined;
  let lines: LineIndex | undefined;
  return {
    uri,
    version,
    text,
    incremental,
    optionsGeneration,
    get analysis() {
      return (analysis ??= incremental.analysis);
    },
    get lineIndex() {
      return (lines ??= new LineIndex(text));
    },
  };
}

/** UTF-8 size, encoding only when the answer could fall on either side of `limit`. */
function utf8Length(text: string, limit: number): number {
  if (text.length > limit || text.length * 3 <= limit) return text.length;
  return new TextEncoder().encode(text).length;
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.round(n / 1024)} KB`;
}
