import * as assert from 'node:assert/strict';
import { brief, figuresOf, onlyFigure, org } from './figures.helpers';

const texts = (t: string) => figuresOf(t).map((f) => f.text);

describe('findFigures: counts, money, weights, percentages', () => {
  it('reads a plain count and what it counts', () => {
    assert.deepEqual(brief(onlyFigure('Detectives made 412 arrests in Essex.')), {
      text: '412',
      value: 412,
      unit: 'count',
      qualifier: 'exact',
      counts: 'arrests',
    });
  });
  it('puts a bounding qualifier in the span', () => {
    const f = onlyFigure('The force said more than 330 people were arrested.');
    assert.deepEqual(brief(f), { text: 'more than 330', value: 330, unit: 'count', qualifier: 'more than', counts: 'arrests' });
    assert.equal(f.bound, 'lower');
  });
  it('normalises money with scales, slips and a plus sign', () => {
    const found = figuresOf('Officers seized £5m in assets, £1.2bn in total, £9K and £450k in cash, £31, 250 in a bag and £38,000+ in notes.');
    assert.deepEqual(
      found.map((f) => [f.text, f.value, f.unit, f.precision, f.qualifier]),
      [
        ['£5m', 5e6, 'GBP', 1e6, 'exact'],
        ['£1.2bn', 1.2e9, 'GBP', 1e8, 'exact'],
        ['£9K', 9000, 'GBP', 1000, 'exact'],
        ['£450k', 450000, 'GBP', 1000, 'exact'],
        ['£31, 250', 31250, 'GBP', 1, 'exact'],
        ['£38,000+', 38000, 'GBP', 1, 'more than'],
      ],
    );
  });
  it('counts cash as cash seized and money given for a purpose as funding', () => {
    assert.equal(onlyFigure('The search recovered £12,300 cash.').counts, 'cash seized');
    assert.equal(onlyFigure('The Home Office announced £3m of funding for the taskforce.').counts, 'funding');
  });
  it('reads weights and puts them down as drugs seized', () => {
    const found = figuresOf('They found 2.4kg of heroin, 850g of crack cocaine and 2 tonnes of cannabis.');
    assert.deepEqual(
      found.map((f) => [f.text, f.value, f.unit, f.precision, f.counts]),
      [
        ['2.4kg', 2.4, 'kg', 0.1, 'drugs seized'],
        ['850g', 850, 'g', 1, 'drugs seized'],
        ['2 tonnes', 2, 'tonnes', 1, 'drugs seized'],
      ],
    );
  });
  it('reads percentages written as a sign or as words', () => {
    assert.deepEqual(
      figuresOf('Knife crime fell 12.5 per cent while 40% of those stopped were teenagers.').map((f) => [f.text, f.value, f.unit, f.precision]),
      [
        ['12.5 per cent', 12.5, 'percent', 0.1],
        ['40%', 40, 'percent', 1],
      ],
    );
  });
  it('gives a change its direction and stated values, and the values the same measure', () => {
    const found = figuresOf('Since April drug trafficking arrests are up 38% (500 to 690) and charges are down 10% (300 to 270).');
    assert.deepEqual(
      found.map((f) => [f.text, f.counts, f.change]),
      [
        ['up 38%', 'drug trafficking arrests', { direction: 'up', from: 500, to: 690 }],
        ['500', 'drug trafficking arrests', undefined],
        ['690', 'drug trafficking arrests', undefined],
        ['down 10%', 'charges', { direction: 'down', from: 300, to: 270 }],
        ['300', 'charges', undefined],
        ['270', 'charges', undefined],
      ],
    );
  });
  it('reads the measure from the governing verb', () => {
    assert.equal(onlyFigure('Officers arrested 57 people overnight.').counts, 'arrests');
    assert.equal(onlyFigure('The team closed 14 deal lines.').counts, 'drug lines closed');
    assert.equal(onlyFigure('Police visited a total of 205 addresses.').counts, 'addresses visited');
    assert.equal(onlyFigure('In all 48 suspects have since been charged with supply offences.').counts, 'people charged');
  });
  it('tells people charged from the charges they face', () => {
    assert.deepEqual(
      figuresOf('Some 61 men were charged with 140 offences.').map((f) => [f.text, f.counts, f.qualifier]),
      [
        ['Some 61', 'people charged', 'around'],
        ['140', 'charges', 'exact'],
      ],
    );
  });
  it('carries a list heading verb to its bullets', () => {
    const text = 'During the raids the following was seized:\n\n  • 12 knives\n  • 3.2kg Class A drugs\n  • £8,040 cash\n';
    assert.deepEqual(
      figuresOf(text).map((f) => [f.text, f.counts, f.subject]),
      [
        ['12', 'weapons seized', undefined],
        ['3.2kg', 'drugs seized', 'Class A drugs'],
        ['£8,040', 'cash seized', undefined],
      ],
    );
  });
  it('lets an elliptical list item count what its neighbour counts', () => {
    assert.deepEqual(
      figuresOf('There were 75 charges for Class A drugs and 12 for Class B drugs.').map((f) => [f.text, f.counts]),
      [
        ['75', 'charges'],
        ['12', 'charges'],
      ],
    );
  });
  it('reads drug lines, safeguarding and referrals', () => {
    assert.deepEqual(
      figuresOf('The week saw 23 county lines closed, 64 people safeguarded and 9 referrals to the National Referral Mechanism.').map((f) => f.counts),
      ['drug lines closed', 'people safeguarded', 'referrals'],
    );
  });
});

describe('findFigures: more ways releases name what they count', () => {
  it('reads warrants, stop and searches, vehicles, officers and ammunition', () => {
    assert.deepEqual(
      figuresOf(
        'Teams executed 26 drugs warrants, carried out 140 stop and searches, seized 9 vehicles and 35 rounds of ammunition, with 300 officers involved.',
      ).map((f) => f.counts),
      ['warrants executed', 'stop and searches', 'vehicles seized', 'firearms seized', 'officers'],
    );
  });
  it('reads a change named after the percentage', () => {
    const f = onlyFigure('The unit reported a 22% increase in arrests.');
    assert.deepEqual([f.text, f.counts, f.change], ['22%', 'arrests', { direction: 'up' }]);
  });
  it('gives both ends of "rose from X to Y" the measure of the clause', () => {
    assert.deepEqual(
      figuresOf('Over the year charges rose from 80 to 120.').map((f) => [f.text, f.counts]),
      [
        ['80', 'charges'],
        ['120', 'charges'],
      ],
    );
  });
  it('counts people convicted and jailed', () => {
    assert.deepEqual(
      figuresOf('In total 12 men were convicted, and 9 have since been jailed.').map((f) => f.counts),
      ['convictions', 'people jailed'],
    );
  });
  it('gives an unnamed change the measure of the figures beside it', () => {
    const found = figuresOf('The team closed 44 lines this year, against 30 last year, a rise of 47 per cent.');
    assert.deepEqual(
      found.map((f) => f.counts),
      ['drug lines closed', 'drug lines closed', 'drug lines closed'],
    );
  });
  it('reads "were under 18" as an age limit and "of those arrested" as the measure', () => {
    const [share, age] = figuresOf('A fifth of those arrested were under 18.');
    assert.deepEqual([share.text, share.value, share.counts], ['A fifth', 0.2, 'arrests']);
    assert.deepEqual([age.text, age.unit, age.qualifier, age.bound, age.counts], ['under 18', 'years', 'under', 'upper', 'age']);
  });
  it('does not give an age a subject from the words after it', () => {
    assert.equal(onlyFigure('Dan Reed, 28, admitted supplying Class A drugs.').subject, undefined);
  });
  it('lets a verb after two coordinated nouns cover both', () => {
    assert.deepEqual(
      figuresOf('In all 20 vulnerable adults and 7 children were safeguarded.').map((f) => f.counts),
      ['people safeguarded', 'people safeguarded'],
    );
  });
  it('does not read "county lines" used as a modifier as closed lines', () => {
    assert.deepEqual(
      figuresOf('The force has 6 dedicated county lines officers and closed 9 county lines.').map((f) => f.counts),
      ['officers', 'drug lines closed'],
    );
  });
  it('reads sentences totalled, pupils reached and a cost', () => {
    assert.deepEqual(
      figuresOf('The team secured sentences totalling 61 years. Talks reached 900 pupils at a cost of £12k.').map((f) => [f.text, f.counts]),
      [
        ['61 years', 'prison sentence'],
        ['900', 'people engaged'],
        ['£12k', 'funding'],
      ],
    );
  });
  it('does not read "made up 80%" as a change', () => {
    const f = onlyFigure('Girls made up 80% of referrals.');
    assert.deepEqual([f.text, f.change, f.counts], ['80%', undefined, 'referrals']);
  });
  it('gives a share the measure its clause opens with, and "rose to" its subject', () => {
    const [, share] = figuresOf('Of the 300 referrals, about one in four came from schools.');
    assert.deepEqual([share.text, share.value, share.counts], ['about one in four', 0.25, 'referrals']);
    assert.equal(onlyFigure('The number of people charged rose to 77 last year.').counts, 'people charged');
  });
  it("tells a line's takings from a running cost", () => {
    assert.deepEqual(
      figuresOf('The line made £1,500 a day. The hub costs £2 million a year to run.').map((f) => f.counts),
      ['takings', 'funding'],
    );
  });
  it('reads prosecutions, orders, people supported, a conviction rate and "the youngest was"', () => {
    assert.deepEqual(
      figuresOf(
        'Prosecutors brought 90 prosecutions, up from 70, with a conviction rate of 81%. They secured 12 closure orders. The charity supported 400 young people; the youngest was 11.',
      ).map((f) => [f.text, f.counts]),
      [
        ['90', 'prosecutions'],
        ['70', 'prosecutions'],
        ['81%', 'convictions'],
        ['12', 'orders'],
        ['400', 'people supported'],
        ['11', 'age'],
      ],
    );
  });
  it('reads a label before the figure on its line', () => {
    assert.deepEqual(
      figuresOf('Week in numbers\n\nArrests: 61\nCash seized: £4,000\nDeal lines closed - 5\nWeapons: 3\n').map((f) => [f.text, f.counts]),
      [
        ['61', 'arrests'],
        ['£4,000', 'cash seized'],
        ['5', 'drug lines closed'],
        ['3', 'weapons seized'],
      ],
    );
  });
  it('does not read "5 in 10 days" as a proportion', () => {
    assert.deepEqual(
      figuresOf('They made 5 arrests, one in every five of them in 10 days.').map((f) => [f.text, f.unit]),
      [
        ['5', 'count'],
        ['one in every five', 'ratio'],
      ],
    );
  });
});

describe('findFigures: numbers in words, proportions and vague magnitudes', () => {
  it('reads numbers written in words', () => {
    assert.deepEqual(
      figuresOf('Thirty-four officers took part. Eighty two homes were visited. A dozen phones were seized.').map((f) => [f.text, f.value]),
      [
        ['Thirty-four', 34],
        ['Eighty two', 82],
        ['A dozen', 12],
      ],
    );
  });
  it('reads "nearly a thousand" and "half a million pounds"', () => {
    const [a, b] = figuresOf('Nearly a thousand people were arrested, and half a million pounds was recovered.');
    assert.deepEqual([a.text, a.value, a.precision, a.qualifier, a.bound], ['Nearly a thousand', 1000, 1000, 'nearly', 'approximate']);
    assert.deepEqual([b.text, b.value, b.unit, b.counts], ['half a million pounds', 500000, 'GBP', 'cash seized']);
  });
  it('reads proportions as ratios', () => {
    const [nine, twoThirds] = figuresOf('Nine in 10 defendants pleaded guilty and two-thirds of the victims were boys.');
    assert.deepEqual([nine.text, nine.value, nine.unit, nine.precision], ['Nine in 10', 0.9, 'ratio', 0.1]);
    assert.deepEqual([twoThirds.text, twoThirds.unit], ['two-thirds', 'ratio']);
    assert.ok(Math.abs(twoThirds.value - 2 / 3) < 1e-9);
    assert.equal(onlyFigure('Nine in 10 defendants pleaded guilty.').counts, 'guilty pleas');
  });
  it('leaves out indefinite magnitudes, and never reads their scale word as a figure', () => {
    assert.deepEqual(texts('The gang sold drugs in hundreds of deals and sent tens of thousands of messages.'), []);
    assert.deepEqual(texts('Dealers laundered millions of pounds; thousands attended and dozens more were warned.'), []);
    assert.deepEqual(texts('Hundreds of thousands of pounds went abroad.'), []);
  });
  it('counts "only one" but not "one of" or "in one case"', () => {
    assert.deepEqual(brief(onlyFigure('Only one courier was female.')), { text: 'one', value: 1, unit: 'count', qualifier: 'exact', counts: 'courier' });
    assert.equal(onlyFigure('Just one phone was registered.').counts, 'phones');
    assert.deepEqual(texts('One of the men ran. In one case a line reopened. No one was hurt. It was a one-off.'), []);
  });
  it('reads "several hundred", "a few thousand", "50,000-plus" and "twice"', () => {
    assert.deepEqual(
      figuresOf('Several hundred officers and a few thousand residents took part; 50,000-plus leaflets went out and the power was used twice.').map((f) => [
        f.text,
        f.value,
        f.qualifier,
      ]),
      [
        ['Several hundred', 100, 'several'],
        ['a few thousand', 1000, 'a few'],
        ['50,000-plus', 50000, 'more than'],
        ['twice', 2, 'exact'],
      ],
    );
    assert.deepEqual(texts('There were twice as many calls.'), []);
  });
  it('reads "a quarter of a million pounds", "no fewer than", "or so" and "-odd"', () => {
    assert.deepEqual(
      figuresOf('Cash worth a quarter of a million pounds was seized; no fewer than 40 officers, 300 or so residents and 60-odd volunteers helped.').map(
        (f) => [f.text, f.value, f.unit, f.qualifier, f.bound],
      ),
      [
        ['a quarter of a million pounds', 250000, 'GBP', 'exact', 'exact'],
        ['no fewer than 40', 40, 'count', 'at least', 'lower'],
        ['300 or so', 300, 'count', 'approximately', 'approximate'],
        ['60-odd', 60, 'count', 'approximately', 'approximate'],
      ],
    );
  });
  it('reads "up by more than half" as a change', () => {
    const f = onlyFigure('Robberies went up by more than half.');
    assert.deepEqual([f.text, f.value, f.unit, f.bound, f.change, f.counts], ['up by more than half', 0.5, 'ratio', 'lower', { direction: 'up' }, 'robberies']);
  });
  it('does not add up a list of number words: each end of a range is its own figure', () => {
    assert.deepEqual(texts('Between one and two officers attended.'), ['one', 'two']);
    assert.deepEqual(
      figuresOf('The boys were aged between fourteen and seventeen.').map((f) => [f.text, f.value, f.unit]),
      [
        ['fourteen', 14, 'years'],
        ['seventeen', 17, 'years'],
      ],
    );
  });
});

describe('findFigures: ages and sentence lengths', () => {
  it('reads ages in their usual forms', () => {
    const found = figuresOf('A boy aged 15 and a 16-year-old girl were found; some were as young as 12 years old.');
    assert.deepEqual(
      found.map((f) => [f.text, f.value, f.unit, f.counts]),
      [
        ['15', 15, 'years', 'age'],
        ['16-year-old', 16, 'years', 'age'],
        ['as young as 12 years old', 12, 'years', 'age'],
      ],
    );
  });
  it('reads an age between commas after a name', () => {
    assert.deepEqual(
      figuresOf('Sam Doe, 23, of Luton, and Ali Roe, 19, were jailed.').map((f) => [f.text, f.counts]),
      [
        ['23', 'age'],
        ['19', 'age'],
      ],
    );
  });
  it('reads sentence lengths, with months folded into years', () => {
    assert.deepEqual(
      figuresOf(
        'He was jailed for seven and a half years; she was sentenced to 4 years and 6 months; in all they received more than 30 years imprisonment.',
      ).map((f) => [f.text, f.value, f.qualifier, f.counts]),
      [
        ['seven and a half years', 7.5, 'exact', 'prison sentence'],
        ['4 years and 6 months', 4.5, 'exact', 'prison sentence'],
        ['more than 30 years', 30, 'more than', 'prison sentence'],
      ],
    );
  });
  it('reads "14 or under" as an upper bound', () => {
    const [third, age] = figuresOf('A third of them were aged 14 or under.');
    assert.deepEqual([third.text, third.unit], ['A third', 'ratio']);
    assert.deepEqual([age.text, age.qualifier, age.bound, age.counts], ['14 or under', 'or under', 'upper', 'age']);
  });
});

describe('findFigures: what is not a figure', () => {
  it('skips dates, years and times', () => {
    assert.deepEqual(texts('Published 20 October 2023 00:01. On Jun 02, 2020 at 12:31 BST, and in 2018, from the 9-15 October, from 3 to 9 May.'), []);
  });
  it('skips phone numbers, web addresses and street addresses', () => {
    assert.deepEqual(texts('Call 101, or 999 in an emergency, or Crimestoppers on 0800 555 111. Visit www.example.police.uk/cl/2023 or 12 High Street.'), []);
  });
  it('skips numbers inside names and codes', () => {
    assert.deepEqual(texts('A Section 60 order covered the M25 near Catch22 during COVID-19 and Covid-19; see s.5(3) and #Week4.'), []);
  });
  it('skips ordinals, list numbers and durations that place events in time', () => {
    assert.deepEqual(
      texts(
        'It was the fourth week of action and the 3rd operation.\n1. Background\nThe line reopened one hour later, 18 months after the ban, three and a half years ago.',
      ),
      [],
    );
    assert.deepEqual(texts('Over the last 10 challenging weeks and over the next 12 months officers will keep going.'), []);
  });
  it('skips a number that ends an operation name, and keeps the name whole', () => {
    const found = figuresOf('Under Operation Falcon 2 officers made 14 arrests.');
    assert.deepEqual(
      found.map((f) => [f.text, f.operation]),
      [['14', 'Operation Falcon 2']],
    );
  });
  it('skips the furniture of a court report', () => {
    assert.deepEqual(
      texts('Posted on 3rd May 2024 at 14:20. He was remanded to 31/05/2024 under the 2021-2025 plan, 24/7, between 10pm and 2am, on 0300 123 4567.'),
      [],
    );
  });
  it('skips numbers inside entities', () => {
    const text = 'The order under Regulation Nine Act 2015 was used.';
    const entity = {
      kind: 'legal-term' as const,
      id: 'x',
      start: 16,
      end: 38,
      text: text.slice(16, 38),
      line: 0,
      source: 'lexicon' as const,
      termId: 'x',
      canonical: 'x',
      category: 'legislation' as const,
    };
    assert.deepEqual(
      figuresOf(text, [entity]).map((f) => f.text),
      [],
    );
  });
});

describe('findFigures: attribution', () => {
  it('names the organisation that reports the figure', () => {
    const text = 'Kent Police arrested 21 people, while Crimestoppers passed on tips.';
    const f = onlyFigure(text, [org(text, 'Kent Police', 'kent-police'), org(text, 'Crimestoppers', 'crimestoppers', 'charity')]);
    assert.equal(f.claimant, 'kent-police');
  });
  it('does not take a charity named as an example for the claimant', () => {
    const text = 'Officers referred 31 young people to partners such as Safe Steps, and four were referred to the NRM.';
    const found = figuresOf(text, [org(text, 'Safe Steps', 'safe-steps', 'charity')]);
    assert.deepEqual(
      found.map((f) => f.claimant),
      [undefined, undefined],
    );
  });
  it('finds the operation, the period and the place', () => {
    const text = 'Between 1 November 2019 and 31 January 2021, Operation Orochi led to 587 charges across London.';
    const f = onlyFigure(text);
    assert.equal(f.operation, 'Operation Orochi');
    assert.deepEqual(f.period, { text: 'Between 1 November 2019 and 31 January 2021', from: '2019-11-01', to: '2021-01-31' });
    assert.equal(f.place, 'London');
  });
  it('resolves a day range with the dateline year', () => {
    const text = '20 October 2023 00:01 Week of action\n\nFrom the 9-15 October officers made 88 arrests in Southend.';
    const f = onlyFigure(text);
    assert.deepEqual(f.period, { text: 'From the 9-15 October', from: '2023-10-09', to: '2023-10-15' });
    assert.equal(f.place, 'Southend');
  });
});

describe('findFigures: offsets', () => {
  it('keeps text equal to the slice, the line and the sentence', () => {
    const text = 'Headline\r\n\r\nPolice made 17 arrests.\r\nThey seized £2,000.';
    for (const f of figuresOf(text)) {
      assert.equal(f.text, text.slice(f.start, f.end));
      assert.equal(f.id, `figure:${f.start}-${f.end}`);
      assert.ok(f.sentence.start <= f.start && f.end <= f.sentence.end);
    }
    assert.deepEqual(
      figuresOf(text).map((f) => f.line),
      [2, 3],
    );
  });
});
