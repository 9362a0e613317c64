import * as fs from 'node:fs';
import * as path from 'node:path';

/** Files the CLI analyses as documents, and the ones it reads as reference tables. */
const DOCUMENT_EXTENSIONS = ['.crime', '.txt', '.md'];
const REFERENCE_PATTERN = /\.reference\.(csv|json)$/i;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test']);

export interface CollectedFiles {
  readonly documents: string[];
  readonly references: string[];
}

export class InputError extends Error {}

/** Expands files and folders (recursively) into documents and reference tables, sorted for stable output. */
export function collectFiles(inputs: readonly string[]): CollectedFiles {
  const documents: string[] = [];
  const references: string[] = [];
  const visit = (p: string, explicit: boolean) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (e) {
      throw new InputError(`cannot read ${p}: ${describeFsError(e)}`);
    }
    if (stat.isDirectory()) {
      let entries: string[];
      try {
        entries = fs.readdirSync(p);
      } catch (e) {
        throw new InputError(`cannot read folder ${p}: ${describeFsError(e)}`);
      }
      for (const entry of entries.sort()) {
        if (entry.startsWith('.') || SKIPPED_FOLDERS.has(entry)) continue;
        visit(path.join(p, entry), false);
      }
    } else if (REFERENCE_PATTERN.test(p)) {
      references.push(p);
    } else if (explicit || DOCUMENT_EXTENSIONS.some((ext) => p.toLowerCase().endsWith(ext))) {
      // A file named explicitly is analysed whatever its extension; folders contribute only known kinds.
      if (!/readme\.md$/i.test(p) || explicit) documents.push(p);
    }
  };
  for (const input of inputs) visit(input, true);
  return { documents, references };
}

/** Reads a document as UTF-8 text without its byte-order mark, as VS Code shows it. */
export function readText(file: string): string {
  let buffer: Buffer;
  try {
    buffer = fs.readFileSync(file);
  } catch (e) {
    throw new InputError(`cannot read ${file}: ${describeFsError(e)}`);
  }
  const text = buffer.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}
