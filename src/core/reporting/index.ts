/**
 * Pre-publication checks for editors: reporting restrictions and prejudicial wording. Each rule reads
 * the people of a document (src/core/people) with its legal terms and courts, and reports findings
 * with the words that carry the risk, the law, and a safe fix where there is one. A finding is a
 * prompt to check, not legal advice (docs/legal-checks.md).
 */
import { findPeople, type PeopleResult } from '../people';
import type { Annotation, Span } from '../types';
import { activeProceedings } from './activeProceedings';
import { chargeConvictionMismatch } from './chargeConvictionMismatch';
import { ruleContext, type RuleContext } from './context';
import type { ReportingFinding, ReportingRuleId } from './types';
import { victimAnonymity } from './victimAnonymity';
import { youthAnonymity } from './youthAnonymity';

export type { ReportingFinding, ReportingRuleId } from './types';
export { RULES as REPORTING_RULES, type ReportingRuleData } from '../people/vocabulary';

const RULE_FUNCTIONS: Readonly<Record<ReportingRuleId, (ctx: RuleContext) => ReportingFinding[]>> = {
  'youth-anonymity': youthAnonymity,
  'victim-anonymity': victimAnonymity,
  'active-proceedings': activeProceedings,
  'charge-conviction-mismatch': chargeConvictionMismatch,
};

export const REPORTING_RULE_IDS = Object.keys(RULE_FUNCTIONS) as ReportingRuleId[];

export interface ReportingInput {
  readonly text: string;
  readonly sentences: readonly Span[];
  readonly annotations: readonly Annotation[];
}

export interface ReportingOptions {
  /** Rules switched off (all run by default). */
  readonly disabled?: readonly ReportingRuleId[];
  /** The people, when the caller has found them already. */
  readonly people?: PeopleResult;
}

/** Runs every enabled rule over an analysed document. Findings are sorted by start. Never throws on odd text. */
export function findReportingRisks(input: ReportingInput, options: ReportingOptions = {}): ReportingFinding[] {
  const people = options.people ?? findPeople(input);
  const ctx = ruleContext(input.text, input.sentences, input.annotations, people);
  const disabled = new Set(options.disabled ?? []);
  const out: ReportingFinding[] = [];
  for (const id of REPORTING_RULE_IDS) if (!disabled.has(id)) out.push(...RULE_FUNCTIONS[id](ctx));
  return out.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
}
