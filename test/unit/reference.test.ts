import * as assert from 'node:assert/strict';
import { buildRecord, createRecordIndex, parseReferenceTable, parseReferenceValue } from '../../src/core/record';
import { readCsvRecords } from '../../src/core/record/csv';
import { fig, makeDoc } from '../support/figures';

const HEADER = 'measure,organisation,period_from,period_to,value,unit,qualifier,source_url,note';

const draft = () =>
  makeDoc('draft.txt', 'During the week the Met made 300 arrests and seized £214,568 in cash.', [
    fig('300 arrests', { counts: 'arrests', claimant: 'met', period: { text: 'the week', from: '2023-10-09', to: '2023-10-15' } }),
    fig('£214,568', { counts: 'cash seized', claimant: 'met', period: { text: 'the week', from: '2023-10-09', to: '2023-10-15' } }),
  ]);

describe('reference tables', () => {
  it('reads CSV rows into reference claims', () => {
    const csv = `${HEADER}\narrests,met,2023-10-09,2023-10-15,290,count,,https://example.invalid/met,Week of action\n"cash seized",Met,2023-10-09,2023-10-15,"214,568",GBP,exact,,\n`;
    const { claims, problems } = parseReferenceTable(csv, { tableId: 'refs.csv' });
    assert.deepEqual(problems, []);
    assert.deepEqual(
      claims.map((c) => [c.annotationId, c.value, c.unit, c.qualifier, c.precision, c.isReference, c.publisher, c.sourceUrl ?? null, c.sentence]),
      [
        ['row:1', 290, 'count', 'exact', 1, true, 'met', 'https://example.invalid/met', 'Week of action'],
        ['row:2', 214568, 'GBP', 'exact', 1, true, 'met', null, '214,568 cash seized'],
      ],
    );
  });

  it('joins the record of a draft by key, and a disagreeing draft is a conflict', () => {
    const csv = `${HEADER}\narrests,met,2023-10-09,2023-10-15,290,count,,,\ncash seized,met,2023-10-09,2023-10-15,214568,GBP,,,\n`;
    const { records, problems } = buildRecord([draft()], [{ tableId: 'refs.csv', text: csv }]);
    assert.deepEqual(problems, []);
    const arrests = records.find((r) => r.measure === 'arrests')!;
    const cash = records.find((r) => r.measure === 'cash seized')!;
    assert.equal(arrests.status, 'conflict');
    assert.match(arrests.explanation, /reference refs\.csv, row 1/);
    assert.equal(cash.status, 'consistent');
    assert.equal(cash.sourceCount, 2);
    assert.equal(cash.claims[0].isReference, true);
  });

  it('places a CSV claim on its value cell, so opening it selects the value', () => {
    const table = 'measure,organisation,value,unit\r\n\r\narrests,Kent Police, 21 ,count\r\nfunding,Home Office,"1,500,000",GBP\r\n';
    const { claims } = parseReferenceTable(table, { tableId: 't.csv' });
    assert.deepEqual(
      claims.map((c) => [table.slice(c.start, c.end), c.text, c.line]),
      [
        ['21', '21', 2],
        ['1,500,000', '1,500,000', 3],
      ],
    );
  });

  it('reads the same table as JSON', () => {
    const json = JSON.stringify([
      { measure: 'arrests', organisation: 'met', period_from: '2023-10-09', period_to: '2023-10-15', value: 290, unit: 'count', qualifier: 'more than' },
    ]);
    const { records } = buildRecord([draft()], [{ tableId: 'refs.json', text: json }]);
    assert.equal(records.find((r) => r.measure === 'arrests')!.status, 'consistent');
  });

  it('reports malformed rows with their row numbers and keeps the good ones', () => {
    const csv = [
      HEADER,
      'arrests,met,2023-10-09,2023-10-15,290,count,,,',
      'arrests,met,2023-10-09,2023-10-15,lots,count,,,',
      ',met,2023-10-09,2023-10-15,5,count,,,',
      'arrests,met,9 October,2023-10-15,5,count,,,',
      'arrests,met,2023-10-09,2023-10-15,5,parsecs,,,',
      'arrests,met,2023-10-09,2023-10-15,5,count,a smidge over,,',
      'arrests,met,2023-10-16,2023-10-15,5,count,,,',
      'arrests,met,2023-10-09',
    ].join('\n');
    const { claims, problems } = parseReferenceTable(csv, { tableId: 't.csv' });
    assert.equal(claims.length, 1);
    assert.deepEqual(
      problems.map((p) => [p.row, p.message.replace(/ \(.*$/, '')]),
      [
        [2, 'The value “lots” is not a number.'],
        [3, 'The “measure” is empty.'],
        [4, 'The period_from “9 October” is not an ISO date'],
        [5, 'The unit “parsecs” is not one of count, GBP, kg, g, tonnes, percent, ratio, years, months, weeks, days, hours.'],
        [6, 'The qualifier “a smidge over” is not known'],
        [7, 'The period starts'],
        [8, 'CSV: Too few fields: expected 9 fields but parsed 3.'],
      ],
    );
  });

  it('says which required column is missing, and does not throw on bad JSON', () => {
    assert.deepEqual(
      parseReferenceTable('name,value\nx,1\n', { tableId: 'a.csv' }).problems.map((p) => [p.row, p.message]),
      [[0, 'The header has no “measure” column (columns: name, value).']],
    );
    assert.equal(parseReferenceTable('{"rows": 3}', { tableId: 'b.json' }).problems[0].row, 0);
    assert.match(parseReferenceTable('[{"measure": ', { tableId: 'c.json' }).problems[0].message, /^JSON: /);
  });

  it('reads RFC 4180 CSV: quoted commas, doubled quotes, line breaks in quotes, CRLF and a BOM', () => {
    const { records, unterminatedAt } = readCsvRecords('\uFEFFa,b\r\n"x, y","say ""hi"""\r\n"two\nlines",3\n');
    assert.equal(unterminatedAt, undefined);
    assert.deepEqual(
      records.map((r) => [r.line, r.fields]),
      [
        [0, ['a', 'b']],
        [1, ['x, y', 'say "hi"']],
        [2, ['two\nlines', '3']],
      ],
    );
  });

  it('reports a quote that is never closed instead of reading the rest as one cell', () => {
    const csv = `${HEADER}\narrests,met,2023-10-09,2023-10-15,290,count,,,\narrests,met,2023-10-09,2023-10-15,300,count,,"unclosed,\n`;
    const { claims, problems } = parseReferenceTable(csv, { tableId: 'q.csv' });
    assert.equal(claims.length, 1);
    assert.deepEqual(
      problems.map((p) => p.row),
      [2],
    );
    assert.match(problems[0].message, /quoted field opened on line 3 is never closed/);
  });

  it('reads values as they are written, with their precision', () => {
    assert.deepEqual(parseReferenceValue('1,135'), { value: 1135, precision: 1 });
    assert.deepEqual(parseReferenceValue('7.6'), { value: 7.6, precision: 0.1 });
    assert.deepEqual(parseReferenceValue('£5m'), { value: 5e6, precision: 1e6 });
    assert.deepEqual(parseReferenceValue('2.5bn'), { value: 2.5e9, precision: 1e8 });
    assert.equal(parseReferenceValue('five'), undefined);
  });

  it('replaces a table when it is added again, and removes it', () => {
    const index = createRecordIndex();
    index.upsert(draft());
    index.addReference('refs.csv', `${HEADER}\narrests,met,2023-10-09,2023-10-15,290,count,,,\n`);
    assert.equal(index.conflicts().length, 1);
    index.addReference('refs.csv', `${HEADER}\narrests,met,2023-10-09,2023-10-15,300,count,,,\n`);
    assert.equal(index.conflicts().length, 0);
    index.removeReference('refs.csv');
    assert.ok(index.records().every((r) => r.claims.every((c) => !c.isReference)));
  });
});
