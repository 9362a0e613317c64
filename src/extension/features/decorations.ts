import * as vscode from 'vscode';
import type { Span } from '../../core';
import type { ChunkView } from '../../core/incremental';
import type { IndexedDocument, Services } from '../services/types';
import { Disposable } from '../util/dispose';
import { isAnnotatedLanguage } from '../util/documents';
import { spanToRange } from '../util/ranges';
import { ChunkedRanges, decorationKinds, planDecorations, type DecorationKind, type FigureTrouble, type LineRange } from './decorationPlan';

const color = (id: string) => new vscode.ThemeColor(`crimeAnnotator.${id}`);

function decorationStyle(kind: DecorationKind, overviewRuler: boolean): vscode.DecorationRenderOptions {
  const ruler = (id: string, lane: vscode.OverviewRulerLane) => (overviewRuler ? { overviewRulerColor: color(id), overviewRulerLane: lane } : {});
  switch (kind) {
    case 'figure':
      return {
        backgroundColor: color('figureBackground'),
        border: '1px solid',
        borderColor: color('figureBorder'),
        borderRadius: '2px',
        ...ruler('figureOverviewRuler', vscode.OverviewRulerLane.Right),
      };
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

/** What the controller needs beyond the public index: the per-keystroke signal and the analysed paragraphs. */
export interface DecorationSource {
  readonly onDidAnalyse: vscode.Event<IndexedDocument>;
  chunksFor(uri: vscode.Uri): readonly ChunkView[] | undefined;
}

const troubleKinds: readonly DecorationKind[] = ['conflict', 'checkFailed'];

/**
 * A document at least this long is highlighted around what the editor shows, not whole: every
 * redraw of a 5 MB release sent some 100,000 ranges through the extension host and the renderer
 * (the host held for about 2 s a keystroke, keystrokes took 180-290 ms to appear against 25-30 ms
 * without the extension). Below it, every highlight is drawn, the overview ruler included.
 */
export const WINDOWED_DOCUMENT_CHARS = 1_000_000;
/** Lines drawn above and below the visible ones, so scrolling a little needs no redraw. */
export const WINDOW_MARGIN_LINES = 400;

/**
 * Characters drawn at most in a windowed document: where the lines in view hold more (a release of one
 * 2 MB line), the highlights around the cursor. Every redraw of such a line sent all its highlights,
 * some 50,000 ranges, and typing in it took 400 ms a keystroke to appear against 60 ms without the extension.
 */
export const WINDOW_MAX_CHARS = 100_000;

/** The lines drawn in a windowed document (inclusive). */
interface LineWindow {
  readonly first: number;
  readonly last: number;
}

/** What a windowed document's highlights cover: its lines, and the offsets [from, to) within them. */
interface DrawnWindow extends LineWindow {
  readonly from: number;
  readonly to: number;
  /** Whether the lines held more than WINDOW_MAX_CHARS, so the offsets are the cursor's neighbourhood. */
  readonly clipped: boolean;
  /** The length of the text drawn. */
  readonly textLength: number;
}
const baseKinds = ['figure', 'organisation', 'legalTerm'] as const;

/**
 * Draws the highlights in every visible editor whose document the index has analysed at the
 * editor's current version (a stale analysis keeps the previous highlights, which VS Code moves
 * with the text, until the new one lands). Figures, organisations and legal terms are redrawn on
 * every analysis, paragraph by paragraph from a cache; the conflict and failed-check marks when the
 * record has caught up (onDidChange).
 */
export class DecorationsController extends Disposable {
  private types = new Map<DecorationKind, vscode.TextEditorDecorationType>();
  private readonly applied = new Map<string, Record<DecorationKind, vscode.Range[]>>();
  private readonly chunked = new ChunkedRanges();
  /** Per windowed document drawn, what its highlights cover. */
  private readonly windows = new Map<string, DrawnWindow>();
  private scrollTimer: ReturnType<typeof setTimeout> | undefined;
  private sessionEnabled: boolean | undefined;

  constructor(
    private readonly services: Services,
    private readonly source: DecorationSource,
  ) {
    super();
    this.createTypes();
    const { config, index } = services;
    this._register(source.onDidAnalyse((entry) => this.refreshUri(entry.uri, false)));
    this._register(index.onDidChange(() => this.refreshAll()));
    if (services.review) this._register(services.review.onDidChange(() => this.refreshAll()));
    this._register(vscode.window.onDidChangeVisibleTextEditors(() => this.refreshAll()));
    this._register(vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.scrolled(e.textEditor)));
    this._register(vscode.window.onDidChangeTextEditorSelection((e) => this.moved(e.textEditor)));
    this._register({ dispose: () => clearTimeout(this.scrollTimer) });
    this._register(
      config.onDidChange((change) => {
        if (change.affects('highlights')) this.createTypes();
        if (change.affects('highlights') || change.affects('decoratePlainTextAndMarkdown')) this.refreshAll();
      }),
    );
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
    for (const editor of vscode.window.visibleTextEditors) this.refresh(editor, true);
  }

  /** A windowed document scrolled near the edge of what was drawn: redraw around the new view, once scrolling settles. */
  private scrolled(editor: vscode.TextEditor): void {
    const drawn = this.windows.get(editor.document.uri.toString());
    if (!drawn) return;
    const visible = visibleLines(editor);
    const guard = WINDOW_MARGIN_LINES / 2;
    const linesDrawn = visible.first - guard >= drawn.first && visible.last + guard <= drawn.last;
    // A clipped window covers part of its lines: the view may have moved past it within them.
    const top = drawn.clipped ? editor.document.offsetAt(new vscode.Position(visible.first, 0)) : drawn.from;
    if (linesDrawn && top >= drawn.from && top < drawn.to) return;
    this.redrawSoon(editor);
  }

  /** In a window clipped to the cursor's neighbourhood, a cursor near its edge moves the window. */
  private moved(editor: vscode.TextEditor): void {
    const drawn = this.windows.get(editor.document.uri.toString());
    if (!drawn?.clipped) return;
    const at = editor.document.offsetAt(editor.selection.active);
    const guard = WINDOW_MAX_CHARS / 4;
    if ((at - guard >= drawn.from || drawn.from === 0) && (at + guard <= drawn.to || drawn.to >= drawn.textLength)) return;
    this.redrawSoon(editor);
  }

  private redrawSoon(editor: vscode.TextEditor): void {
    clearTimeout(this.scrollTimer);
    this.scrollTimer = setTimeout(() => {
      try {
        if (vscode.window.visibleTextEditors.includes(editor)) this.refresh(editor, true);
      } catch (e) {
        this.services.log.error('decorations.scrolled', e);
      }
    }, 50);
  }

  private refreshUri(uri: vscode.Uri, withTrouble: boolean): void {
    const key = uri.toString();
    for (const editor of vscode.window.visibleTextEditors) if (editor.document.uri.toString() === key) this.refresh(editor, withTrouble);
  }

  private refresh(editor: vscode.TextEditor, withTrouble: boolean): void {
    const doc = editor.document;
    const key = doc.uri.toString();
    const entry = this.services.index.get(doc.uri);
    const relevant = this.enabled && isAnnotatedLanguage(doc.languageId, this.services.config.current.decoratePlainTextAndMarkdown);
    if (!relevant || !entry) {
      if (!relevant || this.applied.has(key)) this.clear(editor);
      return;
    }
    if (entry.version !== doc.version) return;
    const ranges = this.applied.get(key) ?? emptyRanges();
    const h = this.services.config.current.highlights;
    const window = entry.text.length >= WINDOWED_DOCUMENT_CHARS ? drawnWindow(editor, entry.text.length) : undefined;
    if (window) this.windows.set(key, window);
    else this.windows.delete(key);
    // A highlight marked "not a claim" is not drawn; documents with such marks take the per-annotation path.
    const review = this.services.review;
    const isSuppressed = review?.suppressorFor(doc.uri, entry.text);
    const candidates = window ? startingWithin(entry.analysis.annotations, window) : entry.analysis.annotations;
    const shown = isSuppressed ? candidates.filter((a) => !isSuppressed(a)) : window ? candidates : undefined;
    const chunks = shown ? undefined : this.source.chunksFor(doc.uri);
    if (chunks) {
      const drawn = this.chunked.compute(chunks, h);
      for (const k of baseKinds) ranges[k] = drawn[k].map(toRange);
    } else {
      const plan = planDecorations(shown ?? entry.analysis.annotations, h, () => undefined);
      for (const k of baseKinds) ranges[k] = plan[k].map((s: Span) => spanToRange(doc, s));
    }
    for (const k of baseKinds) editor.setDecorations(this.types.get(k)!, ranges[k]);
    if (withTrouble) {
      const plan = planDecorations(shown ?? entry.analysis.annotations, h, this.troubleOf(entry));
      for (const k of troubleKinds) {
        ranges[k] = plan[k].map((s: Span) => spanToRange(doc, s));
        editor.setDecorations(this.types.get(k)!, ranges[k]);
      }
    }
    this.applied.set(key, ranges);
  }

  private clear(editor: vscode.TextEditor): void {
    for (const t of this.types.values()) editor.setDecorations(t, []);
    this.applied.delete(editor.document.uri.toString());
  }

  /** The same answer the status bar and the Problems panel draw from. */
  private troubleOf(entry: IndexedDocument): (annotationId: string) => FigureTrouble {
    const problems = this.services.index.problemsOf(entry.uri);
    return (id) => problems?.troubleOf(id);
  }
}

/** The lines the editor shows, all its visible ranges together. */
function visibleLines(editor: vscode.TextEditor): LineWindow {
  const ranges = editor.visibleRanges;
  if (ranges.length === 0) return { first: 0, last: 0 };
  return { first: Math.min(...ranges.map((r) => r.start.line)), last: Math.max(...ranges.map((r) => r.end.line)) };
}

/** The annotations that start in [from, to); annotations are in text order. */
function startingWithin<T extends Span>(annotations: readonly T[], window: DrawnWindow): readonly T[] {
  let lo = 0;
  let hi = annotations.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (annotations[mid].start < window.from) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < annotations.length && annotations[end].start < window.to) end++;
  return annotations.slice(lo, end);
}

/**
 * The lines in view with a margin; where they hold more than WINDOW_MAX_CHARS, that many characters
 * around the cursor if it is in view, else around the middle of the view.
 */
function drawnWindow(editor: vscode.TextEditor, textLength: number): DrawnWindow {
  const doc = editor.document;
  const startOf = (line: number) => (line < doc.lineCount ? doc.offsetAt(new vscode.Position(line, 0)) : textLength);
  const visible = visibleLines(editor);
  const lines = widened(visible, doc.lineCount);
  const from = startOf(lines.first);
  const to = startOf(lines.last + 1);
  if (to - from <= WINDOW_MAX_CHARS) return { ...lines, from, to, clipped: false, textLength };
  const inView = { from: startOf(visible.first), to: startOf(visible.last + 1) };
  const cursor = doc.offsetAt(editor.selection.active);
  const centre = cursor >= inView.from && cursor <= inView.to ? cursor : Math.floor((inView.from + inView.to) / 2);
  const start = Math.max(from, Math.min(centre - WINDOW_MAX_CHARS / 2, to - WINDOW_MAX_CHARS));
  return { ...lines, from: start, to: start + WINDOW_MAX_CHARS, clipped: true, textLength };
}

function widened(visible: LineWindow, lineCount: number): LineWindow {
  return { first: Math.max(0, visible.first - WINDOW_MARGIN_LINES), last: Math.min(lineCount - 1, visible.last + WINDOW_MARGIN_LINES) };
}

function toRange(r: LineRange): vscode.Range {
  return new vscode.Range(r.startLine, r.startCharacter, r.endLine, r.endCharacter);
}

function emptyRanges(): Record<DecorationKind, vscode.Range[]> {
  return { figure: [], organisation: [], legalTerm: [], conflict: [], checkFailed: [] };
}

export function registerDecorations(services: Services, source: DecorationSource): DecorationsController {
  return new DecorationsController(services, source);
}
