/**
 * Finds an annotation's text again after the document changed, in the order the issue asks:
 * the quote at (or near) its old place, then the quote anywhere ranked by its remembered context,
 * then the quote with whitespace collapsed. An annotation is only ever attached to text equal to its
 * quote (whitespace aside); anything else is an orphan, with similar text offered as a suggestion.
 */
import type { TextAnchor } from './selectors';
import { contextScore, fullContext } from './context';
import { findCollapsingWhitespace, findSimilar, type FuzzyCandidate, type Occurrence } from './fuzzy';

export type AnchorMethod = 'position' | 'quote' | 'whitespace';

export type AnchorResult =
  | { readonly status: 'anchored'; readonly start: number; readonly end: number; readonly method: AnchorMethod }
  | { readonly status: 'orphaned'; readonly suggestion?: FuzzyCandidate };

export interface ReanchorOptions {
  /** Where the quote is expected to start now (its old start shifted through known edits); defaults to the anchor's start. */
  readonly expectedStart?: number;
  /** Suggestions for orphans below this similarity are not offered. */
  readonly suggestionThreshold?: number;
  /** Occurrences considered for a very common quote; beyond this the nearest ones found first win. */
  readonly maxCandidates?: number;
}

export function reanchor(text: string, anchor: TextAnchor, options: ReanchorOptions = {}): AnchorResult {
  const { exact } = anchor;
  const expected = options.expectedStart ?? anchor.start;
  const limit = options.maxCandidates ?? 10_000;
  if (exact.length === 0) return { status: 'orphaned' };

  // 1. Exact at the expected place: the common case after edits elsewhere, and cheap. A place the
  //    caller followed through the edits is trusted as it is; a stored position (the file may
  //    describe another version of the text) only with half its context intact.
  if (expected >= 0 && text.startsWith(exact, expected)) {
    const followed = options.expectedStart !== undefined;
    if (followed || contextScore(text, anchor, expected, expected + exact.length) * 2 >= fullContext(anchor)) {
      return anchored(expected, expected + exact.length, 'position');
    }
  }

  // 2. The quote anywhere, the best context first, then the nearest to where it was.
  const occurrences: Occurrence[] = [];
  for (let i = text.indexOf(exact); i >= 0 && occurrences.length < limit; i = text.indexOf(exact, i + 1)) {
    occurrences.push({ start: i, end: i + exact.length });
  }
  const byQuote = best(text, anchor, occurrences, expected);
  if (byQuote && (byQuote.score >= minimumContext(anchor) || occurrences.length === 1))
    return anchored(byQuote.start, byQuote.end, byQuote.start === expected ? 'position' : 'quote');

  // 3. The same words with whitespace changed (a re-wrapped paragraph).
  const spaced = findCollapsingWhitespace(text, exact, limit);
  const byWords = best(text, anchor, spaced, expected);
  if (byWords && (byWords.score >= minimumContext(anchor) || spaced.length === 1)) return anchored(byWords.start, byWords.end, 'whitespace');

  // A copy of the quote with none of its context is another claim that happens to read the same
  // ("41 arrests" in another paragraph): offered, not attached.
  const twin = byQuote ?? byWords;
  if (twin) return { status: 'orphaned', suggestion: { start: twin.start, end: twin.end, text: text.slice(twin.start, twin.end), similarity: 1 } };

  const suggestion = findSimilar(text, exact, expected, options.suggestionThreshold ?? 0.6);
  return suggestion ? { status: 'orphaned', suggestion } : { status: 'orphaned' };
}

function anchored(start: number, end: number, method: AnchorMethod): AnchorResult {
  return { status: 'anchored', start, end, method };
}

/** Context a repeated quote needs before it is attached: a few characters, or all there is. */
function minimumContext(anchor: TextAnchor): number {
  return Math.min(minimumContextChars, fullContext(anchor));
}

const minimumContextChars = 4;

function best(text: string, anchor: TextAnchor, candidates: readonly Occurrence[], expected: number): (Occurrence & { score: number }) | undefined {
  let chosen: Occurrence | undefined;
  let chosenScore = -1;
  let chosenDistance = Infinity;
  for (const c of candidates) {
    const score = contextScore(text, anchor, c.start, c.end);
    const distance = Math.abs(c.start - expected);
    if (score > chosenScore || (score === chosenScore && distance < chosenDistance)) {
      chosen = c;
      chosenScore = score;
      chosenDistance = distance;
    }
  }
  return chosen && { ...chosen, score: chosenScore };
}
