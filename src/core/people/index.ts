/**
 * The people in a document: who is mentioned, how old they are, and what they are in the story
 * (suspect, defendant, convicted, victim, witness, officer). The pre-publication checks read it;
 * nothing here decides what is a risk.
 */
import type { Annotation, Span } from '../types';
import { findDescriptions, findNames, findPronouns, findShortNames, sentenceFinder } from './mentions';
import { buildPeople, mergeDescriptions } from './persons';
import { buildWordIndex, type WordIndex } from './wordIndex';
import { assignRoles, findCues, previousConvictionSpans, type UnattachedCue } from './roles';
import type { PeopleAnalysis, Person } from './types';

export type { Gender, MentionKind, PeopleAnalysis, Person, PersonMention, PersonRole, RoleEvidence } from './types';
export type { UnattachedCue } from './roles';

export interface PeopleInput {
  readonly text: string;
  readonly sentences: readonly Span[];
  readonly annotations: readonly Annotation[];
}

export interface PeopleResult extends PeopleAnalysis {
  readonly unattachedCues: readonly UnattachedCue[];
  /** Where the text speaks of convictions in earlier cases ("has previous convictions for"). */
  readonly previousConvictions: readonly Span[];
  /** Which sentences hold which words, for rules that search only where their trigger words are. */
  readonly words: WordIndex;
}

const YOUTH_COURT_RE = /\byouth\s+court\b/i;

export function findPeople(input: PeopleInput): PeopleResult {
  const { text, sentences } = input;
  if (sentences.length === 0) return { people: [], headline: new Set(), unattachedCues: [], previousConvictions: [], words: buildWordIndex('', []) };
  const sentenceOf = sentenceFinder(sentences);
  // Names never sit inside an organisation's or a legal term's name ("Lord Justice Reed" aside, which titles handle).
  const entities = input.annotations.filter((a) => a.kind === 'organisation' || a.kind === 'legal-term');
  const words = buildWordIndex(text, sentences);
  const names = findNames(text, sentenceOf, entities);
  const descriptions = findDescriptions(text, sentenceOf, entities, { sentences, words });
  const shortNames = findShortNames(text, sentenceOf, names, entities);

  const pronouns = findPronouns(text, sentenceOf);
  const headline = headlineSentences(text, sentences);
  const built = buildPeople(text, names, shortNames, descriptions, pronouns);
  const previousConvictions = previousConvictionSpans(text, sentences, words);
  const cues = findCues(text, sentences, headline, previousConvictions, words);
  const first = assignRoles(text, cues, built);
  const drafts = mergeDescriptions(built, (p) => first.roles.get(p) ?? []);
  // Joining a description to a name changes whose mention is nearest a cue: give the cues out again.
  const { roles, unattached } = drafts.length === built.length ? first : assignRoles(text, cues, drafts);
  const people: Person[] = drafts.map((d) => {
    const evidence = (roles.get(d) ?? []).sort((a, b) => a.start - b.start);
    const mentions = [...d.mentions].sort((a, b) => a.start - b.start);
    // The youth court hears only those under 18: appearing there says the person is a child.
    const inYouthCourt = evidence.some(
      (e) => (e.role === 'charged' || e.role === 'convicted') && YOUTH_COURT_RE.test(text.slice(sentences[e.sentence].start, sentences[e.sentence].end)),
    );
    return {
      id: d.id,
      ...(d.name ? { name: d.name } : {}),
      mentions,
      roles: evidence,
      ...(d.age !== undefined ? { age: d.age } : {}),
      minor: d.age !== undefined ? d.age < 18 : d.minorByDescription || inYouthCourt,
      ...(d.gender ? { gender: d.gender } : {}),
      ...(d.place ? { place: d.place } : {}),
      ...(d.firstNamingSpan ? { firstNamingSpan: d.firstNamingSpan } : {}),
    };
  });
  return { people, headline, unattachedCues: unattached, previousConvictions, words };
}

/**
 * The headline: the document's first line when more text follows it and it does not read as a
 * sentence of the body (no full stop at its end, or short and followed by a blank line).
 */
function headlineSentences(text: string, sentences: readonly Span[]): Set<number> {
  const out = new Set<number>();
  const firstLine = /^\s*([^\n]*)(\r?\n|$)/.exec(text);
  if (!firstLine || firstLine[2] === '') return out;
  const lineStart = text.indexOf(firstLine[1]);
  const lineEnd = lineStart + firstLine[1].length;
  const line = firstLine[1].trim();
  const followedByBlank = /^\r?\n\s*\r?\n/.test(text.slice(lineEnd));
  if (/[.]$/.test(line) && !(followedByBlank && line.length <= 160)) return out;
  sentences.forEach((s, i) => {
    if (s.start < lineEnd && s.end > lineStart) out.add(i);
  });
  return out;
}
