/**
 * "31 of 48 figures reviewed": which figures of a document carry a verdict, which are waiting, and
 * which the editor said are not claims (those leave the count). Marks are matched to the engine's
 * figures by overlap, so a mark survives the engine widening a span ("290" to "more than 290").
 */
import type { Span } from '../types';
import { isVerdict, type ReviewMark } from './model';

/** A mark and where it sits in the current text, or `undefined` when orphaned. */
export interface PlacedMark {
  readonly mark: ReviewMark;
  readonly span: Span | undefined;
}

export interface FigureReview<F extends Span> {
  readonly figure: F;
  /** The verdict (verified or disputed) on it, if any; the newest when there are several. */
  readonly verdict?: ReviewMark;
  readonly notes: readonly ReviewMark[];
}

export interface ReviewProgress<F extends Span> {
  readonly reviewed: number;
  readonly total: number;
  /** Unreviewed first, in document order, then reviewed in document order. */
  readonly figures: readonly FigureReview<F>[];
  /** Engine figures an editor marked "not a claim". */
  readonly suppressed: readonly F[];
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Finds the spans that overlap a given one among many, by binary search over the spans sorted by
 * start: a document with thousands of marks is matched against its figures without comparing every
 * mark with every figure.
 */
export function overlapFinder<S extends Span>(spans: readonly S[]): (span: Span) => S[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  let longest = 0;
  for (const s of sorted) longest = Math.max(longest, s.end - s.start);
  /** The first index whose start is >= `at`. */
  const firstFrom = (at: number) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].start < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return (span) => {
    const out: S[] = [];
    // Only spans starting after `span.start - longest` can reach into it; those starting at or after its end cannot.
    for (let i = firstFrom(span.start - longest), end = firstFrom(span.end); i < end; i++) if (overlaps(sorted[i], span)) out.push(sorted[i]);
    return out;
  };
}

/**
 * `figures` are the engine's figures of one document; figures the editor added by hand come in
 * through `placed` (state "added", kind "figure") and count as figures too.
 */
export function reviewProgress<F extends Span>(
  figures: readonly F[],
  placed: readonly PlacedMark[],
  addedFigure: (span: Span, mark: ReviewMark) => F,
): ReviewProgress<F> {
  const live = placed.filter((p): p is { mark: ReviewMark; span: Span } => p.span !== undefined);
  const engineFiguresAt = overlapFinder(figures);
  const all: F[] = [...figures];
  for (const p of live) {
    if (p.mark.state === 'added' && (p.mark.kind ?? 'figure') === 'figure' && engineFiguresAt(p.span).length === 0) all.push(addedFigure(p.span, p.mark));
  }
  all.sort((a, b) => a.start - b.start || a.end - b.end);
  const marksAt = overlapFinder(live.map((p, order) => ({ start: p.span.start, end: p.span.end, mark: p.mark, order })));
  const suppressed: F[] = [];
  const reviews: FigureReview<F>[] = [];
  for (const figure of all) {
    // In the order the marks were placed, as before: several notes on a figure keep their order.
    const on = marksAt(figure)
      .sort((a, b) => a.order - b.order)
      .map((m) => m.mark);
    if (on.some((m) => m.state === 'not-a-claim')) {
      suppressed.push(figure);
      continue;
    }
    const verdict = on.filter((m) => isVerdict(m.state)).sort((a, b) => (a.modified < b.modified ? 1 : -1))[0];
    reviews.push({ figure, ...(verdict ? { verdict } : {}), notes: on.filter((m) => m.state === 'note') });
  }
  const waiting = reviews.filter((r) => !r.verdict);
  const done = reviews.filter((r) => r.verdict);
  return { reviewed: done.length, total: reviews.length, figures: [...waiting, ...done], suppressed };
}

export function progressLabel(p: { readonly reviewed: number; readonly total: number }): string {
  return `${p.reviewed} of ${p.total} figure${p.total === 1 ? '' : 's'} reviewed`;
}
