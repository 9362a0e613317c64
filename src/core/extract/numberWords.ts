import type { ParsedNumber } from './numbers';
import { roundValue } from './numbers';

const SMALL: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  // A common misspelling, read as the writer meant.
  fourty: 40,
};
const SCALES: Readonly<Record<string, number>> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

/** Denominators of fractions in words: "a third", "two fifths", "five and a quarter". ("fourth" is American for quarter.) */
export const DENOMINATORS: Readonly<Record<string, number>> = {
  half: 2,
  halves: 2,
  third: 3,
  thirds: 3,
  quarter: 4,
  quarters: 4,
  fifth: 5,
  fifths: 5,
  sixth: 6,
  sixths: 6,
  seventh: 7,
  sevenths: 7,
  eighth: 8,
  eighths: 8,
  ninth: 9,
  ninths: 9,
  tenth: 10,
  tenths: 10,
};
export const DENOMINATOR_WORDS = Object.keys(DENOMINATORS).join('|');

const WORD =
  '(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozens?)';
const SMALL_WORD = '(?:one|two|three|four|five|six|seven|eight|nine|ten)';
/** The fractional part of a mixed number: "and a half", "and-a-half", "and a third", "and two thirds". */
const FRACTION_PART = String.raw`(?:an?[\s-]+(?:half|third|quarter|fifth|sixth|seventh|eighth|ninth|tenth)|${SMALL_WORD}[\s-]+(?:halves|thirds|quarters|fifths|sixths|sevenths|eighths|ninths|tenths))\b`;

/** A run of number words without a leading article or fraction, as a regular-expression source ("twenty-one", "five hundred"). */
export const WORD_RUN = String.raw`${WORD}(?:(?:\s+and\s+|\s*-\s*|\s+)${WORD})*`;

/**
 * A run of number words: "Thirty-four", "Eighty two", "seven and a half", "five and a quarter", "a dozen",
 * "half a million", "quarter million", "two hundred and five", "twenty-one trillion three hundred". The
 * leading "a"/"half a" only counts when a scale word follows (checked in parseNumberWords), so "a week"
 * never matches.
 */
export const NUMBER_WORDS_RE = new RegExp(
  String.raw`\b(?:(?:half|quarter)\s+(?:an?\s+)?|an?\s+)?${WORD}(?:\s*[-\s]\s*and\s*[-\s]\s*${FRACTION_PART}|(?:\s+and\s+|\s*-\s*|\s+)${WORD})*\b`,
  'gi',
);

/**
 * Magnitudes built from a number word: "hundreds of", "tens of thousands of", "dozens of",
 * "hundreds more". They are not figures (they state no number an editor can check), but the scanner
 * finds them so that their words are never read as a figure either.
 */
export const VAGUE_RE =
  /\b(tens|dozens|scores|hundreds|thousands|millions|billions)(?:\s+(?:and\s+)?(?:of\s+)?(thousands|millions))?(?=\s+(?:of|more|upon)\b|\s*[,.;:)]|\s*$)/gi;

// "dozens" is at least two dozen; the others are the magnitude's floor (hundreds → 100).
const VAGUE_VALUES: Readonly<Record<string, number>> = { tens: 10, dozens: 24, scores: 40, hundreds: 100, thousands: 1e3, millions: 1e6, billions: 1e9 };

export function vagueValue(first: string, second: string | undefined): number {
  const a = VAGUE_VALUES[first.toLowerCase()] ?? 0;
  const b = second ? (VAGUE_VALUES[second.toLowerCase()] ?? 1) : 1;
  return a * b;
}

/** Parses a NUMBER_WORDS_RE match; undefined when it is not a number ("a" with nothing to scale, or a list). */
export function parseNumberWords(written: string): ParsedNumber | undefined {
  const tokens = written
    .toLowerCase()
    .split(/[\s-]+/)
    .filter((t) => t.length > 0);
  let factor = 1;
  let i = 0;
  if ((tokens[0] === 'half' || tokens[0] === 'quarter') && tokens.length > 1) {
    // "half a million", "quarter million", "half a dozen": a part of what follows.
    factor = tokens[0] === 'half' ? 0.5 : 0.25;
    i = tokens[1] === 'a' || tokens[1] === 'an' ? 2 : 1;
    const next = tokens[i];
    if (next === undefined || !(next in SCALES || next === 'dozen')) return undefined;
  } else if (tokens[0] === 'a' || tokens[0] === 'an') {
    const next = tokens[1];
    if (next === undefined || !(next in SCALES || next === 'dozen')) return undefined;
  }
  let total = 0;
  // The part of the number since the last scale word: whole hundreds, and what comes after them
  // ("three hundred and two dozen" is 300 + 24).
  let hundreds = 0;
  let low = 0;
  let precision = 1;
  let seenNumber = false;
  let lastWasScale = false;
  for (; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === 'and') {
      const fraction = fractionAt(tokens, i + 1);
      const rest = tokens.length - (i + 1 + (fraction?.words ?? 0));
      if (fraction && seenNumber && (rest === 0 || (rest === 1 && tokens[tokens.length - 1] in SCALES))) {
        // "seven and a half", "five and a half million".
        low += fraction.value;
        precision = fraction.step;
        i += fraction.words;
        continue;
      }
      // "two hundred and five" is one number; "one and two" is a list.
      if (!lastWasScale) return undefined;
      continue;
    }
    lastWasScale = t === 'hundred' || t in SCALES;
    if (t === 'a' || t === 'an') {
      low += 1;
      seenNumber = true;
      continue;
    }
    if (t in SMALL) {
      // "twenty five" adds; "five twenty" and "twenty fifteen" (a time, a year or a list) do not.
      if (low !== 0 && (low % 10 !== 0 || low < 20 || SMALL[t] >= 10)) return undefined;
      low += SMALL[t];
      precision = 1;
      seenNumber = true;
    } else if (t === 'dozen' || t === 'dozens') {
      // "three dozens" is 36; a bare "dozens" is a vague magnitude, not this.
      if (t === 'dozens' && !seenNumber) return undefined;
      low = (low || 1) * 12;
      precision = 1;
      seenNumber = true;
    } else if (t === 'hundred') {
      hundreds += (low || 1) * 100;
      low = 0;
      precision = 100;
      seenNumber = true;
    } else if (t in SCALES) {
      const scale = SCALES[t];
      total += (hundreds + low || 1) * scale;
      precision = precision < 1 ? precision * scale : scale;
      hundreds = 0;
      low = 0;
      seenNumber = true;
    } else {
      return undefined;
    }
  }
  if (!seenNumber) return undefined;
  const whole = (total + hundreds + low) * factor;
  // Whole numbers stay exact ("ninety trillion two thousand and six" has 14 digits); only fractions are rounded.
  const value = Number.isInteger(whole) && Number.isSafeInteger(whole) ? whole : roundValue(whole);
  return { value, precision: roundValue(precision * factor) };
}

/** "a quarter", "two thirds" at `i`: the fraction's value, the step it was stated to and how many words it took. */
export function fractionAt(tokens: readonly string[], i: number): { value: number; step: number; words: number } | undefined {
  const first = tokens[i];
  const second = tokens[i + 1];
  if (first === undefined || second === undefined) return undefined;
  const d = DENOMINATORS[second];
  if (!d) return undefined;
  const n = first === 'a' || first === 'an' ? 1 : SMALL[first];
  if (!n || n >= d || n > 10) return undefined;
  // "a thirds" and "two third" are not fractions.
  if ((n === 1) !== !/s$/.test(second) && !(n === 1 && second === 'half')) return undefined;
  return { value: n / d, step: 1 / d, words: 2 };
}
