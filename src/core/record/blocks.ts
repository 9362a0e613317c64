import { linesOf } from '../text/lines';

/** Paragraphs and lists: the units within which a writer states each figure once. */
export const BULLET = /^\s*(?:[•*·▪‣◦–-]|\d+[.)])\s+/;

/**
 * Block number of each line. A blank line starts a new block, except between items of one list; a line
 * ending in ":" joins the list it introduces, so "The Met's work resulted in:" belongs with its bullets.
 */
export function blockOfLine(text: string): readonly number[] {
  // The claims and the checks of a document both need its blocks: the last text's are kept.
  if (text !== lastText) {
    lastBlocks = blocksOf(text);
    lastText = text;
  }
  return lastBlocks;
}

let lastText: string | undefined;
let lastBlocks: readonly number[] = [];

function blocksOf(text: string): number[] {
  const lines = linesOf(text);
  const out: number[] = [];
  let block = 0;
  let sawBlank = false;
  let prev: string | undefined;
  for (const line of lines) {
    if (/^\s*$/.test(line)) {
      sawBlank = true;
      out.push(block);
      continue;
    }
    if (prev !== undefined && sawBlank) {
      const continuesList = BULLET.test(line) && (BULLET.test(prev) || /:\s*$/.test(prev));
      if (!continuesList) block++;
    }
    sawBlank = false;
    prev = line;
    out.push(block);
  }
  return out;
}

export function isListItem(line: string): boolean {
  return BULLET.test(line);
}
