import type { FigureAnnotation } from '../types';

/**
 * People a court report names, read from the way such reports introduce them: "Jane Roe, 24," or
 * "Roe, (aka 'Ace'), 24,". A name with an age is a defendant or a victim, and two reports of one case
 * name the same people: the strongest evidence, after shared figures, that they report the same case.
 */
export interface NamedPerson {
  /** The name as written: "Jane Roe". */
  readonly name: string;
  /** Lower-case surname, what later mentions ("Roe was jailed") use. */
  readonly surname: string;
  /** Lower-case first name, where the text gives one. */
  readonly first?: string;
  /** Offset of the age that follows the name, where there is one. */
  readonly ageAt?: number;
}

/** The last words of street and place names ("Dover Road", "Mill Lane"): a capitalised pair ending in one is an address, not a person. */
export const STREET_WORDS: ReadonlySet<string> = new Set([
  'street',
  'road',
  'lane',
  'avenue',
  'close',
  'drive',
  'way',
  'place',
  'square',
  'gardens',
  'terrace',
  'crescent',
  'hill',
  'park',
  'green',
]);

/** What a headline calls someone it does not name: "Man, 39, charged", "Teenager, 17, arrested". */
export const PERSON_NOUNS: readonly string[] = [
  'man',
  'woman',
  'men',
  'women',
  'boy',
  'girl',
  'boys',
  'girls',
  'teenager',
  'teen',
  'teenagers',
  'youth',
  'child',
  'baby',
  'toddler',
  'pupil',
  'student',
  'pensioner',
  'grandfather',
  'grandmother',
  'grandad',
  'gran',
  'mother',
  'father',
  'mum',
  'dad',
  'son',
  'daughter',
  'husband',
  'wife',
  'partner',
  'brother',
  'sister',
  'driver',
  'motorist',
  'cyclist',
  'rider',
  'pedestrian',
  'passenger',
  'victim',
  'suspect',
  'thief',
  'burglar',
  'dealer',
  'robber',
  'worker',
  'officer',
  'nurse',
  'doctor',
  'teacher',
  'landlord',
  'businessman',
  'businesswoman',
  'person',
];

const PERSON_NOUN_SET: ReadonlySet<string> = new Set(PERSON_NOUNS);

/** Capitalised words that start a sentence or name a thing, never a person. */
const NOT_NAMES = new Set(
  [
    'the',
    'a',
    'an',
    'and',
    'but',
    'or',
    'of',
    'in',
    'on',
    'at',
    'to',
    'from',
    'by',
    'for',
    'with',
    'as',
    'police',
    'officers',
    'court',
    'crown',
    'mr',
    'mrs',
    'ms',
    'miss',
    'dr',
    'det',
    'supt',
    'insp',
    'sgt',
    'pc',
    'con',
    'ch',
    'chief',
    'inspector',
    'sergeant',
    'constable',
    'judge',
    'recorder',
    'his',
    'her',
    'honour',
    'lord',
    'lady',
    'sir',
    'dame',
    'monday',
    'tuesday',
    'wednesday',
    'thursday',
    'friday',
    'saturday',
    'sunday',
    'january',
    'february',
    'march',
    'april',
    'may',
    'june',
    'july',
    'august',
    'september',
    'october',
    'november',
    'december',
    'aged',
    'age',
    'both',
    'all',
    'they',
    'he',
    'she',
    'it',
    'we',
    'this',
    'that',
    'these',
    'those',
    'there',
    'here',
    'county',
    'lines',
    'line',
    'class',
    // Nouns a headline names someone by ("Man, 39, charged", "Woman, 27, jailed"): a description, not a name.
    ...PERSON_NOUNS,
    ...STREET_WORDS,
  ].map((w) => w.toLowerCase()),
);

const WORD = String.raw`(?:Mc|Mac|O’|O')?[A-Z][a-z’'-]*[a-z]`;
/** "Jane Roe, 24," / "Roe, 24 and" / "James Roe, (aka ‘X’), 31". The age must be followed by a comma, "and", a bracket or the end of a clause. */
const NAME_AGE = new RegExp(
  String.raw`((?:${WORD}[ \t]+){0,2}${WORD})[ \t]*,[ \t]*(?:\([^()\n]{1,60}\)[ \t]*,?[ \t]*)?(?:aged[ \t]+)?(\d{1,2})(?=[ \t]*(?:,|and\b|\)|;|\.(?!\d)|from\b|of\b|were\b|was\b|who\b|$))`,
  'gmu',
);

/**
 * What NAME_AGE cannot match without: a word's last letter, a comma, then a bracket, "aged" or a digit.
 * NAME_AGE is slow to fail (it tries every capitalised word), and no part of it matches a line feed: it
 * is run only on the lines that hold this.
 */
const NAME_AGE_NEEDS = /[a-z][ \t]*,[ \t]*(?:\(|aged[ \t]|\d)/g;

/** Every person named with an age in `text`, in order of appearance. */
export function namedPeople(text: string): NamedPerson[] {
  const out: NamedPerson[] = [];
  NAME_AGE_NEEDS.lastIndex = 0;
  for (let c = NAME_AGE_NEEDS.exec(text); c; c = NAME_AGE_NEEDS.exec(text)) {
    // The candidate's line, searched alone: a match cannot cross a line feed, and its `$` and lookaheads
    // read the end of the slice as they read the line feed after it.
    const lineStart = text.lastIndexOf('\n', c.index) + 1;
    const lineFeed = text.indexOf('\n', c.index);
    const lineEnd = lineFeed < 0 ? text.length : lineFeed;
    const line = text.slice(lineStart, lineEnd);
    NAME_AGE.lastIndex = 0;
    for (let m = NAME_AGE.exec(line); m; m = NAME_AGE.exec(line)) {
      const person = personNamed(m, lineStart);
      if (person) out.push(person);
    }
    NAME_AGE_NEEDS.lastIndex = lineEnd;
  }
  return out;
}

/** The person a NAME_AGE match names, unless its words describe rather than name ("Man, 39,"). */
function personNamed(m: RegExpExecArray, offset: number): NamedPerson | undefined {
  const all = m[1].split(/\s+/);
  // "Man, 39," is a description; so is "Jane Man, 39," read this way (Jane is not a surname).
  if (PERSON_NOUN_SET.has(all[all.length - 1].toLowerCase())) return undefined;
  const words = all.filter((w) => !NOT_NAMES.has(w.toLowerCase()));
  if (words.length === 0) return undefined;
  const surname = words[words.length - 1].toLowerCase();
  if (NOT_NAMES.has(surname) || surname.length < 2) return undefined;
  const first = words.length > 1 ? words[0].toLowerCase() : undefined;
  const ageAt = offset + m.index + m[0].length - m[2].length;
  return { name: words.join(' '), surname, ...(first ? { first } : {}), ageAt };
}

/** The person whose age a figure states ("Jane Roe, 24"), by the age's offset. */
export function personOfAge(people: readonly NamedPerson[], f: FigureAnnotation): NamedPerson | undefined {
  return people.find((p) => p.ageAt !== undefined && p.ageAt >= f.start && p.ageAt < f.end);
}

/** The people of a document with their first names filled in from fuller mentions ("Roe" → "Jane Roe"). */
export function peopleByFullestName(people: readonly NamedPerson[]): Map<string, NamedPerson> {
  const out = new Map<string, NamedPerson>();
  for (const p of people) {
    const known = out.get(p.surname);
    if (!known || (!known.first && p.first)) out.set(p.surname, p);
  }
  return out;
}
