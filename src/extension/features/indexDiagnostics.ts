import * as vscode from 'vscode';
import type { ConfigGroup } from '../services/configuration';
import type { IndexedDocument, Services } from '../services/types';
import { Disposable } from '../util/dispose';
import { hostScheduler } from '../util/slices';

/**
 * A diagnostic collection kept in step with the workspace index: a document's entries are recomputed
 * when the index changes it, every document's when a setting of `group` changes, and those of the
 * documents with review marks when the marks change. Subclasses say what a document's diagnostics are, and call `updateAll()` once constructed
 * (not here: their own fields are not set until this constructor returns).
 */
export abstract class IndexDiagnosticCollection extends Disposable {
  private readonly collection: vscode.DiagnosticCollection;

  protected constructor(
    protected readonly services: Services,
    name: string,
    group: ConfigGroup,
  ) {
    super();
    this.collection = this._register(vscode.languages.createDiagnosticCollection(name));
    this._register(services.index.onDidChange(({ uris }) => this.updateLater(uris)));
    this._register(services.config.onDidChange((change) => change.affects(group) && this.updateAll()));
    if (services.review) this._register(services.review.onDidChange(() => this.scheduleMarked()));
    this._register({ dispose: () => clearTimeout(this.markedTimer) });
  }

  private markedTimer: ReturnType<typeof setTimeout> | undefined;
  private marked = new Set<string>();

  /**
   * A review mark can only change the diagnostics of a document that has marks (or just lost its
   * last), so a change to the marks updates those documents, once per burst of changes (placing
   * 100,000 marks in slices, typing in a document with marks), not every document each time.
   */
  private scheduleMarked(): void {
    if (this.markedTimer) return;
    this.markedTimer = setTimeout(() => {
      this.markedTimer = undefined;
      if (this.isDisposed) return;
      const now = new Set((this.services.review?.markedDocuments() ?? []).map((u) => u.toString()));
      for (const key of new Set([...this.marked, ...now])) {
        const entry = this.services.index.get(vscode.Uri.parse(key));
        if (entry) this.updateLater([entry.uri]);
      }
      this.marked = now;
    }, 50);
  }

  /** A document's diagnostics, or undefined when it should have none listed at all. */
  protected abstract diagnosticsFor(entry: IndexedDocument): vscode.Diagnostic[] | undefined;

  updateAll(): void {
    this.collection.clear();
    this.updateLater(this.services.index.documents().map((e) => e.uri));
  }

  /** Documents waiting for their diagnostics, by URI string: a change to the record can touch hundreds. */
  private readonly waiting = new Map<string, vscode.Uri>();
  private draining = false;

  /**
   * Updates the documents' diagnostics in slices of the host's budget: a workspace's record changing
   * at once (a scan's flush, a setting) recomputed every document's in one piece, which held the
   * extension host for over 60 ms on 1,000 documents.
   */
  private updateLater(uris: readonly vscode.Uri[]): void {
    for (const u of uris) this.waiting.set(u.toString(), u);
    if (!this.draining) void this.drain();
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.waiting.size && !this.isDisposed) {
        const start = hostScheduler.now();
        for (const [key, uri] of this.waiting) {
          this.waiting.delete(key);
          this.update(uri);
          if (hostScheduler.now() - start >= hostScheduler.budgetMs) break;
        }
        if (this.waiting.size) await hostScheduler.yieldNow();
      }
    } finally {
      this.draining = false;
    }
  }

  private update(uri: vscode.Uri): void {
    if (this.isDisposed) return;
    try {
      const entry = this.services.index.get(uri);
      const diagnostics = entry && this.diagnosticsFor(entry);
      if (diagnostics) this.collection.set(uri, diagnostics);
      else this.collection.delete(uri);
    } catch (e) {
      this.services.log.error(`diagnostics for ${uri.toString()}`, e);
    }
  }
}
