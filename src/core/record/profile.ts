import { findDaySpans } from '../extract/periods';
import type { FigureAnnotation } from '../types';
import { measureOf } from './claims';
import { STREET_WORDS } from './people';
import { isVague } from './roles';
import { documentScopes, type DocumentScopes } from './scope';
import type { SourceDocument } from './types';
import { toBase, unitFamily } from './units';
import { bitsOf, chanceOfStatedValue } from './valueBits';
import { daysOf } from './window';
import { containsAny } from '../text/words';

/**
 * What a document says about the event it reports, as the evidence that two documents report the same one:
 * when it was published and which period it states, the operations and people it names, and the figures it
 * gives. Read once per document; comparing two profiles is cheap (see events.ts).
 */
export interface DocumentProfile {
  readonly docId: string;
  /** Publication day (days since 1970). */
  readonly day?: number;
  /** Dated periods of three days to a month the document states ("9-15 October 2023"), as days. */
  readonly periods: readonly DayRange[];
  /** Year-less periods ("between 11 October and 17 October" in an undated text), as month-day strings. */
  readonly partialPeriods: readonly { readonly from: string; readonly to: string; readonly text: string }[];
  /** Named operations ("Operation Orochi"), lower case. */
  readonly operations: readonly string[];
  /** Named weeks and campaigns ("County Lines Intensification Week"): weak evidence, shared by every year's. */
  readonly campaigns: readonly string[];
  /** Full names (lower case) of the people a court report names. */
  readonly people: readonly string[];
  readonly surnames: readonly string[];
  readonly isCase: boolean;
  readonly court?: string;
  /** The document's scope key ("national", "force:kent-police", "case"). */
  readonly scope: string;
  /** Its figures by `family:value`, with the measures they are stated with. */
  readonly values: ReadonlyMap<string, ProfileValue>;
  readonly scopes: DocumentScopes;
}

export interface DayRange {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface ProfileValue {
  readonly key: string;
  readonly text: string;
  readonly measures: readonly string[];
  /** Evidence in bits when two documents share the value with the same measure, and with any measure. */
  readonly bitsSameMeasure: number;
  readonly bitsAnyMeasure: number;
}

/** Shortest and longest period that reads as an event (a week of action, a fortnight's operation). */
const MIN_EVENT_DAYS = 2;
const MAX_EVENT_DAYS = 31;
/** How much likelier a shared value is when both documents say it counts the same thing. */
const SAME_MEASURE_FACTOR = 0.3;

export function valueKey(f: Pick<FigureAnnotation, 'value' | 'unit'>): string {
  // A value with a fraction of its unit is read to six significant digits (extract/numbers.ts): "six years
  // and five months" is 6.41667 years. Its key keeps no more, or it would be 77.00004 months, a value so
  // precise that two unrelated court reports sharing it would weigh as the strongest evidence there is.
  const digits = Number.isInteger(f.value) ? 12 : 6;
  return `${unitFamily(f.unit)}:${Number(toBase(f.value, f.unit).toPrecision(digits))}`;
}

const OPERATION = /\bOperation\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b/g;
const OPERATION_NEEDS = ['Operation'];
const CAMPAIGN = /\b((?:[A-Z][a-z]+\s+){1,4}(?:Week|Weeks|Campaign|Initiative|Crackdown|Programme|Line))\b/g;
/** The words without which CAMPAIGN cannot match: most documents have none, and then it is not run. */
const CAMPAIGN_NEEDS = ['Week', 'Campaign', 'Initiative', 'Crackdown', 'Programme', 'Line'];
/** Capitalised words that open a sentence rather than a name. */
const NOT_NAME =
  /^(?:The|A|An|This|That|These|Those|Police|Officers|Detective|Det|Judge|Mr|Mrs|Ms|Miss|Dr|He|She|They|It|In|On|At|Of|And|But|North|South|East|West|Crown|Court|County|Lines|Class|Regional|Organised|Crime|Unit|National|Home|Office|Image|Media|Video|Picture|Credit|Published|Read|More|St|Saint|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve)$/;
const FULL_NAME = /\b([A-Z][a-z’'-]+|Mc[A-Z][a-z]+|Mac[A-Z][a-z]+)\s+(?:["“‘'][A-Za-z ]+["”’']\s+)?([A-Z][a-z’'-]+|Mc[A-Z][a-z]+|Mac[A-Z][a-z]+)\b/g;

/** How much of a document's top is searched for the periods it states (see `periodsOf`). */
const PERIOD_SCAN_CHARS = 2_500;

/**
 * Words without which no phrase states a dated period of days to a month: a month's name, or a span of
 * days, weeks or a month counted from the publication date ("in the past week", "the week ending Sunday").
 */
const PERIOD_HINT = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|week|fortnight|day|month|\d[/.]\d/i;
/** Where one paragraph ends: a blank line. */
const PARAGRAPH_BREAK = /\r?\n[ \t]*\r?\n/g;

/**
 * The periods the text states, searched paragraph by paragraph and only where a paragraph could state one:
 * the period phrases are long patterns, and most paragraphs of a release state none.
 */
function periodsInText(text: string, published: string): ReturnType<typeof findDaySpans> {
  const out: ReturnType<typeof findDaySpans>[number][] = [];
  const search = (paragraph: string) => {
    if (PERIOD_HINT.test(paragraph)) for (const f of findDaySpans(paragraph, { published })) out.push(f);
  };
  // Each paragraph with the blank line that ends it.
  let start = 0;
  PARAGRAPH_BREAK.lastIndex = 0;
  for (let m = PARAGRAPH_BREAK.exec(text); m; m = PARAGRAPH_BREAK.exec(text)) {
    search(text.slice(start, m.index + m[0].length));
    start = m.index + m[0].length;
  }
  if (start < text.length) search(text.slice(start));
  return out;
}

function periodsOf(doc: SourceDocument, published: string | undefined): { full: DayRange[]; partial: DocumentProfile['partialPeriods'] } {
  const full: DayRange[] = [];
  const partial: { from: string; to: string; text: string }[] = [];
  const add = (from: string | undefined, to: string | undefined, text: string) => {
    if (!from || !to || from.length < 10 || to.length < 10) return;
    const start = daysOf(from);
    const end = daysOf(to);
    if (start === undefined || end === undefined) return;
    const days = end - start;
    if (days < MIN_EVENT_DAYS || days > MAX_EVENT_DAYS) return;
    if (!full.some((p) => p.start === start && p.end === end)) full.push({ start, end, text });
  };
  const meta = doc.meta ?? doc.analysis.meta;
  if (meta.period) add(meta.period.from, meta.period.to, meta.period.text);
  for (const a of doc.analysis.annotations) if (a.kind === 'figure' && a.period) add(a.period.from, a.period.to, a.period.text);
  // The week a document reports is stated at its top (headline, lede, the paragraphs after): further down,
  // the periods its figures carry are enough, and searching a long release for period phrases is slow.
  const text = doc.text.length > PERIOD_SCAN_CHARS ? doc.text.slice(0, PERIOD_SCAN_CHARS) : doc.text;
  if (published) for (const f of periodsInText(text, published)) add(f.period.from, f.period.to, f.period.text);
  else {
    // Undated: the month and day of a stated week still say which week of a year it was.
    for (const f of periodsInText(text, '2000-12-31')) {
      const { from, to } = f.period;
      if (!from || !to || from.length < 10 || to.length < 10) continue;
      const days = daysOf(to)! - daysOf(from)!;
      if (days < MIN_EVENT_DAYS || days > MAX_EVENT_DAYS) continue;
      if (/\b(?:19|20)\d{2}\b/.test(f.period.text)) continue;
      partial.push({ from: from.slice(5), to: to.slice(5), text: f.period.text });
    }
  }
  return { full, partial };
}

function namesOf(doc: SourceDocument, scopes: DocumentScopes): { people: string[]; surnames: string[] } {
  const people = new Set<string>();
  const surnames = new Set<string>();
  for (const p of scopes.people) {
    surnames.add(p.surname);
    if (p.first) people.add(`${p.first} ${p.surname}`);
  }
  if (scopes.isCase) {
    // A court report names its defendants without ages too: "Jane Roe and John Doe were convicted".
    // An organisation's or a law's name ("Modern Slavery Act 2015") is no one's, nor is a street's ("Dover Road").
    const named = doc.analysis.annotations.filter((a) => a.kind === 'organisation' || a.kind === 'legal-term');
    FULL_NAME.lastIndex = 0;
    const text = doc.text.length > 40_000 ? doc.text.slice(0, 40_000) : doc.text;
    for (let m = FULL_NAME.exec(text); m; m = FULL_NAME.exec(text)) {
      if (NOT_NAME.test(m[1]) || NOT_NAME.test(m[2])) continue;
      if (STREET_WORDS.has(m[2].toLowerCase())) continue;
      if (named.some((o) => o.start < m!.index + m![0].length && m!.index < o.end)) continue;
      people.add(`${m[1]} ${m[2]}`.toLowerCase());
      surnames.add(m[2].toLowerCase());
      FULL_NAME.lastIndex = m.index + m[1].length + 1;
    }
  }
  return { people: [...people].sort(), surnames: [...surnames].sort() };
}

function valuesOf(doc: SourceDocument): Map<string, ProfileValue> {
  const out = new Map<string, { key: string; text: string; measures: Set<string>; chance: number }>();
  for (const a of doc.analysis.annotations) {
    if (a.kind !== 'figure' || !Number.isFinite(a.value) || isVague(a) || a.counts === 'age' || unitFamily(a.unit) === 'ratio') continue;
    const key = valueKey(a);
    const known = out.get(key);
    const measure = measureOf(a);
    if (known) {
      if (measure) known.measures.add(measure);
      continue;
    }
    out.set(key, { key, text: a.text, measures: new Set(measure ? [measure] : []), chance: chanceOfStatedValue(a.value, a.precision) });
  }
  const values = new Map<string, ProfileValue>();
  for (const [key, v] of out) {
    values.set(key, {
      key,
      text: v.text,
      measures: [...v.measures].sort(),
      bitsSameMeasure: bitsOf(v.chance * SAME_MEASURE_FACTOR),
      bitsAnyMeasure: bitsOf(v.chance),
    });
  }
  return values;
}

function namedOf(text: string, re: RegExp, group: number, needs: readonly string[]): string[] {
  const out = new Set<string>();
  re.lastIndex = 0;
  const t = text.length > 40_000 ? text.slice(0, 40_000) : text;
  if (!containsAny(t, needs)) return [];
  for (let m = re.exec(t); m; m = re.exec(t)) out.add(m[group].toLowerCase().replace(/\s+/g, ' '));
  return [...out].sort();
}

export function profileOf(doc: SourceDocument, scopes: DocumentScopes = documentScopes(doc)): DocumentProfile {
  const meta = doc.meta ?? doc.analysis.meta;
  const day = meta.date ? daysOf(meta.date) : undefined;
  const { full, partial } = periodsOf(doc, meta.date);
  const operations = new Set(namedOf(doc.text, OPERATION, 1, OPERATION_NEEDS));
  for (const a of doc.analysis.annotations) if (a.kind === 'figure' && a.operation) operations.add(a.operation.toLowerCase().replace(/^operation\s+/, ''));
  const { people, surnames } = namesOf(doc, scopes);
  return {
    docId: doc.id,
    // Every field always present (possibly undefined): events weigh thousands of pairs of profiles, and
    // one shape keeps those reads at one offset.
    day,
    periods: full,
    partialPeriods: partial,
    operations: [...operations].sort(),
    campaigns: namedOf(doc.text, CAMPAIGN, 1, CAMPAIGN_NEEDS),
    people,
    surnames,
    isCase: scopes.isCase,
    court: scopes.court || undefined,
    scope: scopes.document.key,
    values: valuesOf(doc),
    scopes,
  };
}
