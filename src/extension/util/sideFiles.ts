/**
 * Where the extension may write files of its own (the annotations file, the workspace lexicon, an
 * export): inside the workspace folder they belong to, unless the user picked the place in a dialog. A
 * workspace's settings (or a hostile repository's `.vscode/settings.json`) must not be able to send
 * a write elsewhere: neither with `..` in a setting, nor through a symbolic link in the repository.
 */
import * as vscode from 'vscode';

export function firstFolder(): vscode.Uri | undefined {
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

/**
 * The workspace folder a command acts in: the one holding `uri` (the active document, say), else
 * the only or first folder.
 */
export function folderFor(uri: vscode.Uri | undefined): vscode.Uri | undefined {
  return (uri && vscode.workspace.getWorkspaceFolder(uri)?.uri) ?? firstFolder();
}

/** Whether `uri` lies inside `folder` by its path (after `..` is resolved, as joinPath does). */
export function isInsideFolder(uri: vscode.Uri, folder: vscode.Uri | undefined = firstFolder()): boolean {
  if (!folder || folder.scheme !== uri.scheme || folder.authority !== uri.authority) return false;
  const root = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
  return uri.path.startsWith(root) && uri.path.length > root.length;
}

/** A side file named by a workspace-relative setting: its uri, or why it is refused. */
export type SideFile = { readonly uri: vscode.Uri; readonly refused?: undefined } | { readonly uri?: undefined; readonly refused: string };

export function sideFileOf(relative: string, setting: string, folder: vscode.Uri | undefined = firstFolder()): SideFile | undefined {
  if (!folder || !relative) return undefined;
  const uri = vscode.Uri.joinPath(folder, relative);
  if (!isInsideFolder(uri, folder)) return { refused: `${setting} (“${relative}”) points outside the workspace folder` };
  return { uri };
}

/**
 * Refuses a place that leaves the folder through a symbolic link: the file itself or any folder
 * between it and the workspace folder. Parts that do not exist yet are fine (they are created inside).
 */
export async function assertNoLinkOut(uri: vscode.Uri, folder: vscode.Uri | undefined = firstFolder()): Promise<void> {
  if (!folder || !isInsideFolder(uri, folder))
    throw new Error(`${uri.scheme === 'file' ? uri.fsPath : uri.toString()} is outside the workspace folder; choose a place outside it in the save dialog`);
  const root = folder.path.replace(/\/$/, '');
  const parts = uri.path.slice(root.length + 1).split('/');
  for (let i = 1; i <= parts.length; i++) {
    const at = uri.with({ path: `${root}/${parts.slice(0, i).join('/')}` });
    let type: vscode.FileType;
    try {
      type = (await vscode.workspace.fs.stat(at)).type;
    } catch {
      return; // does not exist yet: nothing below it does either
    }
    if (type & vscode.FileType.SymbolicLink)
      throw new Error(`${vscode.workspace.asRelativePath(at, false)} is a symbolic link, so writing through it could leave the workspace folder`);
  }
}
