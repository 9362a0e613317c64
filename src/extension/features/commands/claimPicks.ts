import * as vscode from 'vscode';
import type { Claim, CrossSourceRecord } from '../../../core';
import type { WorkspaceIndex } from '../../services/types';
import { claimLocation, displayPath } from './locations';

export interface ClaimPick extends vscode.QuickPickItem {
  readonly claim: Claim;
  readonly uri: vscode.Uri;
  readonly range: vscode.Range;
}

/** Source, line, value, qualifier and sentence of each claim: what a researcher compares. */
export function claimPicks(index: WorkspaceIndex, record: CrossSourceRecord, current?: { docId: string; annotationId: string }): ClaimPick[] {
  return record.claims.map((claim) => {
    const { uri, range } = claimLocation(index, claim);
    const isCurrent = current?.docId === claim.docId && current.annotationId === claim.annotationId;
    return {
      label: formatValue(claim),
      ...(isCurrent ? { iconPath: new vscode.ThemeIcon('arrow-right') } : {}),
      description: `${claim.isReference ? 'reference · ' : ''}${displayPath(uri)}:${claim.line + 1}${claim.publisher ? ` · ${claim.publisher}` : ''}${claim.date ? ` · ${claim.date}` : ''}`,
      detail: claim.sentence,
      claim,
      uri,
      range,
    };
  });
}

export function formatValue(claim: Pick<Claim, 'qualifier' | 'value' | 'unit' | 'text'>): string {
  const qualifier = claim.qualifier && claim.qualifier !== 'exact' ? `${claim.qualifier} ` : '';
  const value =
    claim.unit === 'GBP'
      ? `£${claim.value.toLocaleString('en-GB')}`
      : `${claim.value.toLocaleString('en-GB')}${claim.unit === 'count' ? '' : ` ${claim.unit}`}`;
  return `${qualifier}${value} — “${claim.text}”`;
}

export function recordTitle(record: CrossSourceRecord): string {
  const what = [record.measure, record.subject, record.operation, record.place].filter(Boolean).join(' · ');
  return `${what} (${record.status}, ${record.sourceCount} ${record.sourceCount === 1 ? 'source' : 'sources'})`;
}
