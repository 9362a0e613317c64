/**
 * The contract between the composition root and every feature registered from it (decorations,
 * hover, diagnostics, views, commands). Features receive `Services` and nothing else global.
 *
 * Document ids given to the core record are `uri.toString()`; `locate()` turns one back into a place.
 */
import type * as vscode from 'vscode';
import type {
  DocumentEvent,
  ArithmeticCheck,
  CrossSourceRecord,
  DocumentAnalysis,
  LegalTermAnnotation,
  LineIndex,
  Logger,
  OrganisationAnnotation,
} from '../../core';
import type { DocumentProblems } from '../../core/corpus';
import type { ConfigChange, ExtensionConfig } from './configuration';
import type { ReviewService } from '../features/review/types';

export type { ArithmeticCheck, CrossSourceRecord, DocumentProblems, ExtensionConfig, ConfigChange };

export interface ConfigurationService {
  /** The settings now; re-read on every change, so do not cache the object. */
  readonly current: ExtensionConfig;
  /** The settings as they apply to a document or workspace folder (resource-scoped ones may differ per folder). */
  for(resource: vscode.Uri | undefined): ExtensionConfig;
  /** Fires only when a `crimeAnnotator.*` setting changed; ask `change.affects('highlights')`. */
  readonly onDidChange: vscode.Event<ConfigChange>;
}

/** The core `Logger` backed by the extension's LogOutputChannel ("Crime Annotator"). */
export interface ExtensionLogger extends Logger {
  readonly channel: vscode.LogOutputChannel;
  /** Shows a message to the user once per `key` (and logs it every time): for limits and failures. */
  warnOnce(key: string, message: string): void;
}

/** One analysed document as the index holds it. Offsets are into `text` (the version analysed). */
export interface IndexedDocument {
  readonly uri: vscode.Uri;
  /** The TextDocument version analysed, or -1 when read from disk (not open in an editor). */
  readonly version: number;
  readonly text: string;
  /** Built on first read (cheap for a press release, tens of ms for a book-length document). */
  readonly analysis: DocumentAnalysis;
  readonly lineIndex: LineIndex;
}

/** An organisation or legal term found in an indexed document. */
export interface EntityMention {
  readonly uri: vscode.Uri;
  readonly annotation: OrganisationAnnotation | LegalTermAnnotation;
}

/** A document the index did not analyse, and why (maxFiles, maxFileSize, read error, binary...). */
export interface SkippedDocument {
  readonly uri: vscode.Uri;
  readonly reason: string;
}

export interface WorkspaceIndex {
  /**
   * Fires after documents were (re)analysed or removed and the record caught up, with every uri
   * whose analysis or records changed. For a document whose record update is slow (a long one) this
   * waits for a pause in typing; `get()` already has the newer analysis meanwhile.
   */
  readonly onDidChange: vscode.Event<{ readonly uris: readonly vscode.Uri[] }>;
  /** True until at least one document has been analysed. */
  readonly isEmpty: boolean;
  /**
   * Whether the folders' files are indexed. Activation indexes open documents at once and scans the
   * folders only when they hold crime reports or `.crime-annotator/`, or when the user asks.
   */
  readonly isScanning: boolean;
  readonly onDidChangeScanning: vscode.Event<boolean>;
  /** Resolves when the initial workspace scan is done (or immediately when there is no folder). */
  readonly ready: Promise<void>;

  get(uri: vscode.Uri): IndexedDocument | undefined;
  documents(): readonly IndexedDocument[];

  /** The cross-source record the figure `annotationId` in `uri` belongs to. */
  recordForFigure(uri: vscode.Uri, annotationId: string): CrossSourceRecord | undefined;
  /** The event the document reports (its documents and the evidence that joined them), once it is indexed. */
  eventOf(uri: vscode.Uri): DocumentEvent | undefined;
  records(): readonly CrossSourceRecord[];
  /** Records whose sources disagree. */
  conflicts(): readonly CrossSourceRecord[];
  /** Arithmetic checks over figures of `uri`. */
  checksFor(uri: vscode.Uri): readonly ArithmeticCheck[];
  /** The document's conflicts, failed checks and suppressed marks: what the status bar, decorations and Problems panel show. */
  problemsOf(uri: vscode.Uri): DocumentProblems | undefined;
  /** Arithmetic checks that the figure `annotationId` in `uri` takes part in. */
  checksInvolving(uri: vscode.Uri, annotationId: string): readonly ArithmeticCheck[];
  /** Every mention of an organisation or legal term (by `entityId` / `termId`) across the index. */
  mentionsOf(entityId: string): readonly EntityMention[];
  /** Where a record's claim lives: the core's docId + annotation id turned into a uri and range. */
  locate(docId: string, annotationId: string): { readonly uri: vscode.Uri; readonly range: vscode.Range } | undefined;

  /** Scans every folder again (progress in the window's status area); the first call starts indexing the folders. */
  reindex(): Promise<void>;
  /** Analyses an open document now, whatever `analysis.trigger` says. */
  analyzeDocument(document: vscode.TextDocument): Promise<IndexedDocument | undefined>;
  /** Documents skipped by a limit or an error, with the reason (the user was told once). */
  skipped(): readonly SkippedDocument[];
}

/**
 * The argument hover cards pass (as JSON in a `command:` link) to `crimeAnnotator.openClaim` and
 * `crimeAnnotator.revealOccurrence`: open `uri` and select `[start, end)` (offsets), or `line` when
 * the offsets no longer fit the document.
 */
export interface OpenLocationArgs {
  readonly uri: string;
  readonly line: number;
  readonly start?: number;
  readonly end?: number;
}

/** What the decorations controller lets commands do (the toggle command; tests read ranges). */
export interface DecorationsService {
  /** Turns all highlights on or off for this session, over `highlights.enabled`. */
  toggle(): boolean;
  readonly enabled: boolean;
}

export interface Services {
  readonly config: ConfigurationService;
  readonly log: ExtensionLogger;
  readonly index: WorkspaceIndex;
  readonly decorations?: DecorationsService;
  /** Review marks; `isSuppressed` says a highlight was marked "not a claim" (skip it). */
  readonly review?: ReviewService;
}
