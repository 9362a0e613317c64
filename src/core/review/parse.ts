/**
 * Reads the annotations file back. A file broken by hand or by a bad merge is reported with the
 * line and column of the first problem, and nothing is guessed: the caller keeps the file as it is
 * and goes read-only, rather than writing over marks it could not read.
 *
 * A file of 100,000 marks is about 90 MB, so it is read in steps (`parseMarksSteps`, which a host
 * runs in slices): a quick scan finds where each annotation's text lies, and each is parsed on its
 * own. Where the scan finds the file is not plain JSON, the whole-file parser reports exactly where.
 *
 * Format 1 names (`body.state`, `body.source`, a workspace-relative path in `target.source`) are
 * still read, so an old file loses nothing; the next write migrates it.
 */
import { parseTree, findNodeAtLocation, getNodeValue, printParseErrorCode, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import { reviewSourceKinds, reviewStates, type ReviewMark, type ReviewSource, type ReviewState } from './model';
import { isWorkspaceBase, pathOfIri } from './iri';
import { placeOf } from './position';
import { preservedFields, type PreservedFields } from './preserve';
import { pageHead, toW3C } from './serialize';
import type { AnnotationKind } from '../types';

export interface AnnotationsFileError {
  readonly message: string;
  /** 1-based. */
  readonly line: number;
  readonly column: number;
}

/**
 * `base` is the base the file states (iri.ts), undefined for a file written before it had one
 * (format 1) or an empty file: the next write gives it one and migrates it.
 */
export type ParseResult =
  | {
      readonly ok: true;
      readonly marks: ReviewMark[];
      readonly base?: string;
      readonly formatVersion?: number;
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
    const quick = yield* quickScan(stringSource(text), (start, end, n, seen, base) => readItem(text, start, end, n, seen, base));
    return quick === FALLBACK ? parseWhole(text) : quick;
  }
  // A UTF-8 BOM is not part of the text (TextDecoder drops it too, as the extension always read the file).
  if (input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf) input = input.subarray(3);
  const bytes = bytesSource(input);
  const quick = yield* quickScan(bytes, (start, end, _index, seen, base) => {
    const value = tryJson(bytes.text(start, end));
    if (value === FAILED) return FALLBACK;
    const read = readMark(value, base !== undefined);
    if (typeof read === 'string' || seen.has(read.id)) return FALLBACK;
    seen.add(read.id);
    return { mark: withPreserved(read, value, base) };
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
  return {
    length: bytes.length,
    code: (i) => (i < bytes.length ? bytes[i] : NaN),
    quote: (from) => bytes.indexOf(QUOTE, from),
    text: (a, b) => decoder.decode(bytes.subarray(a, b)),
  };
}

/** `base`: the base the page stated before its items (iri.ts), undefined when it states none. */
type ItemReader = (
  start: number,
  end: number,
  index: number,
  seen: Set<string>,
  base: string | undefined,
) => { mark: ReviewMark } | { error: AnnotationsFileError } | typeof FALLBACK;

/** Reads a page of marks quickly, or says FALLBACK when the file is anything else (broken, odd): the caller then reads it whole. */
function* quickScan(src: Source, readItemAt: ItemReader): Generator<void, ParseResult | typeof FALLBACK> {
  const scan = new Scanner(src);
  let i = scan.skipSpace(0);
  if (i >= src.length) return { ok: true, marks: [] };
  if (src.code(i) !== OPEN_BRACE) return FALLBACK;
  const page: Record<string, unknown> = {};
  let marks: ReviewMark[] | undefined;
  let contextBeforeItems = false;
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
        // The base is stated in the @context, which this format writes first. A file without one (the
        // first format, another tool's page) states no base; one that states it after its items is read whole.
        if (src.code(i) !== OPEN_BRACKET) return FALLBACK;
        contextBeforeItems = Object.prototype.hasOwnProperty.call(page, '@context');
        const base = contextBeforeItems ? statedBase(page['@context']) : undefined;
        const read: ReviewMark[] = [];
        const seen = new Set<string>();
        i = scan.skipSpace(i + 1);
        if (src.code(i) === CLOSE_BRACKET) i++;
        else {
          for (let n = 0; ; n++) {
            const end = scan.valueEnd(i);
            if (end < 0) return FALLBACK;
            const item = readItemAt(i, end, n, seen, base);
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
  // Anything but a page with items (an empty collection, a first page embedded) is read whole.
  if (scan.skipSpace(i) < src.length || !marks) return FALLBACK;
  if (!contextBeforeItems && Object.prototype.hasOwnProperty.call(page, '@context')) return FALLBACK;
  return withPage({ ok: true, marks }, page, ['items']);
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
  const page = getNodeValue(root) as Record<string, unknown>;
  const base = statedBase(page['@context']);
  // A file with no marks is an AnnotationCollection with no pages; a collection with its first page embedded is read too.
  const own = findNodeAtLocation(root, ['items']);
  const itemsNode = own ?? findNodeAtLocation(root, ['first', 'items']);
  if (!itemsNode && page.type === 'AnnotationCollection') return withPage({ ok: true, marks: [] }, page, []);
  if (!itemsNode) return fail(text, root.offset, 'missing "items" (the list of annotations)');
  if (itemsNode.type !== 'array') return fail(text, itemsNode.offset, '"items" must be an array');
  const marks: ReviewMark[] = [];
  const seen = new Set<string>();
  for (const [i, node] of (itemsNode.children ?? []).entries()) {
    const read = readValue(getNodeValue(node), node.offset, text, i, seen, base);
    if ('error' in read) return { ok: false, error: read.error };
    marks.push(read.mark);
  }
  // The marks are written back as the page's items, so the first page they were read from is not kept beside them.
  return withPage({ ok: true, marks }, page, own ? ['items'] : ['first']);
}

/**
 * The result with the file's base and version, and the page's own fields (all but `read`, the
 * keys its marks came from) compared with what this version writes for a page: whichever of a page
 * or an empty collection, so `total` is never carried onto a page with items, nor the other way.
 */
function withPage(result: { ok: true; marks: ReviewMark[] }, page: Record<string, unknown>, read: readonly string[]): ParseResult {
  const base = statedBase(page['@context']);
  const version = page.formatVersion;
  const raw: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(page))
    if (!read.includes(key)) Object.defineProperty(raw, key, { value, enumerable: true, writable: true, configurable: true });
  const file = { base: base ?? 'arcp://uuid,00000000-0000-0000-0000-000000000000/', path: '' };
  const kept = preservedFields(raw, { ...pageHead(file, false), ...pageHead(file, true) });
  return {
    ...result,
    ...(base !== undefined ? { base } : {}),
    ...(typeof version === 'number' ? { formatVersion: version } : {}),
    ...(kept ? { page: kept } : {}),
  };
}

/** The `@base` of the file's own context (an object in its `@context` array), when it is one this format states. */
function statedBase(context: unknown): string | undefined {
  const entries = Array.isArray(context) ? context : [context];
  for (const entry of entries) if (isObject(entry) && isWorkspaceBase(entry['@base'])) return entry['@base'];
  return undefined;
}

/** One annotation's text, `text[start, end)`: parsed on its own, or the exact place it is broken. */
function readItem(
  text: string,
  start: number,
  end: number,
  index: number,
  seen: Set<string>,
  base: string | undefined,
): { mark: ReviewMark } | { error: AnnotationsFileError } {
  const value = tryJson(text.slice(start, end));
  if (value === FAILED) {
    const errors: ParseError[] = [];
    parseTree(text.slice(start, end), errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    return { error: problemAt(text, start + (first?.offset ?? 0), first ? `invalid JSON (${printParseErrorCode(first.error)})` : 'invalid JSON') };
  }
  return readValue(value, start, text, index, seen, base);
}

function readValue(
  value: unknown,
  offset: number,
  text: string,
  index: number,
  seen: Set<string>,
  base: string | undefined,
): { mark: ReviewMark } | { error: AnnotationsFileError } {
  const read = readMark(value, base !== undefined);
  if (typeof read === 'string') return { error: problemAt(text, offset, `annotation ${index + 1}: ${read}`) };
  if (seen.has(read.id)) return { error: problemAt(text, offset, `annotation ${index + 1}: duplicate id ${read.id}`) };
  seen.add(read.id);
  return { mark: withPreserved(read, value, base) };
}

/**
 * The mark with what the file held beyond it (see preserve.ts), compared with what the writer
 * makes of the mark under the same base. The format 1 names this reader took the mark from
 * (`body.state`, `body.source`, read only from a file that states no base) are known fields,
 * migrated rather than kept beside the new ones; where the new name is there too, or the file is
 * format 2, the old one was not read and is kept like any other field.
 */
function withPreserved(mark: ReviewMark, value: unknown, base: string | undefined): ReviewMark {
  let raw = value;
  if (base === undefined && isObject(value) && isObject(value.body)) {
    const body = value.body;
    const used = [...(body.reviewState === undefined ? ['state'] : []), ...(body.evidence === undefined ? ['source'] : [])];
    if (used.some((k) => Object.prototype.hasOwnProperty.call(body, k))) {
      const rest: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(body))
        if (!used.includes(k)) Object.defineProperty(rest, k, { value: v, enumerable: true, writable: true, configurable: true });
      raw = { ...value, body: rest };
    }
  }
  const preserved = preservedFields(raw, toW3C(mark, base));
  return preserved ? { ...mark, preserved } : mark;
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
    for (let from = i + 1; ;) {
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

/**
 * A mark, or what is wrong with the item. `iris`: the file states a base, so `target.source` is an
 * IRI (iri.ts); otherwise it is taken as the path it always was, unless it is an `arcp:` IRI.
 */
function readMark(a: unknown, iris: boolean): ReviewMark | string {
  if (!isObject(a)) return 'expected an object';
  if (a.type !== 'Annotation') return '"type" must be "Annotation"';
  if (typeof a.id !== 'string' || a.id === '') return '"id" must be a non-empty string';
  const body = a.body;
  if (!isObject(body)) return '"body" must be an object';
  // Only a file that states no base (format 1) used the old names; in a format-2 file they are another tool's fields.
  const state = iris ? body.reviewState : (body.reviewState ?? body.state);
  if (!reviewStates.includes(state as ReviewState)) return `"body.reviewState" must be one of ${reviewStates.join(', ')}`;
  const target = a.target;
  if (!isObject(target) || typeof target.source !== 'string' || !Array.isArray(target.selector))
    return '"target" must have a "source" string and a "selector" array';
  const document = iris || /^arcp:/i.test(target.source) ? pathOfIri(target.source) : target.source;
  if (document === undefined || document === '')
    return `"target.source" must name a document in the workspace (an IRI under the file's "@base", or a path relative to it), not ${JSON.stringify(target.source)}`;
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
    document,
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
  const source = iris ? body.evidence : (body.evidence ?? body.source);
  if (source !== undefined) {
    if (!isObject(source) || !reviewSourceKinds.includes(source.kind as ReviewSource['kind']) || typeof source.value !== 'string') {
      return `"body.evidence" must be {"kind": ${reviewSourceKinds.map((k) => `"${k}"`).join('|')}, "value": string}`;
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
