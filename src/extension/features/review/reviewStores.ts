/**
 * The review marks of the whole workspace: one ReviewStore per workspace folder, each with its own
 * annotations file in that folder (a multi-root workspace keeps every folder's marks beside its own
 * documents, so each folder's file still travels with it in version control). Documents are named
 * here by uri; each store names its own by their path in its folder. Undo steps are numbered across
 * the stores, so an "Undo" button finds its step in whichever folder it was taken.
 */
import * as vscode from 'vscode';
import type { ReviewMark } from '../../../core/review';
import type { ConfigurationService, ExtensionLogger } from '../../services/types';
import { Disposable } from '../../util/dispose';
import { logErrors } from '../../util/errors';
import type { LargeFiles } from '../../util/largeFiles';
import { relativePath, uriOfPath } from './paths';
import { ReviewStore, type StoreChange, type StoreProblem, type UndoEntry } from './reviewStore';

export interface StoreReport {
  readonly store: ReviewStore;
  readonly message: string;
}

export class ReviewStores extends Disposable {
  private readonly byFolder = new Map<string, ReviewStore>();
  private serial = 0;
  private readonly _onDidChange = this._register(new vscode.EventEmitter<ReadonlySet<string> | undefined>());
  /** Fires after marks or a read-only state changed, with the uris (as strings) of the documents whose marks changed (undefined: any). */
  readonly onDidChange = this._onDidChange.event;
  private readonly _onDidReport = this._register(new vscode.EventEmitter<StoreReport>());
  /** Merge conflicts and read problems of any folder's file, for the user. */
  readonly onDidReport = this._onDidReport.event;

  constructor(
    private readonly config: ConfigurationService,
    private readonly log: ExtensionLogger,
    private readonly files?: LargeFiles,
  ) {
    super();
    this._register({ dispose: () => this.byFolder.forEach((s) => s.dispose()) });
    for (const folder of vscode.workspace.workspaceFolders ?? []) this.add(folder);
    this._register(
      vscode.workspace.onDidChangeWorkspaceFolders((e) => {
        for (const f of e.removed) {
          this.byFolder.get(f.uri.toString())?.dispose();
          this.byFolder.delete(f.uri.toString());
        }
        for (const f of e.added) logErrors(this.add(f).load(), 'review.load (folder added)', log);
        this._onDidChange.fire(undefined);
      }),
    );
  }

  private add(folder: vscode.WorkspaceFolder): ReviewStore {
    const store = new ReviewStore(this.config, this.log, folder, () => ++this.serial, this.files);
    this.byFolder.set(folder.uri.toString(), store);
    store.onDidChange((paths) => this._onDidChange.fire(paths && new Set([...paths].map((p) => uriOfPath(p, folder.uri).toString()))));
    store.onDidReport((message) => this._onDidReport.fire({ store, message }));
    return store;
  }

  /** Every folder's store, in the workspace's folder order. */
  stores(): readonly ReviewStore[] {
    return (vscode.workspace.workspaceFolders ?? []).map((f) => this.byFolder.get(f.uri.toString())).filter((s): s is ReviewStore => s !== undefined);
  }

  /** The store of the folder holding `uri`, or undefined outside every folder. */
  storeFor(uri: vscode.Uri): ReviewStore | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder && this.byFolder.get(folder.uri.toString());
  }

  /** The first problem of any folder's file (the view's message); `storeFor(uri).problem` for one document's. */
  get problem(): StoreProblem | undefined {
    for (const store of this.stores()) if (store.problem) return store.problem;
    return undefined;
  }

  /** The first folder's annotations file (each folder has its own: `storeFor(uri).fileUri`). */
  get fileUri(): vscode.Uri | undefined {
    return this.stores()[0]?.fileUri;
  }

  get size(): number {
    return this.stores().reduce((n, s) => n + s.size, 0);
  }

  /** Every folder's marks (each names its document by its path in its own folder). */
  all(): ReviewMark[] {
    return this.stores().flatMap((s) => s.all());
  }

  get(id: string): ReviewMark | undefined {
    for (const store of this.stores()) {
      const mark = store.get(id);
      if (mark) return mark;
    }
    return undefined;
  }

  /** The store holding mark `id`. */
  storeOf(id: string): ReviewStore | undefined {
    return this.stores().find((s) => s.get(id) !== undefined);
  }

  /** The documents that have marks. */
  documents(): vscode.Uri[] {
    return this.stores().flatMap((s) => s.documents().map((path) => uriOfPath(path, s.folder.uri)));
  }

  forDocument(uri: vscode.Uri): readonly ReviewMark[] {
    const store = this.storeFor(uri);
    const path = store && relativePath(uri, store.folder.uri);
    return store && path !== undefined ? store.forDocument(path) : [];
  }

  /** Applies one action to the marks of `uri`'s folder. */
  apply(uri: vscode.Uri, change: StoreChange, label: string): Promise<UndoEntry> {
    const store = this.storeFor(uri);
    if (!store) return Promise.reject(new Error('review marks are kept for documents inside a workspace folder only'));
    return store.apply(change, label);
  }

  /** Undoes `serial` in whichever folder it was taken (the last action of all when omitted). */
  undo(serial?: number): Promise<string | undefined> {
    const stores = this.stores();
    const store =
      serial === undefined
        ? stores.reduce<ReviewStore | undefined>((best, s) => ((s.lastUndoable?.serial ?? 0) > (best?.lastUndoable?.serial ?? 0) ? s : best), undefined)
        : stores.find((s) => s.hasUndo(serial));
    return store ? store.undo(serial) : Promise.resolve(undefined);
  }

  /** Reads every folder's file again. */
  async load(): Promise<void> {
    await Promise.all(this.stores().map((s) => s.load()));
  }

  async settled(): Promise<void> {
    await Promise.all(this.stores().map((s) => s.settled()));
  }
}
