/** Marks name their document by a workspace-relative path so the file means the same on every clone. */
import * as vscode from 'vscode';

export function workspaceFolder(): vscode.Uri | undefined {
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

/** `uri` relative to the first workspace folder, `/`-separated, or undefined when it lies outside it. */
export function relativePath(uri: vscode.Uri): string | undefined {
  const folder = workspaceFolder();
  if (!folder || folder.scheme !== uri.scheme || folder.authority !== uri.authority) return undefined;
  const root = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
  return uri.path.startsWith(root) ? uri.path.slice(root.length) : undefined;
}

export function uriOfPath(path: string): vscode.Uri | undefined {
  const folder = workspaceFolder();
  return folder ? vscode.Uri.joinPath(folder, ...path.split('/')) : undefined;
}

/** A path after `from` was renamed to `to` (a file, or a folder holding it), or undefined when untouched. */
export function renamedPath(path: string, from: string, to: string): string | undefined {
  if (path === from) return to;
  if (path.startsWith(`${from}/`)) return `${to}${path.slice(from.length)}`;
  return undefined;
}
