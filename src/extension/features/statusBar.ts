import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import type { Services } from '../services/types';
import { Disposable } from '../util/dispose';
import { isAnnotatedLanguage } from '../util/documents';

export interface DocumentCounts {
  readonly figures: number;
  readonly organisations: number;
  readonly legalTerms: number;
  readonly conflicts: number;
  readonly failedChecks: number;
}

export function statusText(c: DocumentCounts): string {
  const trouble = c.conflicts + c.failedChecks;
  return `$(symbol-number) ${c.figures} $(organization) ${c.organisations} $(law) ${c.legalTerms}${trouble > 0 ? ` $(warning) ${trouble}` : ''}`;
}

/** The active document's counts; a click lists the conflicts. */
export class StatusBarController extends Disposable {
  private readonly item = this._register(vscode.window.createStatusBarItem('crimeAnnotator.counts', vscode.StatusBarAlignment.Right, 100));
  counts: DocumentCounts | undefined;

  constructor(private readonly services: Services) {
    super();
    this.item.name = 'Crime Annotator';
    this.item.command = CommandId.listConflicts;
    this._register(vscode.window.onDidChangeActiveTextEditor(() => this.update()));
    this._register(
      services.index.onDidChange(({ uris }) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (uris.some((u) => u.toString() === active)) this.update();
      }),
    );
    this._register(services.config.onDidChange((c) => c.affects('decoratePlainTextAndMarkdown') && this.update()));
    this.update();
  }

  get text(): string | undefined {
    return this.counts && this.item.text;
  }

  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const entry =
      doc && isAnnotatedLanguage(doc.languageId, this.services.config.current.decoratePlainTextAndMarkdown) ? this.services.index.get(doc.uri) : undefined;
    if (!entry) {
      this.counts = undefined;
      this.item.hide();
      return;
    }
    let figures = 0,
      organisations = 0,
      legalTerms = 0;
    for (const a of entry.analysis.annotations) {
      if (a.kind === 'figure') figures++;
      else if (a.kind === 'organisation') organisations++;
      else legalTerms++;
    }
    // The same answer the decorations and the Problems panel draw from.
    const problems = this.services.index.problemsOf(entry.uri);
    const conflicts = problems?.conflicts.length ?? 0;
    const failedChecks = problems?.failedChecks.length ?? 0;
    this.counts = { figures, organisations, legalTerms, conflicts, failedChecks };
    this.item.text = statusText(this.counts);
    this.item.tooltip = `Crime Annotator: ${figures} figures, ${organisations} organisations, ${legalTerms} legal terms; ${conflicts} figures in conflict with other sources, ${failedChecks} failed checks. Click to list conflicts.`;
    this.item.show();
  }
}

export function registerStatusBar(services: Services): StatusBarController {
  return new StatusBarController(services);
}
