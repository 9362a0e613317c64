import { linesOf } from '../../text/lines';
import type { FigureAnnotation } from '../../types';
import { measureOf } from '../claims';
import { intervalOf, scale, type Interval } from '../interval';
import { blockOfLine, isListItem } from '../blocks';
import { toBase, unitFamily } from '../units';
import { rowAt } from '../rows';
import { firstFrom } from '../../sorted';
import type { CheckOperand, SourceDocument } from '../types';

/** A figure of the document under check, with where it sits and what it allows. */
export interface CheckFigure {
  readonly f: FigureAnnotation;
  readonly measure?: string;
  readonly family: string;
  /** The value in the family's base unit. */
  readonly base: number;
  /** The values the figure allows, in the base unit. */
  readonly interval: Interval;
  readonly sentenceIndex: number;
  /** Its line in the record's text, where a hard-wrapped paragraph is one line (see rows.ts). */
  readonly row: number;
  /** Paragraph, or a whole list with the line that introduces it. */
  readonly block: number;
  /** True for a bullet or numbered list item. */
  readonly listItem: boolean;
}

export interface CheckContext {
  readonly doc: SourceDocument;
  readonly figures: readonly CheckFigure[];
}

export function checkContext(doc: SourceDocument): CheckContext {
  const blocks = blockOfLine(doc.text);
  const lineTexts = linesOf(doc.text);
  const sentenceStarts = doc.analysis.sentences.map((s) => s.start);
  const figures: CheckFigure[] = [];
  for (const a of doc.analysis.annotations) {
    if (a.kind !== 'figure' || !Number.isFinite(a.value)) continue;
    const factor = toBase(1, a.unit);
    const row = rowAt(doc.text, a.start);
    figures.push({
      f: a,
      measure: measureOf(a),
      family: unitFamily(a.unit),
      base: a.value * factor,
      interval: scale(intervalOf(a), factor),
      sentenceIndex: indexAtOrBefore(sentenceStarts, a.sentence?.start ?? a.start),
      row,
      block: blocks[Math.min(row, blocks.length - 1)] ?? 0,
      listItem: isListItem(lineTexts[row] ?? ''),
    });
  }
  return { doc, figures };
}

/** Figures near each other: the same sentence, neighbouring sentences, or the same paragraph or list. */
export function near(a: CheckFigure, b: CheckFigure): boolean {
  return a.block === b.block || Math.abs(a.sentenceIndex - b.sentenceIndex) <= 1;
}

export function sentenceOf(ctx: CheckContext, x: CheckFigure): string {
  const s = x.f.sentence;
  return s && s.end > s.start ? ctx.doc.text.slice(s.start, s.end) : x.f.text;
}

export function operand(x: CheckFigure, role: string): CheckOperand {
  return { annotationId: x.f.id, start: x.f.start, end: x.f.end, line: x.f.line, value: x.f.value, role };
}

/**
 * How far apart two figures of one document may be and still be compared by a check. A press release
 * is a few thousand characters, so that is the whole of it; a long document (a report, a digest of
 * many stories, a pasted archive) is read as stretches this long, so its checks cost in proportion to
 * its length rather than to its square.
 */
export const CHECK_REACH_CHARS = 20_000;

/** The figures of `sorted` (in document order) within reach of `x`: all of them when they all are. */
export function withinReach<T extends CheckFigure>(sorted: readonly T[], x: CheckFigure): readonly T[] {
  if (sorted.length === 0 || sorted[sorted.length - 1].f.start - sorted[0].f.start <= CHECK_REACH_CHARS) return sorted;
  return sorted.slice(firstFrom(sorted, x.f.start - CHECK_REACH_CHARS, figureStart), firstFrom(sorted, x.f.start + CHECK_REACH_CHARS + 1, figureStart));
}

const figureStart = (x: CheckFigure) => x.f.start;

function indexAtOrBefore(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  if (hi < 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid] <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A verdict's sentence with the line of each quoted figure after its first quotation: "“Forty” (line 1) is ...". */
export function placedInDocument(why: string, claims: readonly { readonly text: string; readonly line: number }[]): string {
  let out = why;
  for (const c of claims) {
    const q = `“${c.text}”`;
    let at = out.indexOf(q);
    while (at >= 0 && out.startsWith(' (line', at + q.length)) at = out.indexOf(q, at + q.length);
    if (at < 0) continue;
    out = `${out.slice(0, at + q.length)} (line ${c.line + 1})${out.slice(at + q.length)}`;
  }
  return out;
}
