import * as assert from 'node:assert/strict';
import { comparePair, isRoundFigure, judgeSet, roundnessOf, significantDigits } from '../../src/core/record/rounding';
import type { Claim } from '../../src/core/record/types';

/**
 * The editor's rounding rules (src/core/record/rounding.ts), one rule per test, with invented figures.
 * Each case states what two sources said of one figure and whether an editor would let both stand.
 */
type Said = Pick<Claim, 'text' | 'value' | 'unit' | 'qualifier' | 'bound' | 'precision'>;

const BOUNDS: Record<string, Claim['bound']> = {
  'more than': 'lower',
  over: 'lower',
  'at least': 'lower',
  'up to': 'upper',
  'fewer than': 'upper',
  under: 'upper',
  almost: 'approximate',
  nearly: 'approximate',
  around: 'approximate',
  about: 'approximate',
  some: 'approximate',
  estimated: 'approximate',
};

/** "more than 700", "£1.3m", "28.8kg", "Some 2,317": a statement of a figure with its qualifier, unit and precision. */
function said(text: string, over: Partial<Said> = {}): Said {
  const qualifier = /^(more than|over|at least|up to|fewer than|under|almost|nearly|around|about|some|estimated)\s/i.exec(text)?.[1].toLowerCase() ?? '';
  const m = /(\d[\d,]*(?:\.\d+)?)\s*(million|m\b|k\b)?/.exec(text)!;
  const digits = m[1].replace(/,/g, '');
  const decimals = digits.includes('.') ? digits.split('.')[1].length : 0;
  const mult = m[2] === 'million' || m[2] === 'm' ? 1e6 : m[2] === 'k' ? 1e3 : 1;
  const unit = text.includes('£') ? 'GBP' : /kg\b/.test(text) ? 'kg' : 'count';
  return { text, value: Number(digits) * mult, unit, qualifier, bound: BOUNDS[qualifier] ?? 'exact', precision: 10 ** -decimals * mult, ...over };
}

const verdict = (a: string, b: string, oa: Partial<Said> = {}, ob: Partial<Said> = {}) => {
  const v = comparePair(said(a, oa), said(b, ob));
  return [v.ok, v.rule];
};

describe("record: the editor's rounding rules", () => {
  it('reads how round a figure is from its trailing zeros and significant digits', () => {
    assert.deepEqual([roundnessOf(700), roundnessOf(2317), roundnessOf(426_000), roundnessOf(28.8)], [100, 1, 1000, 0.1]);
    assert.deepEqual([significantDigits(426_040), significantDigits(1.25e6)], [5, 3]);
    assert.deepEqual([isRoundFigure(700), isRoundFigure(50), isRoundFigure(2317), isRoundFigure(426_040), isRoundFigure(8)], [true, true, false, false, false]);
  });

  it('rule 1: a hedge that is true of the exact figure agrees', () => {
    assert.deepEqual(verdict('more than 800', '837'), [true, 'hedge-holds']);
    assert.deepEqual(verdict('almost 40kg', '38.6kg'), [true, 'hedge-holds']);
    assert.deepEqual(verdict('around 900', '873'), [true, 'hedge-holds']);
  });

  it('rule 1: a hedge the exact figure makes false is a false hedge', () => {
    assert.deepEqual(verdict('more than 900', '873'), [false, 'false-hedge']);
    assert.deepEqual(verdict('fewer than 800', '837'), [false, 'false-hedge']);
  });

  it('rule 2: a bare round figure within 1% of the exact one is a rounding', () => {
    assert.deepEqual(verdict('£318,000', '£318,270'), [true, 'rounding']);
    assert.deepEqual(verdict('2,300', '2,317'), [true, 'rounding']);
  });

  it('rule 2: a bare round figure further off is an unhedged rounding, and says by how much', () => {
    const v = comparePair(said('800'), said('837'));
    assert.deepEqual([v.ok, v.rule], [false, 'bare-rounding']);
    assert.match(v.why, /“800” is an unhedged rounding of “837” that is 4\.4% off \(more than 1%\)/);
    // A figure in words is judged the same way: "Sixty" for 58 is 3% off.
    assert.deepEqual(verdict('60', '58', { text: 'Sixty' }), [false, 'bare-rounding']);
  });

  it('rule 2: a round figure further from the exact one than its own step is a different value, and says so', () => {
    const v = comparePair(said('150'), said('120'));
    assert.deepEqual([v.ok, v.rule], [false, 'different-value']);
    assert.equal(v.why, '“150” and “120” state different values for the same figure (25% apart, too far for a rounding).');
    assert.doesNotMatch(v.why, /rounding of “120” that is/);
    // 1,873 rounds to 1,870, 1,880 or 1,900, never to 1,950; £318,270 never to £350,000.
    assert.deepEqual(verdict('1,950', '1,873'), [false, 'different-value']);
    assert.deepEqual(verdict('£350,000', '£318,270'), [false, 'different-value']);
    // Rounded up or down to its own step it stays an unhedged rounding: "Fifty" for 43, 2,400 for 2,317.
    assert.deepEqual(verdict('50', '43', { text: 'Fifty' }), [false, 'bare-rounding']);
    assert.deepEqual(verdict('2,400', '2,317'), [false, 'bare-rounding']);
  });

  it('rule 3: money with a scale word is a rounding when the exact sum rounds to it at that precision, half up', () => {
    assert.deepEqual(verdict('£2.4m', '£2,371,905'), [true, 'rounding']);
    assert.deepEqual(verdict('£3.5 million', '£3.45 million'), [true, 'rounding']);
    const v = comparePair(said('£2.3m'), said('£2,371,905'));
    assert.deepEqual([v.ok, v.rule], [false, 'wrong-rounding']);
    assert.equal(v.why, '“£2.3m” is not what “£2,371,905” rounds to (£2,400,000 at that precision).');
  });

  it('rule 3: a length stated to a coarser step is not rounded down from a half ("nine years" is not nine and a half)', () => {
    const years = (text: string, value: number, precision: number): Partial<Said> => ({ text, value, precision, unit: 'years' });
    assert.deepEqual(verdict('9', '9.5', years('nine years', 9, 1), years('nine and a half years', 9.5, 0.5))[0], false);
  });

  it('rule 4: two qualifiers that cannot both be right of one stated value conflict', () => {
    assert.deepEqual(verdict('up to £80,000', '£80,000'), [false, 'conflicting-qualifiers']);
    assert.deepEqual(verdict('more than £45,000', 'estimated £45,000'), [false, 'conflicting-qualifiers']);
    assert.deepEqual(verdict('nearly £3,000,000', '£3 million'), [false, 'conflicting-qualifiers']);
    // Two lower bounds of one value say the same thing.
    assert.deepEqual(verdict('more than 30', 'at least 30'), [true, 'ranges-overlap']);
  });

  it('rule 5: two exact figures stated to the same precision that differ are a different value', () => {
    assert.deepEqual(verdict('417', '471'), [false, 'different-value']);
  });

  it('reads a hedge before a counted, unround number as exact ("Some 2,317" is 2,317)', () => {
    // So a bare "2,400" beside it is judged as a rounding of 2,317 (3.6% off), not as inside a 10% band.
    assert.deepEqual(verdict('2,400', 'Some 2,317', {}, { qualifier: 'some', bound: 'approximate' }), [false, 'bare-rounding']);
    // A hedge before a round number stays a hedge: "some 2,300" is true of 2,317.
    assert.deepEqual(verdict('some 2,300', '2,317'), [true, 'hedge-holds']);
  });

  it('judges a set against its most precise exact statement and reports the worst pair', () => {
    const members = ['£318,270', '£318,000', 'more than £300,000', '£320,000'].map((t) => ({ claim: said(t) }));
    const v = judgeSet(members);
    assert.equal(v.reference?.claim.text, '£318,270');
    assert.equal(v.ok, true, '£320,000 is 0.5% off, a rounding');
    const off = judgeSet([...members, { claim: said('£310,000') }]);
    assert.equal(off.ok, false);
    assert.deepEqual([off.conflict?.verdict.rule, off.conflict?.b.claim.text], ['bare-rounding', '£310,000']);
    const far = judgeSet([...members, { claim: said('£310,000') }, { claim: said('£350,000') }]);
    assert.deepEqual([far.conflict?.verdict.rule, far.conflict?.b.claim.text], ['different-value', '£350,000'], 'a different value is the worse pair');
  });

  it('judges hedges against each other when no exact statement is given', () => {
    assert.equal(judgeSet([{ claim: said('more than 500') }, { claim: said('up to 450') }]).ok, false);
    assert.equal(judgeSet([{ claim: said('more than 500') }, { claim: said('almost 600') }]).ok, true);
  });

  it('takes a list\'s shared hedge as each item\'s ("some 1,600 arrests and 90kg of cannabis")', () => {
    const hedged = { claim: said('90kg'), hedge: { qualifier: 'some', bound: 'approximate' as const } };
    assert.equal(judgeSet([hedged, { claim: said('88.7kg') }]).ok, true, '“some 90kg” is true of 88.7kg');
    assert.equal(judgeSet([{ claim: said('90kg') }, { claim: said('88.7kg') }]).ok, false, 'a bare 90kg is 1.5% off 88.7kg');
  });
});
