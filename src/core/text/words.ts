/**
 * Counting words without building arrays: the record reads every line of every document to tell
 * headlines from ledes and to find section shifts, and `line.trim().split(/\s+/).length` allocated an
 * array of words per line only to take its length.
 */

/** Whether the UTF-16 code unit `c` is white space as a regular expression's `\s` reads it. */
export function isRegExpSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return (
    c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * How many words `text` holds, as `text.trim().split(/\s+/).length` counts them, except 0 for a text of no
 * words. With `atMost`, counting stops there: a caller that only asks "more than 25?" of a paragraph need
 * not read all of it.
 */
export function wordCount(text: string, atMost = Infinity): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isRegExpSpace(text.charCodeAt(i));
    if (!space && !inWord && ++words >= atMost) return atMost;
    inWord = !space;
  }
  return words;
}

/**
 * Whether `text` holds any of `words` as written (case-sensitive). A long pattern is slow to fail, and
 * one that cannot match without one of a few words is not worth running on a text that has none.
 */
export function containsAny(text: string, words: readonly string[]): boolean {
  for (const w of words) if (text.includes(w)) return true;
  return false;
}
