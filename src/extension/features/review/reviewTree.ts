/**
 * The Review view: per document, its figures with unreviewed ones first, then notes and spans added
 * by hand, then any orphaned marks (never hidden). The view's description carries the workspace's
 * progress ("31 of 48 figures reviewed"); its message says when the annotations file is read-only.
 */
import * as vscode from 'vscode';
import { LineIndex, type ReportingFinding } from '../../../core';
import { enabledFindings, ruleOf } from '../legalChecks/rules';
import { describeMark, overlapFinder, progressLabel, type FigureReview, type Placement } from '../../../core/review';
import type { Services } from '../../services/types';
import { Disposable } from '../../util/dispose';
import { relativePath } from './paths';
import type { ReviewModel } from './reviewModel';
import { describe } from './reviewStore';
import type { ReviewFigure, ReviewViewSnapshot } from './types';

export const reviewViewId = 'crimeAnnotator.review';

type Node =
  | { readonly type: 'doc'; readonly uri: vscode.Uri; readonly path: string }
  | {
      readonly type: 'figure';
      readonly uri: vscode.Uri;
      readonly start: number;
      readonly end: number;
      readonly text: string;
      readonly kind: 'figure';
      readonly review: FigureReview<ReviewFigure>;
    }
  | {
      readonly type: 'mark';
      readonly uri: vscode.Uri;
      readonly start: number;
      readonly end: number;
      readonly text: string;
      readonly markId: string;
      readonly placement: Placement;
    }
  | { readonly type: 'orphans'; readonly uri: vscode.Uri; readonly placements: readonly Placement[] }
  | { readonly type: 'orphan'; readonly uri: vscode.Uri; readonly markId: string; readonly placement: Placement }
  | { readonly type: 'risks'; readonly uri: vscode.Uri; readonly findings: readonly ReportingFinding[] }
  | { readonly type: 'risk'; readonly uri: vscode.Uri; readonly finding: ReportingFinding };

export class ReviewTree extends Disposable implements vscode.TreeDataProvider<Node> {
  private readonly _onDidChangeTreeData = this._register(new vscode.EventEmitter<Node | undefined>());
  readonly onDidChangeTreeData = this._onDidChangeTreeData.event;
  private readonly view: vscode.TreeView<Node>;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly model: ReviewModel,
    private readonly services: Pick<Services, 'index' | 'config'>,
  ) {
    super();
    this.view = this._register(vscode.window.createTreeView(reviewViewId, { treeDataProvider: this, showCollapseAll: true }));
    this._register(model.onDidChange(() => this.schedule()));
    // A hidden view is brought up to date when it is shown: with 100,000 marks, keeping the
    // workspace's progress current for a view nobody looks at would cost the host on every change.
    this._register(this.view.onDidChangeVisibility(() => this.view.visible && this.schedule()));
    // Pre-publication findings change with the analysis and with their settings, not with the marks.
    this._register(services.index.onDidChange(() => this.schedule()));
    this._register(services.config.onDidChange((change) => change.affects('legalChecks') && this.schedule()));
    this._register({ dispose: () => this.timer && clearTimeout(this.timer) });
    this.updateHeader();
  }

  private schedule(): void {
    if (!this.view.visible) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.updateHeader();
      this._onDidChangeTreeData.fire(undefined);
    }, 150);
  }

  private updateHeader(): void {
    const { description, message } = this.header();
    this.view.description = description;
    this.view.message = message;
  }

  private header(): { description: string | undefined; message: string | undefined } {
    let reviewed = 0;
    let total = 0;
    let risks = 0;
    for (const doc of this.documents()) {
      const p = this.model.progressFor(doc.uri);
      reviewed += p?.reviewed ?? 0;
      total += p?.total ?? 0;
      risks += this.findingsOf(doc.uri).length;
    }
    const problem = this.model.problem;
    const parts = [total > 0 ? progressLabel({ reviewed, total }) : undefined, risks > 0 ? risksLabel(risks) : undefined].filter(Boolean);
    return {
      description: parts.length > 0 ? parts.join(' · ') : undefined,
      message: problem
        ? `Review marks are read-only: ${describe(problem)}. Fix the file to mark again.`
        : total === 0 && this.model.store.size === 0
          ? 'No figures to review yet.'
          : undefined,
    };
  }

  /** Documents with figures or marks, by path (with its folder's name first in a multi-root workspace). */
  private documents(): { uri: vscode.Uri; path: string }[] {
    const byUri = new Map<string, { uri: vscode.Uri; path: string }>();
    const add = (uri: vscode.Uri) => byUri.set(uri.toString(), { uri, path: vscode.workspace.asRelativePath(uri) });
    for (const doc of this.services.index.documents()) {
      if (relativePath(doc.uri) !== undefined && (doc.analysis.annotations.some((a) => a.kind === 'figure') || this.findingsOf(doc.uri).length > 0))
        add(doc.uri);
    }
    for (const uri of this.model.store.documents()) if (!byUri.has(uri.toString())) add(uri);
    return [...byUri.values()].sort((a, b) => a.path.localeCompare(b.path, 'en-GB'));
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.documents().map((d) => ({ type: 'doc', ...d }));
    if (node.type === 'doc') return this.documentChildren(node.uri);
    if (node.type === 'orphans') return node.placements.map((placement) => ({ type: 'orphan', uri: node.uri, markId: placement.mark.id, placement }));
    if (node.type === 'risks') return node.findings.map((finding) => ({ type: 'risk', uri: node.uri, finding }));
    return [];
  }

  /** The pre-publication findings of a document the settings let through, "not a claim" marks left out. */
  private findingsOf(uri: vscode.Uri): ReportingFinding[] {
    const entry = this.services.index.get(uri);
    return entry ? enabledFindings(this.services.config.current, entry.analysis.findings).filter((f) => !this.model.isSuppressed(uri, f, entry.text)) : [];
  }

  private documentChildren(uri: vscode.Uri): Node[] {
    const progress = this.model.progressFor(uri);
    const text = this.services.index.get(uri)?.text ?? this.model.textOf(uri) ?? '';
    const placements = this.model.placementsFor(uri, text);
    const figures: Node[] = (progress?.figures ?? []).map((review) => ({
      type: 'figure',
      uri,
      start: review.figure.start,
      end: review.figure.end,
      text: review.figure.text,
      kind: 'figure',
      review,
    }));
    const figuresAt = overlapFinder([...(progress?.figures ?? []).map((f) => f.figure), ...(progress?.suppressed ?? [])]);
    const onFigure = (p: Placement) => p.span !== undefined && figuresAt(p.span).length > 0;
    const others: Node[] = placements
      .filter(
        (p) => p.span && (p.mark.state === 'note' || p.mark.state === 'added' || p.mark.state === 'not-a-claim') && !(p.mark.state !== 'added' && onFigure(p)),
      )
      .filter((p) => !(p.mark.state === 'added' && (p.mark.kind ?? 'figure') === 'figure'))
      .sort((a, b) => a.span!.start - b.span!.start)
      .map((p) => ({
        type: 'mark',
        uri,
        start: p.span!.start,
        end: p.span!.end,
        text: text.slice(p.span!.start, p.span!.end),
        markId: p.mark.id,
        placement: p,
      }));
    const orphaned = placements.filter((p) => !p.span);
    const findings = this.findingsOf(uri);
    return [
      ...(findings.length ? [{ type: 'risks' as const, uri, findings }] : []),
      ...figures,
      ...others,
      ...(orphaned.length ? [{ type: 'orphans' as const, uri, placements: orphaned }] : []),
    ];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.type) {
      case 'doc': {
        const p = this.model.progressFor(node.uri);
        const orphans = this.model.placementsFor(node.uri).filter((x) => !x.span).length;
        const item = new vscode.TreeItem(node.path, vscode.TreeItemCollapsibleState.Expanded);
        const risks = this.findingsOf(node.uri).length;
        item.description = [p && p.total > 0 ? progressLabel(p) : undefined, risks ? risksLabel(risks) : undefined, orphans ? `${orphans} orphaned` : undefined]
          .filter(Boolean)
          .join(' · ');
        item.resourceUri = node.uri;
        item.contextValue = 'document';
        return item;
      }
      case 'figure': {
        const { verdict, notes } = node.review;
        const item = new vscode.TreeItem(node.text);
        item.description = [verdict ? describeMark(verdict) : 'unreviewed', notes.length ? `${notes.length} note${notes.length === 1 ? '' : 's'}` : undefined]
          .filter(Boolean)
          .join(' · ');
        item.iconPath =
          verdict?.state === 'verified'
            ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'))
            : verdict
              ? new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed'))
              : new vscode.ThemeIcon('circle-large-outline');
        item.contextValue = verdict || notes.length ? 'figure marked' : 'figure';
        item.tooltip =
          [verdict && `${describeMark(verdict)} — ${verdict.creator}, ${verdict.modified}`, ...notes.map((n) => `Note: ${n.text ?? ''} — ${n.creator}`)]
            .filter(Boolean)
            .join('\n') || 'Not reviewed yet';
        item.command = this.open(node.uri, node.start, node.end);
        return item;
      }
      case 'mark': {
        const item = new vscode.TreeItem(node.text);
        item.description = describeMark(node.placement.mark);
        item.iconPath = new vscode.ThemeIcon(node.placement.mark.state === 'note' ? 'note' : node.placement.mark.state === 'added' ? 'add' : 'circle-slash');
        item.contextValue = 'mark marked';
        item.command = this.open(node.uri, node.start, node.end);
        return item;
      }
      case 'orphans': {
        const item = new vscode.TreeItem(`Orphaned (${node.placements.length})`, vscode.TreeItemCollapsibleState.Expanded);
        item.iconPath = new vscode.ThemeIcon('warning');
        item.tooltip = 'Marks whose text could not be found in the document any more. They are kept in the annotations file until you clear them.';
        return item;
      }
      case 'risks': {
        const item = new vscode.TreeItem(`Pre-publication checks (${node.findings.length})`, vscode.TreeItemCollapsibleState.Expanded);
        item.iconPath = new vscode.ThemeIcon('law');
        item.tooltip = 'Reporting restrictions and wording that may prejudice a trial. Each is a prompt to check, not legal advice.';
        item.contextValue = 'legalChecks';
        return item;
      }
      case 'risk': {
        const f = node.finding;
        const item = new vscode.TreeItem(f.text);
        item.description = ruleOf(f.rule)?.title ?? f.rule;
        item.iconPath = new vscode.ThemeIcon(
          f.severity === 'error' ? 'error' : 'warning',
          new vscode.ThemeColor(f.severity === 'error' ? 'problemsErrorIcon.foreground' : 'problemsWarningIcon.foreground'),
        );
        item.tooltip = `${f.message}\n${f.statute}`;
        item.contextValue = 'legalCheck';
        item.command = this.open(node.uri, f.start, f.end);
        return item;
      }
      case 'orphan': {
        const { mark, suggestion } = node.placement;
        const item = new vscode.TreeItem(mark.anchor.exact);
        item.description = `orphaned · ${describeMark(mark)}${suggestion ? ` · similar: "${suggestion.text}"` : ''}`;
        item.iconPath = new vscode.ThemeIcon('debug-disconnect');
        item.contextValue = 'orphan marked';
        item.tooltip = `The marked text "${mark.anchor.exact}" is no longer in the document${suggestion ? `; "${suggestion.text}" looks like it (click to see it)` : ''}.`;
        if (suggestion) item.command = this.open(node.uri, suggestion.start, suggestion.end);
        return item;
      }
    }
  }

  private open(uri: vscode.Uri, start: number, end: number): vscode.Command {
    const text = this.model.textOf(uri) ?? '';
    const lines = new LineIndex(text);
    const a = lines.positionAt(start);
    const b = lines.positionAt(end);
    return {
      title: 'Open',
      command: 'vscode.open',
      arguments: [uri, { selection: new vscode.Range(a.line, a.character, b.line, b.character), preview: true }],
    };
  }

  /** For tests: what the view shows now, computed without waiting for the debounce. */
  snapshot(): ReviewViewSnapshot {
    const { description, message } = this.header();
    const items = this.getChildren().map((doc) => {
      const top = this.getTreeItem(doc);
      const children = this.getChildren(doc).flatMap((child) => {
        const nested = child.type === 'orphans' || child.type === 'risks' ? [child, ...this.getChildren(child)] : [child];
        return nested.map((n) => {
          const item = this.getTreeItem(n);
          return {
            label: String(item.label),
            ...(item.description ? { description: String(item.description) } : {}),
            ...(item.contextValue ? { contextValue: item.contextValue } : {}),
          };
        });
      });
      return { label: String(top.label), ...(top.description ? { description: String(top.description) } : {}), children };
    });
    return { description, message, items };
  }
}

function risksLabel(n: number): string {
  return `${n} pre-publication risk${n === 1 ? '' : 's'} to check`;
}
