import * as assert from 'node:assert/strict';
import type { LinkableClaim } from '../../src/core/record/claims';
import { Group } from '../../src/core/record/groups';

/** A claim as the group sees it: only its linking order matters here. */
const claim = (order: string) => ({ order }) as unknown as LinkableClaim;
const orders = (g: Group) => g.claims().map((c) => c.order);

describe("record: a partition's claims between relinks", () => {
  it("keeps a source's latest claims only, when it is set twice before the group is read", () => {
    const g = new Group();
    g.set('d\u0000a', [claim('1'), claim('3')]);
    assert.deepEqual(orders(g), ['1', '3']);
    // Staged by a scan, then changed in an editor, with no relink in between.
    g.set('d\u0000b', [claim('2')]);
    g.set('d\u0000b', [claim('2'), claim('4')]);
    assert.deepEqual(orders(g), ['1', '2', '3', '4']);
  });

  it('keeps a claim that is removed and set again, once', () => {
    const g = new Group();
    const kept = [claim('1'), claim('2')];
    g.set('d\u0000a', kept);
    assert.deepEqual(orders(g), ['1', '2']);
    g.remove('d\u0000a');
    g.set('d\u0000a', kept);
    assert.deepEqual(orders(g), ['1', '2']);
  });

  it("drops a removed source's claims whether or not they were read", () => {
    const g = new Group();
    g.set('d\u0000a', [claim('1')]);
    g.set('d\u0000b', [claim('2')]);
    g.remove('d\u0000b');
    assert.deepEqual(orders(g), ['1']);
    g.remove('d\u0000a');
    assert.deepEqual(orders(g), []);
  });
});
