/**
 * What every reporting rule reads: the document, its people and their stages, with the questions
 * the rules share (is a person in active proceedings, is their case over, where do they stand as the
 * subject of a sentence).
 */
import type { PeopleResult, Person, PersonMention, RoleEvidence } from '../people';
import type { Annotation, Span } from '../types';
import { sentenceFinder } from '../people/mentions';
import { FOR_SENTENCE_RE, PENDING_RE, PENDING_TRIGGERS, RULES, type ReportingRuleData } from '../people/vocabulary';
import { matchesIn } from '../people/wordIndex';
import type { ReportingRuleId } from './types';

export interface RuleContext {
  readonly text: string;
  readonly sentences: readonly Span[];
  readonly annotations: readonly Annotation[];
  readonly people: PeopleResult;
  /** Rule data by id (title, severity, statute, explanation). */
  rule(id: ReportingRuleId): ReportingRuleData;
  sentenceText(index: number): string;
  /** People who are suspects or defendants in this story (not officers, not only victims). */
  readonly defendants: readonly Person[];
  /**
   * The one defendant the story is about, where there is one: the only named defendant, or the only
   * defendant when none is named. "A man has been charged ... Dylan Rees, 27, ..." is one person,
   * whom a headline's bare "jailed" or a later "is due to appear" is about.
   */
  readonly soleDefendant: Person | undefined;
  /** A person's cues for this case, without those about earlier cases ("was jailed in 2019"). */
  currentRoles(p: Person): readonly RoleEvidence[];
  /** Present- or future-tense wording that a hearing is to come, about this person. */
  pendingCues(p: Person): readonly Span[];
  isOfficer(p: Person): boolean;
  /** Mentions by name, the ones a reader identifies the person by. */
  namedMentions(p: Person): readonly PersonMention[];
  /** Is the offset at the start of its sentence (so a replacement must begin with a capital)? */
  startsSentence(offset: number): boolean;
}

const ACCUSED_ROLES = new Set(['suspect', 'charged', 'convicted']);

export function ruleContext(text: string, sentences: readonly Span[], annotations: readonly Annotation[], people: PeopleResult): RuleContext {
  const rules = new Map(RULES.map((r) => [r.id, r]));
  const sentenceText = (i: number) => text.slice(sentences[i].start, sentences[i].end);
  const currentRoles = (p: Person) => p.roles.filter((r) => !r.previous);
  const isOfficer = (p: Person) => p.roles.some((r) => r.role === 'officer');
  const defendants = people.people.filter((p) => !isOfficer(p) && currentRoles(p).some((r) => ACCUSED_ROLES.has(r.role)));
  const named = defendants.filter((p) => p.name);
  const principal = named.length > 0 ? named : defendants;
  const soleDefendant = principal.length === 1 ? principal[0] : undefined;
  const pendingByPerson = new Map<Person, Span[]>();
  // One scan of the whole text: a hearing to come is about the subject before it (or the only defendant),
  // unless its sentence says the hearing is for sentence.
  const sentenceOf = sentenceFinder(sentences);
  const forSentence = new Map<number, boolean>();
  for (const m of matchesIn(text, sentences, people.words, PENDING_TRIGGERS, PENDING_RE)) {
    const at = m.index;
    const si = sentenceOf(at);
    if (!forSentence.has(si)) forSentence.set(si, FOR_SENTENCE_RE.test(sentenceText(si)));
    if (forSentence.get(si)) continue;
    const subject = subjectAt(people.people, si, at);
    const person = subject && subject.name ? subject : (soleDefendant ?? subject);
    if (!person) continue;
    const list = pendingByPerson.get(person) ?? [];
    list.push({ start: at, end: at + m.text.length });
    pendingByPerson.set(person, list);
  }
  return {
    text,
    sentences,
    annotations,
    people,
    rule: (id) => rules.get(id)!,
    sentenceText,
    defendants,
    soleDefendant,
    currentRoles,
    pendingCues: (p) => pendingByPerson.get(p) ?? [],
    isOfficer,
    namedMentions: (p) => p.mentions.filter((m) => m.kind === 'name' || m.kind === 'short-name'),
    startsSentence: (offset) =>
      sentences.some((s) => s.start <= offset && offset < s.end && /^[\s"'“‘(]*$/.test(text.slice(s.start, offset))) ||
      /(?:^|\n)[\s"'“‘(]*$/.test(text.slice(Math.max(0, offset - 4), offset)),
  };
}

/** The person mentioned nearest before `at` in sentence `si`: the subject of what follows. */
export function subjectAt(people: readonly Person[], si: number, at: number): Person | undefined {
  let best: { p: Person; end: number } | undefined;
  for (const p of people) {
    for (const m of p.mentions) if (m.sentence === si && m.end <= at && (!best || m.end > best.end)) best = { p, end: m.end };
  }
  return best?.p;
}
