import type { FigureAnnotation, OrganisationAnnotation } from '../types';
import { firstFrom } from '../sorted';
import { findPlaces, forceAreaName, placeNamed } from './places';
import { namedPeople, peopleByFullestName, personOfAge, type NamedPerson } from './people';
import type { SourceDocument } from './types';
import { containsAny, wordCount } from '../text/words';

/**
 * What a figure counts over: the whole country, one force's area, a town, one court case or one person.
 * Two figures are only ever the same quantity when their scopes are the same: 38 arrests in Cheshire and
 * 38 in West Mercia in the same week are two counts, and a national total is never restated by a force's.
 * The scope is read from the text (places, forces, "across England and Wales"), never from who is credited
 * with a figure: the claimant stays on the claim and does not split records.
 */
export interface Scope {
  /** "national", "force:kent-police", "place:ramsgate", "case", "case:wolverhampton-crown-court", "person:roe". */
  readonly key: string;
  /** How people name it: "national", "Kent", "Ramsgate", "the case", "Roe". */
  readonly label: string;
  /** Why: "“in Ramsgate” in its sentence", "the document is about Kent (lede)". */
  readonly why: string;
}

export const NATIONAL: Scope = Object.freeze({ key: 'national', label: 'national', why: 'no narrower place is named' });

/** Forces that police something other than an area (railways, defence sites, nuclear sites). */
const NON_AREA_FORCES = new Set(['btp', 'mod-police', 'cnc']);

/** National agencies and government: figures they give are national unless a place says otherwise. */
const NATIONAL_BODIES = new Set([
  'nca',
  'npcc',
  'nclcc',
  'home-office',
  'county-lines-programme',
  'national-crime-agency',
  'national-county-lines-coordination-centre',
  'national-police-chiefs-council',
]);

/**
 * "across England and Wales", "nationally", "in the UK", "UK drug lines": words that put a figure's scope at
 * the whole country. "a national week of action", "a nationwide crackdown" or "a UK-wide operation" describe
 * the event, not the figure, and do not count (a force's release says them of its own results).
 */
const STRONG_NATIONAL =
  /\b(?:(?:across|throughout|around|in|all over)\s+(?:the\s+)?(?:UK|United Kingdom|country|nation|England(?:\s+and\s+Wales)?|England,\s+Wales|Britain|Great Britain)\b|nationally\b|nationwide\b(?!\s+(?:push|crackdown|week|operation|campaign|focus|initiative|drive|effort|action|day))|UK\b(?=\s+[a-z])(?!\s+(?:wide|based))|national\s+(?:total|totals|figures|results|return|returns)\b)/g;
/** An event word after "UK-wide"/"national": the phrase describes the operation. */
const COURT_WORDS = /\b(?:jailed|sentenced|convicted|imprisoned|locked up|behind bars|pleaded guilty|found guilty|admitted|jury|trial)\b/i;
/** A headline or lede that leads on a sentence or verdict is a court report whatever else it mentions. */
const COURT_LEAD = /\b(?:jailed|sentenced|convicted|imprisoned|locked up|behind bars|found guilty)\b/i;
const COURT_NAME = /\b((?:[A-Z][a-z]+\s+){1,3})(?:Crown|Magistrates[’']?|Youth|County)\s+Court\b/g;
const COURT_NAME_NEEDS = ['Court'];
/** A paragraph that moves to one place for what follows: "In Kent,", "Here in Yorkshire, ...", "Locally,". */
const LOCATIVE_START = /^\s*(?:[•*-]\s*)?(?:(?:here|meanwhile|elsewhere|locally)\s*,?\s*)?(?:in|across|throughout)\s+(?:the\s+)?[A-Z]/i;
const LOCALLY_START = /^\s*(?:locally|closer to home|here in)\b/i;
/** The lede: a document's scope is what its headline and first paragraphs are about. */
const LEDE_CHARS = 700;

interface Cue {
  readonly start: number;
  readonly end: number;
  readonly scope: Scope;
  /** The force whose area the cue is in (for a town, its force), for deciding a document's force. */
  readonly force?: string;
  readonly national?: boolean;
  /** True for a police force's name ("Dyfed-Powys Police"), not a place in its area. */
  readonly isForce?: boolean;
}

interface Paragraph {
  readonly start: number;
  readonly end: number;
  /** The scope a section that starts here moves to, where it starts one. */
  readonly shift?: Scope;
}

export interface DocumentScopes {
  /** The scope of a figure that names no narrower one. */
  readonly document: Scope;
  /** True for a court report: its figures are about the case, its ages about the people named. */
  readonly isCase: boolean;
  /** The main court of a court report, where it names one. */
  readonly court?: string;
  /** People named with an age (a court report's defendants). */
  readonly people: readonly NamedPerson[];
  scopeOf(f: FigureAnnotation): Scope;
}

function forceScope(force: string, label: string | undefined, why: string): Scope {
  return { key: `force:${force}`, label: label ?? forceAreaName(force) ?? force, why };
}

function quoted(text: string, c: { start: number; end: number }): string {
  return `“${text.slice(c.start, c.end)}”`;
}

/** The capitalised word right after a place name: "Royston Hallard" if it is one. */
const NEXT_WORD = /^[ \t]+([A-Z][a-z’'-]+)/;

/**
 * "Royston Hallard, 33,": a town's name that is the first name of a person the text names with an age
 * (the word after it is that person's surname) is not a place.
 */
function isFirstName(text: string, p: { end: number }, surnames: ReadonlySet<string>): boolean {
  const next = NEXT_WORD.exec(text.slice(p.end, p.end + 40));
  return next !== null && surnames.has(next[1].toLowerCase());
}

/** Every place, force and national phrase of the text, in order. */
function cuesOf(doc: SourceDocument, people: readonly NamedPerson[]): Cue[] {
  const text = doc.text;
  const cues: Cue[] = [];
  for (const a of doc.analysis.annotations) {
    // British Transport Police polices the railways, not an area: it says nothing about where a figure is.
    if (a.kind !== 'organisation' || a.orgType !== 'police-force' || NON_AREA_FORCES.has(a.entityId)) continue;
    cues.push({
      start: a.start,
      end: a.end,
      force: a.entityId,
      isForce: true,
      scope: forceScope(a.entityId, forceAreaName(a.entityId) ?? a.canonical, `${quoted(text, a)} in its sentence`),
    });
  }
  // A place inside an organisation's name ("Kent Fire and Rescue Service", not a police force) is not a cue.
  const organisations = doc.analysis.annotations.filter((a) => a.kind === 'organisation' && a.orgType !== 'police-force');
  const surnames = new Set(people.map((p) => p.surname));
  for (const p of findPlaces(text)) {
    if (organisations.some((a) => a.start <= p.start && p.start < a.end)) continue;
    if (surnames.size && isFirstName(text, p, surnames)) continue;
    const scope =
      p.kind === 'area'
        ? forceScope(p.force, undefined, `${quoted(text, p)} in its sentence`)
        : { key: `place:${p.name.toLowerCase()}`, label: p.name, why: `${quoted(text, p)} in its sentence` };
    cues.push({ start: p.start, end: p.end, force: p.force, scope });
  }
  STRONG_NATIONAL.lastIndex = 0;
  for (let m = STRONG_NATIONAL.exec(text); m; m = STRONG_NATIONAL.exec(text)) {
    cues.push({ start: m.index, end: m.index + m[0].length, national: true, scope: { key: 'national', label: 'national', why: `“${m[0]}” in its sentence` } });
  }
  return withoutComparisons(
    text,
    cues.sort((a, b) => a.start - b.start),
  );
}

/**
 * "Like West Mercia, the force reported ...", "unlike Essex", "as in Kent", "compared with Merseyside": a
 * place named to compare with is not where the figures are.
 */
const COMPARISON_BEFORE = /\b(?:like|unlike|as in|as with|similar to|compared (?:with|to)|in contrast to|than in)\s+(?:the\s+)?$/i;

/** What joins the places of one comparison: "like Avon and Somerset", "unlike Kent, Essex or Surrey". */
const COMPARED_TOO = /^\s*(?:and|&|or|,)\s*$/;

/** The cues, in order, without the places named to compare with (and the places joined to them). */
function withoutComparisons(text: string, cues: readonly Cue[]): Cue[] {
  const out: Cue[] = [];
  let compared: Cue | undefined;
  for (const c of cues) {
    const isCompared =
      COMPARISON_BEFORE.test(text.slice(Math.max(0, c.start - 20), c.start)) ||
      (compared !== undefined && COMPARED_TOO.test(text.slice(compared.end, c.start)));
    if (isCompared) compared = c;
    else {
      compared = undefined;
      out.push(c);
    }
  }
  return out;
}

function paragraphsOf(text: string, cues: readonly Cue[]): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /[^\r\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (!m[0].trim()) continue;
    const start = m.index;
    const end = start + m[0].length;
    const line = m[0];
    let shift: Scope | undefined;
    // The anchored patterns first: they fail at once on most lines, and counting words reads the whole line.
    if ((LOCATIVE_START.test(line) || LOCALLY_START.test(line)) && wordCount(line, 8) >= 8) {
      // The first local cue of the paragraph's first sentence names the place the section moves to.
      const firstStop = line.search(/[.!?](\s|$)/);
      const sentenceEnd = firstStop < 0 ? end : start + firstStop;
      const local = cues.find((c) => c.start >= start && c.start < sentenceEnd && !c.national);
      if (local) shift = { ...local.scope, why: `the section from ${quoted(text, local)} on` };
    }
    out.push({ start, end, shift });
  }
  return out;
}

/** The most frequent force of some cues, and how many of them it has. */
function dominantForce(cues: readonly Cue[]): { force: string; n: number; total: number; first: Cue } | undefined {
  const counts = new Map<string, { n: number; first: Cue }>();
  for (const c of cues) {
    if (!c.force) continue;
    const known = counts.get(c.force);
    if (known) known.n++;
    else counts.set(c.force, { n: 1, first: c });
  }
  let best: { force: string; n: number; first: Cue } | undefined;
  let total = 0;
  for (const [force, { n, first }] of counts) {
    total += n;
    if (!best || n > best.n) best = { force, n, first };
  }
  return best ? { ...best, total } : undefined;
}

const courtStart = (c: { readonly start: number }) => c.start;

/** The courts a document names, in document order. */
function courtsOf(doc: SourceDocument): { start: number; id: string }[] {
  const out: { start: number; id: string }[] = [];
  for (const a of doc.analysis.annotations) if (a.kind === 'organisation' && a.orgType === 'court') out.push({ start: a.start, id: a.entityId });
  COURT_NAME.lastIndex = 0;
  // The pattern is slow to fail (it tries every capitalised word), and most releases name no court.
  for (let m = containsAny(doc.text, COURT_NAME_NEEDS) ? COURT_NAME.exec(doc.text) : null; m; m = COURT_NAME.exec(doc.text)) {
    if (out.some((c) => Math.abs(c.start - m!.index) < 40)) continue;
    out.push({
      start: m.index,
      id: m[0]
        .toLowerCase()
        .replace(/[^a-z]+/g, '-')
        .replace(/^-|-$/g, ''),
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A court report: its headline or lede says someone was jailed, sentenced or convicted, and it names a defendant or a court. */
function isCourtReport(doc: SourceDocument, people: readonly NamedPerson[], courts: readonly { start: number }[]): boolean {
  const lede = doc.text.slice(0, LEDE_CHARS);
  const title = doc.analysis.meta.title ?? '';
  if (!COURT_WORDS.test(lede) && !COURT_WORDS.test(title)) return false;
  if (COURT_LEAD.test(title) || COURT_LEAD.test(lede.slice(0, 300))) return true;
  // A week of action's results mention one suspect charged; a court report is about the defendants.
  const arrestsLed =
    /\b(?:arrests?|arrested|seized|seizures?|week of action|intensification)\b/i.test(lede.slice(0, 300)) &&
    !/\b(?:jailed|sentenced|convicted)\b/i.test(lede.slice(0, 300));
  if (arrestsLed) return false;
  return people.length > 0 || courts.some((c) => c.start < LEDE_CHARS * 2);
}

function documentScope(doc: SourceDocument, cues: readonly Cue[], paragraphs: readonly Paragraph[]): Scope {
  const inShifted = sectionTester(paragraphs);
  const outside = cues.filter((c) => !inShifted(c.start));
  const lede = outside.filter((c) => c.start < LEDE_CHARS);
  // The lede is about one force when it names that force (or its places) more often than it puts its
  // figures at the whole country, and names no other force as often; several forces make a national story.
  const ledeForce = dominantForce(lede);
  const nationalInLede = lede.filter((c) => c.national).length;
  const oneForce = ledeForce && ledeForce.n / ledeForce.total >= 0.6 && ledeForce.n > nationalInLede;
  if (nationalInLede && !oneForce)
    return {
      ...NATIONAL,
      why: `${quoted(
        doc.text,
        lede.find((c) => c.national)!,
      )} in the lede`,
    };
  if (ledeForce && !oneForce) return { ...NATIONAL, why: `the lede names several forces` };
  if (ledeForce)
    return {
      ...ledeForce.first.scope,
      key: `force:${ledeForce.force}`,
      label: forceAreaName(ledeForce.force) ?? ledeForce.first.scope.label,
      why: `the lede is about ${forceAreaName(ledeForce.force) ?? ledeForce.force} (${quoted(doc.text, ledeForce.first)})`,
    };
  if (outside.some((c) => c.national))
    return {
      ...NATIONAL,
      why: `${quoted(
        doc.text,
        outside.find((c) => c.national)!,
      )}`,
    };
  const whole = dominantForce(outside);
  if (whole && whole.n / whole.total >= 0.6)
    return forceScope(whole.force, undefined, `the document is about ${forceAreaName(whole.force) ?? whole.force} (${quoted(doc.text, whole.first)})`);
  const orgs = doc.analysis.annotations.filter((a): a is OrganisationAnnotation => a.kind === 'organisation');
  // A story that names no place but a national agency or the Home Office reports national figures.
  const agency = orgs.find((o) => !inShifted(o.start) && (NATIONAL_BODIES.has(o.entityId) || o.orgType === 'national-agency'));
  if (agency) return { ...NATIONAL, why: `it names ${quoted(doc.text, agency)} and no place` };
  // No place and no agency in the text: who publishes or is credited with the figures says whose they are.
  const meta = doc.meta ?? doc.analysis.meta;
  const publisher = meta.publisher && !orgs.some((o) => o.entityId === meta.publisher && o.orgType === 'media') ? meta.publisher : undefined;
  const credited = publisher ?? meta.claimant ?? mostClaimed(doc);
  if (credited && !NATIONAL_BODIES.has(credited) && !orgs.some((o) => o.entityId === credited && o.orgType !== 'police-force')) {
    return forceScope(credited, undefined, `its figures are ${credited}'s and it names no place`);
  }
  return NATIONAL;
}

function mostClaimed(doc: SourceDocument): string | undefined {
  const n = new Map<string, number>();
  for (const a of doc.analysis.annotations) if (a.kind === 'figure' && a.claimant) n.set(a.claimant, (n.get(a.claimant) ?? 0) + 1);
  let best: string | undefined;
  for (const [k, v] of n) if (best === undefined || v > n.get(best)!) best = k;
  return best;
}

function sectionTester(paragraphs: readonly Paragraph[]): (at: number) => boolean {
  const firstShift = paragraphs.find((p) => p.shift);
  return (at) => firstShift !== undefined && at >= firstShift.start;
}

/** The scope a section shift puts `at` in, if it is in one. */
function sectionScope(paragraphs: readonly Paragraph[], at: number): Scope | undefined {
  let scope: Scope | undefined;
  for (const p of paragraphs) {
    if (p.start > at) break;
    if (p.shift) scope = p.shift;
  }
  return scope;
}

/** A relative clause set off by commas: ", whose officers ...,", ", which ...,". */
const ASIDE = /,\s*(?:who|whose|which|where)\b[^,;]*,/g;

/** Clause breaks a place before a figure does not reach across. */
const CLAUSE_BREAK = /;|\s[–—-]\s|\bwhile\b|\bwhereas\b|\bmeanwhile\b/;

/**
 * The cue of a figure's own sentence: the nearest place, force or national phrase before it in its clause,
 * or right after it ("34 arrests in Kent"). Several places of one force are that force; of several forces,
 * the nearest.
 */
function sentenceCue(doc: SourceDocument, cues: readonly Cue[], f: FigureAnnotation): Cue | undefined {
  const s = f.sentence && f.sentence.end > f.sentence.start ? f.sentence : { start: f.start, end: f.end };
  let before: Cue | undefined;
  let after: Cue | undefined;
  // ", whose officers pursue dealers all over the country," says nothing about the figure after it.
  const asides: { start: number; end: number }[] = [];
  const sentence = doc.text.slice(s.start, s.end);
  for (const m of sentence.matchAll(ASIDE)) asides.push({ start: s.start + m.index!, end: s.start + m.index! + m[0].length });
  // Only the cues that start in the sentence can be its cue: from the first of them (cues are in order).
  for (let i = firstCueFrom(cues, s.start); i < cues.length && cues[i].start < s.end; i++) {
    const c = cues[i];
    if (asides.some((a) => a.start <= c.start && c.end <= a.end && a.end <= f.start)) continue;
    if (c.end <= f.start && c.start >= s.start) {
      if (!CLAUSE_BREAK.test(doc.text.slice(c.end, f.start))) before = c;
    } else if (!after && c.start >= f.end && c.start < s.end && c.start - f.end <= 40) after = c;
  }
  // "34 arrests in Kent": a place right after the figure, introduced by a preposition, is its own.
  const placeAfter = after && AFTER_PLACE.test(doc.text.slice(f.end, after.start));
  if (placeAfter && (!before || after!.start - f.end <= f.start - before.end)) return after;
  return before;
}

/** "the force", "the force area", "the force's", "the constabulary": a force named before, referred back to. */
const FORCE_ANAPHOR = /\bthe\s+(?:force|constabulary)\b/gi;

/** Where the text says "the force", in order: found once, so no figure's sentence is searched again. */
function anaphorsOf(text: string): number[] {
  const out: number[] = [];
  FORCE_ANAPHOR.lastIndex = 0;
  for (let m = FORCE_ANAPHOR.exec(text); m; m = FORCE_ANAPHOR.exec(text)) out.push(m.index);
  return out;
}

/**
 * The force a sentence refers back to ("Drug offences in the force area were down 16%"): the last police
 * force named before the sentence. A write-up of several forces' figures names each force once and then
 * says "the force" of it for the paragraphs that follow. A town is not taken: "lines run from London into
 * Kent ... the force" is Kent's.
 */
function forceReferredTo(doc: SourceDocument, cues: readonly Cue[], anaphors: readonly number[], f: FigureAnnotation): Scope | undefined {
  const s = f.sentence && f.sentence.end > f.sentence.start ? f.sentence : undefined;
  if (!s) return undefined;
  const first = firstFrom(anaphors, s.start, offset);
  if (first >= anaphors.length || anaphors[first] >= s.end) return undefined;
  for (let i = firstCueFrom(cues, s.start) - 1; i >= 0; i--) {
    const c = cues[i];
    if (c.national) return undefined;
    if (c.isForce && c.force) return forceScope(c.force, undefined, `“the force” after ${quoted(doc.text, c)}`);
  }
  return undefined;
}

const cueStart = (c: Cue) => c.start;
const offset = (n: number) => n;

/** The index of the first cue that starts at or after `at`. */
function firstCueFrom(cues: readonly Cue[], at: number): number {
  return firstFrom(cues, at, cueStart);
}

/** What may stand between a figure and a place that restricts it: "arrests in", "people across", "by". */
const AFTER_PLACE = /^[^,;.]{0,30}\b(?:in|across|throughout|around|by|for)\s+(?:the\s+)?$/i;

/**
 * Measures a court report states of each defendant in turn: "Roe was jailed for six years and Doe for
 * four" are two people's sentences, not one figure restated, and each is the same figure as that person's
 * sentence in another report of the case.
 */
const PER_DEFENDANT_MEASURES = new Set(['prison sentence', 'order length']);
/** A figure stated of several people at once ("a combined 17 years", "between them"): the case's, not one person's. */
const JOINT_FIGURE = /\b(?:combined|between them|in total|a total of|altogether|together|each|both|all)\b/i;
/** "jailed for four years each", "six years apiece": said right after the figure. */
const JOINT_AFTER = /^\s*(?:each|apiece|between them|in total|altogether)\b/i;
const SURNAME_WORD = /[\p{L}’'-]+/gu;

/**
 * The defendant a court report's sentence figure is stated of: the named person ("Jane Roe, 24,") whose
 * surname is mentioned last before the figure in its sentence ("Roe, the eldest, was jailed for six years
 * and Doe for four"), unless the sentence states the figure of several people together.
 */
function defendantOf(text: string, people: ReadonlyMap<string, NamedPerson>, f: FigureAnnotation): NamedPerson | undefined {
  if (!people.size || !f.counts || !PER_DEFENDANT_MEASURES.has(f.counts)) return undefined;
  const from = f.sentence && f.sentence.end > f.sentence.start && f.sentence.start <= f.start ? f.sentence.start : Math.max(0, f.start - 200);
  const before = text.slice(from, f.start);
  if (JOINT_FIGURE.test(before) || JOINT_AFTER.test(text.slice(f.end, f.end + 20))) return undefined;
  let last: NamedPerson | undefined;
  SURNAME_WORD.lastIndex = 0;
  for (let m = SURNAME_WORD.exec(before); m; m = SURNAME_WORD.exec(before)) {
    const w = m[0];
    if (w[0] !== w[0].toUpperCase() || w[0] === w[0].toLowerCase()) continue;
    const p = people.get(w.toLowerCase().replace(/['’]s$/, ''));
    if (p) last = p;
  }
  return last;
}

/** Reads the scope of every figure of a document (see `Scope`). */
export function documentScopes(doc: SourceDocument): DocumentScopes {
  const people = namedPeople(doc.text);
  const cues = cuesOf(doc, people);
  const paragraphs = paragraphsOf(doc.text, cues);
  let anaphors: number[] | undefined;
  const courts = courtsOf(doc);
  const isCase = isCourtReport(doc, people, courts);
  const byName = isCase ? peopleByFullestName(people) : new Map<string, NamedPerson>();
  const court = isCase ? courts[0]?.id : undefined;
  const document = isCase ? { key: 'case', label: 'the case', why: 'a court report: its figures are about the case' } : documentScope(doc, cues, paragraphs);
  const placeOfField = (f: FigureAnnotation): Scope | undefined => {
    if (!f.place) return undefined;
    const known = placeNamed(f.place);
    if (known) return undefined; // the gazetteer's cue for it is among `cues`, at its position
    const bare = f.place
      .replace(/^\s*(?:in|across|around|throughout|within)\s+/i, '')
      .replace(/^the\s+/i, '')
      .trim();
    return bare ? { key: `place:${bare.toLowerCase()}`, label: bare, why: `“${f.place}” in its sentence` } : undefined;
  };
  return {
    document,
    isCase,
    ...(court ? { court } : {}),
    people,
    scopeOf(f) {
      if (isCase) {
        const person = f.counts === 'age' || f.unit === 'years' ? personOfAge(people, f) : undefined;
        if (person) return { key: `person:${person.surname}`, label: person.name, why: `the age of ${person.name}` };
        const defendant = defendantOf(doc.text, byName, f);
        if (defendant) return { key: `person:${defendant.surname}`, label: defendant.name, why: `the ${f.counts} of ${defendant.name}` };
        const s = f.sentence ?? f;
        let other: (typeof courts)[number] | undefined;
        for (let i = firstFrom(courts, s.start, courtStart); i < courts.length && courts[i].start < s.end && !other; i++)
          if (courts[i].id !== court) other = courts[i];
        if (other)
          return {
            key: `case:${other.id}`,
            label: `the case at ${doc.text.slice(other.start, doc.text.indexOf('Court', other.start) + 5)}`,
            why: 'its sentence names another court',
          };
        return document;
      }
      const cue = sentenceCue(doc, cues, f);
      if (cue) return cue.scope;
      const field = placeOfField(f);
      if (field) return field;
      return forceReferredTo(doc, cues, (anaphors ??= anaphorsOf(doc.text)), f) ?? sectionScope(paragraphs, f.start) ?? document;
    },
  };
}
