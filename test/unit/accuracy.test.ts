import * as assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { formatRun, runAccuracy, totals, type AccuracyRun } from '../support/accuracy-run';
import { countsRate, goldDir, loadCorpus, matchSpans, rates, samplesDir, scoreDocument, type GoldCase } from '../support/gold';

describe('gold scoring', () => {
  it('pairs overlapping spans one-to-one, largest overlap first', () => {
    const gold = [
      { start: 0, end: 13 },
      { start: 14, end: 17 },
    ];
    const predicted = [
      { start: 10, end: 17 },
      { start: 5, end: 13 },
    ];
    const pairs = matchSpans(gold, predicted);
    assert.deepEqual(pairs, [
      [gold[0], predicted[1]],
      [gold[1], predicted[0]],
    ]);
  });

  it('skips a corpus whose texts are absent instead of failing', () => {
    const loaded = loadCorpus('seeds', path.join(goldDir, 'no-such-folder'));
    assert.deepEqual(loaded.cases, []);
    assert.match(loaded.skipped ?? '', /no-such-folder is absent/);
  });

  it('counts precision, recall, exact spans and counts per kind', () => {
    const goldCase: GoldCase = {
      corpus: 'samples',
      document: 'x',
      text: 'more than 290 arrests by the Met',
      gold: [
        { start: 0, end: 13, kind: 'figure', counts: ['arrests'] },
        { start: 29, end: 32, kind: 'organisation', entityId: 'met' },
      ],
    };
    const result = scoreDocument(goldCase, [
      { start: 10, end: 13, kind: 'figure', counts: 'charges' },
      { start: 29, end: 32, kind: 'figure', counts: null },
      { start: 29, end: 32, kind: 'organisation', entityId: 'metropolitan-police' },
    ]);
    assert.deepEqual(rates(result.score.byKind.figure), { precision: 0.5, recall: 1, f1: 2 / 3, exactRate: 0 });
    assert.equal(countsRate(result.score), 0);
    assert.deepEqual(result.score.entityIds, { compared: 1, agreed: 0 });
    assert.equal(rates(result.score.byKind.organisation).f1, 1, 'entity ids do not enter the F1');
    assert.deepEqual(
      result.falsePositives.map((m) => [m.kind, m.start]),
      [['figure', 29]],
    );
  });
});

describe('accuracy against the hand-annotated gold set', function () {
  this.timeout(300_000);
  let run: AccuracyRun;

  before(() => {
    run = runAccuracy();
    console.log(`\n${formatRun(run)}\n`);
  });

  it('seed gold still fits the seed texts', function () {
    const seeds = run.corpora.find((c) => c.corpus === 'seeds')!;
    if (seeds.skipped) {
      console.log(`    seeds skipped: ${seeds.skipped}; the targets below are measured on the samples only`);
      this.skip();
    }
    assert.deepEqual(seeds.problems, []);
    assert.equal(seeds.cases.length, 5);
  });

  it('every sample has gold, and the sample gold still fits its text', () => {
    const samples = existsSync(samplesDir) ? readdirSync(samplesDir).filter((f) => f.endsWith('.crime.txt')) : [];
    const annotated = readdirSync(path.join(goldDir, 'samples')).map((f) => f.replace(/\.json$/, ''));
    assert.deepEqual(
      samples.filter((f) => !annotated.includes(f)),
      [],
      'samples without gold: annotate them following GUIDELINES.md',
    );
    assert.deepEqual(run.corpora.find((c) => c.corpus === 'samples')!.problems, []);
  });

  it('held-out gold still fits its texts', () => {
    const heldout = run.corpora.find((c) => c.corpus === 'heldout')!;
    assert.deepEqual(heldout.problems, []);
    assert.ok(heldout.cases.length >= 3, `only ${heldout.cases.length} held-out documents loaded`);
  });

  it('dev gold (figures only) still fits its texts', () => {
    const dev = run.corpora.find((c) => c.corpus === 'dev')!;
    assert.deepEqual(dev.problems, []);
    assert.ok(dev.cases.length >= 10, `only ${dev.cases.length} dev documents loaded`);
    assert.ok(
      dev.cases.every((c) => c.kinds?.length === 1 && c.kinds[0] === 'figure'),
      'dev gold annotates figures only',
    );
  });

  it('blind gold still fits its texts', () => {
    const blind = run.corpora.find((c) => c.corpus === 'blind')!;
    assert.deepEqual(blind.problems, []);
    assert.equal(blind.cases.length, 6, 'the blind set has six documents');
  });

  const target = (name: string, actual: () => number, minimum: number) =>
    it(`${name} >= ${minimum} on all gold documents`, () => {
      assert.ok(run.results.length > 0, 'no gold documents were loaded');
      const value = actual();
      assert.ok(value >= minimum, `${name} is ${value.toFixed(3)}, below ${minimum} (run npx tsx scripts/eval-accuracy.ts --errors)`);
    });
  target('figures F1', () => rates(totals(run.results).ours.byKind.figure).f1, 0.95);
  target('organisations F1', () => rates(totals(run.results).ours.byKind.organisation).f1, 0.9);
  target('legal terms F1', () => rates(totals(run.results).ours.byKind['legal-term']).f1, 0.9);
  target('figure counts right', () => countsRate(totals(run.results).ours), 0.85);
});
