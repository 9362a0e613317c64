/** LargeFiles for the Node extension host: local files in 1 MB pieces, others through vscode.workspace.fs. */
import { promises as fs } from 'node:fs';
import type * as vscode from 'vscode';
import { workspaceFsFiles, type LargeFiles } from '../util/largeFiles';

const PIECE = 1024 * 1024;

export const nodeLargeFiles: LargeFiles = {
  async read(uri: vscode.Uri) {
    if (uri.scheme !== 'file') return workspaceFsFiles.read(uri);
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(uri.fsPath, 'r');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
    try {
      // Read into one buffer of the file's size, a piece at a time (a file growing meanwhile is read to its end).
      let buffer = new Uint8Array((await handle.stat()).size);
      let length = 0;
      for (;;) {
        if (length === buffer.length) {
          const grown = new Uint8Array(Math.max(PIECE, buffer.length * 2));
          grown.set(buffer);
          buffer = grown;
        }
        const { bytesRead } = await handle.read(buffer, length, Math.min(PIECE, buffer.length - length), null);
        if (bytesRead === 0) break;
        length += bytesRead;
      }
      return length === buffer.length ? buffer : buffer.subarray(0, length);
    } finally {
      await handle.close();
    }
  },
  async write(uri: vscode.Uri, bytes: Uint8Array) {
    if (uri.scheme !== 'file') return workspaceFsFiles.write(uri, bytes);
    const handle = await fs.open(uri.fsPath, 'w');
    try {
      for (let at = 0; at < bytes.length; at += PIECE) await handle.write(bytes, at, Math.min(PIECE, bytes.length - at));
    } finally {
      await handle.close();
    }
  },
};
