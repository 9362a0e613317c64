import * as vscode from 'vscode';
import type { ArithmeticCheck, Claim, CrossSourceRecord } from '../../../core/record/types';
import type { FigureAnnotation } from '../../../core/types';
import { CommandId } from '../../commandIds';
import type { IndexedDocument, Services, WorkspaceIndex } from '../../services/types';
import { spanAt } from '../../util/ranges';
import { claimPicks, formatValue, recordTitle, type ClaimPick } from './claimPicks';
import { displayPath, rangeOf, reveal, toUri } from './locations';
import { registerSafeCommand } from './run';

/**
 * How tests drive a command's quick pick without the UI: `pick: n` acts on item n as if chosen,
 * `pick: 'none'` only returns what would have been shown.
 */
export interface PickOption {
  readonly pick?: number | 'none';
}

export interface RecordAtCursor {
  readonly figure: FigureAnnotation;
  readonly record: CrossSourceRecord | undefined;
  readonly claims: readonly ClaimPick[];
  readonly picked?: ClaimPick;
}

export function registerRecordCommands(services: Services): vscode.Disposable {
  return vscode.Disposable.from(
    registerSafeCommand(services.log, CommandId.showRecordAtCursor, 'show the record of the figure at the cursor', (target?: unknown, position?: unknown, options?: PickOption) =>
      showRecordAtCursor(services, target, position, options),
    ),
    registerSafeCommand(services.log, CommandId.listConflicts, 'list the conflicts', (options?: PickOption) => listConflicts(services, options)),
    registerSafeCommand(services.log, CommandId.crossCheckDocument, 'cross-check the document', (target?: unknown, options?: PickOption) =>
      crossCheckDocument(services, target, options),
    ),
  );
}

/** Acts on the chosen item: from `options.pick` when given, else from the quick pick. */
async function choose<T extends vscode.QuickPickItem>(items: readonly (T | vscode.QuickPickItem)[], options: PickOption | undefined, ui: vscode.QuickPickOptions): Promise<T | undefined> {
  const selectable = items.filter((i) => i.kind !== vscode.QuickPickItemKind.Separator) as T[];
  if (options?.pick === 'none') return undefined;
  if (typeof options?.pick === 'number') return selectable[options.pick];
  return (await vscode.window.showQuickPick(items as T[], ui)) as T | undefined;
}

// ---- Show Cross-Source Record of Figure at Cursor ----

export async function showRecordAtCursor(services: Services, target: unknown, position: unknown, options?: PickOption): Promise<RecordAtCursor | undefined> {
  const at = await resolveCursor(services.index, target, position);
  if (!at) {
    void vscode.window.showInformationMessage('Put the cursor on a figure in an analysed document to see its cross-source record.');
    return undefined;
  }
  const figure = spanAt(at.doc.analysis.annotations.filter((a): a is FigureAnnotation => a.kind === 'figure'), at.offset);
  if (!figure) {
    void vscode.window.showInformationMessage('There is no figure at the cursor.');
    return undefined;
  }
  const record = services.index.recordForFigure(at.doc.uri, figure.id);
  if (!record) {
    void vscode.window.showInformationMessage(`“${figure.text}” is in no cross-source record (its measure is not known).`);
    return { figure, record, claims: [] };
  }
  const claims = claimPicks(services.index, record, { docId: at.doc.uri.toString(), annotationId: figure.id });
  const picked = await choose<ClaimPick>(claims, options, { title: recordTitle(record), placeHolder: record.explanation, matchOnDetail: true, matchOnDescription: true });
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

// ---- List All Conflicts ----

export interface ConflictPick extends vscode.QuickPickItem {
  readonly uri: vscode.Uri;
  readonly range: vscode.Range;
  readonly record?: CrossSourceRecord;
  readonly check?: ArithmeticCheck;
  /** For a record: where another source makes its claim. */
  readonly other?: { readonly uri: vscode.Uri; readonly range: vscode.Range };
}

export async function listConflicts(services: Services, options?: PickOption): Promise<{ items: ConflictPick[]; picked?: ConflictPick }> {
  await services.index.ready;
  const items: (ConflictPick | vscode.QuickPickItem)[] = [];
  for (const record of services.index.conflicts()) {
    items.push({ label: recordTitle(record), kind: vscode.QuickPickItemKind.Separator });
    for (const pick of claimPicks(services.index, record)) items.push({ ...pick, record });
  }
  const failed = failedChecks(services.index);
  if (failed.length > 0) items.push({ label: 'Arithmetic that does not add up', kind: vscode.QuickPickItemKind.Separator });
  for (const { check, doc } of failed) items.push(checkPick(doc, check));

  const selectable = items.filter((i): i is ConflictPick => i.kind !== vscode.QuickPickItemKind.Separator);
  if (selectable.length === 0) {
    void vscode.window.showInformationMessage('No conflicts: no two sources disagree and no arithmetic fails.');
    return { items: [] };
  }
  const picked = await choose<ConflictPick>(items, options, { title: 'Conflicts', placeHolder: 'Choose a claim to open its source', matchOnDetail: true, matchOnDescription: true });
  if (picked) await reveal(picked.uri, picked.range);
  return { items: selectable, picked };
}

function failedChecks(index: WorkspaceIndex): { check: ArithmeticCheck; doc: IndexedDocument }[] {
  return index.documents().flatMap((doc) => index.checksFor(doc.uri).filter((c) => c.status === 'conflict').map((check) => ({ check, doc })));
}

function checkPick(doc: IndexedDocument, check: ArithmeticCheck): ConflictPick {
  const first = check.operands[0];
  const range = first ? rangeOf(doc, first.start, first.end) : new vscode.Range(0, 0, 0, 0);
  const icon = check.status === 'conflict' ? '$(error)' : check.status === 'warning' ? '$(warning)' : '$(pass)';
  return {
    label: `${icon} ${check.message}`,
    description: `${displayPath(doc.uri)}:${range.start.line + 1}`,
    detail: check.arithmetic,
    uri: doc.uri,
    range,
    check,
  };
}

// ---- Cross-check Current Document Against Workspace ----

export interface CrossCheckReport {
  readonly uri: vscode.Uri;
  /** Records with a claim from this document and from at least one other source, conflicts first. */
  readonly records: readonly CrossSourceRecord[];
  readonly checks: readonly ArithmeticCheck[];
  readonly conflicts: number;
  readonly warnings: number;
  readonly picked?: ConflictPick;
}

export async function crossCheckDocument(services: Services, target: unknown, options?: PickOption): Promise<CrossCheckReport | undefined> {
  const uri = target !== undefined ? toUri(target) : vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void vscode.window.showInformationMessage('Open a press release to cross-check it against the workspace.');
    return undefined;
  }
  const { index } = services;
  await index.ready;
  const doc = index.get(uri) ?? (await index.analyzeDocument(await vscode.workspace.openTextDocument(uri)));
  if (!doc) throw new Error(`${displayPath(uri)} could not be analysed (see the log for why)`);

  const docId = uri.toString();
  const rank = (status: string) => (status === 'conflict' ? 0 : status === 'warning' ? 1 : 2);
  const records = [...index.records()]
    .filter((r: CrossSourceRecord) => r.sourceCount > 1 && r.claims.some((c) => c.docId === docId))
    .sort((a: CrossSourceRecord, b: CrossSourceRecord) => rank(a.status) - rank(b.status) || a.measure.localeCompare(b.measure, 'en-GB'));
  const checks = [...index.checksFor(uri)].sort((a: ArithmeticCheck, b: ArithmeticCheck) => rank(a.status) - rank(b.status));
  const conflicts = records.filter((r) => r.status === 'conflict').length + checks.filter((c) => c.status === 'conflict').length;
  const warnings = checks.filter((c) => c.status === 'warning').length;

  const items: (ConflictPick | vscode.QuickPickItem)[] = [];
  if (records.length > 0) items.push({ label: 'Figures other sources also report', kind: vscode.QuickPickItemKind.Separator });
  for (const record of records) items.push(recordPick(services, record, docId));
  if (checks.length > 0) items.push({ label: 'Arithmetic in this document', kind: vscode.QuickPickItemKind.Separator });
  for (const check of checks) items.push(checkPick(doc, check));

  if (records.length === 0 && checks.length === 0) {
    void vscode.window.showInformationMessage(`${displayPath(uri)}: no figure is reported by another source and no arithmetic can be checked.`);
    return { uri, records, checks, conflicts, warnings };
  }
  const title = `${displayPath(uri)}: ${conflicts} ${conflicts === 1 ? 'conflict' : 'conflicts'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}, ${records.length} shared ${records.length === 1 ? 'record' : 'records'}`;
  const picked = await choose<ConflictPick>(items, options, { title, placeHolder: 'Choose a record to compare its sources, or a check to see its figures', matchOnDetail: true });
  if (picked?.record && options?.pick === undefined) {
    // A record has several sources; the second step lets the researcher choose which to read.
    const claims = claimPicks(index, picked.record, { docId, annotationId: picked.record.claims.find((c) => c.docId === docId)?.annotationId ?? '' });
    const claim = await vscode.window.showQuickPick(claims, { title: recordTitle(picked.record), placeHolder: picked.record.explanation, matchOnDetail: true });
    if (claim) await reveal(claim.uri, claim.range);
  } else if (picked) {
    // Driven by a test, which cannot answer a second quick pick: a record opens its first other source.
    const place = picked.other ?? picked;
    await reveal(place.uri, place.range);
  }
  return { uri, records, checks, conflicts, warnings, picked };
}

/** Names the other sources' values beside this document's, so a disagreement is visible before opening anything. */
function recordPick(services: Services, record: CrossSourceRecord, docId: string): ConflictPick {
  const value = (c: Claim) => formatValue(c).split(' — ')[0];
  const picks = claimPicks(services.index, record);
  const here = picks.find((p) => p.claim.docId === docId) ?? picks[0];
  const other = picks.find((p) => p.claim.docId !== docId);
  return {
    label: `${record.status === 'conflict' ? '$(error)' : '$(pass)'} ${recordTitle(record)}`,
    description: `here ${record.claims.filter((c) => c.docId === docId).map(value).join(', ')} · elsewhere ${record.claims.filter((c) => c.docId !== docId).map(value).join(', ')}`,
    detail: record.explanation,
    uri: here.uri,
    range: here.range,
    record,
    other: other && { uri: other.uri, range: other.range },
  };
}
