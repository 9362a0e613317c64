import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { crosscheckScoreOf, findExpectations, readExpectations } from '../support/crosscheck-eval';
import { hasSurface, scoreCrosscheck, type CrosscheckExpectations } from '../support/crosscheck-score';

/** A crosscheck output cut down to what the scorer reads: records and documents' checks, with invented figures. */
const OUTPUT = {
  documents: [
    {
      path: 'texts/harbour-release.txt',
      checks: [
        {
          checkId: 'c1',
          status: 'conflict',
          kind: 'restatement',
          message: '“Sixty” is an unhedged rounding of “57”',
          operands: [{ text: 'Sixty' }, { text: '57' }],
        },
      ],
    },
    { path: 'texts/harbour-news.txt', checks: [{ checkId: 'c2', status: 'ok', kind: 'sum', operands: [{ text: '30' }, { text: '27' }, { text: '57' }] }] },
  ],
  records: [
    {
      recordId: 'r1',
      status: 'consistent',
      claims: [
        { docId: 'texts/harbour-release.txt', text: '£81,305' },
        { docId: 'texts/harbour-news.txt', text: 'more than £80,000' },
      ],
    },
    {
      recordId: 'r2',
      status: 'conflict',
      claims: [
        { docId: 'texts/harbour-release.txt', text: '1,457' },
        { docId: 'texts/harbour-news.txt', text: '1,475' },
      ],
    },
    {
      recordId: 'r3',
      status: 'conflict',
      claims: [
        { docId: 'texts/harbour-news.txt', text: '12' },
        { docId: 'texts/valley-release.txt', text: '13' },
      ],
    },
  ],
};

const EXPECTATIONS: CrosscheckExpectations = {
  flag: [
    { name: 'headline Sixty vs 57', docs: ['harbour-release'], surfaces: ['Sixty'], with_any: ['57'] },
    { name: 'arrests 1,457 vs 1,475', docs: ['harbour-release', 'harbour-news|harbour-blog'], surfaces: ['1,475'], with_any: ['1,457'] },
    { name: 'never raised', docs: ['valley-release'], surfaces: ['400'], with_any: ['399'] },
  ],
  link: [
    { name: 'cash', docs: ['harbour-release', 'harbour-news'], surfaces: ['£81,305'] },
    { name: 'a part of a longer figure is not the figure', docs: ['harbour-release'], surfaces: ['457'] },
  ],
  trap: [{ name: 'two towns', docs: ['harbour-news', 'valley-release'], surfaces: ['12'] }],
  false_alarm: [{ name: 'the sum is fine', docs: ['harbour-news'], surfaces: ['30', '57'] }],
};

describe('cross-check scorer (npm run eval --crosscheck)', () => {
  it('counts flags, links, traps and the precision of the alarms raised', () => {
    const s = scoreCrosscheck(OUTPUT, EXPECTATIONS);
    assert.deepEqual(
      { ...s, misses: undefined },
      { flagged: 2, flagTotal: 3, linked: 1, linkTotal: 2, trapsAvoided: 1, trapTotal: 2, alarms: 3, realAlarms: 2, alarmPrecision: 0.667, misses: undefined },
    );
    assert.ok(s.misses.includes('not flagged: never raised'));
    assert.ok(s.misses.includes('not linked: a part of a longer figure is not the figure'));
    assert.ok(s.misses.includes('fell into trap: two towns'));
    assert.ok(s.misses.some((m) => m.startsWith('false alarm: ') && m.includes('valley-release')));
  });

  it('finds a surface only as a whole figure inside quoted text', () => {
    assert.ok(hasSurface('{"text":"1,468 arrests"}', '1,468'));
    assert.ok(!hasSurface('{"text":"1,468 arrests"}', '468'));
    assert.ok(!hasSurface('{"text":"21.5 kg"}', '21'));
    assert.ok(hasSurface('{"text":"about 21 people"}', '21'));
    assert.ok(!hasSurface('{"text":"Fifty"}', ''));
  });

  it('gives full marks with no alarms raised and nothing expected, and precision 1 without alarms', () => {
    const s = scoreCrosscheck({ records: [] }, { flag: [], link: [] });
    assert.equal(s.alarmPrecision, 1);
    assert.equal(s.trapTotal, 0);
  });

  it('scores a crosscheck run on a tiny folder, finding expectations.json beside its texts', async function () {
    this.timeout(20_000);
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-score-'));
    try {
      const texts = path.join(root, 'texts');
      fs.mkdirSync(texts);
      fs.writeFileSync(
        path.join(texts, 'tern-police.txt'),
        'Tern Police make 37 arrests in drugs week\nPublished: 20 March 2025\n\nTern Police arrested 37 people and seized £18,452 in cash between 10 and 16 March 2025, during Operation Kestrelwing.\n',
      );
      fs.writeFileSync(
        path.join(texts, 'tern-gazette.txt'),
        'Drugs week nets 37 arrests\nPublished: 21 March 2025\n\nTern Police said officers seized £18,452 in cash and arrested 37 people in Operation Kestrelwing between 10 and 16 March 2025.\n',
      );
      const expectations: CrosscheckExpectations = {
        flag: [],
        link: [{ name: 'cash in both', docs: ['tern-police', 'tern-gazette'], surfaces: ['£18,452'] }],
        false_alarm: [{ name: 'nothing disagrees', docs: ['tern-police'], surfaces: ['37'] }],
      };
      fs.writeFileSync(path.join(root, 'expectations.json'), JSON.stringify(expectations));
      const file = findExpectations(texts);
      assert.equal(file, path.join(root, 'expectations.json'));
      const s = await crosscheckScoreOf(texts, readExpectations(file!));
      assert.equal(s.linked, 1, s.misses.join('\n'));
      assert.equal(s.trapsAvoided, 1, s.misses.join('\n'));
      assert.equal(s.alarms, 0, s.misses.join('\n'));
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('says what is wrong with an unusable expectations file', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-exp-'));
    try {
      const bad = path.join(root, 'expectations.json');
      fs.writeFileSync(bad, '{"flag": [');
      assert.throws(() => readExpectations(bad), /not a readable JSON expectations file/);
      fs.writeFileSync(bad, '{"flag": [], "link": [{"name": "x"}]}');
      assert.throws(() => readExpectations(bad), /needs "docs" and "surfaces"/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('the samples meet their own expectations: every planted discrepancy flagged, no false alarm', async function () {
    this.timeout(30_000);
    const file = path.join(__dirname, '../fixtures/samples-crosscheck.expectations.json');
    const s = await crosscheckScoreOf(path.relative(process.cwd(), path.join(__dirname, '../../samples')), readExpectations(file));
    assert.deepEqual(s.misses, []);
    assert.equal(s.flagged, s.flagTotal);
  });
});
