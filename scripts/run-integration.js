// `npm run test:integration`: runs test/integration/suite inside a real VS Code extension host
// (code-server, opened in headless Chromium) and prints mocha-style results. With
// CRIME_ANNOTATOR_TEST_ELECTRON=1 the same suite runs in desktop VS Code via @vscode/test-electron
// instead, for contributors whose machines can download it.
'use strict';
const path = require('node:path');
const { buildIntegration, scenarios } = require('./build-integration');
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
  // Scenarios need a workspace of their own (two folders, a folder of no crime reports): one
  // code-server session each, after the main suite; the closing line adds them all up.
  const all = [{ label: 'integration/main', results }];
  for (const scenario of scenarios()) {
    if (process.env.CRIME_ANNOTATOR_TEST_SCENARIOS === '0') break;
    const builtScenario = await buildIntegration(scenario);
    const { makeWorkspace } = require(path.join(scenario.testDir, 'workspace.js'));
    const r = await runSuiteInCodeServer({
      runnerExtension: builtScenario.runnerExtension,
      installExtension: (extensionsDir) => cs.installExtensionFolder(extensionsDir),
      grep: process.env.CRIME_ANNOTATOR_TEST_GREP,
      makeWorkspace: () => makeWorkspace(cs.makeTempDir(`workspace-${scenario.name}`)),
    });
    all.push({ label: `integration/${scenario.name}`, results: r });
  }
  console.log(`(integration run took ${((Date.now() - started) / 1000).toFixed(1)}s)`);
  let ok = true;
  for (const { label, results: r } of all) ok = printResults(label, r) && ok;
  const sum = (key) => all.reduce((n, { results: r }) => n + r[key], 0);
  const broken = all.filter(({ results: r }) => r.loadError || r.passed + r.failed === 0).length;
  console.log(`\nintegration: ${sum('passed')} passed, ${sum('failed') + broken} failed${sum('pending') ? `, ${sum('pending')} skipped` : ''}`);
  if (!ok) process.exitCode = 1;
}

main().catch((e) => {
  console.error(`integration: ${e.stack || e.message}`);
  console.log('integration: 0 passed, 1 failed');
  process.exitCode = 1;
});
