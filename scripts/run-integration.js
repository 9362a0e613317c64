// `npm run test:integration`: runs test/integration/suite inside a real VS Code extension host
// (code-server, opened in headless Chromium) and prints mocha-style results. With
// CRIME_ANNOTATOR_TEST_ELECTRON=1 the same suite runs in desktop VS Code via @vscode/test-electron
// instead, for contributors whose machines can download it.
'use strict';
const { buildIntegration } = require('./build-integration');
const cs = require('./lib/code-server');
const { printResults } = require('./lib/print-results');
const { runSuiteInCodeServer } = require('./lib/run-suite');

async function runInTestElectron(built) {
  const { runTests } = require('@vscode/test-electron');
  await runTests({
    extensionDevelopmentPath: cs.REPO_ROOT,
    extensionTestsPath: built.suite,
    launchArgs: [cs.makeWorkspaceCopy(), '--disable-extensions', '--disable-workspace-trust'],
  });
  console.log('integration: test-electron run finished without failures');
}

async function main() {
  const started = Date.now();
  const built = await buildIntegration();
  if (built.testFiles.length === 0) throw new Error('no test/integration/suite/**/*.test.ts files found');
  if (process.env.CRIME_ANNOTATOR_TEST_ELECTRON === '1') return runInTestElectron(built);
  const run = (restricted) =>
    runSuiteInCodeServer({
      runnerExtension: built.runnerExtension,
      installExtension: (extensionsDir) => cs.installExtensionFolder(extensionsDir),
      grep: process.env.CRIME_ANNOTATOR_TEST_GREP,
      restricted,
    });
  const results = await run(false);
  // The *.restricted.test.ts suites need the folder opened untrusted: a second window of their own.
  const restrictedFiles = built.testFiles.filter((f) => f.endsWith('.restricted.test.ts'));
  if (restrictedFiles.length > 0) {
    const restricted = await run(true);
    results.tests = [...results.tests, ...restricted.tests.map((t) => ({ ...t, suitePath: ['(Restricted Mode window)', ...t.suitePath] }))];
    results.passed += restricted.passed;
    results.failed += restricted.failed;
    results.pending += restricted.pending;
    if (restricted.loadError) results.loadError = `${results.loadError ?? ''}\n(Restricted Mode window) ${restricted.loadError}`;
    // A restricted run in which nothing ran is a failure, never a silent pass.
    if (restricted.passed + restricted.failed === 0 && !process.env.CRIME_ANNOTATOR_TEST_GREP) results.failed += 1;
  }
  console.log(`(integration run took ${((Date.now() - started) / 1000).toFixed(1)}s)`);
  const ok = printResults('integration', results);
  if (!ok) process.exitCode = 1;
}

main().catch((e) => {
  console.error(`integration: ${e.stack || e.message}`);
  console.log('integration: 0 passed, 1 failed');
  process.exitCode = 1;
});
