import { decimalsOf, formatAtPrecision, formatNumber, replaceFirstNumber } from '../format';
import { add, distanceOutside, intersect, isExact, type Interval } from '../interval';
import type { ArithmeticCheck } from '../types';
import { near, operand, sentenceOf, withinReach, type CheckContext, type CheckFigure } from './context';

/** Words that say a figure is the whole of something, within a few words before or right after it. */
const TOTAL_BEFORE =
  /\b(?:in total|a total of|total(?:led|ling|s)?(?: of)?|in all|altogether|overall|combined|all told|collectively|together(?! with)|between them|accounted for|of the|of these|of those|out of)\b[^.;:]{0,25}$/i;
const TOTAL_AFTER =
  /^[^.;:]{0,20}\b(?:in total|in all|altogether|all told|combined|made up of|of which|comprising|consisting of|broken down as|split between)\b/i;
/** At most this many figures of one list are added up as the breakdown of a total. */
const MAX_LIST_PARTS = 6;
/** Subjects that name no narrower group than the measure itself, so parts with subjects refine them. */
const GENERIC_SUBJECTS = new Set(['people', 'persons', 'individuals', 'suspects', 'offenders', 'items', 'drugs', 'suspected drugs']);
const MAX_CANDIDATE_PARTS = 10;

/** Whether each figure has a total cue: both kinds of sum check ask, and the patterns are not cheap. */
const cues = new WeakMap<CheckFigure, boolean>();

function hasTotalCue(ctx: CheckContext, t: CheckFigure): boolean {
  let cue = cues.get(t);
  if (cue === undefined) cues.set(t, (cue = totalCue(ctx, t)));
  return cue;
}

function totalCue(ctx: CheckContext, t: CheckFigure): boolean {
  const sStart = t.f.sentence?.start ?? t.f.start;
  const sEnd = t.f.sentence?.end ?? t.f.end;
  const before = ctx.doc.text.slice(Math.max(sStart, t.f.start - 40), t.f.start);
  const after = ctx.doc.text.slice(t.f.end, Math.min(sEnd, t.f.end + 30));
  return TOTAL_BEFORE.test(before) || TOTAL_AFTER.test(after);
}

/**
 * A part narrows the total: it names a subject ("Class A drugs", "women") the total does not. Anywhere in
 * the document when the total has no subject of its own (or a cue says it is a total); otherwise only
 * nearby, where "238 Class A charges and 49 Class B" under "287 drug trafficking charges" reads as a breakdown.
 */
function refines(part: CheckFigure, total: CheckFigure, cue: boolean, nearby: boolean): boolean {
  const ps = part.f.subject?.toLowerCase().trim();
  const ts = total.f.subject?.toLowerCase().trim();
  if (!ps || ps === ts) return false;
  // "700 people" is never a part of "650 men": a generic subject only ever names a whole.
  if (GENERIC_SUBJECTS.has(ps) && ts && !GENERIC_SUBJECTS.has(ts)) return false;
  return !ts || GENERIC_SUBJECTS.has(ts) || cue || (nearby && part.f.sentence?.start === total.f.sentence?.start);
}

interface Match {
  readonly parts: CheckFigure[];
  readonly sum: Interval;
  readonly allNear: boolean;
  readonly miss: number;
}

/**
 * Parts that add up to a stated total. A total is a figure with a "total" cue or one the parts refine by
 * subject; parts are 2 to 4 figures of the same measure and unit, near the total (or anywhere in the
 * document when they refine it by subject), with different subjects. Only a matching set is reported,
 * except when the total's own sentence lists its parts: then a mismatch is reported too.
 */
export function sumChecks(ctx: CheckContext): ArithmeticCheck[] {
  const checks: ArithmeticCheck[] = [];
  const byHead = new Map<string, CheckFigure[]>();
  for (const x of ctx.figures) {
    if (!x.measure || x.f.change || x.family === 'ratio') continue;
    const k = `${headOf(x.measure)}|${x.family}`;
    (byHead.get(k) ?? byHead.set(k, []).get(k)!).push(x);
  }
  for (const group of byHead.values()) {
    if (group.length < 3) continue;
    for (const total of group) {
      const same = withinReach(group, total).filter((p) => p === total || measuresNest(p.measure!, total.measure!));
      const check = checkTotal(ctx, total, same) ?? checkListBreakdown(ctx, total, same);
      if (check) checks.push(check);
    }
  }
  return checks;
}

/** The head noun of a measure: "drug trafficking charges" → "charges". */
function headOf(measure: string): string {
  const words = measure.split(' ');
  return words[words.length - 1];
}

/** "charges" and "drug trafficking charges" can be part and whole; "arrests" and "people charged" cannot. */
function measuresNest(a: string, b: string): boolean {
  return a === b || a.endsWith(` ${b}`) || b.endsWith(` ${a}`);
}

/**
 * A list whose items are all figures of the total's measure ("£17m for ...", "£20m for ...", "£5m for ...")
 * read as its breakdown when it sits beside the total (the paragraph before or after, or the line that
 * introduces it) or the total says it is one. Reported only when the list adds up.
 */
function checkListBreakdown(ctx: CheckContext, total: CheckFigure, group: readonly CheckFigure[]): ArithmeticCheck | undefined {
  const cue = hasTotalCue(ctx, total);
  const lists = new Map<number, CheckFigure[]>();
  for (const p of group) {
    if (p === total || !p.listItem || (p.block === total.block && total.listItem)) continue;
    (lists.get(p.block) ?? lists.set(p.block, []).get(p.block)!).push(p);
  }
  for (const [block, parts] of lists) {
    if (parts.length < 2 || parts.length > MAX_LIST_PARTS) continue;
    if (!cue && Math.abs(block - total.block) > 1) continue;
    if (new Set(parts.map((p) => p.row)).size !== parts.length) continue;
    const sum = parts.map((p) => p.interval).reduce(add);
    if (intersect(sum, total.interval) && closeToStated(parts, total)) return report(ctx, total, parts, 'ok');
  }
  return undefined;
}

function checkTotal(ctx: CheckContext, total: CheckFigure, group: readonly CheckFigure[]): ArithmeticCheck | undefined {
  const cue = hasTotalCue(ctx, total);
  const candidates = group
    .filter((p) => p !== total && p.base < total.base && p.base > 0)
    .filter((p) => refines(p, total, cue, near(p, total)) || (cue && near(p, total) && !p.f.subject))
    .sort((a, b) => Math.abs(a.sentenceIndex - total.sentenceIndex) - Math.abs(b.sentenceIndex - total.sentenceIndex) || a.f.start - b.f.start)
    .slice(0, MAX_CANDIDATE_PARTS);
  if (candidates.length < 2) return undefined;
  let best: Match | undefined;
  for (const parts of subsets(candidates, 2, 4)) {
    if (!distinctSubjects(parts)) continue;
    const sum = parts.map((p) => p.interval).reduce(add);
    if (!intersect(sum, total.interval) || !closeToStated(parts, total)) continue;
    const allNear = parts.every((p) => near(p, total));
    if (!allNear && !parts.every((p) => refines(p, total, cue, false))) continue;
    const point = parts.reduce((s, p) => s + p.base, 0);
    const m: Match = { parts, sum, allNear, miss: Math.abs(point - total.base) / Math.max(Math.abs(total.base), 1e-9) };
    if (!best || better(m, best)) best = m;
  }
  if (best) return report(ctx, total, best.parts, 'ok');
  if (!cue) return undefined;
  const listed = candidates.filter((p) => p.sentenceIndex === total.sentenceIndex && p.f.start > total.f.start);
  if (listed.length < 2 || listed.length > 4 || !distinctSubjects(listed)) return undefined;
  const sum = listed.map((p) => p.interval).reduce(add);
  const gap = Math.max(distanceOutside(total.interval, sum.lo), distanceOutside(total.interval, sum.hi));
  return report(ctx, total, listed, gap <= (total.f.precision || 0) * unitFactor(total) ? 'warning' : 'conflict');
}

/**
 * "More than 700" is a fair total for 741, not for 7,000: a bound is stated close to the truth, so a sum
 * more than a fifth away from the stated value is taken as coincidence, not as a breakdown.
 */
function closeToStated(parts: readonly CheckFigure[], total: CheckFigure): boolean {
  if (isExact(total.f)) return true;
  const point = parts.reduce((s, p) => s + p.base, 0);
  return Math.abs(point - total.base) <= 0.2 * Math.abs(total.base);
}

function better(a: Match, b: Match): boolean {
  if (a.allNear !== b.allNear) return a.allNear;
  if (Math.abs(a.miss - b.miss) > 1e-9) return a.miss < b.miss;
  return a.parts.length > b.parts.length;
}

function distinctSubjects(parts: readonly CheckFigure[]): boolean {
  const subjects = parts.map((p) => p.f.subject?.toLowerCase().trim()).filter((s): s is string => !!s);
  return new Set(subjects).size === subjects.length;
}

function* subsets<T>(items: readonly T[], min: number, max: number): Generator<T[]> {
  const pick: T[] = [];
  function* rec(from: number): Generator<T[]> {
    if (pick.length >= min) yield [...pick];
    if (pick.length === max) return;
    for (let i = from; i < items.length; i++) {
      pick.push(items[i]);
      yield* rec(i + 1);
      pick.pop();
    }
  }
  yield* rec(0);
}

function unitFactor(x: CheckFigure): number {
  return x.f.value === 0 ? 1 : x.base / x.f.value;
}

function report(ctx: CheckContext, total: CheckFigure, parts: readonly CheckFigure[], status: ArithmeticCheck['status']): ArithmeticCheck {
  const ordered = [...parts].sort((a, b) => a.f.start - b.f.start);
  const factor = unitFactor(total);
  const decimals = Math.max(0, ...ordered.map((p) => decimalsOf(p.f.precision)), decimalsOf(total.f.precision));
  const shown = (base: number) => formatNumber(base / factor, decimals);
  const sumBase = ordered.reduce((s, p) => s + p.base, 0);
  const sumText = shown(sumBase);
  const stated = `${isExact(total.f) ? '' : `${total.f.qualifier} `}${formatNumber(total.f.value, decimals)}`;
  const arithmetic = `${ordered.map((p) => shown(p.base)).join(' + ')} = ${sumText}${sumText === stated ? '' : ` (stated: ${stated})`}`;
  const what = `“${total.f.text}” (line ${total.f.line + 1})`;
  const partsText = ordered.map((p) => `“${p.f.text}”`).join(', ');
  const message =
    status === 'ok'
      ? `The parts ${partsText} add up to ${what}: ${arithmetic}.`
      : `The parts ${partsText} in “${sentenceOf(ctx, total).trim()}” add up to ${sumText}, not ${what}: ${arithmetic}.`;
  const exactTotal = isExact(total.f);
  return {
    checkId: `sum:${total.f.start}-${total.f.end}:${ordered.map((p) => p.f.start).join(',')}`,
    docId: ctx.doc.id,
    kind: 'sum',
    status,
    message,
    arithmetic,
    operands: [...ordered.map((p) => operand(p, 'part')), operand(total, 'total')],
    expected: total.f.value,
    actual: Number((sumBase / factor).toFixed(6)),
    tolerance: ((total.interval.hi - total.interval.lo) / 2 + ordered.reduce((s, p) => s + (p.interval.hi - p.interval.lo) / 2, 0)) / factor,
    ...(status !== 'ok' && exactTotal
      ? {
          fix: {
            start: total.f.start,
            end: total.f.end,
            replacement: replaceValue(total, formatAtPrecision(sumBase / factor, total.f.precision || 1)),
            title: `Replace “${total.f.text}” with the sum of its parts (${sumText})`,
          },
        }
      : {}),
  };
}

function replaceValue(x: CheckFigure, value: string): string {
  return replaceFirstNumber(x.f.text, value) ?? value;
}
