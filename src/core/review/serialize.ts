/**
 * The annotations file: a W3C Web Annotation `AnnotationPage` whose `items` are `Annotation`s, one
 * per array item, keys always in the same order, 2-space indent, items in a stable order (document,
 * then creation time, then id) so a mark moving in the text does not reorder the file. Two people
 * marking different figures change different lines, which is what makes the file merge in git.
 * docs/annotations-format.md describes it for other tools.
 *
 * The file passes the MUST assertions of the W3C test schemas (test/unit/review-w3c.test.ts) and
 * reads the same to a JSON-LD processor as to this extension: every key is a W3C term or one the
 * file's own context defines, and `target.source` is an IRI under the base the context states
 * (iri.ts). A page must hold at least one annotation, so a file with no marks is an empty
 * `AnnotationCollection` (`total: 0`) instead.
 */
import { describeMark, type ReviewMark, type ReviewState } from './model';
import { documentIri } from './iri';
import { withPreservedFields, type PreservedFields } from './preserve';

export const annotationContext = 'http://www.w3.org/ns/anno.jsonld';
/** 1: a relative path in `target.source`, `body.state`, `body.source`. 2: today's format. */
export const formatVersion = 2;

/** The namespace of the terms the W3C context lacks. A URN: stable, and nothing to fetch. */
export const vocabularyIri = 'urn:crime-annotator:vocab:';

/** Terms this file adds to the W3C context, so a JSON-LD reader keeps them. */
export const extensionTerms: Readonly<Record<string, string>> = {
  crimeAnnotator: vocabularyIri,
  formatVersion: 'crimeAnnotator:formatVersion',
  reviewState: 'crimeAnnotator:reviewState',
  evidence: 'crimeAnnotator:evidence',
  kind: 'crimeAnnotator:kind',
  reason: 'crimeAnnotator:reason',
  text: 'crimeAnnotator:text',
};

export const generator = { type: 'Software', name: 'Crime Annotator' } as const;

/** What names the file itself: its stated base (iri.ts) and its path in the workspace. */
export interface AnnotationsFileIdentity {
  /** `arcp://uuid,<uuid>/`, kept from the file once it has one. */
  readonly base: string;
  /** Workspace-relative, `/`-separated (`.crime-annotator/annotations.json`). */
  readonly path: string;
}

export type Motivation = 'assessing' | 'commenting' | 'identifying' | 'tagging';

export function motivationOf(state: ReviewState): Motivation {
  switch (state) {
    case 'verified':
    case 'disputed':
      return 'assessing';
    case 'note':
      return 'commenting';
    case 'added':
      return 'identifying';
    case 'not-a-claim':
      return 'tagging';
  }
}

/** The stable order marks are written in. */
export function compareMarks(a: ReviewMark, b: ReviewMark): number {
  return cmp(a.document, b.document) || cmp(a.created, b.created) || cmp(a.id, b.id);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * One mark as a W3C `Annotation` object (keys in the order they are written). With `base`, the
 * document is an IRI under it, as in the annotations file; without, its workspace-relative path
 * (the export, which has no stated base and names documents by path throughout).
 */
export function toW3C(mark: ReviewMark, base?: string): Record<string, unknown> {
  const motivation = motivationOf(mark.state);
  const body: Record<string, unknown> = { type: 'TextualBody', purpose: motivation, value: describeMark(mark), reviewState: mark.state };
  if (mark.source) body.evidence = { kind: mark.source.kind, value: mark.source.value };
  if (mark.reason !== undefined) body.reason = mark.reason;
  if (mark.text !== undefined) body.text = mark.text;
  if (mark.kind !== undefined) body.kind = mark.kind;
  const { exact, prefix, suffix, start, end } = mark.anchor;
  return {
    id: mark.id,
    type: 'Annotation',
    motivation,
    creator: { type: 'Person', name: mark.creator },
    created: mark.created,
    modified: mark.modified,
    body,
    target: {
      source: base === undefined ? mark.document : documentIri(base, mark.document),
      selector: [
        { type: 'TextQuoteSelector', exact, prefix, suffix },
        { type: 'TextPositionSelector', start, end },
      ],
    },
  };
}

/**
 * One mark as it is written: its W3C object (`base` as for toW3C) with the fields kept from the
 * file it was read from (preserve.ts).
 */
export function annotationObject(mark: ReviewMark, base?: string): Record<string, unknown> {
  return withPreservedFields(toW3C(mark, base), mark.preserved);
}

/** The file's `@context`: the W3C context, then the base and the terms it adds. */
export function contextOf(base: string): unknown[] {
  return [annotationContext, { '@base': base, ...extensionTerms }];
}

/**
 * The page's own fields as this version writes them, all but `items`: an `AnnotationPage` when
 * there are marks, else an empty `AnnotationCollection`.
 */
export function pageHead(file: AnnotationsFileIdentity, hasMarks: boolean): Record<string, unknown> {
  const head = { '@context': contextOf(file.base), id: documentIri(file.base, file.path) };
  return hasMarks
    ? { ...head, type: 'AnnotationPage', generator, formatVersion }
    : { ...head, type: 'AnnotationCollection', generator, formatVersion, total: 0 };
}

/** The whole file, ending with a newline; `page`: the page's fields kept from the file (preserve.ts). */
export function serializeMarks(marks: readonly ReviewMark[], file: AnnotationsFileIdentity, page?: PreservedFields): string {
  const written =
    marks.length === 0 ? pageHead(file, false) : { ...pageHead(file, true), items: [...marks].sort(compareMarks).map((m) => annotationObject(m, file.base)) };
  return JSON.stringify(withPreservedFields(written, page), null, 2) + '\n';
}
