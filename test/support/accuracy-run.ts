/** Runs `analyze()` and the compromise baseline over the gold corpora; shared by the test and the eval script. */
import { analyze } from '../../src/core';
import { compromisePredictions, compromiseUnsupported } from './compromise-baseline';
import {
  CORPORA,
  addScores,
  formatTable,
  loadCorpus,
  scoreDocument,
  type Corpus,
  type DocumentResult,
  type GoldCase,
  type LoadedCorpus,
  type Prediction,
  type Score,
} from './gold';

export interface CaseResult {
  readonly goldCase: GoldCase;
  readonly ours: DocumentResult;
  readonly baseline: DocumentResult;
}

export interface AccuracyRun {
  readonly corpora: readonly LoadedCorpus[];
  readonly results: readonly CaseResult[];
}

export function analyzerPredictions(text: string): Prediction[] {
  return analyze(text).annotations.map((a) => ({
    start: a.start,
    end: a.end,
    kind: a.kind,
    ...(a.kind === 'figure' ? { counts: a.counts, value: a.value, unit: a.unit } : {}),
    ...(a.kind === 'organisation' ? { entityId: a.entityId } : {}),
    ...(a.kind === 'legal-term' ? { category: a.category } : {}),
  }));
}

export function runAccuracy(corpora: readonly Corpus[] = CORPORA): AccuracyRun {
  const loaded = corpora.map((c) => loadCorpus(c));
  const results = loaded.flatMap((c) =>
    c.cases.map((goldCase) => ({
      goldCase,
      ours: scoreDocument(goldCase, analyzerPredictions(goldCase.text)),
      baseline: scoreDocument(goldCase, compromisePredictions(goldCase.text)),
    })),
  );
  return { corpora: loaded, results };
}

export function totals(results: readonly CaseResult[]): { ours: Score; baseline: Score } {
  return { ours: addScores(results.map((r) => r.ours.score)), baseline: addScores(results.map((r) => r.baseline.score)) };
}

/** The per-corpus and combined tables, analyze() beside compromise. */
export function formatRun(run: AccuracyRun): string {
  const groups: Array<[string, readonly CaseResult[]]> = [
    ...run.corpora.map((c): [string, readonly CaseResult[]] => [c.corpus, run.results.filter((r) => r.goldCase.corpus === c.corpus)]),
    ...(run.corpora.length > 1 ? [['all', run.results] as [string, readonly CaseResult[]]] : []),
  ];
  const out: string[] = [];
  for (const c of run.corpora) if (c.skipped) out.push(`${c.corpus}: skipped, ${c.skipped}`);
  for (const [name, results] of groups) {
    if (results.length === 0) continue;
    const t = totals(results);
    out.push(
      formatTable(name, [
        { name: 'analyze()', score: t.ours },
        { name: 'compromise', score: t.baseline, unsupported: compromiseUnsupported },
      ]),
    );
  }
  return out.join('\n\n');
}
