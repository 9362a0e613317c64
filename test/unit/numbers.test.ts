import * as assert from 'node:assert/strict';
import { parseDigits, scaleNumber } from '../../src/core/extract/numbers';
import { parseNumberWords } from '../../src/core/extract/numberWords';
import { figuresOf } from './figures.helpers';

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

describe('parseNumberWords: larger and mixed numbers', () => {
  const cases: [string, number][] = [
    ['twenty-one trillion three hundred', 21e12 + 300],
    ['ninety nine trillion two thousand and six', 99e12 + 2006],
    ['five and a quarter', 5.25],
    ['forty two and a third', 42 + 1 / 3],
    ['five and a half million', 5.5e6],
    ['three dozens', 36],
    ['three hundred and two dozens', 324],
    ['half million', 500000],
    ['quarter million', 250000],
    ['fourty four', 44],
  ];
  for (const [words, value] of cases) {
    it(`reads "${words}" as ${value}`, () => {
      const parsed = parseNumberWords(words);
      assert.ok(parsed && Math.abs(parsed.value - value) < 1e-9, `${words} → ${parsed?.value}`);
    });
  }
  it('refuses a time or a year written in words', () => {
    assert.equal(parseNumberWords('five twenty'), undefined);
    assert.equal(parseNumberWords('twenty fifteen'), undefined);
  });
});

describe('figures: number formats as other parsers read them', () => {
  const one = (text: string) => {
    const found = figuresOf(text);
    assert.equal(found.length, 1, `${text}: ${JSON.stringify(found.map((f) => f.text))}`);
    return found[0];
  };
  const read = (text: string) => {
    const f = one(text);
    return [f.text, f.value, f.unit];
  };
  it('reads fractions in words, bare and with a numerator', () => {
    assert.deepEqual(read('About three quarters of the vans were stolen.').slice(0, 1), ['About three quarters']);
    assert.ok(Math.abs(one('Two thirds of the victims were girls.').value - 2 / 3) < 1e-9);
    assert.equal(one('Five eighths of the stock went missing.').value, 0.625);
    assert.equal(one('A fifth of the calls were hoaxes.').value, 0.2);
    assert.equal(one('The share rose to one-eighth.').value, 0.125);
    assert.equal(one('More than half the shops reported a theft.').value, 0.5);
  });
  it('keeps an ordinal that happens to be a fraction word out', () => {
    assert.deepEqual(
      figuresOf('A third man was arrested later.').map((f) => f.text),
      [],
    );
    assert.deepEqual(
      figuresOf('In the first half of the year officers visited.').map((f) => f.text),
      [],
    );
  });
  it('reads mixed numbers in digits and words', () => {
    assert.deepEqual(read('He was jailed for 9 and-a-half years.'), ['9 and-a-half years', 9.5, 'years']);
    assert.equal(one('The pair were jailed for six and a quarter years.').value, 6.25);
  });
  it('reads a leading decimal point', () => {
    assert.deepEqual(read('Officers found .5kg of cannabis.'), ['.5kg', 0.5, 'kg']);
    assert.deepEqual(read('The rate moved by .2% last year.'), ['.2%', 0.2, 'percent']);
  });
  it('reads scale abbreviations without a currency sign, and tells metres from millions', () => {
    assert.deepEqual(read('Officers seized 1.2m pills.').slice(0, 2), ['1.2m', 1.2e6]);
    assert.deepEqual(read('The haul was worth 10k.').slice(0, 2), ['10k', 10000]);
    assert.deepEqual(
      figuresOf('He fell from a 10m wall.').map((f) => f.text),
      [],
    );
    assert.deepEqual(
      figuresOf('The suspect was 1.8m tall.').map((f) => f.text),
      [],
    );
    const f = one('The dealer made 2.6m selling cocaine.');
    assert.ok(f.warnings?.some((w) => w.code === 'no-currency-sign'));
  });
  it('reads trillions and exact large whole numbers', () => {
    assert.deepEqual(read('Global fraud costs £1 trillion.').slice(0, 2), ['£1 trillion', 1e12]);
    assert.equal(one('The register held 123456789101231 rows.').value, 123456789101231);
  });
  it('reads pence as pounds', () => {
    assert.deepEqual(read('Each wrap was sold at a loss of 470 pence.'), ['470 pence', 4.7, 'GBP']);
    assert.deepEqual(read('The fine went up by sixty pence.').slice(1), [0.6, 'GBP']);
  });
  it('reads proportions with a denominator in words', () => {
    const f = one('Roughly 1 in twenty-one drivers failed.');
    assert.ok(Math.abs(f.value - 1 / 21) < 1e-9);
    assert.equal(one('Only two out of five hundred checks failed.').value, 0.004);
  });
  it('leaves a foreign currency out whole, scale word included', () => {
    assert.deepEqual(
      figuresOf('The firm paid $48.2 million in fines and €3bn more.').map((f) => f.text),
      [],
    );
    assert.deepEqual(
      figuresOf('He took 300 dollars from the till.').map((f) => f.text),
      [],
    );
  });
  it('refuses a percent sign glued to more digits', () => {
    assert.deepEqual(
      figuresOf('Code 99%3 was entered.').map((f) => f.text),
      [],
    );
  });
  it('reads a sign before a percentage as part of it', () => {
    assert.deepEqual(read('Burglary changed by -3% on the year.').slice(0, 2), ['-3%', -3]);
  });
  it('reports a figure the end of the text may have cut off, as a lower bound', () => {
    const f = one('Police seized weapons and more than £3.');
    assert.equal(f.bound, 'lower');
    assert.ok(f.warnings?.some((w) => w.code === 'cut-off'));
    assert.match(f.reading ?? '', /cut off/);
    const g = one('The haul was worth £25');
    assert.equal(g.bound, 'lower');
  });
  it('warns when a year-shaped number is read as a count', () => {
    const f = one('Officers made 2019 arrests during the campaign.');
    assert.equal(f.value, 2019);
    assert.ok(f.warnings?.some((w) => w.code === 'year-shaped-count'));
    assert.equal(one('1360 people were arrested.').value, 1360);
  });
  it('reads ages in months, weeks and days', () => {
    assert.deepEqual(read('A six-month-old baby was found in the flat.'), ['six-month-old', 6, 'months']);
    assert.deepEqual(read('The boy was 15 years of age.'), ['15 years of age', 15, 'years']);
  });
  it('reads "once", "a single" and "a decade" as numbers where they state one', () => {
    assert.deepEqual(read('The victim was stabbed once in the leg.').slice(0, 2), ['once', 1]);
    assert.deepEqual(
      figuresOf('Once the cash was counted, officers left. It happened once again.').map((f) => f.text),
      [],
    );
    assert.deepEqual(read('He faces more than a decade in prison.').slice(0, 2), ['more than a decade', 10]);
    assert.deepEqual(read('The rate rose by a single percentage point.').slice(0, 2), ['a single', 1]);
  });
  it('reads the size of a group', () => {
    assert.deepEqual(read('The five-strong gang was jailed.').slice(0, 2), ['five', 5]);
  });
});
