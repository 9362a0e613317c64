import type { Span } from '../types';

/** What a person is in the story, as far as the reporting rules care. */
export type PersonRole = 'suspect' | 'charged' | 'convicted' | 'victim' | 'witness' | 'officer';

export type Gender = 'male' | 'female';

/**
 * How a person is referred to: by name ("Tom Reed"), by part of it ("Reed", "Mr Reed", "Tom"), by a
 * description ("a 15-year-old boy", "the teenager") or by a pronoun ("he").
 */
export type MentionKind = 'name' | 'short-name' | 'description' | 'pronoun';

export interface PersonMention extends Span {
  readonly kind: MentionKind;
  /** Exactly the text at [start, end). */
  readonly text: string;
  /** Index into the analysis's sentences. */
  readonly sentence: number;
}

/** Evidence for a role: the cue that gave it and where it stands. */
export interface RoleEvidence extends Span {
  readonly role: PersonRole;
  /** The id of the cue in reporting.json (or `title` for an officer's title). */
  readonly cue: string;
  readonly sentence: number;
  /** True when the cue speaks of an earlier case ("was jailed in 2019"), not this one. */
  readonly previous?: boolean;
}

export interface Person {
  /** Stable within one analysis: `person:${first mention start}`. */
  readonly id: string;
  /** The full name as first written, for a named person. */
  readonly name?: string;
  readonly mentions: readonly PersonMention[];
  readonly roles: readonly RoleEvidence[];
  readonly age?: number;
  /** Under 18: by a stated age, a description ("a 15-year-old boy", "schoolgirl") or an appearance in the youth court. */
  readonly minor: boolean;
  readonly gender?: Gender;
  /** The town or area the text places them in ("of Elm Street, Hull" gives "Hull"). */
  readonly place?: string;
  /** The apposition after the first naming (", 16, of Elm Street, Hull,"), which a description replaces with the name. */
  readonly firstNamingSpan?: Span;
}

export interface PeopleAnalysis {
  readonly people: readonly Person[];
  /** Sentences that form the headline (the first lines before the body). */
  readonly headline: ReadonlySet<number>;
}
