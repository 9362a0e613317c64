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

/** `parseMarks` as steps: yields every few annotations so a host can give its event loop a turn. */
export function* parseMarksSteps(text: string): Generator<void, ParseResult> {
  if (!/\S/.test(text)) return { ok: true, marks: [] };
  const scan = new Scanner(text);
  let i = scan.skipSpace(0);
  if (text.charCodeAt(i) !== OPEN_BRACE) return parseWhole(text);
  const rootOffset = i;
  const page: Record<string, unknown> = {};
  let marks: ReviewMark[] | undefined;
  i = scan.skipSpace(i + 1);
  if (text.charCodeAt(i) === CLOSE_BRACE) i++;
  else {
    for (;;) {
      if (text.charCodeAt(i) !== QUOTE) return parseWhole(text);
      const keyEnd = scan.stringEnd(i);
      if (keyEnd < 0) return parseWhole(text);
      const key = JSON.parse(text.slice(i, keyEnd)) as string;
      i = scan.skipSpace(keyEnd);
      if (text.charCodeAt(i) !== COLON) return parseWhole(text);
      i = scan.skipSpace(i + 1);
      if (key === 'items' && text.charCodeAt(i) === OPEN_BRACKET) {
        const read: ReviewMark[] = [];
        const seen = new Set<string>();
        i = scan.skipSpace(i + 1);
        if (text.charCodeAt(i) === CLOSE_BRACKET) i++;
        else {
          for (let n = 0; ; n++) {
            const end = scan.valueEnd(i);
            if (end < 0) return parseWhole(text);
            const item = readItem(text, i, end, n, seen);
            if ('error' in item) return { ok: false, error: item.error };
            read.push(item.mark);
            if (n % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
            i = scan.skipSpace(end);
            const c = text.charCodeAt(i);
            if (c === CLOSE_BRACKET) {
              i++;
              break;
            }
            if (c !== COMMA) return parseWhole(text);
            i = scan.skipSpace(i + 1);
          }
        }
        marks = read;
      } else {
        const end = scan.valueEnd(i);
        if (end < 0) return parseWhole(text);
        const value = tryJson(text.slice(i, end));
        if (value === FAILED) return parseWhole(text);
        if (key === 'items') return fail(text, i, '"items" must be an array');
        Object.defineProperty(page, key, { value, enumerable: true, writable: true, configurable: true });
        i = end;
      }
      i = scan.skipSpace(i);
      const c = text.charCodeAt(i);
      if (c === CLOSE_BRACE) {
        i++;
        break;
      }
      if (c !== COMMA) return parseWhole(text);
      i = scan.skipSpace(i + 1);
    }
  }
  if (scan.skipSpace(i) < text.length) return parseWhole(text);
  if (!marks) return fail(text, rootOffset, 'missing "items" (the list of annotations)');
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
  const preserved = preservedFields(value, toW3C(read));
  return { mark: preserved ? { ...read, preserved } : read };
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
  private readonly structural = /["{}[\]]/g;
  private readonly scalarEnd = /[\s,\]}]/g;
  constructor(private readonly text: string) {}

  skipSpace(i: number): number {
    const t = this.text;
    for (; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
    }
    return i;
  }

  /** The offset just after the string starting at `i` (a quote), or -1 when it never ends. */
  stringEnd(i: number): number {
    const t = this.text;
    for (let from = i + 1; ; ) {
      const q = t.indexOf('"', from);
      if (q < 0) return -1;
      let backslashes = 0;
      for (let k = q - 1; k > i && t.charCodeAt(k) === 0x5c; k--) backslashes++;
      if (backslashes % 2 === 0) return q + 1;
      from = q + 1;
    }
  }

  /** The offset just after the value starting at `i`, or -1 when it is cut off. */
  valueEnd(i: number): number {
    const t = this.text;
    const c = t.charCodeAt(i);
    if (c === QUOTE) return this.stringEnd(i);
    if (c !== OPEN_BRACE && c !== OPEN_BRACKET) {
      this.scalarEnd.lastIndex = i;
      const m = this.scalarEnd.exec(t);
      return m ? m.index : t.length;
    }
    let depth = 0;
    this.structural.lastIndex = i;
    for (let m = this.structural.exec(t); m; m = this.structural.exec(t)) {
      const ch = t.charCodeAt(m.index);
      if (ch === QUOTE) {
        const end = this.stringEnd(m.index);
        if (end < 0) return -1;
        this.structural.lastIndex = end;
      } else if (ch === OPEN_BRACE || ch === OPEN_BRACKET) depth++;
      else if (--depth === 0) return m.index + 1;
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
