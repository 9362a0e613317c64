/**
 * Re-analysis after an edit that touches only the paragraphs the edit reaches.
 *
 * The text is tiled into chunks, each a paragraph plus the blank lines after it. Annotations,
 * sentences and words never cross a blank line, so analysing each chunk on its own and shifting its
 * offsets gives what `analyze()` gives for the whole text; the unit tests hold it to that. An edit
 * re-analyses the chunks it touches plus one on each side (an edit can make or remove a blank line,
 * which merges or splits its neighbours); the rest keep their analysis and only move.
 *
 * Falls back to one full `analyze()` when the whole text is not analysed chunk by chunk: when a
 * `maxLength` would truncate it, or when it is empty or looks binary.
 */
import { analyze, type AnalyzeOptions } from './analyze';
import { compileLexicon } from './lexicon';
import type { Annotation, AnalysisNotice, DocumentAnalysis, Span } from './types';

/** Replace `[start, end)` of the current text with `text`. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** How a host lets `createSliced` give its event loop a turn; `now()` in ms. */
export interface SliceScheduler {
  readonly budgetMs: number;
  now(): number;
  yieldNow(): Promise<void>;
}

export type AnalyzeFn = (text: string, options: AnalyzeOptions) => DocumentAnalysis;

export interface IncrementalOptions extends AnalyzeOptions {
  /** The analysis to run on each chunk; `analyze` unless a test substitutes one. */
  readonly analyzeFn?: AnalyzeFn;
}

interface Chunk {
  start: number;
  line: number;
  readonly length: number;
  readonly lineBreaks: number;
  /** Offsets relative to the chunk. */
  readonly local: DocumentAnalysis;
  placed?: { readonly start: number; readonly line: number; readonly annotations: readonly Annotation[]; readonly sentences: readonly Span[] };
}

export class IncrementalAnalysis {
  private _text = '';
  private chunks: Chunk[] = [];
  /** Set when the last analysis was a full one that chunks cannot reproduce (see the file comment). */
  private whole: DocumentAnalysis | undefined;
  private _analysis!: DocumentAnalysis;
  private readonly options: AnalyzeOptions;
  private readonly analyzeFn: AnalyzeFn;

  constructor(text: string, options: IncrementalOptions = {}, analyseNow = true) {
    const { analyzeFn, ...rest } = options;
    this.analyzeFn = analyzeFn ?? analyze;
    // Compile the workspace lexicon once, not once per chunk.
    this.options = rest.lexicon || !rest.lexiconExtension || analyzeFn ? rest : { ...rest, lexicon: compileLexicon(rest.lexiconExtension) };
    if (analyseNow) this.reset(text);
    else this._text = text;
  }

  /** The longest stretch, in ms, that `createSliced` ran without yielding (0 for other builds). */
  longestSliceMs = 0;

  /**
   * Analyses `text` a few paragraphs at a time, yielding through `scheduler` whenever a slice has run
   * for `budgetMs`, so a host's event loop is never held for long by a large document. One
   * paragraph is never split, so a paragraph that alone takes longer shows in `longestSliceMs`.
   */
  static async createSliced(text: string, options: IncrementalOptions, scheduler: SliceScheduler): Promise<IncrementalAnalysis> {
    const inc = new IncrementalAnalysis(text, options, false);
    if (inc.needsWhole(text)) {
      const t0 = scheduler.now();
      inc.reset(text);
      inc.longestSliceMs = scheduler.now() - t0;
      return inc;
    }
    let sliceStart = scheduler.now();
    const starts = chunkStarts(text, 0, text.length);
    const chunks: Chunk[] = [];
    for (let k = 0; k < starts.length; k++) {
      const e = k + 1 < starts.length ? starts[k + 1] : text.length;
      chunks.push(...inc.analyzeRegionExact(text, starts[k], e));
      const now = scheduler.now();
      if (now - sliceStart >= scheduler.budgetMs && k + 1 < starts.length) {
        inc.longestSliceMs = Math.max(inc.longestSliceMs, now - sliceStart);
        await scheduler.yieldNow();
        sliceStart = scheduler.now();
      }
    }
    inc.chunks = chunks;
    inc.whole = undefined;
    inc.lastReanalysed = chunks.length;
    inc.placeFrom(0);
    inc._analysis = inc.assemble();
    inc.longestSliceMs = Math.max(inc.longestSliceMs, scheduler.now() - sliceStart);
    return inc;
  }

  get text(): string {
    return this._text;
  }

  get analysis(): DocumentAnalysis {
    return this._analysis;
  }

  /** How many chunks the last update re-analysed (for benchmarks and tests). */
  lastReanalysed = 0;

  /** Analyses `text` from scratch. */
  reset(text: string): DocumentAnalysis {
    this._text = text;
    if (this.needsWhole(text)) {
      this.chunks = [];
      this.whole = this.analyzeFn(text, this.options);
      this.lastReanalysed = 1;
      return (this._analysis = this.whole);
    }
    this.whole = undefined;
    this.chunks = this.analyzeRegion(text, 0, text.length);
    this.lastReanalysed = this.chunks.length;
    this.placeFrom(0);
    return (this._analysis = this.assemble());
  }

  /** Brings the analysis up to `newText`, finding the changed region by common prefix and suffix. */
  update(newText: string): DocumentAnalysis {
    const old = this._text;
    if (old === newText) return this._analysis;
    const max = Math.min(old.length, newText.length);
    let prefix = 0;
    while (prefix < max && old.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix++;
    let suffix = 0;
    while (suffix < max - prefix && old.charCodeAt(old.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) suffix++;
    return this.applyEdit({ start: prefix, end: old.length - suffix, text: newText.slice(prefix, newText.length - suffix) });
  }

  /** Applies one edit to the current text and re-analyses the chunks it reaches. */
  applyEdit(edit: TextEdit): DocumentAnalysis {
    const old = this._text;
    const start = clamp(edit.start, 0, old.length);
    const end = clamp(edit.end, start, old.length);
    const newText = old.slice(0, start) + edit.text + old.slice(end);
    if (this.whole || this.chunks.length === 0 || this.needsWhole(newText)) return this.reset(newText);

    const first = Math.max(0, this.chunkIndexAt(start - 1) - 1);
    const last = Math.min(this.chunks.length - 1, this.chunkIndexAt(end) + 1);
    const regionStart = this.chunks[first].start;
    const oldRegionEnd = last + 1 < this.chunks.length ? this.chunks[last + 1].start : old.length;
    const delta = edit.text.length - (end - start);

    const replacement = this.analyzeRegion(newText, regionStart, oldRegionEnd + delta);
    this.chunks.splice(first, last - first + 1, ...replacement);
    this._text = newText;
    this.lastReanalysed = replacement.length;
    for (let i = first + replacement.length; i < this.chunks.length; i++) this.chunks[i].start += delta;
    this.placeFrom(first);
    return (this._analysis = this.assemble());
  }

  private needsWhole(text: string): boolean {
    if (this.options.maxLength !== undefined && text.length > this.options.maxLength) return true;
    if (/^\s*$/.test(text)) return true;
    return looksBinaryStart(text);
  }

  /** One chunk whose bounds are already known. */
  private analyzeRegionExact(text: string, from: number, to: number): Chunk[] {
    const slice = text.slice(from, to);
    return [{ start: from, line: 0, length: to - from, lineBreaks: countLineBreaks(slice), local: this.analyzeFn(slice, this.options) }];
  }

  private analyzeRegion(text: string, from: number, to: number): Chunk[] {
    const starts = chunkStarts(text, from, to);
    return starts.map((s, k) => {
      const e = k + 1 < starts.length ? starts[k + 1] : to;
      const slice = text.slice(s, e);
      return { start: s, line: 0, length: e - s, lineBreaks: countLineBreaks(slice), local: this.analyzeFn(slice, this.options) };
    });
  }

  /** Index of the chunk containing `offset` (the first for offsets before 0, the last past the end). */
  private chunkIndexAt(offset: number): number {
    let lo = 0;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.chunks[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private placeFrom(index: number): void {
    let line = index > 0 ? this.chunks[index - 1].line + this.chunks[index - 1].lineBreaks : 0;
    for (let i = index; i < this.chunks.length; i++) {
      this.chunks[i].line = line;
      line += this.chunks[i].lineBreaks;
    }
  }

  /**
   * Only the head of a document states its title, publisher and date, so the meta is read from the
   * text up to the end of the first chunk with words, analysed again only when that head changes.
   */
  private meta(): DocumentAnalysis['meta'] {
    const first = this.chunks.findIndex((c) => c.local.words > 0);
    if (first < 0) return this.chunks[0]?.local.meta ?? {};
    if (first === 0) return this.chunks[0].local.meta;
    const head = this._text.slice(0, this.chunks[first].start + this.chunks[first].length);
    if (this.headMeta?.head !== head) this.headMeta = { head, meta: this.analyzeFn(head, this.options).meta };
    return this.headMeta.meta;
  }

  private headMeta: { readonly head: string; readonly meta: DocumentAnalysis['meta'] } | undefined;

  private assemble(): DocumentAnalysis {
    const annotations: Annotation[] = [];
    const sentences: Span[] = [];
    const notices: AnalysisNotice[] = [];
    const seen = new Set<string>();
    let words = 0;
    for (const chunk of this.chunks) {
      const placed = place(chunk);
      for (const a of placed.annotations) annotations.push(a);
      for (const s of placed.sentences) sentences.push(s);
      words += chunk.local.words;
      for (const n of chunk.local.notices) {
        if (n.code === 'empty' || seen.has(n.message)) continue;
        seen.add(n.message);
        notices.push(n);
      }
    }
    return { words, annotations, sentences, meta: this.meta(), notices };
  }
}

function place(chunk: Chunk): NonNullable<Chunk['placed']> {
  const { start, line } = chunk;
  if (chunk.placed && chunk.placed.start === start && chunk.placed.line === line) return chunk.placed;
  const annotations = chunk.local.annotations.map((a) => shiftAnnotation(a, start, line));
  const sentences = chunk.local.sentences.map((s) => ({ start: s.start + start, end: s.end + start }));
  return (chunk.placed = { start, line, annotations, sentences });
}

/** Moves an annotation found in a chunk to its place in the whole text. */
export function shiftAnnotation<A extends Annotation>(a: A, offset: number, lines: number): A {
  if (offset === 0 && lines === 0) return a;
  const start = a.start + offset;
  const end = a.end + offset;
  const moved = { ...a, start, end, id: `${a.kind}:${start}-${end}`, line: a.line + lines };
  if (a.kind === 'figure') {
    const sentence = (a as Extract<Annotation, { kind: 'figure' }>).sentence;
    (moved as { sentence?: Span }).sentence = { start: sentence.start + offset, end: sentence.end + offset };
  }
  return moved;
}

/**
 * Where chunks start in `text[from, to)`: at `from`, and at every non-blank line that follows a
 * blank one (blank = only spaces and tabs). `from` must itself be a line start.
 */
export function chunkStarts(text: string, from: number, to: number): number[] {
  const starts = [from];
  let prevBlank = false;
  let lineStart = from;
  while (lineStart < to) {
    let j = lineStart;
    let blank = true;
    while (j < to) {
      const c = text.charCodeAt(j);
      if (c === 10 || c === 13) break;
      if (c !== 32 && c !== 9) blank = false;
      j++;
    }
    if (!blank && prevBlank && lineStart > from) starts.push(lineStart);
    prevBlank = blank;
    if (j >= to) break;
    j += text.charCodeAt(j) === 13 && text.charCodeAt(j + 1) === 10 ? 2 : 1;
    lineStart = j;
  }
  return starts;
}

function countLineBreaks(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      n++;
    }
  }
  return n;
}

/** Binary input goes to the full analysis, which reports it once instead of per chunk. */
function looksBinaryStart(text: string): boolean {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  return control > sample.length * 0.1;
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}
