// Issue 9, item 8: a reference table with a stray quote and a binary file without NUL bytes are
// each reported clearly (the row; why it is taken for binary), and nothing else is lost.
import * as assert from 'node:assert/strict';
import { analyze, looksBinary } from '../../src/core/analyze';
import { parseReferenceTable } from '../../src/core/record';
import { readCsvRecords } from '../../src/core/record/csv';

const HEADER = 'measure,organisation,period_from,period_to,value,unit,qualifier,source_url,note';

describe('side files: a reference CSV with a quote that is never closed', () => {
  it('skips only the broken row, names it, and reads the rows after it', () => {
    const csv = [
      HEADER,
      'arrests,met,2023-10-09,2023-10-15,290,count,,,',
      'charges,met,2023-10-09,2023-10-15,41,count,,,"unclosed note, which runs on',
      'seizures,met,2023-10-09,2023-10-15,12,count,,,',
      'cash seized,met,2023-10-09,2023-10-15,£5m,GBP,,,',
      '',
    ].join('\r\n');
    const { claims, problems } = parseReferenceTable(csv, { tableId: 'refs.reference.csv' });
    assert.deepEqual(
      claims.map((c) => c.value),
      [290, 12, 5e6],
      'the rows before and after the broken one are kept',
    );
    assert.deepEqual(
      problems.map((p) => p.row),
      [2],
      'the problem names data row 2',
    );
    assert.match(problems[0].message, /line 3 is never closed; the row was skipped and reading went on/);
    // The value cells after the broken row still point at the right place in the file.
    const seizures = claims.find((c) => c.value === 12)!;
    assert.equal(csv.slice(seizures.start, seizures.end), '12');
    assert.equal(seizures.line, 3);
  });

  it('keeps a quoted cell that spans lines before the stray quote, and every row after it', () => {
    const csv = [
      HEADER,
      'a,met,,,1,count,,,"a cell',
      'over two lines"',
      'b,met,,,2,count,,,"stray',
      'c,met,,,3,count,,,',
      'd,met,,,4,count,,,',
      'e,met,,,5,count,,,',
      '',
    ].join('\n');
    const { records, unterminatedAt } = readCsvRecords(csv);
    assert.equal(unterminatedAt, 3);
    assert.deepEqual(
      records.map((r) => r.unterminatedAt),
      [undefined, undefined, 3, undefined, undefined, undefined],
    );
    const { claims, problems } = parseReferenceTable(csv, { tableId: 't.reference.csv' });
    assert.deepEqual(
      claims.map((c) => c.value),
      [1, 3, 4, 5],
    );
    assert.deepEqual(
      problems.map((p) => [p.row, /line (\d+)/.exec(p.message)?.[1]]),
      [[2, '4']],
    );
  });

  it('reports a header whose quote is never closed at row 0', () => {
    const { claims, problems } = parseReferenceTable(`measure,"value\narrests,1\n`, { tableId: 'h.csv' });
    assert.equal(claims.length, 0);
    assert.equal(problems[0].row, 0);
    assert.match(problems[0].message, /header.*never closed/);
  });
});

describe('side files: binary data without NUL bytes', () => {
  /** Bytes that are not UTF-8 text, decoded the way the extension and the CLI decode files. */
  function binaryWithoutNul(length: number, seed = 7): string {
    const bytes = new Uint8Array(length);
    let s = seed;
    for (let i = 0; i < length; i++) {
      s = (s * 1103515245 + 12345) >>> 0;
      bytes[i] = 1 + ((s >>> 16) % 255); // 1..255: never NUL
    }
    return new TextDecoder('utf-8').decode(bytes);
  }

  it('is recognised by its share of control and replacement characters, with a notice that says so', () => {
    const text = binaryWithoutNul(20_000);
    assert.ok(!text.includes('\u0000'));
    assert.ok(looksBinary(text));
    const analysis = analyze(text);
    assert.equal(analysis.annotations.length, 0);
    assert.equal(analysis.notices[0]?.code, 'binary');
    assert.match(analysis.notices[0].message, /binary data.*\d+% of its .* characters are control characters or U\+FFFD/);
  });

  it('is recognised from the replacement characters alone (bytes above 0x7F that are not UTF-8)', () => {
    const bytes = new Uint8Array(4000).map((_, i) => (i % 3 === 0 ? 0x41 : 0xc0 + (i % 7)));
    const text = new TextDecoder('utf-8').decode(bytes);
    assert.ok(!/[\u0000-\u0008]/.test(text));
    assert.ok(looksBinary(text));
  });

  it('still analyses text with a few mis-encoded pound signs and the odd control character', () => {
    const text = 'Kent Police seized \ufffd5,000 in cash and made 12 arrests.\u000b\n'.repeat(20);
    assert.ok(!looksBinary(text));
    assert.ok(analyze(text).annotations.some((a) => a.kind === 'figure'));
  });
});
