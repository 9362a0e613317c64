import { exportJson } from '../../core/export';
import { analyseCorpus } from '../corpus';
import { lexiconFromOption } from '../lexiconFile';
import { formatCheckText } from '../textReport';

export interface CheckOptions {
  readonly format: 'text' | 'json';
  readonly lexicon?: string;
}

export function runCheck(paths: readonly string[], options: CheckOptions): number {
  const corpus = analyseCorpus(paths, lexiconFromOption(options.lexicon));
  if (options.format === 'json') {
    const sources = corpus.documents.map((d) => ({ docId: d.id, path: d.path, analysis: d.analysis, checks: corpus.record.checks[d.id] ?? [] }));
    process.stdout.write(exportJson(sources, corpus.record.records));
  } else {
    process.stdout.write(formatCheckText(corpus.documents));
  }
  return 0;
}
