// PLACEHOLDER — replaced by the lexicon work (issue 3). Signatures are the contract.
import type { LineIndex } from '../text/lines';
import type { LegalTermAnnotation, OrganisationAnnotation, Span } from '../types';

/** Additions a workspace makes to the built-in lexicon (the `.crime-annotator/lexicon.json` file). */
export interface LexiconExtension {
  readonly organisations?: readonly unknown[];
  readonly legalTerms?: readonly unknown[];
}

export interface CompiledLexicon {
  readonly version: string;
}

export function compileLexicon(_extension?: LexiconExtension): CompiledLexicon {
  return { version: 'placeholder' };
}

/** Checks a parsed workspace lexicon file; returns problems with their JSON paths (empty when valid). */
export function validateLexiconExtension(_value: unknown): string[] {
  return [];
}

export interface EntityContext {
  readonly lineIndex: LineIndex;
  readonly sentences: readonly Span[];
}

export function findEntities(_text: string, _lexicon: CompiledLexicon, _ctx: EntityContext): (OrganisationAnnotation | LegalTermAnnotation)[] {
  return [];
}
