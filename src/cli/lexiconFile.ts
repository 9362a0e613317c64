import { compileLexicon, validateLexiconExtension, type CompiledLexicon, type LexiconExtension } from '../core';
import { InputError, readText } from './files';

/** Reads a workspace lexicon file; problems with entries are reported and those entries skipped. */
export function loadLexiconFile(file: string): CompiledLexicon {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readText(file));
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${file} is not valid JSON: ${(e as Error).message}`);
  }
  for (const problem of validateLexiconExtension(parsed)) process.stderr.write(`crime-annotator: ${file}: ${problem}\n`);
  return compileLexicon(parsed as LexiconExtension);
}
