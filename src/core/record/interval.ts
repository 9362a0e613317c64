import type { FigureUnit, QualifierBound } from '../types';
import { formatNumber } from './format';

/** A range of values a figure allows; `loOpen`/`hiOpen` exclude the end itself. */
export interface Interval {
  readonly lo: number;
  readonly hi: number;
  readonly loOpen: boolean;
  readonly hiOpen: boolean;
}

export interface Qualified {
  readonly value: number;
  readonly qualifier: string;
  readonly bound: QualifierBound;
  readonly precision: number;
}

/**
 * Approximate words allow 10% of the value either side they point to, or half the stated precision
 * when that is wider ("nearly a thousand", precision 1,000, allows 500 to 1,000).
 */
export const APPROXIMATE_BAND = 0.1;

export type Shape = 'exact' | 'lower-open' | 'lower-closed' | 'just-over' | 'upper-open' | 'upper-closed' | 'from-below' | 'around';

const QUALIFIER_SHAPES: ReadonlyArray<readonly [Shape, readonly string[]]> = [
  ['just-over', ['just over', 'just more than', 'slightly more than', 'a little over', 'little over', 'just above']],
  ['lower-closed', ['at least', 'no fewer than', 'no less than', 'a minimum of', 'minimum of', 'or more', 'upwards of', 'not less than']],
  ['lower-open', ['more than', 'over', 'above', 'in excess of', 'exceeding', 'greater than', 'beyond']],
  ['from-below', ['almost', 'nearly', 'just under', 'just below', 'not quite', 'approaching', 'just short of', 'close on']],
  ['upper-closed', ['up to', 'at most', 'no more than', 'a maximum of', 'maximum of', 'as many as', 'not more than']],
  ['upper-open', ['less than', 'under', 'fewer than', 'below']],
  [
    'around',
    [
      'around',
      'about',
      'approximately',
      'roughly',
      'some',
      'circa',
      'c.',
      'an estimated',
      'estimated',
      'close to',
      'in the region of',
      'an average of',
      'approx',
      'approx.',
    ],
  ],
];

const SHAPE_BY_QUALIFIER = new Map<string, Shape>(QUALIFIER_SHAPES.flatMap(([shape, words]) => words.map((w) => [w, shape] as const)));

/** Shapes by qualifier as written: a workspace repeats a handful of qualifiers thousands of times. */
const shapeByWritten = new Map<string, Shape | null>();

function shapeOfWords(qualifier: string): Shape | null {
  let shape = shapeByWritten.get(qualifier);
  if (shape === undefined) {
    shape = SHAPE_BY_QUALIFIER.get(qualifier.trim().toLowerCase().replace(/\s+/g, ' ')) ?? null;
    if (shapeByWritten.size < 10_000) shapeByWritten.set(qualifier, shape);
  }
  return shape;
}

/** How a figure's qualifier bounds it: exact, a lower or upper bound, from below ("almost"), or around. */
export function shapeOf(f: Pick<Qualified, 'qualifier' | 'bound'>): Shape {
  const byWords = shapeOfWords(f.qualifier);
  if (byWords) return byWords;
  switch (f.bound) {
    case 'lower':
      return 'lower-open';
    case 'upper':
      return 'upper-closed';
    case 'approximate':
      return 'around';
    default:
      return 'exact';
  }
}

/** The values a figure allows, in its own unit. See docs/reference-tables.md#how-figures-are-compared. */
export function intervalOf(f: Qualified): Interval {
  const v = f.value;
  const p = f.precision > 0 && Number.isFinite(f.precision) ? f.precision : 0;
  const band = Math.max(Math.abs(v) * APPROXIMATE_BAND, p / 2);
  switch (shapeOf(f)) {
    case 'exact':
      return p === 0 ? closed(v, v) : { lo: v - p / 2, hi: v + p / 2, loOpen: false, hiOpen: true };
    case 'lower-open':
      return { lo: v, hi: Infinity, loOpen: true, hiOpen: true };
    case 'lower-closed':
      return { lo: v, hi: Infinity, loOpen: false, hiOpen: true };
    case 'just-over':
      return { lo: v, hi: v + band, loOpen: true, hiOpen: false };
    case 'upper-open':
      return { lo: Math.min(0, v), hi: v, loOpen: false, hiOpen: true };
    case 'upper-closed':
      return closed(Math.min(0, v), v);
    case 'from-below':
      return { lo: v - band, hi: v, loOpen: false, hiOpen: true };
    case 'around':
      return closed(v - band, v + band);
  }
}

/** The bound a qualifier implies, or undefined for words this module does not know. */
export function boundOfQualifier(qualifier: string): QualifierBound | undefined {
  const q = qualifier.trim().toLowerCase().replace(/\s+/g, ' ');
  if (q === '' || q === 'exact' || q === 'exactly') return 'exact';
  const shape = SHAPE_BY_QUALIFIER.get(q);
  if (!shape) return undefined;
  return shape.startsWith('lower') || shape === 'just-over' ? 'lower' : shape.startsWith('upper') ? 'upper' : 'approximate';
}

/** True when the figure is stated as exact (no qualifier). */
export function isExact(f: Qualified): boolean {
  return shapeOf(f) === 'exact';
}

function closed(lo: number, hi: number): Interval {
  return { lo, hi, loOpen: false, hiOpen: false };
}

/** The interval in another unit; most figures are in their base unit already, and the interval is kept. */
export function scale(iv: Interval, factor: number): Interval {
  // A literal, not a spread: this runs for every figure of every document, and copying by spread is slow.
  return factor === 1 ? iv : { lo: iv.lo * factor, hi: iv.hi * factor, loOpen: iv.loOpen, hiOpen: iv.hiOpen };
}

export function add(a: Interval, b: Interval): Interval {
  return { lo: a.lo + b.lo, hi: a.hi + b.hi, loOpen: a.loOpen || b.loOpen, hiOpen: a.hiOpen || b.hiOpen };
}

const same = (a: number, b: number) => a === b || (Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)));

/** The values every interval allows, or undefined when there is none. */
export function intersectAll(ivs: readonly Interval[]): Interval | undefined {
  let acc: Interval | undefined = ivs[0];
  for (let i = 1; acc && i < ivs.length; i++) acc = intersect(acc, ivs[i]);
  return acc;
}

export function intersect(a: Interval, b: Interval): Interval | undefined {
  let lo: number, loOpen: boolean, hi: number, hiOpen: boolean;
  if (same(a.lo, b.lo)) {
    lo = Math.max(a.lo, b.lo);
    loOpen = a.loOpen || b.loOpen;
  } else if (a.lo > b.lo) {
    lo = a.lo;
    loOpen = a.loOpen;
  } else {
    lo = b.lo;
    loOpen = b.loOpen;
  }
  if (same(a.hi, b.hi)) {
    hi = Math.min(a.hi, b.hi);
    hiOpen = a.hiOpen || b.hiOpen;
  } else if (a.hi < b.hi) {
    hi = a.hi;
    hiOpen = a.hiOpen;
  } else {
    hi = b.hi;
    hiOpen = b.hiOpen;
  }
  if (same(lo, hi)) return loOpen || hiOpen ? undefined : { lo, hi: lo, loOpen, hiOpen };
  return lo < hi ? { lo, hi, loOpen, hiOpen } : undefined;
}

export function contains(iv: Interval, x: number): boolean {
  const aboveLo = same(x, iv.lo) ? !iv.loOpen : x > iv.lo;
  const belowHi = same(x, iv.hi) ? !iv.hiOpen : x < iv.hi;
  return aboveLo && belowHi;
}

/** How far `x` lies outside the interval (0 inside or on an open end). */
export function distanceOutside(iv: Interval, x: number): number {
  if (x < iv.lo) return iv.lo - x;
  if (x > iv.hi) return x - iv.hi;
  return 0;
}

/** "289.5 to 290.5", "more than 290", "at most 50"; with a unit, "more than £200,000", "55.5% to 56.5%". */
export function describeInterval(iv: Interval, decimals = 2, unit?: FigureUnit): string {
  const lo = withUnit(formatNumber(iv.lo, decimals), unit);
  const hi = withUnit(formatNumber(iv.hi, decimals), unit);
  if (iv.hi === Infinity) return iv.loOpen ? `more than ${lo}` : `at least ${lo}`;
  if (iv.lo <= 0 && iv.hi > 0) return iv.hiOpen ? `less than ${hi}` : `at most ${hi}`;
  if (same(iv.lo, iv.hi)) return `exactly ${lo}`;
  return `${lo} to ${hi}`;
}

/** A formatted number with its unit as a press release writes it: "£5", "7.6kg", "56%", "8 years". */
export function withUnit(n: string, unit?: FigureUnit): string {
  switch (unit) {
    case undefined:
    case 'count':
    case 'ratio':
      return n;
    case 'GBP':
      return n.startsWith('-') ? `-£${n.slice(1)}` : `£${n}`;
    case 'percent':
      return `${n}%`;
    case 'kg':
    case 'g':
      return `${n}${unit}`;
    default:
      return `${n} ${unit}`;
  }
}
