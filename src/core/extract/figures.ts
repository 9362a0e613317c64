import type { CompiledLexicon } from '../lexicon';
import type { LineIndex } from '../text/lines';
import type {
  DocumentContext,
  DocumentMeta,
  FigureAnnotation,
  FigureUnit,
  FigureWarning,
  LegalTermAnnotation,
  OrganisationAnnotation,
  Period,
  QualifierBound,
  Span,
} from '../types';
import {
  findClaimant,
  findFigurePeriod,
  findOperation,
  findPlace,
  fundingRecipient,
  isForce,
  organisationsOf,
  organisationsWithin,
  referralSubjectBefore,
} from './attribution';
import { findChange } from './changes';
import { decideMeasure, measureKindOf, type MeasureDecision, type MeasureQuery } from './measureRules';
import { findSubject, matchMeasure } from './measures';
import { readMeta } from './meta';
import { excludedSpans } from './nonFigures';
import { PLUS_QUALIFIER, qualifierAfter, qualifierBefore } from './qualifiers';
import { scanNumbers, type NumberToken } from './scan';
import { clauseAfter, clauseBefore, headingOf, paragraphFinder, sentenceAt } from './spans';

export interface FigureContext {
  readonly lexicon: CompiledLexicon;
  readonly lineIndex: LineIndex;
  readonly sentences: readonly Span[];
  /** Organisations and legal terms already found, sorted by start (for claimants, and to skip "Class A"). */
  readonly entities: readonly (OrganisationAnnotation | LegalTermAnnotation)[];
  /** When the text is one paragraph of a document (incremental analysis): the document's meta and earlier named measures. */
  readonly documentContext?: DocumentContext;
  /** The document's meta when the caller has read it already (analyze() needs it too; reading it twice cost a few per cent). */
  readonly meta?: DocumentMeta;
  /** Told of an internal error (the figures found before it still stand); analyze() turns it into a notice. */
  readonly onError?: (stage: string, error: unknown) => void;
}

const TIME_UNITS: ReadonlySet<FigureUnit> = new Set(['years', 'months', 'weeks', 'days', 'hours']);
/** The only time quantities that are claims: ages and what a court imposes. */
const TIME_MEASURES: ReadonlySet<string> = new Set(['age', 'prison sentence', 'order length', 'suspension period', 'unpaid work']);
const ONLY_BEFORE_RE = /\b(?:only|just|exactly|a total of|a single|single)\s+$/i;
const ONE_IDIOM_AFTER_RE = /^\s*(?:of|another|in|or|day|time|way|point|hour|minute|second|thing|off|another|by|more|at|on|who|which|that|too)\b/i;
const PERCENTAGE_POINT_AFTER_RE = /^\s*percentage[\s-]+points?\b/i;
const CONJUNCTION_BEFORE_RE = /\b(?:and|with|plus)\s+$/i;
const ONE_IDIOM_BEFORE_RE = /\b(?:in|at|on|no|number|every|any|the|this|that|each|which|for|to|with|and|is|was|as|from)\s+$/i;
/** Measures whose figures are about a person or a sentence, where the words after name no narrower subject. */
const NO_SUBJECT_MEASURES: ReadonlySet<string> = new Set(['age', 'prison sentence', 'order length', 'takings', 'funding']);
/** "A quarter of those arrested were under 18": an age limit with no noun after it. */
const AGE_LIMIT_BEFORE_RE = /\b(?:were|was|are|is|be|being|been|aged)\s+$/i;
const AGE_LIMIT_QUALIFIERS: ReadonlySet<string> = new Set(['under', 'over']);
/** "517 of them children", "including four people": part of the figure before it. */
const PART_AFTER_RE = /^\s*of\s+(?:them|those|whom|these|which)\b/i;
const AGE_BEFORE_RE =
  /\b(?:aged|age of|ages of|aged between|aged under|aged over|as young as|as old as|age(?: at [a-z]+)? (?:was|is|were)|(?:youngest|oldest)(?:\s+[a-z]+){0,3}\s+(?:was|is|were|being)|(?:youngest|oldest))\s+(?:(?:\d{1,2}|[a-z]+(?:-[a-z]+)?)\s*(?:,|and|or|to|-|–)\s*)*$/i;
const AGE_QUALIFIERS = new Set(['as young as']);
/** "eight and 15 years", "five to seven months". */
const RANGE_UNIT_AFTER_RE =
  /^\s*(?:and|to|or|-|–)\s+(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty)\s*(?:-|\s)(years?|months?|weeks?|days?|hours?)(?:['’]|\b)/i;
const RANGE_UNITS: Readonly<Record<string, FigureUnit>> = { year: 'years', month: 'months', week: 'weeks', day: 'days', hour: 'hours' };
/** "The youngest defendant, who is 14, was sentenced": an age in a relative clause. */
const WHO_IS_BEFORE_RE = /\bwho\s+(?:is|was|were|are)\s+(?:now\s+|only\s+|just\s+)?$/i;
/** "Jane Roe, 24, of Lewisham": an age between commas after a name. */
const NAME_COMMA_BEFORE_RE =
  /(?:[A-Z][\p{L}’'-]+|\b(?:man|woman|boy|girl|teenager|youth|suspect|defendant|victim|driver|passenger|mother|father|son|daughter|brother|sister|pensioner|student|resident|dealer|runner|offender|accused))\s*,\s*$/u;
const NAME_COMMA_AFTER_RE = /^\s*(?:,|and\b|\)|were\b|was\b|both\b|from\b|of\b)/;
/** "the children were between 14 and 16": a teenage range stated as what people were. */
const TEEN_RANGE_BEFORE_RE = /\b(?:was|were|is|are)\s+(?:all\s+)?between\s+(?:1\d\s+and\s+)?$/i;
/** "the runners were just 15": a teenage number stated as what people were. */
const JUST_AGE_BEFORE_RE = /\b(?:was|were|is|are)\s+(?:just|only)\s+$/i;
/** "a 15- or 16-year-old". */
const AGE_RANGE_AFTER_RE = /^-?\s*(?:or|to|and)\s+(?:an?\s+)?\d{1,2}-years?-old\b/i;

/*
 * Borderline cases, decided (they follow test/fixtures/gold/GUIDELINES.md):
 * - Indefinite magnitudes ("hundreds of robberies", "tens of thousands of messages", "dozens",
 *   "millions of pounds") are not figures; neither are "many", "a number of".
 * - "one" is a figure only when bounded ("only one", "just one", "more than one") or directly
 *   counting a known measure ("one arrest"); never in "one of", "in one case", "no one", "one-off".
 * - Durations are figures only as ages and sentence lengths (and order lengths); "18 months after",
 *   "the last 10 weeks", "one hour later", "a two-week operation" are not.
 * - Ordinals ("fourth week", "7th"), years used as dates, dates, times, phone numbers, addresses,
 *   web addresses, list numbering and numbers in names (Section 60, Catch22, Operation Falcon 2,
 *   Covid-19, anything inside an entity the lexicon found) are never figures.
 */

/**
 * Finds the numeric claims in a document: one pass over number tokens (digits, number words,
 * fractions, vague magnitudes), then a look at each one's clause for its qualifier, unit, measure
 * and attribution. Never throws: on an internal error it returns what it has and tells `ctx.onError`.
 */
export function findFigures(text: string, ctx: FigureContext): FigureAnnotation[] {
  const figures: FigureAnnotation[] = [];
  try {
    collectFigures(text, ctx, figures);
  } catch (e) {
    // A bug here must not take the rest of the analysis down; the figures found so far stand, and it is reported.
    ctx.onError?.('figures', e);
  }
  return figures;
}

interface Draft {
  readonly token: NumberToken;
  readonly start: number;
  readonly end: number;
  readonly qualifier: string;
  readonly bound: QualifierBound;
  readonly sentence: Span;
  counts: string | null;
  measure: Omit<MeasureDecision, 'counts'>;
  warnings?: readonly FigureWarning[];
  readonly after: string;
  readonly change?: FigureAnnotation['change'];
  /** The span of the "(1,431 to 2,232)" that follows a change, whose numbers count the same measure. */
  readonly changeValuesSpan?: Span;
}

type Mutable<T> = { -readonly [P in keyof T]: T[P] };

/** The decision without its `counts`, keys in the order the JSON shows them. */
function measureOfDecision(decision: MeasureDecision): Draft['measure'] {
  const measure: Mutable<Draft['measure']> = {} as Mutable<Draft['measure']>;
  if (decision.rule) measure.rule = decision.rule;
  measure.known = decision.known;
  if (decision.words) measure.words = decision.words;
  if (decision.head) measure.head = decision.head;
  return measure;
}

function collectFigures(text: string, ctx: FigureContext, out: FigureAnnotation[]): void {
  const excluded = excludedSpans(text, ctx.entities);
  const tokens = scanNumbers(text, excluded);
  if (tokens.length === 0) return;
  const organisations = organisationsOf(ctx.entities);
  const meta = ctx.meta ?? ctx.documentContext?.meta ?? readMeta(text, { entities: ctx.entities, lineIndex: ctx.lineIndex, onError: ctx.onError });
  const drafts: Draft[] = [];
  const terms = ctx.entities.filter((e): e is LegalTermAnnotation => e.kind === 'legal-term');
  for (const token of tokens) {
    const draft = readToken(text, ctx, token, drafts, terms);
    if (draft) drafts.push(draft);
  }
  inheritChangeMeasures(drafts);
  inheritRestatedMeasures(text, drafts, ctx.documentContext?.namedMeasures);
  const perSentence = new Map<number, { operation?: string }>();
  const paragraphAround = paragraphFinder(text);
  const publisherIsForce = isForce(meta.publisher, organisations);
  const organisationNames = [...new Set(organisations.map((o) => o.text))];
  for (const d of drafts) {
    const sentenceText = text.slice(d.sentence.start, d.sentence.end);
    const heading = headingOf(text, ctx.sentences, d.sentence);
    const paragraph = paragraphAround(d.sentence);
    const nearby = organisationsWithin(
      organisations,
      Math.min(paragraph.start, d.sentence.start, heading?.start ?? Infinity),
      Math.max(paragraph.end, d.sentence.end, heading?.end ?? 0),
    );
    let attribution = perSentence.get(d.sentence.start);
    if (!attribution) {
      attribution = {
        operation: findOperation(text, d.sentence, paragraph, heading),
      };
      perSentence.set(d.sentence.start, attribution);
    }
    const period: Period | undefined = findFigurePeriod(
      sentenceText,
      d.start - d.sentence.start,
      heading ? text.slice(heading.start, heading.end) : undefined,
      meta,
    );
    const place = findPlace(sentenceText, organisationNames, d.end - d.sentence.start);
    const claimant = findClaimant({ text, figureStart: d.start, sentence: d.sentence, heading, paragraph, organisations: nearby, meta, publisherIsForce });
    const subject =
      d.counts === 'funding'
        ? fundingRecipient(text, d.end, d.sentence, nearby)
        : d.counts !== null && NO_SUBJECT_MEASURES.has(d.counts)
          ? undefined
          : (findSubject(d.after) ?? (d.counts === 'referrals' ? referralSubjectBefore(text.slice(d.sentence.start, d.start)) : undefined));
    const figureText = text.slice(d.start, d.end);
    // Built by assignment in a fixed order (the order of its JSON keys): spreading a conditional object
    // per optional field allocated one throwaway object per field per figure.
    const figure: Mutable<FigureAnnotation> = {
      kind: 'figure',
      id: `figure:${d.start}-${d.end}`,
      start: d.start,
      end: d.end,
      text: figureText,
      line: ctx.lineIndex.lineAt(d.start),
      source: 'rule',
      value: d.token.value,
      unit: d.token.unit,
      qualifier: d.qualifier,
      bound: d.bound,
      precision: d.token.precision,
      counts: d.counts,
    } as Mutable<FigureAnnotation>;
    if (d.measure.rule) figure.measureRule = d.measure.rule;
    figure.measureKind = measureKindOf({ unit: d.token.unit, counts: d.counts, change: d.change, after: d.after });
    if (d.counts !== null) figure.measureKnown = d.measure.known === true;
    if (d.measure.words && d.measure.words !== d.counts) figure.measureWords = d.measure.words;
    if (d.measure.head) figure.measureHead = d.measure.head;
    if (subject) figure.subject = subject;
    if (d.change) figure.change = d.change;
    if (claimant) figure.claimant = claimant;
    if (attribution.operation) figure.operation = attribution.operation;
    if (period) figure.period = period;
    if (place) figure.place = place;
    if (d.token.reading) figure.reading = d.token.reading;
    if (d.token.warnings?.length || d.warnings?.length) figure.warnings = [...(d.token.warnings ?? []), ...(d.warnings ?? [])];
    figure.sentence = d.sentence;
    out.push(figure);
  }
}

function readToken(text: string, ctx: FigureContext, token: NumberToken, earlier: readonly Draft[], terms: readonly LegalTermAnnotation[]): Draft | undefined {
  const sentence = sentenceAt(ctx.sentences, token.start) ?? lineSpan(text, token.start);
  const qualifier = token.vague ? undefined : qualifierBefore(text, token.start);
  let start = qualifier?.start ?? token.start;
  if (start < sentence.start) start = token.start;
  const suffix = token.vague || qualifier ? undefined : qualifierAfter(text, token.end);
  const end = suffix?.end ?? token.end;
  const before = clauseBefore(text, sentence.start, start);
  const after = clauseAfter(text, end, sentence.end);
  // "between eight and 15 years' detention": the first end of a range has the second end's unit.
  const rangeUnit = token.unit === 'count' ? RANGE_UNIT_AFTER_RE.exec(after) : null;
  if (rangeUnit) token = { ...token, unit: RANGE_UNITS[rangeUnit[1].toLowerCase().replace(/s$/, '')] ?? token.unit };
  if (isAge(token, qualifier?.qualifier, before, after)) token = { ...token, unit: token.age && TIME_UNITS.has(token.unit) ? token.unit : 'years', age: true };
  if (token.isOne && !acceptOne(qualifier !== undefined, before, after)) return undefined;
  const change = findChange(text, before, after, token, start);
  if (change?.spanStart !== undefined) start = change.spanStart;
  const heading = headingOf(text, ctx.sentences, sentence);
  const headingText = heading ? text.slice(heading.start, heading.end) : undefined;
  const query: MeasureQuery = {
    text,
    unit: token.unit,
    age: token.age,
    start,
    end,
    sentence,
    before,
    after,
    ...(headingText !== undefined ? { heading: headingText } : {}),
    ...(change ? { change: { before: change.before, ...(change.after !== undefined ? { after: change.after } : {}) } } : {}),
    earlier,
    terms,
    ...(previousSentenceOf(ctx.sentences, sentence) ? { previousSentence: previousSentenceOf(ctx.sentences, sentence)! } : {}),
  };
  let measure = decideMeasure(query);
  if (TIME_UNITS.has(token.unit) && !TIME_MEASURES.has(measure.counts ?? '')) {
    // "They received eight years and six years": a bare duration beside a sentence is one too.
    const previous = earlier[earlier.length - 1];
    const between = previous ? text.slice(previous.end, start) : '';
    if (
      previous &&
      previous.sentence.start === sentence.start &&
      previous.token.unit === token.unit &&
      previous.counts &&
      TIME_MEASURES.has(previous.counts) &&
      between.length <= 40 &&
      !/[\d;:()•]/.test(between)
    ) {
      measure = { counts: previous.counts, rule: 'inherited', known: true };
    } else if (token.unit === 'hours') {
      // "worked 182 hours", "150 hours of community work": time given, a claim; "24 hours later" is not.
      const effort = effortHours(before, after);
      if (!effort) return undefined;
      measure = { counts: effort, rule: 'effort-hours', known: false };
    } else return undefined;
  }
  const counts = measure.counts;
  const stated = token.vague ? { qualifier: token.vague, bound: 'lower' as const } : (qualifier ?? suffix ?? (token.plus ? PLUS_QUALIFIER : undefined));
  let [qualifierWords, bound] = stated ? [stated.qualifier, stated.bound] : ['exact', 'exact' as QualifierBound];
  // The end of the text may have cut the number short: what is shown is only a lower bound.
  if (token.cutOff && bound !== 'lower') bound = 'lower';
  return {
    token,
    start,
    end,
    qualifier: qualifierWords,
    bound,
    sentence,
    counts,
    measure: measureOfDecision(measure),
    after,
    ...(change ? { change: change.change, changeValuesSpan: change.valuesSpan } : {}),
  };
}

const EFFORT_BEFORE_RE =
  /\b(worked|working|spent|spending|volunteered|volunteering|gave|given|put in|clocked up|clocked|logged|dedicated|devoted|completed)\s+(?:(?:a total of|more than|over|almost|nearly|around|about|some|an extra|another)\s+)*$/i;
const HOURS_OF_AFTER_RE =
  /^\s*of\s+(?:(?:unpaid|voluntary|community|extra|additional|police|officer)\s+)*(work|time|footage|CCTV|CCTV footage|patrols?|overtime|volunteering|training|interviews?)\b/i;

/** "has worked 182 hours", "spent 40 hours", "300 hours of CCTV footage": time put in, a figure; "24 hours later" is not. */
function effortHours(before: string, after: string): string | null {
  const verb = EFFORT_BEFORE_RE.exec(before);
  if (verb) return `hours ${/^work/i.test(verb[1]) ? 'worked' : /^spen/i.test(verb[1]) ? 'spent' : /^volunt/i.test(verb[1]) ? 'volunteered' : 'given'}`;
  const of = HOURS_OF_AFTER_RE.exec(after);
  return of ? `hours of ${of[1].toLowerCase()}` : null;
}

/** "Only one lineholder", "one arrest" are claims; "one of", "in one case", "no one" are not. */
function acceptOne(qualified: boolean, before: string, after: string): boolean {
  if (ONE_IDIOM_AFTER_RE.test(after)) return false;
  // "by one percentage point": the size of a change in a share.
  if (PERCENTAGE_POINT_AFTER_RE.test(after)) return true;
  if (qualified || ONLY_BEFORE_RE.test(before)) return true;
  const measure = matchMeasure({ unit: 'count', after, before: '', isChange: false });
  // "two counts of supply and one count of ...": after a conjunction, a counted noun makes it a figure.
  if (ONE_IDIOM_BEFORE_RE.test(before)) return measure !== null && !measure.generic && CONJUNCTION_BEFORE_RE.test(before);
  return measure !== null;
}

function isAge(token: NumberToken, qualifier: string | undefined, before: string, after: string): boolean {
  if (token.age) return true;
  // "aged between 16 and 19, two of whom": a part of the people just described, not an age.
  if (PART_AFTER_RE.test(after)) return false;
  if (token.unit !== 'count' || !Number.isInteger(token.value) || token.value < 1 || token.value > 120) return false;
  if (qualifier && AGE_QUALIFIERS.has(qualifier)) return true;
  if (
    qualifier &&
    AGE_LIMIT_QUALIFIERS.has(qualifier) &&
    token.value >= 10 &&
    token.value <= 25 &&
    AGE_LIMIT_BEFORE_RE.test(before) &&
    /^\s*(?:[,.;)]|and\b|or\b|$)/.test(after)
  )
    return true;
  if (AGE_BEFORE_RE.test(before) || AGE_RANGE_AFTER_RE.test(after)) return true;
  if (token.value >= 10 && token.value < 100 && WHO_IS_BEFORE_RE.test(before) && /^\s*(?:[,.;)]|years?\b|and\b)/.test(after)) return true;
  if (token.value >= 10 && token.value <= 19 && JUST_AGE_BEFORE_RE.test(before) && /^\s*(?:[,.;)]|$)/.test(after)) return true;
  if (token.value >= 10 && token.value <= 19 && TEEN_RANGE_BEFORE_RE.test(before)) return true;
  return token.value >= 10 && token.value < 100 && !token.inWords && NAME_COMMA_BEFORE_RE.test(before) && NAME_COMMA_AFTER_RE.test(after);
}

/** The numbers in "up 55% (1,431 to 2,232)" count what the change counts. */
function inheritChangeMeasures(drafts: Draft[]): void {
  for (const d of drafts) {
    const span = d.changeValuesSpan;
    if (!span) continue;
    for (const other of drafts) {
      if (other === d || other.start < span.start || other.end > span.end) continue;
      other.counts = d.counts;
      other.measure = { ...d.measure, rule: 'change-values' };
    }
  }
}

const POINTS_BACK_RE = /\b(?:those|these|the same)\s+$/i;

/** How much a rule's reading is to be trusted when one number is stated twice with two measures. */
function strength(d: Draft): number {
  if (d.counts === null) return -1;
  if (d.counts === 'people') return 0;
  const rule = d.measure.rule ?? '';
  if (['lexicon', 'offence-category', 'label', 'change-named-after', 'age'].includes(rule)) return 3;
  if (['noun-phrase', 'subject', 'share-of', 'amount-of', 'group-size', 'default-amount'].includes(rule)) return 2;
  return 1;
}

/** A number distinctive enough that two statements of it in one document are the same figure: "1,468", "£426,040". */
function distinctive(d: Draft): boolean {
  const v = Math.abs(d.token.value);
  if (d.token.unit === 'percent' || d.token.unit === 'ratio' || TIME_UNITS.has(d.token.unit)) return false;
  return v >= 100 && (v % 100 !== 0 || !Number.isInteger(v)) && d.token.precision < v / 50;
}

/**
 * "This sum is separate from the £42m": a figure stated again counts what it counted before. A
 * distinctive number is never given two measures in one document: where two statements disagree, the
 * one read by the more reliable rule wins and the other says so in a warning.
 */
function inheritRestatedMeasures(text: string, drafts: Draft[], earlier?: ReadonlyMap<string, string>): void {
  const named = new Map<string, string>(earlier ?? []);
  const first = new Map<string, Draft>();
  for (const d of drafts) {
    const key = `${d.token.unit}:${d.token.value}`;
    // "Each of those 24 people": only a generic noun, pointing back to the figure it repeats.
    const pointsBack = d.counts === 'people' && POINTS_BACK_RE.test(text.slice(Math.max(0, d.start - 16), d.start));
    if (d.counts && !pointsBack) {
      if (!named.has(key)) named.set(key, d.counts);
    } else if (d.token.unit !== 'count' || d.token.value >= 10) {
      const restated = named.get(key);
      if (restated !== undefined && restated !== d.counts) {
        d.counts = restated;
        d.measure = { ...d.measure, rule: 'restated' };
      }
    }
    if (!distinctive(d) || d.counts === null || d.change) continue;
    const other = first.get(key);
    if (!other) {
      first.set(key, d);
      continue;
    }
    if (other.counts === d.counts) continue;
    const [strong, weak] = strength(d) > strength(other) ? [d, other] : [other, d];
    if (strength(strong) === strength(weak)) continue;
    const message = `"${text.slice(weak.start, weak.end)}" restates a figure read elsewhere as ${strong.counts}; it was given that measure instead of ${weak.counts}.`;
    weak.counts = strong.counts;
    weak.measure = { ...strong.measure, rule: 'restated' };
    weak.warnings = [...(weak.warnings ?? []), { code: 'measure-unified', message }];
    first.set(key, strong);
  }
}

function previousSentenceOf(sentences: readonly Span[], sentence: Span): Span | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].start < sentence.start) lo = mid + 1;
    else hi = mid - 1;
  }
  return lo > 0 ? sentences[lo - 1] : undefined;
}

function lineSpan(text: string, at: number): Span {
  let start = at;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  let end = at;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return { start, end };
}
