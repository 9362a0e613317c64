/**
 * Where each word of a document stands, so a pattern that always contains one of a few words is
 * searched only in the sentences that hold one ("was charged" only where "charged" is), instead of
 * scanning the whole document once per pattern.
 */
import { lowerCaseCopy } from '../lexicon/tokens';
import type { Span } from '../types';

export interface WordIndex {
  /** Indices of the sentences holding any of `words` (lower case), in order. */
  sentencesWith(words: readonly string[]): number[];
}

/**
 * `sentences` sorted and not overlapping, as analyze() gives them. A word between two sentences
 * belongs to the next one, and one past the last to the last (as `sentenceFinder` places it).
 */
export function buildWordIndex(text: string, sentences: readonly Span[]): WordIndex {
  const bySentence = new Map<string, number[]>();
  // ASCII letters are enough: every trigger is an English word.
  const word = /[A-Za-z]+/g;
  const lower = lowerCaseCopy(text);
  // Words come in text order, so the sentence of each is found by walking forward rather than by a
  // search per word, and each word's list of sentences is built already sorted and without repeats.
  let si = 0;
  for (let m = word.exec(text); m; m = word.exec(text)) {
    while (si < sentences.length - 1 && sentences[si].end <= m.index) si++;
    const w = lower !== undefined ? lower.slice(m.index, m.index + m[0].length) : m[0].toLowerCase();
    const list = bySentence.get(w);
    if (!list) bySentence.set(w, [si]);
    else if (list[list.length - 1] !== si) list.push(si);
  }
  return {
    sentencesWith(words) {
      const out = new Set<number>();
      for (const w of words) for (const s of bySentence.get(w) ?? []) out.add(s);
      return [...out].sort((a, b) => a - b);
    },
  };
}

/**
 * Every match of the global `re` in the sentences holding one of `triggers`, with offsets into the
 * whole text. Gives what `text.matchAll(re)` gives for any `re` whose matches stay inside a sentence
 * and contain a trigger word.
 */
export function* matchesIn(
  text: string,
  sentences: readonly Span[],
  index: WordIndex,
  triggers: readonly string[],
  re: RegExp,
): Generator<{ readonly index: number; readonly text: string; readonly groups: RegExpMatchArray }> {
  for (const si of index.sentencesWith(triggers)) {
    const s = sentences[si];
    for (const m of text.slice(s.start, s.end).matchAll(re)) yield { index: s.start + m.index!, text: m[0], groups: m };
  }
}
