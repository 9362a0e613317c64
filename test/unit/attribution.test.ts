import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { findFigurePeriod, findOperation, findPlace } from '../../src/core/extract/attribution';
import type { FigureAnnotation } from '../../src/core/types';

/** The figure whose text is `quote` (the nth one), from the whole pipeline. */
function figure(text: string, quote: string, nth = 1): FigureAnnotation {
  const found = analyze(text).annotations.filter((a): a is FigureAnnotation => a.kind === 'figure' && a.text === quote);
  assert.ok(
    found.length >= nth,
    `no figure "${quote}" #${nth}; figures: ${analyze(text)
      .annotations.filter((a) => a.kind === 'figure')
      .map((a) => a.text)
      .join(', ')}`,
  );
  return found[nth - 1];
}

const roundup = [
  'More than 800 held as forces target drug lines in national week of action',
  "Published by the National Police Chiefs' Council, 20 March 2024",
  '',
  'Police forces across England and Wales made 804 arrests during the week of action, which ran from Monday 4 March to Sunday 10 March 2024, the National County Lines Coordination Centre has confirmed.',
  '',
  'Results for the week:',
  '',
  '  • 804 arrests',
  '  • 233 deal lines closed',
  '',
  'Together those four forces accounted for 301 of the arrests. Of the lines shut down, 61 were closed by the Met working with county forces.',
].join('\n');

describe('attribution: claimant', () => {
  it('gives national figures to the national coordinator, in the lede, the headline and the list alike', () => {
    assert.equal(figure(roundup, '804', 1).claimant, 'nclcc');
    assert.equal(figure(roundup, '804', 2).claimant, 'nclcc');
    assert.equal(figure(roundup, 'More than 800').claimant, 'nclcc');
    assert.equal(figure(roundup, '233').claimant, 'nclcc');
  });
  it('reads "police" in a force\'s own release as the force, unless the sentence says all forces', () => {
    const text =
      'Week results\nPublished by Kent Police, 18 October 2023\n\nKent Police closed 6 lines in the national week of action.\n\nDuring the national week of action police made 21 arrests in Margate.\n\nPolice forces across England and Wales made 1,012 arrests.';
    assert.equal(figure(text, '21').claimant, 'kent-police');
    assert.equal(figure(text, '1,012').claimant, 'nclcc');
  });
  it('takes the agent named after a passive verb', () => {
    assert.equal(figure(roundup, '61').claimant, 'met');
  });
  it('gives a group of forces to no one organisation', () => {
    assert.equal(figure(roundup, '301').claimant, undefined);
  });
  it('prefers the nearest actor: a reporter for its own figure, all forces for theirs', () => {
    const text =
      'Funding confirmed\nPublished by the Home Office, 2 May 2024\n\nThe Home Office has confirmed £12m for the coming year, after a week in which police made 655 arrests nationally.';
    assert.equal(figure(text, '£12m').claimant, 'home-office');
    assert.equal(figure(text, '655').claimant, 'nclcc');
  });
  it('names a programme that reports figures, and "the programme" as the one the lede names', () => {
    const text = [
      'Money for the Rural Lines Programme',
      'Published by the Home Office, 2 May 2024',
      '',
      'The Home Office has renewed the Rural Lines Programme for another year.',
      '',
      'Since the start of the programme in June 2021, 830 deal lines were closed.',
      '',
      'A news item said the Rural Lines Programme, which funds rural taskforces, had closed 700 lines by the end of 2022.',
    ].join('\n');
    assert.equal(figure(text, '830').claimant, 'rural-lines-programme');
    assert.equal(figure(text, '700').claimant, 'rural-lines-programme');
  });
  it('falls back on the organisation the lede reports for, then on the publisher', () => {
    const text =
      'Week results\nPublished by Essex Police, 18 October 2023\n\nEssex Police arrested 30 people during a week of action from 9 to 15 October 2023.\n\nSeizures:\n\n  • £4,100 in cash';
    assert.equal(figure(text, '£4,100').claimant, 'essex-police');
  });
});

describe('attribution: period', () => {
  it('resolves a range without a year from the publication date, and gives it to list items that state none', () => {
    const text =
      'Force closes lines\nPublished by Kent Police, 18 October 2023\n\nKent Police closed 12 drug lines from 9 to 15 October.\n\nResults:\n\n  • 40 arrests';
    assert.deepEqual([figure(text, '12').period?.from, figure(text, '12').period?.to], ['2023-10-09', '2023-10-15']);
    assert.deepEqual(figure(text, '40').period, { text: 'from 9 to 15 October', from: '2023-10-09', to: '2023-10-15' });
  });
  it("keeps a figure's own period over the document's", () => {
    const text =
      'Force closes lines\nPublished by Kent Police, 18 October 2023\n\nKent Police closed 12 drug lines from 9 to 15 October.\n\nOn Wednesday 11 October officers arrested two men.';
    assert.deepEqual([figure(text, 'two').period?.from, figure(text, 'two').period?.to], ['2023-10-11', '2023-10-11']);
  });
  it('dates "during the week" with the week the document states', () => {
    assert.deepEqual(
      findFigurePeriod('During the week officers made 20 arrests.', 30, undefined, {
        date: '2023-10-18',
        period: { text: 'from 9 to 15 October', from: '2023-10-09', to: '2023-10-15' },
      }),
      {
        text: 'During the week',
        from: '2023-10-09',
        to: '2023-10-15',
      },
    );
  });
  it("leaves the items of a breakdown without the document's period", () => {
    const meta = { date: '2023-10-24', period: { text: 'in 2024/25', from: '2024-04-01', to: '2025-03-31' } };
    assert.equal(findFigurePeriod('£7m for youth work', 0, 'The money will be divided as follows:', meta), undefined);
    assert.deepEqual(findFigurePeriod('£7m for youth work', 0, 'Spending:', meta), meta.period);
  });
  it('gives each figure of a sentence the period phrase nearest it', () => {
    const s = 'It confirmed £9m in the 2024 to 2025 financial year, after a week of action in which police made 512 arrests.';
    assert.equal(findFigurePeriod(s, s.indexOf('£9m'), undefined, { date: '2023-10-24' })?.from, '2024-04-01');
    assert.equal(findFigurePeriod(s, s.indexOf('512'), undefined, { date: '2023-10-24' })?.from, undefined);
  });
});

describe('attribution: operation and place', () => {
  it("takes an operation from the sentence, the list heading or the paragraph's opening sentence only", () => {
    const text =
      "Operation Kestrel teams made 14 arrests. Officers also closed 3 lines.\n\nThe force closed 20 lines. The Met's Operation Orochi made 50 arrests.";
    const second = { start: text.indexOf('Officers'), end: text.indexOf('lines.') + 6 };
    assert.equal(findOperation(text, second, { start: 0, end: text.indexOf('\n\n') }), 'Operation Kestrel');
    const p2 = text.indexOf('The force');
    assert.equal(findOperation(text, { start: p2, end: p2 + 26 }, { start: p2, end: text.length }), undefined);
  });
  it('reads no place from national scope or from a detail after a comma', () => {
    assert.equal(findPlace('made 1,012 arrests across England and Wales', []), undefined);
    assert.equal(findPlace('held in raids around the country', []), undefined);
    assert.equal(findPlace('closed 11 lines in Kent', []), 'Kent');
    const s = 'safeguarded 24 people, among them a girl found in Harlow';
    assert.equal(findPlace(s, [], s.indexOf('24') + 2), undefined);
    assert.equal(findPlace(s, []), 'Harlow');
  });
  it('reads referrals to the National Referral Mechanism named before the figure', () => {
    const text =
      "Charity statement\nPublished by The Children's Society, 20 October 2023\n\nThe National Referral Mechanism received 64 referrals during the week.";
    assert.equal(figure(text, '64').subject, 'National Referral Mechanism');
    assert.equal(figure('Officers received 64 referrals during the week.', '64').subject, undefined);
  });
  it('gives money handed to a named organisation that organisation as its subject', () => {
    const text = 'Grants\nPublished by the Home Office, 24 October 2023\n\nIn addition, £300,000 will go to Crimestoppers for a schools campaign.';
    assert.equal(figure(text, '£300,000').subject, 'Crimestoppers');
  });
});
