/**
 * Markdown's emphasis markers around words and figures: "**290 arrests**", "**£120k** of drugs",
 * "_Kent Police_". A draft written in Markdown bolds its key figures, and a marker between a number
 * and the word it counts ("34** arrests") hides the word from every pattern that reads a figure's
 * measure. A run of one to three `*` or `_` is a marker where it opens a word (not after a letter or
 * digit, before a non-space) or closes one (after a non-space, not before a letter or digit), as
 * CommonMark's flanking rules have it. So a bullet ("* item"), a rule ("***"), "snake_case" and "5*3"
 * keep theirs.
 */
export const EMPHASIS_MARKER = String.raw`(?<![*_\p{L}\p{N}])[*_]{1,3}(?=[^\s*_])|(?<=[^\s*_])[*_]{1,3}(?![*_\p{L}\p{N}])`;

const MARKERS = new RegExp(EMPHASIS_MARKER, 'gu');

/**
 * The text with each emphasis marker as spaces, so offsets stay where they were: for a reader that
 * takes the analysis' offsets into the document as written (the record) and reads a space between
 * words as it reads none.
 */
export function withEmphasisAsSpaces(text: string): string {
  if (text.indexOf('*') < 0 && text.indexOf('_') < 0) return text;
  return text.replace(MARKERS, (m) => ' '.repeat(m.length));
}
