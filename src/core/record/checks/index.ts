import type { LinkableClaim } from '../claims';
import type { ArithmeticCheck, SourceDocument } from '../types';
import { checkContext } from './context';
import { percentChangeChecks } from './percent';
import { proportionChecks } from './proportion';
import { linkedFigureChecks } from './qualifier';
import { sumChecks } from './sums';

/**
 * Every arithmetic check one document's own figures allow, in document order. `claims` are the document's
 * claims when the caller has them already (the record index does).
 */
export function checkDocument(doc: SourceDocument, claims?: readonly LinkableClaim[]): ArithmeticCheck[] {
  const ctx = checkContext(doc);
  const checks = [...sumChecks(ctx), ...percentChangeChecks(ctx), ...proportionChecks(ctx), ...linkedFigureChecks(ctx, claims)];
  const starts = new Map(checks.map((c) => [c, firstStart(c)] as const));
  return checks.sort((a, b) => starts.get(a)! - starts.get(b)! || (a.checkId < b.checkId ? -1 : 1));
}

function firstStart(c: ArithmeticCheck): number {
  return Math.min(...c.operands.map((o) => o.start));
}
