import * as path from 'node:path';
import { SingleBar } from 'cli-progress';
import { analyze, buildRecord, type BuiltRecord, type CompiledLexicon, type SourceDocument } from '../core';
import { collectFiles, readText } from './files';

export interface AnalysedCorpus {
  readonly documents: readonly (SourceDocument & { readonly path: string })[];
  readonly references: readonly string[];
  readonly record: BuiltRecord;
}

/** Corpora larger than this get a progress bar (when stderr is a terminal). */
const PROGRESS_THRESHOLD = 200;

/**
 * Reads, analyses and cross-links every document under `inputs`, with the reference tables among
 * them taking part as authoritative sources. Notices about a document go to stderr, never lost.
 */
export function analyseCorpus(inputs: readonly string[], lexicon: CompiledLexicon): AnalysedCorpus {
  const files = collectFiles(inputs);
  const progress = files.documents.length > PROGRESS_THRESHOLD && process.stderr.isTTY ? new SingleBar({ format: 'analysing {bar} {value}/{total} documents', stream: process.stderr, hideCursor: true }) : undefined;
  progress?.start(files.documents.length, 0);
  const documents = files.documents.map((file) => {
    const text = readText(file);
    const analysis = analyze(text, { lexicon });
    for (const notice of analysis.notices) {
      if (notice.code !== 'empty') process.stderr.write(`crime-annotator: ${file}: ${notice.message}\n`);
    }
    progress?.increment();
    return { id: file, path: file, text, analysis };
  });
  progress?.stop();
  const references = files.references.map((file) => ({ tableId: file, text: readText(file), format: path.extname(file).toLowerCase() === '.json' ? ('json' as const) : ('csv' as const) }));
  const record = buildRecord(documents, references);
  for (const problem of record.problems) process.stderr.write(`crime-annotator: ${problem.tableId}: row ${problem.row}: ${problem.message}\n`);
  return { documents, references: files.references, record };
}
