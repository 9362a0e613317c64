import * as vscode from 'vscode';
import { errorForLog } from '../util/errors';
import type { ExtensionLogger } from './types';
import { showWarning } from '../util/notify';

/**
 * Adapts the LogOutputChannel to the core's Logger. Errors go to the log; a message the user must
 * see (a limit that stopped work) is shown once per key, so a watcher firing does not repeat it.
 */
export function createExtensionLogger(channel: vscode.LogOutputChannel): ExtensionLogger {
  const warned = new Set<string>();
  return {
    channel,
    debug: (m) => channel.debug(m),
    info: (m) => channel.info(m),
    warn: (m) => channel.warn(m),
    // The error itself, not its message, so its stack reaches the log.
    error: (m, e) => channel.error(e === undefined ? m : errorForLog(m, e)),
    warnOnce(key, message) {
      channel.warn(message);
      if (warned.has(key)) return;
      warned.add(key);
      void showWarning(message, 'Show Log').then((choice) => {
        if (choice) channel.show(true);
      });
    },
  };
}
