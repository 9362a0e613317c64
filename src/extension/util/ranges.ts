/**
 * The one place core offsets (UTF-16, end exclusive) become VS Code ranges and back. Core offsets
 * index the text that was analysed; callers make sure that is the document's current version.
 */
import * as vscode from 'vscode';
import type { LineIndex, Span } from '../../core';

/** Anything that maps offsets to positions: a TextDocument does. */
export interface OffsetMapper {
  positionAt(offset: number): vscode.Position;
}

export function spanToRange(doc: OffsetMapper, span: Span): vscode.Range {
  return new vscode.Range(doc.positionAt(span.start), doc.positionAt(span.end));
}

/** For documents the index read from disk and that no editor has open. */
export function lineIndexMapper(lines: LineIndex): OffsetMapper {
  return {
    positionAt(offset) {
      const p = lines.positionAt(offset);
      return new vscode.Position(p.line, p.character);
    },
  };
}

/**
 * An indexed document's offsets as positions: through its editor's document when that holds the
 * version analysed (VS Code keeps its lines already), else through its line index, built only when a
 * position is first asked for. A 5 MB document is re-indexed on every keystroke; building its line
 * index for the Problems panel each time, even with no problem to place, held the editor.
 */
export function mapperOf(entry: { readonly uri: vscode.Uri; readonly version: number; readonly lineIndex: LineIndex }): OffsetMapper {
  const key = entry.uri.toString();
  const open = entry.version >= 0 ? vscode.workspace.textDocuments.find((d) => d.version === entry.version && d.uri.toString() === key) : undefined;
  if (open) return open;
  let lines: OffsetMapper | undefined;
  return { positionAt: (offset) => (lines ??= lineIndexMapper(entry.lineIndex)).positionAt(offset) };
}

export function offsetAt(doc: Pick<vscode.TextDocument, 'offsetAt'>, position: vscode.Position): number {
  return doc.offsetAt(position);
}

/** The span containing `offset` (start inclusive, end inclusive so the cursor just after a word counts). */
export function spanAt<T extends Span>(spans: readonly T[], offset: number): T | undefined {
  let found: T | undefined;
  for (const s of spans) {
    if (s.start > offset) break;
    if (offset <= s.end) found = s;
  }
  return found;
}
