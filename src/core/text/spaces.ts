/**
 * Spaces other than U+0020 that web pages and word processors put where a writer typed a space: the
 * no-break space of "£26 million" and "85 per cent" (U+00A0, the commonest), the narrow no-break space
 * (U+202F), thin, figure and other fixed-width spaces (U+2000-U+200A), the ideographic space. Analysis
 * reads them as plain spaces: its patterns say " " where they mean a space between words, and "£26" then
 * "million" read as two figures. Each is one UTF-16 unit, as the space is, so every offset stays the same
 * and annotations still quote the document as written. Line breaks and tabs are not among them.
 */
const OTHER_SPACE = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/;
const OTHER_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;

/** The text with every other space character as U+0020; the same string when it has none (the usual case). */
export function withPlainSpaces(text: string): string {
  return OTHER_SPACE.test(text) ? text.replace(OTHER_SPACES, ' ') : text;
}
