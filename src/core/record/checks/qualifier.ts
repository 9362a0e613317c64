import { claimsOf, type LinkableClaim } from '../claims';
import { formatNumber } from '../format';
import { contains, intersect, isExact } from '../interval';
import { linkedSets } from '../link';
import type { ArithmeticCheck, Claim, CheckOperand } from '../types';
import { toBase } from '../units';
import type { CheckContext } from './context';

/**
 * Figures of one document that the record links (same measure of the same thing) checked against each
 * other: a qualified figure against each exact one ("over 1,000 charges" against 1,135: ok; "more than
 * 1,300" against 1,250: conflict; "more than 290" against 290: warning, the exact figure is not more),
 * and an exact figure restated differently ("Forty people arrested" then "43 people": conflict).
 */
export function linkedFigureChecks(ctx: CheckContext, claims: readonly LinkableClaim[] = claimsOf(ctx.doc)): ArithmeticCheck[] {
  const byKey = new Map<string, LinkableClaim[]>();
  for (const c of claims) (byKey.get(c.partitionKey) ?? byKey.set(c.partitionKey, []).get(c.partitionKey)!).push(c);
  const out: ArithmeticCheck[] = [];
  for (const group of byKey.values()) {
    if (group.length < 2) continue;
    for (const set of linkedSets(group)) {
      const members = [...set].sort((a, b) => a.claim.start - b.claim.start);
      const exact = members.filter((m) => isExact(m.claim));
      for (const q of members.filter((m) => !isExact(m.claim))) for (const e of exact) out.push(qualifierCheck(ctx, q, e));
      for (const e of exact.slice(1)) if (e.interval.lo !== exact[0].interval.lo || e.interval.hi !== exact[0].interval.hi) out.push(restatementCheck(ctx, exact[0], e));
    }
  }
  return out.sort((a, b) => a.operands[0].start - b.operands[0].start);
}

function op(c: Claim, role: string): CheckOperand {
  return { annotationId: c.annotationId, start: c.start, end: c.end, line: c.line, value: c.value, role };
}

function relation(a: number, b: number): string {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)) ? '=' : a > b ? '>' : '<';
}

const said = (c: Claim) => `“${c.text}” (line ${c.line + 1})`;

function qualifierCheck(ctx: CheckContext, q: LinkableClaim, e: LinkableClaim): ArithmeticCheck {
  const exactPoint = toBase(e.claim.value, e.claim.unit);
  const status: ArithmeticCheck['status'] = !intersect(q.interval, e.interval) ? 'conflict' : contains(q.interval, exactPoint) ? 'ok' : 'warning';
  const shownE = formatNumber(e.claim.value);
  const shownQ = formatNumber(q.claim.value);
  const arithmetic = `${shownE} ${relation(exactPoint, toBase(q.claim.value, q.claim.unit))} ${shownQ} (stated: ${q.claim.qualifier} ${shownQ})`;
  const message =
    status === 'ok'
      ? `${said(q.claim)} agrees with the exact ${said(e.claim)}: ${arithmetic}.`
      : status === 'warning'
        ? `${said(q.claim)} only just fits the exact ${said(e.claim)}: ${shownE} is not ${q.claim.qualifier} ${shownQ} unless the exact figure was rounded.`
        : `${said(q.claim)} contradicts the exact ${said(e.claim)}: ${arithmetic}.`;
  return {
    checkId: `qualifier:${q.claim.start}-${q.claim.end}:${e.claim.start}`,
    docId: ctx.doc.id,
    kind: 'qualifier',
    status,
    message,
    arithmetic,
    operands: [op(q.claim, 'qualified'), op(e.claim, 'exact')],
    expected: q.claim.value,
    actual: e.claim.value,
    tolerance: e.claim.precision / 2,
  };
}

function restatementCheck(ctx: CheckContext, first: LinkableClaim, later: LinkableClaim): ArithmeticCheck {
  const status: ArithmeticCheck['status'] = intersect(first.interval, later.interval) ? 'warning' : 'conflict';
  const arithmetic = `${formatNumber(first.claim.value)} ≠ ${formatNumber(later.claim.value)}`;
  return {
    checkId: `restatement:${first.claim.start}-${first.claim.end}:${later.claim.start}`,
    docId: ctx.doc.id,
    kind: 'restatement',
    status,
    message:
      status === 'conflict'
        ? `${said(later.claim)} restates ${said(first.claim)} with a different value: ${arithmetic}.`
        : `${said(later.claim)} restates ${said(first.claim)} at a different precision: ${arithmetic}; the two agree only if one is rounded.`,
    arithmetic,
    operands: [op(first.claim, 'first'), op(later.claim, 'restated')],
    expected: first.claim.value,
    actual: later.claim.value,
    tolerance: Math.max(first.claim.precision, later.claim.precision) / 2,
  };
}
