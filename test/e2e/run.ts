// `npm run test:e2e`: runs test/e2e/*.e2e.ts with mocha (each file starts its own code-server and
// Chromium) and ends with the line CI reads: `e2e: N passed, M failed`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as cs from '../../scripts/lib/code-server';

function main(): void {
  cs.ensureTestEnv();
  const mocha = new Mocha({ reporter: 'spec', timeout: 120_000, color: process.stdout.isTTY });
  const only = process.argv.slice(2);
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.e2e.ts') && (only.length === 0 || only.some((o) => f.includes(o))))
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  const started = Date.now();
  const runner = mocha.run(() => {
    const { passes = 0, failures = 0, pending = 0 } = runner.stats ?? {};
    const noTests = passes + failures === 0;
    if (noTests) console.log('e2e: no test ran');
    console.log(`(e2e run took ${((Date.now() - started) / 1000).toFixed(1)}s)`);
    console.log(`e2e: ${passes} passed, ${failures + (noTests ? 1 : 0)} failed${pending ? `, ${pending} skipped` : ''}`);
    process.exitCode = failures > 0 || noTests ? 1 : 0;
  });
}

main();
