import type { LegalTermAnnotation, OrganisationAnnotation, Period, Span } from '../types';

type Entity = OrganisationAnnotation | LegalTermAnnotation;

/** Organisation types that report figures of their own; the media only repeat them. */
const CLAIMANT_TYPES = new Set(['police-force', 'national-agency', 'regional-unit', 'government', 'prosecutor', 'inspectorate', 'court', 'council', 'charity', 'other']);
const SUBJECT_TYPES = new Set(['police-force', 'national-agency', 'regional-unit', 'government', 'prosecutor', 'inspectorate']);
const SUBJECT_REACH = 40;
const REPORTING_AFTER_RE = /^[’']?s?\s*(?:\([^)]*\)\s*)?(?:has|have|had|said|says|say|reported|reveal(?:ed|s)|announced|made|arrested|seized|closed|charged|recorded|carried out|led|found|confirmed|figures|data|work|officers|(?:’s|'s)\s+work)\b/i;

/**
 * The organisation that claims a figure: in its sentence, one that reports or acts ("Kent Police
 * arrested", "the Met said"), else the first named before the figure, else the list heading's,
 * else the publisher.
 */
export function findClaimant(
  text: string,
  figureStart: number,
  sentence: Span,
  heading: Span | undefined,
  organisations: readonly OrganisationAnnotation[],
  publisher: string | undefined,
): string | undefined {
  const inSentence = organisations.filter((o) => o.start >= sentence.start && o.end <= sentence.end && CLAIMANT_TYPES.has(o.orgType));
  const reporting = inSentence.find((o) => REPORTING_AFTER_RE.test(text.slice(o.end, o.end + 40)));
  if (reporting) return reporting.entityId;
  // Without a reporting verb, only an organisation opening the sentence is its subject; one named
  // mid-sentence is usually an example or a partner ("such as Rescue and Response").
  const subject = inSentence.find((o) => o.end <= figureStart && o.start - sentence.start <= SUBJECT_REACH && SUBJECT_TYPES.has(o.orgType));
  if (subject) return subject.entityId;
  if (heading) {
    const fromHeading = organisations.find((o) => o.start >= heading.start && o.end <= heading.end && CLAIMANT_TYPES.has(o.orgType));
    if (fromHeading) return fromHeading.entityId;
  }
  return publisher;
}

export function organisationsOf(entities: readonly Entity[]): OrganisationAnnotation[] {
  return entities.filter((e): e is OrganisationAnnotation => e.kind === 'organisation');
}

const OPERATION_RE = /\b(?:Operation|Op\.?)\s+([A-Z][\p{L}’'-]+(?:\s+[A-Z][\p{L}’'-]+)?(?:\s+\d+\b)?)/gu;

/** "Operation Orochi" / "Op Orochi" in the sentence, else in its paragraph. */
export function findOperation(text: string, sentence: Span, paragraph: Span): string | undefined {
  return operationIn(text, sentence) ?? operationIn(text, paragraph);
}

function operationIn(text: string, span: Span): string | undefined {
  OPERATION_RE.lastIndex = 0;
  const m = OPERATION_RE.exec(text.slice(span.start, span.end));
  return m ? `Operation ${m[1]}` : undefined;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)`;
const DATE = String.raw`(?:\d{1,2}(?:st|nd|rd|th)?\s+${MONTH}(?:\s+\d{4})?|${MONTH}(?:\s+\d{4})?|\d{4})`;

const PERIOD_RES: readonly RegExp[] = [
  new RegExp(String.raw`\b(?:between|from)\s+(?:the\s+)?(${DATE})\s+(?:and|to|until|-|–)\s+(?:the\s+)?(${DATE})`, 'iu'),
  new RegExp(String.raw`\b(?:from\s+)?(?:the\s+)?(\d{1,2})\s*[-–]\s*(\d{1,2})\s+(${MONTH})(?:\s+(\d{4}))?`, 'iu'),
  new RegExp(String.raw`\bsince\s+(?:the\s+)?(?:start\s+of\s+|end\s+of\s+)?(${DATE})`, 'iu'),
  /\b(?:during|over|in|throughout|within)\s+(?:the|this|a|its)\s+(?:(?:last|past|next|previous|first|same|\d+|[a-z]+-long|challenging)\s+)*(?:(?:\d+|two|three|four|five|six|ten|twelve|18|24)\s+)?(?:week of action|week-long\s+\w+|intensification week|operation|crackdown|period|year|months?|weeks?|days?)\b/i,
  /\b(?:week of action|intensification week|week-long (?:operation|crackdown))\b/i,
  /\bin\s+((?:19|20)\d{2})\b/,
];

/** The period a sentence's figures belong to, with ISO dates where the words give them. */
export function findPeriod(sentenceText: string, documentYear: string | undefined): Period | undefined {
  for (const re of PERIOD_RES) {
    const m = re.exec(sentenceText);
    if (!m) continue;
    const words = m[0].trim();
    if (re === PERIOD_RES[0]) return withDates(words, isoDate(m[1], documentYear), isoDate(m[2], documentYear));
    if (re === PERIOD_RES[1]) {
      const year = m[4] ?? documentYear;
      const month = monthNumber(m[3]);
      return withDates(words, year && month ? `${year}-${month}-${pad(m[1])}` : undefined, year && month ? `${year}-${month}-${pad(m[2])}` : undefined);
    }
    if (re === PERIOD_RES[2]) return withDates(words, isoDate(m[1], documentYear), undefined);
    if (re === PERIOD_RES[5]) return withDates(words, m[1], m[1]);
    return { text: words };
  }
  return undefined;
}

function withDates(text: string, from: string | undefined, to: string | undefined): Period {
  return { text, ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/** "1 November 2019" → 2019-11-01, "November 2019" → 2019-11, "2019" → 2019, "9 October" → uses the document's year. */
export function isoDate(words: string, documentYear: string | undefined): string | undefined {
  const full = /^(\d{1,2})(?:st|nd|rd|th)?\s+(\p{L}+)(?:\s+(\d{4}))?$/u.exec(words);
  if (full) {
    const month = monthNumber(full[2]);
    const year = full[3] ?? documentYear;
    return month && year ? `${year}-${month}-${pad(full[1])}` : undefined;
  }
  const monthYear = /^(\p{L}+)(?:\s+(\d{4}))?$/u.exec(words);
  if (monthYear) {
    const month = monthNumber(monthYear[1]);
    const year = monthYear[2] ?? documentYear;
    return month && year ? `${year}-${month}` : undefined;
  }
  return /^\d{4}$/.test(words) ? words : undefined;
}

export function monthNumber(name: string): string | undefined {
  const lower = name.toLowerCase().replace(/\.$/, '');
  const index = MONTHS.findIndex((m) => m.startsWith(lower.slice(0, 3)) && lower.length >= 3);
  return index >= 0 ? pad(String(index + 1)) : undefined;
}

const pad = (s: string) => s.padStart(2, '0');

/** Capitalised words after "in"/"across" that are not places. */
const NOT_PLACES = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'class', 'county', 'operation', 'op', 'court', 'prison', 'custody', 'partnership', 'total', 'addition', 'response', 'support', 'future',
  'the', 'a', 'an', 'our', 'their', 'his', 'her', 'its', 'this', 'that', 'these', 'those', 'june', 'police', 'policing', 'government',
  'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'covid', 'one', 'two', 'three', 'english', 'british',
]);
const PLACE_RE = /\b(?:in|across|throughout|around|within)\s+((?:the\s+)?(?:UK|United Kingdom|country|capital|England|Wales|Scotland|[A-Z][\p{L}’'-]+(?:\s+(?:and\s+)?[A-Z][\p{L}’'-]+){0,2}))/gu;

/** "in Kent", "across London", "around the country" in the sentence. */
export function findPlace(sentenceText: string, organisationTexts: readonly string[]): string | undefined {
  PLACE_RE.lastIndex = 0;
  for (let m = PLACE_RE.exec(sentenceText); m; m = PLACE_RE.exec(sentenceText)) {
    const place = m[1];
    const head = place.replace(/^the\s+/, '').split(/\s+/)[0].toLowerCase();
    if (NOT_PLACES.has(head)) continue;
    if (organisationTexts.some((o) => o.includes(place) || place.includes(o))) continue;
    return place;
  }
  return undefined;
}
