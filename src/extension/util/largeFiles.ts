/**
 * Reading and writing a side file that can be large (an annotations file of 100,000 marks is 90 MB)
 * without holding the extension host: `vscode.workspace.fs` hands the whole file over in one piece
 * (about a second of the host's time for 90 MB, measured in code-server), so the Node host reads
 * and writes local files a megabyte at a time with Node's own fs (extension.node.ts), and the web
 * host, which has only `vscode.workspace.fs`, uses it.
 */
import * as vscode from 'vscode';

export interface LargeFiles {
  /** The file's bytes, or undefined when it does not exist. */
  read(uri: vscode.Uri): Promise<Uint8Array | undefined>;
  write(uri: vscode.Uri, bytes: Uint8Array): Promise<void>;
}

export function isNotFound(e: unknown): boolean {
  return (
    (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') || /FileNotFound|EntryNotFound|ENOENT/i.test(e instanceof Error ? e.message : String(e))
  );
}

export const workspaceFsFiles: LargeFiles = {
  async read(uri) {
    try {
      return await vscode.workspace.fs.readFile(uri);
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  },
  write: (uri, bytes) => Promise.resolve(vscode.workspace.fs.writeFile(uri, bytes)),
};
