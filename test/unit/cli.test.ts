import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');
const samples = path.join(root, 'samples');

/** Runs the CLI from its sources, as `node dist/cli.js` would run the bundle. */
function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--require', 'tsx/cjs', path.join(root, 'src/cli/main.ts'), ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempDir(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crime-cli-'));
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

describe('CLI', function () {
  this.timeout(60_000);

  it('prints usage naming both commands with --help', () => {
    const r = cli('--help');
    assert.equal(r.code, 0);
    assert.match(r.stdout, /Usage: crime-annotator/);
    assert.match(r.stdout, /check/);
    assert.match(r.stdout, /crosscheck/);
  });

  it('exits 2 with a clear message on a path that does not exist', () => {
    const r = cli('check', path.join(os.tmpdir(), 'no-such-folder-crime'));
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cannot read .*no such file or folder/);
  });

  it('exits 2 on an unknown format', () => {
    assert.equal(cli('check', '--format', 'xml', samples).code, 2);
  });

  it('check --format json gives documents with annotations and checks, figures with their recordId, and records', () => {
    const r = cli('check', '--format', 'json', samples);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.ok(out.documents.length >= 8);
    const met = out.documents.find((d: { path: string }) => d.path.endsWith('02-met-week-of-action.crime.txt'));
    assert.ok(met.words > 200);
    const arrests = met.annotations.find(
      (a: { kind: string; value: number; counts: string }) => a.kind === 'figure' && a.value === 290 && a.counts === 'arrests',
    );
    assert.ok(arrests, 'the Met release claims 290 arrests');
    assert.equal(typeof arrests.start, 'number');
    assert.equal(typeof arrests.recordId, 'string');
    const record = out.records.find((rec: { recordId: string }) => rec.recordId === arrests.recordId);
    assert.ok(record.claims.length >= 3, 'other sources repeat the Met arrests');
    assert.ok(Array.isArray(met.checks));
    for (const kind of ['figure', 'organisation', 'legal-term'])
      assert.ok(
        met.annotations.some((a: { kind: string }) => a.kind === kind),
        kind,
      );
  });

  it('check --format json gives each document the findings of the pre-publication checks, and text output lists them', () => {
    const draft = tempDir({
      'draft.txt':
        'Boy charged after shop robbery\n\nAidan Frost, 15, of Elm Road, Hull, appeared at Hull Youth Court charged with robbery. Frost was remanded.\n',
      'clean.txt': 'Police arrested 12 people in Hull this week.\n',
    });
    const r = cli('check', '--format', 'json', draft);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    const doc = out.documents.find((d: { path: string }) => d.path.endsWith('draft.txt'));
    assert.deepEqual(
      doc.findings.map((f: { rule: string; text: string }) => [f.rule, f.text]),
      [
        ['youth-anonymity', 'Aidan Frost'],
        ['youth-anonymity', 'Frost'],
      ],
    );
    for (const key of ['rule', 'severity', 'start', 'end', 'text', 'message', 'statute']) assert.ok(key in doc.findings[0], key);
    assert.deepEqual(out.documents.find((d: { path: string }) => d.path.endsWith('clean.txt')).findings, []);
    const text = cli('check', draft);
    assert.match(text.stdout, /draft\.txt:3:1 +error +youth-anonymity "Aidan Frost"/);
  });

  it("check lists a figure's number-format warning under it, saying which reading was used", () => {
    const dir = tempDir({ 'a.txt': 'Officers made 1.250 arrests over the fortnight, the force said.\n' });
    const r = cli('check', dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      r.stdout,
      /a\.txt:1:15 +figure +"1\.250" = 1\.25 count — arrests\n +warning thousands-point: "1\.250" was read as 1\.25 of a counted thing; if the point separates thousands, it is 1,250\./,
    );
  });

  it('crosscheck exits 1 and reports the planted conflicts with file:line', () => {
    const r = cli('crosscheck', samples);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /07-news-report\.crime\.txt:\d+ +"more than 300"/);
    assert.match(r.stdout, /08-west-midlands-year-on-year\.crime\.txt:\d+ +"up 61%"/);
    assert.match(r.stdout, /04-merseyside-week-of-action\.crime\.txt:1 +"Forty"/);
  });

  it('crosscheck exits 0 on documents that agree, and writes findings as CSV', () => {
    const dir = tempDir({
      'a.txt': 'Kent Police said officers made 21 arrests during the week of action from 9 to 15 October 2023.\n',
      'b.txt': 'During the week of action from 9 to 15 October 2023, Kent Police made 21 arrests, the force said.\n',
    });
    const r = cli('crosscheck', '--format', 'csv', dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.stdout.split('\r\n')[0], 'status,kind,id,path,line,text,note,message');
  });

  it('reports a binary file on stderr and goes on with the others', () => {
    const dir = tempDir({ 'bin.txt': Buffer.from([0, 1, 2, 3, 0, 255]), 'ok.txt': 'Essex Police seized £9K in cash.\n' });
    const r = cli('check', dir);
    assert.equal(r.code, 0);
    assert.match(r.stderr, /bin\.txt: .*binary/);
    assert.match(r.stdout, /ok\.txt.*1 figures?/);
  });

  it('reports a malformed lexicon file and exits 2', () => {
    const dir = tempDir({ 'lexicon.json': '{ "organisations": [ ', 'a.txt': 'text' });
    const r = cli('check', '--lexicon', path.join(dir, 'lexicon.json'), path.join(dir, 'a.txt'));
    assert.equal(r.code, 2);
    assert.match(r.stderr, /lexicon\.json is not valid JSON/);
  });
});
