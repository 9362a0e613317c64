import { roundnessOf } from './rounding';

/**
 * How much a shared value says that two statements are about one thing, in bits. Its own module because
 * both a claim (claims.ts) and a document's profile (profile.ts, which reads claims' measures) weigh it.
 */

/** Chance that one document states the same value with the same measure as another it is not about, at most. */
const MAX_CHANCE = 0.6;
/** The chance that two documents about one event state a figure both give the same way. */
const SAME_EVENT_AGREES = 0.9;

/**
 * How surprising a shared value is, as the chance that an unrelated document states it: about ten in its
 * magnitude over its step, so 12 or £400,000 say little (many documents have them) and 1,468 or £426,040 a lot.
 */
export function chanceOfValue(value: number): number {
  return chanceOfStatedValue(value, 0);
}

/**
 * `chanceOfValue` for a value as stated, in its own unit and to its precision: "12 years" is a whole number
 * of years, as common as any "12" (not 144 months, which would say more), and "six years and five months"
 * (6.41667 years, to a month) is as surprising as 77 months, not as a figure given to six digits.
 */
export function chanceOfStatedValue(value: number, precision: number): number {
  const v = Math.abs(value);
  if (!(v >= 1)) return MAX_CHANCE;
  const step = Math.max(roundnessOf(v), precision > 0 && Number.isFinite(precision) ? precision : 0);
  return Math.min(MAX_CHANCE, (10 * step) / v);
}

export function bitsOf(chance: number): number {
  return Math.max(0, Math.min(12, Math.log2(SAME_EVENT_AGREES / chance)));
}
