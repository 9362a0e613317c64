import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { currentHeapSituation, heapLimitToSet } from '../../src/cli/heapLimit';

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

  it('runs a corpus command with a heap limit from the machine, unless NODE_OPTIONS sets one', () => {
    const heapOf = (env: NodeJS.ProcessEnv) => {
      const r = spawnSync(process.execPath, ['--require', 'tsx/cjs', path.join(root, 'src/cli/main.ts'), 'crosscheck', samples], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, CRIME_ANNOTATOR_REPORT_RESOURCES: '1', ...env },
      });
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stdout, /11 documents, 1 reference tables: 111 records, 7 conflicts/);
      const lines = r.stderr.split('\n').filter((l) => l.startsWith('crime-annotator resources:'));
      assert.equal(lines.length, 1, 'one process reports: the one that ran the command');
      return Number(/heap limit (\d+) MB/.exec(lines[0])![1]);
    };
    const here = currentHeapSituation();
    const expected = heapLimitToSet({ ...here, execArgv: [], nodeOptions: undefined, relaunched: false });
    const limit = heapOf({ NODE_OPTIONS: '', CRIME_ANNOTATOR_HEAP_MB: '' });
    if (expected === undefined) assert.ok(Math.abs(limit - here.currentLimitMb) < 300, `${limit} MB`);
    else assert.ok(limit >= expected && limit < expected + 300, `${limit} MB, asked for ${expected}`);
    const own = heapOf({ NODE_OPTIONS: '--max-old-space-size=1500', CRIME_ANNOTATOR_HEAP_MB: '' });
    assert.ok(own >= 1500 && own < 1800, `${own} MB`);
  });

  it('passes a signal on to the process it relaunched, and ends as it does', async function () {
    const dir = tempDir({});
    const text = fs.readFileSync(path.join(samples, '01-national-intensification-roundup.crime.txt'), 'utf8');
    for (let i = 0; i < 1200; i++) fs.writeFileSync(path.join(dir, `r${i}.crime.txt`), text.replace(/\b2023\b/g, String(1600 + i)));
    const child = spawn(process.execPath, ['--require', 'tsx/cjs', path.join(root, 'src/cli/main.ts'), 'crosscheck', dir], {
      cwd: root,
      env: { ...process.env, NODE_OPTIONS: '', CRIME_ANNOTATOR_HEAP_MB: '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    await new Promise((r) => setTimeout(r, 1500));
    child.kill('SIGTERM');
    const [code, signal] = await new Promise<[number | null, string | null]>((r) => child.on('exit', (c, s) => r([c, s])));
    assert.equal(signal ?? code, 'SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    const left = spawnSync('pgrep', ['-f', dir], { encoding: 'utf8' });
    assert.equal(left.stdout.trim(), '', 'no process of the run is left');
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

  it('crosscheck --cache gives what a run without it gives, cold, warm and after a file changes', function () {
    this.timeout(240_000);
    // The samples hold what a cached document must bring back intact: distinctive values that join events
    // (a map in each document's profile) and open-ended figures ("more than 300", an interval to infinity).
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crime-cli-cache-'));
    for (const f of fs.readdirSync(samples)) if (f.endsWith('.crime.txt')) fs.copyFileSync(path.join(samples, f), path.join(dir, f));
    const cache = path.join(dir, '.cache');
    const run = (format: string, withCache: boolean) => {
      const r = cli('crosscheck', '--format', format, ...(withCache ? ['--cache', cache] : []), dir);
      // Exit 1 is also what a crash gives: the report must be whole (its last line, or its closing brace).
      assert.ok((r.code === 0 || r.code === 1) && /(documents, .*\n|\}\n?)$/.test(r.stdout), `exit ${r.code}: ${r.stderr}`);
      return r.stdout;
    };
    const fromCache = (out: string) => Number(/; (\d+) from the cache/.exec(out)?.[1] ?? 0);
    const count = fs.readdirSync(dir).filter((f) => f.endsWith('.crime.txt')).length;
    const plain = run('text', false);
    assert.equal(fromCache(plain), 0);
    // Cold: everything analysed and written to the cache; warm: everything read back.
    assert.equal(run('text', true), plain);
    const warm = run('text', true);
    assert.equal(fromCache(warm), count);
    assert.equal(warm.replace(/; \d+ from the cache/, ''), plain);
    // A torn or foreign cache file is analysed again, never trusted.
    const entries = fs.readdirSync(cache, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.v8'));
    assert.equal(entries.length, count);
    fs.writeFileSync(path.join(cache, entries[0]), Buffer.from('{"prepared": nothing'));
    const torn = run('text', true);
    assert.equal(fromCache(torn), count - 1);
    assert.equal(torn.replace(/; \d+ from the cache/, ''), plain);
    // JSON needs each document's annotations, which a text run does not cache: analysed again, then cached.
    const json = run('json', false);
    assert.equal(run('json', true), json);
    assert.equal(run('json', true), json);
    // One document changes: it alone is analysed again, and the output is that of a run without the cache.
    const changed = fs.readdirSync(dir).find((f) => f.endsWith('.crime.txt'))!;
    fs.appendFileSync(path.join(dir, changed), '\nOfficers also seized 17 knives.\n');
    const after = run('text', true);
    assert.equal(fromCache(after), count - 1);
    assert.equal(after.replace(/; \d+ from the cache/, ''), run('text', false));
  });

  it('stops quietly when the reader closes the pipe early, as `check ... | head -1` does', async () => {
    // Enough output that it cannot all sit in the pipe's buffer before the reader goes.
    const dir = tempDir(
      Object.fromEntries(
        Array.from({ length: 40 }, (_, i) => [`d${i}.txt`, fs.readFileSync(path.join(samples, '01-national-intensification-roundup.crime.txt'), 'utf8')]),
      ),
    );
    const child = spawn(process.execPath, ['--require', 'tsx/cjs', path.join(root, 'src/cli/main.ts'), 'check', dir], { cwd: root });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    assert.equal(stderr, '', 'no stack trace');
    assert.equal(code, 0);
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
