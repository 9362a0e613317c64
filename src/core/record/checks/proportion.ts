import { formatNumber } from '../format';
import { contains, distanceOutside } from '../interval';
import type { ArithmeticCheck, CheckOperand } from '../types';
import { toBase } from '../units';
import { operand, sentenceOf, withinReach, type CheckContext, type CheckFigure } from './context';

const ALL_BEFORE = /\ball(?: of)?(?: the| those| these)?\s*$/i;
const PART_OF_WHOLE = /^\s*(?:out of|of)(?: the| those| these)?\s*$/i;

/**
 * A stated proportion ("nine in 10 pleaded guilty", "61% had previous convictions") against counts in
 * the same document: "all 18 pleaded guilty" is 100%, "15 of the 18 defendants" is 83%. Ok inside the
 * stated range; within one stated step of it, a warning; further, a conflict.
 */
export function proportionChecks(ctx: CheckContext): ArithmeticCheck[] {
  const out: ArithmeticCheck[] = [];
  for (const r of ctx.figures) {
    if (r.family !== 'ratio' || r.f.change || !r.measure) continue;
    const counted = countFor(ctx, r);
    if (counted) out.push(judge(ctx, r, counted));
  }
  return out;
}

interface Counted {
  readonly numerator: number;
  readonly denominator: number;
  readonly operands: CheckOperand[];
  readonly how: string;
}

function countFor(ctx: CheckContext, r: CheckFigure): Counted | undefined {
  const words = r.f.counts!.toLowerCase();
  const counts = withinReach(ctx.figures, r).filter((y) => y.family === 'count' && y !== r);
  for (const y of counts) {
    const aboutIt = y.measure === r.measure || sentenceOf(ctx, y).toLowerCase().includes(words);
    if (!aboutIt) continue;
    const before = ctx.doc.text.slice(Math.max(0, y.f.start - 20), y.f.start);
    if (ALL_BEFORE.test(before) || /^all\b/i.test(y.f.text))
      return { numerator: y.f.value, denominator: y.f.value, operands: [operand(y, 'all')], how: `all ${formatNumber(y.f.value)}` };
    const whole = counts.find((d) => d.sentenceIndex === y.sentenceIndex && d.f.start > y.f.end && PART_OF_WHOLE.test(ctx.doc.text.slice(y.f.end, d.f.start)));
    if (whole && whole.f.value >= y.f.value && whole.f.value > 0) {
      return {
        numerator: y.f.value,
        denominator: whole.f.value,
        operands: [operand(y, 'numerator'), operand(whole, 'denominator')],
        how: `${formatNumber(y.f.value)} of ${formatNumber(whole.f.value)}`,
      };
    }
  }
  return undefined;
}

function judge(ctx: CheckContext, r: CheckFigure, c: Counted): ArithmeticCheck {
  const ratio = c.numerator / c.denominator;
  const step = (r.f.precision > 0 ? r.f.precision : r.f.unit === 'percent' ? 1 : 0.1) * toBase(1, r.f.unit);
  const status: ArithmeticCheck['status'] = contains(r.interval, ratio) ? 'ok' : distanceOutside(r.interval, ratio) <= step + 1e-12 ? 'warning' : 'conflict';
  const pct = `${formatNumber(ratio * 100, 1)}%`;
  const statedPct = `${r.f.qualifier && r.f.qualifier !== 'exact' ? `${r.f.qualifier} ` : ''}${formatNumber(r.base * 100, 1)}%`;
  const arithmetic = `${formatNumber(c.numerator)} ÷ ${formatNumber(c.denominator)} = ${pct} (stated: ${statedPct})`;
  const said = `“${r.f.text}” (line ${r.f.line + 1})`;
  const message =
    status === 'ok'
      ? `${said} agrees with ${c.how}: ${arithmetic}.`
      : `${said} ${status === 'warning' ? 'is close to, but not,' : 'does not match'} ${c.how}: ${arithmetic}.`;
  return {
    checkId: `proportion:${r.f.start}-${r.f.end}:${c.operands.map((o) => o.start).join(',')}`,
    docId: ctx.doc.id,
    kind: 'proportion',
    status,
    message,
    arithmetic,
    operands: [...c.operands, operand(r, 'stated')],
    expected: Number(ratio.toFixed(6)),
    actual: r.base,
    tolerance: step,
  };
}
