/**
 * Gives people their roles from the cues of reporting.json: a cue's person is the one mentioned
 * nearest before it in its sentence ("Tom Reed, 15, was charged"), or right after it for an active
 * verb ("Officers arrested Tom Reed"), with people coordinated by "and" sharing it.
 */
import type { Span } from '../types';
import type { PersonDraft } from './persons';
import type { PersonMention, RoleEvidence } from './types';
import { sentenceFinder } from './mentions';
import { PREVIOUS_CONVICTIONS_RE, PREVIOUS_TRIGGERS, ROLE_CUES } from './vocabulary';
import { matchesIn, type WordIndex } from './wordIndex';

const LETTER_RE = /\p{L}/u;

export interface UnattachedCue extends RoleEvidence {}

export interface RoleAssignment {
  readonly roles: ReadonlyMap<PersonDraft, RoleEvidence[]>;
  /** Cues with nobody mentioned near them ("Jailed: drug runner from Leeds"), for rules that can take the only defendant. */
  readonly unattached: readonly UnattachedCue[];
}

const COORDINATED_RE = /^\s*(?:,\s*(?:aged\s+)?\d{1,2}\s*)?(?:,\s*(?:of|from)\s+[^,]{1,40}\s*)?,?\s*(?:and|&)\s+(?:(?:his|her|their)\s+\w+\s+)?$/i;
const AFTER_REACH = 40;
const SUBJECT_BLOCKER_RE =
  /[:"“”]|\b(?:said|says|told|tells|added|explained|warned|stated|believes?|the\s+(?:boys|girls|men|women|children|victims|pair|gang|group|teenagers|youths)|they|police|officers|detectives)\b/i;
/** What may stand between an active cue and its object: determiners, an age, "named as". */
const OBJECT_GAP_RE = /^[\s,:–-]*(?:(?:a|an|the|his|her|their|named|as|was|is|called|\d{1,2}-year-old|young|teenage|local|two|both)[\s,:–-]+)*$/i;
const PREVIOUS_YEAR_AFTER_RE = /^[^.;]{0,40}?\b(?:in\s+(?:19|20)\d\d|years?\s+(?:ago|earlier|before)|previously|last\s+year|before)\b/i;

interface Located {
  readonly person: PersonDraft;
  readonly mention: PersonMention;
}

/** A cue found in the text, before anyone is attached to it. */
export interface CueMatch {
  readonly evidence: RoleEvidence;
  readonly attach: 'before' | 'after';
}

/**
 * Every role cue of the text, read once: one pass per cue over the whole text (cheaper than one per
 * cue and sentence). Cues keep their order in the data, so where two read the same words the earlier,
 * longer one wins ("was jailed" before the headline's bare "jailed").
 */
export function findCues(
  text: string,
  sentences: readonly Span[],
  headline: ReadonlySet<number>,
  previousSpans: readonly Span[],
  words?: WordIndex,
): CueMatch[] {
  const sentenceOf = sentenceFinder(sentences);
  const claimed: Span[] = [];
  const out: CueMatch[] = [];
  for (const cue of ROLE_CUES) {
    // With a word index only the sentences holding a trigger are searched; without one (tests), all of the text.
    const matches = words ? matchesIn(text, sentences, words, cue.triggers, cue.re) : [...text.matchAll(cue.re)].map((m) => ({ index: m.index!, text: m[0] }));
    for (const m of matches) {
      const start = m.index;
      if (start > 0 && LETTER_RE.test(text[start - 1])) continue;
      const end = start + m.text.length;
      const si = sentenceOf(start);
      if (cue.headlineOnly && !headline.has(si)) continue;
      if (claimed.some((c) => c.start <= start && end <= c.end)) continue;
      claimed.push({ start, end });
      const rest = text.slice(end, sentences[si]?.end ?? text.length);
      const previous =
        previousSpans.some((p) => p.start <= start && end <= p.end) ||
        (cue.role === 'convicted' && PREVIOUS_YEAR_AFTER_RE.test(rest) && !/\b(?:today|yesterday|this\s+week|on\s+\w+day)\b/i.test(rest));
      out.push({ attach: cue.attach, evidence: { role: cue.role, cue: cue.id, start, end, sentence: si, ...(previous ? { previous } : {}) } });
    }
  }
  return out;
}

/** Where a conviction in an earlier case is spoken of ("has previous convictions for"), for `findCues` and the rules. */
export function previousConvictionSpans(text: string, sentences: readonly Span[], words?: WordIndex): Span[] {
  const matches = words
    ? matchesIn(text, sentences, words, PREVIOUS_TRIGGERS, PREVIOUS_CONVICTIONS_RE)
    : [...text.matchAll(PREVIOUS_CONVICTIONS_RE)].map((m) => ({ index: m.index!, text: m[0] }));
  return [...matches].map((m) => ({ start: m.index, end: m.index + m.text.length }));
}

/** Gives each cue to its person: the subject before a passive verb, the object after an active one. */
export function assignRoles(text: string, cues: readonly CueMatch[], people: readonly PersonDraft[]): RoleAssignment {
  const bySentence = new Map<number, Located[]>();
  for (const person of people) {
    for (const mention of person.mentions) {
      const list = bySentence.get(mention.sentence) ?? [];
      list.push({ person, mention });
      bySentence.set(mention.sentence, list);
    }
  }
  for (const list of bySentence.values()) list.sort((a, b) => a.mention.start - b.mention.start);
  const roles = new Map<PersonDraft, RoleEvidence[]>();
  const give = (p: PersonDraft, e: RoleEvidence) => {
    const list = roles.get(p) ?? [];
    if (!list.some((x) => x.start === e.start && x.role === e.role)) list.push(e);
    roles.set(p, list);
  };
  for (const p of people) {
    if (!p.officer) continue;
    const first = p.mentions[0];
    give(p, { role: 'officer', cue: 'title', start: first.start, end: first.end, sentence: first.sentence });
  }
  const unattached: UnattachedCue[] = [];
  for (const { evidence, attach } of cues) {
    const located = bySentence.get(evidence.sentence) ?? [];
    const targets = attach === 'before' ? subjectsBefore(text, located, evidence.start) : objectsAfter(text, located, evidence.end);
    if (targets.length === 0) unattached.push(evidence);
    for (const t of targets) give(t.person, evidence);
  }
  return { roles, unattached };
}

/** The person mentioned nearest before `at`, and any coordinated with them ("Tom Reed and Ann Cole were charged"). */
function subjectsBefore(text: string, located: readonly Located[], at: number): Located[] {
  let i = located.length - 1;
  while (i >= 0 && located[i].mention.end > at) i--;
  if (i < 0) return [];
  // "The 15-year-old who stabbed Tom Reed was convicted": a mention that is the object inside a relative clause is not the subject.
  const clauseStart = located[i].mention.start;
  const lead = text.slice(Math.max(0, clauseStart - 60), clauseStart);
  const restrictive = /\b(?:who|that)\s+(?:[\w'’-]+\s+){1,3}$/i.exec(lead);
  if (restrictive) {
    const opener = clauseStart - lead.length + restrictive.index;
    let j = i - 1;
    while (j >= 0 && located[j].mention.end > opener) j--;
    if (j >= 0) i = j;
  }
  // Reported speech or another subject between the mention and the cue: "Jo Lane said the boys were trafficked".
  if (SUBJECT_BLOCKER_RE.test(text.slice(located[i].mention.end, at))) return [];
  // "Tom Reed, 22, who sold pills to the girl near the stage, was arrested": a mention inside a relative clause
  // that closes right before the cue is not its subject; the person the clause hangs on is.
  if (/,\s*$/.test(text.slice(located[i].mention.end, at))) {
    const opener = lastClauseOpener(text.slice(0, located[i].mention.start));
    if (opener >= 0) {
      let j = i - 1;
      while (j >= 0 && located[j].mention.end > opener) j--;
      if (j >= 0) i = j;
    }
  }
  const out = [located[i]];
  for (let j = i - 1; j >= 0; j--) {
    const later = out[out.length - 1];
    if (located[j].person === later.person) continue;
    if (!COORDINATED_RE.test(text.slice(located[j].mention.end, later.mention.start))) break;
    out.push(located[j]);
  }
  return out;
}

/** Where the last ", who" / ", which" clause of `before` opens, or -1. */
function lastClauseOpener(before: string): number {
  let at = -1;
  for (const m of before.matchAll(/,\s*(?:who|whom|whose|which)\b/gi)) at = m.index!;
  // A clause already closed by a later comma is not the one the mention sits in.
  return at >= 0 && !/,/.test(before.slice(at + 1).replace(/^\s*(?:who|whom|whose|which)\b/i, '')) ? at : -1;
}

/** The person mentioned right after `at`, and any coordinated with them ("arrested a boy, 15, and a man, 20"). */
function objectsAfter(text: string, located: readonly Located[], at: number): Located[] {
  const first = located.find((l) => l.mention.start >= at && l.mention.start - at <= AFTER_REACH && OBJECT_GAP_RE.test(text.slice(at, l.mention.start)));
  if (!first) return [];
  const out = [first];
  for (const l of located) {
    const last = out[out.length - 1];
    if (l.mention.start <= last.mention.start || l.person === last.person) continue;
    if (!COORDINATED_RE.test(text.slice(last.mention.end, l.mention.start))) break;
    out.push(l);
  }
  return out;
}
