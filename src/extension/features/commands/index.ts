import * as vscode from 'vscode';
import type { Services } from '../../services/types';
import { registerExportCommand } from './exportWorkspace';
import { registerRecordCommands } from './records';
import { registerRevealCommands } from './reveal';
import { registerSampleCommands } from './samples';
import { registerWorkspaceCommands } from './workspaceCommands';

export { crossCheckDocument, listConflicts, showRecordAtCursor, type PickOption } from './records';
export { exportWorkspace } from './exportWorkspace';

/**
 * The palette commands of the record, export and workspace features. The tally's filter and scope
 * commands belong to the views (`registerViews`); the review commands to the review feature.
 * Everything is also pushed onto `context.subscriptions`.
 */
export function registerCommands(context: vscode.ExtensionContext, services: Services): vscode.Disposable {
  const registration = vscode.Disposable.from(
    registerRevealCommands(services),
    registerRecordCommands(services),
    registerExportCommand(services),
    registerWorkspaceCommands(services),
    registerSampleCommands(context, services.log),
  );
  context.subscriptions.push(registration);
  return registration;
}
