/**
 * The last two steps of re-anchoring. First the quote with its whitespace collapsed, so a paragraph
 * re-wrapped or a doubled space still finds its figure (the text is the same words). Then, when even
 * that fails, a bitap search (diff-match-patch) for similar text near where the quote was: that is
 * only ever offered as a suggestion for an orphan, never attached, because "£214,568" and "£214,58"
 * are different claims.
 */
import DiffMatchPatch from 'diff-match-patch';

export interface Occurrence {
  readonly start: number;
  readonly end: number;
}

const whitespace = /\s/;

/** Occurrences of `quote` in `text` when every run of whitespace in either counts as one space. */
export function findCollapsingWhitespace(text: string, quote: string, limit: number): Occurrence[] {
  const needle = collapse(quote).text;
  if (needle.trim() === '') return [];
  const hay = collapse(text);
  const found: Occurrence[] = [];
  for (let i = hay.text.indexOf(needle); i >= 0 && found.length < limit; i = hay.text.indexOf(needle, i + 1)) {
    const last = i + needle.length - 1;
    found.push({ start: hay.origin[i]!, end: hay.originEnd[last]! });
  }
  return found;
}

interface Collapsed {
  readonly text: string;
  /** For each character of `text`, where it starts in the original. */
  readonly origin: number[];
  /** For each character of `text`, where it ends in the original (a collapsed run ends after its last space). */
  readonly originEnd: number[];
}

function collapse(text: string): Collapsed {
  let out = '';
  const origin: number[] = [];
  const originEnd: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (whitespace.test(text[i]!)) {
      let j = i;
      while (j + 1 < text.length && whitespace.test(text[j + 1]!)) j++;
      out += ' ';
      origin.push(i);
      originEnd.push(j + 1);
      i = j;
    } else {
      out += text[i];
      origin.push(i);
      originEnd.push(i + 1);
    }
  }
  return { text: out, origin, originEnd };
}

/** 1 for equal strings, 0 for nothing in common: one minus the edit distance over the longer length. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  const dmp = new DiffMatchPatch();
  return 1 - dmp.diff_levenshtein(dmp.diff_main(a, b)) / longer;
}

export interface FuzzyCandidate extends Occurrence {
  readonly text: string;
  readonly similarity: number;
}

/**
 * Text similar to `quote` near `expected`, or undefined below `threshold`. Bitap handles at most 32
 * characters, so a longer quote is located by its first 32 and then compared whole.
 */
export function findSimilar(text: string, quote: string, expected: number, threshold: number): FuzzyCandidate | undefined {
  if (quote.length === 0 || text.length === 0) return undefined;
  const dmp = new DiffMatchPatch();
  dmp.Match_Threshold = 0.4;
  // How far from `expected` a match may lie, in characters, before distance alone rules it out.
  dmp.Match_Distance = 2000;
  const pattern = quote.slice(0, dmp.Match_MaxBits);
  const at = dmp.match_main(text, pattern, Math.max(0, Math.min(expected, text.length)));
  if (at < 0) return undefined;
  // Try the lengths around the quote's own: a deletion or insertion inside it changes the length.
  let best: FuzzyCandidate | undefined;
  const slack = Math.max(2, Math.ceil(quote.length * 0.25));
  for (let len = Math.max(1, quote.length - slack); len <= quote.length + slack && at + len <= text.length; len++) {
    const candidate = text.slice(at, at + len);
    const score = similarity(candidate, quote);
    // On equal similarity the length nearer the quote's wins: "£18,520" over "£18,5" for "£18,250".
    const nearer = best && score === best.similarity && Math.abs(len - quote.length) < Math.abs(best.text.length - quote.length);
    if (!best || score > best.similarity || nearer) best = { start: at, end: at + len, text: candidate, similarity: score };
  }
  return best && best.similarity >= threshold ? best : undefined;
}
