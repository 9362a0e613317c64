import type { Span } from '../types';

/** Maps offsets to 0-based lines. Handles LF, CRLF and lone CR line endings. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    // Most text has no CR: then the line breaks are found by indexOf, which searches natively (a
    // 5 MB document is indexed on every keystroke, and reading it one code unit at a time took tens of ms).
    if (text.indexOf('\r') < 0) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 /* \n */) this.starts.push(i + 1);
      else if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The 0-based line containing `offset`. */
  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Offset of the first character of `line`. */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** 0-based line and UTF-16 column of `offset`. */
  positionAt(offset: number): { line: number; character: number } {
    const line = this.lineAt(offset);
    return { line, character: offset - this.starts[line] };
  }

  spanLines(span: Span): { startLine: number; endLine: number } {
    return { startLine: this.lineAt(span.start), endLine: this.lineAt(Math.max(span.start, span.end - 1)) };
  }
}

/**
 * The lines of `text` (split at CRLF, CR or LF). The record reads one document's lines for its claims,
 * its blocks and its checks in turn: the last text's lines are kept, so it is split once.
 */
export function linesOf(text: string): readonly string[] {
  if (text !== lastLinesText) {
    lastLines = text.split(/\r\n|\r|\n/);
    lastLinesText = text;
  }
  return lastLines;
}

let lastLinesText: string | undefined;
let lastLines: readonly string[] = [];
