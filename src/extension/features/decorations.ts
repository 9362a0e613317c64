import * as vscode from 'vscode';
import type { Span } from '../../core';
import type { IndexedDocument, Services } from '../services/types';
import { Disposable } from '../util/dispose';
import { isAnnotatedLanguage } from '../util/documents';
import { spanToRange } from '../util/ranges';
import { decorationKinds, planDecorations, type DecorationKind, type FigureTrouble } from './decorationPlan';

const color = (id: string) => new vscode.ThemeColor(`crimeAnnotator.${id}`);

function decorationStyle(kind: DecorationKind, overviewRuler: boolean): vscode.DecorationRenderOptions {
  const ruler = (id: string, lane: vscode.OverviewRulerLane) => (overviewRuler ? { overviewRulerColor: color(id), overviewRulerLane: lane } : {});
  switch (kind) {
    case 'figure':
      return { backgroundColor: color('figureBackground'), border: '1px solid', borderColor: color('figureBorder'), borderRadius: '2px', ...ruler('figureOverviewRuler', vscode.OverviewRulerLane.Right) };
    case 'organisation':
      return { color: color('organisationForeground'), fontWeight: '600' };
    case 'legalTerm':
      return { color: color('legalTermForeground'), textDecoration: 'underline dotted' };
    case 'conflict':
      return { border: '2px solid', borderColor: color('conflictBorder'), ...ruler('conflictOverviewRuler', vscode.OverviewRulerLane.Full) };
    case 'checkFailed':
      return { border: '2px dashed', borderColor: color('warningBorder'), ...ruler('conflictOverviewRuler', vscode.OverviewRulerLane.Center) };
  }
}

/**
 * Draws the highlights in every visible editor whose document the index has analysed at the
 * editor's current version (a stale analysis keeps the previous highlights, which VS Code moves
 * with the text, until the new one lands).
 */
export class DecorationsController extends Disposable {
  private types = new Map<DecorationKind, vscode.TextEditorDecorationType>();
  private readonly applied = new Map<string, Record<DecorationKind, vscode.Range[]>>();
  private sessionEnabled: boolean | undefined;

  constructor(private readonly services: Services) {
    super();
    this.createTypes();
    const { config, index } = services;
    this._register(index.onDidChange(() => this.refreshAll()));
    this._register(vscode.window.onDidChangeVisibleTextEditors(() => this.refreshAll()));
    this._register(config.onDidChange((change) => {
      if (change.affects('highlights')) this.createTypes();
      if (change.affects('highlights') || change.affects('decoratePlainTextAndMarkdown')) this.refreshAll();
    }));
    this._register({ dispose: () => this.types.forEach((t) => t.dispose()) });
    this.refreshAll();
  }

  get enabled(): boolean {
    return this.sessionEnabled ?? this.services.config.current.highlights.enabled;
  }

  /** Flips the highlights for this session (the setting stays as it is). */
  toggle(): boolean {
    this.sessionEnabled = !this.enabled;
    this.refreshAll();
    return this.enabled;
  }

  /** For tests: the ranges last drawn for `uri`, by kind. */
  decorationsFor(uri: vscode.Uri): Record<DecorationKind, vscode.Range[]> | undefined {
    return this.applied.get(uri.toString());
  }

  private createTypes(): void {
    this.types.forEach((t) => t.dispose());
    const ruler = this.services.config.current.highlights.overviewRuler;
    this.types = new Map(decorationKinds.map((k) => [k, vscode.window.createTextEditorDecorationType(decorationStyle(k, ruler))]));
    this.applied.clear();
  }

  refreshAll(): void {
    for (const editor of vscode.window.visibleTextEditors) this.refresh(editor);
  }

  private refresh(editor: vscode.TextEditor): void {
    const doc = editor.document;
    const key = doc.uri.toString();
    const entry = this.services.index.get(doc.uri);
    const relevant = this.enabled && isAnnotatedLanguage(doc.languageId, this.services.config.current.decoratePlainTextAndMarkdown);
    if (!relevant || !entry) {
      if (!relevant || this.applied.has(key)) this.draw(editor, undefined);
      return;
    }
    if (entry.version !== doc.version) return;
    this.draw(editor, entry);
  }

  private draw(editor: vscode.TextEditor, entry: IndexedDocument | undefined): void {
    const key = editor.document.uri.toString();
    if (!entry) {
      for (const t of this.types.values()) editor.setDecorations(t, []);
      this.applied.delete(key);
      return;
    }
    const h = this.services.config.current.highlights;
    const trouble = this.troubleOf(entry);
    const plan = planDecorations(entry.analysis.annotations, h, trouble);
    const ranges = {} as Record<DecorationKind, vscode.Range[]>;
    for (const kind of decorationKinds) {
      ranges[kind] = plan[kind].map((s: Span) => spanToRange(editor.document, s));
      editor.setDecorations(this.types.get(kind)!, ranges[kind]);
    }
    this.applied.set(key, ranges);
  }

  private troubleOf(entry: IndexedDocument): (annotationId: string) => FigureTrouble {
    const { index } = this.services;
    const failed = new Set<string>();
    for (const check of index.checksFor(entry.uri)) {
      if (check.status === 'ok') continue;
      for (const o of check.operands) failed.add(o.annotationId);
    }
    return (id) => {
      if (index.recordForFigure(entry.uri, id)?.status === 'conflict') return 'conflict';
      return failed.has(id) ? 'checkFailed' : undefined;
    };
  }
}

export function registerDecorations(services: Services): DecorationsController {
  return new DecorationsController(services);
}
