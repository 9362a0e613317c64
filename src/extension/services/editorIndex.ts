/**
 * The core corpus index as the features see it: `vscode.Uri`s instead of strings, ranges instead of
 * offsets, VS Code events. Holds no state of its own beyond those conversions; every decision about
 * what is indexed and when is the core index's (src/core/corpus).
 */
import * as vscode from 'vscode';
import { CorpusIndex, type AnalysisEngine, type IndexedDocument as CoreDocument, type WorkspacePort } from '../../core/corpus';
import type { ChunkView } from '../../core/incremental';
import { Disposable } from '../util/dispose';
import { isAnnotatedLanguage } from '../util/documents';
import { mapperOf, spanToRange } from '../util/ranges';
import type { DocumentEvent } from '../../core/record';
import type {
  ArithmeticCheck,
  ConfigurationService,
  CrossSourceRecord,
  DocumentProblems,
  EntityMention,
  IndexedDocument,
  SkippedDocument,
  WorkspaceIndex,
} from './types';
import { parseUri } from './vscodeWorkspace';

export class EditorIndex extends Disposable implements WorkspaceIndex {
  readonly core: CorpusIndex;
  private readonly views = new WeakMap<CoreDocument, IndexedDocument>();
  private readonly uris = new Map<string, vscode.Uri>();
  private readonly _onDidChange = this._register(new vscode.EventEmitter<{ readonly uris: readonly vscode.Uri[] }>());
  readonly onDidChange = this._onDidChange.event;
  private readonly _onDidAnalyse = this._register(new vscode.EventEmitter<IndexedDocument>());
  /** Fires as soon as a document's analysis changed, before the record catches up (for decorations). */
  readonly onDidAnalyse = this._onDidAnalyse.event;
  private readonly _onDidChangeScanning = this._register(new vscode.EventEmitter<boolean>());
  readonly onDidChangeScanning = this._onDidChangeScanning.event;

  constructor(
    private readonly port: WorkspacePort,
    private readonly config: ConfigurationService,
    engine: AnalysisEngine | undefined,
  ) {
    super();
    this.core = this._register(new CorpusIndex(port, { engine }));
    this._register(this.core.onDidChange(({ uris }) => this._onDidChange.fire({ uris: uris.map((u) => this.uriOf(u)) })));
    this._register(this.core.onDidAnalyse((doc) => this._onDidAnalyse.fire(this.view(doc))));
    this._register(this.core.onDidChangeScanning((on) => this._onDidChangeScanning.fire(on)));
    this._register(vscode.workspace.onDidCloseTextDocument((doc) => this.documentClosed(doc)));
  }

  get isEmpty(): boolean {
    return this.core.isEmpty;
  }

  /** Set by activation (see activationScope.ts): resolves once it decided whether to scan, and the scan is done. */
  activation: Promise<void> = Promise.resolve();

  get ready(): Promise<void> {
    return this.activation.then(() => this.core.ready);
  }

  get isScanning(): boolean {
    return this.core.isScanning;
  }

  get longestBlockMs(): number {
    return this.core.longestBlockMs;
  }

  /** The longest time, in ms, analysing `uri` held the extension host in one piece (0 if never analysed). */
  longestBlockMsOf(uri: vscode.Uri): number {
    return this.core.longestBlockMsOf(uri.toString());
  }

  get(uri: vscode.Uri): IndexedDocument | undefined {
    const doc = this.core.get(uri.toString());
    return doc && this.view(doc, uri);
  }

  documents(): readonly IndexedDocument[] {
    return this.core.documents().map((d) => this.view(d));
  }

  recordForFigure(uri: vscode.Uri, annotationId: string): CrossSourceRecord | undefined {
    return this.core.recordForFigure(uri.toString(), annotationId);
  }

  eventOf(uri: vscode.Uri): DocumentEvent | undefined {
    return this.core.eventOf(uri.toString());
  }

  records(): readonly CrossSourceRecord[] {
    return this.core.records();
  }

  conflicts(): readonly CrossSourceRecord[] {
    return this.core.conflicts();
  }

  checksFor(uri: vscode.Uri): readonly ArithmeticCheck[] {
    return this.core.checksFor(uri.toString());
  }

  checksInvolving(uri: vscode.Uri, annotationId: string): readonly ArithmeticCheck[] {
    return this.core.checksInvolving(uri.toString(), annotationId);
  }

  problemsOf(uri: vscode.Uri): DocumentProblems | undefined {
    return this.core.problemsOf(uri.toString());
  }

  mentionsOf(entityId: string): readonly EntityMention[] {
    return this.core.mentionsOf(entityId).map((m) => ({ uri: this.uriOf(m.uri), annotation: m.annotation }));
  }

  locate(docId: string, annotationId: string): { readonly uri: vscode.Uri; readonly range: vscode.Range } | undefined {
    const entry = this.core.get(docId);
    const annotation = entry?.analysis.annotations.find((a) => a.id === annotationId);
    if (!entry || !annotation) return undefined;
    const uri = this.uriOf(docId);
    return {
      uri,
      range: spanToRange(
        mapperOf({
          uri,
          version: entry.version,
          get lineIndex() {
            return entry.lineIndex;
          },
        }),
        annotation,
      ),
    };
  }

  skipped(): readonly SkippedDocument[] {
    return this.core.skipped().map((s) => ({ uri: this.uriOf(s.uri), reason: s.reason }));
  }

  chunksFor(uri: vscode.Uri): readonly ChunkView[] | undefined {
    return this.core.get(uri.toString())?.chunkViews();
  }

  /** Whether this document is one the extension annotates (by language and the plain-text setting). */
  isRelevant(doc: vscode.TextDocument): boolean {
    return isAnnotatedLanguage(doc.languageId, this.config.current.decoratePlainTextAndMarkdown);
  }

  async analyzeDocument(doc: vscode.TextDocument): Promise<IndexedDocument | undefined> {
    const open = this.port.openDocument(doc.uri.toString());
    const result = await this.core.analyseOpen(
      open ?? {
        uri: doc.uri.toString(),
        version: doc.version,
        getText: () => doc.getText(),
        isDirty: doc.isDirty,
        isUntitled: doc.isUntitled,
        annotated: true,
      },
    );
    return result && this.view(result, doc.uri);
  }

  documentClosed(doc: vscode.TextDocument): void {
    this.core.documentClosed(doc.uri.toString());
  }

  /** Re-scans every folder; the first call also starts indexing the folders' files (the welcome view's button). */
  reindex(): Promise<void> {
    return this.core.scan();
  }

  uriFor(s: string): vscode.Uri {
    return this.uriOf(s);
  }

  private uriOf(s: string): vscode.Uri {
    let u = this.uris.get(s);
    if (!u) {
      u = parseUri(s);
      this.uris.set(s, u);
    }
    return u;
  }

  private view(doc: CoreDocument, uri?: vscode.Uri): IndexedDocument {
    let v = this.views.get(doc);
    if (!v) {
      const u = uri ?? this.uriOf(doc.uri);
      if (uri) this.uris.set(doc.uri, uri);
      v = {
        uri: u,
        get version() {
          return doc.version;
        },
        text: doc.text,
        get analysis() {
          return doc.analysis;
        },
        get lineIndex() {
          return doc.lineIndex;
        },
      };
      this.views.set(doc, v);
    }
    return v;
  }
}
