/** How well the text around a candidate matches an anchor's remembered prefix and suffix. */
import type { TextAnchor } from './selectors';

/** Characters of the prefix that still end right before `start`, plus those of the suffix that still follow `end`. */
export function contextScore(text: string, anchor: Pick<TextAnchor, 'prefix' | 'suffix'>, start: number, end: number): number {
  let before = 0;
  while (before < anchor.prefix.length && start - before - 1 >= 0 && text[start - before - 1] === anchor.prefix[anchor.prefix.length - before - 1]) before++;
  let after = 0;
  while (after < anchor.suffix.length && end + after < text.length && text[end + after] === anchor.suffix[after]) after++;
  return before + after;
}

/** The most context an anchor can match: its prefix and suffix in full. */
export function fullContext(anchor: Pick<TextAnchor, 'prefix' | 'suffix'>): number {
  return anchor.prefix.length + anchor.suffix.length;
}
