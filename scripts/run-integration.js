// `npm run test:integration`: runs test/integration/suite inside a real VS Code extension host
// (code-server, opened in headless Chromium) and prints mocha-style results. With
// CRIME_ANNOTATOR_TEST_ELECTRON=1 the same suite runs in desktop VS Code via @vscode/test-electron
// instead, for contributors whose machines can download it.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { buildIntegration } = require('./build-integration');
const cs = require('./lib/code-server');
const { printResults } = require('./lib/print-results');

const RESULTS_TIMEOUT_MS = Number(process.env.CRIME_ANNOTATOR_TEST_TIMEOUT_MS || 180_000);

async function runInCodeServer(built) {
  const tmp = cs.makeTempDir('integration');
  const extensionsDir = path.join(tmp, 'ext');
  const userDataDir = path.join(tmp, 'ud');
  const resultsFile = path.join(tmp, 'results.json');
  cs.installExtensionFolder(extensionsDir);
  fs.cpSync(built.runnerExtension, path.join(extensionsDir, 'crime-annotator-test.integration-runner-0.0.0'), { recursive: true });
  cs.writeUserSettings(userDataDir);
  const workspace = cs.makeWorkspaceCopy();

  const server = await cs.startCodeServer({
    extensionsDir,
    userDataDir,
    folder: workspace,
    env: { CRIME_ANNOTATOR_TEST_RESULTS: resultsFile },
  });
  const browser = await cs.launchBrowser();
  try {
    const page = await cs.openWorkbench(browser, server);
    const deadline = Date.now() + RESULTS_TIMEOUT_MS;
    while (!fs.existsSync(resultsFile)) {
      if (Date.now() > deadline) {
        const started = fs.existsSync(`${resultsFile}.started`);
        throw new Error(
          `no integration results after ${RESULTS_TIMEOUT_MS / 1000}s: ` +
            (started ? 'the suite started but never finished (a test hangs?)' : 'the runner extension never activated') +
            `\n--- extension host log ---\n${cs.readExtensionHostLogs(userDataDir).slice(-4000)}` +
            `\n--- code-server output ---\n${server.output().slice(-4000)}`,
        );
      }
      await page.waitForTimeout(250);
    }
    return JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  } finally {
    await browser.close();
    server.stop();
    await server.exited;
    if (!process.env.CRIME_ANNOTATOR_KEEP_TMP) fs.rmSync(tmp, { recursive: true, force: true });
    fs.rmSync(path.dirname(workspace), { recursive: true, force: true });
  }
}

async function runInTestElectron(built) {
  const { runTests } = require('@vscode/test-electron');
  const workspace = cs.makeWorkspaceCopy();
  await runTests({
    extensionDevelopmentPath: cs.REPO_ROOT,
    extensionTestsPath: built.suite,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
  console.log('integration: test-electron run finished without failures');
}

async function main() {
  const started = Date.now();
  const built = await buildIntegration();
  if (built.testFiles.length === 0) throw new Error('no test/integration/suite/**/*.test.ts files found');
  if (process.env.CRIME_ANNOTATOR_TEST_ELECTRON === '1') return runInTestElectron(built);
  const results = await runInCodeServer(built);
  const ok = printResults('integration', results);
  console.log(`(integration run took ${((Date.now() - started) / 1000).toFixed(1)}s)`);
  if (!ok) process.exitCode = 1;
}

main().catch((e) => {
  console.error(`integration: ${e.stack || e.message}`);
  console.log('integration: 0 passed, 1 failed');
  process.exitCode = 1;
});
