import { formatNumber } from './format';
import { contains, intersect, intervalOf, scale, shapeOf, withUnit, type Interval, type Shape } from './interval';
import { toBase } from './units';
import type { Claim } from './types';

/**
 * When two statements of one figure disagree, as an editor judges it:
 *
 * 1. A hedge true of the exact figure agrees ("more than 700" for 743, "almost 30kg" for 28.8kg).
 * 2. A bare round figure within 1% of the exact one is a rounding ("£426,000" for £426,040); further off it
 *    is an unhedged rounding and a discrepancy ("700 arrests" for 743, "Fifty" for 49), as long as it is the
 *    exact figure rounded down or up to the round figure's own step; further still it is a different value
 *    ("150" for 120 is not a rounding of anything near 120).
 * 3. Money with a scale word ("£1.3m") is a rounding when the exact figure rounds to it at that precision;
 *    "£1.2m" for £1,284,729.88 does not (that is £1.3m).
 * 4. Conflicting qualifiers on the same stated value disagree: "up to £120,000" against a bare £120,000,
 *    "more than £62,000" against an estimated £62,000, "£2 million" against "nearly £2,000,000".
 * 5. Two exact figures stated to the same precision that differ are a different value (665 and 655).
 *
 * "Some 1,468" or "around £426,040" is as exact as its digits: nobody hedges a number they did not count.
 */
export type ConflictRule = 'different-value' | 'bare-rounding' | 'wrong-rounding' | 'false-hedge' | 'conflicting-qualifiers';
export type AgreementRule = 'same' | 'rounding' | 'hedge-holds' | 'ranges-overlap';

export interface Judged {
  readonly claim: Pick<Claim, 'text' | 'value' | 'unit' | 'qualifier' | 'bound' | 'precision'>;
  /** A hedge the statement shares with its list ("some 1,600 arrests, 100kg of cannabis"). */
  readonly hedge?: { readonly qualifier: string; readonly bound: Claim['bound'] };
}

/** The statement as judged: with the hedge of its list, where it has one. */
export function asJudged(m: Judged): Judged['claim'] {
  return m.hedge ? { ...m.claim, qualifier: m.hedge.qualifier, bound: m.hedge.bound } : m.claim;
}

export interface PairVerdict {
  readonly ok: boolean;
  readonly rule: ConflictRule | AgreementRule;
  /** One sentence, without the places (the caller names where each claim is). */
  readonly why: string;
}

/** The share of the exact figure a bare round figure may be off and still be a rounding of it. */
export const BARE_ROUNDING_TOLERANCE = 0.01;

const tiny = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** The largest power of ten that divides an integer value; the decimal step of a fractional one. */
export function roundnessOf(value: number): number {
  const v = Math.abs(value);
  if (!Number.isFinite(v) || v === 0) return 1;
  if (!Number.isInteger(v)) {
    const decimals = (String(v).split('.')[1] ?? '').length;
    return 10 ** -decimals;
  }
  let step = 1;
  while (v % (step * 10) === 0 && step < 1e15) step *= 10;
  return step;
}

export function significantDigits(value: number): number {
  const v = Math.abs(value);
  if (!Number.isFinite(v) || v === 0) return 1;
  const digits = String(v).replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.max(1, digits.length);
}

/** "700", "Fifty", "£400,000", "30kg": a figure that ends in zeros with at most three significant digits. */
export function isRoundFigure(value: number): boolean {
  return Math.abs(value) >= 10 && roundnessOf(value) >= 10 && significantDigits(value) <= 3;
}

/** The shape a claim's qualifier gives it, with an approximate word before a counted number read as exact. */
export function effectiveShape(c: Judged['claim']): Shape {
  const shape = shapeOf(c);
  if (shape === 'around' && !isRoundFigure(c.value) && significantDigits(c.value) >= 3 && roundnessOf(c.value) <= 10) return 'exact';
  return shape;
}

function base(c: Judged['claim']): number {
  return toBase(c.value, c.unit);
}

function precisionOf(c: Judged['claim']): number {
  return toBase(c.precision > 0 && Number.isFinite(c.precision) ? c.precision : 0, c.unit);
}

function intervalOfClaim(c: Judged['claim']): Interval {
  return scale(intervalOf(c), toBase(1, c.unit));
}

const LOWER: ReadonlySet<Shape> = new Set(['lower-open', 'lower-closed', 'just-over']);
const UPPER: ReadonlySet<Shape> = new Set(['upper-open', 'upper-closed']);

/** Qualifiers that cannot both be right of one stated value (rule 4). */
export function qualifiersConflict(a: Shape, b: Shape): boolean {
  if (a === b) return false;
  const pair = (x: (s: Shape) => boolean, y: (s: Shape) => boolean) => (x(a) && y(b)) || (x(b) && y(a));
  const is = (s: Shape) => (t: Shape) => t === s;
  const lower = (t: Shape) => LOWER.has(t);
  const upper = (t: Shape) => UPPER.has(t);
  if (lower(a) && lower(b)) return false;
  if (upper(a) && upper(b)) return false;
  return (
    pair(is('exact'), is('lower-open')) ||
    pair(is('exact'), is('just-over')) ||
    pair(is('exact'), upper) ||
    pair(is('exact'), is('from-below')) ||
    pair(lower, is('from-below')) ||
    pair(lower, upper) ||
    pair(is('around'), is('lower-open')) ||
    pair(is('around'), upper)
  );
}

const QUALIFIER_WORDS: Record<Shape, string> = {
  exact: 'a bare figure',
  'lower-open': 'a lower bound',
  'lower-closed': 'a lower bound',
  'just-over': 'a lower bound',
  'upper-open': 'an upper bound',
  'upper-closed': 'an upper bound',
  'from-below': '“almost”',
  around: 'an estimate',
};

function said(c: Judged['claim']): string {
  return `“${c.text}”`;
}

function pct(off: number, of: number): string {
  return `${formatNumber((Math.abs(off) / Math.max(Math.abs(of), 1e-12)) * 100, 1)}%`;
}

/**
 * Whether a bare figure is a rounding of a more precise one: the precise one rounds to it at its own step
 * when it is stated more coarsely ("£1.3m", "27kg" against 26.8kg), or it is a round number within 1%.
 */
function isRoundingOf(coarse: Judged['claim'], fine: Judged['claim']): boolean {
  const off = base(fine) - base(coarse);
  const eps = 1e-9 * Math.max(1, Math.abs(base(fine)));
  // Rounded half up: £1.25m is "£1.3m", but eight and a half years is not "eight years".
  const step = precisionOf(coarse);
  if (step > precisionOf(fine) * (1 + 1e-9) && off >= -step / 2 - eps && off < step / 2 - eps) return true;
  return isRoundFigure(coarse.value) && Math.abs(off) <= BARE_ROUNDING_TOLERANCE * Math.abs(base(fine)) + eps;
}

/** Which of two exact figures is the more precise statement (the one the other may round). */
function finerOf(a: Judged['claim'], b: Judged['claim']): [Judged['claim'], Judged['claim']] {
  const pa = precisionOf(a);
  const pb = precisionOf(b);
  if (!tiny(pa, pb)) return pa < pb ? [a, b] : [b, a];
  return roundnessOf(a.value) <= roundnessOf(b.value) ? [a, b] : [b, a];
}

/** Whether two statements of one figure can both be right, and which rule decides it. */
export function comparePair(a: Judged['claim'], b: Judged['claim']): PairVerdict {
  const sa = effectiveShape(a);
  const sb = effectiveShape(b);
  const va = base(a);
  const vb = base(b);
  const sameValue = tiny(va, vb);
  if (sa === 'exact' && sb === 'exact') {
    if (sameValue) return { ok: true, rule: 'same', why: `${said(a)} and ${said(b)} state the same value.` };
    const [fine, coarse] = finerOf(a, b);
    const off = base(coarse) - base(fine);
    if (isRoundingOf(coarse, fine)) {
      return { ok: true, rule: 'rounding', why: `${said(coarse)} is a fair rounding of ${said(fine)}.` };
    }
    if (precisionOf(coarse) > precisionOf(fine) * (1 + 1e-9) && precisionOf(coarse) >= toBase(1, coarse.unit) * 10) {
      return {
        ok: false,
        rule: 'wrong-rounding',
        why: `${said(coarse)} is not what ${said(fine)} rounds to (${withUnit(formatNumber((Math.round(base(fine) / precisionOf(coarse)) * precisionOf(coarse)) / toBase(1, coarse.unit)), coarse.unit)} at that precision).`,
      };
    }
    // A round figure is a rounding of the other only if it is that figure rounded to its own step, down or up
    // ("800" for 837, "Fifty" for 43): further off ("150" for 120, "1,950" for 1,873) it is another value.
    if (isRoundFigure(coarse.value) && Math.abs(off) >= toBase(roundnessOf(coarse.value), coarse.unit) * (1 - 1e-9)) {
      return {
        ok: false,
        rule: 'different-value',
        why: `${said(a)} and ${said(b)} state different values for the same figure (${pct(off, Math.min(Math.abs(va), Math.abs(vb)))} apart, too far for a rounding).`,
      };
    }
    if (isRoundFigure(coarse.value)) {
      return {
        ok: false,
        rule: 'bare-rounding',
        why: `${said(coarse)} is an unhedged rounding of ${said(fine)} that is ${pct(off, base(fine))} off (more than ${BARE_ROUNDING_TOLERANCE * 100}%).`,
      };
    }
    return { ok: false, rule: 'different-value', why: `${said(a)} and ${said(b)} state different values for the same figure.` };
  }
  if (sameValue && qualifiersConflict(sa, sb)) {
    const [x, y] = sa === 'exact' ? [b, a] : [a, b];
    return {
      ok: false,
      rule: 'conflicting-qualifiers',
      why: `${said(x)} and ${said(y)} qualify the same value differently (${QUALIFIER_WORDS[effectiveShape(x)]} against ${QUALIFIER_WORDS[effectiveShape(y)]}).`,
    };
  }
  if (sa === 'exact' || sb === 'exact') {
    const [exact, hedged] = sa === 'exact' ? [a, b] : [b, a];
    if (contains(intervalOfClaim(hedged), base(exact))) return { ok: true, rule: 'hedge-holds', why: `${said(hedged)} is true of ${said(exact)}.` };
    return { ok: false, rule: 'false-hedge', why: `${said(hedged)} is not true of ${said(exact)}.` };
  }
  if (intersect(intervalOfClaim(a), intervalOfClaim(b))) return { ok: true, rule: 'ranges-overlap', why: `${said(a)} and ${said(b)} allow a common value.` };
  return { ok: false, rule: 'false-hedge', why: `${said(a)} and ${said(b)} allow no common value.` };
}

export interface SetVerdict<T extends Judged> {
  readonly ok: boolean;
  /** The most precise exact statement, which the others are judged against. */
  readonly reference?: T;
  /** The first pair that cannot both be right, and why. */
  readonly conflict?: { readonly a: T; readonly b: T; readonly verdict: PairVerdict };
}

/**
 * Judges statements of one figure together: every statement against the most precise exact one, and the
 * hedged statements (and any two of the same value) against each other. Identical statements are judged once.
 */
export function judgeSet<T extends Judged>(members: readonly T[]): SetVerdict<T> {
  const distinct = new Map<string, T>();
  for (const m of members) {
    const c = asJudged(m);
    const key = `${base(c)}\u0000${effectiveShape(c)}\u0000${precisionOf(c)}\u0000${c.qualifier}`;
    if (!distinct.has(key)) distinct.set(key, m);
  }
  const list = [...distinct.values()];
  const exact = list.filter((m) => effectiveShape(asJudged(m)) === 'exact');
  let reference: T | undefined;
  for (const m of exact) if (!reference || finerOf(asJudged(m), asJudged(reference))[0] === asJudged(m)) reference = m;
  const pairs: [T, T][] = [];
  if (reference) for (const m of list) if (m !== reference) pairs.push([reference, m]);
  // Without an exact statement, every pair: two hedges, or a hedge and a coarse figure of the same value,
  // can disagree. Beside one, each statement is judged by it alone: "more than 1,600" and "some 1,600" are
  // both true of 1,613, whatever they say of each other.
  if (!reference) {
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) pairs.push([list[i], list[j]]);
  }
  let worst: { a: T; b: T; verdict: PairVerdict } | undefined;
  for (const [a, b] of pairs) {
    const verdict = comparePair(asJudged(a), asJudged(b));
    if (verdict.ok) continue;
    if (!worst || severity(verdict.rule) > severity(worst.verdict.rule)) worst = { a, b, verdict };
  }
  return { ok: !worst, reference: reference || undefined, conflict: worst || undefined };
}

function severity(rule: PairVerdict['rule']): number {
  switch (rule) {
    case 'different-value':
      return 5;
    case 'bare-rounding':
      return 4;
    case 'wrong-rounding':
      return 4;
    case 'false-hedge':
      return 3;
    case 'conflicting-qualifiers':
      return 2;
    default:
      return 0;
  }
}
