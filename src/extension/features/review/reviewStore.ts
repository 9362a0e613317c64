/**
 * The review marks of one workspace folder and their file (`review.annotationsFile` in that folder,
 * as its settings name it; reviewStores.ts keeps one store per folder).
 * Nothing is lost: every write goes to a temporary file renamed over the real one; before writing,
 * the file on disk is compared with what was last read or written, and a change by someone else (a
 * git pull) is merged in first; a file that cannot be read is reported with its path and line, left
 * exactly as it is, and the store turns read-only until the file is fixed. Fields of the file this
 * version does not understand are kept through every write (core/review/preserve.ts).
 *
 * A file can hold 100,000 marks (90 MB): it is read, parsed and written in slices that never hold
 * the extension host for long, marks are indexed by document, each mark's bytes are remembered so a
 * write after one change copies the rest, and the file is only read again when its size or time
 * changed. Past `largeFileMarks` marks or `largeFileBytes` the user is told once.
 */
import * as vscode from 'vscode';
import {
  ItemBytesCache,
  mergeMarks,
  parseMarksSteps,
  serializeMarksSteps,
  workspaceBase,
  type AnnotationsFileIdentity,
  type ParseResult,
  type PreservedFields,
  type ReviewMark,
} from '../../../core/review';
import { runInSlices } from '../../../core/slices';
import type { ConfigurationService, ExtensionLogger } from '../../services/types';
import { Disposable } from '../../util/dispose';
import { errorMessage, logErrors } from '../../util/errors';
import { assertNoLinkOut, sideFileOf } from '../../util/sideFiles';
import { hostScheduler } from '../../util/slices';
import { workspaceFsFiles, type LargeFiles } from '../../util/largeFiles';
import { newUuid } from './actions';

import type { StoreProblem } from './types';

export type { StoreProblem };

export class ReadOnlyError extends Error {}

/** One action, as undo needs it: the marks it removed and the marks it added. */
export interface UndoEntry {
  readonly serial: number;
  readonly label: string;
  readonly removed: readonly ReviewMark[];
  readonly added: readonly ReviewMark[];
}

export interface StoreChange {
  readonly add?: readonly ReviewMark[];
  readonly remove?: readonly string[];
}

/** Past either, loading and saving take long enough to mention; docs/annotations-format.md says so too. */
export const largeFileMarks = 20_000;
export const largeFileBytes = 20 * 1024 * 1024;
/** Up to this size the file's text is kept to compare with; a larger file is compared by size and time. */
const keepTextBytes = 1024 * 1024;

interface DiskState {
  readonly size: number;
  readonly mtime: number;
  /** The text, for a small file (see keepTextBytes). */
  readonly text?: string;
}

/** What the file on disk holds, as read. */
interface DiskRead {
  readonly bytes: Uint8Array | undefined;
  readonly state: DiskState | undefined;
}

export class ReviewStore extends Disposable {
  private marks = new Map<string, ReviewMark>();
  /** The marks of each document (by workspace-relative path), for the places that ask per document. */
  private byDocument = new Map<string, ReviewMark[]>();
  /** The file's marks as last read or written: the base of a merge. */
  private base: readonly ReviewMark[] = [];
  /** The page's fields this version does not understand, written back as they were read. */
  private page: PreservedFields | undefined;
  /** The base the file states for its documents' IRIs; made on the first write of a file without one (a new or a format-1 file). */
  private statedBase: string | undefined;
  private disk: DiskState | undefined;
  private readonly bytesCache = new ItemBytesCache();
  private _problem: StoreProblem | undefined;
  private readonly undoStack: UndoEntry[] = [];
  /** Counts merges with the file on disk, so an action knows one happened while it was written. */
  private merges = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private watcher: vscode.Disposable | undefined;
  private warnedLarge = false;
  private readonly _onDidChange = this._register(new vscode.EventEmitter<ReadonlySet<string> | undefined>());
  /** Fires after the marks or the read-only state changed, with the documents whose marks changed (undefined: any). */
  readonly onDidChange = this._onDidChange.event;
  /** Merge conflicts and read problems, for the user (also logged). */
  private readonly _onDidReport = this._register(new vscode.EventEmitter<string>());
  readonly onDidReport = this._onDidReport.event;
  /** The longest time, in ms, one slice of reading or writing the file held the extension host. */
  longestSliceMs = 0;

  constructor(
    private readonly config: ConfigurationService,
    private readonly log: ExtensionLogger,
    readonly folder: vscode.WorkspaceFolder,
    /** Numbers undo steps across every folder's store, so "Undo" finds the one it means. */
    private readonly nextSerial: () => number,
    private readonly files: LargeFiles = workspaceFsFiles,
  ) {
    super();
    this._register({ dispose: () => this.watcher?.dispose() });
    this._register(config.onDidChange((c) => c.affects('review') && logErrors(this.load(), 'review.reload (settings changed)', log)));
  }

  /** The annotations file, when the setting names a place inside the workspace folder. */
  get fileUri(): vscode.Uri | undefined {
    return this.side()?.uri;
  }

  private side() {
    return sideFileOf(this.config.for(this.folder.uri).review.annotationsFile, 'crimeAnnotator.review.annotationsFile', this.folder.uri);
  }

  /** Whether `serial` is one of this store's undo steps. */
  hasUndo(serial: number): boolean {
    return this.undoStack.some((e) => e.serial === serial);
  }

  /** What the file is written as: its stated base (kept once it has one) and its workspace-relative path. */
  private identity(uri: vscode.Uri): AnnotationsFileIdentity {
    this.statedBase ??= workspaceBase(newUuid());
    return { base: this.statedBase, path: vscode.workspace.asRelativePath(uri, false) };
  }

  /** Set while the file cannot be read (or its place is refused): marks are shown as last read and nothing is written. */
  get problem(): StoreProblem | undefined {
    return this._problem;
  }

  all(): ReviewMark[] {
    return [...this.marks.values()];
  }

  get size(): number {
    return this.marks.size;
  }

  /** The documents that have marks. */
  documents(): readonly string[] {
    return [...this.byDocument.keys()];
  }

  forDocument(path: string): readonly ReviewMark[] {
    return this.byDocument.get(path) ?? [];
  }

  get(id: string): ReviewMark | undefined {
    return this.marks.get(id);
  }

  get lastUndoable(): UndoEntry | undefined {
    return this.undoStack[this.undoStack.length - 1];
  }

  /** Resolves when every queued read and write is done. */
  settled(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  /** Reads the file (again) and starts watching it. */
  load(): Promise<void> {
    this.watch();
    return this.enqueue(async () => {
      if (this.refusePlace()) return;
      const read = await this.readDisk();
      const parsed = await this.parse(read.bytes);
      // A broken file keeps the marks last read on screen, read-only, rather than emptying the view.
      if (parsed.ok) {
        this.setMarks([]);
        this.base = [];
        this.disk = undefined;
        this.statedBase = undefined;
        this.undoStack.length = 0;
      }
      this.adoptDisk(read, parsed, false);
    });
  }

  /** Applies one user action and writes the file; the action can be undone. Rejects with ReadOnlyError while the file is broken. */
  apply(change: StoreChange, label: string): Promise<UndoEntry> {
    return this.enqueue(async () => {
      await this.assertWritable();
      const removed = (change.remove ?? []).map((id) => this.marks.get(id)).filter((m): m is ReviewMark => m !== undefined);
      const entry: UndoEntry = { serial: this.nextSerial(), label, removed, added: [...(change.add ?? [])] };
      await this.commit(
        entry.removed.map((m) => m.id),
        entry.added,
      );
      this.undoStack.push(entry);
      if (this.undoStack.length > 100) this.undoStack.shift();
      return entry;
    });
  }

  /** Undoes `serial` (the last action when omitted); resolves with its label, or undefined when there is nothing to undo. */
  undo(serial?: number): Promise<string | undefined> {
    return this.enqueue(async () => {
      await this.assertWritable();
      const at = serial === undefined ? this.undoStack.length - 1 : this.undoStack.findIndex((e) => e.serial === serial);
      const entry = this.undoStack[at];
      if (!entry) return undefined;
      await this.commit(
        entry.added.map((m) => m.id),
        entry.removed,
      );
      this.undoStack.splice(at, 1);
      return entry.label;
    });
  }

  /** Replaces marks without an undo step: selectors refreshed after a save, paths after a rename. */
  replaceQuietly(marks: readonly ReviewMark[]): Promise<void> {
    if (marks.length === 0 || this._problem) return Promise.resolve();
    return this.enqueue(() => this.commit([], marks));
  }

  /** Removes marks without an undo step: those that moved with their document to another folder's file. */
  removeQuietly(ids: readonly string[]): Promise<void> {
    if (ids.length === 0 || this._problem) return Promise.resolve();
    return this.enqueue(() => this.commit(ids, []));
  }

  /** While broken, looks at the file again first: it may have been fixed without a watcher event reaching us. */
  private async assertWritable(): Promise<void> {
    if (this.refusePlace()) throw new ReadOnlyError(`review marks are not written: ${this._problem!.message}`);
    if (this._problem) {
      const read = await this.readDisk();
      this.adoptDisk(read, await this.parse(read.bytes), false);
    }
    const p = this._problem;
    if (p) throw new ReadOnlyError(`review marks are read-only until ${describe(p)} is fixed`);
  }

  private async commit(remove: readonly string[], add: readonly ReviewMark[]): Promise<void> {
    const before = this.marks;
    const next = new Map(this.marks);
    const touched = new Set<string>();
    for (const id of remove) {
      const m = next.get(id);
      if (m) touched.add(m.document);
      next.delete(id);
    }
    for (const m of add) {
      const old = next.get(m.id);
      if (old) touched.add(old.document);
      touched.add(m.document);
      next.set(m.id, m);
    }
    this.setMarks(next, touched);
    const merges = this.merges;
    try {
      await this.write();
    } catch (e) {
      if (this.merges === merges) this.setMarks(before, touched);
      else {
        // The write merged a change on disk in before it failed: only this change is taken back,
        // so the marks merged in stay (they are in the file, and the next merge's base says so).
        const back = new Map(this.marks);
        for (const id of [...remove, ...add.map((m) => m.id)]) {
          const was = before.get(id);
          if (was) back.set(id, was);
          else back.delete(id);
        }
        this.setMarks(back);
      }
      throw e;
    }
    // A merge changed other documents' marks too: every document is told.
    this._onDidChange.fire(this.merges === merges ? touched : undefined);
  }

  /** Merges a change on disk first, then writes (in slices) through a temporary file and a rename. */
  private async write(): Promise<void> {
    const uri = this.fileUri;
    if (!uri) throw new Error('open a folder to keep review marks (they are stored in the workspace)');
    await assertNoLinkOut(uri, this.folder.uri);
    if (await this.changedOnDisk()) {
      const read = await this.readDisk();
      if (!isBlank(read) && !sameDisk(read.state, this.disk)) {
        this.log.info(`review: ${vscode.workspace.asRelativePath(uri)} changed on disk; merging before writing`);
        const parsed = await this.parse(read.bytes);
        if (!parsed.ok) {
          this.setProblem({ uri, ...parsed.error });
          throw new ReadOnlyError(`not written: ${describe(this._problem!)}`);
        }
        this.page = parsed.page;
        this.statedBase = parsed.base ?? this.statedBase;
        this.mergeWith(parsed.marks);
      }
    }
    const sliced = await runInSlices(serializeMarksSteps(this.all(), this.identity(uri), this.page, this.bytesCache), hostScheduler);
    this.noteSlice(sliced.longestSliceMs);
    const bytes = sliced.value;
    const dir = vscode.Uri.joinPath(uri, '..');
    await vscode.workspace.fs.createDirectory(dir);
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    const temp = vscode.Uri.joinPath(dir, `.${name}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
    await this.files.write(temp, bytes);
    try {
      await vscode.workspace.fs.rename(temp, uri, { overwrite: true });
    } catch (e) {
      await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
      throw e;
    }
    const stat = await this.stat(uri);
    this.disk = stat && { ...stat, ...(bytes.length <= keepTextBytes ? { text: new TextDecoder('utf-8').decode(bytes) } : {}) };
    this.base = this.all();
    this.warnIfLarge(this.marks.size, bytes.length);
  }

  /** Whether the file may differ from what was last read or written: its size or time moved (or it was never seen). */
  private async changedOnDisk(): Promise<boolean> {
    const uri = this.fileUri;
    const stat = uri && (await this.stat(uri));
    return !this.disk || !stat || stat.size !== this.disk.size || stat.mtime !== this.disk.mtime || this.disk.text !== undefined;
  }

  private mergeWith(theirs: readonly ReviewMark[]): void {
    this.merges++;
    const merged = mergeMarks(this.base, this.all(), theirs);
    this.setMarks(merged.marks);
    this.base = theirs;
    for (const conflict of merged.conflicts) this.report(`Review marks merged with the file on disk: ${conflict}.`);
  }

  /** Takes in the file as read: the first read, or a change someone else made. */
  private adoptDisk(read: DiskRead, parsed: Parsed, merge: boolean): readonly ReviewMark[] | undefined {
    const uri = this.fileUri;
    if (!uri) return undefined;
    if (!parsed.ok) {
      this.setProblem({ uri, ...parsed.error });
      return undefined;
    }
    const hadProblem = this._problem !== undefined;
    this._problem = undefined;
    this.page = parsed.page;
    this.statedBase = parsed.base ?? this.statedBase;
    // Nothing here or last read to merge with (the file appeared): it is the truth as it is.
    if (merge && !hadProblem && (this.marks.size > 0 || this.base.length > 0)) this.mergeWith(parsed.marks);
    else {
      // The first read, or the file fixed after being broken: it is the truth.
      this.setMarks(parsed.marks);
      this.base = parsed.marks;
    }
    this.disk = read.state;
    if (hadProblem) this.report(`${vscode.workspace.asRelativePath(uri)} can be read again; review marks can be changed again.`);
    this.warnIfLarge(parsed.marks.length, read.state?.size ?? 0);
    this._onDidChange.fire(undefined);
    return parsed.marks;
  }

  private setMarks(marks: Iterable<ReviewMark> | ReadonlyMap<string, ReviewMark>, touched?: ReadonlySet<string>): void {
    this.marks = marks instanceof Map ? (marks as Map<string, ReviewMark>) : new Map([...(marks as Iterable<ReviewMark>)].map((m) => [m.id, m]));
    if (touched) {
      for (const path of touched) this.byDocument.delete(path);
      for (const m of this.marks.values()) if (touched.has(m.document)) push(this.byDocument, m);
    } else {
      this.byDocument = new Map();
      for (const m of this.marks.values()) push(this.byDocument, m);
    }
  }

  /** The setting names a place outside the workspace folder: refused, and said so once. */
  private refusePlace(): boolean {
    const side = this.side();
    if (!side?.refused) {
      if (this._problem?.refused) {
        this._problem = undefined;
        this._onDidChange.fire(undefined);
      }
      return false;
    }
    const folder = this.folder.uri;
    this.setProblem({ uri: folder, line: 0, column: 0, message: `${side.refused}; review marks are only kept inside it`, refused: true });
    return true;
  }

  private setProblem(problem: StoreProblem): void {
    const changed = !this._problem || describe(this._problem) !== describe(problem);
    this._problem = problem;
    if (!changed) return;
    this.report(
      problem.refused
        ? `Crime Annotator does not read or write review marks there: ${problem.message}. Review marks are read-only until the setting names a file inside the workspace folder.`
        : `Crime Annotator cannot read ${describe(problem)}. The file is left as it is and review marks are read-only until it is fixed.`,
      true,
    );
    this._onDidChange.fire(undefined);
  }

  private report(message: string, error = false): void {
    if (error) this.log.error(message);
    else this.log.warn(message);
    this._onDidReport.fire(message);
  }

  private warnIfLarge(count: number, bytes: number): void {
    if (this.warnedLarge || (count <= largeFileMarks && bytes <= largeFileBytes)) return;
    this.warnedLarge = true;
    const where = this.fileUri ? vscode.workspace.asRelativePath(this.fileUri, false) : 'the annotations file';
    this.report(
      `${where} holds ${count.toLocaleString('en-GB')} review marks (${(bytes / 1024 / 1024).toFixed(1)} MB). Past ${largeFileMarks.toLocaleString('en-GB')} marks or ${largeFileBytes / 1024 / 1024} MB, loading and saving marks take longer (they run in the background); see docs/annotations-format.md.`,
    );
  }

  private noteSlice(ms: number): void {
    this.longestSliceMs = Math.max(this.longestSliceMs, ms);
  }

  private watch(): void {
    this.watcher?.dispose();
    const uri = this.fileUri;
    if (!uri) return;
    const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(this.folder, vscode.workspace.asRelativePath(uri, false)));
    const changed = () => logErrors(this.onDiskEvent(), 'review.fileChanged', this.log);
    this.watcher = vscode.Disposable.from(w, w.onDidChange(changed), w.onDidCreate(changed), w.onDidDelete(changed));
  }

  /** Someone else changed the file: merge it in (and write back what only this window had). */
  onDiskEvent(): Promise<void> {
    return this.enqueue(async () => {
      if (this.refusePlace()) return;
      if (!this._problem && !(await this.changedOnDisk())) return;
      const read = await this.readDisk();
      if (!this._problem && sameDisk(read.state, this.disk)) return;
      // An empty file is a write caught half way (writers truncate, then write), never a file the store
      // wrote: merging it would read as "every mark deleted". The event for the finished write follows.
      if (isBlank(read)) return;
      const merging = this.marks.size > 0 || this.base.length > 0;
      const theirs = this.adoptDisk(read, await this.parse(read.bytes), true);
      // Only what this window had and the file lacks is written back; the file's own formatting is left alone otherwise.
      if (theirs && merging && !sameMarks(this.all(), theirs)) await this.write();
    });
  }

  private parse(bytes: Uint8Array | undefined): Promise<Parsed> {
    return runInSlices(parseMarksSteps(bytes ?? ''), hostScheduler).then((r) => {
      this.noteSlice(r.longestSliceMs);
      return r.value;
    });
  }

  private async stat(uri: vscode.Uri): Promise<{ size: number; mtime: number } | undefined> {
    try {
      const s = await vscode.workspace.fs.stat(uri);
      return { size: s.size, mtime: s.mtime };
    } catch {
      return undefined;
    }
  }

  private async readDisk(): Promise<DiskRead> {
    const uri = this.fileUri;
    if (!uri) return { bytes: undefined, state: undefined };
    const stat = await this.stat(uri);
    let bytes: Uint8Array | undefined;
    try {
      bytes = await this.files.read(uri);
    } catch (e) {
      throw new Error(`could not read ${uri.toString()}: ${errorMessage(e)}`);
    }
    if (!bytes) return { bytes: undefined, state: undefined };
    // A small file is kept as text to compare with exactly; a large one is never made one string.
    const text = bytes.length <= keepTextBytes ? new TextDecoder('utf-8').decode(bytes) : undefined;
    const state: DiskState = { size: stat?.size ?? bytes.length, mtime: stat?.mtime ?? 0, ...(text !== undefined ? { text } : {}) };
    return { bytes, state };
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

type Parsed = ParseResult;

function push(index: Map<string, ReviewMark[]>, mark: ReviewMark): void {
  const list = index.get(mark.document);
  if (list) list.push(mark);
  else index.set(mark.document, [mark]);
}

/** The same file as before: equal text where it was kept, else the same size and time. */
function sameDisk(a: DiskState | undefined, b: DiskState | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.text !== undefined || b.text !== undefined) return a.text === b.text;
  return a.size === b.size && a.mtime === b.mtime;
}

function sameMarks(a: readonly ReviewMark[], b: readonly ReviewMark[]): boolean {
  if (a.length !== b.length) return false;
  const ids = new Map(b.map((m) => [m.id, m]));
  return a.every((m) => ids.get(m.id) === m);
}

/** An empty (or all-space) file: a write caught half way (see onDiskEvent). */
function isBlank(read: DiskRead): boolean {
  const b = read.bytes;
  if (!b) return false;
  for (let i = 0; i < b.length; i++) if (b[i] !== 0x20 && b[i] !== 0x0a && b[i] !== 0x0d && b[i] !== 0x09) return false;
  return true;
}

export function describe(problem: StoreProblem): string {
  if (problem.refused) return problem.message;
  return `${vscode.workspace.asRelativePath(problem.uri)}:${problem.line}:${problem.column} (${problem.message})`;
}
