import * as vscode from 'vscode';
import { sortByLabel, type ArithmeticCheck, type CheckOperand, type Claim, type CrossSourceRecord } from '../../../core';
import type { Services } from '../../services/types';
import { Disposable } from '../../util/dispose';
import { claimLocation, displayPath, rangeOf } from '../commands/locations';
import { CoalescedRefresh } from './coalescedRefresh';
import { eventDocumentOf, eventSummaryOf, explanationOf } from '../../util/explanation';

export type CheckStatusRank = 'conflict' | 'warning' | 'ok';

/** One cross-check: a record that compares sources, or arithmetic a document's own figures allow. */
export type CrossCheck =
  | { readonly type: 'record'; readonly status: CheckStatusRank; readonly record: CrossSourceRecord }
  | { readonly type: 'arithmetic'; readonly status: CheckStatusRank; readonly check: ArithmeticCheck; readonly uri: vscode.Uri };

export type ChecksNode =
  /** `id` is unique among the roots even if two checks were to share a checkId (VS Code rejects duplicate ids). */
  | { readonly type: 'check'; readonly item: CrossCheck; readonly id: string }
  | { readonly type: 'arithmetic'; readonly text: string; readonly parent: ChecksNode }
  | { readonly type: 'claim'; readonly claim: Claim; readonly parent: ChecksNode }
  | { readonly type: 'operand'; readonly operand: CheckOperand; readonly uri: vscode.Uri; readonly parent: ChecksNode };

const statusOrder: Readonly<Record<CheckStatusRank, number>> = { conflict: 0, warning: 1, ok: 2 };
const statusIcons: Readonly<Record<CheckStatusRank, vscode.ThemeIcon>> = {
  conflict: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  ok: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
};

/**
 * Every cross-check in the workspace, conflicts first, then warnings, then what agrees. A record
 * with a single source compares nothing, so it is not listed.
 */
export function collectCrossChecks(services: Services): CrossCheck[] {
  const { index } = services;
  const checks: CrossCheck[] = [];
  for (const record of index.records()) {
    if (record.status === 'single-source') continue;
    checks.push({ type: 'record', status: record.status === 'conflict' ? 'conflict' : 'ok', record });
  }
  for (const doc of index.documents()) {
    for (const check of index.checksFor(doc.uri)) checks.push({ type: 'arithmetic', status: check.status, check, uri: doc.uri });
  }
  return sortByLabel(checks, labelOf, byLabel, (a, b) => statusOrder[a.status] - statusOrder[b.status]);
}

const byLabel = (a: string, b: string) => a.localeCompare(b, 'en-GB');

export function labelOf(c: CrossCheck): string {
  if (c.type === 'arithmetic') return c.check.message;
  const r = c.record;
  return [r.measure, r.subject, r.operation, r.place].filter(Boolean).join(' · ');
}

export class ChecksTreeProvider extends Disposable implements vscode.TreeDataProvider<ChecksNode> {
  private readonly _onDidChangeTreeData = this._register(new vscode.EventEmitter<ChecksNode | undefined>());
  readonly onDidChangeTreeData = this._onDidChangeTreeData.event;
  private _roots: ChecksNode[] | undefined;
  private readonly _refresh = this._register(
    new CoalescedRefresh(
      () => (this._roots = undefined),
      () => this._onDidChangeTreeData.fire(undefined),
    ),
  );

  constructor(
    private readonly services: Services,
    private readonly revealCommand: string,
  ) {
    super();
    this._register(services.index.onDidChange(() => this._refresh.schedule()));
  }

  refresh(): void {
    this._refresh.now();
  }

  /** The cross-checks as listed, for tests and the status counts. */
  model(): CrossCheck[] {
    return this.roots().map((n) => (n as Extract<ChecksNode, { type: 'check' }>).item);
  }

  getChildren(node?: ChecksNode): ChecksNode[] {
    if (!node) return this.roots();
    if (node.type !== 'check') return [];
    const { item } = node;
    if (item.type === 'record') return item.record.claims.map((claim) => ({ type: 'claim', claim, parent: node }));
    return [
      { type: 'arithmetic', text: item.check.arithmetic, parent: node },
      ...item.check.operands.map((operand) => ({ type: 'operand' as const, operand, uri: item.uri, parent: node })),
    ];
  }

  getParent(node: ChecksNode): ChecksNode | undefined {
    return node.type === 'check' ? undefined : node.parent;
  }

  getTreeItem(node: ChecksNode): vscode.TreeItem {
    switch (node.type) {
      case 'check': {
        const item = this.checkItem(node.item);
        item.id = node.id;
        return item;
      }
      case 'arithmetic': {
        const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon('symbol-operator');
        item.contextValue = 'arithmetic';
        return item;
      }
      case 'claim': {
        const { claim } = node;
        const { uri, range } = claimLocation(this.services.index, claim);
        const item = new vscode.TreeItem(claim.text, vscode.TreeItemCollapsibleState.None);
        item.description = `${claim.isReference ? 'reference · ' : ''}${displayPath(uri)}:${claim.line + 1}`;
        item.tooltip = new vscode.MarkdownString().appendText(claim.sentence);
        item.iconPath = new vscode.ThemeIcon(claim.isReference ? 'references' : 'quote');
        item.contextValue = 'claim';
        item.command = { command: this.revealCommand, title: 'Open Claim Source', arguments: [uri, range] };
        return item;
      }
      case 'operand': {
        const { operand, uri } = node;
        const doc = this.services.index.get(uri);
        const range = doc ? rangeOf(doc, operand.start, operand.end) : new vscode.Range(operand.line, 0, operand.line, 0);
        const item = new vscode.TreeItem(`${operand.role}: ${operand.value.toLocaleString('en-GB')}`, vscode.TreeItemCollapsibleState.None);
        item.description = `${displayPath(uri)}:${operand.line + 1}`;
        item.contextValue = 'operand';
        item.command = { command: this.revealCommand, title: 'Reveal Figure', arguments: [uri, range] };
        return item;
      }
    }
  }

  private checkItem(c: CrossCheck): vscode.TreeItem {
    const item = new vscode.TreeItem(labelOf(c), vscode.TreeItemCollapsibleState.Collapsed);
    item.iconPath = statusIcons[c.status];
    item.contextValue = `check ${c.type} ${c.status}`;
    if (c.type === 'record') {
      item.description = `${c.status === 'conflict' ? 'conflict' : 'agrees'} · ${c.record.sourceCount} sources`;
      const at = c.record.event ? eventDocumentOf(c.record) : undefined;
      const event = at && this.services.index.eventOf(at);
      // Why the claims are one record: the rule's sentence, what joined them, and the event's evidence.
      item.tooltip = [explanationOf(c.record), c.record.joinedBy, event && eventSummaryOf(event)].filter(Boolean).join('\n\n');
    } else {
      item.description = `${c.status} · ${displayPath(c.uri)}`;
      item.tooltip = `${c.check.message}\n${c.check.arithmetic}`;
    }
    return item;
  }

  private roots(): ChecksNode[] {
    if (!this._roots) {
      const seen = new Map<string, number>();
      this._roots = collectCrossChecks(this.services).map((item) => {
        const base = baseIdOf(item);
        const n = seen.get(base) ?? 0;
        seen.set(base, n + 1);
        return { type: 'check', item, id: n === 0 ? base : `${base}~${n}` };
      });
    }
    return this._roots;
  }
}

function baseIdOf(c: CrossCheck): string {
  return c.type === 'record' ? `record/${c.record.recordId}` : `arithmetic/${c.uri.toString()}#${c.check.checkId}`;
}
