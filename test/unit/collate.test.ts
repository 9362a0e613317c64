import * as assert from 'node:assert/strict';
import { sortByLabel } from '../../src/core/text/collate';

const enGB = (a: string, b: string) => a.localeCompare(b, 'en-GB');

describe('sorting by a label in a locale’s order', () => {
  it('gives exactly the order a stable sort comparing each pair of labels gives', () => {
    // Repeated labels, labels outside ASCII, and two spellings the collation holds equal (é composed and decomposed).
    const parts = ['arrests · Kent', 'arrests', 'Arrests · Essex', 'café · Leeds', 'cafe\u0301 · Leeds', 'weapons · Kent', 'éclair'];
    const items = Array.from({ length: 400 }, (_, i) => ({ id: i, status: (i * 7) % 3, label: parts[(i * 13) % parts.length] }));
    const byStatus = (a: { status: number }, b: { status: number }) => a.status - b.status;
    const expected = [...items].sort((a, b) => byStatus(a, b) || enGB(a.label, b.label));
    const got = sortByLabel([...items], (x) => x.label, enGB, byStatus);
    assert.equal(enGB('café', 'cafe\u0301'), 0, 'the test needs two labels the collation holds equal');
    assert.deepEqual(
      got.map((x) => x.id),
      expected.map((x) => x.id),
    );
  });

  it('asks the collation about distinct labels only', () => {
    const items = Array.from({ length: 1000 }, (_, i) => ({ label: `measure ${i % 10} · place` }));
    let compared = 0;
    sortByLabel(
      items,
      (x) => x.label,
      (a, b) => (compared++, enGB(a, b)),
    );
    // Sorting ten labels and checking nine neighbours: far fewer than the thousands a sort of 1,000 items would make.
    assert.ok(compared < 60, `${compared} comparisons`);
  });
});
