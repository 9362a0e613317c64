import * as assert from 'node:assert/strict';
import { HEAP_SHARE, heapLimitToSet, type HeapSituation } from '../../src/cli/heapLimit';

const machine = (availableMb: number, over: Partial<HeapSituation> = {}): HeapSituation => ({
  currentLimitMb: 4144,
  availableMb,
  execArgv: [],
  nodeOptions: undefined,
  relaunched: false,
  ...over,
});

describe('CLI heap limit', () => {
  it('asks for half the memory of a large machine, in steps of 256 MB', () => {
    assert.equal(heapLimitToSet(machine(24_576)), 12_288);
    assert.equal(heapLimitToSet(machine(24_000)), 11_776);
    assert.equal(HEAP_SHARE, 0.5);
  });

  it('leaves a machine alone where half its memory is not at least 1 GB above the default', () => {
    assert.equal(heapLimitToSet(machine(8_192)), undefined);
    assert.equal(heapLimitToSet(machine(10_240)), undefined);
    assert.equal(heapLimitToSet(machine(10_752)), 5_376);
    assert.equal(heapLimitToSet(machine(2_048, { currentLimitMb: 1_024 })), undefined);
  });

  it("keeps the user's own limit, however it was given", () => {
    assert.equal(heapLimitToSet(machine(65_536, { nodeOptions: '--max-old-space-size=2048' })), undefined);
    assert.equal(heapLimitToSet(machine(65_536, { nodeOptions: '--trace-gc --max_old_space_size=2048' })), undefined);
    assert.equal(heapLimitToSet(machine(65_536, { execArgv: ['--max-old-space-size=3000'] })), undefined);
    assert.equal(heapLimitToSet(machine(65_536, { nodeOptions: '--trace-gc' })), 32_768);
  });

  it('never relaunches from a relaunched process', () => {
    assert.equal(heapLimitToSet(machine(65_536, { relaunched: true })), undefined);
  });
});
