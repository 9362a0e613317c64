/**
 * Review marks in the editor, one style per state over the engine's own highlights: verified and
 * disputed tint the figure and add a tick or a cross, a note is outlined, a span added by hand is
 * dotted, and a highlight marked "not a claim" is struck through and faded.
 */
import * as vscode from 'vscode';
import { reviewStates, type ReviewState } from '../../../core/review';
import type { Services } from '../../services/types';
import { Disposable } from '../../util/dispose';
import { isAnnotatedLanguage } from '../../util/documents';
import { spanToRange } from '../../util/ranges';
import type { ReviewModel } from './reviewModel';

const color = (id: string) => new vscode.ThemeColor(id);

function style(state: ReviewState): vscode.DecorationRenderOptions {
  switch (state) {
    case 'verified':
      return {
        backgroundColor: color('crimeAnnotator.verifiedBackground'),
        after: { contentText: '✓', color: color('testing.iconPassed'), margin: '0 0 0 1px' },
        overviewRulerColor: color('testing.iconPassed'),
        overviewRulerLane: vscode.OverviewRulerLane.Left,
      };
    case 'disputed':
      return {
        backgroundColor: color('crimeAnnotator.disputedBackground'),
        after: { contentText: '✗', color: color('testing.iconFailed'), margin: '0 0 0 1px' },
        overviewRulerColor: color('testing.iconFailed'),
        overviewRulerLane: vscode.OverviewRulerLane.Left,
      };
    case 'note':
      return { border: '1px dashed', borderColor: color('crimeAnnotator.noteBorder'), borderRadius: '2px' };
    case 'added':
      return { border: '1px dotted', borderColor: color('crimeAnnotator.noteBorder') };
    case 'not-a-claim':
      return { textDecoration: 'line-through', opacity: '0.6' };
  }
}

export class ReviewDecorations extends Disposable {
  private readonly types = new Map<ReviewState, vscode.TextEditorDecorationType>();
  private readonly applied = new Map<string, Record<ReviewState, vscode.Range[]>>();

  constructor(
    private readonly model: ReviewModel,
    private readonly services: Pick<Services, 'config'>,
  ) {
    super();
    for (const state of reviewStates) this.types.set(state, this._register(vscode.window.createTextEditorDecorationType(style(state))));
    this._register(model.onDidChange(() => this.refreshAll()));
    this._register(vscode.window.onDidChangeVisibleTextEditors(() => this.refreshAll()));
    this.refreshAll();
  }

  decorationsFor(uri: vscode.Uri): Record<ReviewState, vscode.Range[]> | undefined {
    return this.applied.get(uri.toString());
  }

  private refreshAll(): void {
    for (const editor of vscode.window.visibleTextEditors) this.refresh(editor);
  }

  private refresh(editor: vscode.TextEditor): void {
    const doc = editor.document;
    const ranges = Object.fromEntries(reviewStates.map((s) => [s, [] as vscode.Range[]])) as Record<ReviewState, vscode.Range[]>;
    if (isAnnotatedLanguage(doc.languageId, this.services.config.current.decoratePlainTextAndMarkdown)) {
      // One range per state and span: a figure with a thousand notes is drawn once, not a thousand times.
      const seen = new Set<string>();
      for (const p of this.model.placementsFor(doc.uri, doc.getText())) {
        if (!p.span) continue;
        const key = `${p.mark.state}:${p.span.start}:${p.span.end}`;
        if (seen.has(key)) continue;
        seen.add(key);
        ranges[p.mark.state].push(spanToRange(doc, p.span));
      }
    }
    for (const state of reviewStates) editor.setDecorations(this.types.get(state)!, ranges[state]);
    this.applied.set(doc.uri.toString(), ranges);
  }
}
