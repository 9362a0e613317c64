/**
 * The analysis engine the corpus index hands text to. The choice between whole and incremental
 * analysis lives here: a press-release-sized document is analysed whole on every change (exact
 * whatever context the extractors read across paragraphs, and cheap); a longer one keeps its
 * incremental analysis, so an edit costs a paragraph, and is first analysed in slices.
 *
 * The in-process engine runs on the caller's thread. The extension runs the same engine in a worker
 * (a Node worker thread on the desktop, a web worker in the browser) and the CLI in a pool of worker
 * threads, each behind this interface, so the index never knows where analysis runs.
 */
import type { PreparedSource } from '../record';
import { analyze } from '../analyze';
import { IncrementalAnalysis, type ChunkView } from '../incremental';
import { compileLexicon, type CompiledLexicon, type LexiconExtension } from '../lexicon';
import type { DocumentAnalysis } from '../types';
import type { IDisposable } from './events';
import type { Scheduler } from './port';

/** Which lexicon a document is analysed with: the built-in one, or a folder's extension of it. */
export interface LexiconRef {
  /** Equal keys mean equal lexicons (the folder and the generation of its lexicon file). */
  readonly key: string;
  readonly extension?: LexiconExtension;
}

export const builtInLexicon: LexiconRef = Object.freeze({ key: 'built-in' });

export interface AnalysisRequest {
  readonly uri: string;
  readonly text: string;
  readonly lexicon: LexiconRef;
  /**
   * Also prepare the document's record source where it is analysed (a scan's documents, which the
   * index only stages): preparing costs about as much as analysing, and an engine on another thread
   * takes that off the index's. An engine may ignore it; the index then prepares the document itself.
   */
  readonly prepare?: boolean;
  /**
   * Run the pre-publication checks (the default). A caller that reads only the record (the CLI's
   * crosscheck with text or CSV output) turns them off: they are about a fifth of analysis.
   */
  readonly reportingChecks?: boolean;
}

/** A document's analysis as an engine returns it. */
export interface AnalysedText {
  readonly text: string;
  /** May be assembled on first read (a keystroke whose only reader is the decorations never pays for it). */
  readonly analysis: DocumentAnalysis;
  /** The analysed paragraphs, for drawing decorations chunk by chunk; undefined when analysed whole. */
  chunkViews(): readonly ChunkView[] | undefined;
  /** The longest time, in ms, this analysis held the thread that asked for it without yielding. */
  readonly longestBlockMs: number;
  /** The document's record source, where the engine prepared it (see `AnalysisRequest.prepare`). */
  readonly prepared?: PreparedSource;
}

export interface AnalysisEngine extends IDisposable {
  /** Where analysis runs, for the log ("in process", "worker thread", "web worker"). */
  readonly where: string;
  analyse(request: AnalysisRequest): Promise<AnalysedText>;
  /** The document left the index: drop what is kept to re-analyse it incrementally. */
  forget(uri: string): void;
}

/** Up to this many characters (a long press release is 5,000 to 8,000) a document is analysed whole. */
export const wholeAnalysisMaxChars = 12_000;

/** The engine on the caller's thread: whole analysis for short documents, sliced incremental analysis for long ones. */
export function createInProcessEngine(scheduler: Pick<Scheduler, 'budgetMs' | 'now' | 'yieldNow'>): AnalysisEngine {
  const kept = new Map<string, { readonly lexiconKey: string; readonly reportingChecks: boolean; readonly incremental: IncrementalAnalysis }>();
  const lexicons = new LexiconCache();
  return {
    where: 'in process',
    async analyse({ uri, text, lexicon, reportingChecks = true }) {
      // Compiling a lexicon is once per folder and lexicon change, not per analysis: not counted as the document's.
      const compiled = lexicons.get(lexicon);
      const t0 = scheduler.now();
      if (text.length <= wholeAnalysisMaxChars) {
        kept.delete(uri);
        const analysis = analyze(text, { lexicon: compiled, reportingChecks });
        return wholeResult(text, analysis, scheduler.now() - t0);
      }
      const previous = kept.get(uri);
      if (previous && previous.lexiconKey === lexicon.key && previous.reportingChecks === reportingChecks) {
        previous.incremental.update(text);
        return incrementalResult(previous.incremental, scheduler.now() - t0);
      }
      const incremental = await IncrementalAnalysis.createSliced(text, { lexicon: compiled, reportingChecks }, scheduler);
      kept.set(uri, { lexiconKey: lexicon.key, reportingChecks, incremental });
      return incrementalResult(incremental, incremental.longestSliceMs);
    },
    forget(uri) {
      kept.delete(uri);
    },
    dispose() {
      kept.clear();
    },
  };
}

function wholeResult(text: string, analysis: DocumentAnalysis, ms: number): AnalysedText {
  return { text, analysis, chunkViews: () => undefined, longestBlockMs: ms };
}

/**
 * What an incremental analysis says about `text`. Read after a later update, the analysis is the
 * successor's (analysing again here would hold the thread), which is why readers compare versions
 * before trusting offsets; the chunks are then withheld.
 */
function incrementalResult(incremental: IncrementalAnalysis, ms: number): AnalysedText {
  const text = incremental.text;
  let analysis: DocumentAnalysis | undefined;
  return {
    text,
    get analysis() {
      return (analysis ??= incremental.analysis);
    },
    chunkViews: () => (incremental.text === text ? incremental.chunkViews() : undefined),
    longestBlockMs: ms,
  };
}

/**
 * Lexicons compiled (in slices) when their file was read, by `LexiconRef.key`: an engine on the same
 * thread uses them rather than compiling again in one piece; a worker compiles its own copy, off the
 * reader's thread. The last few are kept.
 */
const compiledWhenRead = new Map<string, CompiledLexicon>();

export function keepCompiledLexicon(key: string, lexicon: CompiledLexicon): void {
  compiledWhenRead.set(key, lexicon);
  if (compiledWhenRead.size > 8) compiledWhenRead.delete(compiledWhenRead.keys().next().value as string);
}

/** Compiles each folder's lexicon once, keyed by `LexiconRef.key`; the last few are kept. */
export class LexiconCache {
  private readonly compiled = new Map<string, CompiledLexicon>();

  get(ref: LexiconRef): CompiledLexicon {
    let c = this.compiled.get(ref.key);
    if (!c) {
      c = compiledWhenRead.get(ref.key) ?? compileLexicon(ref.extension);
      this.compiled.set(ref.key, c);
      if (this.compiled.size > 8) this.compiled.delete(this.compiled.keys().next().value as string);
    }
    return c;
  }
}
