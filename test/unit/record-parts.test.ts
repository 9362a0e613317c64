import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { buildRecord, type SourceDocument } from '../../src/core/record';

/**
 * Parts and totals on the real pipeline, with invented releases: a breakdown by kind that adds up or
 * narrowly misses, a list after "including" that is not expected to add up, a part larger than its whole,
 * and a part that another source repeats, which joins the part, never the whole.
 */
const HEAD = 'Drug lines week results\nPublished: 24 May 2025\n\n';

function doc(id: string, body: string): SourceDocument {
  const text = HEAD + body;
  return { id, text, analysis: analyze(text) };
}

function checksOf(d: SourceDocument) {
  return buildRecord([d]).checks[d.id].map((c) => [c.status, c.rule, c.arithmetic]);
}

describe('record: parts and totals', () => {
  it('checks a breakdown by kind against the total it follows', () => {
    const d = doc('a.txt', 'Officers seized 182 weapons during the week: 29 firearms, 97 knives, 44 machetes and 12 crossbows.\n');
    assert.deepEqual(checksOf(d), [['ok', 'breakdown-adds-up', '29 + 97 + 44 + 12 = 182']]);
  });

  it('flags a breakdown by kind that misses its total narrowly, and says by how much', () => {
    const d = doc('b.txt', 'Officers seized 183 weapons during the week: 29 firearms, 97 knives, 44 machetes and 12 crossbows.\n');
    assert.deepEqual(checksOf(d), [['conflict', 'breakdown-near-miss', '29 + 97 + 44 + 12 = 182 (stated: 183)']]);
  });

  it('does not read a list far from the total as its breakdown (three figures in one sentence are not parts)', () => {
    const d = doc('c.txt', 'Officers seized 240 weapons during the week: 29 firearms, 97 knives, 44 machetes and 12 crossbows.\n');
    assert.deepEqual(checksOf(d), []);
  });

  it('does not expect the examples after "including" to add up to the total', () => {
    const d = doc('d.txt', 'Officers seized 300 weapons during the week, including 29 firearms, 97 knives and 44 machetes.\n');
    assert.deepEqual(checksOf(d), []);
  });

  it('flags a part larger than the whole it is given as part of', () => {
    const d = doc('e.txt', 'Officers safeguarded 610 vulnerable people, including 655 children, during the week.\n');
    assert.deepEqual(checksOf(d), [['conflict', 'part-exceeds-total', '655 > 610']]);
  });

  it('adds up parts introduced by "of whom"', () => {
    const d = doc('f.txt', 'Officers arrested 517 people during the week, of whom 468 were men and 49 were women.\n');
    assert.deepEqual(
      checksOf(d).map((c) => [c[0], c[2]]),
      [['ok', '468 + 49 = 517']],
    );
  });

  it('never links a part to its whole as a restatement, in its own document or across documents', () => {
    const a = doc('a.txt', 'Officers safeguarded 1,206 vulnerable people, including 744 children, and seized £731,460 in cash.\n');
    const b = doc('b.txt', 'During the week 1,206 vulnerable people were safeguarded. Police said 744 of them were children. Cash of £731,460 was seized.\n');
    const c = doc('c.txt', 'Across the week of action 752 vulnerable people were safeguarded and £731,460 in cash was seized.\n');
    const { records, events } = buildRecord([a, b, c]);
    assert.deepEqual(
      events.map((e) => e.documents),
      [['a.txt', 'b.txt', 'c.txt']],
      'the shared £731,460 puts them in one event',
    );
    const whole = records.find((r) => r.claims.some((x) => x.docId === 'a.txt' && x.text === '1,206'))!;
    assert.deepEqual(
      whole.claims.map((x) => `${x.docId}:${x.text}`),
      ['a.txt:1,206', 'b.txt:1,206'],
    );
    const part = records.find((r) => r.claims.some((x) => x.docId === 'a.txt' && x.text === '744'))!;
    assert.deepEqual(
      part.claims.map((x) => `${x.docId}:${x.text}`),
      ['a.txt:744', 'b.txt:744'],
    );
    // Another source's different value near a part is more likely another sub-count than a conflict with it.
    assert.notEqual(part.status, 'conflict', part.explanation);
  });
});
