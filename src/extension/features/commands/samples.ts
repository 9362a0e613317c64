/**
 * "Open the Sample Press Releases", the walkthrough's first step. The samples ship inside the
 * extension (samples/); they are copied to the extension's global storage, so review marks and
 * edits have somewhere to live that an update of the extension does not wipe, and that folder is
 * opened. A file already copied is kept as it is: opening the samples again never loses a mark.
 * Opening a folder restarts the extension, so the release to show first is remembered in global
 * state and opened by the next activation in that folder.
 */
import * as vscode from 'vscode';
import { CommandId } from '../../commandIds';
import type { ExtensionLogger } from '../../services/types';
import { logErrors } from '../../util/errors';
import { registerSafeCommand } from './run';

/** The release the walkthrough talks about (its "290 arrests" has sources that disagree). */
export const FIRST_SAMPLE = '02-met-week-of-action.crime.txt';
// Global state is the extension's own, so the key needs no prefix.
const openOnStartKey = 'samples.openOnStart';

export interface SamplesResult {
  readonly folder: vscode.Uri;
  readonly copied: number;
  readonly kept: number;
}

/** Copies the files of `source` (not its subfolders) into `target`, leaving files that are already there. */
export async function copySamples(source: vscode.Uri, target: vscode.Uri): Promise<{ copied: number; kept: number }> {
  const entries = await vscode.workspace.fs.readDirectory(source);
  await vscode.workspace.fs.createDirectory(target);
  let copied = 0;
  let kept = 0;
  for (const [name, type] of entries) {
    if (type !== vscode.FileType.File) continue;
    const to = vscode.Uri.joinPath(target, name);
    const exists = await vscode.workspace.fs.stat(to).then(
      () => true,
      () => false,
    );
    if (exists) {
      kept++;
      continue;
    }
    await vscode.workspace.fs.copy(vscode.Uri.joinPath(source, name), to, { overwrite: false });
    copied++;
  }
  return { copied, kept };
}

function samplesFolder(context: vscode.ExtensionContext): vscode.Uri {
  return vscode.Uri.joinPath(context.globalStorageUri, 'samples');
}

function isOpenFolder(folder: vscode.Uri): boolean {
  return (vscode.workspace.workspaceFolders ?? []).some((f) => f.uri.toString() === folder.toString());
}

async function showSample(folder: vscode.Uri): Promise<void> {
  await vscode.window.showTextDocument(vscode.Uri.joinPath(folder, FIRST_SAMPLE), { preview: false });
}

/**
 * `openSamples(options?)`: `{ open: false }` copies without opening the folder (for tests: opening a
 * folder restarts the extension host). Resolves with where the samples are.
 */
export function registerSampleCommands(context: vscode.ExtensionContext, log: ExtensionLogger): vscode.Disposable {
  const folder = samplesFolder(context);
  // The folder just opened by the command: show the release the walkthrough talks about.
  if (isOpenFolder(folder) && context.globalState.get<boolean>(openOnStartKey)) {
    logErrors(
      context.globalState.update(openOnStartKey, undefined).then(() => showSample(folder)),
      'samples: opening the first release',
      log,
    );
  }
  return registerSafeCommand(log, CommandId.openSamples, 'open the samples', async (options?: { open?: boolean }): Promise<SamplesResult> => {
    const { copied, kept } = await copySamples(vscode.Uri.joinPath(context.extensionUri, 'samples'), folder);
    log.info(`samples: ${copied} copied to ${folder.toString()}, ${kept} already there`);
    if (isOpenFolder(folder)) await showSample(folder);
    else if (options?.open !== false) {
      await context.globalState.update(openOnStartKey, true);
      // A folder already open stays open: the samples get a window of their own.
      await vscode.commands.executeCommand('vscode.openFolder', folder, { forceNewWindow: (vscode.workspace.workspaceFolders?.length ?? 0) > 0 });
    }
    return { folder, copied, kept };
  });
}
