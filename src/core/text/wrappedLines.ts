/**
 * Hard-wrapped text: Markdown and plain text written in an editor that wraps at 72 or 80 columns, or
 * a release pasted from an email, end each line where the next word would not fit. The writer's
 * paragraph is one line; the analysis reads lines as units (a headline is a line, a sentence does not
 * run across a line end, "Kent" at the end of one line and "Police" at the start of the next are two
 * words apart). `withWrappedLinesJoined` reads such a paragraph as the writer wrote it: each line end
 * that a wrap made becomes a space. It is one UTF-16 unit, as the line feed is (a CRLF becomes two
 * spaces), so every offset stays the same and annotations still quote the document as written.
 *
 * A line end is taken for a wrap only inside a paragraph (a run of lines with no blank line) and only
 * where a greedy wrap would have put it, the way every editor's rewrap does: the next line's first
 * word would not have fitted on this line. The paragraph's wrap width is its longest line but the
 * last. A paragraph is read as wrapped when that width is a column width (40 to 160 characters) and
 * most of its line ends, at least two, are where a wrap would put them (not counting a sentence's end
 * before a capital, which may end a paragraph in a text with no blank lines), or every one is and one
 * of them runs on mid-sentence. In a paragraph that is not (two lines, a caption among short lines),
 * such a line end is joined only where the sentence plainly runs on across it: the line does not end
 * a clause, and the next starts in lower case or this one ends on a word like "of" or "the".
 * Everything is decided within the paragraph, so analysing a paragraph alone (the incremental
 * analysis) joins the same line ends.
 */

/** Line widths that are wrap columns: narrower is a list of short lines; wider is a paragraph per line. */
const MIN_WRAP_WIDTH = 40;
const MAX_WRAP_WIDTH = 160;
/** Of a paragraph's line ends that could be wraps, the share that must be where a wrap would put them. */
const MIN_WRAPPED_SHARE = 0.6;

/**
 * A line that starts a block of its own, after up to three spaces: a list item ("- ", "* ", "• ", "1. ",
 * "a)"), a heading, a quotation, a table row, a code fence, a rule or a setext underline. The line end
 * before it is the writer's.
 */
const BLOCK_START = /^ {0,3}(?:[-*+•▪●◦‣–—]\s|\(?(?:\d{1,3}|[a-z])[.)]\s|#|>|\||```|~~~|[=_-]{3,}\s*$|\*{3,}\s*$)/;
/** A line end the writer made: Markdown's hard break (two trailing spaces or a backslash). */
const HARD_BREAK = /(?: {2,}|\\)$/;
/** A line that ends a sentence, a quotation or a clause: in a two-line paragraph, the break may be the writer's. */
const ENDS_CLAUSE = /[.!?:;"”’)\]]$/;
/** Words a sentence or headline does not end on: a line ending on one runs on. */
const RUNS_ON =
  /\b(?:a|an|the|of|to|in|on|at|by|for|from|with|and|or|but|as|into|than|that|who|which|were|was|is|are|has|had|have|been|its|their|his|her|our|after|over|under|between|including)$/i;
const FIRST_WORD = /^\s*(\S+)/;

interface Line {
  /** Offset of its first character. */
  readonly start: number;
  /** Offset of its line end ("\r\n" or "\n"), or the text's length for the last line. */
  readonly end: number;
  /** Its text without the line end. */
  readonly text: string;
}

/**
 * The text with each line end that a wrap made as a space (two for "\r\n"); the same string when there
 * is none. With `within`, only the paragraphs that reach into those ranges are read (the rest of the
 * text is as it was): a reader of a document's head and tail gets what it would from the whole.
 */
export function withWrappedLinesJoined(text: string, within?: readonly (readonly [number, number])[]): string {
  if (text.indexOf('\n') < 0) return text;
  if (within) return joinedWithin(text, within);
  return joinedAt(text, wrapsIn(text, 0, text.length));
}

function joinedAt(text: string, joins: readonly number[]): string {
  if (!joins.length) return text;
  let out = '';
  let from = 0;
  for (const at of joins) {
    const crlf = text.charCodeAt(at) === 13;
    out += text.slice(from, at) + (crlf ? '  ' : ' ');
    from = at + (crlf ? 2 : 1);
  }
  return out + text.slice(from);
}

/** Each range widened to whole paragraphs (to the blank lines around it), then the wraps in each, once. */
function joinedWithin(text: string, within: readonly (readonly [number, number])[]): string {
  const joins = new Set<number>();
  for (const [start, end] of within) {
    const from = paragraphStartBefore(text, Math.max(0, start));
    const to = paragraphEndAfter(text, Math.min(text.length, end));
    for (const at of wrapsIn(text, from, to)) joins.add(at);
  }
  const sorted = [...joins].sort((a, b) => a - b);
  return joinedAt(text, sorted);
}

/** The start of the paragraph holding `at`: the line after the last blank line before it, or 0. */
function paragraphStartBefore(text: string, at: number): number {
  let lineStart = text.lastIndexOf('\n', at - 1) + 1;
  while (lineStart > 0) {
    const previousEnd = lineStart - 1;
    const previousStart = previousEnd === 0 ? 0 : text.lastIndexOf('\n', previousEnd - 1) + 1;
    if (isBlank(text, previousStart, previousEnd)) return lineStart;
    lineStart = previousStart;
  }
  return 0;
}

/** Where the paragraph holding `at` ends: at the first blank line from there, or the text's end. */
function paragraphEndAfter(text: string, at: number): number {
  BLANK_LINE_AFTER.lastIndex = at;
  const m = BLANK_LINE_AFTER.exec(text);
  return m ? m.index : text.length;
}

const BLANK_LINE_AFTER = /\n[ \t\r\f\v]*(?=\n|$)/g;

/** The line ends that a wrap made in the paragraphs from `from` (a line's start) to `to` (a line's end, or the text's). */
function wrapsIn(text: string, from: number, to: number): number[] {
  // One pass over the line ends, looking at no more of a line than its first and last characters: most
  // text is a paragraph per line, and a 5 MB document is read again after every edit.
  const joins: number[] = [];
  let runStart = 0;
  let runLines = 0;
  /** The longest line of the run so far but its last, without trailing spaces. */
  let runWidth = 0;
  let lastWidth = 0;
  const endRun = (end: number) => {
    if (runLines >= 2 && runWidth >= MIN_WRAP_WIDTH && runWidth <= MAX_WRAP_WIDTH) wrapsOf(linesIn(text, runStart, end), joins);
    runLines = 0;
  };
  for (let start = from; ;) {
    const nl = text.indexOf('\n', start);
    const lineEnd = nl < 0 || nl >= to ? Math.min(to, text.length) : nl;
    const width = trimmedEnd(text, start, lineEnd) - start;
    if (width <= 0 || isBlank(text, start, lineEnd)) endRun(start);
    else {
      if (runLines === 0) {
        runStart = start;
        runWidth = 0;
      } else runWidth = Math.max(runWidth, lastWidth);
      runLines++;
      lastWidth = width;
    }
    if (nl < 0 || nl >= to) break;
    start = nl + 1;
  }
  endRun(Math.min(to, text.length));
  return joins;
}

/** Where a line's text ends without its trailing spaces, tabs and CR. */
function trimmedEnd(text: string, start: number, end: number): number {
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

function isBlank(text: string, start: number, end: number): boolean {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  return start === end;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 13 || c === 12 || c === 11;

/** The lines of a run of non-blank lines from `start` to `end` (the start of the blank line after it, or the text's end). */
function linesIn(text: string, start: number, end: number): Line[] {
  const lines: Line[] = [];
  while (start < end) {
    const nl = text.indexOf('\n', start);
    const lineEnd = nl < 0 || nl >= end ? end : nl;
    const textEnd = lineEnd > start && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    lines.push({ start, end: textEnd, text: text.slice(start, textEnd) });
    start = lineEnd + 1;
  }
  return lines;
}

/** Adds to `joins` the offsets of the paragraph's line ends that a wrap made. */
function wrapsOf(lines: readonly Line[], joins: number[]): void {
  if (lines.length < 2) return;
  const candidates: number[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!BLOCK_START.test(lines[i + 1].text) && !HARD_BREAK.test(lines[i].text) && !BLOCK_START_ALONE.test(lines[i].text)) candidates.push(i);
  }
  if (!candidates.length) return;
  let width = 0;
  for (let i = 0; i + 1 < lines.length; i++) width = Math.max(width, lines[i].text.trimEnd().length);
  if (width < MIN_WRAP_WIDTH || width > MAX_WRAP_WIDTH) return;
  const wrapped = candidates.filter((i) => lines[i].text.trimEnd().length + 1 + (FIRST_WORD.exec(lines[i + 1].text)?.[1].length ?? 0) > width);
  // A sentence that ends a line before one that starts with a capital may end a paragraph too (a
  // release with no blank lines between paragraphs), so those line ends say nothing either way.
  const telling = (i: number) => !(ENDS_CLAUSE.test(lines[i].text.trimEnd()) && /^\s*\p{Lu}/u.test(lines[i + 1].text));
  const tellingWrapped = wrapped.filter(telling).length;
  const everyOne = wrapped.length === candidates.length && candidates.length >= 2 && tellingWrapped >= 1;
  const most = tellingWrapped >= 2 && tellingWrapped >= MIN_WRAPPED_SHARE * candidates.filter(telling).length;
  // Where the paragraph does not show a wrap (two lines, or a caption among short lines), a line end
  // that a wrap could have made is joined only where the sentence plainly runs on across it.
  const runsOn = (i: number) => {
    const line = lines[i].text.trimEnd();
    return !ENDS_CLAUSE.test(line) && (/^\s*\p{Ll}/u.test(lines[i + 1].text) || RUNS_ON.test(line));
  };
  for (const i of everyOne || most ? wrapped : wrapped.filter(runsOn)) joins.push(lines[i].end);
}

/** A line that is a block by itself (a heading, a table row, a rule): nothing runs on from it. */
const BLOCK_START_ALONE = /^ {0,3}(?:#|\||```|~~~|[=_-]{3,}\s*$|\*{3,}\s*$)/;
