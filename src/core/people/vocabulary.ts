/**
 * The vocabulary of the people finder and the reporting rules, compiled once from
 * lexicon/data/reporting.json and person-names.json. In the data a space means any run of whitespace.
 */
import data from '../lexicon/data/reporting.json';
import names from '../lexicon/data/person-names.json';
import ukNames from '../lexicon/data/first-names-uk.json';
import type { Gender, PersonRole } from './types';

/**
 * A letter, written without the u flag: the data's patterns are English words, and a regular
 * expression without u lets the engine skip ahead to a literal's first character, which the
 * whole-document scans depend on for speed.
 */
const LETTER = 'A-Za-z\\u00C0-\\u024F';
const NOT_LETTER_AFTER = `(?![${LETTER}])`;
const NOT_LETTER_BEFORE = `(?<![${LETTER}])`;

const spaced = (pattern: string) => pattern.replace(/ /g, '\\s+');
const alternatives = (patterns: readonly string[]) => `(?:${patterns.map(spaced).join('|')})`;

export interface RoleCue {
  readonly id: string;
  readonly role: PersonRole;
  readonly attach: 'before' | 'after';
  readonly headlineOnly: boolean;
  /** Global, case-insensitive, whole words. */
  readonly re: RegExp;
  /** Words every match contains: only sentences holding one are searched. */
  readonly triggers: readonly string[];
}

export const ROLE_CUES: readonly RoleCue[] = data.roleCues.map((c) => ({
  id: c.id,
  role: c.role as PersonRole,
  attach: c.attach as 'before' | 'after',
  headlineOnly: 'headlineOnly' in c && c.headlineOnly === true,
  triggers: c.triggers,
  // No leading look-behind: it would stop the engine skipping ahead to a cue's first letter; roles.ts checks the letter before.
  re: new RegExp(`${spaced(c.pattern)}${NOT_LETTER_AFTER}`, 'gi'),
}));

export interface DescriptionNoun {
  readonly gender?: Gender;
  readonly minor: boolean;
}

export const DESCRIPTION_NOUNS: ReadonlyMap<string, DescriptionNoun> = new Map(
  data.descriptions.nouns.map((n) => [n.text, { gender: 'gender' in n ? (n.gender as Gender) : undefined, minor: 'minor' in n && n.minor === true }]),
);

const nounAlternatives = [...DESCRIPTION_NOUNS.keys()].sort((a, b) => b.length - a.length).join('|');
/**
 * "a 15-year-old boy", "the teenager", "a teenage girl", "the 16-year-old", "a woman, 32,": a
 * determiner, optional age or youth adjectives, and a noun (or the age alone as the noun).
 */
export const DESCRIPTION_RE = new RegExp(
  `\\b(a|an|the|this|that)\\s+(?:(?:young|teenage|teenaged|local|second|third|fourth|other|older|younger|same)\\s+)*(?:(\\d{1,2})[- ]year[- ]old(?:\\s+(${nounAlternatives})s?)?|(${nounAlternatives}))\\b`,
  'gi',
);
/** Words every description holds: its noun, or "year" of "15-year-old". */
export const DESCRIPTION_TRIGGERS: readonly string[] = ['year', ...DESCRIPTION_NOUNS.keys(), ...[...DESCRIPTION_NOUNS.keys()].map((n) => `${n}s`)];

export const HONORIFICS: ReadonlyMap<string, Gender | undefined> = new Map(
  data.honorifics.map((h) => [h.text, 'gender' in h ? (h.gender as Gender) : undefined]),
);

/** An officer's, official's or professional's title right before a name, anchored at the end. */
export const OFFICER_TITLE_BEFORE_RE = new RegExp(`(?:^|[^\\p{L}])${alternatives(data.officerTitles.patterns)}\\.?\\s+$`, 'u');
/** The same titles at the start of a run of capitalised words ("Detective Inspector Jo Lane"). */
export const OFFICER_TITLE_START_RE = new RegExp(`^${alternatives(data.officerTitles.patterns)}\\.?\\s+`, 'u');

export const PENDING_RE = new RegExp(`\\b${alternatives(data.stageCues.pending)}${NOT_LETTER_AFTER}`, 'gi');
export const PENDING_TRIGGERS: readonly string[] = data.stageCues.pendingTriggers;
export const FOR_SENTENCE_RE = new RegExp(alternatives(data.stageCues.forSentence), 'i');

const guiltNouns = alternatives(data.guilt.nouns);
const knownPrefix = spaced(data.guilt.knownPrefix);
/** "drug dealer", "known dealer", "serial burglar" as a phrase, without its article. */
export const GUILT_NOUN_RE = new RegExp(`(?<![${LETTER}-])(?:${knownPrefix}\\s+)?${guiltNouns}s?${NOT_LETTER_AFTER}`, 'gi');
/** "the killer", "the dealer": nouns that name a person by the crime itself, which a story about an active case must not use of anyone. */
export const STRONG_GUILT_RE = new RegExp(`\\bthe\\s+(${alternatives(data.guilt.strongNouns)})s?${NOT_LETTER_AFTER}`, 'gi');
/** The nouns' last words and their plurals: every guilt-noun phrase holds one. */
export const GUILT_TRIGGERS: readonly string[] = [
  ...new Set([...data.guilt.nouns, ...data.guilt.strongNouns].map((p) => /([a-z]+)\)?\??$/i.exec(p)![1].toLowerCase())),
].flatMap((w) => [w, `${w}s`]);
/** "a known dealer": a guilt noun qualified as known, which asserts guilt with or without a name. */
export const KNOWN_GUILT_RE = new RegExp(`\\b${knownPrefix}\\s+(?:[${LETTER}-]+\\s+)?${guiltNouns}s?${NOT_LETTER_AFTER}`, 'gi');
/** ", who sold the drugs": a relative clause that says the person did it. */
export const GUILT_RELATIVE_RE = new RegExp(
  `^\\s*,?\\s*who\\s+(?:(?:had|has|have)\\s+(?:been\\s+)?)?${alternatives(data.guilt.relativeVerbs)}${NOT_LETTER_AFTER}[^,.;:!?\\n]*`,
  'i',
);
/** "Reed sold cocaine": the person named as the subject of a past-tense offence verb. */
export const GUILT_VERB_AFTER_RE = new RegExp(
  `^\\s+(?:then\\s+|also\\s+|repeatedly\\s+|later\\s+)?${alternatives(data.guilt.relativeVerbs)}${NOT_LETTER_AFTER}[^,.;:!?\\n]*`,
  'i',
);
export const HEDGE_RE = new RegExp(`${NOT_LETTER_BEFORE}${spaced(data.guilt.hedges)}`, 'i');
// Scanned over whole documents: `\\b` rather than a look-behind, so the engine can skip to candidate words (these patterns begin with ASCII letters).
export const PREVIOUS_TRIGGERS: readonly string[] = data.guilt.previousTriggers;
export const PREVIOUS_CONVICTIONS_RE = new RegExp(`\\b${alternatives(data.guilt.previousConvictions)}${NOT_LETTER_AFTER}`, 'gi');
/** Reporting what a court or the prosecution said is not asserting it ("The jury heard Reed sold ..."). */
export const ATTRIBUTED_RE =
  /\b(?:the\s+(?:court|jury|trial|hearing)\s+(?:heard|was\s+told|has\s+heard)|told\s+(?:the\s+)?(?:court|jury|magistrates)|prosecut\w*\s*,?\s+(?:said|says|say|told|allege\w*|claim\w*)|it\s+(?:is|was)\s+(?:alleged|claimed)|(?:police|prosecutors|detectives|officers)\s+(?:allege|say|believe|claim))\b/i;

export const RESTRICTIONS_LIFTED_RE = new RegExp(alternatives(data.exceptions.restrictionsLifted), 'i');
export const CANNOT_BE_NAMED_RE = new RegExp(alternatives(data.exceptions.cannotBeNamed), 'i');
export const CONSENT_RE = new RegExp(alternatives(data.exceptions.consentToBeNamed), 'i');
export const DEATH_RE = new RegExp(`${NOT_LETTER_BEFORE}${spaced(data.exceptions.death)}${NOT_LETTER_AFTER}`, 'i');

export const PROTECTED_TERM_IDS: ReadonlySet<string> = new Set(data.protectedOffences.termIds);
export const PROTECTED_WORDS_RE = new RegExp(`\\b${spaced(data.protectedOffences.words)}${NOT_LETTER_AFTER}`, 'i');

export const NOT_NAMES: ReadonlySet<string> = new Set(data.notNames.words);
export const STREET_WORDS: ReadonlySet<string> = new Set(data.notNames.streetWords);
export const STREET_OR_SURNAME_WORDS: ReadonlySet<string> = new Set(data.notNames.streetOrSurnameWords);
export const LABELS_BEFORE_NAMES: ReadonlySet<string> = new Set(data.notNames.labels);

export interface ReportingRuleData {
  readonly id: string;
  readonly title: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly statute: string;
  readonly explanation: string;
  readonly example: string;
  /** Legal-term ids of the statutes (legal-terms.json). */
  readonly statuteTerms: readonly string[];
  /** Its switch: `crimeAnnotator.legalChecks.<setting>`. */
  readonly setting: string;
}

export const RULES: readonly ReportingRuleData[] = data.rules as ReportingRuleData[];

const male = new Set([...names.male, ...ukNames.male]);
const female = new Set([...names.female, ...ukNames.female]);
const unisex = new Set([...names.unisex, ...ukNames.unisex]);
const surnames = new Set(names.surname);
const places = new Set(names.place);

/** What compromise's lexicon says of a word as a first name: its usual sex, `unknown` for a name of either, or undefined for no name. */
export function firstNameGender(word: string): Gender | 'unknown' | undefined {
  const w = word.toLowerCase();
  const m = male.has(w);
  const f = female.has(w);
  if (m && !f) return 'male';
  if (f && !m) return 'female';
  if (m || f || unisex.has(w)) return 'unknown';
  return undefined;
}

export function isKnownSurname(word: string): boolean {
  return surnames.has(word.toLowerCase());
}

/** Is the run of words a place compromise knows ("Leeds", "Abu Dhabi")? */
export function isKnownPlace(words: string): boolean {
  return places.has(words.toLowerCase());
}
