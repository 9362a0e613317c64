import * as assert from 'node:assert/strict';
import { LineIndex } from '../../src/core/text/lines';
import { countWords, splitSentences } from '../../src/core/text/sentences';

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

describe('countWords', () => {
  it('counts numbers with separators as one word', () => {
    assert.equal(countWords('£214,568 cash and 7.6kg of Class A'), 7);
    assert.equal(countWords(''), 0);
  });
});

describe('LineIndex', () => {
  it('maps offsets to lines for LF, CRLF and CR', () => {
    const idx = new LineIndex('a\nb\r\nc\rd');
    assert.deepEqual([0, 2, 5, 7].map((o) => idx.lineAt(o)), [0, 1, 2, 3]);
    assert.equal(idx.lineCount, 4);
    assert.deepEqual(idx.positionAt(6), { line: 2, character: 1 });
  });
});
