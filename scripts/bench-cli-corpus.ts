/**
 * `npm run bench`, CLI part: `crosscheck` over a researcher's corpus of 100,000 documents of about
 * 2.7 KB made from the samples (scripts/bench-corpus.ts): cold with a new cache, then again after 10
 * documents changed. Prints wall time, peak RSS and CPU, and the machine's core count.
 * BENCH_CORPUS_DOCS sets another size.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { touch, writeCorpus } from './bench-corpus';

const cli = path.resolve(__dirname, '..', 'dist', 'cli.js');

function run(args: string[]): { seconds: number; resources: string; summary: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    env: { ...process.env, CRIME_ANNOTATOR_REPORT_RESOURCES: '1' },
    maxBuffer: 1 << 30,
  });
  const seconds = (performance.now() - t0) / 1000;
  const summary = r.stdout.trimEnd().split('\n').pop() ?? '';
  // Exit 0 or 1 (conflicts found) with a summary line is a finished run; anything else is a failure, whose
  // time means nothing: say so rather than print it as a figure.
  const finished = (r.status === 0 || r.status === 1) && /^\d+ documents/.test(summary);
  const failure = `FAILED (exit ${r.status ?? r.signal}): ${r.stderr.split('\n').find((l) => /error|crime-annotator:/i.test(l)) ?? r.stderr.slice(-300)}`;
  const resources = /resources: (.*)/.exec(r.stderr)?.[1] ?? '(no resource line)';
  return { seconds, resources: finished ? resources : `${resources}; ${failure}`, summary: finished ? summary : '(no summary: the run did not finish)' };
}

export function benchCliCorpus(count = Number(process.env.BENCH_CORPUS_DOCS || 100_000)): void {
  const dir = path.join(os.tmpdir(), `crime-annotator-bench-corpus-${count}`);
  const cache = path.join(os.tmpdir(), `crime-annotator-bench-cache-${count}`);
  const bytes = writeCorpus(dir, count);
  fs.rmSync(cache, { recursive: true, force: true });
  console.log(`CLI crosscheck over ${count.toLocaleString('en-GB')} documents (${(bytes / 1e6).toFixed(0)} MB), ${os.availableParallelism()} cores:`);
  const cold = run(['crosscheck', '--format', 'text', '--cache', cache, dir]);
  console.log(`  cold: ${cold.seconds.toFixed(1)} s, ${cold.resources} (targets < 60 s, < 1,536 MB)`);
  console.log(`    ${cold.summary}`);
  touch(dir, count, 10);
  const warm = run(['crosscheck', '--format', 'text', '--cache', cache, dir]);
  console.log(`  after 10 documents changed, with the cache: ${warm.seconds.toFixed(1)} s, ${warm.resources} (target < 5 s)`);
  console.log(`    ${warm.summary}`);
}

if (require.main === module) benchCliCorpus();
