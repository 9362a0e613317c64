import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core';
import { MEASURE_RULES } from '../../src/core/extract/measureRules';
import { subjectNounIn } from '../../src/core/extract/measures';

const figures = (text: string) =>
  analyze(text).annotations.filter((a) => a.kind === 'figure') as Array<{ text: string; counts: string | null; measureRule?: string }>;
const read = (text: string) => figures(text).map((f) => [f.text, f.counts, f.measureRule ?? null]);

describe('measure rules: open measures as written, each figure naming the rule that decided it', () => {
  it('gives every rule an id and an example, and ids are unique', () => {
    const ids = MEASURE_RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const r of MEASURE_RULES) assert.ok(r.example.length > 0, r.id);
  });
  it('keeps a noun phrase the lexicon does not know as written', () => {
    assert.deepEqual(read('The gang targeted 14 garden centres across the county.'), [['14', 'garden centres', 'noun-phrase']]);
  });
  it('names the measure by a known head noun, not its modifiers', () => {
    assert.deepEqual(
      read('The unit now has 8 specialist drug lines officers.').map((r) => r[1]),
      ['officers'],
    );
  });
  it('never reads a time phrase after a number as what it counts', () => {
    const found = figures('Officers closed 21 lines this spring, against 17 last year.');
    assert.deepEqual(
      found.map((f) => f.counts),
      ['drug lines closed', 'drug lines closed'],
    );
  });
  it('does not take the subject of a new clause as what an amount is', () => {
    assert.notEqual(figures('The grant fell short of the £90m councils had asked for.')[0]?.counts, 'councils');
  });
  it('reads money "recovered" as cash seized', () => {
    assert.deepEqual(
      read('Around £70,000 was recovered from the flat.').map((r) => r[1]),
      ['cash seized'],
    );
  });
  it('reads money worth of coordinated drug classes as drugs, not cash ("Class A and Class B drugs", "class A, B or C")', () => {
    assert.deepEqual(
      read('Detectives seized £40,000 worth of Class A and Class B drugs in the raids.').map((r) => r[1]),
      ['drugs seized'],
    );
    assert.deepEqual(
      read('Officers seized £7,500 worth of class B or C drugs.').map((r) => r[1]),
      ['drugs seized'],
    );
  });
  it('reads an amount "valued at" or "worth" as the value of the goods named just before it', () => {
    assert.deepEqual(
      read('Officers took illegal substances valued at up to £9,000 off the streets.').map((r) => r[1]),
      ['drugs seized'],
    );
    assert.deepEqual(
      read('A haul of cannabis valued at £18,000 was seized.').map((r) => r[1]),
      ['drugs seized'],
    );
  });
});

describe('measures: the subject a change is about (subjectNounIn)', () => {
  // The first measure noun of the clause's last part; tried only where a measure's noun can start.
  it('takes the first measure noun, the longest where two start at one place, whatever its case', () => {
    assert.equal(subjectNounIn('County lines arrests', 'percent'), 'arrests');
    assert.equal(subjectNounIn('the number of Knives seized and arrests', 'percent'), 'weapons seized');
    assert.equal(subjectNounIn('ARRESTS', 'count'), 'arrests');
  });
  it('reads past an aside to the subject, and finds none where no measure is named', () => {
    assert.equal(subjectNounIn('the weather, which include arrests', 'percent'), 'arrests');
    assert.equal(subjectNounIn('nothing here', 'percent'), null);
  });
  it("finds a noun whose first character is outside ASCII but folds to a measure noun's (a long s)", () => {
    assert.equal(subjectNounIn('ſeizures', 'count'), 'drugs seized');
    assert.equal(subjectNounIn('ſtop searches', 'count'), 'stop and searches');
  });
});
