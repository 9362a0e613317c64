import * as assert from 'node:assert/strict';
import { IncrementalAnalysis, type AnalyzeFn } from '../../src/core/incremental';
import { LineIndex } from '../../src/core/text/lines';
import { ChunkedRanges, planDecorations } from '../../src/extension/features/decorationPlan';
import { countWords, splitSentences } from '../../src/core/text/sentences';
import type { Annotation } from '../../src/core/types';

/**
 * Numbers are figures, "Police"/"Service" names organisations, "supply" a legal term: independent
 * of the extractors' state, with lines so a misplaced range shows.
 */
const simpleAnalyze: AnalyzeFn = (t) => {
  const lines = new LineIndex(t);
  const annotations: Annotation[] = [];
  for (const m of t.matchAll(/\d+%?|[A-Z][a-z]+ (?:Police|Service)|supply/g)) {
    const start = m.index!;
    const end = start + m[0].length;
    const base = { start, end, text: m[0], line: lines.lineAt(start), source: 'rule' as const };
    if (/\d/.test(m[0]))
      annotations.push({
        ...base,
        id: `figure:${start}-${end}`,
        kind: 'figure',
        value: parseFloat(m[0]),
        unit: 'count',
        qualifier: 'exact',
        bound: 'exact',
        precision: 1,
        counts: null,
        sentence: { start, end },
      });
    else if (m[0] === 'supply')
      annotations.push({ ...base, id: `legal-term:${start}-${end}`, kind: 'legal-term', termId: 'pwits', canonical: 'supply', category: 'offence' });
    else
      annotations.push({
        ...base,
        id: `organisation:${start}-${end}`,
        kind: 'organisation',
        entityId: m[0],
        canonical: m[0],
        orgType: 'police-force',
        known: true,
      });
  }
  return { words: countWords(t), annotations, sentences: splitSentences(t), meta: {}, notices: [] };
};
const simple = { analyzeFn: simpleAnalyze, readMetaFn: () => ({}) };

const text = [
  'Kent Police made 120 arrests during a week of action in March.',
  '',
  'The Metropolitan Police Service charged 40 people with possession with intent to supply.',
  '',
  'Drug seizures rose 47% from 200 to 310 over the year.',
  '',
].join('\n');
const on = { figures: true, organisations: true, legalTerms: true };

/** The ranges the slow path draws: every annotation of the whole analysis, placed by a line index of the whole text. */
function expected(t: string, annotations: readonly Annotation[], switches = on) {
  const lines = new LineIndex(t);
  const plan = planDecorations(annotations, switches, () => undefined);
  const toRange = (s: { start: number; end: number }) => {
    const a = lines.positionAt(s.start);
    const b = lines.positionAt(s.end);
    return { startLine: a.line, startCharacter: a.character, endLine: b.line, endCharacter: b.character };
  };
  return { figure: plan.figure.map(toRange), organisation: plan.organisation.map(toRange), legalTerm: plan.legalTerm.map(toRange) };
}

describe('planDecorations', () => {
  it('sorts annotations into kinds, drops switched-off kinds and adds trouble marks over figures', () => {
    const annotations = simpleAnalyze(text, {}).annotations;
    const figure = annotations.find((a) => a.kind === 'figure')!;
    const plan = planDecorations(annotations, { figures: true, organisations: false, legalTerms: true }, (id) => (id === figure.id ? 'conflict' : undefined));
    assert.equal(plan.organisation.length, 0);
    assert.equal(plan.figure.length, annotations.filter((a) => a.kind === 'figure').length);
    assert.equal(plan.legalTerm.length, annotations.filter((a) => a.kind === 'legal-term').length);
    assert.deepEqual(plan.conflict, [figure]);
  });
});

describe('ChunkedRanges', () => {
  it('gives the same ranges as placing every annotation in the whole text, through edits that add and remove lines', () => {
    const inc = new IncrementalAnalysis(text, simple);
    const ranges = new ChunkedRanges();
    assert.ok(inc.analysis.annotations.length >= 8);
    assert.deepEqual(ranges.compute(inc.chunkViews()!, on), expected(inc.text, inc.analysis.annotations));
    const edits = [
      { start: 0, end: 0, text: 'Essex Police reported 75 arrests.\n\n' },
      { start: 10, end: 10, text: '9' },
      { start: text.length, end: text.length, text: 'Another 12 arrests.\n' },
      { start: 0, end: 37, text: '' },
      { start: 5, end: 5, text: '\n\n\n' },
    ];
    for (const edit of edits) {
      inc.applyEdit(edit);
      assert.deepEqual(ranges.compute(inc.chunkViews()!, on), expected(inc.text, inc.analysis.annotations), JSON.stringify(edit));
    }
    const off = { figures: false, organisations: true, legalTerms: false };
    assert.deepEqual(ranges.compute(inc.chunkViews()!, off), expected(inc.text, inc.analysis.annotations, off));
  });
});
