import * as vscode from 'vscode';
import { CommandId } from '../../commandIds';
import type { Services } from '../../services/types';
import { listConflicts } from './conflicts';
import { crossCheckDocument } from './crossCheck';
import type { PickOption } from './picks';
import { showRecordAtCursor } from './showRecord';
import { registerSafeCommand } from './run';

export type { ConflictPick, PickOption } from './picks';
export type { RecordAtCursor } from './showRecord';
export type { CrossCheckReport } from './crossCheck';
export { crossCheckDocument, listConflicts, showRecordAtCursor };

/** The commands that read the cross-source record: at the cursor, for one document, and every conflict. */
export function registerRecordCommands(services: Services): vscode.Disposable {
  return vscode.Disposable.from(
    registerSafeCommand(
      services.log,
      CommandId.showRecordAtCursor,
      'show the record of the figure at the cursor',
      (target?: unknown, position?: unknown, options?: PickOption) => showRecordAtCursor(services, target, position, options),
    ),
    registerSafeCommand(services.log, CommandId.listConflicts, 'list the conflicts', (options?: PickOption) => listConflicts(services, options)),
    registerSafeCommand(services.log, CommandId.crossCheckDocument, 'cross-check the document', (target?: unknown, options?: PickOption) =>
      crossCheckDocument(services, target, options),
    ),
  );
}
