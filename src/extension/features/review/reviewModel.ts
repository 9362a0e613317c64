/**
 * Places the marks in the documents as they are now. Edits in an open editor are followed as they
 * happen (each mark's expected start is shifted through the reported changes), so re-anchoring
 * usually confirms the quote where it is expected; a save re-describes the selectors from the saved
 * text so the file stays close to the document; a rename or move carries the marks along.
 */
import * as vscode from 'vscode';
import { shiftSpanThrough } from '../../../core/anchoring';
import { overlaps, placeMarks, refreshAnchor, reviewProgress, type Placement, type ReviewMark, type ReviewProgress } from '../../../core/review';
import type { AnnotationKind, Span } from '../../../core';
import type { Services } from '../../services/types';
import { Disposable } from '../../util/dispose';
import { logErrors } from '../../util/errors';
import { relativePath, renamedPath } from './paths';
import type { ReviewStore } from './reviewStore';
import type { ReviewFigure, ReviewService } from './types';

interface Placed {
  readonly text: string;
  readonly revision: number;
  readonly placements: readonly Placement[];
}

export class ReviewModel extends Disposable implements ReviewService {
  /** Where each mark is expected to start in its document's current text, followed through edits. */
  private readonly expected = new Map<string, number>();
  private readonly placed = new Map<string, Placed>();
  private revision = 0;
  private readonly _onDidChange = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this._onDidChange.event;

  constructor(
    readonly store: ReviewStore,
    private readonly services: Pick<Services, 'index' | 'log'>,
  ) {
    super();
    this._register(store.onDidChange(() => this.changed()));
    this._register(services.index.onDidChange(() => this._onDidChange.fire()));
    this._register(vscode.workspace.onDidChangeTextDocument((e) => this.followEdits(e)));
    this._register(vscode.workspace.onDidSaveTextDocument((doc) => logErrors(this.refreshSelectors(doc), 'review.refreshSelectors', services.log)));
    this._register(vscode.workspace.onDidRenameFiles((e) => logErrors(this.followRenames(e), 'review.followRenames', services.log)));
  }

  get problem() {
    return this.store.problem;
  }

  /** The document's text now: the open editor's, else what the index read. */
  textOf(uri: vscode.Uri): string | undefined {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    return open ? open.getText() : this.services.index.get(uri)?.text;
  }

  marksOf(uri: vscode.Uri): ReviewMark[] {
    const path = relativePath(uri);
    return path === undefined ? [] : this.store.forDocument(path);
  }

  placementsFor(uri: vscode.Uri, given?: string): readonly Placement[] {
    const current = this.textOf(uri);
    const text = given ?? current;
    const marks = this.marksOf(uri);
    if (marks.length === 0) return [];
    if (text === undefined) return marks.map((mark) => ({ mark, span: undefined }));
    const key = uri.toString();
    const cached = this.placed.get(key);
    if (cached && cached.revision === this.revision && cached.text === text) return cached.placements;
    // Followed positions describe the current text; an older text (the index's) is placed from the stored ones.
    const live = text === current;
    const placements = placeMarks(text, marks, (m) => (live ? this.expected.get(m.id) : undefined));
    if (live) for (const p of placements) if (p.span) this.expected.set(p.mark.id, p.span.start);
    this.placed.set(key, { text, revision: this.revision, placements });
    return placements;
  }

  isSuppressed(uri: vscode.Uri, annotation: Span & { readonly kind?: AnnotationKind }): boolean {
    return this.placementsFor(uri).some(
      (p) => p.mark.state === 'not-a-claim' && p.span !== undefined && overlaps(p.span, annotation) && (!p.mark.kind || !annotation.kind || p.mark.kind === annotation.kind),
    );
  }

  /** Progress over the figures the index found, placed in the text it analysed so the offsets agree. */
  progressFor(uri: vscode.Uri): ReviewProgress<ReviewFigure> | undefined {
    const entry = this.services.index.get(uri);
    const text = entry?.text ?? this.textOf(uri);
    if (text === undefined) return undefined;
    const figures: ReviewFigure[] = (entry?.analysis.annotations ?? [])
      .filter((a) => a.kind === 'figure')
      .map((a) => ({ start: a.start, end: a.end, text: a.text, annotationId: a.id }));
    const placements = this.placementsFor(uri, text);
    return reviewProgress(figures, placements, (span, mark) => ({ ...span, text: text.slice(span.start, span.end), markId: mark.id }));
  }

  private changed(): void {
    this.revision++;
    this._onDidChange.fire();
  }

  private followEdits(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0) return;
    const marks = this.marksOf(e.document.uri);
    if (marks.length === 0) return;
    const changes = e.contentChanges.map((c) => ({ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, text: c.text }));
    // Every mark of the document, placed or not since the last edit: a document edited while not
    // shown is never placed between edits, and its marks must still be followed.
    for (const mark of marks) {
      const start = this.expected.get(mark.id) ?? mark.anchor.start;
      const moved = shiftSpanThrough({ start, end: start + mark.anchor.exact.length }, changes);
      // An edit inside the mark: its old start stays the best guess of where to look.
      if (moved) this.expected.set(mark.id, moved.start);
    }
    this.placed.delete(e.document.uri.toString());
    this._onDidChange.fire();
  }

  /** After a save the text on disk is the editor's: describe each placed mark afresh from it. */
  private async refreshSelectors(doc: vscode.TextDocument): Promise<void> {
    if (this.store.problem) return;
    const text = doc.getText();
    const refreshed = this.placementsFor(doc.uri, text)
      .filter((p): p is Placement & { span: Span } => p.span !== undefined)
      .map((p) => refreshAnchor(p.mark, text, p.span))
      .filter((m) => m !== this.store.get(m.id));
    await this.store.replaceQuietly(refreshed);
  }

  private async followRenames(e: vscode.FileRenameEvent): Promise<void> {
    const moved: ReviewMark[] = [];
    for (const { oldUri, newUri } of e.files) {
      const from = relativePath(oldUri);
      const to = relativePath(newUri);
      if (from === undefined || to === undefined) continue;
      for (const mark of this.store.all()) {
        const path = renamedPath(mark.document, from, to);
        if (path !== undefined) moved.push({ ...mark, document: path });
      }
    }
    if (moved.length === 0) return;
    if (this.store.problem) {
      this.services.log.warn(`review: ${moved.length} marks belong to renamed documents but the annotations file is read-only; they keep their old paths`);
      return;
    }
    await this.store.replaceQuietly(moved);
    this.services.log.info(`review: ${moved.length} marks followed their documents to new paths`);
  }
}
