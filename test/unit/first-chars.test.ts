import * as assert from 'node:assert/strict';
import data from '../../src/core/lexicon/data/measures.json';
import { firstChars } from '../../src/core/text/firstChars';

const shown = (source: string) => {
  const chars = firstChars(source);
  return chars ? [...chars].sort().join('') : 'any';
};

describe('firstChars: the characters a match of a pattern can start with', () => {
  it('reads literals, optional groups, alternatives, classes and digits', () => {
    assert.equal(shown('arrests?'), 'a');
    assert.equal(shown('(?:drug\\s+|county\\s+)?lines'), 'cdl');
    assert.equal(shown('(?:have\\s+been\\s+|were\\s+)?charged'), 'chw');
    assert.equal(shown('[A-C]x'), 'abc');
    assert.equal(shown('\\d+\\s*kg'), '0123456789');
    assert.equal(shown('(?=\\s)x'), 'x');
    assert.equal(shown('(?:a|)b'), 'ab');
  });

  it('answers "any" for what it does not read, or for a pattern that can match nothing', () => {
    assert.equal(shown('\\s+x'), 'any');
    assert.equal(shown('(?:a)?'), 'any');
    assert.equal(shown('[^a]x'), 'any');
    assert.equal(shown('\\p{L}+'), 'any');
    assert.equal(shown('(a'), 'any');
  });

  it('never leaves out a character an example of a measure noun starts with', () => {
    // Every measure noun written out plainly (the data's own alternatives with the optional parts
    // dropped) starts with one of the characters its pattern is said to start with.
    for (const measure of data.measures as Array<{ nouns?: string[] }>) {
      for (const noun of measure.nouns ?? []) {
        const source = noun.replace(/ \?/g, '\\s*').replace(/ /g, '\\s+');
        const chars = firstChars(source);
        if (!chars) continue;
        const re = new RegExp(`^(?:${source})`, 'iu');
        for (const c of 'abcdefghijklmnopqrstuvwxyz0123456789') {
          if (chars.has(c)) continue;
          // A pattern said not to start with `c` must not match any text that starts with it.
          for (const rest of ['rrests', 'rugs', 'ines', 'ash', 'eapons', ' people']) assert.ok(!re.test(c + rest), `${noun} matched ${c + rest}`);
        }
      }
    }
  });
});
