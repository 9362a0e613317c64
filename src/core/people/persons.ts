/**
 * Joins mentions into people: one person per name ("Tom Reed ... Reed ... Mr Reed"), descriptions
 * that stand beside a name or point back to one ("Tom Reed, a 15-year-old boy", "the teenager"), and
 * a pronoun where only one person it could mean was just mentioned. Reads each person's age, sex
 * and home town from the words around their first naming.
 */
import type { Span } from '../types';
import type { DescriptionMention, NameMention, PronounMention } from './mentions';
import type { Gender, MentionKind, PersonMention } from './types';

export interface PersonDraft {
  readonly id: string;
  name?: string;
  readonly mentions: PersonMention[];
  age?: number;
  minorByDescription: boolean;
  gender?: Gender;
  place?: string;
  firstNamingSpan?: Span;
  officer: boolean;
  /** Tokens of the full name, for joining later short names. */
  tokens?: readonly string[];
}

type AnyMention =
  | { readonly type: 'name'; readonly m: NameMention }
  | { readonly type: 'description'; readonly m: DescriptionMention }
  | { readonly type: 'pronoun'; readonly m: PronounMention };

/** ", 16, of Elm Street, Hull," or " (16), from Hull,": what a release writes right after a name. */
const APPOSITION_RE =
  /^(?:\s*,\s*(?:aged\s+)?(\d{1,2})\s*(?=,|\.|;|\)|\s+(?:and|was|were|has|had|is|are|appeared|admitted|pleaded|denied|denies|who|from|of)\b)|\s*\(\s*(\d{1,2})\s*\)|,?\s+aged\s+(\d{1,2})\b)?(?:\s*,?\s*(?:of|from)\s+((?:no\s+fixed\s+(?:abode|address))|[^,.;\n()]{2,60}?(?:,\s*\p{Lu}[^,.;\n()]{1,40}?)*)(?=\s*(?:,|\.|;|\)|\s+(?:and|was|were|has|had|is|are|appeared|admitted|pleaded|denied|denies|who)\b)))?\s*,?\s*/u;
const OFFICIAL_APPOSITION_RE =
  /^\s*,\s*(?:(?:a|an|the)\s+(?:[\w'’-]+\s+){0,4}(?:prosecutor|lawyer|barrister|solicitor|spokes(?:person|man|woman)|officer|detective|inspector|superintendent|sergeant|constable|lead|head|director|chief|commissioner|manager|co-?ordinator|chair(?:man|woman)?|minister|secretary|councillor|leader|investigator|analyst|judge|coroner)\b|(?:from|of|at|for)\s+(?:the\s+)?(?:National|NPCC|NCA|CPS|Crown\s+Prosecution|Home\s+Office|[\p{Lu}][\p{L}']+\s+(?:Police|Constabulary|Council))\b|who\s+(?:leads|led|heads|headed|chairs|runs)\b)/u;
const AGE_BEFORE_NAME_RE = /(\d{1,2})[- ]year[- ]old\s+$/i;
const WHO_IS_AGE_RE = /^\s*,\s*who\s+(?:is|was)\s+(?:just\s+|only\s+|now\s+)?(\d{1,2})\b/i;
const BETWEEN_APPOSITIVE_RE =
  /^\s*(?:,|\(|-|–)?\s*(?:(?:who\s+(?:has\s+been|was|can\s+be|is)\s+|now\s+)?(?:named|identified)(?:\s+[\w']+){0,3}?\s+as|called)?\s*$/i;

export function buildPeople(
  text: string,
  names: readonly NameMention[],
  shortNames: readonly NameMention[],
  descriptions: readonly DescriptionMention[],
  pronouns: readonly PronounMention[],
): PersonDraft[] {
  const all: AnyMention[] = [
    ...names.map((m) => ({ type: 'name' as const, m })),
    ...shortNames.map((m) => ({ type: 'name' as const, m })),
    // A description inside a name's span cannot happen; one overlapping a name is the name's own ("Tom Reed, 16").
    ...descriptions.filter((d) => !names.some((n) => n.start < d.end && d.start < n.end)).map((m) => ({ type: 'description' as const, m })),
    ...pronouns.map((m) => ({ type: 'pronoun' as const, m })),
  ].sort((a, b) => a.m.start - b.m.start);

  const people: PersonDraft[] = [];
  const byName = new Map<string, PersonDraft>();
  const lastMentioned: PersonDraft[] = [];
  const touch = (p: PersonDraft) => {
    const i = lastMentioned.indexOf(p);
    if (i >= 0) lastMentioned.splice(i, 1);
    lastMentioned.push(p);
  };
  const newPerson = (start: number): PersonDraft => {
    const p: PersonDraft = { id: `person:${start}`, mentions: [], minorByDescription: false, officer: false };
    people.push(p);
    return p;
  };
  const addMention = (p: PersonDraft, kind: MentionKind, m: { start: number; end: number; text: string; sentence: number }) => {
    p.mentions.push({ kind, start: m.start, end: m.end, text: m.text, sentence: m.sentence });
    touch(p);
  };

  let pendingDescription: { d: DescriptionMention; p: PersonDraft } | undefined;
  for (const item of all) {
    if (item.type === 'name') {
      const n = item.m;
      const key = n.tokens.join(' ');
      const full = names.includes(n);
      let p = byName.get(key) ?? (full ? undefined : people.find((x) => x.tokens?.join(' ') === key));
      // "Miss Clarke" after "Bethany Clarke": a titled surname (or a first name) alone is a short form of a name already met.
      let short = !full;
      if (!p && n.tokens.length === 1) {
        const owners = people.filter((x) => x.tokens && x.tokens.length > 1 && (x.tokens[x.tokens.length - 1] === n.tokens[0] || x.tokens[0] === n.tokens[0]));
        if (owners.length === 1) {
          p = owners[0];
          short = true;
        }
      }
      // "A 15-year-old boy, Tom Reed, ...": the description just before is the same person.
      if (!p && pendingDescription && !pendingDescription.p.name && BETWEEN_APPOSITIVE_RE.test(text.slice(pendingDescription.d.end, n.start)))
        p = pendingDescription.p;
      if (!p) p = newPerson(n.start);
      if (!short && !p.name) {
        p.name = n.text;
        p.tokens = n.tokens;
        byName.set(key, p);
        readFirstNaming(text, n, p);
      }
      if (n.title?.officer) p.officer = true;
      p.gender ??= n.gender ?? n.title?.gender;
      addMention(p, short ? 'short-name' : 'name', n);
      pendingDescription = undefined;
      continue;
    }
    if (item.type === 'description') {
      const d = item.m;
      let p: PersonDraft | undefined;
      const previousName = lastNameMentionBefore(people, d.start);
      // "Tom Reed, a 15-year-old boy, ...": right after a name, it describes that person.
      if (previousName && /^\s*,\s*$/.test(text.slice(previousName.mention.end, d.start).replace(/^\s*,\s*(?:aged\s+)?\d{1,2}\s*/, '')))
        p = previousName.person;
      else if (d.definite) p = antecedent(lastMentioned, d.gender, d.minor, d.sentence, d.noun, d.age);
      if (!p) p = newPerson(d.start);
      applyDescription(p, d);
      addMention(p, 'description', d);
      pendingDescription = p.name ? undefined : { d, p };
      continue;
    }
    const pr = item.m;
    const p = pronounAntecedent(people, pr);
    if (p) {
      p.gender ??= pr.gender;
      addMention(p, 'pronoun', pr);
    }
  }
  return people;
}

function lastNameMentionBefore(people: readonly PersonDraft[], offset: number): { person: PersonDraft; mention: PersonMention } | undefined {
  let best: { person: PersonDraft; mention: PersonMention } | undefined;
  for (const p of people) {
    for (const m of p.mentions) {
      if ((m.kind === 'name' || m.kind === 'short-name') && m.end <= offset && (!best || m.end > best.mention.end)) best = { person: p, mention: m };
    }
  }
  return best;
}

function compatible(p: PersonDraft, gender: Gender | undefined, minor: boolean): boolean {
  if (gender && p.gender && p.gender !== gender) return false;
  if (minor && p.age !== undefined && p.age >= 18) return false;
  return true;
}

/** "the teenager", "the defendant": the person last mentioned that the words could describe. */
function antecedent(
  lastMentioned: readonly PersonDraft[],
  gender: Gender | undefined,
  minor: boolean,
  sentence: number,
  noun: string | undefined,
  age: number | undefined,
): PersonDraft | undefined {
  for (let i = lastMentioned.length - 1; i >= 0; i--) {
    const p = lastMentioned[i];
    if (p.officer) continue;
    const lastSentence = p.mentions[p.mentions.length - 1]?.sentence ?? -Infinity;
    // "the 15-year-old" points back to someone given that age; anyone else it describes is somebody new.
    if (age !== undefined && p.age !== age) continue;
    // A definite description reaches back a few sentences at most; past that it is somebody new.
    if (sentence - lastSentence > 6) break;
    if (noun === 'victim' || noun === 'complainant') return undefined;
    if (compatible(p, gender, minor)) return p;
  }
  return undefined;
}

/** "He" means the one person of that sex mentioned in this sentence before it, or else in the sentence before. */
function pronounAntecedent(people: readonly PersonDraft[], pr: PronounMention): PersonDraft | undefined {
  for (const window of [
    [pr.sentence, pr.start],
    [pr.sentence - 1, Infinity],
  ] as const) {
    const [sentence, before] = window;
    const candidates = people.filter((p) => p.mentions.some((m) => m.sentence === sentence && m.start < before) && (!p.gender || p.gender === pr.gender));
    if (candidates.length === 1) return candidates[0];
    if (candidates.length > 1) {
      const sure = candidates.filter((p) => p.gender === pr.gender);
      return sure.length === 1 ? sure[0] : undefined;
    }
  }
  return undefined;
}

function applyDescription(p: PersonDraft, d: DescriptionMention): void {
  if (d.age !== undefined) p.age ??= d.age;
  if (d.minor) p.minorByDescription = true;
  p.gender ??= d.gender;
}

/** Age, home town and the span of the apposition after the first naming. */
function readFirstNaming(text: string, n: NameMention, p: PersonDraft): void {
  const ageBefore = AGE_BEFORE_NAME_RE.exec(text.slice(Math.max(0, n.start - 20), n.start));
  if (ageBefore) p.age ??= Number(ageBefore[1]);
  const after = text.slice(n.end, Math.min(text.length, n.end + 160));
  const m = APPOSITION_RE.exec(after);
  if (m && m[0].length > 0) {
    const age = m[1] ?? m[2] ?? m[3];
    if (age) p.age ??= Number(age);
    if (m[4] && !/^no\s+fixed/i.test(m[4])) {
      const parts = m[4].split(/\s*,\s*/).filter(Boolean);
      p.place = parts[parts.length - 1].trim();
    }
    if (age || m[4]) p.firstNamingSpan = { start: n.start, end: n.end + m[0].length };
  }
  // "Jo Lane, a senior prosecutor with the CPS,", "Sam Hill, from the National Crime Agency,": an official, not a party.
  if (OFFICIAL_APPOSITION_RE.test(after)) p.officer = true;
  const who = WHO_IS_AGE_RE.exec(after);
  if (who) p.age ??= Number(who[1]);
}

const ACCUSED_ROLES = new Set(['suspect', 'charged', 'convicted']);

/**
 * Joins a description that nobody was named in to the one named person it most likely is: "A man has
 * been charged ... Dylan Rees, 27, ...", or "Harvey Dobson ... The 15-year-old ...". The description
 * and the name must be within two sentences, fit (sex, age), and not be a victim and an accused, so
 * "Jack was stabbed ... The 15-year-old who stabbed him" stays two people. Returns the people left.
 */
export function mergeDescriptions(people: readonly PersonDraft[], rolesOf: (p: PersonDraft) => readonly { role: string }[]): PersonDraft[] {
  const named = people.filter((p) => p.name && !p.officer);
  const absorbed = new Set<PersonDraft>();
  for (const u of people) {
    if (u.name || u.officer || u.mentions.length === 0 || !u.mentions.some((m) => m.kind === 'description')) continue;
    const first = u.mentions[0].sentence;
    const uRoles = new Set(rolesOf(u).map((r) => r.role));
    const fits = named.filter((n) => {
      const nFirst = n.mentions.find((m) => m.kind === 'name')?.sentence ?? n.mentions[0].sentence;
      if (Math.abs(nFirst - first) > 2) return false;
      if (u.gender && n.gender && u.gender !== n.gender) return false;
      if (u.age !== undefined && n.age !== undefined && u.age !== n.age) return false;
      if (u.minorByDescription && n.age !== undefined && n.age >= 18) return false;
      const roles = new Set([...uRoles, ...rolesOf(n).map((r) => r.role)]);
      return !(roles.has('victim') && [...roles].some((r) => ACCUSED_ROLES.has(r)));
    });
    // Two named people it could be: which one is not for a rule to guess.
    if (fits.length !== 1 || uRoles.size === 0) continue;
    const n = fits[0];
    n.mentions.push(...u.mentions);
    n.mentions.sort((a, b) => a.start - b.start);
    if (u.age !== undefined) n.age ??= u.age;
    if (u.minorByDescription) n.minorByDescription = true;
    n.gender ??= u.gender;
    absorbed.add(u);
  }
  return people.filter((p) => !absorbed.has(p));
}
