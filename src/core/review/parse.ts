/**
 * Reads the annotations file back. A file broken by hand or by a bad merge is reported with the
 * line and column of the first problem, and nothing is guessed: the caller keeps the file as it is
 * and goes read-only, rather than writing over marks it could not read.
 *
 * A file of 100,000 marks is about 90 MB, so it is read in steps (`parseMarksSteps`, which a host
 * runs in slices): a quick scan finds where each annotation's text lies, and each is parsed on its
 * own. Where the scan finds the file is not plain JSON, the whole-file parser reports exactly where.
 */
import { parseTree, findNodeAtLocation, getNodeValue, printParseErrorCode, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import { reviewSourceKinds, reviewStates, type ReviewMark, type ReviewSource, type ReviewState } from './model';
import { placeOf } from './position';
import { preservedFields, type PreservedFields } from './preserve';
import { serializeMarks, toW3C } from './serialize';
import type { AnnotationKind } from '../types';

export interface AnnotationsFileError {
  readonly message: string;
  /** 1-based. */
  readonly line: number;
  readonly column: number;
}

export type ParseResult =
  | {
      readonly ok: true;
      readonly marks: ReviewMark[];
      /** The page's fields this version does not understand, to be written back (absent when there are none). */
      readonly page?: PreservedFields;
    }
  | { readonly ok: false; readonly error: AnnotationsFileError };

const annotationKinds: readonly AnnotationKind[] = ['figure', 'organisation', 'legal-term'];

export function parseMarks(text: string): ParseResult {
  const steps = parseMarksSteps(text);
  for (let r = steps.next(); ; r = steps.next()) if (r.done) return r.value;
}

/** Items parsed between two yields of `parseMarksSteps`. */
const ITEMS_PER_STEP = 50;

/**
 * `parseMarks` as steps: yields every few annotations so a host can give its event loop a turn.
 * Given the file's bytes, it never builds the whole file as one string (a 90 MB string costs the
 * host hundreds of milliseconds in one piece to build and flatten): each annotation's bytes are
 * decoded on their own. Only a file that is not a plain page of marks is decoded whole, to say
 * exactly where it goes wrong.
 */
export function* parseMarksSteps(input: string | Uint8Array): Generator<void, ParseResult> {
  if (typeof input === 'string') {
    const text = input;
    const quick = yield* quickScan(stringSource(text), (start, end, n, seen) => readItem(text, start, end, n, seen));
    return quick === FALLBACK ? parseWhole(text) : quick;
  }
  // A UTF-8 BOM is not part of the text (TextDecoder drops it too, as the extension always read the file).
  if (input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf) input = input.subarray(3);
  const bytes = bytesSource(input);
  const quick = yield* quickScan(bytes, (start, end, _index, seen) => {
    const value = tryJson(bytes.text(start, end));
    if (value === FAILED) return FALLBACK;
    const read = readMark(value);
    if (typeof read === 'string' || seen.has(read.id)) return FALLBACK;
    seen.add(read.id);
    return { mark: withPreserved(read, value) };
  });
  if (quick !== FALLBACK) return quick;
  return yield* parseMarksSteps(new TextDecoder('utf-8').decode(input));
}

const FALLBACK = Symbol('read the whole file');

/** The file as the quick scan reads it: character (or byte) codes, and text between two offsets. */
interface Source {
  readonly length: number;
  code(i: number): number;
  /** The next `"` at or after `from`, or -1. */
  quote(from: number): number;
  text(start: number, end: number): string;
}

function stringSource(text: string): Source {
  return { length: text.length, code: (i) => text.charCodeAt(i), quote: (from) => text.indexOf('"', from), text: (a, b) => text.slice(a, b) };
}

function bytesSource(bytes: Uint8Array): Source {
  const decoder = new TextDecoder('utf-8');
  // JSON's structural characters are ASCII, and no byte of a multi-byte UTF-8 character is, so bytes can be scanned as they are.
  return { length: bytes.length, code: (i) => (i < bytes.length ? bytes[i] : NaN), quote: (from) => bytes.indexOf(QUOTE, from), text: (a, b) => decoder.decode(bytes.subarray(a, b)) };
}

type ItemReader = (start: number, end: number, index: number, seen: Set<string>) => { mark: ReviewMark } | { error: AnnotationsFileError } | typeof FALLBACK;

/** Reads a page of marks quickly, or says FALLBACK when the file is anything else (broken, odd): the caller then reads it whole. */
function* quickScan(src: Source, readItemAt: ItemReader): Generator<void, ParseResult | typeof FALLBACK> {
  const scan = new Scanner(src);
  let i = scan.skipSpace(0);
  if (i >= src.length) return { ok: true, marks: [] };
  if (src.code(i) !== OPEN_BRACE) return FALLBACK;
  const page: Record<string, unknown> = {};
  let marks: ReviewMark[] | undefined;
  i = scan.skipSpace(i + 1);
  if (src.code(i) === CLOSE_BRACE) i++;
  else {
    for (;;) {
      if (src.code(i) !== QUOTE) return FALLBACK;
      const keyEnd = scan.stringEnd(i);
      if (keyEnd < 0) return FALLBACK;
      const key = tryJson(src.text(i, keyEnd));
      if (typeof key !== 'string') return FALLBACK;
      i = scan.skipSpace(keyEnd);
      if (src.code(i) !== COLON) return FALLBACK;
      i = scan.skipSpace(i + 1);
      if (key === 'items') {
        if (src.code(i) !== OPEN_BRACKET) return FALLBACK;
        const read: ReviewMark[] = [];
        const seen = new Set<string>();
        i = scan.skipSpace(i + 1);
        if (src.code(i) === CLOSE_BRACKET) i++;
        else {
          for (let n = 0; ; n++) {
            const end = scan.valueEnd(i);
            if (end < 0) return FALLBACK;
            const item = readItemAt(i, end, n, seen);
            if (item === FALLBACK) return FALLBACK;
            if ('error' in item) return { ok: false, error: item.error };
            read.push(item.mark);
            if (n % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
            i = scan.skipSpace(end);
            const c = src.code(i);
            if (c === CLOSE_BRACKET) {
              i++;
              break;
            }
            if (c !== COMMA) return FALLBACK;
            i = scan.skipSpace(i + 1);
          }
        }
        marks = read;
      } else {
        const end = scan.valueEnd(i);
        if (end < 0) return FALLBACK;
        const value = tryJson(src.text(i, end));
        if (value === FAILED) return FALLBACK;
        Object.defineProperty(page, key, { value, enumerable: true, writable: true, configurable: true });
        i = end;
      }
      i = scan.skipSpace(i);
      const c = src.code(i);
      if (c === CLOSE_BRACE) {
        i++;
        break;
      }
      if (c !== COMMA) return FALLBACK;
      i = scan.skipSpace(i + 1);
    }
  }
  if (scan.skipSpace(i) < src.length || !marks) return FALLBACK;
  return withPage({ ok: true, marks }, page);
}

/** The whole-file parser: slower, exact about where a broken file goes wrong. */
function parseWhole(text: string): ParseResult {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0 || !root) {
    const first = errors[0];
    return fail(text, first?.offset ?? 0, first ? `invalid JSON (${printParseErrorCode(first.error)})` : 'invalid JSON');
  }
  if (root.type !== 'object') return fail(text, root.offset, 'expected an object (a W3C AnnotationPage)');
  const itemsNode = findNodeAtLocation(root, ['items']);
  if (!itemsNode) return fail(text, root.offset, 'missing "items" (the list of annotations)');
  if (itemsNode.type !== 'array') return fail(text, itemsNode.offset, '"items" must be an array');
  const marks: ReviewMark[] = [];
  const seen = new Set<string>();
  for (const [i, node] of (itemsNode.children ?? []).entries()) {
    const read = readValue(getNodeValue(node), node.offset, text, i, seen);
    if ('error' in read) return { ok: false, error: read.error };
    marks.push(read.mark);
  }
  const { items: _items, ...page } = getNodeValue(root) as Record<string, unknown>;
  return withPage({ ok: true, marks }, page);
}

/** The page's own fields (all but its items) beside what this version writes for a page. */
function withPage(result: { ok: true; marks: ReviewMark[] }, page: Record<string, unknown>): ParseResult {
  const kept = preservedFields(page, writtenPage());
  return kept ? { ...result, page: kept } : result;
}

/** One annotation's text, `text[start, end)`: parsed on its own, or the exact place it is broken. */
function readItem(text: string, start: number, end: number, index: number, seen: Set<string>): { mark: ReviewMark } | { error: AnnotationsFileError } {
  const value = tryJson(text.slice(start, end));
  if (value === FAILED) {
    const errors: ParseError[] = [];
    parseTree(text.slice(start, end), errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    return { error: problemAt(text, start + (first?.offset ?? 0), first ? `invalid JSON (${printParseErrorCode(first.error)})` : 'invalid JSON') };
  }
  return readValue(value, start, text, index, seen);
}

function readValue(value: unknown, offset: number, text: string, index: number, seen: Set<string>): { mark: ReviewMark } | { error: AnnotationsFileError } {
  const read = readMark(value);
  if (typeof read === 'string') return { error: problemAt(text, offset, `annotation ${index + 1}: ${read}`) };
  if (seen.has(read.id)) return { error: problemAt(text, offset, `annotation ${index + 1}: duplicate id ${read.id}`) };
  seen.add(read.id);
  return { mark: withPreserved(read, value) };
}

/** The mark with what the file held beyond it (see preserve.ts). */
function withPreserved(mark: ReviewMark, value: unknown): ReviewMark {
  const preserved = preservedFields(value, toW3C(mark));
  return preserved ? { ...mark, preserved } : mark;
}

let pageFields: Record<string, unknown> | undefined;
/** The page fields the writer writes, taken from the writer itself so the two never disagree. */
function writtenPage(): Record<string, unknown> {
  if (!pageFields) {
    const { items: _items, ...rest } = JSON.parse(serializeMarks([])) as Record<string, unknown>;
    pageFields = rest;
  }
  return pageFields;
}

const FAILED = Symbol('not JSON');

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return FAILED;
  }
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/**
 * Finds where JSON values end without building them: strings are skipped with indexOf, nesting is
 * followed through the structural characters only. It trusts JSON.parse to check each value later.
 */
class Scanner {
  constructor(private readonly src: Source) {}

  skipSpace(i: number): number {
    const src = this.src;
    for (; i < src.length; i++) {
      const c = src.code(i);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
    }
    return i;
  }

  /** The offset just after the string starting at `i` (a quote), or -1 when it never ends. */
  stringEnd(i: number): number {
    const src = this.src;
    for (let from = i + 1; ; ) {
      const q = src.quote(from);
      if (q < 0) return -1;
      let backslashes = 0;
      for (let k = q - 1; k > i && src.code(k) === 0x5c; k--) backslashes++;
      if (backslashes % 2 === 0) return q + 1;
      from = q + 1;
    }
  }

  /** The offset just after the value starting at `i`, or -1 when it is cut off. */
  valueEnd(i: number): number {
    const src = this.src;
    const first = src.code(i);
    if (first === QUOTE) return this.stringEnd(i);
    if (first !== OPEN_BRACE && first !== OPEN_BRACKET) {
      let j = i;
      for (; j < src.length; j++) {
        const c = src.code(j);
        if (c === COMMA || c === CLOSE_BRACKET || c === CLOSE_BRACE || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) break;
      }
      return j;
    }
    let depth = 0;
    for (let j = i; j < src.length; j++) {
      const c = src.code(j);
      if (c === QUOTE) {
        const end = this.stringEnd(j);
        if (end < 0) return -1;
        j = end - 1;
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
      else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && --depth === 0) return j + 1;
    }
    return -1;
  }
}

function fail(text: string, offset: number, message: string): ParseResult {
  return { ok: false, error: problemAt(text, offset, message) };
}

function problemAt(text: string, offset: number, message: string): AnnotationsFileError {
  return { message, ...placeOf(text, offset) };
}

/** A mark, or what is wrong with the item. */
function readMark(a: unknown): ReviewMark | string {
  if (!isObject(a)) return 'expected an object';
  if (a.type !== 'Annotation') return '"type" must be "Annotation"';
  if (typeof a.id !== 'string' || a.id === '') return '"id" must be a non-empty string';
  const body = a.body;
  if (!isObject(body)) return '"body" must be an object';
  const state = body.state;
  if (!reviewStates.includes(state as ReviewState)) return `"body.state" must be one of ${reviewStates.join(', ')}`;
  const target = a.target;
  if (!isObject(target) || typeof target.source !== 'string' || !Array.isArray(target.selector)) return '"target" must have a "source" string and a "selector" array';
  const quote = target.selector.find((s) => isObject(s) && s.type === 'TextQuoteSelector');
  const position = target.selector.find((s) => isObject(s) && s.type === 'TextPositionSelector');
  if (!isObject(quote) || typeof quote.exact !== 'string' || quote.exact === '') return 'needs a TextQuoteSelector with a non-empty "exact"';
  if (!isObject(position) || !isOffset(position.start) || !isOffset(position.end) || position.end < position.start) {
    return 'needs a TextPositionSelector with whole-number "start" <= "end"';
  }
  const creator = isObject(a.creator) && typeof a.creator.name === 'string' ? a.creator.name : typeof a.creator === 'string' ? a.creator : '';
  if (typeof a.created !== 'string') return '"created" must be an ISO date-time string';
  const mark: { -readonly [K in keyof ReviewMark]: ReviewMark[K] } = {
    id: a.id,
    state: state as ReviewState,
    document: target.source,
    anchor: {
      exact: quote.exact,
      prefix: typeof quote.prefix === 'string' ? quote.prefix : '',
      suffix: typeof quote.suffix === 'string' ? quote.suffix : '',
      start: position.start,
      end: position.end,
    },
    creator,
    created: a.created,
    modified: typeof a.modified === 'string' ? a.modified : a.created,
  };
  if (body.source !== undefined) {
    const source = body.source;
    if (!isObject(source) || !reviewSourceKinds.includes(source.kind as ReviewSource['kind']) || typeof source.value !== 'string') {
      return `"body.source" must be {"kind": ${reviewSourceKinds.map((k) => `"${k}"`).join('|')}, "value": string}`;
    }
    mark.source = { kind: source.kind as ReviewSource['kind'], value: source.value };
  }
  if (body.reason !== undefined) {
    if (typeof body.reason !== 'string') return '"body.reason" must be a string';
    mark.reason = body.reason;
  }
  if (body.text !== undefined) {
    if (typeof body.text !== 'string') return '"body.text" must be a string';
    mark.text = body.text;
  }
  if (body.kind !== undefined) {
    if (!annotationKinds.includes(body.kind as AnnotationKind)) return `"body.kind" must be one of ${annotationKinds.join(', ')}`;
    mark.kind = body.kind as AnnotationKind;
  }
  return mark;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isOffset(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}
