// Prints suite results (as written by the integration runner extension) the way mocha's spec
// reporter would, then the one closing line CI reads: `<label>: N passed, M failed`.
'use strict';

const indent = (depth) => '  '.repeat(depth + 1);

/** Returns true when at least one test ran and none failed. */
function printResults(label, results) {
  if (results.loadError) console.log(`\n${label}: the suite failed to load:\n${results.loadError}\n`);
  let previousPath = [];
  for (const test of results.tests) {
    const shared = previousPath.findIndex((t, i) => t !== test.suitePath[i]);
    const from = shared === -1 ? Math.min(previousPath.length, test.suitePath.length) : shared;
    for (let i = from; i < test.suitePath.length; i++) console.log(`${indent(i)}${test.suitePath[i]}`);
    previousPath = test.suitePath;
    const mark = test.state === 'passed' ? '✔' : test.state === 'failed' ? '✗' : '-';
    const time = test.durationMs > 75 ? ` (${test.durationMs}ms)` : '';
    console.log(`${indent(test.suitePath.length)}${mark} ${test.title}${test.state === 'pending' ? ' (pending)' : time}`);
  }
  const failures = results.tests.filter((t) => t.state === 'failed');
  failures.forEach((t, i) => {
    console.log(`\n  ${i + 1}) ${t.fullTitle}:\n     ${t.error?.message ?? ''}`);
    const stack = (t.error?.stack ?? '').split('\n').slice(1, 6).join('\n');
    if (stack) console.log(stack);
  });
  const ran = results.passed + results.failed;
  if (ran === 0) console.log(`\n${label}: no test ran`);
  const pending = results.pending ? `, ${results.pending} skipped` : '';
  // A suite that failed to load or ran nothing counts as one failure, so the line never reads green.
  const failed = results.failed + (results.loadError || ran === 0 ? 1 : 0);
  console.log(`\n${label}: ${results.passed} passed, ${failed} failed${pending}`);
  return ran > 0 && results.failed === 0 && !results.loadError;
}

module.exports = { printResults };
