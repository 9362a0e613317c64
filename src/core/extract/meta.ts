import type { LineIndex } from '../text/lines';
import type { DocumentMeta, LegalTermAnnotation, OrganisationAnnotation } from '../types';

export interface MetaContext {
  readonly entities: readonly (OrganisationAnnotation | LegalTermAnnotation)[];
  readonly lineIndex: LineIndex;
}

/** Title, publisher and publication date, where the document states them. Placeholder until issue 3 lands. */
export function readMeta(text: string, _ctx: MetaContext): DocumentMeta {
  const firstLine = text.split(/\r\n|\r|\n/, 1)[0]?.trim();
  return firstLine ? { title: firstLine.slice(0, 200) } : {};
}
