/**
 * Every message the extension shows goes through here, so text from the workspace (file names,
 * lexicon keys, ids in the annotations file, figures, error messages quoting any of them) is shown
 * as text and never as something VS Code acts on:
 *
 * - Notifications render `[label](command:…)`, `[label](https://…)` and `[label](file:…)` as live
 *   links, commands included, and have no escape syntax. A link needs `](` with nothing between, so
 *   a word joiner (U+2060, invisible, no line break) goes between every `]` and `(`: the text reads
 *   the same and no link can form, whichever part of the message the brackets came from.
 * - Quick picks, the status bar and progress draw `$(name)` as an icon; VS Code's own escape, a
 *   backslash before it, makes it plain text (`\$(check)` shows as `$(check)`).
 *
 * The last messages and quick picks shown are kept for the integration tests, which cannot read
 * VS Code's notifications back.
 */
import * as vscode from 'vscode';

export { plainLabelText, plainNotificationText } from './plainText';
import { plainLabelText, plainNotificationText } from './plainText';

export type Severity = 'information' | 'warning' | 'error';

export interface ShownMessage {
  /** Its number among every message shown since the extension started (1, 2, ...): only the last few are kept. */
  readonly seq: number;
  readonly severity: Severity;
  readonly message: string;
  readonly items: readonly string[];
}

const shown: ShownMessage[] = [];
const keep = 50;
let count = 0;

function record(entry: Omit<ShownMessage, 'seq'>): void {
  shown.push({ seq: ++count, ...entry });
  if (shown.length > keep) shown.shift();
}

/** The last messages shown (newest last), as VS Code received them. */
export function recentMessages(): readonly ShownMessage[] {
  return [...shown];
}

function show(severity: Severity, message: string, items: string[]): Thenable<string | undefined> {
  const safe = plainNotificationText(message);
  record({ severity, message: safe, items });
  const fn =
    severity === 'error' ? vscode.window.showErrorMessage : severity === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  return fn(safe, ...items);
}

/** `showInformationMessage`, with the message made plain text. Button labels are the extension's own. */
export function showInformation(message: string, ...items: string[]): Thenable<string | undefined> {
  return show('information', message, items);
}

export function showWarning(message: string, ...items: string[]): Thenable<string | undefined> {
  return show('warning', message, items);
}

export function showError(message: string, ...items: string[]): Thenable<string | undefined> {
  return show('error', message, items);
}

/** `setStatusBarMessage` with the text made plain, after the extension's own `$(icon)` if it gives one. */
export function setStatusMessage(icon: `$(${string})` | '', text: string, hideAfterMs: number): vscode.Disposable {
  return vscode.window.setStatusBarMessage(`${icon ? `${icon} ` : ''}${plainLabelText(text)}`, hideAfterMs);
}

/**
 * A quick pick's items with their label, description and detail made plain text, in place, so the
 * caller holds exactly what was shown. The extension's own icons go in `iconPath`, never in text.
 */
export function plainQuickPickItems<T extends vscode.QuickPickItem | string>(items: readonly T[]): T[] {
  return items.map((item) => {
    if (typeof item === 'string') return plainLabelText(item) as T;
    const i = item as vscode.QuickPickItem;
    const writable = i as { -readonly [K in keyof vscode.QuickPickItem]: vscode.QuickPickItem[K] };
    writable.label = plainLabelText(i.label);
    if (i.description !== undefined) writable.description = plainLabelText(i.description);
    if (i.detail !== undefined) writable.detail = plainLabelText(i.detail);
    return item;
  });
}

export interface ShownQuickPick {
  readonly title: string | undefined;
  readonly items: readonly vscode.QuickPickItem[];
}

let lastQuickPick: ShownQuickPick | undefined;

/** The last quick pick shown (its items as VS Code received them). */
export function recentQuickPick(): ShownQuickPick | undefined {
  return lastQuickPick;
}

/** `showQuickPick` with every item made plain text first (see plainQuickPickItems). */
export function showQuickPick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Thenable<T | undefined>;
export function showQuickPick(items: readonly string[], options: vscode.QuickPickOptions): Thenable<string | undefined>;
export function showQuickPick<T extends vscode.QuickPickItem | string>(items: readonly T[], options: vscode.QuickPickOptions): Thenable<T | undefined> {
  const plain = plainQuickPickItems(items);
  lastQuickPick = { title: options.title, items: plain.map((i) => (typeof i === 'string' ? { label: i } : (i as vscode.QuickPickItem))) };
  return vscode.window.showQuickPick(plain as never[], options) as Thenable<T | undefined>;
}
