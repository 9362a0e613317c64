// Runs the bundled integration suite inside code-server's extension host: installs the extension
// (however the caller wants: the working tree, or a VSIX) and the test-only runner extension, opens
// the workbench in Chromium so the extension host starts, and waits for the results file.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const cs = require('./code-server');

// Two limits: the runner extension must start soon after the workbench opens (else it is not
// loaded at all), while the whole suite may take minutes on a busy 2-core machine.
const START_TIMEOUT_MS = 90_000;
const RESULTS_TIMEOUT_MS = Number(process.env.CRIME_ANNOTATOR_TEST_TIMEOUT_MS || 900_000);

/** User settings of the Restricted Mode run: trust on, no prompt, so the folder simply opens untrusted. */
const RESTRICTED_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.untrustedFiles': 'open',
};

/**
 * What a person does to trust the folder: "Workspaces: Manage Workspace Trust", then "Trust". A
 * restricted suite asks for it by writing the file named by CRIME_ANNOTATOR_TEST_TRUST_REQUEST.
 */
async function grantTrust(page) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  await page.keyboard.type('Manage Workspace Trust');
  await page.waitForTimeout(500);
  await page.keyboard.press('Enter');
  const trust = page.getByRole('button', { name: 'Trust', exact: true }).first();
  await trust.waitFor({ timeout: 30_000 });
  await trust.click();
}

/**
 * @param {{ runnerExtension: string, installExtension: (extensionsDir: string, userDataDir: string) => void, grep?: string, restricted?: boolean, makeWorkspace?: () => string }} options
 * `restricted`: open the folder untrusted (Restricted Mode) and run only the `*.restricted.test.ts` suites.
 * `makeWorkspace` returns the folder or .code-workspace file to open (default: a copy of samples/).
 * @returns {Promise<object>} the results JSON the runner extension wrote
 */
async function runSuiteInCodeServer({ runnerExtension, installExtension, grep, restricted = false, makeWorkspace }) {
  cs.ensureTestEnv();
  const tmp = cs.makeTempDir('integration');
  const extensionsDir = path.join(tmp, 'ext');
  const userDataDir = path.join(tmp, 'ud');
  const resultsFile = path.join(tmp, 'results.json');
  const trustRequest = path.join(tmp, 'trust-request');
  fs.mkdirSync(extensionsDir, { recursive: true });
  cs.writeUserSettings(userDataDir, restricted ? RESTRICTED_SETTINGS : {});
  // The runner goes in first: `--install-extension` writes extensions.json from the folders already
  // there, and code-server drops any folder that extensions.json does not list.
  fs.cpSync(runnerExtension, path.join(extensionsDir, 'crime-annotator-test.integration-runner-0.0.0'), { recursive: true });
  installExtension(extensionsDir, userDataDir);
  const workspace = makeWorkspace ? makeWorkspace() : cs.makeWorkspaceCopy();

  const env = {
    CRIME_ANNOTATOR_TEST_RESULTS: resultsFile,
    ...(grep ? { CRIME_ANNOTATOR_TEST_GREP: grep } : {}),
    ...(restricted ? { CRIME_ANNOTATOR_TEST_RESTRICTED: '1', CRIME_ANNOTATOR_TEST_TRUST_REQUEST: trustRequest } : {}),
  };
  const server = await cs.startCodeServer({ extensionsDir, userDataDir, folder: workspace, env, workspaceTrust: restricted });
  let browser;
  try {
    browser = await cs.launchBrowser();
    const page = await cs.openWorkbench(browser, server);
    // What the workbench shows when a run goes wrong (a modal dialog nobody answered, say).
    const screenshot = async (name) => {
      const file = path.join(cs.REPO_ROOT, 'test-results', `${name}.png`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      await page.screenshot({ path: file }).then(
        () => console.log(`(workbench screenshot: ${path.relative(cs.REPO_ROOT, file)})`),
        () => undefined,
      );
    };
    const opened = Date.now();
    let trusted = false;
    while (!fs.existsSync(resultsFile)) {
      if (restricted && !trusted && fs.existsSync(trustRequest)) {
        trusted = true;
        await grantTrust(page).then(
          () => fs.writeFileSync(`${trustRequest}.done`, 'ok'),
          (e) => fs.writeFileSync(`${trustRequest}.done`, `failed: ${e.message}`),
        );
      }
      const started = fs.existsSync(`${resultsFile}.started`);
      const waited = Date.now() - opened;
      if (waited > (started ? RESULTS_TIMEOUT_MS : START_TIMEOUT_MS)) {
        await screenshot('integration-timeout');
        throw new Error(
          `no integration results after ${Math.round(waited / 1000)}s: ` +
            (started ? 'the suite started but never finished (a test hangs?)' : 'the runner extension never activated') +
            `\n--- extension host log ---\n${cs.readExtensionHostLogs(userDataDir).slice(-4000)}` +
            `\n--- code-server output ---\n${server.output().slice(-4000)}`,
        );
      }
      await page.waitForTimeout(250);
    }
    const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    if (results.failed > 0 || results.loadError) await screenshot('integration-failed');
    return { ...results, extensionHostLog: cs.readExtensionHostLogs(userDataDir) };
  } finally {
    await browser?.close();
    server.stop();
    await server.exited;
    if (!process.env.CRIME_ANNOTATOR_KEEP_TMP) fs.rmSync(tmp, { recursive: true, force: true });
    if (!process.env.CRIME_ANNOTATOR_KEEP_TMP) fs.rmSync(path.dirname(workspace), { recursive: true, force: true });
  }
}

module.exports = { runSuiteInCodeServer };
