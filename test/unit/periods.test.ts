import * as assert from 'node:assert/strict';
import { findDaySpans, findPeriod, findPeriods, isoDate, isWeekLong, monthNumber, refersToWeek } from '../../src/core/extract/periods';

const published = '2023-10-20';
const dates = (sentence: string, ctx = { published }) => {
  const p = findPeriod(sentence, ctx);
  return p ? [p.from, p.to] : undefined;
};

describe('findPeriod', () => {
  it('takes the year a day range leaves out from the publication', () => {
    assert.deepEqual(dates('officers were at the forefront from the 9-15 October.'), ['2023-10-09', '2023-10-15']);
    assert.deepEqual(dates('The activity, from 9 to 15 October 2023, was part of it.'), ['2023-10-09', '2023-10-15']);
    assert.deepEqual(dates('warrants between 9 and 15 October'), ['2023-10-09', '2023-10-15']);
  });
  it('resolves ranges of dates with weekdays and of months', () => {
    assert.deepEqual(dates('which ran from Monday 9 October to Sunday 15 October 2023'), ['2023-10-09', '2023-10-15']);
    assert.deepEqual(dates('between Monday 9 October and Sunday 15 October 2023, as part of'), ['2023-10-09', '2023-10-15']);
    assert.deepEqual(dates('between November 2019 and January 2021'), ['2019-11', '2021-01']);
    assert.deepEqual(dates('from 1 October 2022 to 30 September 2023'), ['2022-10-01', '2023-09-30']);
  });
  it('reads the edges of a span: the start of a programme, the end of a month', () => {
    assert.deepEqual(dates('Between the start of the programme in November 2019 and the end of September 2023, more than 5,200 lines'), [
      '2019-11',
      '2023-09-30',
    ]);
    assert.deepEqual(dates('had closed more than 4,000 lines by the end of March 2023'), [undefined, '2023-03-31']);
  });
  it('finds each pattern whatever opens its date: a weekday, "the", a month or a year, in any case', () => {
    // Each pattern is searched only where a shorter part of it matches first (its `core`): these are the
    // forms that part must not miss.
    assert.deepEqual(dates('by Monday 30 October 2023'), [undefined, '2023-10-30']);
    assert.deepEqual(dates('by the end of Monday 30 October'), [undefined, '2023-10-30']);
    assert.deepEqual(dates('BY MARCH 2023 the unit had closed 40 lines'), [undefined, '2023-03']);
    assert.deepEqual(dates('lines closed by 2023'), [undefined, '2023']);
    assert.deepEqual(dates('from Monday, 9 to Sunday, 15 October'), ['2023-10-09', '2023-10-15']);
    assert.deepEqual(dates('9th until 15th Oct. 2023'), ['2023-10-09', '2023-10-15']);
    assert.deepEqual(dates('in the WEEK ENDING 15 October 2023'), ['2023-10-09', '2023-10-15']);
    assert.deepEqual(dates('over the PAST 12 months'), ['2022-10-21', '2023-10-20']);
    assert.deepEqual(findPeriod('It was seized on Thursday 2 November 2023.', { published }), {
      text: 'on Thursday 2 November 2023',
      from: '2023-11-02',
      to: '2023-11-02',
    });
    assert.equal(findPeriod('He was arrested in Sept 2022.', { published })?.from, '2022-09');
    assert.equal(findPeriod('on the 2 November 2023', { published })?.from, '2023-11-02');
  });
  it('runs "since" to the publication date', () => {
    assert.deepEqual(dates('since November 2019'), ['2019-11', '2023-10-20']);
    assert.deepEqual(dates('since November 2019', {} as { published: string }), ['2019-11', undefined]);
  });
  it('counts back spans that end on a date', () => {
    assert.deepEqual(dates('in the 12 months to 30 September 2023'), ['2022-10-01', '2023-09-30']);
    assert.deepEqual(dates('in the year to March 2023'), ['2022-04', '2023-03']);
  });
  it('reads financial years', () => {
    assert.deepEqual(dates('in 2019/20'), ['2019-04-01', '2020-03-31']);
    assert.deepEqual(dates('in the 2024 to 2025 financial year'), ['2024-04-01', '2025-03-31']);
    assert.equal(findPeriod('between 2019 and 2023')?.from, '2019');
  });
  it('places relative periods around the publication date', () => {
    assert.deepEqual(dates('over the next 12 months'), ['2023-10-20', '2024-10-19']);
    assert.deepEqual(dates('Over the last year, the charity worked with 412'), ['2022-10-21', '2023-10-20']);
    assert.deepEqual(dates('arrests last year'), ['2022', '2022']);
    assert.equal(findPeriod('over the previous 12 months', { published })?.from, undefined);
    assert.equal(findPeriod('over the next 12 months')?.from, undefined);
  });
  it('dates a week by the day it ended, counted back from publication', () => {
    assert.deepEqual(dates('The week of action, which ended last Sunday, was the third.', { published: '2023-10-21' }), ['2023-10-09', '2023-10-15']);
    assert.deepEqual(dates('the week ended on Friday', { published: '2023-10-20' }), ['2023-10-07', '2023-10-13']);
  });
  it('reads single days, months and years', () => {
    assert.deepEqual(dates('On Thursday 2 November 2023, at the same court:'), ['2023-11-02', '2023-11-02']);
    assert.deepEqual(dates('The line was broken up in March 2022 after'), ['2022-03', '2022-03']);
    assert.deepEqual(dates('gave the Met £5m for Operation Orochi in 2020'), ['2020', '2020']);
  });
  it('takes the earliest dated phrase of a sentence', () => {
    assert.deepEqual(dates('In 2020 they made 87 arrests; since March 2021 another 40'), ['2020', '2020']);
  });
  it('keeps undated named periods as words', () => {
    assert.deepEqual(findPeriod('made 290 arrests during the week of action', { published }), { text: 'during the week of action' });
    assert.equal(findPeriod('Officers made 290 arrests.', { published }), undefined);
  });
  it('puts a year-less month late in the year before an early publication in the year before', () => {
    assert.deepEqual(dates('from 9 to 15 December', { published: '2024-01-10' }), ['2023-12-09', '2023-12-15']);
  });
});

describe('period helpers', () => {
  it('converts dates', () => {
    assert.equal(isoDate('1 November 2019'), '2019-11-01');
    assert.equal(isoDate('October 7th, 2019'), '2019-10-07');
    assert.equal(isoDate('Sept 2021'), '2021-09');
    assert.equal(isoDate('9 October'), undefined);
    assert.equal(isoDate('31 February 2023'), undefined);
    assert.equal(monthNumber('Sept'), '09');
    assert.equal(monthNumber('Ma'), undefined);
    assert.equal(monthNumber('Octopus'), undefined);
  });
  it('tells a week from longer periods and words that refer to the week', () => {
    assert.equal(isWeekLong({ text: '', from: '2023-10-09', to: '2023-10-15' }), true);
    assert.equal(isWeekLong({ text: '', from: '2022-10-01', to: '2023-09-30' }), false);
    assert.equal(refersToWeek({ text: 'during the week' }), true);
    assert.equal(refersToWeek({ text: 'In its most recent week of action' }), false);
  });
});

describe('findDaySpans', () => {
  // Written for these tests: each sentence states one kind of period.
  const spans = [
    'Officers made arrests from 9 to 15 October as part of the week.',
    'Figures for the week to 15 October 2023 were published.',
    'In the past fortnight, and over the past two weeks, lines were closed.',
    'The week of action, which ended last Sunday, saw 40 arrests.',
    'Since 12 October, officers have seized 3kg of cocaine.',
  ];
  const notSpans = [
    'The man was charged on Thursday 2 November 2023.',
    'Crime rose in March 2022 and by 2023.',
    'Last year the figure was 12.',
    'During the week of action officers visited schools.',
  ];

  it('finds the span phrases findPeriods finds, as findPeriods dates them', () => {
    for (const sentence of spans) {
      const all = findPeriods(sentence, { published }).filter((f) => f.period.from && f.period.to && f.period.from !== f.period.to);
      assert.ok(all.length > 0, sentence);
      assert.deepEqual(findDaySpans(sentence, { published }), all, sentence);
    }
  });
  it('skips single days, months, years and undated periods', () => {
    for (const sentence of notSpans) assert.deepEqual(findDaySpans(sentence, { published }), [], sentence);
  });
});

describe('findPeriods: words a pattern needs', () => {
  it('still matches under Unicode case folding, where lower-casing would not find the word', () => {
    // U+017F (long s) matches "s" under the patterns' iu flags; the quick word check must not skip it.
    const found = findPeriods('Arrests \u017fince 12 October rose.', { published });
    assert.deepEqual(
      found.map((f) => f.period.from),
      ['2023-10-12'],
    );
  });
  it('finds every kind of phrase in mixed case', () => {
    assert.deepEqual(
      findPeriods('BETWEEN 9 AND 15 OCTOBER 2023', { published }).map((f) => [f.period.from, f.period.to]),
      [['2023-10-09', '2023-10-15']],
    );
    assert.deepEqual(
      findPeriods('In The Past Week', { published }).map((f) => f.period.to),
      ['2023-10-20'],
    );
  });
});
