import type { ParsedNumber } from './numbers';
import { roundValue } from './numbers';

const SMALL: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Readonly<Record<string, number>> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9 };

const WORD = '(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen)';

/**
 * A run of number words: "Thirty-four", "Eighty two", "seven and a half", "a dozen", "half a million",
 * "two hundred and five". The leading "a"/"half a" only counts when a scale word follows (checked in
 * parseNumberWords), so "a week" never matches.
 */
export const NUMBER_WORDS_RE = new RegExp(
  String.raw`\b(?:half\s+an?\s+|an?\s+)?${WORD}(?:(?:\s+and\s+|\s*-\s*|\s+)(?:a\s+half\b|${WORD}))*\b`,
  'gi',
);

/**
 * Magnitudes built from a number word: "hundreds of", "tens of thousands of", "dozens of",
 * "hundreds more". Their value is the lower bound of the magnitude.
 */
export const VAGUE_RE = /\b(tens|dozens|scores|hundreds|thousands|millions)(?:\s+of\s+(thousands|millions))?(?=\s+(?:of|more|upon)\b)/gi;

// "dozens" is at least two dozen; the others follow the gold guideline (hundreds → 100).
const VAGUE_VALUES: Readonly<Record<string, number>> = { tens: 10, dozens: 24, scores: 40, hundreds: 100, thousands: 1e3, millions: 1e6 };

export function vagueValue(first: string, second: string | undefined): number {
  const a = VAGUE_VALUES[first.toLowerCase()] ?? 0;
  const b = second ? (VAGUE_VALUES[second.toLowerCase()] ?? 1) : 1;
  return a * b;
}

/** Parses a NUMBER_WORDS_RE match; undefined when it is not a number ("a" with nothing to scale). */
export function parseNumberWords(written: string): ParsedNumber | undefined {
  const tokens = written.toLowerCase().split(/[\s-]+/).filter((t) => t.length > 0);
  let factor = 1;
  let i = 0;
  if (tokens[0] === 'half' && (tokens[1] === 'a' || tokens[1] === 'an')) {
    factor = 0.5;
    i = 2;
  } else if (tokens[0] === 'a' || tokens[0] === 'an') {
    const next = tokens[1];
    if (next === undefined || !(next in SCALES || next === 'dozen')) return undefined;
  }
  let total = 0;
  let current = 0;
  let precision = 1;
  let seenNumber = false;
  let lastWasScale = false;
  for (; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === 'and') {
      if (tokens[i + 1] === 'a' && tokens[i + 2] === 'half') {
        current += 0.5;
        precision = 0.5;
        i += 2;
        continue;
      }
      // "two hundred and five" is one number; "one and two" is a list.
      if (!lastWasScale) return undefined;
      continue;
    }
    lastWasScale = t === 'hundred' || t in SCALES;
    if (t === 'a' || t === 'an') {
      current += 1;
      seenNumber = true;
      continue;
    }
    if (t in SMALL) {
      current += SMALL[t];
      precision = 1;
      seenNumber = true;
    } else if (t === 'dozen') {
      current = (current || 1) * 12;
      precision = 1;
      seenNumber = true;
    } else if (t === 'hundred') {
      current = (current || 1) * 100;
      precision = 100;
      seenNumber = true;
    } else if (t in SCALES) {
      const scale = SCALES[t];
      total += (current || 1) * scale;
      precision = precision < 1 ? precision * scale : scale;
      current = 0;
      seenNumber = true;
    } else {
      return undefined;
    }
  }
  if (!seenNumber) return undefined;
  const value = roundValue((total + current) * factor);
  return { value, precision: roundValue(precision * factor) };
}
