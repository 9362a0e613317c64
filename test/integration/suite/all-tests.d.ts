/**
 * Generated at build time by scripts/build-integration.js (an esbuild plugin): one entry per
 * test/integration/suite/**\/*.test.ts. A bundle cannot glob at run time, and mocha's globals must
 * exist before a test file runs, so each file is loaded lazily by `load()`.
 */
export declare const testFiles: ReadonlyArray<{ readonly file: string; readonly load: () => unknown }>;
