/**
 * Re-analysis after an edit that touches only the paragraphs the edit reaches.
 *
 * The text is tiled into chunks, each a paragraph plus the blank lines after it (a bulleted line
 * never starts one, so a list stays with the line that introduces it). Annotations, sentences and
 * words never cross a blank line, so analysing each chunk on its own and shifting its offsets gives
 * what `analyze()` gives for the whole text; the unit tests hold it to that. What a paragraph's
 * figures take from the rest of the document (the document's publisher and date, and the measure a
 * restated figure was first named with) is passed to each chunk as its `documentContext`, and a
 * chunk is analysed again when that context changes.
 *
 * An edit re-analyses the chunks it touches plus one on each side (an edit can make or remove a
 * blank line, which merges or splits its neighbours); the rest keep their analysis and only move.
 * Falls back to one full `analyze()` when chunks cannot reproduce it: when `maxLength` would
 * truncate the text, when `kinds` filters the output, or when the text is empty or looks binary.
 */
import { analyze, looksBinary, metaErrorNotice, reportingFindings, type AnalyzeOptions } from './analyze';
import { metaParts, readMeta } from './extract/meta';
import { compileLexicon } from './lexicon';
import { stripFormatChars } from './text/formatChars';
import { withPlainSpaces } from './text/spaces';
import { withWrappedLinesJoined } from './text/wrappedLines';
import { LineIndex } from './text/lines';
import type { Annotation, AnalysisNotice, DocumentAnalysis, DocumentMeta, FigureAnnotation, LegalTermAnnotation, OrganisationAnnotation, Span } from './types';

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
export type ReadMetaFn = (text: string, entities: readonly (OrganisationAnnotation | LegalTermAnnotation)[]) => DocumentMeta;

export interface IncrementalOptions extends AnalyzeOptions {
  /** The analysis to run on each chunk; `analyze` unless a test substitutes one. */
  readonly analyzeFn?: AnalyzeFn;
  /** How the whole document's meta is read; the core's `readMeta` unless a test substitutes one. */
  readonly readMetaFn?: ReadMetaFn;
}

interface Chunk {
  start: number;
  line: number;
  readonly length: number;
  readonly lineBreaks: number;
  /** Offsets relative to the chunk; undefined until analysed. */
  local?: DocumentAnalysis;
  /** The context it was analysed with: the meta's key and the earlier named measures of its figures' keys. */
  metaKey?: string;
  seedKey?: string;
  /** `${unit}:${value}` of its figures, and the first measure it names per key (what it adds to later chunks' seed). */
  keys?: readonly string[];
  named?: ReadonlyMap<string, string>;
  placed?: { readonly start: number; readonly line: number; readonly annotations: readonly Annotation[]; readonly sentences: readonly Span[] };
  /** The text it was analysed from. */
  text?: string;
  /** Its organisations with no place, for reading the meta when the chunk is far from the head (see metaEntities). */
  orgsWithoutPlace?: readonly OrganisationAnnotation[];
}

/** One analysed paragraph, for consumers that work chunk by chunk (decorations): offsets in `local` are relative to `start`. */
export interface ChunkView {
  readonly start: number;
  /** 0-based line of `start` in the whole text. */
  readonly line: number;
  readonly text: string;
  readonly local: DocumentAnalysis;
}

// readMeta does not read its line index (building one is a pass over the whole text per keystroke);
// were it to start, the equality tests against analyze() would fail.
const noLines = new LineIndex('');
// analyze() reads the meta from the text without format characters (see text/formatChars.ts), so
// the whole document's meta is read the same way, with the entities' offsets moved to match.
function readMetaStripped(text: string, entities: Parameters<ReadMetaFn>[1], onError: (stage: string, e: unknown) => void): DocumentMeta {
  // Wrapped paragraphs are joined only where readMeta reads: a long document is read after every edit.
  const read = (t: string) => withWrappedLinesJoined(withPlainSpaces(t), metaParts(t.length));
  const map = stripFormatChars(text);
  if (!map) return readMeta(read(text), { entities, lineIndex: noLines, onError });
  const moved = entities.map((e) => (e.start < 0 ? e : { ...e, start: map.toStripped(e.start), end: map.toStripped(e.end) }));
  return readMeta(read(map.text), { entities: moved, lineIndex: noLines, onError });
}

export class IncrementalAnalysis {
  private _text = '';
  private chunks: Chunk[] = [];
  /** Set when the last analysis was a full one that chunks cannot reproduce (see the file comment). */
  private whole: DocumentAnalysis | undefined;
  /** Assembled on first read after an update: a keystroke that only needs decorations never pays for it. */
  private _analysis: DocumentAnalysis | undefined;
  private meta: DocumentMeta = {};
  private metaKey = metaKeyOf({});
  private readonly options: AnalyzeOptions;
  private readonly analyzeFn: AnalyzeFn;
  private readonly readMetaFn: ReadMetaFn;
  /** The pre-publication checks read the real extractors' annotations; a substituted analysis (tests) has none to give them. */
  private readonly reportingChecks: boolean;
  /** An internal error of the last meta read, reported with the analysis as analyze() reports it. */
  private metaNotice: AnalysisNotice | undefined;

  /** How many chunk analyses the last update ran (for benchmarks and tests). */
  lastReanalysed = 0;
  /** The longest stretch, in ms, that `createSliced` ran without yielding (0 for other builds). */
  longestSliceMs = 0;

  constructor(text: string, options: IncrementalOptions = {}, analyseNow = true) {
    const { analyzeFn, readMetaFn, ...rest } = options;
    this.analyzeFn = analyzeFn ?? analyze;
    this.readMetaFn =
      readMetaFn ??
      ((text, entities) => {
        this.metaNotice = undefined;
        return readMetaStripped(text, entities, (_stage, e) => (this.metaNotice = metaErrorNotice(e)));
      });
    this.reportingChecks = !analyzeFn && rest.reportingChecks !== false;
    // Compile the workspace lexicon once, not once per chunk.
    this.options = rest.lexicon || !rest.lexiconExtension || analyzeFn ? rest : { ...rest, lexicon: compileLexicon(rest.lexiconExtension) };
    this._text = text;
    if (analyseNow) this.reset(text);
  }

  /**
   * Analyses `text` a few paragraphs at a time, yielding through `scheduler` whenever a slice has run
   * for `budgetMs`, so a host's event loop is never held for long by a large document. One
   * paragraph is never split, so a paragraph that alone takes longer shows in `longestSliceMs`.
   */
  static async createSliced(text: string, options: IncrementalOptions, scheduler: SliceScheduler): Promise<IncrementalAnalysis> {
    const inc = new IncrementalAnalysis(text, options, false);
    let sliceStart = scheduler.now();
    for (const _ of inc.resetSteps(text)) {
      const now = scheduler.now();
      if (now - sliceStart < scheduler.budgetMs) continue;
      inc.longestSliceMs = Math.max(inc.longestSliceMs, now - sliceStart);
      await scheduler.yieldNow();
      sliceStart = scheduler.now();
    }
    inc.longestSliceMs = Math.max(inc.longestSliceMs, scheduler.now() - sliceStart);
    return inc;
  }

  get text(): string {
    return this._text;
  }

  get analysis(): DocumentAnalysis {
    return (this._analysis ??= this.whole ?? this.assemble());
  }

  /** The chunks in order, or undefined when the text was analysed whole (see the file comment). */
  chunkViews(): readonly ChunkView[] | undefined {
    return this.whole ? undefined : (this.chunks as readonly ChunkView[]);
  }

  /** Analyses `text` from scratch. */
  reset(text: string): void {
    for (const _ of this.resetSteps(text));
  }

  /** Brings the analysis up to `newText`, finding the changed region by common prefix and suffix. */
  update(newText: string): void {
    const old = this._text;
    if (old === newText && (this.whole || this.chunks.length > 0)) return;
    const max = Math.min(old.length, newText.length);
    // Whole chunks compare as strings (native speed); characters only inside the first and last that differ.
    let prefix = 0;
    for (const c of this.chunks) {
      if (c.text === undefined || c.start + c.length > max || newText.slice(c.start, c.start + c.length) !== c.text) break;
      prefix = c.start + c.length;
    }
    while (prefix < max && old.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix++;
    let suffix = 0;
    const delta = newText.length - old.length;
    for (let i = this.chunks.length - 1; i >= 0; i--) {
      const c = this.chunks[i];
      if (c.text === undefined || c.start < prefix || c.start + delta < prefix || newText.slice(c.start + delta, c.start + delta + c.length) !== c.text) break;
      suffix = old.length - c.start;
    }
    while (suffix < max - prefix && old.charCodeAt(old.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) suffix++;
    this.applyEdit({ start: prefix, end: old.length - suffix, text: newText.slice(prefix, newText.length - suffix) });
    // The caller's string is the same text, already flat, and lets callers compare by identity.
    if (!this.whole) this._text = newText;
  }

  /** Applies one edit to the current text and re-analyses the chunks it reaches. */
  applyEdit(edit: TextEdit): void {
    const old = this._text;
    const start = clamp(edit.start, 0, old.length);
    const end = clamp(edit.end, start, old.length);
    const newText = old.slice(0, start) + edit.text + old.slice(end);
    if (this.whole || this.chunks.length === 0 || this.needsWhole(newText, start)) {
      this.reset(newText);
      return;
    }

    const first = Math.max(0, this.chunkIndexAt(start - 1) - 1);
    const last = Math.min(this.chunks.length - 1, this.chunkIndexAt(end) + 1);
    const regionStart = this.chunks[first].start;
    const oldRegionEnd = last + 1 < this.chunks.length ? this.chunks[last + 1].start : old.length;
    const delta = edit.text.length - (end - start);

    const replaced = this.chunks.slice(first, last + 1);
    const replacement = this.split(newText, regionStart, oldRegionEnd + delta);
    // A neighbour the edit did not change keeps its analysis; the sweep still checks its context.
    const unchanged = new Map(replaced.map((c) => [c.text, c]));
    for (const c of replacement) {
      const same = unchanged.get(newText.slice(c.start, c.start + c.length));
      if (!same) continue;
      unchanged.delete(same.text);
      Object.assign(c, {
        local: same.local,
        text: same.text,
        keys: same.keys,
        named: same.named,
        metaKey: same.metaKey,
        seedKey: same.seedKey,
        orgsWithoutPlace: same.orgsWithoutPlace,
      });
    }
    this.chunks.splice(first, last - first + 1, ...replacement);
    this._text = newText;
    for (let i = first + replacement.length; i < this.chunks.length; i++) this.chunks[i].start += delta;
    this.placeFrom(first);
    this.lastReanalysed = 0;
    this.organisationsChanged = false;
    // The region first, with every context checked; then the rest, checked only for the measures
    // whose first naming the region changed (usually none: most keystrokes rename nothing).
    const regionEnd = first + replacement.length;
    for (const _ of this.sweep(first, 'all', regionEnd));
    const before = mergeNamed(replaced);
    const after = mergeNamed(replacement);
    const changedKeys = new Set<string>();
    for (const k of new Set([...before.keys(), ...after.keys()])) if (before.get(k) !== after.get(k)) changedKeys.add(k);
    if (regionEnd < this.chunks.length) for (const _ of this.sweep(regionEnd, changedKeys));
    if (
      replaced.map((c) => organisationSignature(c.local!.annotations)).join('') !== replacement.map((c) => organisationSignature(c.local!.annotations)).join('')
    ) {
      this.organisationsChanged = true;
    }
    // What figures take from the meta (publisher, date) comes from the first and last lines and from
    // which forces the document mentions; an edit elsewhere that changes no organisation leaves it be.
    // The title is read again when the analysis is assembled.
    if (start <= 20_001 || end >= old.length - 10_000 || this.organisationsChanged) this.settleMeta();
    this._analysis = undefined;
  }

  private organisationsChanged = false;

  private *resetSteps(text: string): Generator<void> {
    this._text = text;
    this.lastReanalysed = 0;
    this._analysis = undefined;
    if (this.needsWhole(text)) {
      this.chunks = [];
      this.whole = this.analyzeFn(text, this.options);
      this.lastReanalysed = 1;
      return;
    }
    this.whole = undefined;
    this.chunks = this.split(text, 0, text.length);
    this.placeFrom(0);
    // The meta comes from the head and tail of the document: analyse those first and read it, so
    // most chunks are analysed once, with the right meta.
    const headTail = this.chunks.filter((c) => c.start < 10_000 || c.start + c.length > text.length - 10_000);
    for (const c of headTail) {
      this.analyseChunk(c, new Map());
      yield;
    }
    this.setMeta(
      this.readMetaFn(
        text,
        headTail.flatMap((c) => entitiesOf(place(c).annotations)),
      ),
    );
    yield* this.sweep(0, 'all');
    yield* this.settleMetaSteps();
  }

  /**
   * Walks the chunks in order, keeping the measures named so far, and analyses each chunk that is
   * new or whose context changed: the meta, or an earlier named measure one of its figures could inherit.
   */
  private *sweep(from: number, changedKeys: Set<string> | 'all', to = this.chunks.length): Generator<void> {
    const running = new Map<string, string>();
    for (let i = 0; i < from; i++) addNamed(running, this.chunks[i]);
    for (let i = from; i < to; i++) {
      const c = this.chunks[i];
      const stale =
        !c.local ||
        (c.keys!.length > 0 &&
          (c.metaKey !== this.metaKey || ((changedKeys === 'all' || c.keys!.some((k) => changedKeys.has(k))) && c.seedKey !== seedKeyOf(c.keys!, running))));
      if (stale) {
        const namedBefore = c.named;
        this.analyseChunk(c, running);
        if (changedKeys !== 'all') {
          for (const k of new Set([...(namedBefore?.keys() ?? []), ...c.named!.keys()])) if (namedBefore?.get(k) !== c.named!.get(k)) changedKeys.add(k);
        }
        yield;
      } else if ((i & 255) === 0) yield; // checking contexts alone adds up in a long document
      addNamed(running, c);
    }
  }

  /** Reads the whole document's meta again; if what figures use from it changed, analyses again. */
  private settleMeta(): void {
    for (const _ of this.settleMetaSteps());
  }

  private *settleMetaSteps(): Generator<void> {
    for (let round = 0; round < 2; round++) {
      const before = this.metaKey;
      this.setMeta(this.readMetaFn(this._text, this.metaEntities()));
      if (this.metaKey === before) return;
      yield* this.sweep(0, 'all');
    }
  }

  /**
   * The entities `readMeta` sees. It matches entities to the document's first and last lines by
   * offset, reading at most the first and last 10,000 characters (as one string of about 20,000), and
   * counts organisations anywhere for the most-mentioned force. So chunks that start in the first
   * 20,001 characters give their entities in place; the others give only their organisations, with
   * an offset no line has, which keeps a keystroke from having to place every annotation.
   */
  private metaEntities(): (OrganisationAnnotation | LegalTermAnnotation)[] {
    const out: (OrganisationAnnotation | LegalTermAnnotation)[] = [];
    for (const c of this.chunks) {
      if (c.start <= 20_001) for (const e of entitiesOf(place(c).annotations)) out.push(e);
      else for (const o of (c.orgsWithoutPlace ??= withoutPlace(c.local!.annotations))) out.push(o);
    }
    return out;
  }

  private setMeta(meta: DocumentMeta): void {
    this.meta = meta;
    this.metaKey = metaKeyOf(meta);
  }

  private analyseChunk(c: Chunk, running: ReadonlyMap<string, string>): void {
    const slice = this._text.slice(c.start, c.start + c.length);
    const keysBefore = c.keys;
    const seed = keysBefore ? subset(running, keysBefore) : new Map(running);
    let local = this.analyzeFn(slice, { ...this.options, reportingChecks: false, documentContext: { meta: this.meta, namedMeasures: seed } });
    const keys = figureKeys(local.annotations);
    // The seed was cut to the keys of the previous analysis; if the text now has other keys, cut again.
    if (keysBefore && keys.some((k) => !keysBefore.includes(k) && running.has(k))) {
      local = this.analyzeFn(slice, { ...this.options, reportingChecks: false, documentContext: { meta: this.meta, namedMeasures: subset(running, keys) } });
    }
    const orgsBefore = c.local && organisationSignature(c.local.annotations);
    c.local = local;
    c.text = slice;
    c.orgsWithoutPlace = undefined;
    if (orgsBefore !== undefined && orgsBefore !== organisationSignature(local.annotations)) this.organisationsChanged = true;
    c.keys = figureKeys(local.annotations);
    c.named = namedOf(local.annotations);
    c.metaKey = this.metaKey;
    c.seedKey = seedKeyOf(c.keys, running);
    c.placed = undefined;
    this.lastReanalysed++;
  }

  /** `editStart`: where the text changed; the binary sniff reads only the first 64K characters. */
  private needsWhole(text: string, editStart = 0): boolean {
    if (this.options.maxLength !== undefined && text.length > this.options.maxLength) return true;
    if (this.options.kinds) return true;
    if (!/\S/.test(text)) return true;
    // Binary input goes to the full analysis, which reports it once instead of per chunk.
    return editStart < 65536 && looksBinary(text);
  }

  /** New, unanalysed chunks for `text[from, to)`. */
  private split(text: string, from: number, to: number): Chunk[] {
    const starts = chunkStarts(text, from, to);
    return starts.map((s, k) => {
      const e = k + 1 < starts.length ? starts[k + 1] : to;
      return { start: s, line: 0, length: e - s, lineBreaks: countLineBreaks(text, s, e) };
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

  private assemble(): DocumentAnalysis {
    // The full meta (with the title, which a keystroke does not re-read) before anything is placed.
    this.settleMeta();
    const annotations: Annotation[] = [];
    const sentences: Span[] = [];
    const notices: AnalysisNotice[] = [];
    const seen = new Set<string>();
    let words = 0;
    for (const chunk of this.chunks) {
      const placed = place(chunk);
      for (const a of placed.annotations) annotations.push(a);
      for (const s of placed.sentences) sentences.push(s);
      words += chunk.local!.words;
      for (const n of chunk.local!.notices) {
        if (n.code === 'empty' || seen.has(n.message)) continue;
        seen.add(n.message);
        notices.push(n);
      }
    }
    if (this.metaNotice) notices.push(this.metaNotice);
    // The pre-publication checks compare a headline with its body, so they read the whole document once.
    const findings = !this.reportingChecks ? undefined : reportingFindings(this._text, sentences, annotations, notices, this.options.logger);
    return { words, annotations, sentences, meta: this.meta, notices, ...(findings ? { findings } : {}) };
  }
}

function place(chunk: Chunk): NonNullable<Chunk['placed']> {
  const { start, line } = chunk;
  if (chunk.placed && chunk.placed.start === start && chunk.placed.line === line) return chunk.placed;
  const local = chunk.local!;
  const annotations = local.annotations.map((a) => shiftAnnotation(a, start, line));
  const sentences = local.sentences.map((s) => ({ start: s.start + start, end: s.end + start }));
  return (chunk.placed = { start, line, annotations, sentences });
}

/** Moves an annotation found in a chunk to its place in the whole text. */
export function shiftAnnotation<A extends Annotation>(a: A, offset: number, lines: number): A {
  if (offset === 0 && lines === 0) return a;
  const start = a.start + offset;
  const end = a.end + offset;
  const moved = { ...a, start, end, id: `${a.kind}:${start}-${end}`, line: a.line + lines };
  if (a.kind === 'figure') {
    const sentence = (a as FigureAnnotation).sentence;
    (moved as { sentence?: Span }).sentence = { start: sentence.start + offset, end: sentence.end + offset };
  }
  return moved;
}

function organisationSignature(annotations: readonly Annotation[]): string {
  let s = '';
  for (const a of annotations) if (a.kind === 'organisation') s += `${a.entityId}:${a.orgType}:${a.text}\u0000`;
  return s;
}

function withoutPlace(annotations: readonly Annotation[]): OrganisationAnnotation[] {
  const out: OrganisationAnnotation[] = [];
  for (const a of annotations) if (a.kind === 'organisation') out.push({ ...a, start: -1, end: -1 });
  return out;
}

function entitiesOf(annotations: readonly Annotation[]): (OrganisationAnnotation | LegalTermAnnotation)[] {
  return annotations.filter((a): a is OrganisationAnnotation | LegalTermAnnotation => a.kind !== 'figure');
}

const keyOf = (f: FigureAnnotation) => `${f.unit}:${f.value}`;

function figureKeys(annotations: readonly Annotation[]): string[] {
  const keys = new Set<string>();
  for (const a of annotations) if (a.kind === 'figure') keys.add(keyOf(a));
  return [...keys];
}

/** The first measure named per key, in order: what a chunk adds to the measures later chunks inherit. */
function namedOf(annotations: readonly Annotation[]): Map<string, string> {
  const named = new Map<string, string>();
  for (const a of annotations) if (a.kind === 'figure' && a.counts && !named.has(keyOf(a))) named.set(keyOf(a), a.counts);
  return named;
}

function mergeNamed(chunks: readonly Chunk[]): Map<string, string> {
  const merged = new Map<string, string>();
  for (const c of chunks) addNamed(merged, c);
  return merged;
}

function addNamed(running: Map<string, string>, chunk: Chunk): void {
  for (const [k, v] of chunk.named ?? []) if (!running.has(k)) running.set(k, v);
}

function subset(running: ReadonlyMap<string, string>, keys: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const k of keys) {
    const v = running.get(k);
    if (v !== undefined) out.set(k, v);
  }
  return out;
}

function seedKeyOf(keys: readonly string[], running: ReadonlyMap<string, string>): string {
  let s = '';
  for (const k of keys) s += `${k}=${running.get(k) ?? ''}\u0000`;
  return s;
}

/**
 * What figures may take from the meta: everything but the title (publisher and lede claimant as
 * claimant fallbacks, date and lede period for periods). The title is left out because typing in the
 * headline changes it on every keystroke and no figure depends on it; were one to, the equality
 * tests would fail.
 */
function metaKeyOf(meta: DocumentMeta): string {
  const { title: _title, ...rest } = meta;
  return JSON.stringify(rest, Object.keys(rest).sort());
}

const BULLET_START = /^[ \t]*(?:[•·▪‣◦*+]|[-–](?=\s))/;

/**
 * Where chunks start in `text[from, to)`: at `from`, and at every non-blank line that follows a
 * blank one (blank = only spaces and tabs), unless it is a bullet (a list belongs with the line that
 * introduces it). `from` must itself be a line start.
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
    if (!blank && prevBlank && lineStart > from && !BULLET_START.test(text.slice(lineStart, Math.min(j, lineStart + 8)))) starts.push(lineStart);
    prevBlank = blank;
    if (j >= to) break;
    j += text.charCodeAt(j) === 13 && text.charCodeAt(j + 1) === 10 ? 2 : 1;
    lineStart = j;
  }
  return starts;
}

function countLineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13) {
      if (i + 1 < to && text.charCodeAt(i + 1) === 10) i++;
      n++;
    }
  }
  return n;
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}
