import * as vscode from 'vscode';
import type { ArithmeticCheck, Claim, CrossSourceRecord } from '../../../core';
import type { Services } from '../../services/types';
import { claimPicks, formatValue, recordTitle } from './claimPicks';
import { displayPath, reveal, toUri } from './locations';
import { checkPick, choose, type ConflictPick, type PickOption } from './picks';
import { explanationOf } from '../../util/explanation';
import { showInformation, showQuickPick } from '../../util/notify';

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
    void showInformation('Open a press release to cross-check it against the workspace.');
    return undefined;
  }
  const { index } = services;
  await index.ready;
  const doc = index.get(uri) ?? (await index.analyzeDocument(await vscode.workspace.openTextDocument(uri)));
  if (!doc) throw new Error(`${displayPath(uri)} could not be analysed (see the log for why)`);

  const docId = uri.toString();
  const rank = (status: string) => (status === 'conflict' ? 0 : status === 'warning' ? 1 : 2);
  const records = [...index.records()]
    .filter((r) => r.sourceCount > 1 && r.claims.some((c) => c.docId === docId))
    .sort((a, b) => rank(a.status) - rank(b.status) || a.measure.localeCompare(b.measure, 'en-GB'));
  const checks = [...index.checksFor(uri)].sort((a, b) => rank(a.status) - rank(b.status));
  const conflicts = records.filter((r) => r.status === 'conflict').length + checks.filter((c) => c.status === 'conflict').length;
  const warnings = checks.filter((c) => c.status === 'warning').length;

  const items: (ConflictPick | vscode.QuickPickItem)[] = [];
  if (records.length > 0) items.push({ label: 'Figures other sources also report', kind: vscode.QuickPickItemKind.Separator });
  for (const record of records) items.push(recordPick(services, record, docId));
  if (checks.length > 0) items.push({ label: 'Arithmetic in this document', kind: vscode.QuickPickItemKind.Separator });
  for (const check of checks) items.push(checkPick(doc, check));

  if (records.length === 0 && checks.length === 0) {
    void showInformation(`${displayPath(uri)}: no figure is reported by another source and no arithmetic can be checked.`);
    return { uri, records, checks, conflicts, warnings };
  }
  const title = `${displayPath(uri)}: ${conflicts} ${conflicts === 1 ? 'conflict' : 'conflicts'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}, ${records.length} shared ${records.length === 1 ? 'record' : 'records'}`;
  const picked = await choose<ConflictPick>(items, options, {
    title,
    placeHolder: 'Choose a record to compare its sources, or a check to see its figures',
    matchOnDetail: true,
  });
  if (picked?.record && options?.pick === undefined) {
    // A record has several sources; the second step lets the researcher choose which to read.
    const claims = claimPicks(index, picked.record, { docId, annotationId: picked.record.claims.find((c) => c.docId === docId)?.annotationId ?? '' });
    const claim = await showQuickPick(claims, { title: recordTitle(picked.record), placeHolder: explanationOf(picked.record), matchOnDetail: true });
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
    label: recordTitle(record),
    iconPath: new vscode.ThemeIcon(record.status === 'conflict' ? 'error' : 'pass'),
    description: `here ${record.claims
      .filter((c) => c.docId === docId)
      .map(value)
      .join(', ')} · elsewhere ${record.claims
      .filter((c) => c.docId !== docId)
      .map(value)
      .join(', ')}`,
    detail: explanationOf(record),
    uri: here.uri,
    range: here.range,
    record,
    other: other && { uri: other.uri, range: other.range },
  };
}
