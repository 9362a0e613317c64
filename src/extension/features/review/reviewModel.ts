/**
 * Places the marks in the documents as they are now. Edits in an open editor are followed as they
 * happen (each mark's expected start is shifted through the reported changes), so re-anchoring
 * usually confirms the quote where it is expected; a save re-describes the selectors from the saved
 * text so the file stays close to the document; a rename or move carries the marks along.
 */
import * as vscode from 'vscode';
import {
  overlaps,
  placeMarks,
  placeMarksSteps,
  refreshAnchor,
  reviewProgress,
  type Placement,
  type ReviewMark,
  type ReviewProgress,
} from '../../../core/review';
import { runInSlices } from '../../../core/slices';
import type { AnnotationKind, Span } from '../../../core';
import type { Services } from '../../services/types';
import { Disposable } from '../../util/dispose';
import { logErrors } from '../../util/errors';
import { hostScheduler } from '../../util/slices';
import { relativePath, renamedPath } from './paths';
import type { ReviewStores } from './reviewStores';
import type { ReviewFigure, ReviewService } from './types';

interface Placed {
  readonly text: string;
  readonly revision: number;
  readonly placements: readonly Placement[];
  /** Set while the placements are the last ones moved along the edits, and a placing in slices is on its way. */
  readonly provisional?: true;
}

/** A document with more marks than this is placed in slices (see placementsFor). */
export const slicedPlacementMarks = 2_000;

export class ReviewModel extends Disposable implements ReviewService {
  /** Where each mark is expected to start in its document's current text, followed through edits. */
  private readonly expected = new Map<string, number>();
  private readonly placed = new Map<string, Placed>();
  /** Bumped per document (by uri) whenever its marks change, so a change to one document re-places only that one. */
  private readonly revisions = new Map<string, number>();
  private allRevision = 0;
  /** The placing in slices each large document has on its way. */
  private readonly jobs = new Map<string, { readonly text: string; readonly revision: number }>();
  /** The "not a claim" marks of each set of placements, which every highlight asks about. */
  private readonly suppressors = new WeakMap<readonly Placement[], readonly Placement[]>();
  private readonly progress = new WeakMap<
    readonly Placement[],
    { readonly annotations: unknown; readonly text: string; readonly progress: ReviewProgress<ReviewFigure> }
  >();
  private readonly _onDidChange = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this._onDidChange.event;

  constructor(
    readonly store: ReviewStores,
    private readonly services: Pick<Services, 'index' | 'log'>,
  ) {
    super();
    this._register(store.onDidChange((docs) => this.changed(docs)));
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

  marksOf(uri: vscode.Uri): readonly ReviewMark[] {
    return this.store.forDocument(uri);
  }

  private revisionOf(uri: vscode.Uri): number {
    return this.allRevision + (this.revisions.get(uri.toString()) ?? 0);
  }

  placementsFor(uri: vscode.Uri, given?: string): readonly Placement[] {
    const marks = this.marksOf(uri);
    if (marks.length === 0) return [];
    const current = this.textOf(uri);
    const text = given ?? current;
    if (text === undefined) return marks.map((mark) => ({ mark, span: undefined }));
    const key = uri.toString();
    const revision = this.revisionOf(uri);
    const cached = this.placed.get(key);
    if (cached && cached.revision === revision && cached.text === text) return cached.placements;
    // Followed positions describe the current text; an older text (the index's) is placed from the stored ones.
    const live = text === current;
    if (marks.length > slicedPlacementMarks) return this.placeInSlices(uri, text, revision, live, marks, cached);
    const placements = placeMarks(text, marks, (m) => (live ? this.expected.get(m.id) : undefined));
    if (live) for (const p of placements) if (p.span) this.expected.set(p.mark.id, p.span.start);
    this.placed.set(key, { text, revision, placements });
    return placements;
  }

  /**
   * A document with thousands of marks is placed in slices, so neither opening it nor typing in it
   * holds the extension host. Meanwhile its last placements are shown, each moved to where the edits
   * since then put it when its text is still there; the rest appear when the placing is done.
   */
  private placeInSlices(
    uri: vscode.Uri,
    text: string,
    revision: number,
    live: boolean,
    marks: readonly ReviewMark[],
    previous: Placed | undefined,
  ): readonly Placement[] {
    const key = uri.toString();
    const job = this.jobs.get(key);
    if (!job || job.text !== text || job.revision !== revision) {
      const mine = { text, revision };
      this.jobs.set(key, mine);
      // The followed positions are read as the placing goes: its result is kept only if the text is
      // still the one it placed in, and then no edit has moved them since it started.
      const placing = runInSlices(
        placeMarksSteps(text, marks, (m) => (live ? this.expected.get(m.id) : undefined)),
        hostScheduler,
      ).then(({ value }) => {
        if (this.jobs.get(key) !== mine || this.isDisposed) return;
        this.jobs.delete(key);
        if (live && this.textOf(uri) === text) for (const p of value) if (p.span) this.expected.set(p.mark.id, p.span.start);
        this.placed.set(key, { text, revision, placements: value });
        this._onDidChange.fire();
      });
      logErrors(placing, 'review.placeInSlices', this.services.log);
    }
    if (previous?.provisional && previous.text === text && previous.revision === revision) return previous.placements;
    const provisional = (previous?.placements ?? []).map((p): Placement => {
      const start = live ? this.expected.get(p.mark.id) : p.span?.start;
      const { exact } = p.mark.anchor;
      if (start === undefined || !text.startsWith(exact, start)) return p.span ? { mark: p.mark, span: undefined } : p;
      return p.span?.start === start ? p : { mark: p.mark, span: { start, end: start + exact.length } };
    });
    this.placed.set(key, { text, revision, placements: provisional, provisional: true });
    return provisional;
  }

  markedDocuments(): readonly vscode.Uri[] {
    return this.store.documents();
  }

  isSuppressed(uri: vscode.Uri, annotation: Span & { readonly kind?: AnnotationKind }, text?: string): boolean {
    return this.suppressorFor(uri, text)?.(annotation) ?? false;
  }

  /** The document's "not a claim" marks placed in `text` as one test, or undefined when it has none. */
  suppressorFor(uri: vscode.Uri, text?: string): ((annotation: Span & { readonly kind?: AnnotationKind }) => boolean) | undefined {
    const placements = this.placementsFor(uri, text);
    if (placements.length === 0) return undefined;
    let notClaims = this.suppressors.get(placements);
    if (!notClaims) this.suppressors.set(placements, (notClaims = placements.filter((p) => p.mark.state === 'not-a-claim' && p.span !== undefined)));
    if (notClaims.length === 0) return undefined;
    const marks = notClaims;
    return (annotation) => marks.some((p) => overlaps(p.span!, annotation) && (!p.mark.kind || !annotation.kind || p.mark.kind === annotation.kind));
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
    // The view's header asks for every document's progress on each refresh: computed once per placing and analysis.
    const cached = this.progress.get(placements);
    if (cached && cached.annotations === entry?.analysis.annotations && cached.text === text) return cached.progress;
    const progress = reviewProgress(figures, placements, (span, mark) => ({ ...span, text: text.slice(span.start, span.end), markId: mark.id }));
    this.progress.set(placements, { annotations: entry?.analysis.annotations, text, progress });
    return progress;
  }

  private changed(docs: ReadonlySet<string> | undefined): void {
    if (docs) for (const key of docs) this.revisions.set(key, (this.revisions.get(key) ?? 0) + 1);
    else this.allRevision++;
    this._onDidChange.fire();
  }

  private followEdits(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0) return;
    const marks = this.marksOf(e.document.uri);
    if (marks.length === 0) return;
    // VS Code reports the changes of one event against the text before it; from the last to the first, each keeps its offsets.
    const changes = e.contentChanges
      .map((c) => ({ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, delta: c.text.length - c.rangeLength }))
      .sort((a, b) => b.start - a.start);
    // Every mark of the document, placed or not since the last edit: a document edited while not
    // shown is never placed between edits, and its marks must still be followed.
    for (const mark of marks) {
      let start = this.expected.get(mark.id) ?? mark.anchor.start;
      const end = start + mark.anchor.exact.length;
      let moved = true;
      let endNow = end;
      for (const c of changes) {
        if (c.end <= start) {
          start += c.delta;
          endNow += c.delta;
        } else if (c.start < endNow) {
          // An edit inside the mark: its old start stays the best guess of where to look.
          moved = false;
          break;
        }
      }
      if (moved) this.expected.set(mark.id, start);
    }
    this._onDidChange.fire();
  }

  /** After a save the text on disk is the editor's: describe each placed mark afresh from it. */
  private async refreshSelectors(doc: vscode.TextDocument): Promise<void> {
    const store = this.store.storeFor(doc.uri);
    if (!store || store.problem) return;
    const text = doc.getText();
    const refreshed = this.placementsFor(doc.uri, text)
      .filter((p): p is Placement & { span: Span } => p.span !== undefined)
      .map((p) => refreshAnchor(p.mark, text, p.span))
      .filter((m) => m !== store.get(m.id));
    await store.replaceQuietly(refreshed);
  }

  /** Marks follow a renamed or moved document (or folder), into another workspace folder's file too. */
  private async followRenames(e: vscode.FileRenameEvent): Promise<void> {
    let count = 0;
    for (const { oldUri, newUri } of e.files) {
      const source = this.store.storeFor(oldUri);
      const target = this.store.storeFor(newUri);
      const from = source && relativePath(oldUri, source.folder.uri);
      const to = target && relativePath(newUri, target.folder.uri);
      if (!source || !target || from === undefined || to === undefined) continue;
      const moved: ReviewMark[] = [];
      for (const mark of source.all()) {
        const path = renamedPath(mark.document, from, to);
        if (path !== undefined) moved.push({ ...mark, document: path });
      }
      if (moved.length === 0) continue;
      if (source.problem || target.problem) {
        this.services.log.warn(`review: ${moved.length} marks belong to renamed documents but an annotations file is read-only; they keep their old paths`);
        continue;
      }
      await target.replaceQuietly(moved);
      if (target !== source) await source.removeQuietly(moved.map((m) => m.id));
      count += moved.length;
    }
    if (count > 0) this.services.log.info(`review: ${count} marks followed their documents to new paths`);
  }
}
