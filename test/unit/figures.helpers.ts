import { compileLexicon } from '../../src/core/lexicon';
import { findFigures } from '../../src/core/extract/figures';
import { LineIndex } from '../../src/core/text/lines';
import { splitSentences } from '../../src/core/text/sentences';
import type { FigureAnnotation, LegalTermAnnotation, OrganisationAnnotation, OrganisationType } from '../../src/core/types';

const lexicon = compileLexicon();

/** Figures of a text, with entities given by hand so these tests do not depend on the lexicon. */
export function figuresOf(text: string, entities: (OrganisationAnnotation | LegalTermAnnotation)[] = []): FigureAnnotation[] {
  return findFigures(text, { lexicon, lineIndex: new LineIndex(text), sentences: splitSentences(text), entities });
}

/** The only figure of a text (fails the test when there are none or several). */
export function onlyFigure(text: string, entities: (OrganisationAnnotation | LegalTermAnnotation)[] = []): FigureAnnotation {
  const found = figuresOf(text, entities);
  if (found.length !== 1) throw new Error(`expected one figure in ${JSON.stringify(text)}, got ${JSON.stringify(found.map((f) => f.text))}`);
  return found[0];
}

/** The figure's essentials, for compact deepEqual assertions. */
export function brief(f: FigureAnnotation): { text: string; value: number; unit: string; qualifier: string; counts: string | null } {
  return { text: f.text, value: f.value, unit: f.unit, qualifier: f.qualifier, counts: f.counts };
}

/** An organisation mention at the first occurrence of `name` in `text`. */
export function org(text: string, name: string, entityId: string, orgType: OrganisationType = 'police-force', from = 0): OrganisationAnnotation {
  const start = text.indexOf(name, from);
  if (start < 0) throw new Error(`${name} not in text`);
  return {
    kind: 'organisation',
    id: `organisation:${start}-${start + name.length}`,
    start,
    end: start + name.length,
    text: name,
    line: 0,
    source: 'lexicon',
    entityId,
    canonical: name,
    orgType,
    known: true,
  };
}
