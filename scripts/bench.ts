/**
 * `npm run bench`: speed and memory of the bundled core on the sample corpus and on a
 * 100,000-word corpus made from it, next to compromise's plain parse of the same text in the same
 * run. Prints figures; asserts nothing (targets are judged by reading them).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import nlp from 'compromise';
import { benchRecord, COLD_TARGET_MS, fastestOf, UPDATE_TARGET_MS } from './bench-record';
import { benchCliCorpus } from './bench-cli-corpus';

// The bundle, not the sources: what users run.
const core = require('../dist/core.js') as typeof import('../src/core');

const root = path.resolve(__dirname, '..');
const samplesDir = path.join(root, 'samples');

function loadSamples(): string[] {
  const files = fs
    .readdirSync(samplesDir)
    .filter((f) => /\.(crime|txt|md)$/.test(f) && !/readme/i.test(f))
    .sort();
  if (files.length === 0) throw new Error(`no samples in ${samplesDir}`);
  return files.map((f) => fs.readFileSync(path.join(samplesDir, f), 'utf8'));
}

/** Repeats the samples, separated by blank lines, until the corpus has at least `words` words. */
function corpusOf(samples: readonly string[], words: number): string {
  const parts: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const s = samples[i % samples.length];
    parts.push(s);
    count += core.countWords(s);
  }
  return parts.join('\n\n');
}

/**
 * Runs `fn` until `minMs` has passed; returns the mean wall and CPU milliseconds per run. CPU time is
 * what the comparison uses: on a machine shared with other work, wall time also counts waiting for a core.
 */
interface Timed<T> {
  readonly ms: number;
  readonly cpuMs: number;
  readonly runs: number;
  readonly result: T;
}

function time<T>(fn: () => T, minMs = 300): Timed<T> {
  let runs = 0;
  let result: T;
  const cpu = process.cpuUsage();
  const start = performance.now();
  do {
    result = fn();
    runs++;
  } while (performance.now() - start < minMs);
  const used = process.cpuUsage(cpu);
  return { ms: (performance.now() - start) / runs, cpuMs: (used.user + used.system) / 1000 / runs, runs, result: result! };
}

/**
 * Steady-state speed of two functions compared: each warmed up for `warmMs`, then timed in `chunks`
 * rounds, each round one stretch of at least `chunkMs` (and one run) of `a` and then of `b`; the
 * fastest stretch of each is kept. Alternating the two means a machine that slows down or speeds up
 * during the bench (other work, another tenant) affects both sides alike, where timing all of one and
 * then all of the other put the drift into the ratio. The fastest is the stretch least disturbed by
 * other work and by garbage collection left over from the warm-up.
 */
function steadyPair<A, B>(a: () => A, b: () => B, warmMs: number, chunks: number, chunkMs: number): [Timed<A>, Timed<B>] {
  time(a, warmMs);
  time(b, warmMs);
  let bestA: Timed<A> | undefined;
  let bestB: Timed<B> | undefined;
  let runsA = 0;
  let runsB = 0;
  for (let c = 0; c < chunks; c++) {
    const ta = time(a, chunkMs);
    const tb = time(b, chunkMs);
    runsA += ta.runs;
    runsB += tb.runs;
    if (!bestA || ta.cpuMs < bestA.cpuMs) bestA = ta;
    if (!bestB || tb.cpuMs < bestB.cpuMs) bestB = tb;
  }
  return [
    { ...bestA!, runs: runsA },
    { ...bestB!, runs: runsB },
  ];
}

function row(label: string, words: number, t: { ms: number; cpuMs: number }): string {
  const rate = (ms: number) =>
    Math.round((words / ms) * 1000)
      .toLocaleString('en-GB')
      .padStart(11);
  return `${label.padEnd(24)} ${t.cpuMs.toFixed(1).padStart(9)} ms CPU ${rate(t.cpuMs)} words/s   (wall ${t.ms.toFixed(1)} ms, ${rate(t.ms)} words/s)`;
}

function main(): void {
  const samples = loadSamples();
  const lexicon = core.compileLexicon();
  const corpora = [
    { name: `samples (${samples.length} documents)`, text: samples.join('\n\n') },
    { name: '100,000-word corpus', text: corpusOf(samples, 100_000) },
  ];
  console.log('Analysis speed: analyze() on the bundled core vs compromise nlp(text)\n');
  for (const { name, text } of corpora) {
    const words = core.countWords(text);
    // Both are warmed up for the same time and timed the same way, so the figures compare steady-state
    // throughput rather than how long each takes to get the JIT going (compromise's first runs are
    // twice as slow as its later ones).
    const big = words > 20_000;
    const [ours, theirs] = steadyPair(
      () => core.analyze(text, { lexicon }),
      () => nlp(text),
      2_000,
      big ? 3 : 5,
      600,
    );
    console.log(`${name}: ${words.toLocaleString('en-GB')} words, ${ours.result.annotations.length.toLocaleString('en-GB')} annotations`);
    console.log(
      `  fastest of ${big ? 3 : 5} timed stretches of at least 0.6 s each side, the two sides alternating, after 2 s of warm-up each (${ours.runs} and ${theirs.runs} runs)`,
    );
    console.log('  ' + row('analyze()', words, ours));
    console.log('  ' + row('compromise nlp(text)', words, theirs));
    console.log(
      `  analyze() is ${(theirs.cpuMs / ours.cpuMs).toFixed(1)}x compromise's parse in CPU time (${(theirs.ms / ours.ms).toFixed(1)}x wall) (target >= 10x)\n`,
    );
  }
  benchRunOnSentences(lexicon);
  benchLargeDocument(samples, lexicon);
  benchRecordOnSamples(samples, lexicon);
  const synthetic = benchRecord(1000);
  console.log(
    `Cross-source record, synthetic workspace of ${synthetic.documents} documents (${synthetic.records} records): first build ${synthetic.firstMs.toFixed(0)} ms (${synthetic.firstCpuMs.toFixed(0)} ms CPU, JIT cold), cold build with the JIT warmed ${synthetic.coldMs.toFixed(0)} ms (${synthetic.coldCpuMs.toFixed(0)} ms CPU), linking prepared documents ${synthetic.linkCpuMs.toFixed(0)} ms CPU after ${synthetic.prepareCpuMs.toFixed(0)} ms preparing them, one-document update median ${synthetic.updateMs.median.toFixed(2)} ms (targets < ${COLD_TARGET_MS.toLocaleString('en-GB')} ms cold, < ${UPDATE_TARGET_MS} ms update)\n`,
  );

  console.log('Editor: decoration update after a one-character edit in a 100,000-word document');
  const editor = spawnSync(process.execPath, ['--require', 'tsx/cjs', path.join(__dirname, 'bench-editor.ts'), '100000', '200'], { encoding: 'utf8' });
  process.stdout.write(editor.stdout.replace(/^/gm, '  ') + '\n');
  if (editor.status !== 0) console.log(`  (editor bench exited ${editor.status}: ${editor.stderr.trim()})`);

  const compileStart = performance.now();
  core.compileLexicon();
  console.log(`Lexicon compile: ${(performance.now() - compileStart).toFixed(1)} ms`);
  console.log(
    `Peak memory (max RSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; heap used now: ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MB\n`,
  );

  // A researcher's corpus through the CLI, then the editor in a real extension host (BENCH_SKIP=cli,host skips either).
  const skip = (process.env.BENCH_SKIP ?? '').split(',');
  if (!skip.includes('cli')) benchCliCorpus();
  if (!skip.includes('host')) {
    console.log('\nEditor in a real extension host (code-server):');
    const host = spawnSync(process.execPath, [path.join(__dirname, 'bench-host.js')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    process.stdout.write(host.stdout.replace(/^/gm, '  '));
    if (host.status !== 0) console.log(`  (extension host bench exited ${host.status})`);
  }
}

/**
 * A table or list run together with no full stop ("12, 15, 9, ..." or "£1,000 in Kent, £2,000 in ..."):
 * every figure reads its sentence, so an unbounded sentence made analysis quadratic (8,000 figures in
 * one run took 21 s). Doubling the text should double the time: the figures show whether it does.
 */
function benchRunOnSentences(lexicon: ReturnType<typeof core.compileLexicon>): void {
  console.log('One run-on sentence of n figures (time should grow with n, not n squared):');
  const runs: Array<[string, (n: number) => string]> = [
    ["'1,' repeated", (n) => '1,'.repeat(n)],
    ['£ figures with places', (n) => Array.from({ length: n }, (_, i) => `£${(i + 1) * 10} in Area ${i}`).join(', ') + '.'],
  ];
  for (const [label, make] of runs) {
    const cells = [4000, 8000, 16000].map((n) => {
      const text = make(n);
      const t = time(() => core.analyze(text, { lexicon }), 1);
      return `n=${n.toLocaleString('en-GB')} ${t.cpuMs.toFixed(0)} ms`;
    });
    console.log(`  ${label.padEnd(24)} ${cells.join(', ')}`);
  }
  console.log();
}

/**
 * One long document (the samples over and over, each copy dated a year later, as the host bench's 5 MB
 * release is): analysis and the record's preparation of it at 1, 2 and 4 MB, so the time per MB shows
 * whether each grows with the length or faster.
 */
function benchLargeDocument(samples: readonly string[], lexicon: ReturnType<typeof core.compileLexicon>): void {
  console.log("One long document: analyze() and the record's preparation (prepareSource) at three lengths");
  for (const mb of [1, 2, 4]) {
    let text = '';
    for (let i = 0; text.length < mb * 1_000_000; i++) text += samples[i % samples.length].replace(/\b20[12]\d\b/g, (y) => String(Number(y) + i)) + '\n\n';
    const analysed = fastestOf(1, () => core.analyze(text, { lexicon }));
    const prepared = fastestOf(1, () => core.prepareSource({ id: 'long', text, analysis: analysed.value }));
    const perMb = (ms: number) => (ms / (text.length / 1_000_000)).toFixed(0);
    console.log(
      `  ${(text.length / 1_000_000).toFixed(1)} MB: analyze ${analysed.cpuMs.toFixed(0)} ms CPU (${perMb(analysed.cpuMs)} ms/MB), prepare ${prepared.cpuMs.toFixed(0)} ms CPU (${perMb(prepared.cpuMs)} ms/MB), ${prepared.value.claims.length.toLocaleString('en-GB')} claims`,
    );
  }
  console.log();
}

/**
 * 1,000 documents made from the samples: each round of copies is dated a year later, so the
 * workspace looks like 100 years of one force's releases rather than 100 restatements of one week.
 */
function benchRecordOnSamples(samples: readonly string[], lexicon: ReturnType<typeof core.compileLexicon>): void {
  const workspace = (firstYearShift: number) =>
    Array.from({ length: 1000 }, (_, i) => {
      // Each round of copies is moved to its own year, as a workspace holds many years of releases.
      const round = Math.floor(i / samples.length) + firstYearShift;
      const text = samples[i % samples.length].replace(/\b20[12]\d\b/g, (y) => String(Number(y) + round));
      return { id: `doc-${i}`, text, analysis: core.analyze(text, { lexicon }) };
    });
  const docs = workspace(0);
  core.buildRecord(docs.slice(0, 20));
  const first = fastestOf(1, () => core.buildRecord(docs));
  // The JIT warmed on another workspace of the same size (see bench-record.ts), then fastest of three.
  core.buildRecord(workspace(200));
  const cold = fastestOf(3, () => core.buildRecord(docs));
  const built = cold.value;
  // Its two parts: each document prepared alone (in the CLI's workers), then the prepared documents linked.
  const prepared = fastestOf(3, () => docs.map((d): [string, import('../src/core').PreparedSource] => [d.id, core.prepareSource(d)]));
  const linked = fastestOf(3, () => {
    const staged = core.createRecordIndex();
    for (const [id, p] of prepared.value) staged.stage(id, p);
    return staged.flush();
  });
  let t: number;
  const index = core.createRecordIndex();
  index.upsertAll(docs);
  const times: number[] = [];
  for (let i = 0; i < 50; i++) {
    const doc = docs[(i * 37) % docs.length];
    const edited = doc.text.replace(/\d+/, (d) => String(Number(d) + 1 + i));
    const changed = { id: doc.id, text: edited, analysis: core.analyze(edited, { lexicon }) };
    t = performance.now();
    index.upsert(changed);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const conflicts = built.records.filter((r) => r.status === 'conflict').length;
  console.log(`Cross-source record, 1,000 documents made from the samples: ${built.records.length.toLocaleString('en-GB')} records, ${conflicts} conflicts`);
  console.log(`  first full-size build ${first.ms.toFixed(0)} ms, ${first.cpuMs.toFixed(0)} ms CPU (JIT cold)`);
  console.log(
    `  cold build, JIT warmed, fastest of 3: ${cold.ms.toFixed(0)} ms, ${cold.cpuMs.toFixed(0)} ms CPU (target < ${COLD_TARGET_MS.toLocaleString('en-GB')} ms)`,
  );
  console.log(
    `  of which preparing each document ${prepared.cpuMs.toFixed(0)} ms CPU (${(prepared.cpuMs / docs.length).toFixed(2)} ms a document), linking the prepared documents ${linked.cpuMs.toFixed(0)} ms CPU`,
  );
  console.log(`  update after one document changes: median ${times[25].toFixed(2)} ms, max ${times[49].toFixed(2)} ms (target < ${UPDATE_TARGET_MS} ms)\n`);
}

main();
