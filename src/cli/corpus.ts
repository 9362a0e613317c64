/**
 * Runs the corpus index over the files and folders of a command line: the same index, corpus
 * definition and record as the editor's, on Node's file system, with analysis in a pool of worker
 * threads and an optional cache. Each document is handed to `onDocument` once, in the order the
 * corpus lists them, as soon as it and every document before it are analysed, so output streams
 * and memory holds only the record.
 */
import * as fs from 'node:fs';
import { SingleBar } from 'cli-progress';
import { CorpusIndex, type CorpusLogger, type IndexedDocument } from '../core/corpus';
import type { ArithmeticCheck } from '../core/record';
import { LEXICON_LIMITS, limitNote } from '../core/lexicon';
import { InputError } from './files';
import { createNodeWorkspace, describeFsError } from './nodeWorkspace';
import { createWorkerPool, type PoolStats } from './workerPool';
import { guardHeap, heapFullMessage } from './heapGuard';
import { EXIT } from './exitCodes';

export interface CorpusOptions {
  readonly lexicon?: string;
  readonly cache?: string;
  readonly threads?: number;
  readonly maxFileSize?: number;
  /** 'documents' keeps every analysis for a report built at the end (JSON); 'record' streams. */
  readonly retain: 'documents' | 'record';
  /** Whether `onDocument` reads annotations (otherwise workers send back only what the record needs). */
  readonly withAnalysis: boolean;
  readonly onDocument?: (doc: AnalysedDocument) => void;
}

export interface AnalysedDocument {
  readonly id: string;
  /** The path as the user gave it (joined with its folder). */
  readonly path: string;
  readonly text: string;
  readonly document: IndexedDocument;
  readonly checks: readonly ArithmeticCheck[];
}

export interface CorpusResult {
  readonly index: CorpusIndex;
  /** Document ids in corpus order. */
  readonly documents: readonly string[];
  readonly references: readonly string[];
  readonly stats: PoolStats;
  readonly pathOf: (id: string) => string;
  dispose(): void;
}

/** Corpora larger than this get a progress bar (when stderr is a terminal). */
const PROGRESS_THRESHOLD = 200;

export async function runCorpus(inputs: readonly string[], options: CorpusOptions): Promise<CorpusResult> {
  const log = stderrLogger();
  if (options.lexicon) checkLexiconFile(options.lexicon);
  const port = createNodeWorkspace(inputs, { lexiconFile: options.lexicon, maxFileSize: options.maxFileSize, log });
  const pool = createWorkerPool({ withAnalysis: options.withAnalysis, cacheDir: options.cache, threads: options.threads, engineId: ENGINE_ID });
  // No editor to keep responsive: every document, however long, takes part in the record.
  const index = new CorpusIndex(port, { engine: pool, retain: options.retain, recordMaxChars: Infinity });
  index.concurrency = 64;
  const done = new Set<string>();
  const ready = new Map<string, AnalysedDocument>();
  const order: string[] = [];
  let next = 0;
  let progress: SingleBar | undefined;
  const emit = () => {
    const planned = index.scanOrder;
    while (next < planned.length) {
      const id = planned[next];
      const doc = ready.get(id);
      if (doc) {
        ready.delete(id);
        order.push(id);
        options.onDocument?.(doc);
      } else if (!index.skipReason(id)) break;
      next++;
      progress?.increment();
    }
  };
  index.onDidAnalyse((document) => {
    if (done.has(document.uri)) return;
    done.add(document.uri);
    if (!progress && index.scanOrder.length > PROGRESS_THRESHOLD && process.stderr.isTTY) {
      progress = new SingleBar({ format: 'analysing {bar} {value}/{total} documents', stream: process.stderr, hideCursor: true });
      progress.start(index.scanOrder.length, 0);
    }
    // The record's checks of this document are known once it is staged, just after this event.
    queueMicrotask(() => {
      ready.set(document.uri, { id: document.uri, path: port.displayPath(document.uri), text: document.text, document, checks: index.checksFor(document.uri) });
      emit();
    });
  });
  // A corpus whose record outgrows the heap is stopped with a message, not by V8's fatal error.
  const heap = guardHeap((limitMb) => {
    progress?.stop();
    log.error(heapFullMessage(limitMb, done.size, index.scanOrder.length));
    process.exit(EXIT.input);
  });
  try {
    await index.start({ scan: true });
    await new Promise((r) => setImmediate(r));
    emit();
    for (const [id, doc] of [...ready].sort((a, b) => port.order(a[0], b[0]))) {
      ready.delete(id);
      order.push(id);
      options.onDocument?.(doc);
    }
  } finally {
    heap.dispose();
    progress?.stop();
    await pool.flush();
  }
  for (const s of index.skipped()) process.stderr.write(`crime-annotator: ${port.displayPath(s.uri)}: skipped, ${s.reason}\n`);
  return {
    index,
    documents: order,
    references: index.referenceTables(),
    stats: pool.stats,
    pathOf: (id) => port.displayPath(id),
    dispose: () => index.dispose(),
  };
}

/** A lexicon file named on the command line must at least be readable JSON: otherwise stop, naming it. */
function checkLexiconFile(file: string): void {
  let size = 0;
  try {
    size = fs.statSync(file).size;
  } catch {
    /* reading it says what is wrong with the path */
  }
  // Never read past the limit: parsing and compiling such a file is what could exhaust memory.
  if (size > LEXICON_LIMITS.fileBytes)
    throw new InputError(`${file} is ${size.toLocaleString('en-GB')} bytes, too large for a lexicon ${limitNote('fileBytes')}`);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read ${file}: ${describeFsError(e)}`);
  }
  try {
    JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new InputError(`${file} is not valid JSON: ${(e as Error).message}`);
  }
}

/** Notices go to stderr, never lost and never mixed into the report on stdout. */
function stderrLogger(): CorpusLogger {
  const say = (m: string) => process.stderr.write(`crime-annotator: ${m}\n`);
  return {
    debug() {},
    info() {},
    warn: (m) => say(m),
    error: (m, e) => say(e === undefined ? m : `${m}: ${e instanceof Error ? e.message : String(e)}`),
    notifyOnce: (_key, m) => say(m),
  };
}

declare const __ENGINE_ID__: string | undefined;
/** A hash of the core's sources at build time: a cache written by another build is not trusted. */
const ENGINE_ID = typeof __ENGINE_ID__ === 'string' ? __ENGINE_ID__ : 'dev';
