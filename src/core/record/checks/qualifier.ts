import { claimsOf, type LinkableClaim } from '../claims';
import { formatNumber } from '../format';
import { placedInDocument } from './context';
import { linkedSets } from '../link';
import { asJudged, comparePair, effectiveShape, judgeSet, type PairVerdict } from '../rounding';
import type { ArithmeticCheck, Claim, CheckOperand } from '../types';
import type { CheckContext } from './context';

/**
 * Figures of one document that the record links (the same figure, stated more than once) judged against
 * the most precise statement of it, with the rules of rounding.ts: "over 1,000 charges" against 1,135 is
 * ok; "more than 1,300" against 1,250 is a hedge that is false; "Forty people arrested" in the headline
 * against 43 in the body is an unhedged rounding more than 1% off; "up to £120,000" against a bare
 * £120,000 qualifies one value two ways. Each check names the rule it breaks.
 */
export function linkedFigureChecks(ctx: CheckContext, claims: readonly LinkableClaim[] = claimsOf(ctx.doc)): ArithmeticCheck[] {
  const byKey = new Map<string, LinkableClaim[]>();
  for (const c of claims) (byKey.get(c.partitionKey) ?? byKey.set(c.partitionKey, []).get(c.partitionKey)!).push(c);
  const out: ArithmeticCheck[] = [];
  for (const group of byKey.values()) {
    if (group.length < 2) continue;
    for (const set of linkedSets(group)) {
      if (set.length < 2) continue;
      const members = [...set].sort((a, b) => a.claim.start - b.claim.start);
      const { reference } = judgeSet(members);
      const judged = new Set<string>();
      const seen = (a: LinkableClaim, b: LinkableClaim) => {
        const key = [sig(a), sig(b)].sort().join('\u0000');
        if (judged.has(key)) return true;
        judged.add(key);
        return false;
      };
      if (reference) {
        for (const m of members) {
          if (m === reference || (m.claim.text === reference.claim.text && m.point === reference.point)) continue;
          if (seen(m, reference)) continue;
          out.push(check(ctx, m, reference, comparePair(asJudged(m), asJudged(reference))));
        }
      }
      // Without an exact statement to judge by: two statements of one value qualified differently. Beside
      // one, each statement is judged by it alone (a headline's "1,500" and a lede's "Nearly 1,500" are both
      // judged against the body's 1,468, not against each other).
      if (reference) continue;
      for (let i = 0; i < members.length; i++) {
        for (let j = i + 1; j < members.length; j++) {
          const [a, b] = [members[i], members[j]];
          if (a === reference || b === reference || sig(a) === sig(b) || seen(a, b)) continue;
          const verdict = comparePair(asJudged(a), asJudged(b));
          if (!verdict.ok) out.push(check(ctx, a, b, verdict));
        }
      }
    }
  }
  return out.sort((a, b) => a.operands[0].start - b.operands[0].start);
}

function sig(c: LinkableClaim): string {
  return `${c.point}\u0000${c.claim.qualifier}\u0000${c.claim.precision}\u0000${c.claim.text}`;
}

function op(c: Claim, role: string): CheckOperand {
  return { annotationId: c.annotationId, start: c.start, end: c.end, line: c.line, value: c.value, role };
}

function relation(a: number, b: number): string {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)) ? '=' : a > b ? '>' : '<';
}

/** A check of `m` against `ref`: a "qualifier" check when either is hedged, a "restatement" when both are exact. */
function check(ctx: CheckContext, m: LinkableClaim, ref: LinkableClaim, verdict: PairVerdict): ArithmeticCheck {
  const hedged = effectiveShape(asJudged(m)) !== 'exact' ? m : effectiveShape(asJudged(ref)) !== 'exact' ? ref : undefined;
  const status: ArithmeticCheck['status'] = verdict.ok ? 'ok' : 'conflict';
  const [first, later] = m.claim.start <= ref.claim.start ? [m, ref] : [ref, m];
  const shown = (c: Claim) => formatNumber(c.value);
  if (hedged) {
    const exact = hedged === m ? ref : m;
    const arithmetic = `${shown(exact.claim)} ${relation(exact.point, hedged.point)} ${shown(hedged.claim)} (stated: ${hedged.claim.qualifier === 'exact' ? '' : `${hedged.claim.qualifier} `}${shown(hedged.claim)})`;
    return {
      checkId: `qualifier:${hedged.claim.start}-${hedged.claim.end}:${exact.claim.start}`,
      docId: ctx.doc.id,
      kind: 'qualifier',
      status,
      rule: verdict.rule,
      message: placedInDocument(verdict.why, [hedged.claim, exact.claim]),
      arithmetic,
      operands: [op(hedged.claim, 'qualified'), op(exact.claim, effectiveShape(exact.claim) === 'exact' ? 'exact' : 'qualified')],
      expected: hedged.claim.value,
      actual: exact.claim.value,
      tolerance: exact.claim.precision / 2,
    };
  }
  const arithmetic = `${shown(first.claim)} ${relation(first.point, later.point) === '=' ? '=' : '≠'} ${shown(later.claim)}`;
  return {
    checkId: `restatement:${first.claim.start}-${first.claim.end}:${later.claim.start}`,
    docId: ctx.doc.id,
    kind: 'restatement',
    status,
    rule: verdict.rule,
    message: placedInDocument(verdict.why, [first.claim, later.claim]),
    arithmetic,
    operands: [op(first.claim, 'first'), op(later.claim, 'restated')],
    expected: first.claim.value,
    actual: later.claim.value,
    tolerance: Math.max(first.claim.precision, later.claim.precision) / 2,
  };
}
