import type { LinkableClaim } from './claims';
import { describeInterval, intersectAll } from './interval';
import { judgeSet } from './rounding';
import { toBase } from './units';
import type { Claim, CrossSourceRecord } from './types';

/** How a record's claims are judged against each other (rounding.ts), and the sentence that says why. */

export function where(c: Claim): string {
  return c.isReference ? `reference ${c.docId}, row ${c.line}` : `${c.docId}, line ${c.line + 1}`;
}

export interface Judgement {
  readonly status: CrossSourceRecord['status'];
  readonly explanation: string;
  readonly rule?: string;
}

export function judge(members: readonly LinkableClaim[], claims: readonly Claim[], sourceCount: number): Judgement {
  const verdict = judgeSet(members);
  if (verdict.conflict) {
    const { a, b, verdict: v } = verdict.conflict;
    const inOneDoc = sourceCount === 1 ? ' (both in the same document)' : '';
    return { status: 'conflict', rule: v.rule, explanation: `${placed(v.why, [a.claim, b.claim])}${inOneDoc}` };
  }
  if (claims.length === 1) return { status: 'single-source', explanation: `Only “${claims[0].text}” (${where(claims[0])}) states this figure.` };
  const common = intersectAll(members.map((m) => m.interval));
  const agreed = common
    ? `all allow ${describeInterval(inOwnUnit(common, members[0].claim), 2, members[0].claim.unit)}`
    : 'each is a fair rounding or hedge of the most precise';
  if (sourceCount === 1)
    return { status: 'single-source', explanation: `${claims.length} statements in one document agree (${agreed}); no other source states it.` };
  return { status: 'consistent', explanation: `${claims.length} claims from ${sourceCount} sources agree: ${agreed}.` };
}

/** The verdict's sentence with each claim's place after its first quotation: "“700” (a.txt, line 1) is ...". */
export function placed(why: string, claims: readonly Claim[]): string {
  let out = why;
  for (const c of claims) {
    const q = `“${c.text}”`;
    let at = out.indexOf(q);
    while (at >= 0 && out.startsWith(' (', at + q.length)) at = out.indexOf(q, at + q.length);
    if (at < 0) continue;
    out = `${out.slice(0, at + q.length)} (${where(c)})${out.slice(at + q.length)}`;
  }
  return out;
}

/** A base-unit interval in a claim's own unit, so an explanation reads "90%", not "0.9". */
function inOwnUnit(iv: { lo: number; hi: number; loOpen: boolean; hiOpen: boolean }, c: Claim) {
  const factor = toBase(1, c.unit);
  return { ...iv, lo: iv.lo / factor, hi: iv.hi / factor };
}
