/**
 * The review marks of the workspace and their file (`review.annotationsFile` in the first folder).
 * Nothing is lost: every write goes to a temporary file renamed over the real one; before writing,
 * the file on disk is compared with what was last read or written, and a change by someone else (a
 * git pull) is merged in first; a file that cannot be read is reported with its path and line, left
 * exactly as it is, and the store turns read-only until the file is fixed.
 */
import * as vscode from 'vscode';
import { mergeMarks, parseMarks, serializeMarks, workspaceBase, type AnnotationsFileIdentity, type ReviewMark } from '../../../core/review';
import type { ConfigurationService, ExtensionLogger } from '../../services/types';
import { Disposable } from '../../util/dispose';
import { errorMessage, logErrors } from '../../util/errors';
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

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

export class ReviewStore extends Disposable {
  private marks = new Map<string, ReviewMark>();
  /** The file's marks and text as last read or written: the base of a merge, and how a change by someone else is noticed. */
  private base: readonly ReviewMark[] = [];
  private diskText: string | undefined;
  /** The base the file states for its documents' IRIs; made on the first write of a file without one (a new or a format-1 file). */
  private statedBase: string | undefined;
  private _problem: StoreProblem | undefined;
  private readonly undoStack: UndoEntry[] = [];
  private serial = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private watcher: vscode.Disposable | undefined;
  private readonly _onDidChange = this._register(new vscode.EventEmitter<void>());
  /** Fires after the marks or the read-only state changed. */
  readonly onDidChange = this._onDidChange.event;
  /** Merge conflicts and read problems, for the user (also logged). */
  private readonly _onDidReport = this._register(new vscode.EventEmitter<string>());
  readonly onDidReport = this._onDidReport.event;

  constructor(
    private readonly config: ConfigurationService,
    private readonly log: ExtensionLogger,
  ) {
    super();
    this._register({ dispose: () => this.watcher?.dispose() });
    this._register(config.onDidChange((c) => c.affects('review') && logErrors(this.load(), 'review.reload (settings changed)', log)));
  }

  get fileUri(): vscode.Uri | undefined {
    const folder = vscode.workspace.workspaceFolders?.[0];
    const relative = this.config.current.review.annotationsFile;
    return folder && relative ? vscode.Uri.joinPath(folder.uri, relative) : undefined;
  }

  /** What the file is written as: its stated base (kept once it has one) and its workspace-relative path. */
  private identity(): AnnotationsFileIdentity {
    this.statedBase ??= workspaceBase(newUuid());
    const path = this.config.current.review.annotationsFile.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
    return { base: this.statedBase, path };
  }

  /** Set while the file cannot be read: marks are shown as last read and nothing is written. */
  get problem(): StoreProblem | undefined {
    return this._problem;
  }

  all(): ReviewMark[] {
    return [...this.marks.values()];
  }

  forDocument(path: string): ReviewMark[] {
    return this.all().filter((m) => m.document === path);
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
      const text = await this.readDisk();
      // A broken file keeps the marks last read on screen, read-only, rather than emptying the view.
      if (parseMarks(text ?? '').ok) {
        this.marks.clear();
        this.base = [];
        this.diskText = undefined;
        this.statedBase = undefined;
        this.undoStack.length = 0;
      }
      this.adoptDisk(text, false);
    });
  }

  /** Applies one user action and writes the file; the action can be undone. Rejects with ReadOnlyError while the file is broken. */
  apply(change: StoreChange, label: string): Promise<UndoEntry> {
    return this.enqueue(async () => {
      await this.assertWritable();
      const removed = (change.remove ?? []).map((id) => this.marks.get(id)).filter((m): m is ReviewMark => m !== undefined);
      const entry: UndoEntry = { serial: ++this.serial, label, removed, added: [...(change.add ?? [])] };
      await this.commit(entry.removed.map((m) => m.id), entry.added);
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
      await this.commit(entry.added.map((m) => m.id), entry.removed);
      this.undoStack.splice(at, 1);
      return entry.label;
    });
  }

  /** Replaces marks without an undo step: selectors refreshed after a save, paths after a rename. */
  replaceQuietly(marks: readonly ReviewMark[]): Promise<void> {
    if (marks.length === 0 || this._problem) return Promise.resolve();
    return this.enqueue(() => this.commit([], marks));
  }

  /** While broken, looks at the file again first: it may have been fixed without a watcher event reaching us. */
  private async assertWritable(): Promise<void> {
    if (this._problem) this.adoptDisk(await this.readDisk(), false);
    const p = this._problem;
    if (p) throw new ReadOnlyError(`review marks are read-only until ${describe(p)} is fixed`);
  }

  private async commit(remove: readonly string[], add: readonly ReviewMark[]): Promise<void> {
    const before = new Map(this.marks);
    for (const id of remove) this.marks.delete(id);
    for (const m of add) this.marks.set(m.id, m);
    try {
      await this.write();
    } catch (e) {
      this.marks = before;
      throw e;
    }
    this._onDidChange.fire();
  }

  /** Merges a change on disk first, then writes through a temporary file and a rename. */
  private async write(): Promise<void> {
    const uri = this.fileUri;
    if (!uri) throw new Error('open a folder to keep review marks (they are stored in the workspace)');
    const onDisk = await this.readDisk();
    if (onDisk !== this.diskText && !isBlank(onDisk)) {
      this.log.info(`review: ${vscode.workspace.asRelativePath(uri)} changed on disk; merging before writing`);
      const parsed = parseMarks(onDisk ?? '');
      if (!parsed.ok) {
        this.setProblem({ uri, ...parsed.error });
        throw new ReadOnlyError(`not written: ${describe(this._problem!)}`);
      }
      this.statedBase = parsed.base ?? this.statedBase;
      this.mergeWith(parsed.marks);
    }
    const text = serializeMarks(this.all(), this.identity());
    if (text === onDisk) {
      this.sync(text);
      return;
    }
    const dir = vscode.Uri.joinPath(uri, '..');
    await vscode.workspace.fs.createDirectory(dir);
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    const temp = vscode.Uri.joinPath(dir, `.${name}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
    await vscode.workspace.fs.writeFile(temp, encoder.encode(text));
    try {
      await vscode.workspace.fs.rename(temp, uri, { overwrite: true });
    } catch (e) {
      await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
      throw e;
    }
    this.sync(text);
  }

  private sync(text: string): void {
    this.diskText = text;
    this.base = this.all();
  }

  private mergeWith(theirs: readonly ReviewMark[]): void {
    const merged = mergeMarks(this.base, this.all(), theirs);
    this.marks = new Map(merged.marks.map((m) => [m.id, m]));
    this.base = theirs;
    for (const conflict of merged.conflicts) this.report(`Review marks merged with the file on disk: ${conflict}.`);
  }

  /** Takes in the file's text: the first read, or a change someone else made. */
  private adoptDisk(text: string | undefined, merge: boolean): readonly ReviewMark[] | undefined {
    const uri = this.fileUri;
    if (!uri) return undefined;
    const parsed = parseMarks(text ?? '');
    if (!parsed.ok) {
      this.setProblem({ uri, ...parsed.error });
      return undefined;
    }
    const hadProblem = this._problem !== undefined;
    this._problem = undefined;
    this.statedBase = parsed.base ?? this.statedBase;
    if (merge && !hadProblem) this.mergeWith(parsed.marks);
    else {
      // The first read, or the file fixed after being broken: it is the truth.
      this.marks = new Map(parsed.marks.map((m) => [m.id, m]));
      this.base = parsed.marks;
    }
    this.diskText = text;
    if (hadProblem) this.report(`${vscode.workspace.asRelativePath(uri)} can be read again; review marks can be changed again.`);
    this._onDidChange.fire();
    return parsed.marks;
  }

  private setProblem(problem: StoreProblem): void {
    const changed = !this._problem || describe(this._problem) !== describe(problem);
    this._problem = problem;
    if (!changed) return;
    this.report(`Crime Annotator cannot read ${describe(problem)}. The file is left as it is and review marks are read-only until it is fixed.`, true);
    this._onDidChange.fire();
  }

  private report(message: string, error = false): void {
    if (error) this.log.error(message);
    else this.log.warn(message);
    this._onDidReport.fire(message);
  }

  private watch(): void {
    this.watcher?.dispose();
    const folder = vscode.workspace.workspaceFolders?.[0];
    const relative = this.config.current.review.annotationsFile;
    if (!folder || !relative) return;
    const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, relative));
    const changed = () => logErrors(this.onDiskEvent(), 'review.fileChanged', this.log);
    this.watcher = vscode.Disposable.from(w, w.onDidChange(changed), w.onDidCreate(changed), w.onDidDelete(changed));
  }

  /** Someone else changed the file: merge it in (and write back what only this window had). */
  onDiskEvent(): Promise<void> {
    return this.enqueue(async () => {
      const text = await this.readDisk();
      if (text === this.diskText && !this._problem) return;
      // An empty file is a write caught half way (writers truncate, then write), never a file the store
      // wrote: merging it would read as "every mark deleted". The event for the finished write follows.
      if (isBlank(text)) return;
      const theirs = this.adoptDisk(text, true);
      // Only what this window had and the file lacks is written back; the file's own formatting is left alone otherwise.
      const identity = this.identity();
      if (theirs && serializeMarks(this.all(), identity) !== serializeMarks(theirs, identity)) await this.write();
    });
  }

  private async readDisk(): Promise<string | undefined> {
    const uri = this.fileUri;
    if (!uri) return undefined;
    try {
      return decoder.decode(await vscode.workspace.fs.readFile(uri));
    } catch (e) {
      if ((e instanceof vscode.FileSystemError && e.code === 'FileNotFound') || /FileNotFound|EntryNotFound|ENOENT/i.test(errorMessage(e))) return undefined;
      throw new Error(`could not read ${uri.toString()}: ${errorMessage(e)}`);
    }
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function isBlank(text: string | undefined): boolean {
  return text !== undefined && text.trim() === '';
}

export function describe(problem: StoreProblem): string {
  return `${vscode.workspace.asRelativePath(problem.uri, false)}:${problem.line}:${problem.column} (${problem.message})`;
}
