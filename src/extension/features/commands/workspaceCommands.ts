import * as vscode from 'vscode';
import { CommandId } from '../../commandIds';
import type { Services } from '../../services/types';
import { displayPath, toUri } from './locations';
import { registerSafeCommand } from './run';
import { setStatusMessage, showInformation } from '../../util/notify';

export interface AnalysisSummary {
  readonly uri: vscode.Uri;
  readonly figures: number;
  readonly organisations: number;
  readonly legalTerms: number;
}

/** Highlights on/off, re-index, analyse now: the commands that act on the whole workspace or one document. */
export function registerWorkspaceCommands(services: Services): vscode.Disposable {
  return vscode.Disposable.from(
    registerSafeCommand(services.log, CommandId.toggleHighlights, 'toggle highlights', () => toggleHighlights()),
    registerSafeCommand(services.log, CommandId.reindexWorkspace, 're-index the workspace', async () => {
      await services.index.reindex();
      const count = services.index.documents().length;
      const skipped = services.index.skipped().length;
      setStatusMessage('$(check)', `Crime Annotator indexed ${count} documents${skipped ? `, skipped ${skipped}` : ''}`, 4000);
      return count;
    }),
    registerSafeCommand(services.log, CommandId.analyzeDocument, 'analyse the document', (target?: unknown) => analyzeDocument(services, target)),
  );
}

/** Flips `crimeAnnotator.highlights.enabled` where it is set, so a workspace value is not shadowed by a user one. */
export async function toggleHighlights(): Promise<boolean> {
  const config = vscode.workspace.getConfiguration('crimeAnnotator');
  const inspected = config.inspect<boolean>('highlights.enabled');
  const next = !config.get<boolean>('highlights.enabled', true);
  const target =
    inspected?.workspaceFolderValue !== undefined
      ? vscode.ConfigurationTarget.WorkspaceFolder
      : inspected?.workspaceValue !== undefined
        ? vscode.ConfigurationTarget.Workspace
        : vscode.ConfigurationTarget.Global;
  await config.update('highlights.enabled', next, target);
  setStatusMessage('', `Crime Annotator highlights ${next ? 'on' : 'off'}`, 3000);
  return next;
}

export async function analyzeDocument(services: Services, target: unknown): Promise<AnalysisSummary | undefined> {
  const uri = target !== undefined ? toUri(target) : undefined;
  if (target !== undefined && !uri) throw new Error(`not a document: ${String(target)}`);
  const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!document) {
    void showInformation('Open a press release to analyse it.');
    return undefined;
  }
  const indexed = await services.index.analyzeDocument(document);
  if (!indexed) throw new Error(`${displayPath(document.uri)} was not analysed (see the log for why)`);
  const count = (kind: string) => indexed.analysis.annotations.filter((a) => a.kind === kind).length;
  const summary = { uri: document.uri, figures: count('figure'), organisations: count('organisation'), legalTerms: count('legal-term') };
  setStatusMessage(
    '',
    `Crime Annotator: ${summary.figures} figures, ${summary.organisations} organisations, ${summary.legalTerms} legal terms in ${displayPath(document.uri)}`,
    4000,
  );
  return summary;
}
