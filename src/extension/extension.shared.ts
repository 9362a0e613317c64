import * as vscode from 'vscode';
import { registerAnalysisTriggers } from './features/analysisTriggers';
import { registerCommands } from './features/commands';
import type { DecorationKind } from './features/decorationPlan';
import { registerDecorations } from './features/decorations';
import { registerReview, type ReviewTestApi } from './features/review';
import { registerDiagnostics } from './features/diagnostics';
import { registerHover } from './features/hover';
import { registerLegalChecks } from './features/legalChecks';
import { registerQuickFixes } from './features/quickFixes';
import { registerStatusBar, type DocumentCounts } from './features/statusBar';
import { registerViews, type ViewsApi } from './features/views';
import { ConfigurationService } from './services/configuration';
import { createExtensionLogger } from './services/logging';
import type { Services, WorkspaceIndex } from './services/types';
import { EditorIndex } from './services/editorIndex';
import { createVsCodeWorkspace } from './services/vscodeWorkspace';
import { startIndexing } from './services/activationScope';
import type { AnalysisEngine, WorkspacePort } from '../core/corpus';
import { activationStep as step } from './util/errors';
import type { LargeFiles } from './util/largeFiles';
import { recentMessages, recentQuickPick, type ShownMessage, type ShownQuickPick } from './util/notify';

export interface PlatformServices {
  readonly platform: 'node' | 'web';
  /** Where analysis runs: a worker of the platform's kind, or undefined for the extension host itself. */
  createEngine?(port: WorkspacePort, context: vscode.ExtensionContext): AnalysisEngine | undefined;
  /** How large side files are read and written (the web host has only vscode.workspace.fs). */
  readonly largeFiles?: LargeFiles;
}

/** What `activate()` returns: for tests and for other extensions that want the index. */
export interface CrimeAnnotatorApi {
  readonly index: WorkspaceIndex;
  readonly views: ViewsApi;
  /** Review marks: placements, progress, decorations and the Review view's content. */
  readonly review: ReviewTestApi;
  /** The ranges last drawn in `uri`'s visible editor, by kind (decorations cannot be read back from VS Code). */
  decorationsFor(uri: vscode.Uri): Readonly<Record<DecorationKind, readonly vscode.Range[]>> | undefined;
  /** The status bar item's text and counts for the active editor, or undefined while it is hidden. */
  statusBar(): { readonly text: string; readonly counts: DocumentCounts } | undefined;
  /** The longest time, in ms, analysis (of `uri`, or of any document) held the extension host without yielding. */
  longestAnalysisSliceMs(uri?: vscode.Uri): number;
  /** The last notifications shown, as VS Code received them (VS Code cannot be asked for them). */
  messages(): readonly ShownMessage[];
  /** The last quick pick shown, its items as VS Code received them. */
  lastQuickPick(): ShownQuickPick | undefined;
}

/**
 * The composition root: builds the services in order and registers each feature. Reads like the
 * extension's table of contents. Everything is disposed with the extension.
 */
export async function activateShared(context: vscode.ExtensionContext, platform: PlatformServices): Promise<CrimeAnnotatorApi> {
  const own = <T extends vscode.Disposable>(d: T): T => (context.subscriptions.push(d), d);

  const channel = step('logging', () => own(vscode.window.createOutputChannel('Crime Annotator', { log: true })));
  const log = createExtensionLogger(channel);
  const config = step('configuration', () => own(new ConfigurationService(log)));
  const port = step('workspace port', () => own(createVsCodeWorkspace(log)));
  const engine = step('analysis engine', () => platform.createEngine?.(port, context));
  const index = step('workspace index', () => own(new EditorIndex(port, config, engine)));
  const review = step('review', () => own(registerReview(context, { config, log, index }, platform.largeFiles))).api;
  // Marks "not a claim" hide a highlight everywhere the index's per-document answer is read.
  index.core.setSuppression({ suppressorFor: (uri, text) => review.suppressorFor(index.uriFor(uri), text) });
  const decorations = step('decorations', () => own(registerDecorations({ config, log, index, review }, index)));
  const services: Services = { config, log, index, decorations, review };

  step('hover', () => own(registerHover(services)));
  step('diagnostics', () => own(registerDiagnostics(services)));
  step('pre-publication checks', () => own(registerLegalChecks(context, services)));
  step('quick fixes', () => own(registerQuickFixes(services)));
  const statusBar = step('status bar', () => own(registerStatusBar(services)));
  step('analysis triggers', () => own(registerAnalysisTriggers(services)));
  const views = step('views', () => own(registerViews(context, services)));
  step('commands', () => own(registerCommands(context, services)));

  // Two steps: open documents are analysed at once; the workspace's files only when it holds crime
  // reports. Restricted Mode keeps the workspace lexicons and reference tables out until trust is
  // granted; the index then reads them (WorkspacePort.onDidGrantTrust).
  step('workspace scan', () => startIndexing(port, index, log));
  log.info(`Crime Annotator activated (${platform.platform}); analysis runs ${engine?.where ?? 'in the extension host'}.`);

  return {
    index,
    views,
    review,
    decorationsFor: (uri) => decorations.decorationsFor(uri),
    statusBar: () => (statusBar.counts && statusBar.text ? { text: statusBar.text, counts: statusBar.counts } : undefined),
    longestAnalysisSliceMs: (uri) => (uri ? index.longestBlockMsOf(uri) : index.longestBlockMs),
    messages: () => recentMessages(),
    lastQuickPick: () => recentQuickPick(),
  };
}
