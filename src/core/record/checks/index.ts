import type { LinkableClaim } from '../claims';
import type { ArithmeticCheck, SourceDocument } from '../types';
import { checkContext } from './context';
import { percentChangeChecks } from './percent';
import { proportionChecks } from './proportion';
import { linkedFigureChecks } from './qualifier';
import { sumChecks } from './sums';
import { breakdownChecks, partExceedsTotalChecks } from './breakdowns';

/**
 * Every arithmetic check one document's own figures allow, in document order. `claims` are the document's
 * claims when the caller has them already (the record index does).
 */
export function checkDocument(doc: SourceDocument, claims?: readonly LinkableClaim[]): ArithmeticCheck[] {
  const ctx = checkContext(doc);
  const all = [
    ...sumChecks(ctx),
    ...breakdownChecks(ctx),
    ...partExceedsTotalChecks(ctx),
    ...percentChangeChecks(ctx),
    ...proportionChecks(ctx),
    ...linkedFigureChecks(ctx, claims),
  ];
  // Two readings of one set of parts (a stated total and a breakdown by kind) are one check.
  const seen = new Set<string>();
  const checks = all.filter((c) => !seen.has(c.checkId) && !!seen.add(c.checkId));
  const starts = new Map(checks.map((c) => [c, firstStart(c)] as const));
  return checks.sort((a, b) => starts.get(a)! - starts.get(b)! || (a.checkId < b.checkId ? -1 : 1));
}

function firstStart(c: ArithmeticCheck): number {
  return Math.min(...c.operands.map((o) => o.start));
}
