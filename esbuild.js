// One build script, six bundles from one source tree: the extension for desktop (Node) and for the
// web (vscode.dev), their analysis workers, the command-line interface, and the pure core as a CommonJS library.
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
    define: { __VERSION__: JSON.stringify(require('./package.json').version) },
  },
  core: {
    entryPoints: ['src/core/index.ts'],
    outfile: 'dist/core.js',
    platform: 'neutral',
    mainFields: ['module', 'main'],
  },
};

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
