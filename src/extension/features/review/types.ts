/** What the review feature offers the rest of the extension (on `Services.review`) and tests (on the api). */
import type * as vscode from 'vscode';
import type { AnnotationKind, Span } from '../../../core';
import type { Placement, ReviewMark, ReviewProgress, ReviewState } from '../../../core/review';

/** A figure in the Review view: one the engine found (`annotationId`) or one added by hand (`markId`). */
export interface ReviewFigure extends Span {
  readonly text: string;
  readonly annotationId?: string;
  readonly markId?: string;
}

/** Why the annotations file cannot be used (review is read-only until it is fixed): where, and what. */
export interface StoreProblem {
  readonly uri: vscode.Uri;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  /** Set when the file is refused as a whole (its place), rather than broken at a line. */
  readonly refused?: true;
}

export interface ReviewService {
  /** Fires when marks changed or were placed again after an edit. */
  readonly onDidChange: vscode.Event<void>;
  /** The documents that have review marks: only there can a mark hide a highlight. */
  markedDocuments(): readonly vscode.Uri[];
  /**
   * True when an editor marked this highlight "not a claim" here: decorations and diagnostics skip it.
   * `text` is the text the annotation's offsets are in, by default the document's current text: pass the
   * index's `IndexedDocument.text` for an annotation of its analysis, which lags the editor while the
   * next analysis waits (typing, or `analysis.trigger` onSave), so the mark is placed where the
   * annotation is and not where the edits since then have moved it.
   */
  isSuppressed(uri: vscode.Uri, annotation: Span & { readonly kind?: AnnotationKind }, text?: string): boolean;
  /** The same question for every highlight of one document: undefined when it has no "not a claim" mark. */
  suppressorFor(uri: vscode.Uri, text?: string): ((annotation: Span & { readonly kind?: AnnotationKind }) => boolean) | undefined;
  /**
   * Every mark of the document and where it sits (undefined span: orphaned) in `text`, by default
   * the document's current text; pass the index's `IndexedDocument.text` to get offsets that agree
   * with its analysis (exports, decorations drawn from the analysis).
   */
  placementsFor(uri: vscode.Uri, text?: string): readonly Placement[];
  /** Figures reviewed and waiting in the document, for the view, the status and exports. */
  progressFor(uri: vscode.Uri): ReviewProgress<ReviewFigure> | undefined;
  /** Set while the annotations file cannot be read (review is read-only). */
  readonly problem: StoreProblem | undefined;
}

/** What tests read back: decorations cannot be read from VS Code, nor tree items from a view. */
export interface ReviewTestApi extends ReviewService {
  /** The first workspace folder's annotations file. */
  readonly fileUri: vscode.Uri | undefined;
  /** The annotations file of the workspace folder that holds `uri` (each folder has its own). */
  fileUriFor(uri: vscode.Uri): vscode.Uri | undefined;
  marks(): readonly ReviewMark[];
  decorationsFor(uri: vscode.Uri): Readonly<Record<ReviewState, readonly vscode.Range[]>> | undefined;
  /** The Review view's description, message and top-level labels with their children's labels. */
  viewSnapshot(): Promise<ReviewViewSnapshot>;
  /** Reads the annotations file again, as on activation (the undo history is cleared). */
  reload(): Promise<void>;
  /** Resolves when pending writes and re-reads of the annotations file are done. */
  settled(): Promise<void>;
}

export interface ReviewViewSnapshot {
  readonly description: string | undefined;
  readonly message: string | undefined;
  readonly items: readonly {
    readonly label: string;
    readonly description?: string;
    readonly children: readonly { readonly label: string; readonly description?: string; readonly contextValue?: string }[];
  }[];
}
