import { formatAtPrecision, formatNumber, replaceFirstNumber } from '../format';
import { contains, distanceOutside, intervalOf, isExact } from '../interval';
import type { ArithmeticCheck, CheckOperand } from '../types';
import { operand, type CheckContext, type CheckFigure } from './context';

/** "1,431 to 2,232", "from 1,431 to 2,232", "1,431 → 2,232": what may stand between a before and an after figure. */
const BETWEEN_BEFORE_AND_AFTER = /^\s*(?:to|→|->|–|—|-|up to|rising to|falling to)\s*$/i;

/**
 * A stated percentage change against its before and after figures. The stated precision sets the
 * tolerance: a whole percent allows ±0.5 points (ok); up to one step more is rounding (warning, with a
 * fix to the correctly rounded figure); beyond that, or the wrong direction, is a conflict.
 */
export function percentChangeChecks(ctx: CheckContext): ArithmeticCheck[] {
  const out: ArithmeticCheck[] = [];
  for (const x of ctx.figures) {
    if (x.f.unit !== 'percent' || !x.f.change) continue;
    const pair = beforeAfter(ctx, x);
    if (!pair || pair.from === 0) continue;
    out.push(judge(ctx, x, pair));
  }
  return out;
}

interface BeforeAfter {
  readonly from: number;
  readonly to: number;
  readonly operands: CheckOperand[];
}

function beforeAfter(ctx: CheckContext, x: CheckFigure): BeforeAfter | undefined {
  const { from, to } = x.f.change!;
  if (from !== undefined && to !== undefined) return { from, to, operands: [] };
  // The extractor did not attach them: look for "A to B" after the percentage in the same sentence.
  const after = ctx.figures.filter((y) => y.sentenceIndex === x.sentenceIndex && y.f.start > x.f.end && y.f.unit !== 'percent');
  for (let i = 0; i + 1 < after.length; i++) {
    const a = after[i];
    const b = after[i + 1];
    if (a.family !== b.family) continue;
    if (!BETWEEN_BEFORE_AND_AFTER.test(ctx.doc.text.slice(a.f.end, b.f.start))) continue;
    return { from: a.f.value, to: b.f.value, operands: [operand(a, 'before'), operand(b, 'after')] };
  }
  return undefined;
}

function judge(ctx: CheckContext, x: CheckFigure, p: BeforeAfter): ArithmeticCheck {
  const computed = ((p.to - p.from) / Math.abs(p.from)) * 100;
  const stated = x.f.value;
  const step = x.f.precision > 0 ? x.f.precision : 1;
  const sign = computed >= 0 ? '+' : '−';
  const magnitude = Math.abs(computed);
  const arithmetic = `(${formatNumber(p.to)} − ${formatNumber(p.from)}) ÷ ${formatNumber(p.from)} = ${sign}${formatNumber(magnitude)}%`;
  const wrongDirection = (x.f.change!.direction === 'up') !== computed >= 0 && computed !== 0;
  const allowed = intervalOf(x.f);
  const off = distanceOutside(allowed, magnitude);
  const status: ArithmeticCheck['status'] = wrongDirection ? 'conflict' : contains(allowed, magnitude) ? 'ok' : off <= step ? 'warning' : 'conflict';
  const said = `“${x.f.text}” (line ${x.f.line + 1})`;
  const fromTo = `${formatNumber(p.from)} to ${formatNumber(p.to)}`;
  const message = wrongDirection
    ? `${said} says ${x.f.change!.direction}, but ${fromTo} is a ${computed >= 0 ? 'rise' : 'fall'} of ${formatNumber(magnitude)}%: ${arithmetic}.`
    : status === 'ok'
      ? `${said} matches ${fromTo}: ${arithmetic}.`
      : status === 'warning'
        ? `${said} is mis-rounded: ${fromTo} is ${formatNumber(magnitude)}%, which rounds to ${formatAtPrecision(magnitude, step)}%: ${arithmetic}.`
        : `${said} does not match ${fromTo}, which is ${formatNumber(magnitude)}%: ${arithmetic}.`;
  const fixText = !wrongDirection && status !== 'ok' && isExact(x.f) ? replaceFirstNumber(x.f.text, formatAtPrecision(magnitude, step)) : undefined;
  return {
    checkId: `percent-change:${x.f.start}-${x.f.end}`,
    docId: ctx.doc.id,
    kind: 'percent-change',
    status,
    message,
    arithmetic,
    operands: [...p.operands, operand(x, 'stated')],
    expected: Number(magnitude.toFixed(4)),
    actual: stated,
    tolerance: step / 2,
    ...(fixText ? { fix: { start: x.f.start, end: x.f.end, replacement: fixText, title: `Replace “${x.f.text}” with “${fixText}” (${arithmetic})` } } : {}),
  };
}
