// One build script, seven bundles from one source tree: the extension for desktop (Node) and for the
// web (vscode.dev), their analysis workers, the command-line interface and its worker, and the pure core as a CommonJS library.
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints errors in the format of VS Code's esbuild problem matcher. */
const problemMatcher = {
  name: 'esbuild-problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

/** @type {import('esbuild').BuildOptions} */
const shared = {
  bundle: true,
  format: 'cjs',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  external: ['vscode'],
  logLevel: 'warning',
  target: 'es2022',
  plugins: watch ? [problemMatcher] : [],
};

/** @type {Record<string, import('esbuild').BuildOptions>} */
const targets = {
  extensionNode: {
    entryPoints: ['src/extension/extension.node.ts'],
    outfile: 'dist/extension.node.js',
    platform: 'node',
  },
  extensionWeb: {
    entryPoints: ['src/extension/extension.web.ts'],
    outfile: 'dist/extension.web.js',
    platform: 'browser',
    mainFields: ['browser', 'module', 'main'],
    // The web extension host has no `process`; the core never needs it, but some libraries probe it.
    define: { 'process.env.NODE_ENV': production ? '"production"' : '"development"', global: 'globalThis' },
  },
  // Analysis off the extension host's thread: a worker thread on the desktop, a web worker on the web.
  analysisWorkerNode: {
    entryPoints: ['src/extension/worker/analysisWorker.node.ts'],
    outfile: 'dist/analysisWorker.node.js',
    platform: 'node',
  },
  analysisWorkerWeb: {
    entryPoints: ['src/extension/worker/analysisWorker.web.ts'],
    outfile: 'dist/analysisWorker.web.js',
    platform: 'browser',
    format: 'iife',
    mainFields: ['browser', 'module', 'main'],
    define: { 'process.env.NODE_ENV': production ? '"production"' : '"development"', global: 'globalThis' },
  },
  cli: {
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    define: { __VERSION__: JSON.stringify(require('./package.json').version), __ENGINE_ID__: JSON.stringify(engineId()) },
  },
  cliWorker: {
    entryPoints: ['src/cli/worker.ts'],
    outfile: 'dist/cli-worker.js',
    platform: 'node',
  },
  core: {
    entryPoints: ['src/core/index.ts'],
    outfile: 'dist/core.js',
    platform: 'neutral',
    mainFields: ['module', 'main'],
  },
};

/** A hash of the core's sources: the CLI's --cache trusts only results of the same analysis code. */
function engineId() {
  const crypto = require('node:crypto');
  const fs = require('node:fs');
  const path = require('node:path');
  const hash = crypto.createHash('sha1');
  const visit = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else hash.update(full).update(fs.readFileSync(full));
    }
  };
  visit(path.join(__dirname, 'src', 'core'));
  return hash.digest('hex').slice(0, 16);
}

async function main() {
  const contexts = await Promise.all(Object.values(targets).map((t) => esbuild.context({ ...shared, ...t })));
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
