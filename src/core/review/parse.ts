/**
 * Reads the annotations file back. A file broken by hand or by a bad merge is reported with the
 * line and column of the first problem, and nothing is guessed: the caller keeps the file as it is
 * and goes read-only, rather than writing over marks it could not read.
 */
import { parseTree, findNodeAtLocation, getNodeValue, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import { reviewSourceKinds, reviewStates, type ReviewMark, type ReviewSource, type ReviewState } from './model';
import { isWorkspaceBase, pathOfIri } from './iri';
import { placeOf } from './position';
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
  | { readonly ok: true; readonly marks: ReviewMark[]; readonly base?: string; readonly formatVersion?: number }
  | { readonly ok: false; readonly error: AnnotationsFileError };

const annotationKinds: readonly AnnotationKind[] = ['figure', 'organisation', 'legal-term'];

export function parseMarks(text: string): ParseResult {
  if (text.trim() === '') return { ok: true, marks: [] };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0 || !root) {
    const first = errors[0];
    return fail(text, first?.offset ?? 0, first ? `invalid JSON (${printParseErrorCode(first.error)})` : 'invalid JSON');
  }
  if (root.type !== 'object') return fail(text, root.offset, 'expected an object (a W3C AnnotationPage)');
  const base = statedBase(valueAt(root, '@context'));
  const version = valueAt(root, 'formatVersion');
  const head = { ...(base !== undefined ? { base } : {}), ...(typeof version === 'number' ? { formatVersion: version } : {}) };
  // A file with no marks is an AnnotationCollection with no pages; a collection with its first page embedded is read too.
  const itemsNode = findNodeAtLocation(root, ['items']) ?? findNodeAtLocation(root, ['first', 'items']);
  if (!itemsNode && valueAt(root, 'type') === 'AnnotationCollection') return { ok: true, marks: [], ...head };
  if (!itemsNode) return fail(text, root.offset, 'missing "items" (the list of annotations)');
  if (itemsNode.type !== 'array') return fail(text, itemsNode.offset, '"items" must be an array');
  const marks: ReviewMark[] = [];
  const seen = new Set<string>();
  for (const [i, node] of (itemsNode.children ?? []).entries()) {
    const read = readMark(node, base !== undefined);
    if (typeof read === 'string') return fail(text, node.offset, `annotation ${i + 1}: ${read}`);
    if (seen.has(read.id)) return fail(text, node.offset, `annotation ${i + 1}: duplicate id ${read.id}`);
    seen.add(read.id);
    marks.push(read);
  }
  return { ok: true, marks, ...head };
}

function valueAt(root: Node, key: string): unknown {
  const node = findNodeAtLocation(root, [key]);
  return node ? (getNodeValue(node) as unknown) : undefined;
}

/** The `@base` of the file's own context (an object in its `@context` array), when it is one this format states. */
function statedBase(context: unknown): string | undefined {
  const entries = Array.isArray(context) ? context : [context];
  for (const entry of entries) if (isObject(entry) && isWorkspaceBase(entry['@base'])) return entry['@base'];
  return undefined;
}

function fail(text: string, offset: number, message: string): ParseResult {
  return { ok: false, error: { message, ...placeOf(text, offset) } };
}

/**
 * A mark, or what is wrong with the item. Format 1 names (`body.state`, `body.source`, a
 * workspace-relative path in `target.source`) are still read, so an old file loses nothing; the
 * next write migrates it. `iris`: the file states a base, so `target.source` is an IRI (iri.ts);
 * otherwise it is taken as the path it always was, unless it is an `arcp:` IRI.
 */
function readMark(node: Node, iris: boolean): ReviewMark | string {
  const a: unknown = getNodeValue(node);
  if (!isObject(a)) return 'expected an object';
  if (a.type !== 'Annotation') return '"type" must be "Annotation"';
  if (typeof a.id !== 'string' || a.id === '') return '"id" must be a non-empty string';
  const body = a.body;
  if (!isObject(body)) return '"body" must be an object';
  const state = body.reviewState ?? body.state;
  if (!reviewStates.includes(state as ReviewState)) return `"body.reviewState" must be one of ${reviewStates.join(', ')}`;
  const target = a.target;
  if (!isObject(target) || typeof target.source !== 'string' || !Array.isArray(target.selector)) return '"target" must have a "source" string and a "selector" array';
  const document = iris || /^arcp:/i.test(target.source) ? pathOfIri(target.source) : target.source;
  if (document === undefined || document === '') return `"target.source" must name a document in the workspace (an IRI under the file's "@base", or a path relative to it), not ${JSON.stringify(target.source)}`;
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
  const source = body.evidence ?? body.source;
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
