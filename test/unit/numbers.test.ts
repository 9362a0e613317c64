import * as assert from 'node:assert/strict';
import { parseDigits, scaleNumber } from '../../src/core/extract/numbers';
import { parseNumberWords } from '../../src/core/extract/numberWords';

describe('parseDigits', () => {
  it('reads thousands separators and decimals with the step they imply', () => {
    assert.deepEqual(parseDigits('1,431'), { value: 1431, precision: 1 });
    assert.deepEqual(parseDigits('7.6'), { value: 7.6, precision: 0.1 });
    assert.deepEqual(parseDigits('12.25'), { value: 12.25, precision: 0.01 });
  });
  it('refuses digit runs too long to be a figure', () => {
    assert.equal(parseDigits('9'.repeat(400)), undefined);
    assert.equal(parseDigits('1234567890123456'), undefined);
  });
  it('scales without floating point noise', () => {
    assert.deepEqual(scaleNumber({ value: 1.2, precision: 0.1 }, 1e9), { value: 1.2e9, precision: 1e8 });
    assert.deepEqual(scaleNumber({ value: 4.1, precision: 0.1 }, 1e6), { value: 4.1e6, precision: 1e5 });
  });
});

describe('parseNumberWords', () => {
  const cases: [string, number, number][] = [
    ['three', 3, 1],
    ['Thirty-four', 34, 1],
    ['Eighty two', 82, 1],
    ['a dozen', 12, 1],
    ['a thousand', 1000, 1000],
    ['two hundred and five', 205, 1],
    ['three thousand five hundred', 3500, 100],
    ['seven and a half', 7.5, 0.5],
    ['half a million', 500000, 500000],
    ['a million', 1e6, 1e6],
  ];
  for (const [words, value, precision] of cases) {
    it(`reads "${words}" as ${value} (step ${precision})`, () => {
      assert.deepEqual(parseNumberWords(words), { value, precision });
    });
  }
  it('is not fooled by an article alone or by a list', () => {
    assert.equal(parseNumberWords('a'), undefined);
    assert.equal(parseNumberWords('one and two'), undefined);
  });
});
