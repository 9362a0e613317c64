import * as vscode from 'vscode';
import type { ExtensionLogger } from '../../services/types';
import { showError } from '../../util/notify';

/**
 * Registers a command that never throws into the workbench: a failure is logged with the command id
 * and shown once as one readable message, and the command resolves to `undefined`.
 */
export function registerSafeCommand<A extends unknown[], R>(
  log: ExtensionLogger,
  id: string,
  what: string,
  handler: (...args: A) => R | Promise<R>,
): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await handler(...(args as A));
    } catch (e) {
      log.error(`${id} failed`, e);
      void showError(`Crime Annotator: could not ${what}: ${messageOf(e)}`, 'Show Log').then(
        (choice) => choice && log.channel.show(true),
        () => undefined,
      );
      return undefined;
    }
  });
}

export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
