/**
 * The synthetic pre-publication drafts (test/fixtures/reporting) and a scorer over (rule, span)
 * pairs: a finding matches an expected one of the same rule whose span it overlaps, one to one.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, findReportingRisks, type ReportingFinding, type ReportingRuleId } from '../../src/core';

export const draftsDir = path.join(__dirname, '../fixtures/reporting/drafts');
const expectedFile = path.join(__dirname, '../fixtures/reporting/expected.json');

export interface ExpectedFinding {
  readonly rule: ReportingRuleId;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface Draft {
  readonly id: string;
  readonly text: string;
  readonly expected: readonly ExpectedFinding[];
}

export function loadDrafts(dir = draftsDir, expectations = expectedFile): Draft[] {
  const spec = JSON.parse(fs.readFileSync(expectations, 'utf8')) as { drafts: Record<string, { rule: ReportingRuleId; text: string; occurrence: number }[]> };
  return Object.entries(spec.drafts).map(([id, items]) => {
    const text = fs.readFileSync(path.join(dir, `${id}.txt`), 'utf8');
    const expected = items.map((e) => {
      let at = -1;
      for (let k = 0; k < e.occurrence; k++) {
        at = text.indexOf(e.text, at + 1);
        if (at < 0) throw new Error(`${id}: occurrence ${e.occurrence} of “${e.text}” is not in the draft`);
      }
      return { rule: e.rule, start: at, end: at + e.text.length, text: e.text };
    });
    return { id, text, expected };
  });
}

export function findingsOf(text: string): ReportingFinding[] {
  const analysis = analyze(text);
  return findReportingRisks({ text, sentences: analysis.sentences, annotations: analysis.annotations });
}

export interface RuleScore {
  tp: number;
  fp: number;
  fn: number;
}

export interface DraftErrors {
  readonly id: string;
  readonly missed: readonly ExpectedFinding[];
  readonly spurious: readonly ReportingFinding[];
}

export function scoreDrafts(drafts: readonly Draft[]): { perRule: Map<ReportingRuleId, RuleScore>; errors: DraftErrors[] } {
  const perRule = new Map<ReportingRuleId, RuleScore>();
  const score = (rule: ReportingRuleId) => {
    let s = perRule.get(rule);
    if (!s) perRule.set(rule, (s = { tp: 0, fp: 0, fn: 0 }));
    return s;
  };
  const errors: DraftErrors[] = [];
  for (const d of drafts) {
    const found = findingsOf(d.text);
    const used = new Set<ReportingFinding>();
    const missed: ExpectedFinding[] = [];
    for (const e of d.expected) {
      const hit = found.find((f) => !used.has(f) && f.rule === e.rule && f.start < e.end && e.start < f.end);
      if (hit) {
        used.add(hit);
        score(e.rule).tp++;
      } else {
        missed.push(e);
        score(e.rule).fn++;
      }
    }
    const spurious = found.filter((f) => !used.has(f));
    for (const f of spurious) score(f.rule).fp++;
    if (missed.length || spurious.length) errors.push({ id: d.id, missed, spurious });
  }
  return { perRule, errors };
}

export const precision = (s: RuleScore) => (s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp));
export const recall = (s: RuleScore) => (s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn));
