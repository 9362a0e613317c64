import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import type { FigureAnnotation } from '../../src/core/types';

/**
 * Number formats seen in real reporting (issue 11, item 5), with invented sentences: each is read as the
 * writer meant, and where the reading is a guess a warning says which reading was used.
 */
function figures(text: string): FigureAnnotation[] {
  return analyze(text).annotations.filter((a): a is FigureAnnotation => a.kind === 'figure');
}

const codes = (f: FigureAnnotation) => (f.warnings ?? []).map((w) => w.code);

describe('number formats in real text', () => {
  it('reads "1360" and "1,360", "£75k" and "£75,000" as the same values, with nothing to warn about', () => {
    const [plain, grouped] = figures('Officers arrested 1360 people in Wexham. Officers in Tarnby arrested 1,360 people.');
    assert.equal(plain.value, 1360);
    assert.equal(grouped.value, 1360);
    assert.deepEqual([codes(plain), codes(grouped)], [[], []]);
    const [k, full] = figures('Detectives seized £75k in cash at one flat and £75,000 in cash at another.');
    assert.equal(k.value, 75_000);
    assert.equal(full.value, 75_000);
    assert.deepEqual([codes(k), codes(full)], [[], []]);
  });

  it('never reads "thousands" or "hundreds of pounds" as a figure', () => {
    assert.deepEqual(figures('Thousands of residents were warned and hundreds of pounds in cash was found.'), []);
  });

  it('reads digits with a comma in an unusual place as one number, and says so', () => {
    const [f] = figures('The team made 2,4500 doorstep visits.');
    assert.equal(f.value, 24_500);
    assert.equal(f.text, '2,4500');
    assert.deepEqual(codes(f), ['irregular-grouping']);
    assert.match(f.warnings![0].message, /read as the one number 24,500/);
  });

  it('reads Indian (lakh) grouping as the number it writes', () => {
    const [f] = figures('Customs officers seized £3,45,000 in cash.');
    assert.equal(f.value, 345_000);
    assert.equal(f.unit, 'GBP');
    assert.match(f.warnings![0].message, /Indian style.*345,000/);
  });

  it('reads pounds with a decimal comma as pounds and pence, naming the thousands reading', () => {
    const [f] = figures('A fine of £85,40 was paid.');
    assert.equal(f.value, 85.4);
    assert.match(f.warnings![0].message, /decimal comma as 85\.40.*8,540/);
  });

  it('keeps digits joined by a comma that may be a list as separate numbers, each with a warning', () => {
    const found = figures('Police made 27,40 arrests in Dunmore.');
    assert.deepEqual(
      found.map((f) => f.value),
      [27, 40],
    );
    for (const f of found) {
      assert.deepEqual(codes(f), ['irregular-grouping']);
      assert.match(f.warnings![0].message, /27 and 40.*2,740.*27\.4/);
    }
  });

  it('reads a long comma-joined run as the list it is, without a warning per number', () => {
    const found = figures('Cells 3,5,7,9,11,13,15,17,19,21 were searched.');
    assert.deepEqual(
      found.map((f) => f.value),
      [3, 5, 7, 9, 11, 13, 15, 17, 19, 21],
    );
    assert.ok(found.every((f) => codes(f).length === 0));
  });

  it('does not join a date whose space was lost ("May 14,2022") into one number', () => {
    assert.ok(!figures('On May 14,2022 police made 6 arrests.').some((f) => f.value === 142_022));
  });

  it('warns when a count is written with a point and three digits ("1.250 arrests")', () => {
    const [f] = figures('Forces made 1.250 arrests over the fortnight.');
    assert.equal(f.value, 1.25);
    assert.deepEqual(codes(f), ['thousands-point']);
    assert.match(f.warnings![0].message, /it is 1,250/);
    const [avg] = figures('Each household had 2.5 children on average.');
    assert.deepEqual(codes(avg), []);
  });

  it('reads a sum cut off where a page ends (a form feed) as a lower bound, as at the end of the text', () => {
    const [f] = figures('The haul was worth more than £4.\fPage 2\nOfficers said the operation would continue.');
    assert.deepEqual(codes(f), ['cut-off']);
    assert.match(f.warnings![0].message, /^The page ends right after/);
    const [mid] = figures('The haul was worth more than £4.\nOfficers said the operation would continue.');
    assert.deepEqual(codes(mid), []);
    const [bare] = figures('The haul was worth more than £4\fPage 2\nOfficers said the operation would continue.');
    assert.deepEqual(codes(bare), ['cut-off'], 'a figure right before the form feed');
    const [beforeLaterPage] = figures('The haul was worth more than £4.\nOfficers said the operation would continue.\fPage 2');
    assert.deepEqual(codes(beforeLaterPage), [], 'a page that ends further on cuts nothing off here');
  });
});
