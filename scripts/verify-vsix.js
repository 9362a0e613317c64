// Checks the packaged VSIX the way a user gets it: it holds only what the extension needs, installs
// into code-server with `--install-extension`, and activates there (the integration suite's
// activation tests run against the installed copy, not the working tree).
// Usage: node scripts/verify-vsix.js [file.vsix]   (default: crime-annotator.vsix from `npm run package`)
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { buildIntegration } = require('./build-integration');
const cs = require('./lib/code-server');
const { printResults } = require('./lib/print-results');
const { runSuiteInCodeServer } = require('./lib/run-suite');
const { zipEntries } = require('./lib/zip-entries');

/** Returns what is wrong with the VSIX's contents (empty when it is right). */
function checkContents(entries) {
  const problems = [];
  const files = entries.filter((e) => e.startsWith('extension/')).map((e) => e.slice('extension/'.length));
  const required = [
    'package.json',
    cs.manifest.main.replace(/^\.\//, ''),
    cs.manifest.browser.replace(/^\.\//, ''),
    'language-configuration.json',
    cs.manifest.icon,
  ];
  for (const grammar of cs.manifest.contributes.grammars ?? []) required.push(grammar.path.replace(/^\.\//, ''));
  // The walkthrough's media, and the samples its first step copies out of the extension.
  for (const w of cs.manifest.contributes.walkthroughs ?? [])
    for (const step of w.steps)
      required.push(
        ...Object.entries(step.media)
          .filter(([k]) => k !== 'altText')
          .map(([, v]) => v),
      );
  for (const sample of fs.readdirSync(path.join(cs.REPO_ROOT, 'samples'))) required.push(`samples/${sample}`);
  for (const file of required) if (!files.includes(file)) problems.push(`missing ${file}`);
  const unwanted = files.filter((f) => /^(src|test|scripts|node_modules|out|\.ci|\.vscode)\/|\.map$|\.ts$|^dist\/(cli|core)\.js$/.test(f));
  for (const file of unwanted) problems.push(`should not ship ${file}`);
  return problems;
}

function installVsix(vsix, extensionsDir, userDataDir) {
  const result = spawnSync(cs.NODE24, [cs.CODE_SERVER_ENTRY, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  const output = `${result.stdout}${result.stderr}`;
  const installed = path.join(extensionsDir, `${cs.EXTENSION_ID}-${cs.manifest.version}`);
  if (result.status !== 0 || !fs.existsSync(path.join(installed, 'package.json'))) {
    throw new Error(`--install-extension ${path.basename(vsix)} failed (exit ${result.status}):\n${output}`);
  }
  console.log(`verify-vsix: installed into ${installed}`);
}

async function main() {
  const vsix = path.resolve(process.argv[2] || path.join(cs.REPO_ROOT, 'crime-annotator.vsix'));
  if (!fs.existsSync(vsix)) throw new Error(`${vsix} not found: run \`npm run package\` first`);
  const entries = zipEntries(vsix);
  const sizeKb = (fs.statSync(vsix).size / 1024).toFixed(1);
  console.log(`verify-vsix: ${path.basename(vsix)}: ${entries.length} entries, ${sizeKb} KB`);
  const problems = checkContents(entries);
  if (problems.length) throw new Error(`the VSIX's contents are wrong:\n  ${problems.join('\n  ')}`);

  cs.ensureTestEnv();
  const built = await buildIntegration();
  const results = await runSuiteInCodeServer({
    runnerExtension: built.runnerExtension,
    installExtension: (extensionsDir, userDataDir) => installVsix(vsix, extensionsDir, userDataDir),
    grep: '^activation ',
  });
  if (!printResults('verify-vsix', results)) process.exitCode = 1;
}

main().catch((e) => {
  console.error(`verify-vsix: ${e.message}`);
  console.log('verify-vsix: 0 passed, 1 failed');
  process.exitCode = 1;
});
