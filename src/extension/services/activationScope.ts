/**
 * Two-step activation, as vscode-eslint does: the open document is decorated at once, but the
 * folders are scanned only when they look like a crime-reporting workspace (a Crime Report file, or
 * a `.crime-annotator/` folder) or when the user asks (the welcome view's button, or Re-index).
 * Opening a README in some other project then costs nothing but that README.
 */
import * as vscode from 'vscode';
import { crimeReportMarkers, type WorkspacePort } from '../../core/corpus';
import { logErrors } from '../util/errors';
import type { EditorIndex } from './editorIndex';
import type { ExtensionLogger } from './types';

/** Whether any folder holds a file that says it is a crime-reporting workspace. */
export async function looksLikeCrimeWorkspace(port: WorkspacePort): Promise<boolean> {
  const pattern = `{${crimeReportMarkers.join(',')}}`;
  for (const folder of port.folders()) {
    if ((await port.findFiles(folder, pattern, '{**/node_modules/**,**/.git/**}', 1)).length > 0) return true;
  }
  return false;
}

export function startIndexing(port: WorkspacePort, index: EditorIndex, log: ExtensionLogger): void {
  const decide = async () => {
    await index.core.start({ scan: false });
    // Documents already open are decorated whatever the folder holds.
    for (const doc of port.openDocuments()) if (doc.annotated) logErrors(index.core.analyseOpen(doc), 'activation: open document', log);
    for (const editor of vscode.window.visibleTextEditors) {
      const doc = port.openDocument(editor.document.uri.toString());
      if (doc?.annotated) logErrors(index.core.analyseOpen(doc), 'activation: visible editor', log);
    }
    if (port.folders().length === 0) return;
    if (await looksLikeCrimeWorkspace(port)) await index.core.scan();
    // The views say so (the `crimeAnnotator.notIndexed` context key) and offer Index Workspace.
    else
      log.info(
        'No crime reports (.crime files or a .crime-annotator folder) in the workspace: only opened documents are analysed until the workspace is indexed.',
      );
  };
  const started = decide();
  index.activation = started.catch(() => undefined);
  logErrors(started, 'activation: indexing', log);
}
