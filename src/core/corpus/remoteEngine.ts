/**
 * The analysis engine split across two threads: `serveEngine` runs the analysis where it may take
 * its time (a worker), `createRemoteEngine` is what the index holds on the thread it must not block.
 * Platform-neutral: each side is given a `MessageChannelLike` (a Node worker thread's port, a web
 * worker's `self`), so the extension's desktop and web builds and the tests share this code.
 *
 * What crosses is kept small so that receiving it never holds the index's thread for long: a short
 * document's analysis whole; a long one's paragraphs, sent again only when they were re-analysed
 * (the rest are named by their place in the previous answer) and split into messages of bounded
 * size. The host keeps the text; it is never sent back.
 */
import { analyze } from '../analyze';
import { prepareSource, type PreparedSource } from '../record';
import { IncrementalAnalysis, shiftAnnotation, type ChunkView } from '../incremental';
import type { Annotation, AnalysisNotice, DocumentAnalysis, DocumentMeta, Span } from '../types';
import { LexiconCache, wholeAnalysisMaxChars, type AnalysedText, type AnalysisEngine, type AnalysisRequest, type LexiconRef } from './engine';

export interface MessageChannelLike {
  postMessage(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
}

/** One paragraph in an answer: re-used from the previous answer (`r`), or new with its analysis (`a`). */
interface WireChunk {
  readonly s: number;
  readonly l: number;
  readonly n: number;
  readonly r?: number;
  readonly a?: DocumentAnalysis;
}

type Request =
  | { readonly type: 'analyse'; readonly id: number; readonly uri: string; readonly text: string; readonly lexicon: LexiconRef; readonly prepare?: boolean }
  | { readonly type: 'forget'; readonly uri: string };

type Reply =
  | { readonly type: 'whole'; readonly id: number; readonly analysis: DocumentAnalysis; readonly prepared?: PreparedSource; readonly ms: number }
  | { readonly type: 'chunks'; readonly id: number; readonly chunks: readonly WireChunk[] }
  | {
      readonly type: 'done';
      readonly id: number;
      readonly meta: DocumentMeta;
      readonly notices: readonly AnalysisNotice[];
      readonly findings?: DocumentAnalysis['findings'];
      readonly words: number;
      readonly ms: number;
    }
  | { readonly type: 'error'; readonly id: number; readonly message: string };

/** New annotations per message: receiving one such message costs the host a few ms. */
const annotationsPerMessage = 4_000;

/** The worker side: analyses what it is sent, keeping each long document's incremental analysis. */
export function serveEngine(channel: MessageChannelLike): void {
  const lexicons = new LexiconCache();
  const kept = new Map<string, { lexiconKey: string; incremental: IncrementalAnalysis; sent: Map<object, number> }>();
  channel.onMessage((raw) => {
    const request = raw as Request;
    if (request.type === 'forget') {
      kept.delete(request.uri);
      return;
    }
    const { id, uri, text, lexicon } = request;
    const post = (reply: Reply) => channel.postMessage(reply);
    try {
      const compiled = lexicons.get(lexicon);
      const t0 = Date.now();
      if (text.length <= wholeAnalysisMaxChars) {
        kept.delete(uri);
        const analysis = analyze(text, { lexicon: compiled });
        // As the CLI's workers do; the host would otherwise prepare it, in one piece, on its own thread.
        const prepared = request.prepare ? prepareSource({ id: uri, analysis, text, meta: analysis.meta }) : undefined;
        post({ type: 'whole', id, analysis, ...(prepared ? { prepared } : {}), ms: Date.now() - t0 });
        return;
      }
      let state = kept.get(uri);
      if (state && state.lexiconKey === lexicon.key) state.incremental.update(text);
      else kept.set(uri, (state = { lexiconKey: lexicon.key, incremental: new IncrementalAnalysis(text, { lexicon: compiled }), sent: new Map() }));
      const chunks = state.incremental.chunkViews();
      const analysis = state.incremental.analysis;
      if (!chunks) {
        kept.delete(uri);
        post({ type: 'whole', id, analysis, ms: Date.now() - t0 });
        return;
      }
      const sent = new Map<object, number>();
      let batch: WireChunk[] = [];
      let weight = 0;
      chunks.forEach((c, i) => {
        const previous = state.sent.get(c.local);
        sent.set(c.local, i);
        if (previous !== undefined) batch.push({ s: c.start, l: c.line, n: c.text.length, r: previous });
        else {
          batch.push({ s: c.start, l: c.line, n: c.text.length, a: c.local });
          weight += c.local.annotations.length + c.local.sentences.length;
        }
        if (weight >= annotationsPerMessage || batch.length >= 20_000) {
          post({ type: 'chunks', id, chunks: batch });
          batch = [];
          weight = 0;
        }
      });
      if (batch.length > 0) post({ type: 'chunks', id, chunks: batch });
      state.sent = sent;
      post({
        type: 'done',
        id,
        meta: analysis.meta,
        notices: analysis.notices,
        ...(analysis.findings ? { findings: analysis.findings } : {}),
        words: analysis.words,
        ms: Date.now() - t0,
      });
    } catch (e) {
      kept.delete(uri);
      post({ type: 'error', id, message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    }
  });
}

interface HostChunk extends ChunkView {
  placed?: { readonly start: number; readonly line: number; readonly annotations: readonly Annotation[]; readonly sentences: readonly Span[] };
}

/** The host side: an `AnalysisEngine` whose analyses happen on the other end of `channel`. */
export function createRemoteEngine(channel: MessageChannelLike & { terminate?(): void }, where: string): AnalysisEngine & { readonly workerLongestMs: number } {
  let nextId = 0;
  const waiting = new Map<
    number,
    { request: AnalysisRequest; chunks: HostChunk[]; hostMs: number; resolve: (r: AnalysedText) => void; reject: (e: Error) => void }
  >();
  /** The chunks of each long document's last answer, which the next answer refers to by index. */
  const previous = new Map<string, readonly HostChunk[]>();
  let workerLongestMs = 0;

  channel.onMessage((raw) => {
    const reply = raw as Reply;
    const w = waiting.get(reply.id);
    if (!w) return;
    // What analysing this document costs the host's thread: handling its replies, one at a time.
    const t0 = performance.now();
    try {
      handle(reply, w);
    } finally {
      w.hostMs = Math.max(w.hostMs, performance.now() - t0);
    }
  });

  function handle(reply: Reply, w: NonNullable<ReturnType<typeof waiting.get>>): void {
    switch (reply.type) {
      case 'whole':
        waiting.delete(reply.id);
        previous.delete(w.request.uri);
        workerLongestMs = Math.max(workerLongestMs, reply.ms);
        w.resolve({
          text: w.request.text,
          analysis: reply.analysis,
          chunkViews: () => undefined,
          longestBlockMs: w.hostMs,
          ...(reply.prepared ? { prepared: reply.prepared } : {}),
        });
        return;
      case 'chunks': {
        const before = previous.get(w.request.uri) ?? [];
        const text = w.request.text;
        for (const c of reply.chunks) {
          const reused = c.r !== undefined ? before[c.r] : undefined;
          w.chunks.push(hostChunk(text, c.s, c.l, c.n, reused?.local ?? c.a ?? emptyAnalysis, reused?.placed));
        }
        return;
      }
      case 'done': {
        waiting.delete(reply.id);
        workerLongestMs = Math.max(workerLongestMs, reply.ms);
        previous.set(w.request.uri, w.chunks);
        w.resolve(chunkedResult(w.request.text, w.chunks, reply, w.hostMs));
        return;
      }
      case 'error':
        waiting.delete(reply.id);
        previous.delete(w.request.uri);
        w.reject(new Error(`analysis worker: ${reply.message}`));
    }
  }

  return {
    where,
    get workerLongestMs() {
      return workerLongestMs;
    },
    analyse(request) {
      const id = ++nextId;
      return new Promise<AnalysedText>((resolve, reject) => {
        waiting.set(id, { request, chunks: [], hostMs: 0, resolve, reject });
        channel.postMessage({
          type: 'analyse',
          id,
          uri: request.uri,
          text: request.text,
          lexicon: request.lexicon,
          ...(request.prepare ? { prepare: true } : {}),
        } satisfies Request);
      });
    },
    forget(uri) {
      previous.delete(uri);
      channel.postMessage({ type: 'forget', uri } satisfies Request);
    },
    dispose() {
      for (const w of waiting.values()) w.reject(new Error('analysis worker stopped'));
      waiting.clear();
      previous.clear();
      channel.terminate?.();
    },
  };
}

const emptyAnalysis: DocumentAnalysis = Object.freeze({ words: 0, annotations: [], sentences: [], meta: {}, notices: [] });

function hostChunk(text: string, start: number, line: number, length: number, local: DocumentAnalysis, placed: HostChunk['placed']): HostChunk {
  let chunkText: string | undefined;
  return {
    start,
    line,
    local,
    placed,
    get text() {
      return (chunkText ??= text.slice(start, start + length));
    },
  };
}

/** The whole document's analysis from its chunks, assembled on first read; a chunk that did not move keeps its placed annotations. */
function chunkedResult(text: string, chunks: readonly HostChunk[], done: Extract<Reply, { type: 'done' }>, hostMs: number): AnalysedText {
  let analysis: DocumentAnalysis | undefined;
  return {
    text,
    get analysis() {
      if (!analysis) {
        const annotations: Annotation[] = [];
        const sentences: Span[] = [];
        for (const c of chunks) {
          if (!c.placed || c.placed.start !== c.start || c.placed.line !== c.line) {
            c.placed = {
              start: c.start,
              line: c.line,
              annotations: c.local.annotations.map((a) => shiftAnnotation(a, c.start, c.line)),
              sentences: c.local.sentences.map((s) => ({ start: s.start + c.start, end: s.end + c.start })),
            };
          }
          for (const a of c.placed.annotations) annotations.push(a);
          for (const s of c.placed.sentences) sentences.push(s);
        }
        // The pre-publication findings read the whole document: the worker sends them whole.
        analysis = { words: done.words, annotations, sentences, meta: done.meta, notices: done.notices, ...(done.findings ? { findings: done.findings } : {}) };
      }
      return analysis;
    },
    chunkViews: () => chunks,
    longestBlockMs: hostMs,
  };
}
