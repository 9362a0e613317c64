import * as vscode from 'vscode';
import type { ArithmeticCheck, CrossSourceRecord } from '../../../core';
import type { IndexedDocument } from '../../services/types';
import { displayPath, rangeOf } from './locations';
import { plainQuickPickItems, showQuickPick } from '../../util/notify';

/**
 * How tests drive a command's quick pick without the UI: `pick: n` acts on item n as if chosen,
 * `pick: 'none'` only returns what would have been shown.
 */
export interface PickOption {
  readonly pick?: number | 'none';
}

/** Acts on the chosen item: from `options.pick` when given, else from the quick pick. */
export async function choose<T extends vscode.QuickPickItem>(
  items: readonly (T | vscode.QuickPickItem)[],
  options: PickOption | undefined,
  ui: vscode.QuickPickOptions,
): Promise<T | undefined> {
  // Made plain text whether shown or picked by a test, so a test sees what a person would.
  plainQuickPickItems(items);
  const selectable = items.filter((i) => i.kind !== vscode.QuickPickItemKind.Separator) as T[];
  if (options?.pick === 'none') return undefined;
  if (typeof options?.pick === 'number') return selectable[options.pick];
  return (await showQuickPick(items as T[], ui)) as T | undefined;
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
  const icon = check.status === 'conflict' ? 'error' : check.status === 'warning' ? 'warning' : 'pass';
  return {
    label: check.message,
    iconPath: new vscode.ThemeIcon(icon),
    description: `${displayPath(doc.uri)}:${range.start.line + 1}`,
    detail: check.arithmetic,
    uri: doc.uri,
    range,
    check,
  };
}
