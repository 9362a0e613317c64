import * as vscode from 'vscode';
import type { IndexedDocument, Services } from '../../services/types';
import { mapperOf, spanToRange } from '../../util/ranges';
import { diagnosticSource } from '../diagnostics';
import { IndexDiagnosticCollection } from '../indexDiagnostics';
import { enabledFindings, ruleOf, severityOf } from './rules';

/**
 * Pre-publication findings in the Problems panel, one diagnostic per finding, coded by rule id with
 * a link to the rules' description. A finding on text marked "not a claim" is not shown.
 */
export class LegalCheckDiagnostics extends IndexDiagnosticCollection {
  constructor(
    services: Services,
    private readonly docsUri: vscode.Uri,
  ) {
    super(services, 'crimeAnnotator.legalChecks', 'legalChecks');
    this.updateAll();
  }

  protected diagnosticsFor(entry: IndexedDocument): vscode.Diagnostic[] {
    const mapper = mapperOf(entry);
    return enabledFindings(this.services.config.current, entry.analysis.findings)
      .filter((f) => !this.services.review?.isSuppressed(entry.uri, f, entry.text))
      .map((f) => {
        const d = new vscode.Diagnostic(spanToRange(mapper, f), f.message, severityOf(f));
        d.source = diagnosticSource;
        d.code = { value: f.rule, target: this.docsUri.with({ fragment: f.rule }) };
        const rule = ruleOf(f.rule);
        if (rule) d.message = `${f.message} (${rule.title}; a prompt to check, not legal advice.)`;
        return d;
      });
  }
}
