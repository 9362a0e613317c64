import * as vscode from 'vscode';
import type { ReportingFinding } from '../../../core';
import type { Services } from '../../services/types';
import { spanToRange } from '../../util/ranges';
import { diagnosticSource } from '../diagnostics';
import { enabledFindings } from './rules';

/**
 * Replaces a name that must not be published with a description built from the text ("a 16-year-old
 * boy from Hull", then "the boy"): the one naming under the cursor, or every naming of that person.
 */
export class LegalCheckFixProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly services: Services) {}

  provideCodeActions(doc: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const entry = this.services.index.get(doc.uri);
    // Fix offsets are into the analysed text; an edited document must be re-analysed first.
    if (!entry || entry.version !== doc.version) return [];
    const findings = enabledFindings(this.services.config.current, entry.analysis.findings);
    const ours = context.diagnostics.filter((d) => d.source === diagnosticSource && typeof d.code === 'object');
    const actions: vscode.CodeAction[] = [];
    for (const f of findings) {
      if (!f.fix) continue;
      const target = spanToRange(doc, f);
      if (!target.intersection(range)) continue;
      const diagnostics = ours.filter((d) => d.range.isEqual(target));
      const one = new vscode.CodeAction(f.fix.title, vscode.CodeActionKind.QuickFix);
      one.edit = new vscode.WorkspaceEdit();
      one.edit.replace(doc.uri, spanToRange(doc, f.fix), f.fix.replacement);
      one.diagnostics = diagnostics;
      one.isPreferred = true;
      actions.push(one);
      const same = samePerson(findings, f);
      if (same.length > 1) {
        const all = new vscode.CodeAction(`Replace all ${same.length} namings with a description`, vscode.CodeActionKind.QuickFix);
        all.edit = new vscode.WorkspaceEdit();
        for (const g of same) all.edit.replace(doc.uri, spanToRange(doc, g.fix!), g.fix!.replacement);
        all.diagnostics = diagnostics;
        actions.push(all);
      }
    }
    return actions;
  }
}

/** The findings of the same rule about the same person that carry a fix, in text order. */
function samePerson(findings: readonly ReportingFinding[], f: ReportingFinding): ReportingFinding[] {
  return f.personId ? findings.filter((g) => g.rule === f.rule && g.personId === f.personId && g.fix) : [f];
}
