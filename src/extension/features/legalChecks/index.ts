/**
 * Pre-publication checks in the editor: findings in the Problems panel, their hover card, a quick fix
 * that replaces a protected name with a description, and a command that explains the rules.
 */
import * as vscode from 'vscode';
import { CommandId } from '../../commandIds';
import type { Services } from '../../services/types';
import { annotatedLanguages } from '../../util/documents';
import { registerSafeCommand } from '../commands/run';
import { LegalCheckDiagnostics } from './diagnostics';
import { LegalCheckHoverProvider } from './hover';
import { LegalCheckFixProvider } from './quickFixes';
import { REPORTING_RULES } from '../../../core';

export function registerLegalChecks(context: vscode.ExtensionContext, services: Services): vscode.Disposable {
  const docsUri = vscode.Uri.joinPath(context.extensionUri, 'docs', 'legal-checks.md');
  const selector = annotatedLanguages.map((language) => ({ language }));
  return vscode.Disposable.from(
    new LegalCheckDiagnostics(services, docsUri),
    vscode.languages.registerHoverProvider(selector, new LegalCheckHoverProvider(services)),
    vscode.languages.registerCodeActionsProvider(selector, new LegalCheckFixProvider(services), { providedCodeActionKinds: LegalCheckFixProvider.kinds }),
    registerSafeCommand(services.log, CommandId.explainLegalCheck, 'explain the pre-publication check', async (args?: { rule?: string }) => {
      let rule = typeof args?.rule === 'string' ? args.rule : undefined;
      if (!rule) {
        const pick = await vscode.window.showQuickPick(
          REPORTING_RULES.map((r) => ({ label: r.title, description: r.id, detail: r.statute, rule: r.id })),
          { title: 'Pre-publication checks', placeHolder: 'Which check?' },
        );
        rule = pick?.rule;
        if (!rule) return;
      }
      await vscode.commands.executeCommand('markdown.showPreview', docsUri.with({ fragment: rule }));
    }),
  );
}
