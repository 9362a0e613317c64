import * as assert from 'node:assert/strict';
import { LineIndex } from '../../src/core/text/lines';
import { paragraphAround, paragraphFinder } from '../../src/core/extract/spans';
import { countWords, MAX_SENTENCE_LENGTH, splitSentences } from '../../src/core/text/sentences';

const texts = (t: string) => splitSentences(t).map((s) => t.slice(s.start, s.end));

describe('splitSentences', () => {
  it('splits on full stops but not after titles or initials', () => {
    assert.deepEqual(texts('Det Supt. Jane Roe said it worked. J. Smith agreed.'), ['Det Supt. Jane Roe said it worked.', 'J. Smith agreed.']);
  });
  it('ends a sentence at each bullet line', () => {
    assert.deepEqual(texts('Results:\n  • 290 arrests\n  • £214,568 cash\n'), ['Results:', '• 290 arrests', '• £214,568 cash']);
  });
  it('keeps a sentence wrapped across lines together', () => {
    assert.deepEqual(texts('Officers arrested\nseven people in Kent.'), ['Officers arrested\nseven people in Kent.']);
  });
  it('handles CRLF line endings and decimals', () => {
    assert.deepEqual(texts('They seized 7.6kg of cocaine.\r\n\r\nThen 9.3kg more.'), ['They seized 7.6kg of cocaine.', 'Then 9.3kg more.']);
  });
  it('includes closing quotes in the sentence', () => {
    assert.deepEqual(texts('He said: “It works.” Then he left.'), ['He said: “It works.”', 'Then he left.']);
  });
});

describe('over-long sentences', () => {
  // A table or list run together with no full stop or line break: read in bounded pieces.
  const cells = Array.from({ length: 300 }, (_, i) => `Area ${i} recorded £${(i + 1) * 1000} seized`).join(', ');
  it('cuts a run longer than any written sentence into pieces of at most the limit, at a comma or space', () => {
    const text = cells + '.';
    const spans = splitSentences(text);
    assert.ok(spans.length > 1, 'cut into pieces');
    for (const s of spans) assert.ok(s.end - s.start <= MAX_SENTENCE_LENGTH, `piece of ${s.end - s.start}`);
    // Nothing is lost: the pieces follow each other with only spaces between them, from the start to the end.
    assert.equal(spans[0].start, 0);
    assert.equal(spans.at(-1)!.end, text.length);
    for (let k = 1; k < spans.length; k++) assert.match(text.slice(spans[k - 1].end, spans[k].start), /^\s*$/);
    // No figure or word is cut: every piece ends after a comma or before a space.
    for (const s of spans.slice(0, -1)) assert.ok(text[s.end - 1] === ',' || text[s.end] === ' ', `cut at ${JSON.stringify(text.slice(s.end - 5, s.end + 5))}`);
  });
  it('keeps a long written sentence whole', () => {
    const sentence = 'Officers ' + 'searched the address and '.repeat(15) + 'found cash.';
    assert.ok(sentence.length > 300 && sentence.length < MAX_SENTENCE_LENGTH);
    assert.deepEqual(texts(sentence), [sentence]);
  });
  it('cuts a run with no break at all at the limit', () => {
    const spans = splitSentences('1,'.repeat(2000));
    assert.deepEqual(
      spans.map((s) => s.end - s.start),
      [MAX_SENTENCE_LENGTH, MAX_SENTENCE_LENGTH, MAX_SENTENCE_LENGTH, MAX_SENTENCE_LENGTH],
    );
  });
});

describe('paragraphFinder', () => {
  it('gives every sentence the paragraph paragraphAround walks to, on texts with blank lines, CRLF and long paragraphs', () => {
    let seed = 7;
    const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) >>> 0) % n;
    const pieces = ['Officers seized cash. ', 'Kent Police said.', '\n', '\n\n', '\r\n\r\n', '\n  \n', 'x'.repeat(5000) + '. ', '• 12 arrests\n'];
    for (let round = 0; round < 40; round++) {
      const text = Array.from({ length: 1 + rnd(30) }, () => pieces[rnd(pieces.length)]).join('');
      const find = paragraphFinder(text);
      for (const s of splitSentences(text)) assert.deepEqual(find(s), paragraphAround(text, s), `round ${round}, sentence at ${s.start}`);
    }
  });
});

describe('countWords', () => {
  it('counts numbers with separators as one word', () => {
    assert.equal(countWords('£214,568 cash and 7.6kg of Class A'), 7);
    assert.equal(countWords(''), 0);
  });
});

describe('LineIndex', () => {
  it('maps offsets to lines for LF, CRLF and CR', () => {
    const idx = new LineIndex('a\nb\r\nc\rd');
    assert.deepEqual(
      [0, 2, 5, 7].map((o) => idx.lineAt(o)),
      [0, 1, 2, 3],
    );
    assert.equal(idx.lineCount, 4);
    assert.deepEqual(idx.positionAt(6), { line: 2, character: 1 });
  });
  it('finds the same lines in text with only LF as in text with CR somewhere', () => {
    const text = '\nHeadline\n\nLede with 12 arrests.\nBody\n\n\nEnd\n';
    const lf = new LineIndex(text);
    // A lone CR at the very end adds one empty line and changes no other line's start.
    const withCr = new LineIndex(`${text}\r`);
    assert.equal(lf.lineCount, 9);
    assert.equal(withCr.lineCount, 10);
    for (let o = 0; o < text.length; o++) assert.equal(lf.lineAt(o), withCr.lineAt(o), `offset ${o}`);
    assert.deepEqual(
      [0, 1, 2, 3, 7, 8].map((l) => lf.lineStart(l)),
      [0, 1, 10, 11, 40, 44],
    );
  });
});
