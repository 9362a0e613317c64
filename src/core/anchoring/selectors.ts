/**
 * What an annotation remembers about the text it marks, in the shape of the W3C Web Annotation
 * selectors: the quote with some context either side (TextQuoteSelector) and the offsets
 * (TextPositionSelector). Offsets are UTF-16 code units, end exclusive, like the rest of the core.
 */

/** How many characters of context either side are kept: enough to tell repeated figures apart. */
export const contextLength = 32;

export interface TextAnchor {
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
  readonly start: number;
  readonly end: number;
}

/** The anchor of `[start, end)` in `text`; throws when the span does not fit the text. */
export function describeSpan(text: string, start: number, end: number): TextAnchor {
  if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end && end <= text.length)) {
    throw new RangeError(`span [${start}, ${end}) does not fit a text of ${text.length} characters`);
  }
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - contextLength), start),
    suffix: text.slice(end, end + contextLength),
    start,
    end,
  };
}
