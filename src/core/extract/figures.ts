import type { CompiledLexicon } from '../lexicon';
import type { LineIndex } from '../text/lines';
import type { DocumentContext, FigureAnnotation, FigureUnit, LegalTermAnnotation, OrganisationAnnotation, Period, QualifierBound, Span } from '../types';
import { findClaimant, findFigurePeriod, findOperation, findPlace, fundingRecipient, isForce, organisationsOf, organisationsWithin, referralSubjectBefore } from './attribution';
import { findChange } from './changes';
import { findSubject, matchMeasure, subjectNounIn } from './measures';
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
  /** Told of an internal error (the figures found before it still stand); analyze() turns it into a notice. */
  readonly onError?: (stage: string, error: unknown) => void;
}

const TIME_UNITS: ReadonlySet<FigureUnit> = new Set(['years', 'months', 'weeks', 'days', 'hours']);
/** The only time quantities that are claims: ages and what a court imposes. */
const TIME_MEASURES: ReadonlySet<string> = new Set(['age', 'prison sentence', 'order length', 'suspension period', 'unpaid work']);
const WEIGHT_UNITS: ReadonlySet<FigureUnit> = new Set(['kg', 'g', 'tonnes']);
const ONLY_BEFORE_RE = /\b(?:only|just|exactly|a total of|a single|single)\s+$/i;
const ONE_IDIOM_AFTER_RE = /^\s*(?:of|another|in|or|day|time|way|point|hour|minute|second|thing|off|another|by|more|at|on|who|which|that|too)\b/i;
const CONJUNCTION_BEFORE_RE = /\b(?:and|with|plus)\s+$/i;
const ONE_IDIOM_BEFORE_RE = /\b(?:in|at|on|no|number|every|any|the|this|that|each|which|for|to|with|and|is|was|as|from)\s+$/i;
const SEIZED_CONTEXT_RE = /seiz|cash|haul|recover|confiscat|found|carr(?:y|ied|ying)|hidden|stash/i;
const FUNDING_CONTEXT_RE = /fund|grant|invest|budget|donat/i;
/** "£5m for Operation Orochi": money given for a purpose. */
const MONEY_FOR_RE = /^\s*(?:for|to)\s/i;
/** "arrests rose from 80 to 120": both numbers count what the clause is about. */
const FROM_TO_BEFORE_RE = /\b(?:rose|rising|increased|increasing|fell|falling|decreased|decreasing|dropped|went up|went down|grew|climbed|up|down)\s+(?:from\s+(?:£?[\d,.]+\s+to\s+)?|to\s+)$|\b(?:doubled|tripled|trebled|quadrupled|halved),?\s+from\s+$|\bfrom\s+£?[\d,.]+\s+to\s+$|\breached\s+$/i;
/** Measures whose figures are about a person or a sentence, where the words after name no narrower subject. */
const NO_SUBJECT_MEASURES: ReadonlySet<string> = new Set(['age', 'prison sentence', 'order length', 'takings', 'funding']);
/** "A quarter of those arrested were under 18": an age limit with no noun after it. */
const AGE_LIMIT_BEFORE_RE = /\b(?:were|was|are|is|be|being|been|aged)\s+$/i;
const AGE_LIMIT_QUALIFIERS: ReadonlySet<string> = new Set(['under', 'over']);
const COORDINATED_RE = /^\s*[\p{L}'’ -]{1,40}?\s+and\s+(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty)\s+/iu;
const LABEL_BEFORE_RE = /(?:^|[\r\n•])[ \t]*([\p{L}][\p{L} '’-]{2,50}?)\s*(?::|\s[-–]\s)\s*$/u;
const CHANGE_VALUE_BEFORE_RE = /,\s*(?:up\s+|down\s+)?to\s+$/i;
const INHERIT_AFTER_RE = /^\s*(?:for|of|in|and|relating to|related to|involving|linked to|are|were|,|$)/i;
/** "517 of them children", "including four people": part of the figure before it. */
const PART_AFTER_RE = /^\s*of\s+(?:them|those|whom|these|which)\b/i;
const PART_BEFORE_RE = /\b(?:including|of (?:them|whom|those|these)|of which)\s+$/i;
const AGE_BEFORE_RE = /\b(?:aged|age of|ages of|aged between|aged under|aged over|as young as|as old as|age(?: at [a-z]+)? (?:was|is|were)|(?:youngest|oldest)(?:\s+[a-z]+){0,3}\s+(?:was|is|were|being)|(?:youngest|oldest))\s+(?:(?:\d{1,2}|[a-z]+(?:-[a-z]+)?)\s*(?:,|and|or|to|-|–)\s*)*$/i;
const AGE_QUALIFIERS = new Set(['as young as']);
/** "Jane Roe, 24, of Lewisham": an age between commas after a name. */
const NAME_COMMA_BEFORE_RE = /(?:[A-Z][\p{L}’'-]+|\b(?:man|woman|boy|girl|teenager|youth|suspect|defendant|victim|driver|passenger|mother|father|son|daughter|brother|sister|pensioner|student|resident|dealer|runner|offender|accused))\s*,\s*$/u;
const NAME_COMMA_AFTER_RE = /^\s*(?:,|and\b|\)|were\b|was\b|both\b|from\b|of\b)/;
/** "the children were between 14 and 16": a teenage range stated as what people were. */
const TEEN_RANGE_BEFORE_RE = /\b(?:was|were|is|are)\s+(?:all\s+)?between\s+(?:1\d\s+and\s+)?$/i;
/** "the runners were just 15": a teenage number stated as what people were. */
const JUST_AGE_BEFORE_RE = /\b(?:was|were|is|are)\s+(?:just|only)\s+$/i;
/** "a 15- or 16-year-old". */
const AGE_RANGE_AFTER_RE = /^-?\s*(?:or|to|and)\s+(?:an?\s+)?\d{1,2}-years?-old\b/i;

/*
 * Borderline cases, decided (they follow test/fixtures/gold/GUIDELINES.md):
 * - Vague magnitudes built from a number word ("hundreds of robberies", "tens of thousands of
 *   messages", "dozens") are figures: value = the magnitude's floor (100, 10,000, 24), bound 'lower',
 *   qualifier = the words ("hundreds"), precision = the value. "Many", "a number of" are not.
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
  readonly after: string;
  readonly change?: FigureAnnotation['change'];
  /** The span of the "(1,431 to 2,232)" that follows a change, whose numbers count the same measure. */
  readonly changeValuesSpan?: Span;
}

function collectFigures(text: string, ctx: FigureContext, out: FigureAnnotation[]): void {
  const excluded = excludedSpans(text, ctx.entities);
  const tokens = scanNumbers(text, excluded);
  if (tokens.length === 0) return;
  const organisations = organisationsOf(ctx.entities);
  const meta = ctx.documentContext?.meta ?? readMeta(text, { entities: ctx.entities, lineIndex: ctx.lineIndex, onError: ctx.onError });
  const drafts: Draft[] = [];
  for (const token of tokens) {
    const draft = readToken(text, ctx, token, drafts);
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
    const nearby = organisationsWithin(organisations, Math.min(paragraph.start, d.sentence.start, heading?.start ?? Infinity), Math.max(paragraph.end, d.sentence.end, heading?.end ?? 0));
    let attribution = perSentence.get(d.sentence.start);
    if (!attribution) {
      attribution = {
        operation: findOperation(text, d.sentence, paragraph, heading),
      };
      perSentence.set(d.sentence.start, attribution);
    }
    const period: Period | undefined = findFigurePeriod(sentenceText, d.start - d.sentence.start, heading ? text.slice(heading.start, heading.end) : undefined, meta);
    const place = findPlace(sentenceText, organisationNames, d.end - d.sentence.start);
    const claimant = findClaimant({ text, figureStart: d.start, sentence: d.sentence, heading, paragraph, organisations: nearby, meta, publisherIsForce });
    const subject = d.counts === 'funding' ? fundingRecipient(text, d.end, d.sentence, nearby) : d.counts !== null && NO_SUBJECT_MEASURES.has(d.counts) ? undefined : findSubject(d.after) ?? (d.counts === 'referrals' ? referralSubjectBefore(text.slice(d.sentence.start, d.start)) : undefined);
    const figureText = text.slice(d.start, d.end);
    out.push({
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
      ...(subject ? { subject } : {}),
      ...(d.change ? { change: d.change } : {}),
      ...(claimant ? { claimant } : {}),
      ...(attribution.operation ? { operation: attribution.operation } : {}),
      ...(period ? { period } : {}),
      ...(place ? { place } : {}),
      sentence: d.sentence,
    });
  }
}

function readToken(text: string, ctx: FigureContext, token: NumberToken, earlier: readonly Draft[]): Draft | undefined {
  const sentence = sentenceAt(ctx.sentences, token.start) ?? lineSpan(text, token.start);
  const qualifier = token.vague ? undefined : qualifierBefore(text, token.start);
  let start = qualifier?.start ?? token.start;
  if (start < sentence.start) start = token.start;
  const suffix = token.vague || qualifier ? undefined : qualifierAfter(text, token.end);
  const end = suffix?.end ?? token.end;
  const before = clauseBefore(text, sentence.start, start);
  const after = clauseAfter(text, end, sentence.end);
  if (isAge(token, qualifier?.qualifier, before, after)) token = { ...token, unit: 'years', age: true };
  if (token.isOne && !acceptOne(qualifier !== undefined, before, after)) return undefined;
  const change = findChange(text, before, after, token, start);
  if (change?.spanStart !== undefined) start = change.spanStart;
  const heading = headingOf(text, ctx.sentences, sentence);
  const headingText = heading ? text.slice(heading.start, heading.end) : undefined;
  const match = change?.after !== undefined
    ? matchMeasure({ unit: 'count', after: change.after, before: '', isChange: false })
    : matchMeasure({ unit: token.unit, after, before: change ? change.before : before, heading: headingText, isChange: change !== undefined });
  let counts = match?.id ?? null;
  if (match === null || match.generic) counts = coordinatedMeasure(token.unit, after) ?? counts;
  if (counts === null) counts = labelledMeasure(text, start, token.unit);
  if (token.age) counts = 'age';
  // "They received eight years and six years": a bare duration beside a sentence is one too.
  if (TIME_UNITS.has(token.unit) && !TIME_MEASURES.has(counts ?? '')) counts = inherited(text, earlier, sentence, token.unit, start, after, true) ?? counts;
  if (TIME_UNITS.has(token.unit) && !TIME_MEASURES.has(counts ?? '')) return undefined;
  if (!change && !token.age && (counts === null || match?.generic) && (PART_AFTER_RE.test(after) || PART_BEFORE_RE.test(before))) {
    counts = partOf(text, earlier, sentence, start) ?? counts;
  }
  if (counts === null && FROM_TO_BEFORE_RE.test(before)) counts = lastNamedIn(earlier, sentence) ?? subjectNounIn(before.replace(FROM_TO_BEFORE_RE, ''), 'count');
  // "risen by almost a quarter in the past year, to 318": the value after a change counts what the change does.
  if (counts === null && CHANGE_VALUE_BEFORE_RE.test(before)) counts = previousIn(earlier, sentence, start);
  // "Of the 4,920 referrals, roughly one in five ...": a share of what the clause names first.
  if (counts === null && (token.unit === 'ratio' || token.unit === 'percent')) counts = subjectNounIn(before, 'count');
  if (counts === null) counts = defaultMeasure(text, token.unit, sentence, headingText, after);
  if (!change && (counts === null || match?.generic)) counts = inherited(text, earlier, sentence, token.unit, start, after, counts === null) ?? counts;
  // "54 lines this year, compared with 39 in 2022, a rise of 38 per cent": the change is about its neighbours.
  if (change && counts === null) counts = lastNamedIn(earlier, sentence);
  const stated = token.vague ? { qualifier: token.vague, bound: 'lower' as const } : (qualifier ?? suffix ?? (token.plus ? PLUS_QUALIFIER : undefined));
  const [qualifierWords, bound] = stated ? [stated.qualifier, stated.bound] : ['exact', 'exact' as const];
  return {
    token,
    start,
    end,
    qualifier: qualifierWords,
    bound,
    sentence,
    counts,
    after,
    ...(change ? { change: change.change, changeValuesSpan: change.valuesSpan } : {}),
  };
}

/** "Only one lineholder", "one arrest" are claims; "one of", "in one case", "no one" are not. */
function acceptOne(qualified: boolean, before: string, after: string): boolean {
  if (ONE_IDIOM_AFTER_RE.test(after)) return false;
  if (qualified || ONLY_BEFORE_RE.test(before)) return true;
  const measure = matchMeasure({ unit: 'count', after, before: '', isChange: false });
  // "two counts of supply and one count of ...": after a conjunction, a counted noun makes it a figure.
  if (ONE_IDIOM_BEFORE_RE.test(before)) return measure !== null && !measure.generic && CONJUNCTION_BEFORE_RE.test(before);
  return measure !== null;
}

function defaultMeasure(text: string, unit: FigureUnit, sentence: Span, heading: string | undefined, after: string): string | null {
  if (WEIGHT_UNITS.has(unit)) return 'drugs seized';
  if (unit !== 'GBP') return null;
  const context = text.slice(sentence.start, sentence.end) + ' ' + (heading ?? '');
  if (FUNDING_CONTEXT_RE.test(context) || MONEY_FOR_RE.test(after)) return 'funding';
  if (SEIZED_CONTEXT_RE.test(context)) return 'cash seized';
  return null;
}

/**
 * "238 charges for Class A drugs and 49 for Class B drugs": the 49 counts charges too. "884 were men
 * and 128 were women": a figure named only by a generic noun, close after one with a measure and
 * nothing but words between them, counts the same.
 */
function inherited(text: string, earlier: readonly Draft[], sentence: Span, unit: FigureUnit, start: number, after: string, unnamed: boolean): string | null {
  const previous = earlier[earlier.length - 1];
  if (!previous || previous.sentence.start !== sentence.start || previous.token.unit !== unit || previous.counts === null) return null;
  if (unnamed && INHERIT_AFTER_RE.test(after)) return previous.counts;
  const between = text.slice(previous.end, start);
  return between.length <= 40 && !/[\d;:()•]/.test(between) && /\b(?:and|while|with|but|against|compared (?:with|to)|versus|vs\.?|from|to)\s*$|,\s*$/.test(between) ? previous.counts : null;
}

/** "1,208 vulnerable people safeguarded, 517 of them children": the part counts what the whole counts. */
function partOf(text: string, earlier: readonly Draft[], sentence: Span, start: number): string | null {
  for (let i = earlier.length - 1; i >= 0; i--) {
    const d = earlier[i];
    if (d.sentence.start !== sentence.start) break;
    if (d.end <= start && d.counts) return d.counts;
  }
  // "... 1,894 knife injuries. The Met attributed 412 of them ...": the whole is in the sentence before, same paragraph.
  const previous = earlier[earlier.length - 1];
  if (previous?.counts && !TIME_MEASURES.has(previous.counts) && previous.sentence.start !== sentence.start && !/\n\s*\n/.test(text.slice(previous.end, start))) return previous.counts;
  return null;
}

/** "33 vulnerable adults and 12 children safeguarded": the verb after the second noun covers the first. */
function coordinatedMeasure(unit: FigureUnit, after: string): string | null {
  const m = COORDINATED_RE.exec(after);
  // "seven children have been offered support and four have been referred": two clauses, not two nouns.
  if (!m || /\b(?:have|has|had|been|were|was|are|is)\b/i.test(m[0])) return null;
  const second = matchMeasure({ unit, after: after.slice(m[0].length), before: '', isChange: false });
  return second && !second.generic ? second.id : null;
}

/** "Arrests: 290", "Cash seized - £12,000": a label before the figure on its line names the measure. */
function labelledMeasure(text: string, start: number, unit: FigureUnit): string | null {
  const m = LABEL_BEFORE_RE.exec(text.slice(Math.max(0, start - 60), start));
  if (!m) return null;
  const label = m[1].trim();
  const asNoun = matchMeasure({ unit, after: label, before: '', isChange: false });
  if (asNoun) return asNoun.id;
  const words = label.split(/\s+/);
  // "Cash seized": the noun first, then the verb as the one that governs the figure.
  return matchMeasure({ unit, after: words[0], before: words.slice(1).join(' ') || label, isChange: false })?.id ?? null;
}

function previousIn(earlier: readonly Draft[], sentence: Span, start: number): string | null {
  const previous = earlier[earlier.length - 1];
  return previous && previous.sentence.start === sentence.start && previous.end <= start && previous.change ? previous.counts : null;
}

function lastNamedIn(earlier: readonly Draft[], sentence: Span): string | null {
  const previous = earlier[earlier.length - 1];
  return previous && previous.sentence.start === sentence.start && previous.token.unit === 'count' ? previous.counts : null;
}

function isAge(token: NumberToken, qualifier: string | undefined, before: string, after: string): boolean {
  if (token.age) return true;
  // "aged between 16 and 19, two of whom": a part of the people just described, not an age.
  if (PART_AFTER_RE.test(after)) return false;
  if (token.unit !== 'count' || !Number.isInteger(token.value) || token.value < 1 || token.value > 120) return false;
  if (qualifier && AGE_QUALIFIERS.has(qualifier)) return true;
  if (qualifier && AGE_LIMIT_QUALIFIERS.has(qualifier) && token.value >= 10 && token.value <= 25 && AGE_LIMIT_BEFORE_RE.test(before) && /^\s*(?:[,.;)]|and\b|or\b|$)/.test(after)) return true;
  if (AGE_BEFORE_RE.test(before) || AGE_RANGE_AFTER_RE.test(after)) return true;
  if (token.value >= 10 && token.value <= 19 && JUST_AGE_BEFORE_RE.test(before) && /^\s*(?:[,.;)]|$)/.test(after)) return true;
  if (token.value >= 10 && token.value <= 19 && TEEN_RANGE_BEFORE_RE.test(before)) return true;
  return token.value >= 10 && token.value < 100 && !token.inWords && NAME_COMMA_BEFORE_RE.test(before) && NAME_COMMA_AFTER_RE.test(after);
}

/** The numbers in "up 55% (1,431 to 2,232)" count what the change counts. */
function inheritChangeMeasures(drafts: Draft[]): void {
  for (const d of drafts) {
    const span = d.changeValuesSpan;
    if (!span) continue;
    for (const other of drafts) if (other !== d && other.start >= span.start && other.end <= span.end) other.counts = d.counts;
  }
}

const POINTS_BACK_RE = /\b(?:those|these|the same)\s+$/i;

/** "This sum is separate from the £42m": a figure stated again counts what it counted before. */
function inheritRestatedMeasures(text: string, drafts: Draft[], earlier?: ReadonlyMap<string, string>): void {
  const named = new Map<string, string>(earlier ?? []);
  for (const d of drafts) {
    const key = `${d.token.unit}:${d.token.value}`;
    // "Each of those 24 people": only a generic noun, pointing back to the figure it repeats.
    const pointsBack = d.counts === 'people' && POINTS_BACK_RE.test(text.slice(Math.max(0, d.start - 16), d.start));
    if (d.counts && !pointsBack) {
      if (!named.has(key)) named.set(key, d.counts);
    } else if (d.token.unit !== 'count' || d.token.value >= 10) {
      d.counts = named.get(key) ?? d.counts;
    }
  }
}

function lineSpan(text: string, at: number): Span {
  let start = at;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  let end = at;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return { start, end };
}
