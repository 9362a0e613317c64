/**
 * Marks name their document by a path relative to its workspace folder, so the file (one per
 * folder, in the folder's `.crime-annotator/`) means the same on every clone.
 */
import * as vscode from 'vscode';

/** `uri` relative to the workspace folder that holds it, `/`-separated, or undefined when no folder does. */
export function relativePath(uri: vscode.Uri, folder: vscode.Uri | undefined = vscode.workspace.getWorkspaceFolder(uri)?.uri): string | undefined {
  if (!folder || folder.scheme !== uri.scheme || folder.authority !== uri.authority) return undefined;
  const root = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
  return uri.path.startsWith(root) ? uri.path.slice(root.length) : undefined;
}

/** The document a mark of `folder` names by `path`. */
export function uriOfPath(path: string, folder: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(folder, ...path.split('/'));
}

/** A path after `from` was renamed to `to` (a file, or a folder holding it), or undefined when untouched. */
export function renamedPath(path: string, from: string, to: string): string | undefined {
  if (path === from) return to;
  if (path.startsWith(`${from}/`)) return `${to}${path.slice(from.length)}`;
  return undefined;
}
