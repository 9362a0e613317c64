/**
 * The pre-publication rules as the editor shows them: which are switched on (one setting each under
 * `crimeAnnotator.legalChecks`), and a finding's diagnostic severity.
 */
import * as vscode from 'vscode';
import { REPORTING_RULES, type ReportingFinding, type ReportingRuleData } from '../../../core';
import type { ExtensionConfig } from '../../services/configuration';

const byId = new Map(REPORTING_RULES.map((r) => [r.id, r]));

export function ruleOf(id: string): ReportingRuleData | undefined {
  return byId.get(id);
}

export function isRuleEnabled(config: ExtensionConfig, id: string): boolean {
  const rule = byId.get(id);
  if (!config.legalChecks.enabled || !rule) return false;
  return (config.legalChecks as unknown as Record<string, boolean>)[rule.setting] !== false;
}

/** The findings of a document the settings let through. */
export function enabledFindings(config: ExtensionConfig, findings: readonly ReportingFinding[] | undefined): ReportingFinding[] {
  return (findings ?? []).filter((f) => isRuleEnabled(config, f.rule));
}

export function severityOf(f: ReportingFinding): vscode.DiagnosticSeverity {
  return f.severity === 'error'
    ? vscode.DiagnosticSeverity.Error
    : f.severity === 'warning'
      ? vscode.DiagnosticSeverity.Warning
      : vscode.DiagnosticSeverity.Information;
}
