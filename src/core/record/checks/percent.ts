import { formatAtPrecision, formatNumber, replaceFirstNumber } from '../format';
import { contains, distanceOutside, intervalOf, isExact } from '../interval';
import type { ArithmeticCheck, CheckOperand } from '../types';
import type { FigureAnnotation } from '../../types';
import { findChangeOperands, type ChangeOperands } from '../changes';
import { operand, type CheckContext, type CheckFigure } from './context';

/**
 * A stated percentage change against its before and after figures. The stated precision sets the
 * tolerance: a whole percent allows ±0.5 points (ok); up to one step more is rounding (warning, with a
 * fix to the correctly rounded figure); beyond that, or the wrong direction, is a conflict.
 */
export function percentChangeChecks(ctx: CheckContext): ArithmeticCheck[] {
  const out: ArithmeticCheck[] = [];
  const operands = findChangeOperands(
    ctx.doc.text,
    ctx.figures.map((x) => x.f),
  );
  const byFigure = new Map(ctx.figures.map((x) => [x.f, x] as const));
  const unpaired: CheckFigure[] = [];
  const paired: { readonly x: CheckFigure; readonly pair: BeforeAfter }[] = [];
  for (const x of ctx.figures) {
    if (!x.f.change || (x.f.unit !== 'percent' && x.f.unit !== 'ratio')) continue;
    const pair = x.f.unit === 'percent' ? beforeAfter(x, operands.get(x.f), byFigure) : undefined;
    // A change stated as a share ("up by more than half") is checked like the percentage it means.
    if (x.f.unit === 'ratio') {
      unpaired.push({ ...x, f: { ...x.f, unit: 'percent', value: x.f.value * 100, precision: x.f.precision * 100 } });
      continue;
    }
    if (!pair) unpaired.push(x);
    if (!pair || pair.from === 0) continue;
    paired.push({ x, pair });
    out.push(judge(ctx, x, pair));
  }
  // A headline or lede often restates a change the body gives with its figures ("arrests up by more than
  // half" above "up 61% (1,431 to 2,232)"): judge it against those figures, not against the body's own
  // percentage, which may itself be wrong. Only an unambiguous match counts.
  for (const x of unpaired) {
    const matches = paired.filter((p) => p.x.f.change!.direction === x.f.change!.direction && sameMeasure(x.f.counts, p.x.f.counts));
    if (matches.length === 1) out.push(judge(ctx, x, matches[0].pair));
  }
  return out;
}

/** "arrests" restates "drug trafficking arrests": a headline names the measure more loosely than the body. */
function sameMeasure(loose: string | null, exact: string | null): boolean {
  if (!loose || !exact) return false;
  return loose === exact || exact.endsWith(` ${loose}`);
}

interface BeforeAfter {
  readonly from: number;
  readonly to: number;
  readonly operands: CheckOperand[];
}

function beforeAfter(x: CheckFigure, found: ChangeOperands | undefined, byFigure: Map<FigureAnnotation, CheckFigure>): BeforeAfter | undefined {
  const roles: CheckOperand[] = [];
  if (found?.before) roles.push(operand(byFigure.get(found.before)!, 'before'));
  if (found?.after) roles.push(operand(byFigure.get(found.after)!, 'after'));
  const from = x.f.change!.from ?? found?.before?.value;
  const to = x.f.change!.to ?? found?.after?.value;
  return from === undefined || to === undefined ? undefined : { from, to, operands: roles };
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
