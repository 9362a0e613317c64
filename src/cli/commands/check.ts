import { exportJson } from '../../core/export';
import { runCorpus, type AnalysedDocument } from '../corpus';
import { documentLine, recordLine, summaryLine } from '../ndjson';
import { checkTextOf, checkTotalsLine, type CheckTotals } from '../textReport';
import type { CorpusCommandOptions } from './options';

export interface CheckOptions extends CorpusCommandOptions {
  readonly format: 'text' | 'json' | 'ndjson';
}

export async function runCheck(paths: readonly string[], options: CheckOptions): Promise<number> {
  const out = process.stdout;
  const streaming = options.format !== 'json';
  const totals: CheckTotals = { documents: 0, figure: 0, organisation: 0, 'legal-term': 0 };
  const onDocument = (d: AnalysedDocument) => {
    if (options.format === 'text') out.write(checkTextOf(d.path, d.text, d.document.analysis, totals));
    else if (options.format === 'ndjson') out.write(documentLine(d) + '\n');
  };
  const corpus = await runCorpus(paths, { ...options, retain: streaming ? 'record' : 'documents', withAnalysis: true, onDocument });
  try {
    if (options.format === 'json') {
      const sources = corpus.documents.map((id) => ({
        docId: id,
        path: corpus.pathOf(id),
        analysis: corpus.index.get(id)!.analysis,
        checks: corpus.index.checksFor(id),
      }));
      out.write(exportJson(sources, corpus.index.records(), { pathOfOtherSource: corpus.pathOf }));
    } else if (options.format === 'ndjson') {
      for (const r of corpus.index.records()) out.write(recordLine(r, corpus.pathOf) + '\n');
      out.write(summaryLine(corpus) + '\n');
    } else {
      out.write(checkTotalsLine(totals) + '\n');
    }
  } finally {
    corpus.dispose();
  }
  return 0;
}
