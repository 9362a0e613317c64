import * as fs from 'node:fs';
import { compileLexicon, LEXICON_LIMITS, validateLexiconExtension, type CompiledLexicon, type LexiconExtension } from '../core';
import { limitNote } from '../core/lexicon';
import { InputError, readText } from './files';

/** The lexicon a command uses: the built-in one, extended by the file given with --lexicon. */
export function lexiconFromOption(file: string | undefined): CompiledLexicon {
  return file ? loadLexiconFile(file) : compileLexicon();
}

/** Reads a workspace lexicon file; problems with entries are reported and those entries skipped. */
function loadLexiconFile(file: string): CompiledLexicon {
  let size = 0;
  try {
    size = fs.statSync(file).size;
  } catch {
    /* readText says what is wrong with the path */
  }
  if (size > LEXICON_LIMITS.fileBytes) throw new InputError(`${file} is ${size.toLocaleString('en-GB')} bytes, too large for a lexicon ${limitNote('fileBytes')}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readText(file));
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${file} is not valid JSON: ${(e as Error).message}`);
  }
  const problems = validateLexiconExtension(parsed);
  for (const problem of problems) process.stderr.write(`crime-annotator: ${file}: ${problem}\n`);
  const lexicon = compileLexicon(parsed as LexiconExtension);
  // Problems found only while compiling (the compiled-size limit).
  for (const problem of lexicon.problems) if (!problems.includes(problem)) process.stderr.write(`crime-annotator: ${file}: ${problem}\n`);
  return lexicon;
}
