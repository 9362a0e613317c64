import type { Span } from '../types';

/**
 * Abbreviations after which a full stop does not end a sentence. Press releases are full of them:
 * titles ("Det Supt."), "No." before numbers, "approx.".
 */
const NON_TERMINAL = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'supt',
  'insp',
  'sgt',
  'det',
  'ch',
  'con',
  'pc',
  'dc',
  'ds',
  'di',
  'dci',
  'dsi',
  'no',
  'nos',
  'approx',
  'inc',
  'ltd',
  'co',
  'vs',
  'v',
  'etc',
  'eg',
  'ie',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'cllr',
  'rt',
  'hon',
  'gov',
  'sec',
  's',
  'ss',
  'para',
  'cf',
]);

const isSpace = (c: number) => c === 32 || c === 9 || c === 0xa0;
const isNewline = (c: number) => c === 10 || c === 13;

/**
 * Splits text into sentence spans in one pass. A sentence also ends at a blank line and at a line
 * break before a bullet or a short heading-like line, because releases put results in bulleted lists
 * whose items have no full stops.
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = skipSpace(text, 0);
  const n = text.length;
  let i = start;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isNewline(c)) {
      // Every line break ends a sentence unless the line ends mid-sentence (lowercase continues next line).
      const next = skipSpace(text, i);
      const prev = lastNonSpace(text, start, i);
      const midSentence = prev >= start && /[a-z,;]/.test(text[prev]) && next < n && /[a-z]/.test(text[next] ?? '') && !hasBlankLine(text, i, next);
      if (!midSentence) {
        pushSpan(spans, text, start, i);
        start = next;
        i = next;
        continue;
      }
      i++;
      continue;
    }
    if (c === 46 /* . */ || c === 33 /* ! */ || c === 63 /* ? */) {
      let j = i + 1;
      // Include closing quotes and brackets.
      while (j < n && /["'”’)\]]/.test(text[j])) j++;
      const after = text.charCodeAt(j);
      if (j >= n || isSpace(after) || isNewline(after)) {
        if (c !== 46 || endsSentenceAt(text, start, i, j)) {
          pushSpan(spans, text, start, j);
          start = skipSpace(text, j);
          i = start;
          continue;
        }
      }
    }
    i++;
  }
  pushSpan(spans, text, start, n);
  return spans;
}

function endsSentenceAt(text: string, sentenceStart: number, dot: number, after: number): boolean {
  // The word before the full stop.
  let w = dot;
  while (w > sentenceStart && /[A-Za-z]/.test(text[w - 1])) w--;
  const word = text.slice(w, dot).toLowerCase();
  if (word.length > 0 && NON_TERMINAL.has(word)) return false;
  // Single capital initial ("J. Smith").
  if (word.length === 1 && /[A-Z]/.test(text[w])) return false;
  // Decimal or version numbers never reach here (no space after the dot); a lowercase next word means
  // the dot was an abbreviation.
  const next = skipSpace(text, after);
  if (next < text.length && /[a-z]/.test(text[next])) return false;
  return true;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (!isSpace(c) && !isNewline(c)) break;
    i++;
  }
  return i;
}

function lastNonSpace(text: string, from: number, to: number): number {
  let k = to - 1;
  while (k >= from && (isSpace(text.charCodeAt(k)) || isNewline(text.charCodeAt(k)))) k--;
  return k;
}

function hasBlankLine(text: string, from: number, to: number): boolean {
  let breaks = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || (c === 13 && text.charCodeAt(k + 1) !== 10)) breaks++;
  }
  return breaks > 1;
}

/**
 * The longest span read as one sentence. Written sentences stay far below it (the longest in the real
 * corpus and gold-dev documents is under 500 characters); a longer run without a full stop or line
 * break is a table or list run together. Every figure reads its sentence (for its period, place,
 * claimant and measure), so an unbounded sentence made analysis quadratic in its length; pieces of
 * at most this length keep each figure's work bounded and analysis linear.
 */
export const MAX_SENTENCE_LENGTH = 1000;

function pushSpan(spans: Span[], text: string, start: number, end: number): void {
  const last = lastNonSpace(text, start, end);
  if (last < start) return;
  end = last + 1;
  while (end - start > MAX_SENTENCE_LENGTH) {
    const cut = pieceEnd(text, start, start + MAX_SENTENCE_LENGTH);
    spans.push({ start, end: cut });
    start = skipSpace(text, cut);
  }
  if (end > start) spans.push({ start, end });
}

/**
 * Where a piece of an over-long sentence ends at the latest `limit`: after the last semicolon, comma or
 * space of its last quarter, so that a figure ("£1,200,000") or a word is not cut; at `limit` if there is none.
 */
function pieceEnd(text: string, start: number, limit: number): number {
  const floor = limit - (limit - start) / 4;
  for (const breaks of [/[;:]/, /[\s,]/]) {
    for (let k = limit - 1; k >= floor; k--) {
      const c = text[k];
      // A comma between digits is a thousands separator, not a break.
      if (breaks.test(c) && !(c === ',' && /\d/.test(text[k - 1] ?? '') && /\d/.test(text[k + 1] ?? ''))) return isSpace(text.charCodeAt(k)) ? k : k + 1;
    }
  }
  return limit;
}

/** Index of the sentence containing `offset`, by binary search over sorted spans; -1 if none. */
export function sentenceIndexAt(sentences: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Words as a reader counts them: runs of letters or digits, with inner apostrophes, hyphens, commas and points. */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const wordChar = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 0xbf;
    if (wordChar) {
      if (!inWord) count++;
      inWord = true;
    } else if (inWord && (c === 39 || c === 0x2019 || c === 45 || c === 44 || c === 46) && i + 1 < text.length) {
      const n = text.charCodeAt(i + 1);
      inWord = (n >= 48 && n <= 57) || (n >= 65 && n <= 90) || (n >= 97 && n <= 122);
    } else {
      inWord = false;
    }
  }
  return count;
}
