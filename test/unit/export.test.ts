import * as assert from 'node:assert/strict';
import { buildExport, csvColumns, csvField, exportCsv, exportJson, type ExportSource } from '../../src/core/export';
import type { ArithmeticCheck, Claim, CrossSourceRecord } from '../../src/core/record/types';
import type { PlacedMark } from '../../src/core/review';
import type { DocumentAnalysis, FigureAnnotation, OrganisationAnnotation } from '../../src/core/types';

function figure(start: number, text: string, value: number, line: number, extra: Partial<FigureAnnotation> = {}): FigureAnnotation {
  const end = start + text.length;
  return {
    kind: 'figure',
    id: `figure:${start}-${end}`,
    start,
    end,
    text,
    line,
    source: 'rule',
    value,
    unit: 'count',
    qualifier: 'exact',
    bound: 'exact',
    precision: 1,
    counts: 'arrests',
    sentence: { start, end },
    ...extra,
  };
}

const met: OrganisationAnnotation = {
  kind: 'organisation',
  id: 'organisation:0-3',
  start: 0,
  end: 3,
  text: 'Met',
  line: 0,
  source: 'lexicon',
  entityId: 'met',
  canonical: 'Metropolitan Police Service',
  orgType: 'police-force',
  known: true,
};

function analysis(annotations: DocumentAnalysis['annotations']): DocumentAnalysis {
  return { words: 42, annotations, sentences: [], meta: { publisher: 'met' }, notices: [] };
}

const a290 = figure(10, 'more than 290 arrests', 290, 0, { qualifier: 'more than', bound: 'lower' });
const aQuote = figure(60, '1,000 "wraps"', 1000, 2, { counts: null, subject: 'wraps, of crack' });
const b300 = figure(5, '300 arrests', 300, 3);

function claim(docId: string, f: FigureAnnotation): Claim {
  return {
    recordId: 'rec-arrests',
    docId,
    annotationId: f.id,
    start: f.start,
    end: f.end,
    line: f.line,
    text: f.text,
    value: f.value,
    unit: f.unit,
    qualifier: f.qualifier,
    bound: f.bound,
    precision: f.precision,
    sentence: f.text,
  };
}

const record: CrossSourceRecord = {
  recordId: 'rec-arrests',
  key: 'arrests|count',
  measure: 'arrests',
  unit: 'count',
  claims: [claim('file:///ws/a.crime.txt', a290), claim('file:///ws/b.crime.txt', b300)],
  status: 'consistent',
  sourceCount: 2,
  explanation: '300 is more than 290',
};

const check: ArithmeticCheck = {
  checkId: 'sum:10-60',
  docId: 'file:///ws/a.crime.txt',
  kind: 'sum',
  status: 'warning',
  message: 'parts do not add up',
  arithmetic: '290 + 1000 = 1290',
  operands: [],
  tolerance: 0,
};

const sources: ExportSource[] = [
  { docId: 'file:///ws/a.crime.txt', path: 'a.crime.txt', analysis: analysis([met, a290, aQuote]), checks: [check] },
  { docId: 'file:///ws/b.crime.txt', path: 'sub/b.crime.txt', analysis: analysis([b300]) },
];

describe('buildExport / exportJson', () => {
  it('has the CLI shape: documents with path, words, annotations and checks, then records', () => {
    const out = buildExport(sources, [record]);
    assert.deepEqual(
      out.documents.map((d) => [d.path, d.words, d.annotations.length, d.checks.length]),
      [
        ['a.crime.txt', 42, 3, 1],
        ['sub/b.crime.txt', 42, 1, 0],
      ],
    );
    assert.equal(out.records.length, 1);
    assert.deepEqual(out.documents[0].meta, { publisher: 'met' });
  });

  it('replaces document ids with paths in claims and checks, leaving the inputs untouched', () => {
    const out = buildExport(sources, [record]);
    assert.deepEqual(
      out.records[0].claims.map((c) => c.docId),
      ['a.crime.txt', 'sub/b.crime.txt'],
    );
    assert.equal(out.documents[0].checks[0].docId, 'a.crime.txt');
    assert.equal(record.claims[0].docId, 'file:///ws/a.crime.txt');
    assert.equal(check.docId, 'file:///ws/a.crime.txt');
  });

  it('gives each figure in a record its recordId, and nothing to figures outside records or other kinds', () => {
    const out = buildExport(sources, [record]);
    const ids = (d: number) => out.documents[d].annotations.map((a) => [a.text, a.recordId]);
    assert.deepEqual(ids(0), [
      ['Met', undefined],
      ['more than 290 arrests', 'rec-arrests'],
      ['1,000 "wraps"', undefined],
    ]);
    assert.deepEqual(ids(1), [['300 arrests', 'rec-arrests']]);
  });

  it('keeps an unknown document id as it is', () => {
    const stray = { ...record, claims: [{ ...record.claims[0], docId: 'reference:table.csv' }] };
    assert.equal(buildExport(sources, [stray]).records[0].claims[0].docId, 'reference:table.csv');
  });

  it('asks for a path for sources that are not documents, such as reference tables', () => {
    const withTable = { ...record, claims: [...record.claims, { ...record.claims[0], docId: 'file:///ws/ref/table.reference.csv', isReference: true }] };
    const out = buildExport(sources, [withTable], { pathOfOtherSource: (id) => (id.startsWith('file:///ws/') ? id.slice('file:///ws/'.length) : undefined) });
    assert.deepEqual(
      out.records[0].claims.map((c) => c.docId),
      ['a.crime.txt', 'sub/b.crime.txt', 'ref/table.reference.csv'],
    );
  });

  it('serialises to JSON that parses back to the same object', () => {
    assert.deepEqual(JSON.parse(exportJson(sources, [record])), JSON.parse(JSON.stringify(buildExport(sources, [record]))));
  });
});

describe('exportCsv', () => {
  const lines = exportCsv(sources, [record]).split('\r\n');

  it('writes a header and one row per figure only, ending with a line break', () => {
    assert.equal(lines[0], csvColumns.join(','));
    assert.equal(lines.length, 1 + 3 + 1);
    assert.equal(lines.at(-1), '');
  });

  it('gives each figure its 1-based line, value, qualifier, and the record it belongs to', () => {
    const row = (i: number) => Object.fromEntries(csvColumns.map((c, j) => [c, parseRow(lines[i])[j]]));
    assert.deepEqual(
      { ...row(1) },
      {
        path: 'a.crime.txt',
        line: '1',
        start: '10',
        end: '31',
        text: 'more than 290 arrests',
        value: '290',
        unit: 'count',
        qualifier: 'more than',
        bound: 'lower',
        measure: 'arrests',
        subject: '',
        claimant: '',
        operation: '',
        period: '',
        place: '',
        recordId: 'rec-arrests',
        recordStatus: 'consistent',
        reviewState: 'unreviewed',
        reviewSource: '',
        reviewReason: '',
        reviewNotes: '',
        reviewedBy: '',
        reviewedAt: '',
      },
    );
    assert.equal(row(2).recordId, '', 'a figure in no record has empty record columns');
    assert.equal(row(2).measure, '');
    assert.deepEqual([row(3).path, row(3).line, row(3).recordId], ['sub/b.crime.txt', '4', 'rec-arrests']);
  });

  it('quotes fields with commas and quotes so the row still has every column', () => {
    assert.equal(parseRow(lines[2]).length, csvColumns.length);
    assert.equal(parseRow(lines[2])[4], '1,000 "wraps"');
    assert.equal(parseRow(lines[2])[10], 'wraps, of crack');
  });
});

describe('review marks in exports', () => {
  const verified: PlacedMark = {
    span: { start: 10, end: 31 },
    mark: {
      id: 'urn:uuid:1',
      state: 'verified',
      document: 'a.crime.txt',
      creator: 'Sam Editor',
      created: '2026-11-20T10:00:00Z',
      modified: '2026-11-20T10:00:00Z',
      anchor: { exact: 'more than 290 arrests', prefix: 'The Met: ', suffix: ' in a week', start: 10, end: 31 },
      source: { kind: 'url', value: 'https://www.example.org/met-stats' },
    },
  };
  const orphan: PlacedMark = { span: undefined, mark: { ...verified.mark, id: 'urn:uuid:2', state: 'note', text: 'ask the press office', source: undefined } };
  const reviewed: ExportSource[] = [{ ...sources[0], review: [verified, orphan] }, sources[1]];

  it('gives each figure row its review state, source and reviewer in CSV', () => {
    const lines = exportCsv(reviewed, [record]).split('\r\n');
    const header = lines[0].split(',');
    const row = Object.fromEntries(header.map((c, i) => [c, parseRow(lines[1])[i]]));
    assert.deepEqual([row.reviewState, row.reviewSource, row.reviewedBy], ['verified', 'url: https://www.example.org/met-stats', 'Sam Editor']);
    assert.equal(Object.fromEntries(header.map((c, i) => [c, parseRow(lines[3])[i]])).reviewState, 'unreviewed');
  });

  it("lists a document's marks in JSON as Web Annotations with their current place, orphans flagged", () => {
    const doc = buildExport(reviewed, [record]).documents[0];
    assert.equal(doc.review?.length, 2);
    assert.deepEqual(doc.review?.[0].current, { start: 10, end: 31 });
    assert.equal(doc.review?.[1].orphaned, true);
    assert.equal(buildExport(reviewed, [record]).documents[1].review, undefined);
  });
});

describe('csvField', () => {
  it('leaves plain text alone and quotes what RFC 4180 says to', () => {
    assert.equal(csvField('arrests'), 'arrests');
    assert.equal(csvField(7.6), '7.6');
    assert.equal(csvField(undefined), '');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "no"'), '"say ""no"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
  });
});

/** A minimal RFC 4180 reader for one line, so the test does not trust the writer it checks. */
function parseRow(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i++;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (line[i] === '"') break;
        else value += line[i++];
      }
      fields.push(value);
      i += 2;
    } else {
      const next = line.indexOf(',', i);
      const end = next === -1 ? line.length : next;
      fields.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return fields;
}
