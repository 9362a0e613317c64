import data from '../lexicon/data/measures.json';
import { firstChars } from '../text/firstChars';
import type { FigureUnit } from '../types';

interface MeasureEntry {
  readonly id: string;
  readonly units: readonly string[];
  readonly generic?: boolean;
  readonly nouns?: readonly string[];
  readonly passive?: readonly string[];
  readonly before?: readonly string[];
  readonly predicates?: readonly string[];
  readonly verbs?: readonly string[];
}

interface CompiledMeasure {
  readonly id: string;
  readonly units: ReadonlySet<string>;
  readonly generic: boolean;
  /** Anchored at the start of the words after the number. */
  readonly nouns?: RegExp;
  /** The lower-case characters a match of `nouns` can start with; undefined when any. */
  readonly nounsStart?: ReadonlySet<string>;
  /** Anywhere in the words after the number (global, for finding the last one before a change). */
  /** The nouns anywhere, sticky: tried at the one place `lastIndex` says. */
  readonly nounsAt?: RegExp;
  readonly passive?: RegExp;
  /**
   * Anchored at the end of the words before the number, and written `$(?<=...)`: a look-behind is
   * matched from right to left, so only the end is tried rather than every position of the clause
   * (the same test: a match of the words that ends where the text does).
   */
  readonly before?: RegExp;
  readonly predicates?: RegExp;
  /** The verbs the measure's name implies ("recovered" for "weapons seized"), lower case. */
  readonly verbs?: ReadonlySet<string>;
}

/** In the data a space means any run of whitespace, and " ?" optional whitespace ("line ?holders"). */
const fragment = (patterns: readonly string[]) => `(?:${patterns.map((p) => p.replace(/ \?/g, '\\s*').replace(/ /g, '\\s+')).join('|')})`;
const END = '(?![\\p{L}\\d])';

function compile(entry: MeasureEntry): CompiledMeasure {
  const nouns = entry.nouns?.length ? fragment(entry.nouns) : undefined;
  return {
    id: entry.id,
    units: new Set(entry.units),
    generic: entry.generic === true,
    nouns: nouns ? new RegExp(`^${nouns}${END}`, 'iu') : undefined,
    nounsStart: nouns ? firstChars(nouns) : undefined,
    nounsAt: nouns ? new RegExp(`(?<![\\p{L}\\d])${nouns}${END}`, 'yiu') : undefined,
    passive: entry.passive?.length ? new RegExp(`(?<![\\p{L}])${fragment(entry.passive)}${END}`, 'iu') : undefined,
    before: entry.before?.length ? new RegExp(`$(?<=(?:^|[^\\p{L}])${fragment(entry.before)})`, 'iu') : undefined,
    predicates: entry.predicates?.length ? new RegExp(`(?<![\\p{L}])${fragment(entry.predicates)}${END}`, 'iu') : undefined,
    verbs: entry.verbs?.length ? new Set(entry.verbs.map((v) => v.toLowerCase())) : undefined,
  };
}

const MEASURES: readonly CompiledMeasure[] = (data.measures as MeasureEntry[]).map(compile);

/**
 * One pattern per kind of cue that matches wherever any measure's pattern of that kind does, whatever
 * the unit. Most clauses name no measure, and a figure's clause is asked about several times, so one
 * test of the combined pattern settles the common "none" answer that otherwise took one test per
 * measure (65 of them); only when it matches are the measures tried one by one, in their order, as
 * before. `(?:a|b)END` matches exactly where `a END` or `b END` does, so the answers are unchanged.
 */
function anyMeasure(kind: 'nouns' | 'passive' | 'before' | 'predicates', generic: boolean | undefined, wrap: (alternatives: string) => string): RegExp {
  const entries = (data.measures as MeasureEntry[]).filter((e) => e[kind]?.length && (generic === undefined || (e.generic === true) === generic));
  return new RegExp(wrap(entries.map((e) => fragment(e[kind]!)).join('|')), 'iu');
}
const ANY_NOUN_AT_START = { true: anyMeasure('nouns', true, (a) => `^(?:${a})${END}`), false: anyMeasure('nouns', false, (a) => `^(?:${a})${END}`) };
/** Global: `firstNounIn` walks its matches, the first of which also answers "is there one at all". */
const ANY_SPECIFIC_NOUN_GLOBAL = new RegExp(anyMeasure('nouns', false, (a) => `(?<![\\p{L}\\d])(?:${a})${END}`).source, 'giu');
const ANY_PASSIVE = anyMeasure('passive', undefined, (a) => `(?<![\\p{L}])(?:${a})${END}`);
const ANY_BEFORE = anyMeasure('before', undefined, (a) => `$(?<=(?:^|[^\\p{L}])(?:${a}))`);
const ANY_PREDICATE = anyMeasure('predicates', undefined, (a) => `(?<![\\p{L}])(?:${a})${END}`);
const SUBJECT_RE = new RegExp(`(?<![\\p{L}])${fragment(data.subjects)}${END}`, 'iu');

/** Words between a verb and its number that say nothing about what is counted. */
const FILLER_END_RE =
  /\s*(?:\b(?:a total of|a combined total of|total of|a combined|combined|an extra|extra|a further|an additional|another|in total|a record|some|the|a|an|of|over|more than|almost|nearly|around|about|at least|up to|between)\s*)*$/i;

export interface MeasureQuery {
  readonly unit: FigureUnit;
  /** The clause after the figure, quotes removed. */
  readonly after: string;
  /** The clause before the figure (and its qualifier). */
  readonly before: string;
  /** For a bulleted item, the heading line that introduced the list ("The following was also seized"). */
  readonly heading?: string;
  /** A percentage change ("arrests are up 55%"): the measure is named before it. */
  readonly isChange: boolean;
}

const MAX_SKIPPED_WORDS = 3;
const OF_THE_RE = /^of\s+(?:(?:all|the|these|those)\s+)*/i;
const PASSIVE_REACH = 120;
const BEFORE_REACH = 120;

/** "seven children have been offered support and four have been referred": the second verb is the second number's. */
const NEXT_NUMBER_CLAUSE_RE =
  /\b(?:and|while|but)\s+(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred)\s+(?:of\s+them\s+|others\s+)?(?:have|has|had|were|was|are|is)\b/i;

function ownClause(after: string): string {
  const m = NEXT_NUMBER_CLAUSE_RE.exec(after);
  // "Two men aged 19 and 22 were arrested": a list of ages, not a second clause.
  return m && !/\b(?:aged|between)\s+\S+\s*$/i.test(after.slice(0, m.index)) ? after.slice(0, m.index) : after;
}

/** The end of `text`, at most about `reach` characters, starting at a word boundary. */
function tailWords(text: string, reach: number): string {
  if (text.length <= reach) return text;
  const cut = text.length - reach;
  const space = text.indexOf(' ', cut);
  return space < 0 ? text.slice(cut) : text.slice(space);
}

function applies(m: CompiledMeasure, unit: FigureUnit): boolean {
  return m.units.has(unit) || ((unit === 'percent' || unit === 'ratio') && !m.units.has('years'));
}

/**
 * The measures whose nouns can start with each character, per kind: a text is tried only against
 * those (most start with a word no measure does). A text starting with a character outside ASCII is
 * tried against all, as case-insensitive matching folds some ("K", the Kelvin sign, is "k").
 */
function byFirstChar(generic: boolean): { readonly by: ReadonlyMap<string, readonly CompiledMeasure[]>; readonly all: readonly CompiledMeasure[] } {
  const all = MEASURES.filter((m) => m.generic === generic && m.nouns);
  const by = new Map<string, CompiledMeasure[]>();
  for (const code of [...Array(128).keys()]) {
    const c = String.fromCharCode(code).toLowerCase();
    if (by.has(c)) continue;
    by.set(
      c,
      all.filter((m) => !m.nounsStart || m.nounsStart.has(c)),
    );
  }
  return { by, all };
}
const NOUN_STARTS = { true: byFirstChar(true), false: byFirstChar(false) };

function longestNounAt(text: string, unit: FigureUnit, generic: boolean): string | null {
  if (text.length === 0) return null;
  const table = NOUN_STARTS[`${generic}`];
  const first = text.charCodeAt(0);
  const candidates = first < 128 ? table.by.get(text[0].toLowerCase())! : table.all;
  if (candidates.length === 0 || !ANY_NOUN_AT_START[`${generic}`].test(text)) return null;
  let best: string | null = null;
  let bestLength = 0;
  for (const m of candidates) {
    if (!applies(m, unit)) continue;
    const hit = m.nouns!.exec(text);
    if (hit && hit[0].length > bestLength) {
      best = m.id;
      bestLength = hit[0].length;
    }
  }
  return best;
}

const SKIP_STOPS = new Set([
  'during',
  'in',
  'at',
  'on',
  'for',
  'from',
  'by',
  'with',
  'across',
  'since',
  'over',
  'under',
  'after',
  'before',
  'between',
  'into',
  'their',
  'his',
  'her',
  'its',
  'our',
  'and',
  'or',
  'but',
  'while',
  'to',
  'as',
  'than',
]);

/** Offsets where the text after skipping 1, 2, ... words starts; stops at a word with a digit, a preposition or a plural. */
function wordStarts(text: string, max: number): number[] {
  const starts: number[] = [];
  const re = /\S+\s+/y;
  let at = 0;
  for (let k = 0; k < max; k++) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m || /\d/.test(m[0])) break;
    // "ten businesses during their crime spree": the noun after a plural or a preposition is not this figure's.
    const word = m[0].trim().toLowerCase();
    if (SKIP_STOPS.has(word) || (/[^su]s$/.test(word) && word.length > 3)) break;
    at += m[0].length;
    starts.push(at);
  }
  return starts;
}

export interface MeasureMatch {
  readonly id: string;
  /** Only a generic noun ("people") named it; a measure inherited from a neighbour is better. */
  readonly generic: boolean;
}

/** The normalised measure a figure counts, or null. */
export function findMeasure(q: MeasureQuery): string | null {
  return matchMeasure(q)?.id ?? null;
}

/** Steps go from the most to the least specific cue. */
export function matchMeasure(q: MeasureQuery): MeasureMatch | null {
  const specific = specificMeasure(q);
  if (specific) return { id: specific, generic: false };
  const after = q.after.trimStart();
  const generic = longestNounAt(after, q.unit, true);
  if (generic) return { id: generic, generic: true };
  for (const start of wordStarts(after, 2)) {
    const skipped = longestNounAt(after.slice(start), q.unit, true);
    if (skipped) return { id: skipped, generic: true };
  }
  return null;
}

function specificMeasure(q: MeasureQuery): string | null {
  const after = q.after.trimStart();
  if (q.unit === 'percent' || q.unit === 'ratio') {
    if (ANY_PREDICATE.test(after)) for (const m of MEASURES) if (m.predicates?.test(after)) return m.id;
  }
  if (q.isChange) {
    const named = subjectNounIn(q.before, q.unit);
    if (named) return named;
  }
  // "dozens of officers", "half of all seizures": the counted noun after "of".
  const direct = longestNounAt(after, q.unit, false) ?? longestNounAt(after.replace(OF_THE_RE, ''), q.unit, false);
  if (direct) return direct;
  const reach = ownClause(after.slice(0, PASSIVE_REACH));
  if (ANY_PASSIVE.test(reach)) for (const m of MEASURES) if (m.passive && applies(m, q.unit) && m.passive.test(reach)) return m.id;
  // Tried as written ("street value of") and without the filler words ("visited a total of").
  // Every pattern is anchored at the end, so only the clause's last words are read (long clauses are common).
  const tail = tailWords(q.before, BEFORE_REACH);
  const contexts = [tail.trimEnd(), tail.replace(FILLER_END_RE, '')];
  if (q.heading !== undefined) contexts.push(q.heading.replace(/[\s:]+$/, ''));
  for (const context of contexts) {
    if (!ANY_BEFORE.test(context)) continue;
    for (const m of MEASURES) if (m.before && applies(m, q.unit) && m.before.test(context)) return m.id;
  }
  for (const start of wordStarts(after, MAX_SKIPPED_WORDS)) {
    const skipped = longestNounAt(after.slice(start), q.unit, false);
    if (skipped) return skipped;
  }
  return null;
}

/**
 * The measure a change is about, named as the subject before it: the first measure noun in the
 * last comma-separated part (an earlier part is another clause) ("..., arrests for drug trafficking offences went up").
 */
export function subjectNounIn(text: string, unit: FigureUnit): string | null {
  const parts = text.replace(/[,\s]+$/, '').split(/,\s+/);
  // "Supply offences, which include county lines activity, rose to": past an aside to the subject.
  for (let i = parts.length - 1; i >= 0; i--) {
    const named = firstNounIn(parts[i], unit);
    if (named || !/^(?:which|who|that|including|includ(?:es|ing)|mostly|mainly|largely)\b/i.test(parts[i])) return named;
  }
  return null;
}

/**
 * The measure whose noun comes first in the text (the longest where two start at one place). The
 * combined pattern finds each place where some measure's noun starts, in order; only there are the
 * measures tried, anchored, instead of each measure searching the whole text.
 */
function firstNounIn(text: string, unit: FigureUnit): string | null {
  ANY_SPECIFIC_NOUN_GLOBAL.lastIndex = 0;
  for (let hit = ANY_SPECIFIC_NOUN_GLOBAL.exec(text); hit; hit = ANY_SPECIFIC_NOUN_GLOBAL.exec(text)) {
    let best: string | null = null;
    let bestLength = 0;
    // Only the measures whose nouns can start with the character found there (MEASURES' order kept).
    const code = text.charCodeAt(hit.index);
    const candidates = code < 128 ? NOUN_STARTS.false.by.get(text[hit.index].toLowerCase())! : NOUN_STARTS.false.all;
    for (const m of candidates) {
      if (!m.nounsAt) continue;
      if (!applies(m, unit) && !m.units.has('count')) continue;
      m.nounsAt.lastIndex = hit.index;
      const own = m.nounsAt.exec(text);
      if (own && own[0].length > bestLength) {
        best = m.id;
        bestLength = own[0].length;
      }
    }
    if (best) return best;
    // No measure of this unit starts here: the next place one does.
    ANY_SPECIFIC_NOUN_GLOBAL.lastIndex = hit.index + 1;
  }
  return null;
}

const BY_ID = new Map(MEASURES.map((m) => [m.id, m]));

/**
 * Whether `verb` (a participle or gerund governing a figure's noun) fits the measure: "recovered 23
 * weapons" is "weapons seized", "stopped 98,000 vehicles" is not "vehicles seized". A measure whose name
 * implies no verb fits any.
 */
export function measureFitsVerb(id: string, verb: string): boolean {
  const m = BY_ID.get(id);
  if (!m?.verbs) return true;
  return m.verbs.has(verb.toLowerCase()) || (m.before?.test(verb) ?? false);
}

/** Does a measure noun start the text ("arrests", "drug lines")? Used to tell "2019 arrests" from the year. */
export function startsWithMeasureNoun(text: string): boolean {
  return longestNounAt(text.trimStart(), 'count', false) !== null;
}

const PERSON_GROUP_RE = /^\s*(?:(?:were|are)\s+)?(men|women|boys|girls)\b/i;

/** A narrower description of what is counted: "Class A drugs", "cocaine". */
export function findSubject(after: string): string | undefined {
  // "650 men as well as 91 women", "884 were men": the group right after the number is what the parts of a total differ by.
  const group = PERSON_GROUP_RE.exec(after);
  if (group) return group[1].toLowerCase();
  // Only up to the next number: "377 charges and 287 drug trafficking charges" says nothing about the 377.
  const own = after.slice(0, 60).split(/\d/, 1)[0];
  const m = SUBJECT_RE.exec(own);
  return m ? m[0].replace(/\s+/g, ' ') : undefined;
}
