// The integration suite's entry. Two hosts run it: the code-server runner extension here
// (runCollectingResults, results written as JSON) and @vscode/test-electron where desktop VS Code can
// be downloaded (run, which rejects on failure as test-electron expects).
import Mocha from 'mocha';
import { testFiles } from './all-tests';

export interface TestOutcome {
  readonly title: string;
  readonly fullTitle: string;
  readonly suitePath: readonly string[];
  readonly file: string | undefined;
  readonly state: 'passed' | 'failed' | 'pending';
  readonly durationMs: number;
  readonly error?: { readonly message: string; readonly stack?: string };
}

export interface SuiteResults {
  readonly passed: number;
  readonly failed: number;
  readonly pending: number;
  readonly tests: readonly TestOutcome[];
  readonly durationMs: number;
}

function createMocha(reporter: string | undefined): Mocha {
  // CRIME_ANNOTATOR_TEST_GREP narrows the run, e.g. to `^activation` when checking an installed VSIX.
  const grep = process.env.CRIME_ANNOTATOR_TEST_GREP;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter, ...(grep ? { grep } : {}) });
  // The Restricted Mode suites run only in the window opened untrusted (scripts/lib/run-suite.js), the others only elsewhere.
  const restricted = process.env.CRIME_ANNOTATOR_TEST_RESTRICTED === '1';
  for (const { file, load } of testFiles.filter((f) => f.file.endsWith('.restricted.test.ts') === restricted)) {
    // What mocha.loadFiles() does for each file, minus the require by path a bundle cannot do.
    mocha.suite.emit('pre-require', globalThis, file, mocha);
    mocha.suite.emit('require', load(), file, mocha);
    mocha.suite.emit('post-require', globalThis, file, mocha);
  }
  return mocha;
}

function suitePath(test: Mocha.Test): string[] {
  const titles: string[] = [];
  for (let s = test.parent; s && !s.root; s = s.parent) titles.unshift(s.title);
  return titles;
}

/** Runs every suite file and returns what happened to each test; never rejects on test failures. */
export function runCollectingResults(): Promise<SuiteResults> {
  const started = Date.now();
  const tests: TestOutcome[] = [];
  const record = (test: Mocha.Test, state: TestOutcome['state'], err?: Error) =>
    tests.push({
      title: test.title,
      fullTitle: test.fullTitle(),
      suitePath: suitePath(test),
      file: test.file,
      state,
      durationMs: test.duration ?? 0,
      ...(err ? { error: { message: String(err.message ?? err), stack: err.stack } } : {}),
    });
  return new Promise((resolve, reject) => {
    try {
      // The null reporter: the launcher prints the results, the extension host has no terminal.
      const runner = createMocha('base').run(() => {
        const count = (state: TestOutcome['state']) => tests.filter((t) => t.state === state).length;
        resolve({ passed: count('passed'), failed: count('failed'), pending: count('pending'), tests, durationMs: Date.now() - started });
      });
      runner.on('pass', (t) => record(t, 'passed'));
      runner.on('fail', (t, err) => record(t as Mocha.Test, 'failed', err));
      runner.on('pending', (t) => record(t, 'pending'));
    } catch (e) {
      reject(e);
    }
  });
}

/** The entry @vscode/test-electron calls: spec output, rejects when any test fails. */
export function run(): Promise<void> {
  return new Promise((resolve, reject) => {
    createMocha('spec').run((failures) => (failures ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
  });
}
