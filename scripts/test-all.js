// `npm test` (after pretest's typecheck and build): unit tests, then the integration suite in a real
// extension host, then the browser e2e tests. Every stage runs even when an earlier one fails, so one
// red stage never hides another's counts; exits non-zero if any stage failed.
'use strict';
const { spawn } = require('node:child_process');

const STAGES = [
  { label: 'unit', script: 'test:unit' },
  { label: 'integration', script: 'test:integration' },
  { label: 'e2e', script: 'test:e2e' },
];

/** Runs `npm run <script>`, passing its output through, and returns its exit code and counts. */
function runStage({ label, script }) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      text += chunk;
    });
    child.on('close', (code) => {
      const plain = text.replace(/\x1b\[[0-9;]*m/g, '');
      // The runners here print `label: N passed, M failed`; mocha's spec reporter prints `N passing`.
      const line = [...plain.matchAll(new RegExp(`^${label}: (\\d+) passed, (\\d+) failed`, 'gm'))].pop();
      const passed = line ? Number(line[1]) : Number(/^\s*(\d+) passing/m.exec(plain)?.[1] ?? 0);
      let failed = line ? Number(line[2]) : Number(/^\s*(\d+) failing/m.exec(plain)?.[1] ?? 0);
      if (code !== 0 && failed === 0) failed = 1;
      resolve({ label, code: code ?? 1, passed, failed });
    });
  });
}

async function main() {
  const results = [];
  for (const stage of STAGES) {
    console.log(`\n--- ${stage.label} (npm run ${stage.script})`);
    results.push(await runStage(stage));
  }
  console.log('');
  for (const r of results) console.log(`${r.label}: ${r.passed} passed, ${r.failed} failed`);
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  console.log(`test: ${passed} passed, ${failed} failed`);
  process.exitCode = results.some((r) => r.code !== 0) ? 1 : 0;
}

main();
