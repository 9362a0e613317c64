/**
 * What the export says about a figure's review: for the CSV columns and the JSON object. The
 * exporter passes the marks placed in the document; this picks those on the figure.
 */
import type { Span } from '../types';
import { describeMark, isVerdict } from './model';
import { toW3C } from './serialize';
import { overlaps, type PlacedMark } from './progress';

export const reviewCsvColumns = ['reviewState', 'reviewSource', 'reviewReason', 'reviewNotes', 'reviewedBy', 'reviewedAt'] as const;

export interface ReviewColumns {
  readonly reviewState: 'verified' | 'disputed' | 'not-a-claim' | 'unreviewed';
  readonly reviewSource?: string;
  readonly reviewReason?: string;
  readonly reviewNotes?: string;
  readonly reviewedBy?: string;
  readonly reviewedAt?: string;
}

export function reviewColumns(figure: Span, placed: readonly PlacedMark[]): ReviewColumns {
  const on = placed.filter((p) => p.span && overlaps(p.span, figure)).map((p) => p.mark);
  const notes = on
    .filter((m) => m.state === 'note')
    .map((m) => m.text ?? '')
    .filter(Boolean);
  const decided = on.filter((m) => isVerdict(m.state) || m.state === 'not-a-claim').sort((a, b) => (a.modified < b.modified ? 1 : -1))[0];
  const notesPart = notes.length ? { reviewNotes: notes.join(' | ') } : {};
  if (!decided) return { reviewState: 'unreviewed', ...notesPart };
  return {
    reviewState: decided.state as ReviewColumns['reviewState'],
    ...(decided.source ? { reviewSource: `${decided.source.kind}: ${decided.source.value}` } : {}),
    ...(decided.reason ? { reviewReason: decided.reason } : {}),
    ...notesPart,
    reviewedBy: decided.creator,
    reviewedAt: decided.modified,
  };
}

/**
 * The document's marks for the JSON export: each as its W3C annotation, plus where it sits in the
 * exported text now (`current`), or `orphaned: true` when its text is gone.
 */
export function reviewForExport(placed: readonly PlacedMark[]): Record<string, unknown>[] {
  return placed.map((p) => ({ ...toW3C(p.mark), ...(p.span ? { current: { start: p.span.start, end: p.span.end } } : { orphaned: true }) }));
}

export { describeMark };
