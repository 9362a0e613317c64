// Bundles the integration suite (mocha included, `vscode` external) and the runner extension into
// out/integration/. The suite's test list is generated here: a bundle cannot glob at run time.
'use strict';
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const SUITE_DIR = path.join(ROOT, 'test', 'integration', 'suite');
const OUT_DIR = path.join(ROOT, 'out', 'integration');

function findTestFiles(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.test.ts'))
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .sort();
}

/** Resolves `./all-tests` (declared in all-tests.d.ts) to a lazy loader per suite file of `testDir`. */
const allTestsPlugin = (testDir) => ({
  name: 'integration-test-list',
  setup(build) {
    build.onResolve({ filter: /^\.\/all-tests$/ }, (args) =>
      args.resolveDir === SUITE_DIR ? { path: 'all-tests', namespace: 'integration-test-list' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'integration-test-list' }, () => {
      const files = findTestFiles(testDir);
      const entries = files.map((f) => {
        const rel = './' + path.relative(testDir, f).split(path.sep).join('/');
        return `  { file: ${JSON.stringify(path.relative(ROOT, f))}, load: () => require(${JSON.stringify(rel)}) },`;
      });
      return {
        contents: `export const testFiles = [\n${entries.join('\n')}\n];\n`,
        resolveDir: testDir,
        loader: 'js',
        watchFiles: files,
        watchDirs: [testDir],
      };
    });
  },
});

/**
 * Bundles the suite of `testDir` (the main suite, or a scenario of test/integration/scenarios/ that
 * needs a workspace of its own) with its runner extension into `outDir`.
 */
async function buildIntegration({ testDir = SUITE_DIR, outDir = OUT_DIR } = {}) {
  fs.rmSync(outDir, { recursive: true, force: true });
  const shared = {
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
    // mocha's parallel mode resolves worker files by path; the bundle runs serially and never needs them.
    logOverride: { 'require-resolve-not-external': 'silent' },
  };
  await esbuild.build({
    ...shared,
    entryPoints: [path.join(SUITE_DIR, 'index.ts')],
    outfile: path.join(outDir, 'suite.js'),
    plugins: [allTestsPlugin(testDir)],
  });
  const runnerOut = path.join(outDir, 'runner-extension');
  await esbuild.build({
    ...shared,
    entryPoints: [path.join(ROOT, 'test', 'integration', 'runner-extension', 'extension.ts')],
    outfile: path.join(runnerOut, 'extension.js'),
  });
  fs.copyFileSync(path.join(ROOT, 'test', 'integration', 'runner-extension', 'package.json'), path.join(runnerOut, 'package.json'));
  fs.copyFileSync(path.join(outDir, 'suite.js'), path.join(runnerOut, 'suite.js'));
  if (testDir !== SUITE_DIR) return { suite: path.join(outDir, 'suite.js'), runnerExtension: runnerOut, testFiles: findTestFiles(testDir) };
  // A scratch copy of the corpus for .vscode/launch.json's "Extension Tests": the suite writes into
  // its workspace, which must never be samples/ itself.
  const samples = path.join(ROOT, 'samples');
  fs.cpSync(fs.existsSync(samples) ? samples : path.join(ROOT, 'test', 'fixtures'), path.join(OUT_DIR, 'workspace'), { recursive: true });
  return { suite: path.join(OUT_DIR, 'suite.js'), runnerExtension: runnerOut, testFiles: findTestFiles(SUITE_DIR) };
}

/** Scenarios: test/integration/scenarios/<name>/ with its *.test.ts and a workspace.js that makes its workspace. */
const SCENARIOS_DIR = path.join(ROOT, 'test', 'integration', 'scenarios');
function scenarios() {
  if (!fs.existsSync(SCENARIOS_DIR)) return [];
  return fs
    .readdirSync(SCENARIOS_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => ({ name: e.name, testDir: path.join(SCENARIOS_DIR, e.name), outDir: path.join(OUT_DIR, 'scenarios', e.name) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

module.exports = { buildIntegration, scenarios, OUT_DIR };

if (require.main === module) {
  buildIntegration()
    .then(({ testFiles }) => console.log(`build-integration: ${testFiles.length} suite file(s) bundled into out/integration/`))
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
