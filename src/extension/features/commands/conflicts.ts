import * as vscode from 'vscode';
import type { ArithmeticCheck } from '../../../core';
import type { IndexedDocument, Services, WorkspaceIndex } from '../../services/types';
import { claimPicks, recordTitle } from './claimPicks';
import { reveal } from './locations';
import { checkPick, choose, type ConflictPick, type PickOption } from './picks';
import { showInformation } from '../../util/notify';

/** Every claim of every record whose sources disagree, then arithmetic that fails; choosing one opens it. */
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
    void showInformation('No conflicts: no two sources disagree and no arithmetic fails.');
    return { items: [] };
  }
  const picked = await choose<ConflictPick>(items, options, {
    title: 'Conflicts',
    placeHolder: 'Choose a claim to open its source',
    matchOnDetail: true,
    matchOnDescription: true,
  });
  if (picked) await reveal(picked.uri, picked.range);
  return { items: selectable, picked };
}

function failedChecks(index: WorkspaceIndex): { check: ArithmeticCheck; doc: IndexedDocument }[] {
  return index.documents().flatMap((doc) =>
    index
      .checksFor(doc.uri)
      .filter((c) => c.status === 'conflict')
      .map((check) => ({ check, doc })),
  );
}
