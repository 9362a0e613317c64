import * as vscode from 'vscode';
import type { IndexedDocument, Services } from '../../services/types';
import { Disposable } from '../../util/dispose';
import { lineIndexMapper, spanToRange } from '../../util/ranges';
import { diagnosticSource } from '../diagnostics';
import { enabledFindings, ruleOf, severityOf } from './rules';

/**
 * Pre-publication findings in the Problems panel, one diagnostic per finding, coded by rule id with
 * a link to the rules' description. A finding on text marked "not a claim" is not shown.
 */
export class LegalCheckDiagnostics extends Disposable {
  private readonly collection = this._register(vscode.languages.createDiagnosticCollection('crimeAnnotator.legalChecks'));

  constructor(
    private readonly services: Services,
    private readonly docsUri: vscode.Uri,
  ) {
    super();
    this._register(services.index.onDidChange(({ uris }) => uris.forEach((u) => this.update(u))));
    this._register(services.config.onDidChange((change) => change.affects('legalChecks') && this.updateAll()));
    if (services.review) this._register(services.review.onDidChange(() => this.updateAll()));
    this.updateAll();
  }

  updateAll(): void {
    this.collection.clear();
    for (const entry of this.services.index.documents()) this.update(entry.uri);
  }

  private update(uri: vscode.Uri): void {
    const entry = this.services.index.get(uri);
    if (!entry) {
      this.collection.delete(uri);
      return;
    }
    this.collection.set(uri, this.diagnostics(entry));
  }

  private diagnostics(entry: IndexedDocument): vscode.Diagnostic[] {
    const mapper = lineIndexMapper(entry.lineIndex);
    return enabledFindings(this.services.config.current, entry.analysis.findings)
      .filter((f) => !this.services.review?.isSuppressed(entry.uri, f))
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
