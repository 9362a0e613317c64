import { compileLexicon, validateLexiconExtension, type CompiledLexicon, type LexiconExtension } from '../core';
import { InputError, readText } from './files';

/** The lexicon a command uses: the built-in one, extended by the file given with --lexicon. */
export function lexiconFromOption(file: string | undefined): CompiledLexicon {
  return file ? loadLexiconFile(file) : compileLexicon();
}

/** Reads a workspace lexicon file; problems with entries are reported and those entries skipped. */
function loadLexiconFile(file: string): CompiledLexicon {
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
