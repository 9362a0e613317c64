/**
 * What a review command acts on. Commands are run from the editor (the selection, or the highlight
 * under the cursor), from the Review and Tally views (their items), from hover links (JSON
 * `{ uri, start, end }`) and from tests (the same JSON), so each shape is turned into one target.
 */
import * as vscode from 'vscode';
import type { AnnotationKind, Span } from '../../../core';
import type { WorkspaceIndex } from '../../services/types';
import { spanAt } from '../../util/ranges';
import { toRange, toUri } from '../commands/locations';

export interface ReviewTarget {
  readonly document: vscode.TextDocument;
  readonly span: Span;
  /** The kind of highlight the target is, when it is one. */
  readonly kind?: AnnotationKind;
  /** Set when the target is one mark (a Review view item). */
  readonly markId?: string;
}

/** The JSON hover links and tests pass. */
export interface TargetArgs {
  readonly uri: string;
  readonly start: number;
  readonly end: number;
  readonly markId?: string;
}

export async function resolveTarget(arg: unknown, index: WorkspaceIndex, kinds: readonly AnnotationKind[]): Promise<ReviewTarget | undefined> {
  if (arg === undefined || arg === null || arg instanceof vscode.Uri) return fromEditor(index, kinds);
  if (typeof arg !== 'object') throw new Error(`cannot tell what to mark from ${String(arg)}`);
  const o = tallyOccurrence(arg as Record<string, unknown>) ?? (arg as Record<string, unknown>);
  const uri = toUri(o.uri ?? o.resourceUri ?? (o.location as { uri?: unknown } | undefined)?.uri);
  if (!uri) throw new Error('the target names no document');
  const document = await vscode.workspace.openTextDocument(uri);
  const markId = typeof o.markId === 'string' ? o.markId : undefined;
  const inner = (o.annotation ?? o.span ?? o) as Record<string, unknown>;
  let span: Span | undefined;
  if (typeof inner.start === 'number' && typeof inner.end === 'number') span = { start: inner.start, end: inner.end };
  else {
    const range = toRange(o.range ?? (o.location as { range?: unknown } | undefined)?.range);
    if (range) span = { start: document.offsetAt(range.start), end: document.offsetAt(range.end) };
  }
  if (!span || span.start < 0 || span.end > document.getText().length || span.end <= span.start)
    throw new Error('the target has no valid span in the document');
  // A view item or hover link made from an older version of the text: refuse rather than mark other words.
  if (typeof o.text === 'string' && document.getText().slice(span.start, span.end) !== o.text) {
    throw new Error(`the document changed since "${o.text}" was listed; try again in a moment`);
  }
  const kind = typeof inner.kind === 'string' ? (inner.kind as AnnotationKind) : highlightAt(index, document, span, kinds)?.kind;
  return { document, span, ...(kind ? { kind } : {}), ...(markId ? { markId } : {}) };
}

/** The selection when there is one; otherwise the highlight under the cursor. */
async function fromEditor(index: WorkspaceIndex, kinds: readonly AnnotationKind[]): Promise<ReviewTarget | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const { document, selection } = editor;
  const start = document.offsetAt(selection.start);
  const end = document.offsetAt(selection.end);
  if (end > start) {
    const span = { start, end };
    const kind = highlightAt(index, document, span, kinds)?.kind;
    return { document, span, ...(kind ? { kind } : {}) };
  }
  let entry = index.get(document.uri);
  if (!entry || entry.version !== document.version) entry = await index.analyzeDocument(document);
  if (!entry || entry.version !== document.version) return undefined;
  const candidates = entry.analysis.annotations.filter((a) => kinds.includes(a.kind));
  const hit = spanAt(candidates, start);
  return hit ? { document, span: { start: hit.start, end: hit.end }, kind: hit.kind } : undefined;
}

/** The highlight the span lies on, when the index's analysis is of the document's current text. */
function highlightAt(index: WorkspaceIndex, document: vscode.TextDocument, span: Span, kinds: readonly AnnotationKind[]): { kind: AnnotationKind } | undefined {
  const entry = index.get(document.uri);
  if (!entry || (entry.version !== -1 && entry.version !== document.version)) return undefined;
  return entry.analysis.annotations.find((a) => kinds.includes(a.kind) && a.start < span.end && span.start < a.end);
}

/** A Tally view item (`{ type: 'occurrence', occurrence: { docId, start, end, text, annotation } }`) in the shape above. */
function tallyOccurrence(o: Record<string, unknown>): Record<string, unknown> | undefined {
  const occ = o.type === 'occurrence' ? (o.occurrence as Record<string, unknown> | undefined) : undefined;
  if (!occ || typeof occ.docId !== 'string') return undefined;
  const kind = (occ.annotation as { kind?: unknown } | undefined)?.kind;
  return { uri: occ.docId, start: occ.start, end: occ.end, text: occ.text, ...(typeof kind === 'string' ? { kind } : {}) };
}
