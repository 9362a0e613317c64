/**
 * Where each word of a document stands, so a pattern that always contains one of a few words is
 * searched only in the sentences that hold one ("was charged" only where "charged" is), instead of
 * scanning the whole document once per pattern.
 */
import type { Span } from '../types';
import type { SentenceOf } from './mentions';

export interface WordIndex {
  /** Indices of the sentences holding any of `words` (lower case), in order. */
  sentencesWith(words: readonly string[]): number[];
}

export function buildWordIndex(text: string, sentenceOf: SentenceOf): WordIndex {
  const bySentence = new Map<string, Set<number>>();
  // ASCII letters are enough: every trigger is an English word.
  for (const m of text.matchAll(/[A-Za-z]+/g)) {
    const w = m[0].toLowerCase();
    let set = bySentence.get(w);
    if (!set) bySentence.set(w, (set = new Set()));
    set.add(sentenceOf(m.index!));
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
export function* matchesIn(text: string, sentences: readonly Span[], index: WordIndex, triggers: readonly string[], re: RegExp): Generator<{ readonly index: number; readonly text: string; readonly groups: RegExpMatchArray }> {
  for (const si of index.sentencesWith(triggers)) {
    const s = sentences[si];
    for (const m of text.slice(s.start, s.end).matchAll(re)) yield { index: s.start + m.index!, text: m[0], groups: m };
  }
}
