/**
 * Reads a folder's lexicon file (`.crime-annotator/lexicon.json` by default) into the lexicon its
 * documents are analysed with. The file comes from the workspace, so it is bounded
 * (`LEXICON_LIMITS`): a file over the size limit is never read, and one with invalid entries is
 * reported once and the built-in lexicon used; a missing one is the usual case and says nothing. In
 * Restricted Mode no lexicon is read from the workspace until it is trusted.
 */
import { compileLexiconSteps, LEXICON_LIMITS, limitNote, validateLexiconExtension, type LexiconExtension } from '../lexicon';
import { runInSlices } from '../slices';
import { builtInLexicon, keepCompiledLexicon, type LexiconRef } from './engine';
import type { CorpusFolder, WorkspacePort } from './port';

let generation = 0;

/** The longest time, in ms, one slice of compiling a folder's lexicon held the reader's thread. */
export let longestLexiconCompileSliceMs = 0;

export async function readFolderLexicon(port: WorkspacePort, folder: CorpusFolder, relative: string): Promise<LexiconRef> {
  if (!relative) return builtInLexicon;
  const uri = port.joinPath(folder, relative);
  const where = port.displayPath(uri);
  if (!port.isTrusted()) {
    port.log.info(`Restricted Mode: the workspace lexicon ${where} is not read until the workspace is trusted.`);
    return builtInLexicon;
  }
  const stat = await port.stat(uri).catch(() => undefined);
  if (!stat) return builtInLexicon;
  // A file past the size limit is never read: parsing and compiling it is what could exhaust the host.
  if (stat.size > LEXICON_LIMITS.fileBytes) {
    port.log.notifyOnce(
      `lexicon:size:${uri}:${stat.size}`,
      `Crime Annotator did not use ${where}: it is ${stat.size.toLocaleString('en-GB')} bytes ${limitNote('fileBytes')}. The built-in lexicon is used.`,
    );
    return builtInLexicon;
  }
  let raw: Uint8Array;
  try {
    raw = await port.readFile(uri);
  } catch {
    return builtInLexicon;
  }
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
    port.log.notifyOnce(
      `lexicon:${uri}:${problems.join('|')}`,
      `Crime Annotator did not use ${where}: ${problems.slice(0, 3).join('; ')}${more}. The built-in lexicon is used.`,
    );
    return builtInLexicon;
  }
  const extension = value as LexiconExtension;
  // Compiled in slices: even a lexicon at every limit never holds the reader's thread for long, and
  // what only compiling finds (the compiled-size limit) is told now.
  const compiled = await runInSlices(compileLexiconSteps(extension), port.schedule);
  longestLexiconCompileSliceMs = Math.max(longestLexiconCompileSliceMs, compiled.longestSliceMs);
  const lexicon = compiled.value;
  if (lexicon.problems.length > 0)
    port.log.notifyOnce(
      `lexicon:${uri}:${lexicon.problems.join('|')}`,
      `Crime Annotator used ${where} only in part: ${lexicon.problems.slice(0, 3).join('; ')}.`,
    );
  port.log.info(`Using the lexicon ${where} for the documents of ${folder.name} (compiled in slices of at most ${Math.round(compiled.longestSliceMs)} ms).`);
  const ref: LexiconRef = { key: `${folder.uri}#${++generation}`, extension };
  keepCompiledLexicon(ref.key, lexicon);
  return ref;
}

/** UTF-8 without a byte-order mark, as VS Code shows a file. */
export function decodeText(bytes: Uint8Array): string {
  const text = new TextDecoder('utf-8').decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
