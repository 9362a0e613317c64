/**
 * The CLI's analysis engine: a pool of worker threads (one per core) that analyse documents and
 * prepare what the record needs of them, with an optional on-disk cache of those results keyed by
 * the text's content hash and the engine's build, as ESLint's and cspell's `--cache` are. The main
 * thread keeps only the record; texts and analyses pass through it once.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { AnalysisEngine, AnalysisRequest, PreparedAnalysis } from '../core/corpus';
import type { PreparedSource } from '../core/record';
import type { AnalysisNotice, DocumentAnalysis } from '../core';
import type { WorkerReply, WorkerRequest } from './workerProtocol';

export interface PoolOptions {
  /** Whether callers read each document's annotations (check, JSON, NDJSON) or only its record source (crosscheck text/CSV). */
  readonly withAnalysis: boolean;
  readonly cacheDir?: string;
  /** Worker threads; one per core by default. */
  readonly threads?: number;
  /** Identifies the analysis code: a cache written by another build is not used. */
  readonly engineId: string;
}

export interface PoolStats {
  analysed: number;
  fromCache: number;
}

/** One document's results as the cache keeps them. */
interface Cached {
  readonly analysis?: DocumentAnalysis;
  readonly prepared: PreparedSource;
  readonly notices: readonly AnalysisNotice[];
  readonly words: number;
  readonly meta: DocumentAnalysis['meta'];
}

interface Slot {
  readonly worker: Worker;
  busy: number;
}

export function createWorkerPool(options: PoolOptions): AnalysisEngine & { readonly stats: PoolStats; flush(): Promise<void> } {
  const threads = Math.max(1, options.threads ?? os.availableParallelism?.() ?? os.cpus().length);
  // The bundle's worker sits beside dist/cli.js; run from sources (the unit tests), the TypeScript one.
  const bundled = path.join(__dirname, 'cli-worker.js');
  const fromSources = !fs.existsSync(bundled);
  const script = fromSources ? path.join(__dirname, 'worker.ts') : bundled;
  const slots: Slot[] = [];
  const waiting = new Map<number, { resolve: (r: PreparedAnalysis) => void; reject: (e: Error) => void; request: AnalysisRequest; key?: string; slot: Slot }>();
  const writes = new Set<Promise<void>>();
  const stats: PoolStats = { analysed: 0, fromCache: 0 };
  const lexiconHashes = new Map<string, string>();
  let nextId = 0;
  const cacheDir = options.cacheDir ? path.join(options.cacheDir, `engine-${options.engineId}`) : undefined;

  for (let i = 0; i < threads; i++) {
    const worker = new Worker(script, fromSources ? { execArgv: ['--require', require.resolve('tsx/cjs')] } : {});
    const slot: Slot = { worker, busy: 0 };
    worker.on('message', (reply: WorkerReply) => {
      const w = waiting.get(reply.id);
      if (!w) return;
      waiting.delete(reply.id);
      slot.busy--;
      if (reply.type === 'error') {
        w.reject(new Error(`analysis worker: ${reply.message}`));
        return;
      }
      stats.analysed++;
      if (cacheDir && w.key) remember(w.key, reply.analysis, reply.prepared, reply.notices, reply.words, reply.meta);
      w.resolve(result(w.request.text, reply.analysis, reply.prepared, reply.notices, reply.words, reply.meta));
    });
    worker.on('error', (e) => {
      for (const [id, w] of waiting) {
        if (w.slot !== slot) continue;
        waiting.delete(id);
        w.reject(e);
      }
    });
    slots.push(slot);
  }

  function lexiconHash(request: AnalysisRequest): string {
    let h = lexiconHashes.get(request.lexicon.key);
    if (!h) lexiconHashes.set(request.lexicon.key, (h = sha1(JSON.stringify(request.lexicon.extension ?? null))));
    return h;
  }

  function fileOf(key: string): string {
    return path.join(cacheDir!, key.slice(0, 2), `${key}.v8`);
  }

  function remember(
    key: string,
    analysis: DocumentAnalysis | undefined,
    prepared: PreparedSource,
    notices: readonly AnalysisNotice[],
    words: number,
    meta: DocumentAnalysis['meta'],
  ): void {
    const file = fileOf(key);
    // V8's serialisation, as a worker's message is cloned: JSON would turn a profile's map of values into
    // {} and an open interval's Infinity into null, and the re-run would link something else.
    const body = v8.serialize({ analysis, prepared, notices, words, meta } satisfies Cached);
    const p = fs.promises
      .mkdir(path.dirname(file), { recursive: true })
      .then(() => fs.promises.writeFile(`${file}.tmp${process.pid}`, body))
      .then(() => fs.promises.rename(`${file}.tmp${process.pid}`, file))
      .catch(() => undefined) // a cache that cannot be written only costs the next run time
      .finally(() => writes.delete(p));
    writes.add(p);
  }

  async function recall(key: string): Promise<Cached | undefined> {
    let raw: Buffer;
    try {
      raw = await fs.promises.readFile(fileOf(key));
    } catch {
      return undefined;
    }
    try {
      const c = v8.deserialize(raw) as Cached;
      if (!isCached(c)) return undefined;
      if (options.withAnalysis && !c.analysis) return undefined;
      return c;
    } catch {
      return undefined; // a torn or foreign file: analyse again
    }
  }

  return {
    where: `in ${threads} worker thread${threads === 1 ? '' : 's'}`,
    stats,
    async analyse(request) {
      const key = cacheDir ? sha1(`${lexiconHash(request)}\u0000${request.text}`) : undefined;
      if (key) {
        const hit = await recall(key);
        if (hit) {
          stats.fromCache++;
          return result(request.text, hit.analysis, hit.prepared, hit.notices, hit.words, hit.meta);
        }
      }
      const slot = slots.reduce((a, b) => (b.busy < a.busy ? b : a));
      const id = ++nextId;
      slot.busy++;
      return new Promise<PreparedAnalysis>((resolve, reject) => {
        waiting.set(id, { resolve, reject, request, key, slot });
        const message: WorkerRequest = { id, text: request.text, docId: request.uri, lexicon: request.lexicon, withAnalysis: options.withAnalysis };
        slot.worker.postMessage(message);
      });
    },
    forget() {},
    flush: async () => {
      await Promise.all([...writes]);
    },
    dispose() {
      for (const s of slots) void s.worker.terminate();
    },
  };
}

/**
 * Strings a message from a worker brings are fresh copies: the same measure, place, organisation, value
 * key or check status would be held once per claim, check or profile value, and a document's sentence
 * once per figure in it. The record keeps every claim, check and profile of the corpus, so they are
 * shared here: labels and keys across the corpus, sentences and messages within their document.
 */
const sharedKeys = new Map<string, string>();
/** A check's or profile's strings this long or shorter are labels and keys (statuses, rules, value keys), shared across the corpus. */
const SHARED_MAX_CHARS = 64;
const claimFields = [
  'hardKey',
  'partitionKey',
  'measure',
  'family',
  'place',
  'subject',
  'organisation',
  'operation',
  'periodFrom',
  'periodTo',
  // What a claim counts over and why, where it stands, the words after it: a few hundred texts a corpus.
  'scope',
  'scopeLabel',
  'scopeWhy',
  'role',
  'phrase',
] as const;
const claimWide = ['unit', 'qualifier', 'bound', 'publisher', 'date', 'claimant', 'scope', 'text', 'docId'] as const;

function share(prepared: PreparedSource): PreparedSource {
  const perDocument = new Map<string, string>();
  const once = (map: Map<string, string>, v: unknown) => {
    if (typeof v !== 'string') return v;
    const known = map.get(v);
    if (known !== undefined) return known;
    if (map.size < 1_000_000) map.set(v, v);
    return v;
  };
  // Checks and the profile are walked whole; claims, by far the most objects, field by field: walking
  // them whole too held more memory (20,000 documents: 664 MB live after a full collection, against 578 MB).
  const visit = (v: unknown): unknown => {
    if (typeof v === 'string') return once(v.length <= SHARED_MAX_CHARS ? sharedKeys : perDocument, v);
    if (typeof v !== 'object' || v === null) return v;
    if (v instanceof Map) {
      const shared = new Map();
      for (const [k, x] of v) shared.set(visit(k), visit(x));
      return shared;
    }
    const o = v as Record<string, unknown>;
    for (const k in o) {
      const x = visit(o[k]);
      if (x !== o[k]) o[k] = x;
    }
    return v;
  };
  visit(prepared.checks);
  if (prepared.profile) visit(prepared.profile);
  for (const c of prepared.claims as unknown as Record<string, unknown>[]) {
    for (const k of claimFields) if (k in c) c[k] = once(sharedKeys, c[k]);
    const claim = c.claim as Record<string, unknown>;
    for (const k of claimWide) if (k in claim) claim[k] = once(sharedKeys, claim[k]);
    claim.sentence = once(perDocument, claim.sentence);
  }
  return prepared;
}

function result(
  text: string,
  analysis: DocumentAnalysis | undefined,
  prepared: PreparedSource,
  notices: readonly AnalysisNotice[],
  words: number,
  meta: DocumentAnalysis['meta'],
): PreparedAnalysis {
  share(prepared);
  return {
    text,
    analysis: analysis ?? { words, annotations: [], sentences: [], meta, notices },
    prepared,
    chunkViews: () => undefined,
    longestBlockMs: 0,
  };
}

/** A cache file's contents have the shape this build writes (a file of another kind is analysed again). */
function isCached(c: unknown): c is Cached {
  if (typeof c !== 'object' || c === null) return false;
  const { prepared, notices } = c as Partial<Cached>;
  return typeof prepared === 'object' && prepared !== null && Array.isArray(prepared.claims) && Array.isArray(prepared.checks) && Array.isArray(notices);
}

function sha1(s: string): string {
  return createHash('sha1').update(s).digest('hex');
}
