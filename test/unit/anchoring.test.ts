import * as assert from 'node:assert/strict';
import { describeSpan, reanchor, shiftSpan, shiftSpanThrough, similarity } from '../../src/core/anchoring';

const release = [
  'Officers in Northshire made 41 arrests during the week of action.',
  '',
  'They seized £18,250 in cash and 2.4kg of suspected Class A drugs.',
  '',
  'A second team made 41 arrests in the coastal towns, the force said.',
  '',
].join('\n');

function spanOf(text: string, quote: string, nth = 0): { start: number; end: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(quote, at + 1);
  assert.ok(at >= 0, `"${quote}" #${nth} not in text`);
  return { start: at, end: at + quote.length };
}

describe('anchoring: describeSpan', () => {
  it('keeps the quote and up to 32 characters of context either side', () => {
    const { start, end } = spanOf(release, '£18,250');
    const anchor = describeSpan(release, start, end);
    assert.equal(anchor.exact, '£18,250');
    assert.equal(anchor.prefix, release.slice(start - 32, start));
    assert.equal(anchor.suffix, release.slice(end, end + 32));
    assert.equal(anchor.prefix.length, 32);
  });

  it('clips context at the ends of the text and refuses spans that do not fit', () => {
    const anchor = describeSpan('41 arrests', 0, 2);
    assert.deepEqual(anchor, { exact: '41', prefix: '', suffix: ' arrests', start: 0, end: 2 });
    assert.throws(() => describeSpan('abc', 2, 2), RangeError);
    assert.throws(() => describeSpan('abc', 1, 4), RangeError);
  });
});

describe('anchoring: shiftSpan', () => {
  const span = { start: 10, end: 15 };
  it('moves a span past an insertion before it, including one at its left edge', () => {
    assert.deepEqual(shiftSpan(span, { start: 2, end: 2, text: 'abc' }), { start: 13, end: 18 });
    assert.deepEqual(shiftSpan(span, { start: 10, end: 10, text: 'x' }), { start: 11, end: 16 });
  });
  it('ignores changes after it, including an insertion at its right edge', () => {
    assert.deepEqual(shiftSpan(span, { start: 15, end: 15, text: 'x' }), span);
    assert.deepEqual(shiftSpan(span, { start: 20, end: 30, text: '' }), span);
  });
  it('gives up when a change overlaps it', () => {
    assert.equal(shiftSpan(span, { start: 12, end: 13, text: '' }), undefined);
    assert.equal(shiftSpan(span, { start: 5, end: 11, text: 'y' }), undefined);
  });
  it('applies the changes of one event, given against the old text in any order', () => {
    const changes = [
      { start: 0, end: 0, text: 'AAAA' },
      { start: 20, end: 25, text: '' },
      { start: 5, end: 8, text: '' },
    ];
    assert.deepEqual(shiftSpanThrough(span, changes), { start: 11, end: 16 });
  });
});

describe('anchoring: reanchor', () => {
  const figure = spanOf(release, '£18,250');
  const anchor = describeSpan(release, figure.start, figure.end);

  it('finds the quote at its place when nothing moved', () => {
    assert.deepEqual(reanchor(release, anchor), { status: 'anchored', start: figure.start, end: figure.end, method: 'position' });
  });

  it('follows the quote after text is inserted above it', () => {
    const edited = 'UPDATED: figures revised on Friday.\n\n' + release;
    const r = reanchor(edited, anchor);
    assert.equal(r.status, 'anchored');
    assert.equal(edited.slice((r as { start: number }).start, (r as { end: number }).end), '£18,250');
    assert.equal((r as { start: number }).start, figure.start + 37);
  });

  it('tells repeated quotes apart by their context', () => {
    const second = spanOf(release, '41 arrests', 1);
    const a = describeSpan(release, second.start, second.end);
    // Delete the whole first paragraph: the first "41 arrests" goes, the positions of the rest shift.
    const firstParagraphEnd = release.indexOf('\n\n') + 2;
    const edited = 'The force made 41 arrests.\n\n' + release.slice(firstParagraphEnd);
    const r = reanchor(edited, a);
    assert.equal(r.status, 'anchored');
    const start = (r as { start: number }).start;
    assert.equal(start, edited.indexOf('41 arrests in the coastal'), 'the one in the coastal-towns sentence, not the nearer one');
  });

  it('re-attaches after the paragraph it is in moves', () => {
    const paragraphs = release.split('\n\n');
    const moved = [paragraphs[2], paragraphs[0], paragraphs[1]].join('\n\n');
    const r = reanchor(moved, anchor);
    assert.equal(r.status, 'anchored');
    assert.equal(moved.slice((r as { start: number }).start, (r as { end: number }).end), '£18,250');
    assert.equal((r as { start: number }).start, moved.indexOf('£18,250'));
  });

  it('re-attaches a quote whose line was re-wrapped, on the same words', () => {
    const span = spanOf(release, 'in cash and 2.4kg');
    const a = describeSpan(release, span.start, span.end);
    const edited = release.replace('in cash and 2.4kg', 'in cash\nand  2.4kg');
    const r = reanchor(edited, a);
    assert.equal(r.status, 'anchored');
    assert.equal((r as { method: string }).method, 'whitespace');
    assert.equal(edited.slice((r as { start: number }).start, (r as { end: number }).end), 'in cash\nand  2.4kg');
  });

  it('orphans a mark whose figure was edited, offering the similar text as a suggestion only', () => {
    const edited = release.replace('£18,250', '£18,50');
    const r = reanchor(edited, anchor);
    assert.equal(r.status, 'orphaned');
    assert.ok(r.status === 'orphaned' && r.suggestion, 'a suggestion is offered');
    assert.equal(r.suggestion.text.startsWith('£18,50'), true);
    assert.ok(r.suggestion.similarity >= 0.6 && r.suggestion.similarity < 1);
  });

  it('suggests the whole transposed figure, not a shorter piece equally similar', () => {
    const r = reanchor(release.replace('£18,250', '£18,520'), anchor);
    assert.ok(r.status === 'orphaned' && r.suggestion);
    assert.equal(r.suggestion.text, '£18,520');
  });

  it('orphans a mark whose text was deleted, with no suggestion when nothing is like it', () => {
    const a = describeSpan(release, ...(Object.values(spanOf(release, 'Class A drugs')) as [number, number]));
    const edited = release.replace('2.4kg of suspected Class A drugs', 'two vehicles');
    assert.deepEqual(reanchor(edited, a), { status: 'orphaned' });
  });

  it('prefers the expected position when the caller followed the edits', () => {
    const text = '12 arrests. 12 arrests.';
    const a = { exact: '12', prefix: '', suffix: '', start: 0, end: 2 };
    assert.equal((reanchor(text, a, { expectedStart: 12 }) as { start: number }).start, 12);
    assert.equal((reanchor(text, a) as { start: number }).start, 0);
  });
});

describe('anchoring: similarity', () => {
  it('is 1 for equal text and falls with each edit', () => {
    assert.equal(similarity('£18,250', '£18,250'), 1);
    assert.ok(similarity('£18,250', '£18,50') > similarity('£18,250', '£9'));
    assert.equal(similarity('', ''), 1);
  });
});
