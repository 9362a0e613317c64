import * as assert from 'node:assert/strict';
import { buildRecord, createRecordIndex, describeInterval, intervalOf } from '../../src/core/record';
import { fig, makeDoc } from '../support/figures';

const week = { text: '9-15 October', from: '2023-10-09', to: '2023-10-15' };

describe('record: intervals', () => {
  const iv = (value: number, qualifier: string, precision = 1, bound: 'exact' | 'lower' | 'upper' | 'approximate' = 'exact') =>
    describeInterval(intervalOf({ value, qualifier, bound, precision }));
  it('reads an exact integer as half a unit either side', () => assert.equal(iv(290, 'exact'), '289.5 to 290.5'));
  it('reads "more than" and "over" as open lower bounds', () => {
    assert.equal(iv(290, 'more than', 1, 'lower'), 'more than 290');
    assert.equal(iv(1000, 'over', 1, 'lower'), 'more than 1,000');
    assert.equal(iv(50, 'at least', 1, 'lower'), 'at least 50');
  });
  it('reads "almost" as within 10% below', () => {
    const i = intervalOf({ value: 300, qualifier: 'almost', bound: 'approximate', precision: 1 });
    assert.deepEqual([i.lo, i.hi, i.hiOpen], [270, 300, true]);
  });
  it('reads "around" as 10% either side, widened to half the precision', () => {
    assert.equal(iv(300, 'around', 1, 'approximate'), '270 to 330');
    assert.equal(iv(1000, 'nearly', 1000, 'approximate'), '500 to 1,000');
  });
  it('reads "up to" as at most', () => assert.equal(iv(50, 'up to', 1, 'upper'), 'at most 50'));
  it('falls back on the bound for qualifiers it does not know', () => assert.equal(iv(20, 'a whisker past', 1, 'lower'), 'more than 20'));
});

describe('record: linking', () => {
  it('groups different phrasings of the same measure into one record', () => {
    const a = makeDoc('a.txt', 'The week of action led to more than 280 arrests by the Met.', [
      fig('more than 280 arrests', { value: 280, qualifier: 'more than', counts: 'arrests', claimant: 'met', period: week }),
    ]);
    const b = makeDoc('b.txt', 'Officers made 290 arrests in the week.', [fig('290 arrests', { counts: 'arrests', claimant: 'met', period: week })]);
    const c = makeDoc('c.txt', 'The Met said almost 300 people were arrested.', [
      fig('almost 300', { value: 300, qualifier: 'almost', counts: 'arrests', claimant: 'met', period: week }),
    ]);
    const { records, annotationRecord } = buildRecord([a, b, c]);
    assert.equal(records.length, 1);
    assert.equal(records[0].sourceCount, 3);
    assert.equal(records[0].status, 'consistent');
    assert.equal(records[0].organisation, 'met');
    assert.equal(records[0].period, '2023-10-09..2023-10-15');
    assert.deepEqual(new Set([a, b, c].flatMap((d) => Object.values(annotationRecord[d.id]))), new Set([records[0].recordId]));
  });

  it('keeps the same number in different places apart', () => {
    const kent = makeDoc('kent.txt', 'Kent officers made 21 arrests.', [fig('21 arrests', { counts: 'arrests', place: 'in Kent', period: week })]);
    const essex = makeDoc('essex.txt', 'Essex officers made 21 arrests.', [fig('21 arrests', { counts: 'arrests', place: 'in Essex', period: week })]);
    const { records } = buildRecord([kent, essex]);
    assert.equal(records.length, 2);
    assert.deepEqual(records.map((r) => r.place).sort(), ['essex', 'kent']);
    assert.ok(records.every((r) => r.status === 'single-source'));
  });

  it('keeps different exact values in one paragraph apart: they are different things, not restatements', () => {
    const d = makeDoc('d.txt', 'Brennan, 23, and Osei, 19, ran the line.\n\n  • Castell was jailed for 7 years\n  • Brennan was jailed for 6 years\n', [
      fig('23', { unit: 'years', counts: 'age' }),
      fig('19', { unit: 'years', counts: 'age' }),
      fig('7 years', { counts: 'prison sentence' }),
      fig('6 years', { counts: 'prison sentence' }),
    ]);
    const { records, checks } = buildRecord([d]);
    assert.deepEqual(
      records.filter((r) => r.measure === 'prison sentence').map((r) => r.claims.map((c) => c.text)),
      [['7 years'], ['6 years']],
    );
    // Each age is its own person's: a record of that person, never restated by the other's.
    assert.deepEqual(
      records
        .filter((r) => r.measure === 'age')
        .map((r) => [r.scope, r.claims.map((c) => c.text)])
        .sort(),
      [
        ['person:brennan', ['23']],
        ['person:osei', ['19']],
      ],
    );
    assert.deepEqual(checks['d.txt'], []);
  });

  it('keeps different measures apart even with the same value', () => {
    const d = makeDoc('d.txt', '52 people were safeguarded and 52 weapons seized.', [
      fig('52 people', { counts: 'people safeguarded' }),
      fig('52 weapons', { counts: 'weapons seized' }),
    ]);
    assert.equal(buildRecord([d]).records.length, 2);
  });

  it('does not link figures whose measure is unknown', () => {
    const d = makeDoc('d.txt', 'There were 52 of them, and 52 more.', [fig('52'), fig('52', { occurrence: 1 })]);
    const { records, annotationRecord } = buildRecord([d]);
    assert.equal(records.length, 0);
    assert.equal(annotationRecord['d.txt'], undefined);
  });

  it('flags a headline that contradicts the body of the same document', () => {
    const d = makeDoc('d.txt', 'Forty people arrested\n\nIn total, 43 people were arrested during the operation.', [
      fig('Forty', { value: 40, precision: 1, unit: 'count', counts: 'arrests' }),
      fig('43 people', { counts: 'arrests' }),
    ]);
    const [r] = buildRecord([d]).records;
    assert.equal(r.status, 'conflict');
    assert.equal(r.sourceCount, 1);
    assert.equal(r.rule, 'bare-rounding');
    assert.match(
      r.explanation,
      /^“Forty” \(d\.txt, line 1\) is an unhedged rounding of “43 people” \(d\.txt, line 3\) that is 7% off \(more than 1%\)\. \(both in the same document\)$/,
    );
  });

  it('flags a headline that restates a sentence at a different length', () => {
    const d = makeDoc('d.txt', 'Man jailed for eight years\n\nLater he was jailed for eight and a half years.', [
      fig('eight years', { value: 8, unit: 'years', precision: 1, counts: 'custodial sentence' }),
      fig('eight and a half years', { value: 8.5, unit: 'years', precision: 0.5, counts: 'custodial sentence' }),
    ]);
    assert.equal(buildRecord([d]).records[0].status, 'conflict');
  });

  it('reports a conflict across documents of one event when no value fits both', () => {
    const a = makeDoc('a.txt', 'More than 1,300 individuals were charged.', [
      fig('More than 1,300', { value: 1300, qualifier: 'more than', counts: 'people charged', claimant: 'met', period: week }),
    ]);
    const b = makeDoc('b.txt', 'The Met charged 1,250 individuals.', [fig('1,250', { counts: 'people charged', claimant: 'met', period: week })]);
    const [r] = buildRecord([a, b]).records;
    assert.equal(r.status, 'conflict');
    assert.equal(r.sourceCount, 2);
  });

  it('does not link figures across documents when nothing about who or when agrees', () => {
    const a = makeDoc('a.txt', 'Police made 700 arrests.', [fig('700 arrests', { counts: 'arrests' })]);
    const b = makeDoc('b.txt', 'Police made 290 arrests.', [fig('290 arrests', { counts: 'arrests' })]);
    const { records } = buildRecord([a, b]);
    assert.equal(records.length, 2);
    assert.ok(records.every((r) => r.status === 'single-source'));
  });

  it('keeps counts over different periods of the same organisation apart', () => {
    const d = makeDoc('d.txt', 'The week saw 290 arrests. Since November 2019 the Met has made 110 arrests.', [
      fig('290 arrests', { counts: 'arrests', claimant: 'met', period: week }),
      fig('110 arrests', { counts: 'arrests', claimant: 'met', period: { text: 'Since November 2019', from: '2019-11' } }),
    ]);
    const { records } = buildRecord([d]);
    assert.equal(records.length, 2);
    assert.ok(records.every((r) => r.status === 'single-source'));
  });

  it('lets a figure that says less join the record of its own document its value agrees with', () => {
    const d = makeDoc('d.txt', 'The week saw more than 290 arrests. Since November 2019 the Met has made 110 arrests.\n\n  • 290 arrests\n', [
      fig('more than 290 arrests', { value: 290, qualifier: 'more than', counts: 'arrests', claimant: 'met', period: week }),
      fig('110 arrests', { counts: 'arrests', claimant: 'met', period: { text: 'Since November 2019', from: '2019-11' } }),
      fig('290 arrests', { occurrence: 1, counts: 'arrests' }),
    ]);
    const { records, annotationRecord } = buildRecord([d]);
    assert.equal(records.length, 2);
    const ids = annotationRecord['d.txt'];
    const bullet = Object.entries(ids).find(([id]) => id === `figure:${d.text.lastIndexOf('290 arrests')}-${d.text.lastIndexOf('290 arrests') + 11}`)![1];
    const lead = Object.entries(ids).find(([id]) => id.startsWith(`figure:${d.text.indexOf('more than 290')}-`))![1];
    assert.equal(bullet, lead);
  });

  it('reads "since" as running to the date of publication, so a later cumulative count is another record', () => {
    const early = makeDoc(
      '2021.txt',
      'Between November 2019 and January 2021 the Met charged 587 people.',
      [
        fig('587 people', {
          counts: 'people charged',
          claimant: 'met',
          period: { text: 'Between November 2019 and January 2021', from: '2019-11', to: '2021-01' },
        }),
      ],
      { date: '2021-02-01' },
    );
    const later = makeDoc(
      '2023.txt',
      'Since November 2019 the Met has charged 604 people.',
      [fig('604 people', { counts: 'people charged', claimant: 'met', period: { text: 'Since November 2019', from: '2019-11' } })],
      { date: '2023-10-20' },
    );
    assert.deepEqual(
      buildRecord([early, later]).records.map((r) => r.status),
      ['single-source', 'single-source'],
    );
  });

  it('does not link period-less figures published months after a week to that week', () => {
    const week = { text: '9-15 October 2023', from: '2023-10-09', to: '2023-10-15' };
    const release = makeDoc(
      '2023.txt',
      'The Met closed 92 lines in the week.',
      [fig('92 lines', { counts: 'drug lines closed', claimant: 'met', period: week })],
      { date: '2023-10-20' },
    );
    const old = makeDoc('2020.txt', 'The Met has closed 87 lines.', [fig('87 lines', { counts: 'drug lines closed', claimant: 'met' })], {
      date: '2020-06-02',
    });
    const later = makeDoc('2024.txt', 'The Met closed 90 lines.', [fig('90 lines', { counts: 'drug lines closed', claimant: 'met' })], { date: '2024-03-01' });
    const { records, events } = buildRecord([release, old, later]);
    assert.deepEqual(
      records.map((r) => r.claims.length),
      [1, 1, 1],
    );
    assert.equal(events.length, 3, 'three events: nothing ties the documents together');
  });

  it('links documents the evidence joins, and keeps apart one that shares nothing with them', () => {
    const a = makeDoc(
      'a.txt',
      'The Met made 290 arrests and seized £214,568.',
      [fig('290 arrests', { counts: 'arrests', claimant: 'met' }), fig('£214,568', { counts: 'cash seized', claimant: 'met' })],
      { date: '2023-10-20' },
    );
    const b = makeDoc('b.txt', 'The Met made 300 arrests.', [fig('300 arrests', { counts: 'arrests', claimant: 'met' })], { date: '2023-12-20' });
    const c = makeDoc(
      'c.txt',
      'The Met made 300 arrests and seized £214,568.',
      [fig('300 arrests', { counts: 'arrests', claimant: 'met' }), fig('£214,568', { counts: 'cash seized', claimant: 'met' })],
      { date: '2023-10-25' },
    );
    const { records, events } = buildRecord([a, b, c]);
    assert.deepEqual(
      records
        .filter((r) => r.measure === 'arrests')
        .map((r) => r.claims.map((x) => x.docId).join('+'))
        .sort(),
      ['a.txt+c.txt', 'b.txt'],
    );
    const joined = events.find((e) => e.documents.length === 2)!;
    assert.deepEqual(joined.documents, ['a.txt', 'c.txt']);
    assert.ok(
      joined.links[0].evidence.some((x) => x.kind === 'figure' && x.text === '£214,568 in both' && x.weight >= 8),
      JSON.stringify(joined.links),
    );
  });

  it('does not link far-apart values when no period says they are the same count', () => {
    const d = makeDoc('d.txt', 'The Met made 290 arrests in the week.\n\nOn Wednesday officers arrested two men.', [
      fig('290 arrests', { counts: 'arrests', claimant: 'met' }),
      fig('two men', { value: 2, precision: 1, unit: 'count', counts: 'arrests', claimant: 'met' }),
    ]);
    assert.deepEqual(
      buildRecord([d]).records.map((r) => r.status),
      ['single-source', 'single-source'],
    );
  });

  it('derives record ids from the record key, not from the order documents arrive in', () => {
    const docs = [
      makeDoc('a.txt', 'The Met made 290 arrests.', [fig('290 arrests', { counts: 'arrests', claimant: 'met', period: week })]),
      makeDoc('b.txt', 'Kent made 21 arrests.', [fig('21 arrests', { counts: 'arrests', claimant: 'kent', period: week })]),
      makeDoc('c.txt', 'The Met seized £214,568 cash.', [fig('£214,568', { counts: 'cash seized', claimant: 'met', period: week })]),
    ];
    const forward = buildRecord(docs).records.map((r) => r.recordId);
    const backward = buildRecord([...docs].reverse()).records.map((r) => r.recordId);
    assert.deepEqual(backward, forward);
    // A record's key names its event, so the same figure read without the documents that place it in an
    // event is another record; what must never matter is the order documents arrive in.
    assert.deepEqual(
      buildRecord([docs[1], docs[2], docs[0]]).records.map((r) => r.recordId),
      forward,
    );
  });

  it('carries provenance on every claim', () => {
    const d = makeDoc('d.txt', 'Headline\nThe Met made 290 arrests in the week.', [fig('290 arrests', { counts: 'arrests' })], {
      publisher: 'met',
      date: '2023-10-20',
    });
    const [c] = buildRecord([d]).records[0].claims;
    assert.deepEqual(
      { docId: c.docId, line: c.line, sentence: c.sentence, publisher: c.publisher, date: c.date, text: c.text },
      { docId: 'd.txt', line: 1, sentence: 'The Met made 290 arrests in the week.', publisher: 'met', date: '2023-10-20', text: '290 arrests' },
    );
  });

  it('takes the publisher as the claimant of its own unattributed figures, but not a newspaper', () => {
    const release = makeDoc(
      'release.txt',
      'Metropolitan Police news. Officers made 290 arrests.',
      [fig('290 arrests', { counts: 'arrests' })],
      { publisher: 'met' },
      [{ text: 'Metropolitan Police', entityId: 'met' }],
    );
    const paper = makeDoc('paper.txt', 'The Guardian. Police made 290 arrests.', [fig('290 arrests', { counts: 'arrests' })], { publisher: 'guardian' }, [
      { text: 'The Guardian', entityId: 'guardian', orgType: 'media' },
    ]);
    const { records } = buildRecord([release, paper]);
    assert.deepEqual(records.map((r) => r.organisation ?? null).sort(), ['met', null]);
  });

  it('never throws on odd figures: zero, negative, huge, no precision, empty text', () => {
    const d = makeDoc('odd.txt', 'a 0 b -5 c 1e300 d 7 e 7 f', [
      fig('0', { counts: 'arrests', precision: 0 }),
      fig('-5', { value: -5, unit: 'count', precision: 1, counts: 'arrests' }),
      fig('1e300', { value: 1e300, unit: 'count', precision: 0, counts: 'arrests' }),
      fig('7', { counts: 'arrests', qualifier: 'up to', bound: 'upper' }),
      fig('7', {
        occurrence: 1,
        counts: 'arrests',
        qualifier: 'gibberish',
        bound: 'approximate',
        change: { direction: 'up', from: 0, to: 7 },
        unit: 'percent',
        value: 7,
        precision: 1,
      }),
    ]);
    const empty = { id: 'empty.txt', text: '', analysis: { words: 0, annotations: [], sentences: [], meta: {}, notices: [] } };
    const { records, checks } = buildRecord([d, empty]);
    assert.ok(records.length > 0);
    assert.deepEqual(checks['empty.txt'], []);
  });

  it('answers recordFor, recordsFor and conflicts from the index', () => {
    const index = createRecordIndex();
    const a = makeDoc('a.txt', 'The Met made 290 arrests.', [fig('290 arrests', { counts: 'arrests', claimant: 'met', period: week })]);
    const b = makeDoc('b.txt', 'The Met made 300 arrests.', [fig('300 arrests', { counts: 'arrests', claimant: 'met', period: week })]);
    index.upsert(a);
    assert.equal(index.conflicts().length, 0);
    const update = index.upsert(b);
    const r = index.recordFor('a.txt', a.analysis.annotations[0].id)!;
    assert.equal(r.status, 'conflict');
    assert.deepEqual(update.changedRecords, [r.recordId]);
    assert.deepEqual(
      index.conflicts().map((x) => x.recordId),
      [r.recordId],
    );
    assert.deepEqual(
      index.recordsFor('b.txt').map((x) => x.recordId),
      [r.recordId],
    );
    index.remove('b.txt');
    assert.equal(index.recordFor('a.txt', a.analysis.annotations[0].id)!.status, 'single-source');
    assert.equal(index.recordFor('b.txt', b.analysis.annotations[0].id), undefined);
  });
});
