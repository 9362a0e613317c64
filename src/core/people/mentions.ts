/**
 * Person mentions in a document: names ("Tom Reed", "Detective Inspector Jo Lane"), descriptions
 * ("a 15-year-old boy", "the teenager") and pronouns. Joining them into people is persons.ts's job.
 */
import type { Span } from '../types';
import type { Gender } from './types';
import { matchesIn, type WordIndex } from './wordIndex';
import {
  DESCRIPTION_NOUNS,
  DESCRIPTION_RE,
  DESCRIPTION_TRIGGERS,
  HONORIFICS,
  LABELS_BEFORE_NAMES,
  NOT_NAMES,
  OFFICER_TITLE_BEFORE_RE,
  OFFICER_TITLE_START_RE,
  STREET_OR_SURNAME_WORDS,
  STREET_WORDS,
  firstNameGender,
  isKnownPlace,
  isKnownSurname,
} from './vocabulary';

/** A capitalised word of a name: "Reed", "McAllister", "O'Neill", "Smith-Jones". */
/*
 * Names in Latin script (with its accented letters): written without the u flag, which would make the
 * whole-document scan for capitalised runs about ten times slower. Names in other scripts are not found.
 */
const UPPER = 'A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE';
const LOWER = 'a-z\\u00DF-\\u00F6\\u00F8-\\u00FF\\u0100-\\u024F';
const CAP = `[${UPPER}][${LOWER}][A-Za-z\\u00C0-\\u024F'’-]*|[${UPPER}]['’][${UPPER}][${LOWER}]+`;
const PARTICLES = 'de|da|di|del|van|von|der|den|bin|binti|bint|al|el|le|la|du|dos|ibn';
const RUN_RE = new RegExp(`(?:${CAP})(?:[ \\t]+(?:(?:${PARTICLES})[ \\t]+)?(?:${CAP}))*`, 'g');
const TOKEN_RE = new RegExp(`${CAP}|${PARTICLES}`, 'g');
/** What may not stand right before a name's first letter: a letter, a digit, an apostrophe or a hyphen. */
const NOT_BEFORE_NAME_RE = /[\p{L}\d'’-]/u;

export interface NameMention extends Span {
  readonly text: string;
  /** The words of the name, possessive removed ("Reed's" is "Reed"). */
  readonly tokens: readonly string[];
  readonly sentence: number;
  readonly title?: { readonly text: string; readonly officer: boolean; readonly gender?: Gender };
  readonly gender?: Gender;
  /** True when the name was taken only because a first name alone was given with an age or a role ("Amy, 15,"). */
  readonly firstNameOnly?: boolean;
}

export interface DescriptionMention extends Span {
  readonly text: string;
  readonly sentence: number;
  readonly definite: boolean;
  readonly noun?: string;
  readonly age?: number;
  readonly gender?: Gender;
  readonly minor: boolean;
}

export interface PronounMention extends Span {
  readonly text: string;
  readonly sentence: number;
  readonly gender: Gender;
}

export type SentenceOf = (offset: number) => number;

/** Finds the sentence index of an offset by binary search over sorted, non-overlapping sentences. */
export function sentenceFinder(sentences: readonly Span[]): SentenceOf {
  return (offset) => {
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sentences[mid].end <= offset) lo = mid + 1;
      else if (sentences[mid].start > offset) hi = mid - 1;
      else return mid;
    }
    return Math.max(0, Math.min(lo, sentences.length - 1));
  };
}

const AGE_AFTER_RE = /^\s*(?:,\s*(?:aged\s+)?\d{1,2}\s*(?:,|\)|and\b|\.|$)|\(\s*\d{1,2}\s*\)|,?\s+aged\s+\d{1,2}\b)/;
const AGE_BEFORE_RE = /\b\d{1,2}[- ]year[- ]old\s+$/i;
const NAMED_BEFORE_RE = /\b(?:named(?:\s+[\w']+){0,3}?\s+as|named|identified\s+as|(?<!so-)called|victim|complainant|survivor|defendant|accused)\s*,?\s*$/i;
const LOCATIVE_BEFORE_RE = /\b(?:in|at|from|near|across|around|outside|inside|into|throughout|towards|via|between)\s+$/i;
const ROLE_VERB_AFTER_RE =
  /^\s*(?:,[^,.;]{1,60},\s*)?(?:was|were|has\s+been|had\s+been|appeared|appears|pleaded|admitted|denies|denied|is\s+(?:accused|charged|due)|who\s+(?:was|is|had|has))\b/;

interface Blocked {
  /** Does [start, end) overlap an organisation or legal term? Returns the first overlapping span's start or -1. */
  firstOverlap(start: number, end: number): Span | undefined;
}

function blockedBy(spans: readonly Span[]): Blocked {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  return {
    firstOverlap(start, end) {
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid].end <= start) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < sorted.length && sorted[i].start < end; i++) if (sorted[i].end > start) return sorted[i];
      return undefined;
    },
  };
}

interface Token extends Span {
  readonly word: string;
}

function tokensOf(text: string, start: number, end: number): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  const slice = text.slice(start, end);
  for (const m of slice.matchAll(TOKEN_RE)) out.push({ word: m[0], start: start + m.index!, end: start + m.index! + m[0].length });
  return out;
}

const stripPossessive = (w: string) => w.replace(/['’]s$/, '');

/** Could the word before a run end an officer's title ("PC", "Sgt", "prosecuting")? Only then is the long title pattern tried. */
function mayBeTitle(word: string | undefined): boolean {
  return word !== undefined && (/^[A-Z]{2,5}$/.test(word) || /^[a-z]/.test(word) || /^(?:Sgt|Supt|Insp|Con|Cdr|Cllr|Det|Ch)$/.test(word));
}

/**
 * Names of people: runs of capitalised words that are not an organisation, a legal term, a street or
 * a sentence's first word, and that something marks as a person's (a first name compromise knows, a
 * title, an age after them, "named as" before them, or a court-process verb after them).
 */
export function findNames(text: string, sentenceOf: SentenceOf, entities: readonly Span[]): NameMention[] {
  const blocked = blockedBy(entities);
  const out: NameMention[] = [];
  RUN_RE.lastIndex = 0;
  for (const m of text.matchAll(RUN_RE)) {
    let start = m.index!;
    let end = start + m[0].length;
    if (start > 0 && NOT_BEFORE_NAME_RE.test(text[start - 1])) continue;
    // Most runs are one capitalised word ("The", "Kent", "Operation"): one can only be a name if it is a
    // first name, or has an officer's abbreviated title before it ("PC Reed"). Later mentions by surname
    // alone are findShortNames's.
    if (!/\s/.test(m[0])) {
      const word = stripPossessive(m[0]);
      if (NOT_NAMES.has(word) || HONORIFICS.has(word)) continue;
      if (firstNameGender(word) === undefined && !mayBeTitle(/([A-Za-z]+)\.?\s+$/.exec(text.slice(Math.max(0, start - 12), start))?.[1])) continue;
    }
    const entity = blocked.firstOverlap(start, end);
    // "Tom Reed Leeds Crown Court" cannot happen, but "Judge Jo Lane" inside a court's name can: keep what precedes the entity.
    if (entity) {
      if (entity.start <= start) continue;
      end = entity.start;
    }
    let tokens = tokensOf(text, start, end);
    let title: NameMention['title'];
    const before = text.slice(Math.max(0, start - 40), start);
    // Titles before a run are abbreviations ("PC", "Det Sgt" is inside the run) or lower-case ("prosecuting"):
    // test the long pattern only when the word before could be one.
    const titleBefore = mayBeTitle(/([A-Za-z]+)\.?\s+$/.exec(before)?.[1]) ? OFFICER_TITLE_BEFORE_RE.exec(before) : null;
    if (titleBefore) title = { text: titleBefore[0].trim(), officer: true };
    // A title written in capitals is part of the run: "Detective Inspector Jo Lane".
    const runText = text.slice(start, end);
    const titleStart = OFFICER_TITLE_START_RE.exec(runText);
    if (titleStart && titleStart[0].length < runText.length) {
      title = { text: titleStart[0].trim(), officer: true };
      tokens = tokens.filter((t) => t.start >= start + titleStart[0].length);
    }
    while (tokens.length > 0 && (NOT_NAMES.has(tokens[0].word) || HONORIFICS.has(tokens[0].word))) {
      const word = tokens[0].word;
      if (HONORIFICS.has(word)) title = { text: word, officer: false, gender: HONORIFICS.get(word) };
      else title = undefined;
      tokens = tokens.slice(1);
    }
    // "Ringleader Tariq Nolan", "Trafficker Dean Royle": a capitalised label before a first name is not part of the name.
    while (
      tokens.length >= 2 &&
      (LABELS_BEFORE_NAMES.has(tokens[0].word) ||
        (firstNameGender(tokens[0].word) === undefined && !isKnownSurname(tokens[0].word) && firstNameGender(tokens[1].word) !== undefined))
    )
      tokens = tokens.slice(1);
    // A word that is never a name ends the name: "Reed On Monday" cannot be written, "Reed Police" can.
    const cut = tokens.findIndex((t, i) => i > 0 && NOT_NAMES.has(stripPossessive(t.word)));
    if (cut > 0) tokens = tokens.slice(0, cut);
    while (tokens.length > 0 && /^(?:de|da|di|del|van|von|der|den|bin|binti|bint|al|el|le|la|du|dos|ibn)$/.test(tokens[tokens.length - 1].word))
      tokens = tokens.slice(0, -1);
    if (tokens.length === 0 || tokens.length > 4) continue;
    const words = tokens.map((t) => stripPossessive(t.word));
    const last = words[words.length - 1];
    // "Quarry Road" is a street; "Mill Lane" too, but "Sam Hill" is a man.
    if (STREET_WORDS.has(last) || isKnownPlace(words.join(' '))) continue;
    if (STREET_OR_SURNAME_WORDS.has(last) && (words.length === 1 || firstNameGender(words[0]) === undefined) && !title) continue;
    start = tokens[0].start;
    // "Miss Clarke": an honorific belongs to the mention (a description replaces both), an officer's title does not.
    const honorificBefore = title && !title.officer ? new RegExp(`${title.text}\\.?\\s+$`).exec(text.slice(Math.max(0, start - 6), start)) : null;
    const mentionStart = honorificBefore ? start - honorificBefore[0].length : start;
    end = tokens[tokens.length - 1].start + words[words.length - 1].length;
    const after = text.slice(end, Math.min(text.length, end + 80));
    const precedingText = text.slice(Math.max(0, start - 40), start);
    const firstGender = firstNameGender(words[0]);
    // Cheapest tests first: most runs are decided by a title or a known first name.
    const marked = () => AGE_AFTER_RE.test(after) || AGE_BEFORE_RE.test(precedingText) || NAMED_BEFORE_RE.test(precedingText);
    let accepted: boolean;
    let firstNameOnly = false;
    if (title) accepted = true;
    else if (words.length >= 2 && firstGender !== undefined) accepted = true;
    else if (words.length >= 2) {
      // "in Greater Manchester", "from Bewbush": after a preposition of place, an unmarked run is a place.
      const isMarked = marked();
      accepted = isMarked || (!LOCATIVE_BEFORE_RE.test(precedingText) && isKnownSurname(words[words.length - 1]) && ROLE_VERB_AFTER_RE.test(after));
    } else {
      accepted = firstGender !== undefined && marked();
      firstNameOnly = accepted;
    }
    if (!accepted) continue;
    const gender = title?.gender ?? (firstGender === 'male' || firstGender === 'female' ? firstGender : undefined);
    out.push({
      start: mentionStart,
      end,
      text: text.slice(mentionStart, end),
      tokens: words,
      sentence: sentenceOf(start),
      ...(title ? { title } : {}),
      ...(gender ? { gender } : {}),
      ...(firstNameOnly ? { firstNameOnly } : {}),
    });
  }
  return out;
}

/** Later mentions by part of a name: "Reed", "Mr Reed", "Tom" (only where that part names one person). */
export function findShortNames(text: string, sentenceOf: SentenceOf, names: readonly NameMention[], entities: readonly Span[]): NameMention[] {
  const byPart = new Map<string, NameMention[]>();
  const add = (part: string, n: NameMention) => {
    const list = byPart.get(part) ?? [];
    if (!list.some((x) => x.tokens.join(' ') === n.tokens.join(' '))) list.push(n);
    byPart.set(part, list);
  };
  for (const n of names) {
    if (n.tokens.length < 2) continue;
    add(n.tokens[n.tokens.length - 1], n);
    add(n.tokens[0], n);
  }
  if (byPart.size === 0) return [];
  const blocked = blockedBy([...entities, ...names]);
  const out: NameMention[] = [];
  const re = new RegExp(
    `(?<![\\p{L}\\d'’-])(?:(Mr|Mrs|Ms|Miss|Mx|Dr)\\.?\\s+)?(${[...byPart.keys()].map(escapeRegExp).join('|')})(?:['’]s)?(?![\\p{L}'’-])`,
    'gu',
  );
  for (const m of text.matchAll(re)) {
    const start = m.index!;
    const end = start + m[0].length - (/['’]s$/.test(m[0]) ? 2 : 0);
    if (blocked.firstOverlap(start, end)) continue;
    const part = m[2];
    const owners = byPart.get(part)!;
    const owner = owners.length === 1 ? owners[0] : undefined;
    if (!owner) continue;
    const honorific = m[1];
    const gender = honorific ? HONORIFICS.get(honorific) : undefined;
    out.push({
      start,
      end,
      text: text.slice(start, end),
      tokens: owner.tokens,
      sentence: sentenceOf(start),
      ...(honorific ? { title: { text: honorific, officer: false, gender } } : {}),
      ...(gender ? { gender } : {}),
    });
  }
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "a 15-year-old boy", "the teenager", "the 16-year-old". */
export function findDescriptions(
  text: string,
  sentenceOf: SentenceOf,
  entities: readonly Span[],
  search?: { readonly sentences: readonly Span[]; readonly words: WordIndex },
): DescriptionMention[] {
  const blocked = blockedBy(entities);
  const out: DescriptionMention[] = [];
  const matches = search
    ? matchesIn(text, search.sentences, search.words, DESCRIPTION_TRIGGERS, DESCRIPTION_RE)
    : [...text.matchAll(DESCRIPTION_RE)].map((groups) => ({ index: groups.index!, groups }));
  for (const { index, groups: m } of matches) {
    const start = index;
    const end = start + m[0].length;
    if (blocked.firstOverlap(start, end)) continue;
    const determiner = m[1].toLowerCase();
    const age = m[2] ? Number(m[2]) : undefined;
    const noun = (m[3] ?? m[4])?.toLowerCase();
    const info = noun ? DESCRIPTION_NOUNS.get(noun) : undefined;
    // "a man in his 30s" is an adult, "a teenage boy" a child; a bare "the 15-year-old" is a child by its age.
    const minor = age !== undefined ? age < 18 : info?.minor === true;
    out.push({
      start,
      end,
      text: m[0],
      sentence: sentenceOf(start),
      definite: determiner === 'the' || determiner === 'this' || determiner === 'that',
      ...(noun ? { noun } : {}),
      ...(age !== undefined ? { age } : {}),
      ...(info?.gender ? { gender: info.gender } : {}),
      minor,
    });
  }
  return out;
}

const PRONOUN_RE = /\b(he|him|his|himself|she|her|hers|herself)\b/gi;
const MALE_PRONOUNS = new Set(['he', 'him', 'his', 'himself']);

export function findPronouns(text: string, sentenceOf: SentenceOf): PronounMention[] {
  const out: PronounMention[] = [];
  for (const m of text.matchAll(PRONOUN_RE)) {
    const gender: Gender = MALE_PRONOUNS.has(m[1].toLowerCase()) ? 'male' : 'female';
    out.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], sentence: sentenceOf(m.index!), gender });
  }
  return out;
}
