// PLACEHOLDER — replaced by the figures work (issue 3). Signature is the contract.
import type { CompiledLexicon } from '../lexicon';
import type { LineIndex } from '../text/lines';
import type { FigureAnnotation, LegalTermAnnotation, OrganisationAnnotation, Span } from '../types';

export interface FigureContext {
  readonly lexicon: CompiledLexicon;
  readonly lineIndex: LineIndex;
  readonly sentences: readonly Span[];
  /** Organisations and legal terms already found, sorted by start (for claimants, and to skip "Class A"). */
  readonly entities: readonly (OrganisationAnnotation | LegalTermAnnotation)[];
}

export function findFigures(_text: string, _ctx: FigureContext): FigureAnnotation[] {
  return [];
}
