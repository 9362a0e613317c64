/**
 * Reads a folder's lexicon file (`.crime-annotator/lexicon.json` by default) into the lexicon its
 * documents are analysed with. An invalid file is reported once and the built-in lexicon used; a
 * missing one is the usual case and says nothing.
 */
import { validateLexiconExtension, type LexiconExtension } from '../lexicon';
import { builtInLexicon, type LexiconRef } from './engine';
import type { CorpusFolder, WorkspacePort } from './port';

let generation = 0;

export async function readFolderLexicon(port: WorkspacePort, folder: CorpusFolder, relative: string): Promise<LexiconRef> {
  if (!relative || !port.isTrusted()) return builtInLexicon;
  const uri = port.joinPath(folder, relative);
  let raw: Uint8Array;
  try {
    raw = await port.readFile(uri);
  } catch {
    return builtInLexicon;
  }
  const where = port.displayPath(uri);
  let value: unknown;
  try {
    value = JSON.parse(decodeText(raw));
  } catch (e) {
    port.log.notifyOnce(`lexicon:${uri}:${errorMessage(e)}`, `Crime Annotator could not read ${where}: ${errorMessage(e)}. The built-in lexicon is used.`);
    return builtInLexicon;
  }
  const problems = validateLexiconExtension(value);
  if (problems.length > 0) {
    const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : '';
    port.log.notifyOnce(`lexicon:${uri}:${problems.join('|')}`, `Crime Annotator did not use ${where}: ${problems.slice(0, 3).join('; ')}${more}. The built-in lexicon is used.`);
    return builtInLexicon;
  }
  port.log.info(`Using the lexicon ${where} for the documents of ${folder.name}.`);
  return { key: `${folder.uri}#${++generation}`, extension: value as LexiconExtension };
}

/** UTF-8 without a byte-order mark, as VS Code shows a file. */
export function decodeText(bytes: Uint8Array): string {
  const text = new TextDecoder('utf-8').decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
