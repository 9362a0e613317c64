import * as vscode from 'vscode';
import type { CrossSourceRecord } from '../../../core';
import type { FigureAnnotation } from '../../../core';
import type { IndexedDocument, Services, WorkspaceIndex } from '../../services/types';
import { spanAt } from '../../util/ranges';
import { claimPicks, recordTitle, type ClaimPick } from './claimPicks';
import { reveal, toUri } from './locations';
import { choose, type PickOption } from './picks';
import { explanationOf } from '../../util/explanation';
import { showInformation } from '../../util/notify';

export interface RecordAtCursor {
  readonly figure: FigureAnnotation;
  readonly record: CrossSourceRecord | undefined;
  readonly claims: readonly ClaimPick[];
  readonly picked?: ClaimPick;
}

export async function showRecordAtCursor(services: Services, target: unknown, position: unknown, options?: PickOption): Promise<RecordAtCursor | undefined> {
  const at = await resolveCursor(services.index, target, position);
  if (!at) {
    void showInformation('Put the cursor on a figure in an analysed document to see its cross-source record.');
    return undefined;
  }
  const figure = spanAt(
    at.doc.analysis.annotations.filter((a): a is FigureAnnotation => a.kind === 'figure'),
    at.offset,
  );
  if (!figure) {
    void showInformation('There is no figure at the cursor.');
    return undefined;
  }
  const record = services.index.recordForFigure(at.doc.uri, figure.id);
  if (!record) {
    void showInformation(`“${figure.text}” is in no cross-source record (its measure is not known).`);
    return { figure, record, claims: [] };
  }
  const claims = claimPicks(services.index, record, { docId: at.doc.uri.toString(), annotationId: figure.id });
  const picked = await choose<ClaimPick>(claims, options, {
    title: recordTitle(record),
    placeHolder: explanationOf(record),
    matchOnDetail: true,
    matchOnDescription: true,
  });
  if (picked) await reveal(picked.uri, picked.range);
  return { figure, record, claims, picked };
}

/** The cursor of the active editor, or an explicit (uri, position|offset), or a hover link's object. */
async function resolveCursor(index: WorkspaceIndex, target: unknown, position: unknown): Promise<{ doc: IndexedDocument; offset: number } | undefined> {
  let uri: vscode.Uri | undefined;
  let offset: number | undefined;
  if (target && typeof target === 'object' && !(target instanceof vscode.Uri) && 'uri' in target) {
    const link = target as { uri: unknown; start?: number; line?: number };
    uri = toUri(link.uri);
    offset = link.start;
    position ??= typeof link.line === 'number' && offset === undefined ? new vscode.Position(link.line, 0) : undefined;
  } else if (target !== undefined) {
    uri = toUri(target);
  } else {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return undefined;
    uri = editor.document.uri;
    position = editor.selection.active;
  }
  if (!uri) return undefined;
  let doc = index.get(uri);
  if (!doc) {
    const opened = await vscode.workspace.openTextDocument(uri);
    doc = await index.analyzeDocument(opened);
  }
  if (!doc) return undefined;
  if (offset === undefined) {
    if (typeof position === 'number') offset = position;
    else if (position && typeof position === 'object' && 'line' in position && 'character' in position) {
      const p = position as { line: number; character: number };
      offset = doc.lineIndex.lineStart(p.line) + p.character;
    } else offset = 0;
  }
  return { doc, offset };
}
