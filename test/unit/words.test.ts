import * as assert from 'node:assert/strict';
import { containsAny, isRegExpSpace, wordCount } from '../../src/core/text/words';

describe('wordCount', () => {
  it('counts words as trim and split on \\s+ do, for any text with a word', () => {
    const pieces = ['word', '£1,468', 'a', ' ', '  ', '\t', '\r\n', '\u00a0', '\u2009', '\u3000', '\ufeff', '\u200b', '—', 'é', '\u2028'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 2000; n++) {
      const text = Array.from({ length: next() % 12 }, () => pieces[next() % pieces.length]).join('');
      const expected = text.trim() ? text.trim().split(/\s+/).length : 0;
      assert.equal(wordCount(text), expected, JSON.stringify(text));
    }
  });

  it('stops at atMost: the count, or atMost when the text holds that many or more', () => {
    const text = 'one two  three\tfour five';
    assert.equal(wordCount(text, 3), 3);
    assert.equal(wordCount(text, 5), 5);
    assert.equal(wordCount(text, 6), 5);
    assert.equal(wordCount('  ', 1), 0);
    // A summary line is at most 25 words: asking for 26 tells a 40-word paragraph from a 25-word line.
    assert.equal(wordCount('w '.repeat(40), 26), 26);
    assert.equal(wordCount('w '.repeat(25), 26), 25);
  });

  it('gives 0 for an empty or blank text (split would say 1)', () => {
    assert.equal(wordCount(''), 0);
    assert.equal(wordCount(' \t\u00a0'), 0);
  });

  it('agrees with \\s on every code unit', () => {
    for (let c = 0; c < 0x10000; c++) assert.equal(isRegExpSpace(c), /\s/.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
  });
});

describe('containsAny', () => {
  it('says whether the text holds any of the words, as written', () => {
    assert.equal(containsAny('Sentenced at Crown Court', ['Court']), true);
    assert.equal(containsAny('sentenced at crown court', ['Court']), false);
    assert.equal(containsAny('a week of action', ['month', 'week']), true);
    assert.equal(containsAny('', ['week']), false);
    assert.equal(containsAny('any text', []), false);
  });
});
