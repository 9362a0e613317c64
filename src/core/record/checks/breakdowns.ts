import { formatNumber } from '../format';
import { partsOf, phraseAfter } from '../roles';
import type { ArithmeticCheck } from '../types';
import { operand, withinReach, type CheckContext, type CheckFigure } from './context';

/**
 * Parts and totals a writer states in other shapes than "X of which Y and Z":
 *
 * - a breakdown by kind: one sentence lists three or more figures of different kinds ("33 firearms, 377
 *   bladed weapons, three crossbows, 21 batons and 28 knuckle dusters") and the document states a total of
 *   that measure elsewhere ("458 weapons"). A sum within 2% of the total that is not the total is an
 *   error (462 for 458); one further off is not a breakdown of it. A list after "including" or "among" is
 *   only reported when it adds up: such parts are examples, not the whole.
 * - a part larger than its total ("710 people, including 758 children") is a conflict.
 */

/** How far a list may add up from a total and still be read as its breakdown (a near miss is an error). */
export const BREAKDOWN_TOLERANCE = 0.02;
const MIN_KINDS = 3;
const MAX_KINDS = 8;
/** What may stand between two items of a list: a comma, "and", "as well as", the items' own words. */
const LIST_GAP = /^[^.;:()]{0,40}$/;
const LIST_JOIN = /,|\band\b|\bplus\b|\bas well as\b/i;
/** Words that open a list of a figure's parts: the figure before them is the whole, not an item. */
const INCLUDES = /\b(?:including|includes|included|among|such as|which|of which|of whom|made up of|comprising)\b/i;
const INCLUDING_BEFORE = /\b(?:including|includes|included|among(?:st)?(?: them| which)?|such as|for example)\s+$/i;

function headOf(measure: string): string {
  const words = measure.replace(/\s*\((?:change|before)\)$/, '').split(' ');
  return words[0];
}

/** Runs of figures in one sentence joined as a list, each counting a different kind of thing. */
function kindLists(ctx: CheckContext): CheckFigure[][] {
  const lists: CheckFigure[][] = [];
  const figures = ctx.figures.filter((x) => x.measure && !x.f.change && x.family !== 'ratio');
  let run: CheckFigure[] = [];
  const flush = () => {
    if (run.length >= MIN_KINDS && run.length <= MAX_KINDS) lists.push(run);
    run = [];
  };
  for (const x of figures) {
    const prev = run[run.length - 1];
    const gap = prev ? ctx.doc.text.slice(prev.f.end, x.f.start) : '';
    const joins =
      prev && prev.sentenceIndex === x.sentenceIndex && prev.family === x.family && LIST_GAP.test(gap) && LIST_JOIN.test(gap) && !INCLUDES.test(gap);
    if (!joins) flush();
    run.push(x);
  }
  flush();
  // Each item names its own kind ("firearms", "bladed weapons"): a run of one kind is not a breakdown.
  return lists.filter((l) => new Set(l.map((x) => phraseAfter(ctx.doc.text, x.f) ?? x.f.id)).size === l.length);
}

function sameKind(total: CheckFigure, parts: readonly CheckFigure[]): boolean {
  const measures = parts.map((p) => p.measure!);
  return measures.includes(total.measure!) || measures.every((m) => headOf(m) === headOf(total.measure!));
}

export function breakdownChecks(ctx: CheckContext): ArithmeticCheck[] {
  const out: ArithmeticCheck[] = [];
  for (const list of kindLists(ctx)) {
    const sum = list.reduce((s, p) => s + p.base, 0);
    const including = INCLUDING_BEFORE.test(ctx.doc.text.slice(Math.max(0, list[0].f.start - 30), list[0].f.start));
    const totals = withinReach(ctx.figures, list[0]).filter(
      (t) =>
        !list.includes(t) &&
        t.family === list[0].family &&
        t.measure &&
        !t.f.change &&
        (t.sentenceIndex !== list[0].sentenceIndex || t.f.end <= list[0].f.start) &&
        t.base > 0 &&
        sameKind(t, list),
    );
    let best: { t: CheckFigure; miss: number } | undefined;
    for (const t of totals) {
      const miss = Math.abs(sum - t.base) / t.base;
      if (miss <= BREAKDOWN_TOLERANCE && (!best || miss < best.miss)) best = { t, miss };
    }
    if (!best) continue;
    const equal = best.miss < 1e-9;
    if (!equal && including) continue;
    out.push(report(ctx, best.t, list, sum, equal));
  }
  return out;
}

function report(ctx: CheckContext, total: CheckFigure, parts: readonly CheckFigure[], sum: number, equal: boolean): ArithmeticCheck {
  const factor = total.f.value === 0 ? 1 : total.base / total.f.value;
  const shown = (base: number) => formatNumber(base / factor);
  const arithmetic = `${parts.map((p) => shown(p.base)).join(' + ')} = ${shown(sum)}${equal ? '' : ` (stated: ${formatNumber(total.f.value)})`}`;
  const what = `“${total.f.text}” (line ${total.f.line + 1})`;
  const list = parts.map((p) => `“${p.f.text}”`).join(', ');
  return {
    checkId: `sum:${total.f.start}-${total.f.end}:${parts.map((p) => p.f.start).join(',')}`,
    docId: ctx.doc.id,
    kind: 'sum',
    status: equal ? 'ok' : 'conflict',
    rule: equal ? 'breakdown-adds-up' : 'breakdown-near-miss',
    message: equal
      ? `The kinds ${list} (line ${parts[0].f.line + 1}) add up to ${what}: ${arithmetic}.`
      : `The kinds ${list} (line ${parts[0].f.line + 1}) add up to ${shown(sum)}, not ${what}: ${arithmetic}.`,
    arithmetic,
    operands: [...parts.map((p) => operand(p, 'part')), operand(total, 'total')],
    expected: total.f.value,
    actual: Number((sum / factor).toFixed(6)),
    tolerance: 0,
  };
}

/**
 * Only counts and amounts add up, so only they bound their parts: a change, a rate or a share of a part can
 * exceed the whole's ("criminal damage fell 9%, including a 14% fall in damage to vehicles").
 */
function isAdditive(x: CheckFigure): boolean {
  const kind = x.f.measureKind;
  return x.family !== 'ratio' && !x.f.change && kind !== 'change' && kind !== 'rate' && kind !== 'share' && kind !== 'age';
}

/** "710 vulnerable people, including 758 children": a part larger than the whole it is said to be part of. */
export function partExceedsTotalChecks(ctx: CheckContext): ArithmeticCheck[] {
  const byId = new Map(ctx.figures.map((x) => [x.f.id, x] as const));
  const out: ArithmeticCheck[] = [];
  for (const [partId, wholeId] of partsOf(
    ctx.doc.text,
    ctx.figures.map((x) => x.f),
  )) {
    const part = byId.get(partId);
    const whole = byId.get(wholeId);
    if (!part || !whole || part.family !== whole.family || !isAdditive(part) || !isAdditive(whole) || !(part.base > whole.interval.hi)) continue;
    out.push({
      checkId: `part:${whole.f.start}-${whole.f.end}:${part.f.start}`,
      docId: ctx.doc.id,
      kind: 'sum',
      status: 'conflict',
      rule: 'part-exceeds-total',
      message: `“${part.f.text}” (line ${part.f.line + 1}) is given as part of “${whole.f.text}” (line ${whole.f.line + 1}) but is larger than it.`,
      arithmetic: `${formatNumber(part.f.value)} > ${formatNumber(whole.f.value)}`,
      operands: [operand(part, 'part'), operand(whole, 'total')],
      expected: whole.f.value,
      actual: part.f.value,
      tolerance: 0,
    });
  }
  return out;
}
