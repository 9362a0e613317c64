import * as vscode from 'vscode';
import { CommandId } from '../../commandIds';
import type { Services } from '../../services/types';
import { disposeAll } from '../../util/dispose';
import { logErrors } from '../../util/errors';
import { ChecksTreeProvider } from './checksTree';
import { ContextKey, ViewContextKeys } from './contextKeys';
import { TallyTreeProvider, scopeLabels } from './tallyTree';
import { registerTallyCommands } from './tallyCommands';

export { ChecksTreeProvider, TallyTreeProvider };

export const ViewId = {
  tally: 'crimeAnnotator.tally',
  checks: 'crimeAnnotator.checks',
} as const;

export { ContextKey } from './contextKeys';

/** What the views expose to the extension's `api` (tests read the trees through it). */
export interface ViewsApi extends vscode.Disposable {
  readonly tally: TallyTreeProvider;
  readonly checks: ChecksTreeProvider;
  readonly tallyView: vscode.TreeView<unknown>;
  readonly checksView: vscode.TreeView<unknown>;
  /** The values last given to the views' context keys (the welcome view's and the filter menu's). */
  readonly contextKeys: ViewContextKeys;
}

/**
 * The sidebar: the Tally and Cross-checks trees, the welcome state when the workspace holds no
 * documents, and the tally's filter and scope commands. Everything is also pushed onto
 * `context.subscriptions`, so the caller need not dispose the result.
 */
export function registerViews(context: vscode.ExtensionContext, services: Services): ViewsApi {
  const tally = new TallyTreeProvider(services, CommandId.revealOccurrence);
  const checks = new ChecksTreeProvider(services, CommandId.revealOccurrence);
  const tallyView = vscode.window.createTreeView(ViewId.tally, { treeDataProvider: tally, showCollapseAll: true });
  const checksView = vscode.window.createTreeView(ViewId.checks, { treeDataProvider: checks, showCollapseAll: true });

  const describeTally = () => {
    tallyView.description = scopeLabels[tally.scope] + (tally.filter ? ` · “${tally.filter}”` : '');
    tallyView.message = tallyMessage(tally, services);
  };
  const describeChecks = () => {
    const model = checks.model();
    const conflicts = model.filter((c) => c.status === 'conflict').length;
    checksView.description = conflicts > 0 ? `${conflicts} ${conflicts === 1 ? 'conflict' : 'conflicts'}` : '';
    checksView.badge = conflicts > 0 ? { value: conflicts, tooltip: `${conflicts} cross-source conflicts or failed checks` } : undefined;
  };
  const contextKeys = new ViewContextKeys();
  const updateEmpty = () => {
    logErrors(contextKeys.set(ContextKey.workspaceEmpty, services.index.isEmpty), 'views: setting workspaceEmpty', services.log);
    logErrors(contextKeys.set(ContextKey.notIndexed, !services.index.isScanning), 'views: setting notIndexed', services.log);
  };

  const disposables: vscode.Disposable[] = [
    tally,
    checks,
    tallyView,
    checksView,
    tally.onDidChangeTreeData(describeTally),
    checks.onDidChangeTreeData(describeChecks),
    services.index.onDidChange(updateEmpty),
    services.index.onDidChangeScanning(updateEmpty),
    registerTallyCommands(services, tally, contextKeys),
  ];
  describeTally();
  // Before the first scan ends the index is empty by definition; saying so would flash the welcome view.
  // `ready` is read a microtask later because the composition root may start the scan (replacing
  // `ready`) after registering the views, in the same synchronous activation step.
  const afterFirstScan = Promise.resolve().then(() => services.index.ready);
  afterFirstScan.then(
    () => {
      updateEmpty();
      describeTally();
      describeChecks();
    },
    (e) => services.log.error('views: waiting for the workspace index failed', e),
  );

  const api: ViewsApi = { tally, checks, tallyView, checksView, contextKeys, dispose: () => disposeAll(disposables.splice(0)) };
  context.subscriptions.push(api);
  return api;
}

function tallyMessage(tally: TallyTreeProvider, services: Services): string | undefined {
  if (tally.getChildren().length > 0) return undefined;
  if (tally.filter) return `Nothing in the tally matches “${tally.filter}”.`;
  if (services.index.isEmpty) return undefined; // the welcome view speaks for an empty workspace
  if (tally.scope === 'file') return 'The active editor holds no analysed document. Open a press release, or change the scope.';
  if (tally.scope === 'openEditors') return 'No open editor holds an analysed document. Open a press release, or change the scope.';
  return 'The workspace documents hold no figures, organisations or legal terms.';
}
