import { LineIndex } from '../text/lines';

/**
 * The line of the record's text that an offset is on. The record reads a hard-wrapped paragraph as one
 * line (text/wrappedLines.ts), as the analysis does, so its roles, blocks and list items are per
 * paragraph; an annotation's `line` is the line of the document as written, which is what messages
 * quote. Where no paragraph is wrapped, the two are the same.
 *
 * The last text's index is kept: a document's claims and checks ask for many offsets of one text.
 */
let last: { readonly text: string; readonly index: LineIndex } | undefined;

export function rowAt(text: string, offset: number): number {
  if (last?.text !== text) last = { text, index: new LineIndex(text) };
  return last.index.lineAt(offset);
}
