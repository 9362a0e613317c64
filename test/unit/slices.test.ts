import * as assert from 'node:assert/strict';
import { pacer, runAtOnce, SteppedRun } from '../../src/core/slices';

/** Adds 1..n, pausing after each number. */
function* summing(n: number, log: number[]): Generator<void, number> {
  let sum = 0;
  for (let i = 1; i <= n; i++) {
    sum += i;
    log.push(i);
    yield;
  }
  return sum;
}

describe('work in steps for a caller that keeps its own time', () => {
  it('runs until the caller says stop at a pause, and resumes where it paused', () => {
    const log: number[] = [];
    const run = new SteppedRun(summing(10, log));
    let budget = 3;
    assert.equal(
      run.step(() => --budget <= 0),
      false,
    );
    assert.deepEqual(log, [1, 2, 3]);
    assert.equal(
      run.step(() => true),
      false,
    );
    assert.deepEqual(log, [1, 2, 3, 4]);
    assert.equal(run.finish(), 55);
    assert.deepEqual(log, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // Ended: another step does nothing, and the result stays.
    assert.equal(
      run.step(() => true),
      true,
    );
    assert.equal(run.finish(), 55);
  });

  it('runs to the end in one step when nobody says stop, with the result runAtOnce gives', () => {
    const run = new SteppedRun(summing(100, []));
    assert.equal(run.step(), true);
    assert.equal(run.finish(), runAtOnce(summing(100, [])));
  });

  it('paces a pause inside a tight loop to every nth pass', () => {
    const often = pacer(4);
    const due = Array.from({ length: 12 }, (_, i) => (often() ? i : -1)).filter((i) => i >= 0);
    assert.deepEqual(due, [3, 7, 11]);
  });
});
