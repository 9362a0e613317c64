import type { LegalCategory, LegalStage, OrganisationType } from '../types';

/**
 * A name as written in text. A plain string uses the default case rule (see docs/lexicon.md):
 * acronyms must be in capitals and the alias's first capitalised word must be capitalised.
 */
export type AliasSpec = string | AliasOptions;

export interface AliasOptions {
  readonly text: string;
  /** `exact`: every letter's case must match. `insensitive`: case is ignored. */
  readonly match?: 'exact' | 'insensitive';
  /** The word (or words: "sentenced to") before must be one of these (any case); they are not part of the annotation. */
  readonly after?: readonly string[];
  /** Not annotated when the word before is one of these (any case): "does not warrant" is a verb. */
  readonly notAfter?: readonly string[];
  /** Not annotated when the next word is one of these (any case). */
  readonly notBefore?: readonly string[];
  /** Not annotated as the first word of a sentence or line, where a capital says nothing. */
  readonly notSentenceStart?: boolean;
}

export interface OrganisationEntry {
  readonly id: string;
  readonly canonical: string;
  readonly type: OrganisationType;
  readonly aliases: readonly AliasSpec[];
  readonly region?: string;
  readonly url?: string;
}

export interface LegalTermEntry {
  readonly id: string;
  readonly canonical: string;
  readonly category: LegalCategory;
  readonly statute?: string;
  /** Plain English, one or two sentences. */
  readonly definition: string;
  readonly aliases: readonly AliasSpec[];
  /** Whether the plural of each alias's last word is matched too (default true). */
  readonly plural?: boolean;
  readonly url?: string;
  /** For a court-process step or disposal: where in the process the person stands. */
  readonly stage?: LegalStage;
}

/** Additions a workspace makes to the built-in lexicon (the `.crime-annotator/lexicon.json` file). */
export interface LexiconExtension {
  readonly organisations?: readonly unknown[];
  readonly legalTerms?: readonly unknown[];
  /** Phrases never to annotate, matched as whole words in any case. */
  readonly ignore?: readonly unknown[];
}

export const ORGANISATION_TYPES: readonly OrganisationType[] = [
  'police-force',
  'national-agency',
  'regional-unit',
  'government',
  'prosecutor',
  'inspectorate',
  'court',
  'council',
  'charity',
  'media',
  'other',
];

export const LEGAL_CATEGORIES: readonly LegalCategory[] = [
  'offence',
  'legislation',
  'drug-classification',
  'order',
  'police-power',
  'court-process',
  'sentence',
  'safeguarding',
];

export const LEGAL_STAGES: readonly LegalStage[] = [
  'investigation',
  'charge',
  'pre-trial',
  'trial',
  'verdict',
  'sentence',
  'post-sentence',
  'appeal',
  'inquest',
];

export function aliasText(alias: AliasSpec): string {
  return typeof alias === 'string' ? alias : alias.text;
}
