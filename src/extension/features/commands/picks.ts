import * as vscode from 'vscode';
import type { ArithmeticCheck, CrossSourceRecord } from '../../../core';
import type { IndexedDocument } from '../../services/types';
import { displayPath, rangeOf } from './locations';

/**
 * How tests drive a command's quick pick without the UI: `pick: n` acts on item n as if chosen,
 * `pick: 'none'` only returns what would have been shown.
 */
export interface PickOption {
  readonly pick?: number | 'none';
}

/** Acts on the chosen item: from `options.pick` when given, else from the quick pick. */
export async function choose<T extends vscode.QuickPickItem>(items: readonly (T | vscode.QuickPickItem)[], options: PickOption | undefined, ui: vscode.QuickPickOptions): Promise<T | undefined> {
  const selectable = items.filter((i) => i.kind !== vscode.QuickPickItemKind.Separator) as T[];
  if (options?.pick === 'none') return undefined;
  if (typeof options?.pick === 'number') return selectable[options.pick];
  return (await vscode.window.showQuickPick(items as T[], ui)) as T | undefined;
}

export interface ConflictPick extends vscode.QuickPickItem {
  readonly uri: vscode.Uri;
  readonly range: vscode.Range;
  readonly record?: CrossSourceRecord;
  readonly check?: ArithmeticCheck;
  /** For a record: where another source makes its claim. */
  readonly other?: { readonly uri: vscode.Uri; readonly range: vscode.Range };
}

export function checkPick(doc: IndexedDocument, check: ArithmeticCheck): ConflictPick {
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

