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

/** Resolves `./all-tests` (declared in all-tests.d.ts) to a lazy loader per suite file. */
const allTestsPlugin = {
  name: 'integration-test-list',
  setup(build) {
    build.onResolve({ filter: /^\.\/all-tests$/ }, (args) =>
      args.resolveDir === SUITE_DIR ? { path: 'all-tests', namespace: 'integration-test-list' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'integration-test-list' }, () => {
      const files = findTestFiles(SUITE_DIR);
      const entries = files.map((f) => {
        const rel = './' + path.relative(SUITE_DIR, f).split(path.sep).join('/');
        return `  { file: ${JSON.stringify(path.relative(ROOT, f))}, load: () => require(${JSON.stringify(rel)}) },`;
      });
      return {
        contents: `export const testFiles = [\n${entries.join('\n')}\n];\n`,
        resolveDir: SUITE_DIR,
        loader: 'js',
        watchFiles: files,
        watchDirs: [SUITE_DIR],
      };
    });
  },
};

async function buildIntegration() {
  fs.rmSync(OUT_DIR, { recursive: true, force: true });
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
    outfile: path.join(OUT_DIR, 'suite.js'),
    plugins: [allTestsPlugin],
  });
  const runnerOut = path.join(OUT_DIR, 'runner-extension');
  await esbuild.build({
    ...shared,
    entryPoints: [path.join(ROOT, 'test', 'integration', 'runner-extension', 'extension.ts')],
    outfile: path.join(runnerOut, 'extension.js'),
  });
  fs.copyFileSync(path.join(ROOT, 'test', 'integration', 'runner-extension', 'package.json'), path.join(runnerOut, 'package.json'));
  fs.copyFileSync(path.join(OUT_DIR, 'suite.js'), path.join(runnerOut, 'suite.js'));
  // A scratch copy of the corpus for .vscode/launch.json's "Extension Tests": the suite writes into
  // its workspace, which must never be samples/ itself.
  const samples = path.join(ROOT, 'samples');
  fs.cpSync(fs.existsSync(samples) ? samples : path.join(ROOT, 'test', 'fixtures'), path.join(OUT_DIR, 'workspace'), { recursive: true });
  return { suite: path.join(OUT_DIR, 'suite.js'), runnerExtension: runnerOut, testFiles: findTestFiles(SUITE_DIR) };
}

module.exports = { buildIntegration, OUT_DIR };

if (require.main === module) {
  buildIntegration()
    .then(({ testFiles }) => console.log(`build-integration: ${testFiles.length} suite file(s) bundled into out/integration/`))
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
