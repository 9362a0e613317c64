import * as assert from 'node:assert/strict';
import { everyNth, runToEnd, Stepped, type Due } from '../../src/core/record/steps';

/** A job that adds 1..n, pausing after each number when its caller asks. */
function* summing(n: number, due: Due, log: number[]): Generator<undefined, number, undefined> {
  let sum = 0;
  for (let i = 1; i <= n; i++) {
    sum += i;
    log.push(i);
    if (due()) yield;
  }
  return sum;
}

describe('stepped jobs', () => {
  it('run until the caller asks them to stop, and resume where they paused', () => {
    const log: number[] = [];
    const job = new Stepped((due) => summing(10, due, log));
    let budget = 3;
    assert.equal(
      job.step(() => --budget <= 0),
      false,
    );
    assert.deepEqual(log, [1, 2, 3]);
    assert.equal(
      job.step(() => true),
      false,
    );
    assert.deepEqual(log, [1, 2, 3, 4]);
    assert.equal(job.finish(), 55);
    assert.deepEqual(log, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // Finished: stepping again does nothing and the result stays.
    assert.equal(
      job.step(() => true),
      true,
    );
    assert.equal(job.finish(), 55);
  });

  it('run to their end at once when nobody asks them to stop', () => {
    const log: number[] = [];
    assert.equal(
      runToEnd((due) => summing(100, due, log)),
      5050,
    );
    assert.equal(log.length, 100);
    const job = new Stepped((due) => summing(5, due, []));
    assert.equal(job.step(), true);
    assert.equal(job.finish(), 15);
  });

  it('ask the clock only every nth time inside a tight loop', () => {
    let asked = 0;
    const due = everyNth(() => (asked++, true), 4);
    const answers = Array.from({ length: 12 }, () => due());
    assert.deepEqual(
      answers.map((a, i) => (a ? i : -1)).filter((i) => i >= 0),
      [3, 7, 11],
    );
    assert.equal(asked, 3);
  });
});
