// A test-only extension installed beside the real one. On activation it runs the bundled mocha suite
// (suite.js, copied next to it) against the live `vscode` API and writes the results to the file named
// by CRIME_ANNOTATOR_TEST_RESULTS, which the launcher waits for. Without that variable it does nothing.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SuiteResults } from '../suite/index';

export const RESULTS_ENV = 'CRIME_ANNOTATOR_TEST_RESULTS';

function writeAtomically(file: string, data: unknown): void {
  const tmp = `${file}.partial`;
  fs.writeFileSync(tmp, JSON.stringify(data, null, 2));
  fs.renameSync(tmp, file);
}

export async function activate(): Promise<void> {
  const resultsFile = process.env[RESULTS_ENV];
  // A reloaded window starts a new extension host; the suite runs once per results file.
  if (!resultsFile || fs.existsSync(resultsFile) || fs.existsSync(`${resultsFile}.started`)) return;
  fs.writeFileSync(`${resultsFile}.started`, String(process.pid));
  try {
    const suite = require(path.join(__dirname, 'suite.js')) as { runCollectingResults(): Promise<SuiteResults> };
    writeAtomically(resultsFile, await suite.runCollectingResults());
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    writeAtomically(resultsFile, { passed: 0, failed: 0, pending: 0, tests: [], durationMs: 0, loadError: err.stack ?? err.message });
  }
}

export function deactivate(): void {}
