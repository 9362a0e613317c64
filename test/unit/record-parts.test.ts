import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { buildRecord, type SourceDocument } from '../../src/core/record';
import { isRemainder } from '../../src/core/record/roles';
import { CHECK_REACH_CHARS } from '../../src/core/record/checks/context';

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

  it('does not hold a change or a share of a part to its whole: only counts and amounts add up', () => {
    const change = doc('e2.txt', 'Recorded vehicle crime fell by 9%, including a 14% fall in thefts from vehicles.\n');
    assert.deepEqual(checksOf(change), []);
    const count = doc('e3.txt', 'Officers recorded 410 vehicle crimes, including 455 thefts from vehicles.\n');
    assert.deepEqual(checksOf(count), [['conflict', 'part-exceeds-total', '455 > 410']]);
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

  it('never reads the rest of a group or more of it ("the other eight", "a further eight") as a rounding of the group', () => {
    // Its own headline: the headline is what the body's figure would be taken to restate.
    for (const rest of ['A further eight men were sentenced on Monday.', 'The other eight defendants were sentenced to between two and six years.']) {
      const text =
        'Ten men sentenced over drug conspiracy\n\nTen men have been sentenced at Leeds Crown Court for their part in a drug conspiracy.\n\n' +
        `The ringleader was given 11 years.\n\n${rest}\n`;
      const d: SourceDocument = { id: 'g.txt', text, analysis: analyze(text) };
      const built = buildRecord([d]);
      assert.deepEqual(
        built.records.filter((r) => r.status === 'conflict').map((r) => r.explanation),
        [],
        rest,
      );
      assert.deepEqual(
        built.checks[d.id].filter((c) => c.status === 'conflict').map((c) => c.message),
        [],
        rest,
      );
      const eight = built.records.find((r) => r.measure === 'people sentenced' && r.claims.some((c) => c.text === 'eight'))!;
      assert.deepEqual(
        eight.claims.map((c) => c.text),
        ['eight'],
        rest,
      );
    }
  });

  it('knows the wordings of a remainder or an addition', () => {
    const at = (text: string, figure: string) => {
      const start = text.indexOf(figure);
      return isRemainder(text, { start, end: start + figure.length });
    };
    assert.equal(at('The other eight defendants were jailed.', 'eight'), true);
    assert.equal(at('The remaining four were cleared.', 'four'), true);
    assert.equal(at('A further 12 people were arrested.', '12'), true);
    assert.equal(at('Another 30 were charged.', '30'), true);
    assert.equal(at('Eight other men were charged.', 'Eight'), true);
    assert.equal(at('Police made 12 more arrests.', '12'), true);
    assert.equal(at('The eight defendants were jailed.', 'eight'), false);
    assert.equal(at('Officers made 12 arrests, more than last year.', '12'), false);
  });

  it('takes parts from within reach of their total in a long document, not from a stretch tens of thousands of characters away', () => {
    // A long document (a report, a digest of many stories) is read in stretches (CHECK_REACH_CHARS): its
    // checks then cost in proportion to its length, and "20 men and 25 women" pages later is another story's.
    const filler = 'The operation went on across the county with patrols, visits to schools and advice to landlords. '.repeat(20) + '\n\n';
    const release = (paragraphs: number) =>
      doc('long.txt', `Officers arrested 45 people during the week.\n\n${filler.repeat(paragraphs)}Of those held, 20 men and 25 women were bailed.\n`);
    const near = release(5);
    assert.ok(near.text.length < CHECK_REACH_CHARS);
    assert.deepEqual(checksOf(near), [['ok', undefined, '20 + 25 = 45']]);
    const far = release(30);
    assert.ok(far.text.length > 2 * CHECK_REACH_CHARS);
    assert.deepEqual(checksOf(far), []);
  });
});
