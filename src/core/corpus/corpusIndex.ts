/**
 * The corpus index: every document of every folder analysed once, kept current from editors and from
 * the file system, and fed to the cross-source record. Holds the per-document queues, the record-sync
 * deferral, the skips with their reasons, each folder's lexicon and reference tables, and the
 * mentions of organisations and legal terms. It reaches the world only through a `WorkspacePort`, and
 * analysis only through an `AnalysisEngine`, so the same index serves the extension (VS Code port,
 * analysis in a worker), the CLI (Node file system, a pool of worker threads) and unit tests (in
 * memory).
 *
 * Folders are first-class: each has its own settings, lexicon and reference tables, and its documents
 * are analysed with its lexicon; the record spans all of them.
 */
import { utf8Length } from '../text/utf8';
import { LineIndex } from '../text/lines';
import {
  createRecordIndex,
  prepareSource,
  type ArithmeticCheck,
  type CrossSourceRecord,
  type DocumentEvent,
  type PossiblySame,
  type PreparedSource,
  type RecordIndex,
  type RecordIndexOptions,
  type RecordUpdate,
} from '../record';
import type { ChunkView } from '../incremental';
import type { DocumentAnalysis, LegalTermAnnotation, OrganisationAnnotation } from '../types';
import { CorpusDefinition, crimeReportMarkers, type CorpusSettings } from './definition';
import { builtInLexicon, createInProcessEngine, type AnalysedText, type AnalysisEngine, type LexiconRef } from './engine';
import { Emitter, disposeAll, type Event, type IDisposable } from './events';
import { decodeText, errorMessage, readFolderLexicon } from './lexiconFile';
import { folderOf, relativePathIn, type CorpusFolder, type OpenDocument, type SettingsChange, type WorkspacePort } from './port';
import { problemsOf, type DocumentProblems, type Suppression } from './problems';

/** One analysed document. Offsets are into `text` (the version analysed). */
export interface IndexedDocument {
  readonly uri: string;
  /** The folder it belongs to; undefined for an open document outside every folder. */
  readonly folder: CorpusFolder | undefined;
  /** The editor's version analysed, or -1 when read from disk. */
  readonly version: number;
  readonly text: string;
  readonly analysis: DocumentAnalysis;
  /** Built on first read (cheap for a press release, tens of ms for a book-length document). */
  readonly lineIndex: LineIndex;
  /** The analysed paragraphs while they describe `text`, for drawing decorations chunk by chunk. */
  chunkViews(): readonly ChunkView[] | undefined;
}

export interface SkippedDocument {
  readonly uri: string;
  readonly reason: string;
}

export interface EntityMention {
  readonly uri: string;
  readonly annotation: OrganisationAnnotation | LegalTermAnnotation;
}

/** An analysis that may carry its record source, made where it was analysed (the CLI's and the editor's workers). */
export type PreparedAnalysis = AnalysedText;

export interface CorpusIndexOptions {
  /** Where analysis runs; the caller's thread, in slices, by default. */
  readonly engine?: AnalysisEngine;
  readonly record?: RecordIndexOptions;
  /**
   * 'documents' (the editor) keeps every document's text and analysis for hovers, views and
   * decorations; 'record' (the CLI over a researcher's corpus) keeps only what the record needs and
   * hands each analysis to `onDidAnalyse` once.
   */
  readonly retain?: 'documents' | 'record';
  /** Longer documents stay out of the record (default `recordMaxChars`: an editor must not pause for one). */
  readonly recordMaxChars?: number;
}

/** Longer documents stay out of the cross-source record: it checks a document in one piece (about 1 ms a paragraph). */
export const recordMaxChars = 250_000;
/** A record update this fast runs with every analysis; a slower one waits for a pause in typing. */
const syncInlineMs = 25;
const syncDelayMs = 750;

interface Entry extends IndexedDocument {
  readonly lexiconKey: string;
}

interface FolderState {
  readonly folder: CorpusFolder;
  settings: CorpusSettings;
  definition: CorpusDefinition;
  lexicon: LexiconRef;
  readonly references: Set<string>;
  watchers: IDisposable[];
}

export class CorpusIndex implements IDisposable {
  private readonly engine: AnalysisEngine;
  private readonly record: RecordIndex;
  private readonly retain: 'documents' | 'record';
  private readonly recordLimit: number;
  private readonly folders = new Map<string, FolderState>();
  private readonly entries = new Map<string, Entry>();
  /** In 'record' mode: the documents in the record, by the hash of the text they were read with. */
  private readonly held = new Map<string, string>();
  private readonly skips = new Map<string, SkippedDocument>();
  private readonly pending = new Map<string, Promise<unknown>>();
  private readonly syncTimers = new Map<string, IDisposable>();
  private readonly syncCost = new Map<string, number>();
  /** The documents each record had claims in when last seen, so a relink can tell whom it touched. */
  private readonly recordDocs = new Map<string, readonly string[]>();
  private readonly subscriptions: IDisposable[] = [];
  private mentionCache: Map<string, EntityMention[]> | undefined;
  private suppression: Suppression | undefined;
  private scanChain: Promise<void> = Promise.resolve();
  private scanGeneration = 0;
  private folderChain: Promise<void> = Promise.resolve();
  private disposed = false;
  /** Set once a scan of the folders was asked for: from then on their files are watched and indexed. */
  private scanning = false;
  /** Documents staged in the record but not yet relinked (a scan relinks in slices). */
  private stagedUris = new Set<string>();

  private readonly _onDidAnalyse = new Emitter<IndexedDocument>();
  /** Fires as soon as a document's analysis changed, before the record catches up (for decorations). */
  readonly onDidAnalyse: Event<IndexedDocument> = this._onDidAnalyse.event;
  private readonly _onDidChange = new Emitter<{ readonly uris: readonly string[] }>();
  /**
   * Fires after documents were (re)analysed or removed and the record caught up, with every uri whose
   * analysis or records changed. For a long document this waits for a pause in typing.
   */
  readonly onDidChange: Event<{ readonly uris: readonly string[] }> = this._onDidChange.event;
  private readonly _onDidChangeScanning = new Emitter<boolean>();
  readonly onDidChangeScanning: Event<boolean> = this._onDidChangeScanning.event;

  /** The longest time analysis or the record held the index's thread without yielding, in ms. */
  longestBlockMs = 0;
  /** The same for analysing one document: a test of one document's slicing must not see another's cold first analysis. */
  private readonly blockByUri = new Map<string, number>();
  /** Resolves when the folders' lexicons are read and the last scan asked for is done. */
  ready: Promise<void> = Promise.resolve();

  constructor(
    private readonly port: WorkspacePort,
    options: CorpusIndexOptions = {},
  ) {
    this.engine = options.engine ?? createInProcessEngine(port.schedule);
    this.record = createRecordIndex({ logger: port.log, ...options.record });
    this.retain = options.retain ?? 'documents';
    this.recordLimit = options.recordMaxChars ?? recordMaxChars;
    this.subscriptions.push(
      port.onDidChangeFolders(() => this.onFoldersChanged()),
      port.onDidChangeSettings((change) => this.onSettingsChanged(change)),
      port.onDidGrantTrust(() => this.onFoldersChanged(true)),
    );
  }

  // ---- lifecycle ---------------------------------------------------------------------------

  /**
   * Reads each folder's lexicon and starts watching it. With `scan`, also finds and indexes every
   * document of the folders (otherwise only documents handed to `analyseOpen` are indexed until
   * `scan()` is called: two-step activation).
   */
  start(options: { readonly scan: boolean }): Promise<void> {
    this.ready = this.onFoldersChanged().then(() => (options.scan ? this.scan() : undefined));
    return this.ready;
  }

  /** Whether the folders' files are indexed (a scan was asked for). */
  get isScanning(): boolean {
    return this.scanning;
  }

  /** Indexes every document of every folder, and from then on keeps them current from the file system. */
  scan(): Promise<void> {
    if (!this.scanning) {
      this.scanning = true;
      for (const state of this.folders.values()) this.watchFolder(state);
      this._onDidChangeScanning.fire(true);
    }
    const generation = ++this.scanGeneration;
    const run = () => this.scanAll(generation);
    this.scanChain = this.scanChain.then(run, run);
    this.ready = this.folderChain.then(() => this.scanChain);
    return this.scanChain;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const all: IDisposable[] = [
      ...this.subscriptions,
      ...this.syncTimers.values(),
      this.engine,
      this._onDidAnalyse,
      this._onDidChange,
      this._onDidChangeScanning,
    ];
    for (const s of this.folders.values()) all.push(...s.watchers);
    this.folders.clear();
    this.syncTimers.clear();
    disposeAll(all);
  }

  /** Lets the review feature say which highlights were marked "not a claim". */
  setSuppression(suppression: Suppression | undefined): void {
    this.suppression = suppression;
  }

  // ---- queries -----------------------------------------------------------------------------

  get isEmpty(): boolean {
    return this.entries.size === 0 && this.held.size === 0;
  }

  get(uri: string): IndexedDocument | undefined {
    return this.entries.get(uri);
  }

  documents(): readonly IndexedDocument[] {
    return [...this.entries.values()];
  }

  /** How many documents the record holds (in 'record' mode `documents()` keeps none). */
  get documentCount(): number {
    return this.retain === 'record' ? this.held.size : this.entries.size;
  }

  skipped(): readonly SkippedDocument[] {
    return [...this.skips.values()];
  }

  /** Why `uri` was left out, if it was. */
  skipReason(uri: string): string | undefined {
    return this.skips.get(uri)?.reason;
  }

  /** The documents the last scan set out to index, in the order it takes them (sorted per folder). */
  get scanOrder(): readonly string[] {
    return this._scanOrder;
  }
  private _scanOrder: readonly string[] = [];

  folderList(): readonly CorpusFolder[] {
    return [...this.folders.values()].map((s) => s.folder);
  }

  folderOf(uri: string): CorpusFolder | undefined {
    return folderOf(this.folderList(), uri);
  }

  /** The reference tables in the record, by uri. */
  referenceTables(): readonly string[] {
    return [...this.folders.values()].flatMap((s) => [...s.references]);
  }

  recordForFigure(uri: string, annotationId: string): CrossSourceRecord | undefined {
    return this.record.recordFor(uri, annotationId);
  }

  records(): readonly CrossSourceRecord[] {
    return this.record.records();
  }

  conflicts(): readonly CrossSourceRecord[] {
    return this.record.conflicts();
  }

  /** Every event: the documents that report it and the evidence that joined them. */
  events(): readonly DocumentEvent[] {
    return this.record.events();
  }

  /** The event `uri` reports (its documents and the evidence that joined them), once it is in the record. */
  eventOf(uri: string): DocumentEvent | undefined {
    return this.record.eventOf(uri);
  }

  /** Records that may count the same thing but were not joined. */
  possiblySame(): readonly PossiblySame[] {
    return this.record.possiblySame();
  }

  /** The longest time, in ms, analysing `uri` held the index's thread in one piece (0 if never analysed). */
  longestBlockMsOf(uri: string): number {
    return this.blockByUri.get(uri) ?? 0;
  }

  checksFor(uri: string): readonly ArithmeticCheck[] {
    return this.record.checksFor(uri);
  }

  checksInvolving(uri: string, annotationId: string): readonly ArithmeticCheck[] {
    return this.checksFor(uri).filter((c) => c.operands.some((o) => o.annotationId === annotationId));
  }

  /** The document's conflicts, failed checks and suppressed marks, in one answer (undefined when not indexed). */
  problemsOf(uri: string): DocumentProblems | undefined {
    const entry = this.entries.get(uri);
    if (!entry) return undefined;
    const shared = this.problemsWhileTelling?.get(uri);
    if (shared?.entry === entry) return shared.problems;
    const problems = problemsOf(uri, entry.text, entry.analysis, (id) => this.record.recordFor(uri, id), this.record.checksFor(uri), this.suppression);
    this.problemsWhileTelling?.set(uri, { entry, problems });
    return problems;
  }

  /**
   * A document's problems as worked out while `onDidChange` is being delivered: the status bar, the
   * decorations and the Problems panel each ask for the changed documents' problems, and a 5 MB
   * release's took tens of milliseconds each time. They share one answer for the same analysis; a change
   * told while another is being told starts afresh, for both.
   */
  private problemsWhileTelling: Map<string, { readonly entry: IndexedDocument; readonly problems: DocumentProblems }> | undefined;

  mentionsOf(entityId: string): readonly EntityMention[] {
    if (!this.mentionCache) {
      const cache = new Map<string, EntityMention[]>();
      for (const entry of this.entries.values()) {
        for (const a of entry.analysis.annotations) {
          if (a.kind !== 'organisation' && a.kind !== 'legal-term') continue;
          const id = a.kind === 'organisation' ? a.entityId : a.termId;
          let list = cache.get(id);
          if (!list) cache.set(id, (list = []));
          list.push({ uri: entry.uri, annotation: a });
        }
      }
      this.mentionCache = cache;
    }
    return this.mentionCache.get(entityId) ?? [];
  }

  // ---- documents from editors -------------------------------------------------------------

  /** Analyses an open document now (unless the index already holds this version). */
  analyseOpen(doc: OpenDocument): Promise<IndexedDocument | undefined> {
    return this.serialised(doc.uri, () => this.analyseOpenNow(doc));
  }

  /** An editor closed: a document outside the scanned folders leaves; a folder's document goes back to its disk text. */
  documentClosed(uri: string): void {
    const entry = this.entries.get(uri);
    if (!entry) return;
    if (!this.inScope(uri)) this.remove(uri);
    else if (entry.version !== -1) this.track(this.indexFile(uri), 'index.documentClosed');
  }

  private async analyseOpenNow(doc: OpenDocument): Promise<IndexedDocument | undefined> {
    const current = this.entries.get(doc.uri);
    const lexicon = this.lexiconFor(doc.uri);
    if (current && current.version === doc.version && current.lexiconKey === lexicon.key) return current;
    const text = doc.getText();
    if (this.tooLarge(doc.uri, utf8Length(text, this.settingsFor(doc.uri).maxFileSize))) return undefined;
    const analysed = await this.engine.analyse({ uri: doc.uri, text, lexicon });
    // Put even if the document moved on meanwhile: it is newer than what the index holds, and
    // readers compare versions before trusting offsets.
    return this.put(doc.uri, doc.version, analysed, lexicon.key);
  }

  // ---- folders, settings, trust ------------------------------------------------------------

  private onFoldersChanged(reloadAll = false): Promise<void> {
    const run = async () => {
      const now = new Map(this.port.folders().map((f) => [f.uri, f]));
      for (const [uri, state] of [...this.folders]) {
        if (now.has(uri) && !reloadAll) continue;
        disposeAll(state.watchers);
        this.folders.delete(uri);
        for (const table of state.references) this.fireChange(table, this.record.removeReference(table));
      }
      for (const folder of now.values()) {
        if (this.folders.has(folder.uri)) continue;
        const settings = this.port.settings(folder.uri);
        const state: FolderState = {
          folder,
          settings,
          definition: new CorpusDefinition(settings),
          lexicon: builtInLexicon,
          references: new Set(),
          watchers: [],
        };
        this.folders.set(folder.uri, state);
        state.lexicon = await readFolderLexicon(this.port, folder, settings.lexiconFile);
        this.watchFolder(state);
      }
    };
    this.folderChain = this.folderChain.then(run, run).catch((e) => this.port.log.error('index: folders', e));
    return this.folderChain.then(() => {
      if (this.scanning) return this.scan();
      return this.reanalyseOpen();
    });
  }

  private onSettingsChanged(change: SettingsChange): void {
    let rescan = false;
    for (const state of this.folders.values()) {
      const uri = state.folder.uri;
      const affected = (['include', 'exclude', 'referenceFiles', 'maxFiles', 'maxFileSize', 'lexiconFile'] as const).filter((k) => change.affects(k, uri));
      if (affected.length === 0 && !change.affects('annotatedLanguages', uri)) continue;
      rescan = true;
      state.settings = this.port.settings(uri);
      state.definition = new CorpusDefinition(state.settings);
      if (affected.includes('lexiconFile')) {
        const reload = async () => {
          state.lexicon = await readFolderLexicon(this.port, state.folder, state.settings.lexiconFile);
        };
        this.folderChain = this.folderChain.then(reload, reload);
      }
      // New globs need new watchers: a file created later that matches only the new include is indexed too.
      this.watchFolder(state);
    }
    if (!rescan && change.affects('annotatedLanguages')) rescan = true;
    if (!rescan) return;
    this.track(
      this.folderChain.then(() => (this.scanning ? this.scan() : this.reanalyseOpen())),
      'index.settings',
    );
  }

  /** (Re)creates a folder's watchers: its lexicon file always, its documents and reference tables once scanning. */
  private watchFolder(state: FolderState): void {
    disposeAll(state.watchers);
    state.watchers = [];
    const { folder, settings } = state;
    if (settings.lexiconFile) {
      const reload = () =>
        this.track(
          (async () => {
            state.lexicon = await readFolderLexicon(this.port, folder, state.settings.lexiconFile);
            await (this.scanning ? this.reanalyseFolder(state) : this.reanalyseOpen());
          })(),
          'index.lexicon',
        );
      state.watchers.push(this.port.watch(folder, settings.lexiconFile, { created: reload, changed: reload, deleted: reload }));
    }
    if (!this.scanning) {
      // A crime report arriving in a folder that had none: from now on the workspace is indexed.
      state.watchers.push(
        this.port.watch(folder, `{${crimeReportMarkers.join(',')}}`, { created: () => this.track(this.scan(), 'index.scan (a crime report appeared)') }),
      );
      return;
    }
    state.watchers.push(
      this.port.watch(folder, settings.include, {
        created: (uri) => this.onDiskChange(uri),
        changed: (uri) => this.onDiskChange(uri),
        deleted: (uri) => this.onDiskDelete(uri),
      }),
      // A deleted, renamed or moved-in folder is one event for the folder, which the include glob
      // does not match; and a file written the moment its folder is made can come before the watch on it.
      this.port.watch(folder, '**/*', { created: (uri) => this.onCreateOutsideGlob(state, uri), deleted: (uri) => this.onFolderDelete(uri) }),
    );
    if (settings.referenceFiles && this.port.isTrusted()) {
      const read = (uri: string) => this.track(this.indexReference(state, uri), 'index.references');
      state.watchers.push(
        this.port.watch(folder, settings.referenceFiles, {
          created: read,
          changed: read,
          deleted: (uri) => {
            state.references.delete(uri);
            this.fireChange(uri, this.record.removeReference(uri));
          },
        }),
      );
    }
  }

  private folderStateOf(uri: string): FolderState | undefined {
    const folder = folderOf(this.folderList(), uri);
    return folder && this.folders.get(folder.uri);
  }

  private lexiconFor(uri: string): LexiconRef {
    return this.folderStateOf(uri)?.lexicon ?? builtInLexicon;
  }

  private settingsFor(uri: string): CorpusSettings {
    return this.folderStateOf(uri)?.settings ?? this.port.settings(uri);
  }

  /** Whether `uri` is a document of a scanned folder under its settings. */
  private inScope(uri: string): boolean {
    if (!this.scanning) return false;
    const state = this.folderStateOf(uri);
    return !!state && state.definition.roleOf(relativePathIn(state.folder, uri)) === 'document';
  }

  private async reanalyseOpen(): Promise<void> {
    for (const doc of this.port.openDocuments()) {
      if (!doc.annotated) {
        if (this.entries.has(doc.uri) && !this.inScope(doc.uri)) this.remove(doc.uri);
        continue;
      }
      if (!this.entries.has(doc.uri)) continue;
      await this.analyseOpen(doc).catch((e) => this.port.log.error(`index ${doc.uri}`, e));
    }
  }

  private async reanalyseFolder(state: FolderState): Promise<void> {
    for (const entry of [...this.entries.values()]) {
      if (this.folderStateOf(entry.uri) !== state || this.disposed) continue;
      const open = this.port.openDocument(entry.uri);
      await (open?.annotated ? this.analyseOpen(open) : this.indexFile(entry.uri)).catch((e) => this.port.log.error(`index ${entry.uri}`, e));
      await this.port.schedule.yieldNow();
    }
  }

  // ---- the file system -----------------------------------------------------------------------

  private onDiskChange(uri: string): void {
    // An open document is kept current from its editor, not from disk.
    if (this.port.openDocument(uri)?.annotated) return;
    if (!this.inScope(uri)) return;
    this.track(this.indexFile(uri), 'index.watcher');
  }

  /**
   * A deleted file leaves the index even while the editor still holds its document (VS Code keeps
   * closed documents a while); only unsaved edits keep it, as the user may save it again.
   */
  private onDiskDelete(uri: string): void {
    if (this.port.openDocument(uri)?.isDirty) return;
    this.track(
      this.serialised(uri, async () => {
        if (!(await this.port.stat(uri))) this.remove(uri);
      }),
      'index.watcher (delete)',
    );
  }

  /**
   * Something the include glob does not match was created. If it is a folder (the port's `stat`
   * knows files only), its documents are indexed now: a folder moved or unpacked into the workspace
   * is one event, for the folder only.
   */
  private onCreateOutsideGlob(state: FolderState, uri: string): void {
    if (!this.scanning || this.inScope(uri)) return;
    this.track(
      (async () => {
        if (await this.port.stat(uri)) return; // a file the include glob does not want
        const prefix = uri.endsWith('/') ? uri : `${uri}/`;
        const { include, maxFiles } = state.settings;
        const found = await this.port.findFiles(state.folder, include, state.definition.excludeGlob(), maxFiles);
        for (const file of [...found].sort()) {
          if (this.disposed || this.documentCount >= maxFiles) return;
          if (file.startsWith(prefix) && this.inScope(file) && !this.entries.has(file) && !this.held.has(file)) await this.indexFile(file);
        }
      })(),
      'index.watcher (folder created)',
    );
  }

  private onFolderDelete(folder: string): void {
    const prefix = folder.endsWith('/') ? folder : `${folder}/`;
    for (const uri of [...this.entries.keys(), ...this.held.keys()]) if (uri.startsWith(prefix)) this.onDiskDelete(uri);
  }

  private indexFile(uri: string): Promise<void> {
    return this.serialised(uri, () => this.readAndIndex(uri));
  }

  private async readAndIndex(uri: string): Promise<void> {
    const stat = await this.port.stat(uri).catch(() => undefined);
    if (!stat) {
      this.remove(uri);
      return;
    }
    if (this.tooLarge(uri, stat.size)) return;
    let text: string;
    try {
      text = decodeText(await this.port.readFile(uri));
    } catch (e) {
      this.skips.set(uri, { uri, reason: `could not be read: ${errorMessage(e)}` });
      this.port.log.error(`index: could not read ${uri}`, e);
      return;
    }
    const open = this.port.openDocument(uri);
    if (open?.annotated) {
      // Open in an editor (perhaps only held after its editor closed): its text wins over the disk's.
      await this.analyseOpenNow(open);
      return;
    }
    const lexicon = this.lexiconFor(uri);
    const previous = this.entries.get(uri);
    if (previous && previous.text === text && previous.lexiconKey === lexicon.key) return;
    const analysed = await this.engine.analyse({ uri, text, lexicon, ...(this.staging ? { prepare: true } : {}) });
    const entry = this.put(uri, -1, analysed, lexicon.key);
    for (const n of entry.analysis.notices) if (n.severity !== 'info') this.port.log.warn(`${this.port.displayPath(uri)}: ${n.message}`);
  }

  private tooLarge(uri: string, bytes: number): boolean {
    const { maxFileSize } = this.settingsFor(uri);
    if (bytes <= maxFileSize) return false;
    this.skips.set(uri, { uri, reason: `larger than maxFileSize (${bytes} > ${maxFileSize} bytes)` });
    this.port.log.notifyOnce(
      `maxFileSize:${uri}`,
      `Crime Annotator did not analyse ${this.port.displayPath(uri)}: it is ${formatBytes(bytes)}, over the crimeAnnotator.analysis.maxFileSize limit of ${formatBytes(maxFileSize)}.`,
    );
    this.remove(uri);
    return true;
  }

  // ---- reference tables ----------------------------------------------------------------------

  private async indexReferences(state: FolderState): Promise<void> {
    const { referenceFiles } = state.settings;
    const found = new Set<string>();
    if (referenceFiles && this.port.isTrusted()) {
      const uris = await this.port.findFiles(state.folder, referenceFiles, state.definition.excludeGlob(), 200);
      for (const uri of [...uris].sort()) {
        if (state.definition.roleOf(relativePathIn(state.folder, uri)) !== 'reference') continue;
        found.add(uri);
        await this.indexReference(state, uri);
      }
    }
    for (const table of [...state.references]) {
      if (found.has(table)) continue;
      state.references.delete(table);
      this.fireChange(table, this.record.removeReference(table));
    }
  }

  private async indexReference(state: FolderState, uri: string): Promise<void> {
    try {
      const text = decodeText(await this.port.readFile(uri));
      const problems = this.record.addReference(uri, text, uri.toLowerCase().endsWith('.json') ? 'json' : 'csv');
      state.references.add(uri);
      for (const p of problems) this.port.log.warn(`${this.port.displayPath(uri)} row ${p.row}: ${p.message}`);
      // The rows a table could not use change what the record says, so the user hears of them, once per version of the table.
      if (problems.length > 0) {
        const first = problems
          .slice(0, 2)
          .map((p) => `row ${p.row}: ${p.message}`)
          .join(' ');
        this.port.log.notifyOnce(
          `reference:${uri}:${problems.map((p) => `${p.row} ${p.message}`).join('|')}`,
          `Crime Annotator could not use all of the reference table ${this.port.displayPath(uri)}: ${first}${problems.length > 2 ? ` (and ${problems.length - 2} more problems; see the log)` : ''}`,
        );
      }
      this._onDidChange.fire({ uris: [...this.entries.keys()] }, (e) => this.port.log.error('index.onDidChange listener', e));
    } catch (e) {
      this.port.log.error(`index: could not read reference table ${uri}`, e);
    }
  }

  // ---- scanning ------------------------------------------------------------------------------

  private async scanAll(generation: number): Promise<void> {
    const stale = () => generation !== this.scanGeneration || this.disposed;
    if (stale()) return;
    const task = async (report: (message: string) => void) => {
      this.skips.clear(); // this scan finds again what the limits keep out
      report('finding documents');
      const files: string[] = [];
      let limited = false;
      for (const state of this.folders.values()) {
        const { include, maxFiles } = state.settings;
        const found = (await this.port.findFiles(state.folder, include, state.definition.excludeGlob(), maxFiles + 1))
          .filter((uri) => state.definition.roleOf(relativePathIn(state.folder, uri)) === 'document')
          .sort();
        if (found.length > maxFiles) {
          limited = true;
          const first = found[maxFiles];
          this.skips.set(first, { uri: first, reason: `beyond maxFiles (${maxFiles})` });
          this.port.log.notifyOnce(
            `maxFiles:${state.folder.uri}`,
            `Crime Annotator indexed only ${maxFiles} files of ${state.folder.name} (crimeAnnotator.workspace.maxFiles); ${this.port.displayPath(first)} and any after it were not indexed.`,
          );
          found.length = maxFiles;
        }
        files.push(...found);
        if (stale()) return;
      }
      const open = this.port.openDocuments().filter((d) => d.annotated);
      this._scanOrder = [...open.map((d) => d.uri), ...files.filter((u) => !open.some((d) => d.uri === u))];
      // Forget what is no longer in scope (settings changed, files deleted while not watched). A
      // search can come back short on a busy machine, so without a limit in force a file it missed
      // stays while it is still in scope and on disk.
      const wanted = new Set([...files, ...open.map((d) => d.uri)]);
      for (const uri of [...this.entries.keys(), ...this.held.keys()]) {
        if (wanted.has(uri)) continue;
        if (limited || !this.inScope(uri) || !(await this.port.stat(uri))) this.remove(uri);
      }
      report('reading reference tables');
      for (const state of this.folders.values()) await this.indexReferences(state);

      const total = files.length + open.length;
      let done = 0;
      let lastReport = 0;
      const progress = () => {
        done++;
        const now = this.port.schedule.now();
        if (now - lastReport > 250) {
          lastReport = now;
          report(`analysing ${done}/${total}`);
        }
      };
      this.staging = true;
      try {
        for (const doc of open) {
          if (stale()) return;
          progress();
          await this.analyseOpen(doc).catch((e) => this.port.log.error(`index ${doc.uri}`, e));
        }
        const openUris = new Set(open.map((d) => d.uri));
        // A few documents in flight at once, so an engine with several workers keeps them all busy.
        const inFlight = new Set<Promise<void>>();
        for (const uri of files) {
          if (stale()) break;
          if (openUris.has(uri)) continue;
          progress();
          const p = this.indexFile(uri)
            .catch((e) => {
              this.skips.set(uri, { uri, reason: `could not be analysed: ${errorMessage(e)}` });
              this.port.log.error(`index ${uri}`, e);
            })
            .finally(() => inFlight.delete(p));
          inFlight.add(p);
          if (inFlight.size >= this.concurrency) await Promise.race(inFlight);
          await this.flushStaged(false);
        }
        await Promise.all(inFlight);
      } finally {
        this.staging = false;
        await this.flushStaged(true);
      }
      if (!stale())
        this.port.log.info(
          `Indexed ${this.documentCount} documents in ${this.folders.size} folder(s); analysis ran ${this.engine.where}; longest block ${Math.round(this.longestBlockMs)} ms.`,
        );
    };
    await (this.port.withProgress ? this.port.withProgress('Crime Annotator', task) : task(() => undefined));
  }

  /** How many documents a scan keeps in flight: enough to keep an engine's workers busy. */
  concurrency = 4;
  /** While a scan runs, documents read from disk are staged in the record and relinked in slices. */
  private staging = false;
  private lastFlush = 0;
  private lastFlushCost = 0;

  /** Relinks staged documents: every ~200 ms during a scan (so problems appear as it goes), all at its end. */
  private async flushStaged(all: boolean): Promise<void> {
    if (this.stagedUris.size === 0) return;
    const { schedule } = this.port;
    // During a scan: every 200 ms, or ten times as long as the last flush took (a flush relinks whole
    // groups, so flushing a growing corpus too often would cost in proportion to its square); the CLI
    // ('record' mode) has nobody to show progress to and relinks once at the end.
    if (!all && (this.retain === 'record' || schedule.now() - this.lastFlush < Math.max(200, 10 * this.lastFlushCost))) return;
    const uris = this.stagedUris;
    this.stagedUris = new Set();
    // Analyses come back from workers in no fixed order; the record is built in the scan's order, so
    // its events (and output) are the same whatever the workers' timing.
    const position = new Map(this._scanOrder.map((u, i) => [u, i]));
    const byScanOrder = (a: string, b: string) => (position.get(a) ?? Infinity) - (position.get(b) ?? Infinity) || 0;
    const began = schedule.now();
    const changed: string[] = [];
    let result: RecordUpdate & { done: boolean };
    do {
      const start = schedule.now();
      result = this.record.flush(() => schedule.now() - start >= schedule.budgetMs, byScanOrder);
      this.noteBlock(schedule.now() - start);
      changed.push(...result.changedRecords);
      if (!result.done) await schedule.yieldNow();
    } while (!result.done && !this.disposed);
    this.lastFlush = schedule.now();
    this.lastFlushCost = this.lastFlush - began;
    this.fireChanges([...uris], changed);
  }

  // ---- storing analyses and the record -----------------------------------------------------

  /**
   * Stores a new analysis and tells the decorations at once; the record (and with it every listener
   * of onDidChange) follows at once too, unless bringing this document's record up to date took long
   * last time: then it waits until typing pauses, so a keystroke in a long document stays cheap.
   */
  private put(uri: string, version: number, analysed: PreparedAnalysis, lexiconKey: string): IndexedDocument {
    this.noteBlock(analysed.longestBlockMs, uri);
    this.blockByUri.set(uri, Math.max(this.blockByUri.get(uri) ?? 0, analysed.longestBlockMs));
    const entry = makeEntry(uri, this.folderOf(uri), version, analysed, lexiconKey);
    this.skips.delete(uri);
    if (this.retain === 'record') {
      this.held.set(uri, lexiconKey);
      this._onDidAnalyse.fire(entry, (e) => this.port.log.error('index.onDidAnalyse listener', e));
      this.syncPrepared(uri, entry, analysed.prepared);
      return entry;
    }
    this.entries.set(uri, entry);
    this.mentionCache = undefined;
    this._onDidAnalyse.fire(entry, (e) => this.port.log.error('index.onDidAnalyse listener', e));
    this.syncTimers.get(uri)?.dispose();
    this.syncTimers.delete(uri);
    if (this.staging && version === -1) {
      this.syncPrepared(uri, entry, analysed.prepared);
      return entry;
    }
    const cost = this.syncCost.get(uri) ?? (entry.text.length < 50_000 ? 0 : Infinity);
    if (cost < syncInlineMs) this.sync(uri);
    else
      this.syncTimers.set(
        uri,
        this.port.schedule.setTimer(() => this.sync(uri), syncDelayMs),
      );
    return entry;
  }

  /** Stages a document read during a scan (or by the CLI): relinked with the others by `flushStaged`. */
  private syncPrepared(uri: string, entry: IndexedDocument, prepared: PreparedSource | undefined): void {
    if (entry.text.length > this.recordLimit) {
      this.noteTooLongForRecord(uri, entry.text.length);
      this.fireChange(uri, this.record.remove(uri));
      return;
    }
    const t0 = this.port.schedule.now();
    try {
      this.record.stage(uri, prepared ?? prepareOf(uri, entry, this.port));
    } catch (e) {
      this.port.log.error(`record.stage ${uri}`, e);
    }
    this.noteBlock(this.port.schedule.now() - t0, uri);
    this.stagedUris.add(uri);
  }

  private sync(uri: string): void {
    this.syncTimers.delete(uri);
    const entry = this.entries.get(uri);
    if (!entry || this.disposed) return;
    if (entry.text.length > this.recordLimit) {
      this.noteTooLongForRecord(uri, entry.text.length);
      this.fireChange(uri, this.record.remove(uri));
      return;
    }
    const t0 = this.port.schedule.now();
    let update: RecordUpdate = { changedRecords: [] };
    try {
      update = this.record.upsert({ id: uri, analysis: entry.analysis, text: entry.text, meta: entry.analysis.meta });
    } catch (e) {
      this.port.log.error(`record.upsert ${uri}`, e);
    }
    const ms = this.port.schedule.now() - t0;
    this.syncCost.set(uri, ms);
    this.noteBlock(ms);
    if (ms > 50)
      this.port.log.warn(`Updating the cross-source record for ${this.port.displayPath(uri)} took ${Math.round(ms)} ms; it now waits for typing to pause.`);
    this.fireChange(uri, update);
  }

  private noteTooLongForRecord(uri: string, length: number): void {
    this.port.log.notifyOnce(
      `record-size:${uri}`,
      `Crime Annotator did not add ${this.port.displayPath(uri)} to the cross-source record: at ${length.toLocaleString('en-GB')} characters it is over the ${this.recordLimit.toLocaleString('en-GB')} the record checks without pausing the editor. Its figures are still highlighted.`,
    );
  }

  private noteBlock(ms: number, uri?: string): void {
    this.longestBlockMs = Math.max(this.longestBlockMs, ms);
    if (ms > 50 && uri)
      this.port.log.warn(
        `Analysing ${this.port.displayPath(uri)} held the thread for ${Math.round(ms)} ms in one piece (a single long paragraph cannot be split).`,
      );
  }

  private remove(uri: string): void {
    const had = this.entries.delete(uri) || this.held.delete(uri);
    this.engine.forget(uri);
    this.blockByUri.delete(uri);
    if (!had) return;
    this.mentionCache = undefined;
    this.stagedUris.delete(uri);
    this.syncTimers.get(uri)?.dispose();
    this.syncTimers.delete(uri);
    this.fireChange(uri, this.record.remove(uri));
  }

  /** Tells listeners about `uri` and every other document whose records the update relinked. */
  private fireChange(uri: string, update: RecordUpdate): void {
    this.fireChanges([uri], update.changedRecords);
  }

  private fireChanges(uris: readonly string[], changedRecords: readonly string[]): void {
    if (this.retain === 'record') return; // nobody draws anything from a record-only index
    const touched = new Set<string>(uris);
    for (const id of changedRecords) {
      for (const docId of this.recordDocs.get(id) ?? []) touched.add(docId);
      const now = [...new Set(this.record.record(id)?.claims.map((c) => c.docId) ?? [])];
      now.forEach((d) => touched.add(d));
      if (now.length > 0) this.recordDocs.set(id, now);
      else this.recordDocs.delete(id);
    }
    const asked = new Set(uris);
    const known = [...touched].filter((u) => this.entries.has(u) || asked.has(u));
    const outer = this.problemsWhileTelling;
    this.problemsWhileTelling = new Map();
    try {
      this._onDidChange.fire({ uris: known }, (e) => this.port.log.error('index.onDidChange listener', e));
    } finally {
      outer?.clear();
      this.problemsWhileTelling = outer;
    }
  }

  /** Runs work on one document after the work already queued for it (a delete that arrives during a read then comes after it). */
  private async serialised<T>(uri: string, work: () => Promise<T>): Promise<T> {
    const previous = this.pending.get(uri) ?? Promise.resolve();
    const next = previous.then(work, work);
    this.pending.set(uri, next);
    try {
      return await next;
    } finally {
      if (this.pending.get(uri) === next) this.pending.delete(uri);
    }
  }

  private track(work: Promise<unknown>, where: string): void {
    work.catch((e) => this.port.log.error(where, e));
  }
}

function prepareOf(uri: string, entry: IndexedDocument, port: WorkspacePort): PreparedSource {
  return prepareSource({ id: uri, analysis: entry.analysis, text: entry.text, meta: entry.analysis.meta }, port.log);
}

function makeEntry(uri: string, folder: CorpusFolder | undefined, version: number, analysed: AnalysedText, lexiconKey: string): Entry {
  let lines: LineIndex | undefined;
  return {
    uri,
    folder,
    version,
    text: analysed.text,
    lexiconKey,
    get analysis() {
      return analysed.analysis;
    },
    get lineIndex() {
      return (lines ??= new LineIndex(analysed.text));
    },
    chunkViews: () => analysed.chunkViews(),
  };
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.round(n / 1024)} KB`;
}
