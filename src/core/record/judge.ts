import type { LinkableClaim } from './claims';
import { formatNumber } from './format';
import { describeInterval, intersectAll, isExact, withUnit, type Interval } from './interval';
import { toBase } from './units';
import type { Claim, CrossSourceRecord } from './types';

/** How a record's claims are judged against each other, and the sentence that says why. */

function where(c: Claim): string {
  return c.isReference ? `reference ${c.docId}, row ${c.line}` : `${c.docId}, line ${c.line + 1}`;
}

function allows(m: LinkableClaim, iv: Interval): string {
  const own = inOwnUnit(iv, m.claim);
  return own.lo === own.hi ? withUnit(formatNumber(own.lo, 4), m.claim.unit) : describeInterval(own, 2, m.claim.unit);
}

/**
 * The most precisely stated exact figures are taken at their word (a point), the others as the range their
 * rounding allows: "eight years" allows 7.5 to 8.5, which "eight and a half years" (8.5) is not in, while
 * "£5m" allows the "£5.2m" another source states.
 */
function effectiveIntervals(members: readonly LinkableClaim[]): Map<LinkableClaim, Interval> {
  const exact = members.filter((m) => isExact(m.claim));
  const finest = Math.min(...exact.map((m) => toBase(m.claim.precision, m.claim.unit)));
  const out = new Map<LinkableClaim, Interval>();
  for (const m of members) {
    const point = toBase(m.claim.value, m.claim.unit);
    const isFinest = exact.length > 1 && isExact(m.claim) && toBase(m.claim.precision, m.claim.unit) <= finest * (1 + 1e-9);
    out.set(m, isFinest ? { lo: point, hi: point, loOpen: false, hiOpen: false } : m.interval);
  }
  return out;
}

export function judge(members: readonly LinkableClaim[], claims: readonly Claim[], sourceCount: number): { status: CrossSourceRecord['status']; explanation: string } {
  const effective = effectiveIntervals(members);
  const common = intersectAll([...effective.values()]);
  if (!common) {
    // The claim that demands the most and the one that allows the least cannot both hold.
    let high = members[0];
    let low = members[0];
    const iv = (m: LinkableClaim) => effective.get(m)!;
    for (const m of members) {
      if (iv(m).lo > iv(high).lo || (iv(m).lo === iv(high).lo && iv(m).loOpen)) high = m;
      if (iv(m).hi < iv(low).hi || (iv(m).hi === iv(low).hi && iv(m).hiOpen)) low = m;
    }
    const inOneDoc = sourceCount === 1 ? ' in the same document' : '';
    return {
      status: 'conflict',
      explanation: `“${high.claim.text}” (${where(high.claim)}) means ${allows(high, iv(high))}, but “${low.claim.text}” (${where(low.claim)}) means ${allows(low, iv(low))}${inOneDoc}: no value fits both.`,
    };
  }
  if (claims.length === 1) return { status: 'single-source', explanation: `Only “${claims[0].text}” (${where(claims[0])}) states this figure.` };
  const agreed = describeInterval(inOwnUnit(common, members[0].claim), 2, members[0].claim.unit);
  if (sourceCount === 1) return { status: 'single-source', explanation: `${claims.length} statements in one document agree (all allow ${agreed}); no other source states it.` };
  return { status: 'consistent', explanation: `${claims.length} claims from ${sourceCount} sources agree: all allow ${agreed}.` };
}

/** A base-unit interval in a claim's own unit, so an explanation reads "90%", not "0.9". */
function inOwnUnit(iv: Interval, c: Claim): Interval {
  const factor = toBase(1, c.unit);
  return { ...iv, lo: iv.lo / factor, hi: iv.hi / factor };
}
