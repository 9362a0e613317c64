import * as assert from 'node:assert/strict';
import { IncrementalAnalysis } from '../../src/core/incremental';
import { LineIndex } from '../../src/core/text/lines';
import { ChunkedRanges, planDecorations } from '../../src/extension/features/decorationPlan';
import type { Annotation } from '../../src/core/types';

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
    const inc = new IncrementalAnalysis(text);
    const annotations = inc.analysis.annotations;
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
    const inc = new IncrementalAnalysis(text);
    const ranges = new ChunkedRanges();
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
