import * as vscode from 'vscode';
import type { Services } from '../services/types';
import { annotatedLanguages } from '../util/documents';
import { spanToRange } from '../util/ranges';
import { checkSpan, diagnosticSource } from './diagnostics';

/** Offers a check's own fix (a mis-rounded percentage replaced by the computed one) on its diagnostic. */
export class CheckFixProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly services: Services) {}

  provideCodeActions(doc: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const entry = this.services.index.get(doc.uri);
    // Fix offsets are into the analysed text; an edited document must be re-analysed first.
    if (!entry || entry.version !== doc.version) return [];
    const ours = context.diagnostics.filter((d) => d.source === diagnosticSource);
    const actions: vscode.CodeAction[] = [];
    for (const check of this.services.index.checksFor(doc.uri)) {
      if (!check.fix || check.status === 'ok') continue;
      const target = spanToRange(doc, checkSpan(check)!);
      if (!target.intersection(range) && !ours.some((d) => d.range.isEqual(target))) continue;
      const action = new vscode.CodeAction(check.fix.title, vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      action.edit.replace(doc.uri, spanToRange(doc, check.fix), check.fix.replacement);
      action.diagnostics = ours.filter((d) => d.range.isEqual(target));
      action.isPreferred = true;
      actions.push(action);
    }
    return actions;
  }
}

export function registerQuickFixes(services: Services): vscode.Disposable {
  const selector = annotatedLanguages.map((language) => ({ language }));
  return vscode.languages.registerCodeActionsProvider(selector, new CheckFixProvider(services), { providedCodeActionKinds: CheckFixProvider.kinds });
}
