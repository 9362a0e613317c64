import * as assert from 'node:assert/strict';
import { linkable, type LinkableClaim } from '../../src/core/record/claims';
import { linkGroup } from '../../src/core/record/link';
import type { Claim } from '../../src/core/record';
import { seededRandom } from '../support/figures';

/**
 * The linker looks candidate clusters up by time window instead of trying them all. That is only sound if
 * every cluster a claim could join is among the candidates, whatever the claims state: periods of every
 * granularity, malformed or reversed, only a start or only an end, no publication date, documents years
 * apart. Random groups built to hit those cases must link exactly as trying every cluster does.
 */
describe('record: linking by time window', () => {
  const DATES = [
    '2021',
    '2021-03',
    '2021-03-14',
    '2021-12-31',
    '2022',
    '2022-01',
    '2022-01-01',
    '2022-06-30',
    '2022-12',
    '2023',
    '2023-02-29',
    '2023-13',
    '20x3',
    '2024-10-09',
    '2026',
  ];
  const ORGS = [undefined, 'met', 'kent-police'];
  const OPERATIONS = [undefined, undefined, 'orochi', 'raptor'];
  const QUALIFIERS: [string, Claim['bound']][] = [
    ['exact', 'exact'],
    ['exact', 'exact'],
    ['more than', 'lower'],
    ['around', 'approximate'],
    ['up to', 'upper'],
  ];

  function randomGroup(seed: number, size: number): LinkableClaim[] {
    const rnd = seededRandom(seed);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
    const docs = Array.from({ length: Math.max(2, Math.floor(size / 3)) }, (_, i) => ({
      id: `d${i}`,
      // Releases in bursts a year or so apart, each burst two months long, some documents undated.
      date:
        rnd() < 0.1
          ? undefined
          : new Date(Date.UTC(pick([2020, 2021, 2022, 2023]), pick([0, 5, 6]), 1) + Math.floor(rnd() * 60) * 86_400_000).toISOString().slice(0, 10),
    }));
    const organisation = pick(ORGS);
    return Array.from({ length: size }, (_, i) => {
      const doc = pick(docs);
      const [qualifier, bound] = pick(QUALIFIERS);
      const value = pick([40, 43, 87, 90, 290, 300, 1000, 1012]);
      const claim: Claim = {
        recordId: '',
        docId: doc.id,
        annotationId: `f${i}`,
        start: i * 10,
        end: i * 10 + 3,
        line: i,
        text: String(value),
        value,
        unit: 'count',
        qualifier,
        bound,
        precision: 1,
        sentence: `${value} arrests`,
        ...(doc.date ? { date: doc.date } : {}),
      };
      const roll = rnd();
      const periodFrom = roll < 0.5 ? undefined : pick(DATES);
      const periodTo = roll < 0.35 ? undefined : roll < 0.5 ? pick(DATES) : rnd() < 0.8 ? pick(DATES) : undefined;
      return linkable(
        claim,
        {
          measure: 'arrests',
          family: 'count',
          ...(organisation ? { organisation } : {}),
          ...(pick(OPERATIONS) ? { operation: pick(OPERATIONS.filter(Boolean)) } : {}),
          ...(periodFrom ? { periodFrom } : {}),
          ...(periodTo ? { periodTo } : {}),
        },
        Math.floor(rnd() * 4),
      );
    });
  }

  const shape = (claims: readonly LinkableClaim[], exhaustive: boolean) =>
    linkGroup(claims, { exhaustive }).map((r) => `${r.recordId} ${r.status} ${r.claims.map((c) => `${c.docId}#${c.annotationId}`).join(',')}`);

  it('finds every cluster a claim could join, on random groups', () => {
    let multiDocRecords = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const group = randomGroup(seed, 120 + (seed % 5) * 60);
      const exhaustive = shape(group, true);
      assert.deepEqual(shape(group, false), exhaustive, `seed ${seed}`);
      multiDocRecords += linkGroup(group).filter((r) => r.sourceCount > 1).length;
    }
    assert.ok(multiDocRecords > 50, `the random groups should link across documents (got ${multiDocRecords})`);
  });

  it('links a running total to a date ("by the end of March 2023") with figures of the year around its end only', () => {
    const claimOf = (docId: string, date: string, value: number, periodTo?: string) =>
      linkable(
        {
          recordId: '',
          docId,
          annotationId: `f-${docId}`,
          start: 0,
          end: 5,
          line: 0,
          text: String(value),
          value,
          unit: 'count',
          qualifier: 'exact',
          bound: 'exact',
          precision: 1,
          sentence: `${value} lines closed`,
          date,
        },
        { measure: 'lines closed', family: 'count', organisation: 'home-office', ...(periodTo ? { periodTo } : {}) },
      );
    const runningTotal = claimOf('total', '2023-10-02', 4000, '2023-03-31');
    const joined = (other: LinkableClaim) => linkGroup([runningTotal, other]).some((r) => r.claims.length === 2);
    // A release a month after the end may restate the total; one two years before it counted less.
    assert.equal(joined(claimOf('after', '2023-04-28', 4000)), true);
    assert.equal(joined(claimOf('before', '2021-02-10', 3900)), false);
    // However many years of such totals a group holds, each is tried only against its own year's clusters.
    const years = Array.from({ length: 40 }, (_, i) => claimOf(`y${i}`, `${2000 + i}-10-02`, 4000 + i, `${2000 + i}-03-31`));
    assert.deepEqual(shape(years, false), shape(years, true));
    assert.ok(years.every((c) => c.windowHi - c.windowLo < 1000));
  });
});
