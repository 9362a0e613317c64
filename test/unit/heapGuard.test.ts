import * as assert from 'node:assert/strict';
import { FULL_READINGS, FULL_SHARE, guardHeap, heapFullMessage, heapWatch } from '../../src/cli/heapGuard';

const MB = 1048576;
const reading = (usedMb: number, limitMb = 4096) => ({ used_heap_size: usedMb * MB, heap_size_limit: limitMb * MB });

describe('CLI heap guard', () => {
  it('calls the heap full only when it stays above the share of the limit for the readings in a row', () => {
    const full = heapWatch(0.9, 3);
    // One high reading, then the collector frees memory: not full.
    assert.deepEqual([reading(3800), reading(3800), reading(1000)].map(full), [false, false, false]);
    assert.deepEqual([reading(3800), reading(3700), reading(3900)].map(full), [false, false, true]);
    assert.equal(full(reading(3686)), false, 'at 90% exactly it is not above the share');
  });

  it('reads the heap on a timer and reports the limit once, in MB', async () => {
    const limits: number[] = [];
    let n = 0;
    const guard = guardHeap(
      (mb) => limits.push(mb),
      1,
      () => (n++, reading(4096 * (FULL_SHARE + 0.05))),
    );
    await new Promise((r) => setTimeout(r, 60));
    guard.dispose();
    assert.deepEqual(limits, [4096]);
    assert.ok(n >= FULL_READINGS, `${n} readings`);
  });

  it('never fires while the heap has room, and stops reading when disposed', async () => {
    let n = 0;
    const guard = guardHeap(
      () => assert.fail('fired'),
      1,
      () => (n++, reading(100)),
    );
    await new Promise((r) => setTimeout(r, 30));
    guard.dispose();
    const after = n;
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(n, after);
  });

  it('says how far it got, the limit and how to raise it', () => {
    const m = heapFullMessage(4144, 61234, 100000);
    assert.match(m, /^stopped with 61,234 of 100,000 documents analysed/);
    assert.match(m, /heap limit 4,144 MB/);
    assert.match(m, /NODE_OPTIONS=--max-old-space-size=8288/);
  });
});
