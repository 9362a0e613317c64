/**
 * The annotations file: a W3C Web Annotation `AnnotationPage` whose `items` are `Annotation`s, one
 * per array item, keys always in the same order, 2-space indent, items in a stable order (document,
 * then creation time, then id) so a mark moving in the text does not reorder the file. Two people
 * marking different figures change different lines, which is what makes the file merge in git.
 * docs/annotations-format.md describes it for other tools.
 */
import { describeMark, type ReviewMark, type ReviewState } from './model';
import { withPreservedFields, type PreservedFields } from './preserve';

export const annotationContext = 'http://www.w3.org/ns/anno.jsonld';
export const formatVersion = 1;

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

/** One mark as a W3C `Annotation` object (keys in the order they are written). */
export function toW3C(mark: ReviewMark): Record<string, unknown> {
  const motivation = motivationOf(mark.state);
  const body: Record<string, unknown> = { type: 'TextualBody', purpose: motivation, value: describeMark(mark), state: mark.state };
  if (mark.source) body.source = { kind: mark.source.kind, value: mark.source.value };
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
      source: mark.document,
      selector: [
        { type: 'TextQuoteSelector', exact, prefix, suffix },
        { type: 'TextPositionSelector', start, end },
      ],
    },
  };
}

/** One mark as it is written to the file: its W3C object with the fields kept from the file (preserve.ts). */
export function annotationObject(mark: ReviewMark): Record<string, unknown> {
  return withPreservedFields(toW3C(mark), mark.preserved);
}

/** The whole file, ending with a newline; `page`: the page's fields kept from the file. */
export function serializeMarks(marks: readonly ReviewMark[], page?: PreservedFields): string {
  const written = {
    '@context': annotationContext,
    type: 'AnnotationPage',
    generator: 'Crime Annotator',
    formatVersion,
    items: [...marks].sort(compareMarks).map(annotationObject),
  };
  return JSON.stringify(withPreservedFields(written, page), null, 2) + '\n';
}
