/**
 * Wording seen in releases from forces, courts and charities other than the ones the extractor was
 * first tuned on (see test/fixtures/gold/dev): each case is a rule, not a sentence from the gold.
 */
import * as assert from 'node:assert/strict';
import { figuresOf } from './figures.helpers';

const read = (text: string) => figuresOf(text).map((f) => [f.text, f.counts]);

describe('findFigures: custody, court and confiscation wording', () => {
  it('counts custody verbs and headline ellipsis as arrests, jailed people as people jailed', () => {
    assert.deepEqual(read('Four suspects were taken into custody.'), [['Four', 'arrests']]);
    assert.deepEqual(read('It led to the arrest of 15 people.'), [['15', 'arrests']]);
    assert.deepEqual(read('Five jailed for running drug line'), [['Five', 'people jailed']]);
    assert.deepEqual(read('Three charged after raids'), [['Three', 'people charged']]);
  });

  it('reads a combined total, a minimum term, a suspension period and unpaid work', () => {
    assert.deepEqual(read('The gang were jailed for a combined total of 42 years.').at(-1), ['42 years', 'prison sentence']);
    assert.deepEqual(read('He was jailed for life with a minimum term of 18 years.'), [['18 years', 'prison sentence']]);
    assert.deepEqual(read('He got a two-year sentence suspended for 18 months.'), [
      ['two-year', 'prison sentence'],
      ['18 months', 'suspension period'],
    ]);
    assert.deepEqual(read('She received 150 hours of unpaid work.'), [['150 hours', 'unpaid work']]);
    assert.deepEqual(read('They received eight years and six years respectively.'), [
      ['eight years', 'prison sentence'],
      ['six years', 'prison sentence'],
    ]);
  });

  it('tells money to pay back from cash found', () => {
    assert.deepEqual(read('He was ordered to pay back £85,000.'), [['£85,000', 'confiscation']]);
    assert.deepEqual(read('Officers found £4,870 in a bedroom.'), [['£4,870', 'cash seized']]);
    assert.deepEqual(read('Police found £40,000 worth of cocaine.'), [['£40,000', 'drugs seized']]);
  });

  it('reads the counted noun after "of" and a part of the figure in the sentence before', () => {
    assert.deepEqual(read('Seven of the officers took part.'), [['Seven', 'officers']]);
    assert.deepEqual(read('There were 1,894 stabbings. The Met said 412 of them were linked to drug supply.'), [
      ['1,894', 'stabbings'],
      ['412', 'stabbings'],
    ]);
    assert.equal(read('Officers found 1,894 wraps.\n\nA further 412 of them were tested.')[1][1], null);
  });

  it('reads an age as a decade and a hyphenated pair of ages', () => {
    assert.deepEqual(
      figuresOf('Officers found a man in his 60s living in his kitchen.').map((f) => [f.text, f.value, f.unit]),
      [['60s', 60, 'years']],
    );
    assert.deepEqual(read('A 15- and a 16-year-old were found.'), [
      ['15', 'age'],
      ['16-year-old', 'age'],
    ]);
  });

  it('reads how long an order lasts, but not how long an operation lasts', () => {
    assert.deepEqual(read('The orders, granted on Monday, last for three months.'), [['three months', 'order length']]);
    assert.deepEqual(read('The operation will last for six weeks.'), []);
  });

  it('does not read "two of whom" after an age range as an age', () => {
    const two = figuresOf('Four teenagers aged between 16 and 19, two of whom were found in a flat, were arrested.')[3];
    assert.deepEqual([two.text, two.unit], ['two', 'count']);
  });

  it('counts "one count of" after a conjunction, but not "one of"', () => {
    assert.deepEqual(read('He admitted two counts of supply and one count of possession.'), [
      ['two', 'charges'],
      ['one', 'charges'],
    ]);
    assert.deepEqual(read('He was one of the men arrested.'), []);
  });
});

describe('findFigures: changes stated in words', () => {
  it('reads "fell by a third", "down by a quarter" and multiples', () => {
    assert.deepEqual(
      figuresOf('Burglary fell by a third.').map((f) => [f.text, f.value, f.unit, f.counts]),
      [['a third', 0.333333333333, 'ratio', 'burglaries']],
    );
    assert.equal(figuresOf('Admissions were down by a quarter.')[0].text, 'down by a quarter');
    assert.deepEqual(
      figuresOf('Cocaine seizures doubled, from 412 to 830.').map((f) => [f.text, f.value, f.counts]),
      [
        ['doubled', 2, 'drugs seized'],
        ['412', 412, 'drugs seized'],
        ['830', 830, 'drugs seized'],
      ],
    );
    assert.deepEqual(
      figuresOf('Referrals have more than trebled.').map((f) => [f.text, f.value]),
      [['more than trebled', 3]],
    );
  });

  it('gives a rise named after the percentage the measure before it', () => {
    assert.deepEqual(read('Officers made 3,412 arrests, a 20 per cent rise on the year before.'), [
      ['3,412', 'arrests'],
      ['20 per cent', 'arrests'],
    ]);
  });

  it('reads pence and half a kilo', () => {
    assert.deepEqual(
      figuresOf('A 50p donation buys a bus fare.').map((f) => [f.text, f.value, f.unit]),
      [['50p', 0.5, 'GBP']],
    );
    assert.deepEqual(
      figuresOf('They found half a kilo of cocaine.').map((f) => [f.text, f.value, f.unit, f.counts]),
      [['half a kilo', 0.5, 'kg', 'drugs seized']],
    );
  });
});

describe('findFigures: more wording from annual reports, courts and government', () => {
  it('does not read the particle of "hand over" as a qualifier', () => {
    assert.deepEqual(
      figuresOf('The gang was ordered to hand over £412,000.').map((f) => [f.text, f.qualifier, f.counts]),
      [['£412,000', 'exact', 'confiscation']],
    );
    assert.equal(figuresOf('Officers seized over £5,000.')[0].qualifier, 'over');
  });

  it('reads "N times that of" as a multiple and any small denominator as a proportion', () => {
    assert.deepEqual(
      figuresOf('The rate is about 2.7 times that of England.').map((f) => [f.text, f.value, f.unit]),
      [['about 2.7 times', 2.7, 'ratio']],
    );
    assert.deepEqual(
      figuresOf('She was reported missing three times.').map((f) => f.unit),
      ['count'],
    );
    assert.deepEqual(
      figuresOf('One in six children had been exploited.').map((f) => [f.text, f.value, f.unit]),
      [['One in six', 0.166666666667, 'ratio']],
    );
  });

  it('reads both ends of a hyphenated range of ages, but not of a year span', () => {
    assert.deepEqual(read('The suspects were aged 16-19.'), [
      ['16', 'age'],
      ['19', 'age'],
    ]);
    assert.deepEqual(read('In 2022-23 there were 45 arrests.'), [['45', 'arrests']]);
  });

  it('reads a teenage range stated as what people were, and a share followed by its verb', () => {
    assert.deepEqual(read('Each of the children was between 14 and 16.'), [
      ['14', 'age'],
      ['16', 'age'],
    ]);
    assert.deepEqual(
      figuresOf('Of those seen, nearly a fifth had been reported missing.').map((f) => [f.text, f.value]),
      [['nearly a fifth', 0.2]],
    );
    assert.deepEqual(figuresOf('A third man was bailed.'), []);
  });

  it('counts people locked up as people jailed and keeps bare searches as written', () => {
    assert.deepEqual(read('Two brothers who ran the line have been locked up.'), [['Two', 'people jailed']]);
    assert.deepEqual(read('Police carried out nine searches on Wednesday.'), [['nine', 'searches']]);
  });

  it('gives the value a change reached, recorded offences and "used N times" their measures', () => {
    assert.deepEqual(read('Cuckooing reports have risen by almost a quarter in the past year, to 318.'), [
      ['almost a quarter', 'reports'],
      ['318', 'reports'],
    ]);
    assert.deepEqual(read('There were 1,206 offences recorded.'), [['1,206', 'crimes']]);
    assert.deepEqual(read('Stop and search was used 8,912 times.'), [['8,912', 'stop and searches']]);
    assert.deepEqual(read('A boy was found carrying £800.'), [['£800', 'cash seized']]);
  });

  it('reads "the youngest person arrested was 15 and the oldest 58" as ages', () => {
    assert.deepEqual(read('The youngest person arrested was 15 and the oldest 58.'), [
      ['15', 'age'],
      ['58', 'age'],
    ]);
  });

  it("keeps the verb of a second number's clause for that number", () => {
    assert.deepEqual(read('All seven children have been offered support and four have been referred.'), [
      ['seven', 'people'],
      ['four', 'referrals'],
    ]);
    assert.deepEqual(read('Two men aged 19 and 22 were arrested.'), [
      ['Two', 'arrests'],
      ['19', 'age'],
      ['22', 'age'],
    ]);
  });

  it('reads an age band written "under-25s"', () => {
    assert.deepEqual(
      figuresOf('A service for under-25s and their families.').map((f) => [f.text, f.value, f.unit, f.counts]),
      [['under-25s', 25, 'years', 'age']],
    );
  });

  it('finds the subject of a change past an aside, and sentences past words between verb and "for"', () => {
    assert.equal(figuresOf('Supply offences, which include county lines activity, rose to 4,187.')[0].counts, 'supply offences');
    assert.deepEqual(read('They were jailed in 2022 for a total of 61 years.'), [['61 years', 'prison sentence']]);
    assert.deepEqual(read('He must pay £188,250 or serve an extra three years.'), [
      ['£188,250', 'confiscation'],
      ['three years', 'prison sentence'],
    ]);
    assert.deepEqual(read('The Home Office has committed £145 million to the programme.'), [['£145 million', 'funding']]);
  });
});

describe('findFigures: numbers that are not claims', () => {
  it('skips text numbers, references, postcodes and the number of a phone line', () => {
    assert.deepEqual(read('Text 61016, or text SAFE to 85258, or call 0800 40 50 40.'), []);
    assert.deepEqual(read('Quote incident 1234 or crime reference 42/123456/24; case number 01/234567/22.'), []);
    assert.deepEqual(read('The station at Trinity Road, BS2 0NW, is by the M20.'), []);
    assert.deepEqual(read('Call us via 101, by email, or on 999.'), []);
    assert.deepEqual(read('Text BTP on 61016.'), []);
    assert.deepEqual(read('Officers arrived at 14.30 and PC 1234 Smith made the arrest.'), []);
  });

  it('counts calls, but not the 999 that names them', () => {
    assert.deepEqual(read('The number of 999 calls rose from 96 to 210.'), [
      ['96', 'calls'],
      ['210', 'calls'],
    ]);
    assert.deepEqual(read('The centre handled 4,500 999 calls.'), [['4,500', 'calls']]);
  });
});
