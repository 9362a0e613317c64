import { analyze, compileLexicon, type CompiledLexicon } from '../../core';
import { collectFiles, readText } from '../files';
import { loadLexiconFile } from '../lexiconFile';
import { formatCheckText } from '../textReport';

export interface CheckOptions {
  readonly format: 'text' | 'json';
  readonly lexicon?: string;
}

export function runCheck(paths: readonly string[], options: CheckOptions): number {
  const files = collectFiles(paths);
  const lexicon: CompiledLexicon = options.lexicon ? loadLexiconFile(options.lexicon) : compileLexicon();
  const documents = files.documents.map((path) => {
    const text = readText(path);
    const analysis = analyze(text, { lexicon });
    for (const notice of analysis.notices) {
      if (notice.code !== 'empty') process.stderr.write(`crime-annotator: ${path}: ${notice.message}\n`);
    }
    return { path, text, analysis };
  });
  if (options.format === 'json') {
    const out = {
      documents: documents.map(({ path, analysis }) => ({
        path,
        words: analysis.words,
        meta: analysis.meta,
        notices: analysis.notices,
        annotations: analysis.annotations,
      })),
    };
    process.stdout.write(JSON.stringify(out, null, 2) + '\n');
  } else {
    process.stdout.write(formatCheckText(documents));
  }
  return 0;
}
