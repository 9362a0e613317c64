import * as vscode from 'vscode';
import { tallySteps, type KindTally, type TallyGroup, type TallyOccurrence } from '../../../core/tally';
import { runAtOnce, runInSlices } from '../../../core/slices';
import { hostScheduler } from '../../util/slices';
import type { AnnotationKind } from '../../../core';
import type { TallyScope } from '../../services/configuration';
import type { IndexedDocument, Services } from '../../services/types';
import { Disposable } from '../../util/dispose';
import { displayPath, rangeOf } from '../commands/locations';
import { CoalescedRefresh } from './coalescedRefresh';

export type TallyNode =
  | { readonly type: 'kind'; readonly tally: KindTally }
  | { readonly type: 'group'; readonly group: TallyGroup; readonly parent: TallyNode }
  | { readonly type: 'occurrence'; readonly occurrence: TallyOccurrence; readonly parent: TallyNode };

export const scopeLabels: Readonly<Record<TallyScope, string>> = Object.freeze({
  file: 'Current file',
  openEditors: 'Open editors',
  workspace: 'Workspace',
});

/** `localeCompare`'s order without building a collator per comparison: a workspace sorts 1,000 URIs on each refresh. */
const byUri = new Intl.Collator();

const kindIcons: Readonly<Record<AnnotationKind, string>> = { figure: 'symbol-number', organisation: 'organization', 'legal-term': 'law' };

/**
 * Tallies figures, organisations and legal terms of the documents in the chosen scope. The filter is
 * per session (a view state, not a preference); the scope is the `tally.scope` setting.
 */
export class TallyTreeProvider extends Disposable implements vscode.TreeDataProvider<TallyNode> {
  private readonly _onDidChangeTreeData = this._register(new vscode.EventEmitter<TallyNode | undefined>());
  readonly onDidChangeTreeData = this._onDidChangeTreeData.event;
  private _filter = '';
  /** The scope just chosen, until the settings change arrives that makes it current. */
  private _pendingScope: TallyScope | undefined;
  private _roots: TallyNode[] | undefined;
  /** Counts the invalidations: a tally made in slices is kept only if nothing changed meanwhile. */
  private _generation = 0;
  private _superseded = 0;
  private readonly _refresh = this._register(
    new CoalescedRefresh(
      () => ((this._roots = undefined), this._generation++),
      () => this.tallyThenNotify(),
    ),
  );

  constructor(
    private readonly services: Services,
    private readonly revealCommand: string,
  ) {
    super();
    this._register(services.index.onDidChange(() => this._refresh.schedule()));
    this._register(
      services.config.onDidChange((change) => {
        if (!change.affects('tally')) return;
        this._pendingScope = undefined;
        this.refresh();
      }),
    );
    this._register(
      vscode.window.onDidChangeActiveTextEditor(() => {
        if (this.scope === 'file') this._refresh.schedule();
      }),
    );
    this._register(
      vscode.window.tabGroups.onDidChangeTabs(() => {
        if (this.scope === 'openEditors') this._refresh.schedule();
      }),
    );
  }

  get scope(): TallyScope {
    return this._pendingScope ?? this.services.config.current.tally.scope;
  }

  /** Shows `scope` now and persists it in `crimeAnnotator.tally.scope` (workspace settings when a folder is open). */
  async setScope(scope: TallyScope): Promise<void> {
    this._pendingScope = scope;
    this.refresh();
    const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    try {
      await vscode.workspace.getConfiguration('crimeAnnotator').update('tally.scope', scope, target);
    } catch (e) {
      this._pendingScope = undefined;
      this.refresh();
      throw e;
    }
  }

  get filter(): string {
    return this._filter;
  }

  setFilter(text: string): void {
    this._filter = text.trim();
    this.refresh();
  }

  refresh(): void {
    this._refresh.now();
  }

  /** The documents the current scope covers, in a stable order. */
  documentsInScope(): IndexedDocument[] {
    const index = this.services.index;
    let docs: IndexedDocument[];
    switch (this.scope) {
      case 'file': {
        const active = vscode.window.activeTextEditor?.document.uri;
        const doc = active && index.get(active);
        docs = doc ? [doc] : [];
        break;
      }
      case 'openEditors': {
        const seen = new Set<string>();
        docs = [];
        for (const tab of vscode.window.tabGroups.all.flatMap((g) => g.tabs)) {
          const uri = tab.input instanceof vscode.TabInputText ? tab.input.uri : undefined;
          const doc = uri && !seen.has(uri.toString()) ? index.get(uri) : undefined;
          if (uri) seen.add(uri.toString());
          if (doc) docs.push(doc);
        }
        break;
      }
      default:
        docs = [...index.documents()];
    }
    return docs.sort((a, b) => byUri.compare(a.uri.toString(), b.uri.toString()));
  }

  /** The tally as shown: the tests read counts here instead of scraping the tree. */
  model(): KindTally[] {
    return this.roots().map((n) => (n as Extract<TallyNode, { type: 'kind' }>).tally);
  }

  getChildren(node?: TallyNode): TallyNode[] {
    if (!node) return this.roots();
    if (node.type === 'kind') return node.tally.groups.map((group) => ({ type: 'group', group, parent: node }));
    if (node.type === 'group') return node.group.occurrences.map((occurrence) => ({ type: 'occurrence', occurrence, parent: node }));
    return [];
  }

  getParent(node: TallyNode): TallyNode | undefined {
    return node.type === 'kind' ? undefined : node.parent;
  }

  getTreeItem(node: TallyNode): vscode.TreeItem {
    switch (node.type) {
      case 'kind': {
        const item = new vscode.TreeItem(node.tally.label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `kind/${node.tally.kind}`;
        item.description = String(node.tally.count);
        item.iconPath = new vscode.ThemeIcon(kindIcons[node.tally.kind]);
        item.contextValue = `kind ${node.tally.kind}`;
        return item;
      }
      case 'group': {
        const { group } = node;
        const item = new vscode.TreeItem(group.label, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `group/${group.kind}/${group.key}`;
        const n = group.occurrences.length;
        item.description = group.documentCount > 1 ? `${n} in ${group.documentCount} documents` : String(n);
        item.tooltip = `${group.label}: ${n} ${n === 1 ? 'mention' : 'mentions'} in ${group.documentCount} ${group.documentCount === 1 ? 'document' : 'documents'}`;
        item.contextValue = `group ${group.kind}`;
        return item;
      }
      case 'occurrence': {
        const { occurrence } = node;
        const uri = vscode.Uri.parse(occurrence.docId);
        const doc = this.services.index.get(uri);
        const range = doc ? rangeOf(doc, occurrence.start, occurrence.end) : new vscode.Range(occurrence.line, 0, occurrence.line, 0);
        const item = new vscode.TreeItem(occurrence.text, vscode.TreeItemCollapsibleState.None);
        item.description = `${displayPath(uri)}:${occurrence.line + 1}`;
        item.tooltip = occurrenceTooltip(occurrence);
        item.resourceUri = uri;
        item.contextValue = `occurrence ${occurrence.annotation.kind}`;
        item.command = { command: this.revealCommand, title: 'Reveal Occurrence', arguments: [uri, range] };
        return item;
      }
    }
  }

  private roots(): TallyNode[] {
    this._roots ??= runAtOnce(this.rootSteps());
    return this._roots;
  }

  private *rootSteps(): Generator<void, TallyNode[]> {
    const documents = this.documentsInScope().map((d) => ({ docId: d.uri.toString(), analysis: d.analysis }));
    const tallies = yield* tallySteps(documents, { filter: this._filter });
    return tallies.map((tally) => ({ type: 'kind', tally }));
  }

  /**
   * Tallies in slices of the host's budget, then tells the tree: regrouping a 1,000-document workspace, or
   * a 5 MB document's annotations, on every change held the extension host for tens of milliseconds. A
   * tree that asks sooner gets the tally made at once (`roots`).
   */
  private tallyThenNotify(): void {
    const generation = this._generation;
    runInSlices(this.rootSteps(), hostScheduler).then(
      ({ value }) => {
        if (this.isDisposed) return;
        if (generation !== this._generation) {
          // The documents changed meanwhile and a newer refresh follows; while they change faster than a
          // tally is made (a scan), every third one tells the tree, which then counts at once.
          if (++this._superseded < 3) return;
        } else this._roots ??= value;
        this._superseded = 0;
        this._onDidChangeTreeData.fire(undefined);
      },
      (e) => {
        this.services.log.error('tally: counting the documents failed', e);
        if (!this.isDisposed) this._onDidChangeTreeData.fire(undefined);
      },
    );
  }
}

function occurrenceTooltip(o: TallyOccurrence): string {
  const a = o.annotation;
  if (a.kind === 'figure') {
    const qualifier = a.qualifier === 'exact' ? '' : `${a.qualifier} `;
    return `${a.text}\n${qualifier}${a.value.toLocaleString('en-GB')} ${a.unit}${a.counts ? ` — ${a.counts}` : ''}`;
  }
  return `${a.text}\n${a.canonical}`;
}
