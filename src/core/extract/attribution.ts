import { slug } from '../lexicon/unknownOrganisations';
import type { DocumentMeta, LegalTermAnnotation, OrganisationAnnotation, Period, Span } from '../types';
import { findPeriod, isWeekLong, refersToWeek } from './periods';

export { isoDate, monthNumber } from './periods';

type Entity = OrganisationAnnotation | LegalTermAnnotation;

/** Organisation types that report figures of their own; the media only repeat them. */
const CLAIMANT_TYPES = new Set([
  'police-force',
  'national-agency',
  'regional-unit',
  'government',
  'prosecutor',
  'inspectorate',
  'court',
  'council',
  'charity',
  'other',
]);
const SUBJECT_TYPES = new Set(['police-force', 'national-agency', 'regional-unit', 'government', 'prosecutor', 'inspectorate']);
const SUBJECT_REACH = 40;
const REPORTING_AFTER_RE =
  /^[’']?s?\s*(?:\([^)]*\)\s*)?(?:has|have|had|said|says|say|reported|reveal(?:ed|s)|announced|made|arrested|seized|closed|charged|recorded|carried out|led|found|confirmed|figures|data|work|officers|(?:’s|'s)\s+work)\b/i;
/** "92 were closed by the Met", "figures released by the NCLCC", "according to the NCLCC": the agent named after. */
const AGENT_BEFORE_RE =
  /(?:\b(?:were|was|been|being|are|is)\s+(?:\w+\s+){0,2}\w+ed\s+by|\b(?:released|published|issued|compiled|reported|confirmed)\s+by|\baccording\s+to|\bfigures\s+from)\s+(?:the\s+)?$/i;
/** "police made 1,034 arrests", "as police forces in England and Wales targeted": no one force, all of them. */
const GENERIC_POLICE_RE =
  /\b(?:police(?:\s+forces)?|forces)\s+(?:(?:across|in|around|throughout)\s+(?:England and Wales|the UK|the country|Britain)\s+)?(?:have\s+|had\s+)?(?:made|arrested|closed|seized|charged|safeguarded|target(?:ed|ing)?|held|detained|shut)\b/i;
const ALL_FORCES_RE = /\b(?:England and Wales|across the (?:UK|country)|around the country|nationally|all forces|every (?:Home Office )?force)\b/i;
const NATIONAL_SCOPE_RE = /\b(?:national(?:ly)?|England and Wales|across the (?:UK|country)|around the country|all forces|every (?:Home Office )?force)\b/i;
/**
 * The body that compiles the national returns of the county lines weeks of action: figures for all forces
 * together ("police made 1,034 arrests") are its figures, whoever repeats them.
 */
const NATIONAL_COORDINATOR = 'nclcc';
/** "the County Lines Programme": a programme claims the figures it reports, named or referred to as "the programme". */
const PROGRAMME_RE = /(?<![\p{L}’'])((?:[A-Z][\p{L}-]+\s+){1,4}Programme)\b/gu;
const PROGRAMME_ACTS_RE =
  /^\s*(?:,[^,]{0,160},\s*)?(?:has\s+|have\s+|had\s+)?(?:closed|made|shut|seized|arrested|reported|recorded|safeguarded|supported|helped)\b/i;
const PROGRAMME_ANAPHOR_RE = /\b(?:the|this)\s+programme\b/;

export interface ClaimantContext {
  readonly text: string;
  readonly figureStart: number;
  readonly sentence: Span;
  /** The line introducing the figure's list ("National results for the week:"), if it is in one. */
  readonly heading?: Span;
  /** The paragraph the figure's sentence is in. */
  readonly paragraph?: Span;
  /** The organisations around the figure: at least those in its sentence, paragraph and list heading. */
  readonly organisations: readonly OrganisationAnnotation[];
  readonly meta: DocumentMeta;
  /** Whether the publisher is a police force the document names; asked once per document, not per figure. */
  readonly publisherIsForce?: boolean;
}

/**
 * The organisation that claims a figure: the one that did or reports it in its sentence ("92 were closed
 * by the Met", "Kent Police arrested", "the NCLCC has confirmed"), all forces together (the national
 * coordinator), or the one opening the sentence; else the list's or paragraph's lead-in; else the one the
 * document's lede reports for; else the publisher.
 */
export function findClaimant(c: ClaimantContext): string | undefined {
  const forceRelease = c.publisherIsForce ?? isForce(c.meta.publisher, c.organisations);
  const own = claimantInSentence(c.text, c.figureStart, c.sentence, c.organisations, c.meta.claimant, forceRelease, c.meta.programme);
  if (own === NO_ONE) return undefined;
  return own ?? leadIn(c) ?? c.meta.claimant ?? c.meta.publisher;
}

/** Who the lede reports for, where it names someone: figures with no claimant of their own fall back on it. */
export function ledeClaimant(text: string, lede: Span, organisations: readonly OrganisationAnnotation[], publisher?: string): string | undefined {
  // Read from the lede's start, its reporter is nearer than an actor inside it ("The Home Office has confirmed ... police made");
  // from its end, an organisation opening it is its subject.
  const forceRelease = isForce(publisher, organisations);
  return (
    claimantInSentence(text, lede.start, lede, organisations, undefined, forceRelease) ||
    claimantInSentence(text, lede.end, lede, organisations, undefined, forceRelease) ||
    undefined
  );
}

export function isForce(id: string | undefined, organisations: readonly OrganisationAnnotation[]): boolean {
  return id !== undefined && organisations.some((o) => o.entityId === id && o.orgType === 'police-force');
}

/** "Together those five forces accounted for 506": a group of forces, which no one organisation claims. */
const FORCE_GROUP_RE =
  /\b(?:those|these|the)\s+(?:[a-z]+\s+)?(?:forces|police forces)\s+(?:together\s+)?(?:accounted|made|were responsible|contributed|reported)\b/i;
/** Marks a figure that must not fall back on the lead-in or publisher. */
const NO_ONE = '';

function claimantInSentence(
  text: string,
  figureStart: number,
  sentence: Span,
  organisations: readonly OrganisationAnnotation[],
  lead: string | undefined,
  forceRelease: boolean,
  programme?: string,
): string | undefined {
  const inSentence = organisations.filter((o) => o.start >= sentence.start && o.end <= sentence.end && CLAIMANT_TYPES.has(o.orgType));
  const group = FORCE_GROUP_RE.exec(text.slice(sentence.start, figureStart));
  if (group && !inSentence.some((o) => o.start > sentence.start + group.index && o.end <= figureStart)) return NO_ONE;
  const agent = inSentence.find((o) => AGENT_BEFORE_RE.test(text.slice(Math.max(sentence.start, o.start - 60), o.start)));
  if (agent) return agent.entityId;
  const ownProgramme = programmeOf(text, figureStart, sentence, inSentence, programme);
  if (ownProgramme) return ownProgramme;
  const sentenceText = text.slice(sentence.start, sentence.end);
  const generic = GENERIC_POLICE_RE.exec(sentenceText);
  // The nearest actor decides: "The Home Office has confirmed ... in which police made 1,034 arrests".
  const reporting = inSentence.filter((o) => REPORTING_AFTER_RE.test(text.slice(o.end, o.end + 40)));
  const nearestReporting = reporting.filter((o) => o.end <= figureStart).pop() ?? reporting[0];
  const genericAt = generic ? sentence.start + generic.index : -1;
  const genericIsNearer =
    generic &&
    (!nearestReporting ||
      (genericAt > nearestReporting.end && genericAt < figureStart) ||
      (nearestReporting.start > figureStart && genericAt < nearestReporting.start));
  // In a force's own release "police" is the force, unless the sentence says it means all of them.
  const national = forceRelease ? ALL_FORCES_RE.test(sentenceText) : NATIONAL_SCOPE_RE.test(sentenceText) || lead === NATIONAL_COORDINATOR;
  if (generic && genericIsNearer && national) return NATIONAL_COORDINATOR;
  if (nearestReporting) return nearestReporting.entityId;
  // Without a reporting verb, only an organisation opening the sentence is its subject; one named
  // mid-sentence is usually an example or a partner ("such as Rescue and Response").
  const subject = inSentence.find((o) => o.end <= figureStart && o.start - sentence.start <= SUBJECT_REACH && SUBJECT_TYPES.has(o.orgType));
  return subject?.entityId;
}

const RECIPIENT_AFTER_RE = /^\s*(?:will\s+|would\s+|is\s+to\s+|are\s+to\s+)?(?:go(?:es)?|went|be\s+(?:given|awarded|paid|granted))\s+to\s+(?:the\s+)?$/i;

/**
 * "half a million pounds will go to Crimestoppers": money given to a named organisation is that
 * organisation's grant, a narrower thing than the funding it sits beside.
 */
export function fundingRecipient(text: string, figureEnd: number, sentence: Span, organisations: readonly OrganisationAnnotation[]): string | undefined {
  const recipient = organisations.find(
    (o) => o.start >= figureEnd && o.end <= sentence.end && o.start - figureEnd <= 40 && RECIPIENT_AFTER_RE.test(text.slice(figureEnd, o.start)),
  );
  return recipient?.text;
}

const RECEIVED_BEFORE_RE = /\b(?:the\s+)?(National Referral Mechanism|NRM)\s+(?:has\s+|had\s+|have\s+)?(?:received|recorded|took)\s+(?:a total of\s+)?$/i;

/** "the National Referral Mechanism received 87 referrals": referrals to what the clause names before them. */
export function referralSubjectBefore(before: string): string | undefined {
  return RECEIVED_BEFORE_RE.test(before) ? 'National Referral Mechanism' : undefined;
}

/** "The County Lines Programme ... had closed 4,000 lines", "since the start of the programme, 5,200 lines". */
function programmeOf(
  text: string,
  figureStart: number,
  sentence: Span,
  inSentence: readonly OrganisationAnnotation[],
  documentProgramme: string | undefined,
): string | undefined {
  const sentenceText = text.slice(sentence.start, sentence.end);
  PROGRAMME_RE.lastIndex = 0;
  for (let m = PROGRAMME_RE.exec(sentenceText); m; m = PROGRAMME_RE.exec(sentenceText)) {
    const end = sentence.start + m.index + m[0].length;
    if (end <= figureStart && PROGRAMME_ACTS_RE.test(text.slice(end, figureStart))) return programmeId(m[1]);
  }
  // "The programme" with an organisation acting in the sentence is that organisation's work.
  if (!documentProgramme || !PROGRAMME_ANAPHOR_RE.test(sentenceText) || inSentence.some((o) => REPORTING_AFTER_RE.test(text.slice(o.end, o.end + 40))))
    return undefined;
  return documentProgramme;
}

/** The programme the headline or lede names: "the programme" further down means it. */
export function namedProgramme(words: string): string | undefined {
  PROGRAMME_RE.lastIndex = 0;
  const m = PROGRAMME_RE.exec(words);
  return m ? programmeId(m[1]) : undefined;
}

/** The id a reference table's "County Lines Programme" resolves to: the unknown-organisation slug. */
function programmeId(name: string): string {
  return slug(name.replace(/^(?:The|This|A)\s+/, ''));
}

/** The organisation the list's heading, or else the paragraph's opening sentence, says reports the figures. */
function leadIn(c: ClaimantContext): string | undefined {
  if (c.heading) {
    const fromHeading = c.organisations.find((o) => o.start >= c.heading!.start && o.end <= c.heading!.end && CLAIMANT_TYPES.has(o.orgType));
    if (fromHeading) return fromHeading.entityId;
  }
  if (!c.paragraph || c.sentence.start <= c.paragraph.start + 2) return undefined;
  const first = firstSentence(c.text, c.paragraph);
  if (first.end > c.sentence.start) return undefined;
  return (
    claimantInSentence(c.text, first.end, first, c.organisations, c.meta.claimant, c.publisherIsForce ?? isForce(c.meta.publisher, c.organisations)) ||
    undefined
  );
}

function firstSentence(text: string, paragraph: Span): Span {
  const body = text.slice(paragraph.start, paragraph.end);
  const m = /^[\s\S]*?[.!?:](?=\s|$)/.exec(body);
  return { start: paragraph.start, end: paragraph.start + (m ? m[0].length : body.length) };
}

const BREAKDOWN_HEADING_RE = /\b(?:divided|split|broken down|allocated|shared out)\b|\bas follows\b/i;

/**
 * The period a figure belongs to: the phrase of its sentence nearest it, else its list heading's; an
 * undated "during the week" is the week the document dates; a figure that states none shares the period
 * the headline and lede report (the document's `meta.period`).
 */
export function findFigurePeriod(sentenceText: string, offsetInSentence: number, headingText: string | undefined, meta: DocumentMeta): Period | undefined {
  const ctx = meta.date ? { published: meta.date } : {};
  const stated = findPeriod(sentenceText, ctx, offsetInSentence) ?? (headingText ? findPeriod(headingText, ctx) : undefined);
  const main = meta.period;
  // The items of a breakdown ("The money will be divided as follows:") are shares of a total, not counts
  // of the period: without one they are told from restatements of the total by their values.
  if (!stated) return main && (main.from || main.to) && !(headingText && BREAKDOWN_HEADING_RE.test(headingText)) ? main : undefined;
  if (stated.from || stated.to || !main || !isWeekLong(main) || !refersToWeek(stated)) return stated;
  return { text: stated.text, ...(main.from ? { from: main.from } : {}), ...(main.to ? { to: main.to } : {}) };
}

export function organisationsOf(entities: readonly Entity[]): OrganisationAnnotation[] {
  return entities.filter((e): e is OrganisationAnnotation => e.kind === 'organisation').sort((a, b) => a.start - b.start);
}

/**
 * The organisations lying within [from, to) of a list sorted by start. Attribution looks only near a
 * figure; handing it the whole document's organisations made a long document quadratic.
 */
export function organisationsWithin(sorted: readonly OrganisationAnnotation[], from: number, to: number): readonly OrganisationAnnotation[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].start < from) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < sorted.length && sorted[end].start < to) end++;
  return sorted.slice(lo, end);
}

const OPERATION_RE = /\b(?:Operation|Op\.?)\s+([A-Z][\p{L}’'-]+(?:\s+[A-Z][\p{L}’'-]+)?(?:\s+\d+\b)?)/gu;

/**
 * "Operation Orochi" / "Op Orochi" in the sentence, else in the heading of its list, else in its paragraph's
 * opening sentence (which sets what the paragraph is about); an operation named in another sentence of the
 * paragraph is about that sentence only.
 */
export function findOperation(text: string, sentence: Span, paragraph: Span, heading?: Span): string | undefined {
  return operationIn(text, sentence) ?? (heading ? operationIn(text, heading) : undefined) ?? operationIn(text, firstSentence(text, paragraph));
}

function operationIn(text: string, span: Span): string | undefined {
  OPERATION_RE.lastIndex = 0;
  const m = OPERATION_RE.exec(text.slice(span.start, span.end));
  return m ? `Operation ${m[1]}` : undefined;
}

/** Capitalised words after "in"/"across" that are not places. */
const NOT_PLACES = new Set([
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
  'class',
  'county',
  'operation',
  'op',
  'court',
  'prison',
  'custody',
  'partnership',
  'total',
  'addition',
  'response',
  'support',
  'future',
  'the',
  'a',
  'an',
  'our',
  'their',
  'his',
  'her',
  'its',
  'this',
  'that',
  'these',
  'those',
  'june',
  'police',
  'policing',
  'government',
  'december',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'covid',
  'one',
  'two',
  'three',
  'english',
  'british',
]);
/** The whole country is the scope of national figures, not a place that narrows them (the reference tables state none). */
const NATIONAL_PLACES = new Set(['uk', 'united kingdom', 'country', 'england and wales', 'britain', 'great britain', 'nation']);
const PLACE_RE =
  /\b(?:in|across|throughout|around|within)\s+((?:the\s+)?(?:UK|United Kingdom|country|capital|England and Wales|England|Wales|Scotland|[A-Z][\p{L}’'-]+(?:\s+(?:and\s+)?[A-Z][\p{L}’'-]+){0,2}))/gu;

/** "in Kent", "across London" in the sentence; "around the country" or "across England and Wales" narrow nothing. */
export function findPlace(sentenceText: string, organisationTexts: readonly string[], figureEnd?: number): string | undefined {
  PLACE_RE.lastIndex = 0;
  for (let m = PLACE_RE.exec(sentenceText); m; m = PLACE_RE.exec(sentenceText)) {
    // After a comma the sentence has moved on to a detail: "24 people, among them a girl found in Harlow".
    if (figureEnd !== undefined && m.index > figureEnd && sentenceText.slice(figureEnd, m.index).includes(',')) continue;
    const place = m[1];
    const head = place
      .replace(/^the\s+/, '')
      .split(/\s+/)[0]
      .toLowerCase();
    if (NOT_PLACES.has(head) || NATIONAL_PLACES.has(place.replace(/^the\s+/, '').toLowerCase())) continue;
    if (organisationTexts.some((o) => o.includes(place) || place.includes(o))) continue;
    return place;
  }
  return undefined;
}
