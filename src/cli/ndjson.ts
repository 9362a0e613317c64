/**
 * `--format ndjson`: one JSON object a line, so a corpus of any size streams: a `document` line per
 * document as soon as it is analysed, then a `record` line per cross-source record, then one
 * `summary` line. Paths are as given on the command line.
 */
import type { CrossSourceRecord } from '../core/record';
import type { AnalysedDocument, CorpusResult } from './corpus';

export function documentLine(d: AnalysedDocument): string {
  const a = d.document.analysis;
  return JSON.stringify({ type: 'document', path: d.path, words: a.words, meta: a.meta, notices: a.notices, annotations: a.annotations, checks: d.checks });
}

export function recordLine(r: CrossSourceRecord, pathOf: (id: string) => string): string {
  return JSON.stringify({ type: 'record', ...r, claims: r.claims.map((c) => ({ ...c, docId: pathOf(c.docId) })) });
}

export function summaryLine(corpus: CorpusResult): string {
  const records = corpus.index.records();
  const checks = corpus.documents.flatMap((id) => corpus.index.checksFor(id));
  return JSON.stringify({
    type: 'summary',
    documents: corpus.documents.length,
    referenceTables: corpus.references.length,
    skipped: corpus.index.skipped().length,
    records: records.length,
    conflicts: records.filter((r) => r.status === 'conflict').length,
    checks: {
      ok: checks.filter((c) => c.status === 'ok').length,
      warning: checks.filter((c) => c.status === 'warning').length,
      conflict: checks.filter((c) => c.status === 'conflict').length,
    },
    analysed: corpus.stats.analysed,
    fromCache: corpus.stats.fromCache,
  });
}
