import * as vscode from 'vscode';
import type { Claim } from '../../../core';
import type { IndexedDocument, WorkspaceIndex } from '../../services/types';
import { lineIndexMapper, spanToRange } from '../../util/ranges';

/** Core offsets index the text the index analysed, which is what `lineIndex` was built from. */
export function rangeOf(doc: IndexedDocument, start: number, end: number): vscode.Range {
  return spanToRange(lineIndexMapper(doc.lineIndex), { start, end });
}

/**
 * Command arguments come as live objects from trees and tests, but as parsed JSON from command
 * links in hovers and welcome views, so both shapes are accepted.
 */
export function toUri(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  if (typeof value === 'string' && value.length > 0) return /^[a-z][\w+.-]*:/i.test(value) ? vscode.Uri.parse(value) : vscode.Uri.file(value);
  if (value && typeof value === 'object' && 'scheme' in value && 'path' in value) return vscode.Uri.from(value as vscode.Uri);
  return undefined;
}

type PositionLike = { line: number; character: number };

export function toRange(value: unknown): vscode.Range | undefined {
  if (value instanceof vscode.Range) return value;
  if (Array.isArray(value) && value.length === 4 && value.every((n) => typeof n === 'number')) {
    return new vscode.Range(value[0], value[1], value[2], value[3]);
  }
  if (Array.isArray(value) && value.length === 2 && value.every(isPositionLike)) {
    return new vscode.Range(value[0].line, value[0].character, value[1].line, value[1].character);
  }
  if (value && typeof value === 'object' && 'start' in value && 'end' in value && isPositionLike(value.start) && isPositionLike(value.end)) {
    return new vscode.Range(value.start.line, value.start.character, value.end.line, value.end.character);
  }
  return undefined;
}

function isPositionLike(value: unknown): value is PositionLike {
  return !!value && typeof value === 'object' && typeof (value as PositionLike).line === 'number' && typeof (value as PositionLike).character === 'number';
}

/** Opens `uri` with `range` selected and centred; reuses the editor when the document is already shown. */
export async function reveal(uri: vscode.Uri, range: vscode.Range): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  const clamped = document.validateRange(range);
  const editor = await vscode.window.showTextDocument(document, { selection: clamped, preserveFocus: false, preview: true });
  editor.revealRange(clamped, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

/** A short, stable name for a document in lists: its workspace-relative path. */
export function displayPath(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false);
}

/** Where a record's claim was made: the index knows the exact span; a reference row only its line. */
export function claimLocation(
  index: WorkspaceIndex,
  claim: Pick<Claim, 'docId' | 'annotationId' | 'line' | 'start' | 'end'>,
): { uri: vscode.Uri; range: vscode.Range } {
  const located = index.locate(claim.docId, claim.annotationId);
  if (located) return located;
  const uri = vscode.Uri.parse(claim.docId);
  const doc = index.get(uri);
  return { uri, range: doc ? rangeOf(doc, claim.start, claim.end) : new vscode.Range(claim.line, 0, claim.line, 0) };
}
