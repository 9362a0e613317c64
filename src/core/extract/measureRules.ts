import type { FigureAnnotation, FigureUnit, LegalTermAnnotation, MeasureKind, Span } from '../types';
import { firstFrom } from '../sorted';
import { matchMeasure, measureFitsVerb, subjectNounIn, type MeasureMatch } from './measures';
import { governingVerb, nounPhraseAfter, subjectBefore, type OpenReading } from './openMeasure';

/**
 * What a figure counts, decided by a table of rules tried in order. Each rule has an id (recorded on the
 * figure as `measureRule`, so the accuracy of each rule can be measured on real text), an example of
 * the wording it handles, and a resolver. The lexicon's measures (src/core/lexicon/data/measures.json)
 * name what they know ("arrests", "drug lines closed"); what they do not know is read from the noun
 * phrase the figure quantifies and kept as written ("businesses", "households"), never forced into the
 * nearest known measure.
 */

/** A figure read earlier in the document, as the rules that look back need it. */
export interface PriorFigure {
  readonly start: number;
  readonly end: number;
  readonly sentence: Span;
  readonly token: { readonly unit: FigureUnit; readonly value: number };
  readonly counts: string | null;
  readonly change?: FigureAnnotation['change'];
}

/** Everything the rules read about one figure. */
export interface MeasureQuery {
  readonly text: string;
  readonly unit: FigureUnit;
  readonly age: boolean;
  /** The figure's span (qualifier and change words included). */
  readonly start: number;
  readonly end: number;
  readonly sentence: Span;
  /** The clause before the figure and after it, quotes removed from the latter. */
  readonly before: string;
  readonly after: string;
  /** For a bulleted item, the line that introduced the list. */
  readonly heading?: string;
  readonly change?: { readonly before: string; readonly after?: string };
  /** Figures read before this one, in text order. */
  readonly earlier: readonly PriorFigure[];
  /** Legal terms of the document, sorted by start: offence categories name what statistics count. */
  readonly terms: readonly LegalTermAnnotation[];
  /** The sentence before the figure's, if any. */
  readonly previousSentence?: Span;
}

/**
 * The last figure before this one, in its sentence, that `test` accepts. `earlier` is in text order, so
 * the search stops at the sentence's start instead of walking back through the whole document: a
 * document of thousands of figures would otherwise cost time in the square of its length.
 */
function lastInSentence(q: MeasureQuery, test: (d: PriorFigure) => unknown): PriorFigure | undefined {
  for (let i = q.earlier.length - 1; i >= 0; i--) {
    const d = q.earlier[i];
    if (d.sentence.start !== q.sentence.start) {
      if (d.start < q.sentence.start) break;
      continue;
    }
    if (test(d)) return d;
  }
  return undefined;
}

/**
 * The document's legal terms that start from `from` up to (not including) `to`: `q.terms` is sorted by
 * start, so a figure reads only those near it, not every term of a long document.
 */
function termsStartingIn(q: MeasureQuery, from: number, to: number): readonly LegalTermAnnotation[] {
  return q.terms.slice(firstFrom(q.terms, from, termStart), firstFrom(q.terms, to, termStart));
}
const termStart = (t: LegalTermAnnotation) => t.start;
/** A legal term is a few words: one ending in a stretch starts at most this far before it. */
const MAX_TERM_CHARS = 300;

/** The last figure before this one that starts after `from` and that `test` accepts (text order, as above). */
function lastAfter(q: MeasureQuery, from: number, test: (d: PriorFigure) => unknown): PriorFigure | undefined {
  for (let i = q.earlier.length - 1; i >= 0 && q.earlier[i].start > from; i--) if (test(q.earlier[i])) return q.earlier[i];
  return undefined;
}

export interface MeasureReading {
  readonly counts: string;
  /** Only a generic noun ("people") named it; a later rule may name it better. */
  readonly generic?: boolean;
  /** `counts` is a measure the lexicon knows. */
  readonly known?: boolean;
  readonly words?: string;
  readonly head?: string;
}

export interface MeasureRule {
  readonly id: string;
  readonly example: string;
  /** `unknown`: tried only while nothing named the measure; `weak`: also over a generic noun. */
  readonly tried: 'unknown' | 'weak';
  readonly resolve: (q: MeasureQuery) => MeasureReading | null;
}

export interface MeasureDecision {
  readonly counts: string | null;
  readonly rule?: string;
  readonly known?: boolean;
  readonly generic?: boolean;
  readonly words?: string;
  readonly head?: string;
}

const WEIGHT_UNITS: ReadonlySet<FigureUnit> = new Set(['kg', 'g', 'tonnes']);
const TIME_UNITS: ReadonlySet<FigureUnit> = new Set(['years', 'months', 'weeks', 'days', 'hours']);
const SEIZED_CONTEXT_RE = /seiz|cash|haul|recover|confiscat|found|carr(?:y|ied|ying)|hidden|stash/i;
const FUNDING_CONTEXT_RE = /fund|grant|invest|budget|donat/i;
/** "£5m for Operation Orochi": money given for a purpose. */
const MONEY_FOR_RE = /^\s*(?:for|to)\s/i;
/** "arrests rose from 80 to 120": both numbers count what the clause is about. */
const FROM_TO_BEFORE_RE =
  /\b(?:rose|rising|increased|increasing|fell|falling|decreased|decreasing|dropped|went up|went down|grew|climbed|up|down|jumped)\s+(?:from\s+(?:£?[\d,.]+\s+to\s+)?|to\s+)$|\b(?:doubled|tripled|trebled|quadrupled|halved),?\s+from\s+$|\bfrom\s+£?[\d,.]+\s+to\s+$|\breached\s+$/i;
const COORDINATED_RE =
  /^\s*[\p{L}'’ -]{1,40}?\s+and\s+(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty)\s+/iu;
const LABEL_BEFORE_RE = /(?:^|[\r\n•]|\n[ \t]*[-–*][ \t])[ \t]*([\p{L}][\p{L} '’-]{2,50}?)\s*(?::|\s[-–]\s)\s*$/u;
const CHANGE_VALUE_BEFORE_RE = /,\s*(?:up\s+|down\s+)?to\s+$/i;
const INHERIT_AFTER_RE = /^\s*(?:for|of|in|and|relating to|related to|involving|linked to|are|were|,|$)/i;
/** "517 of them children", "including four people", "£11 million of this": part of the figure before it. */
const PART_AFTER_RE = /^\s*of\s+(?:them|those|whom|these|which|this|that|it)\b/i;
const PART_BEFORE_RE = /\b(?:including|of (?:them|whom|those|these)|of which)\s+$/i;
/** "Of those 542,723 searches ..., 73,891 led to an arrest": a part of the whole the sentence opens with. */
const OF_THE_WHOLE_RE =
  /^\s*Of\s+(?:the|those|these)\s+[\d,]+\s+([\p{L}][\p{L} -]{1,40}?)(?:\s+(?:under|in|for|from|made|carried|conducted|recorded|of)\b[^,]*)?,\s+$/iu;
/** "This is up 5% from", "This went down to 19", "These jumped from": a pronoun stands for the figure before. */
const PRONOUN_SUBJECT_RE = /^\s*(?:this|these|that|it|they|which)\b(?:\s+[\p{L}'’-]+){0,4}\s*$/iu;
/** "a gang of five men", "a group of six": the members of a group. */
const GROUP_OF_BEFORE_RE = /\b(gang|group|crew|network|team|family|ring|cell)\s+of\s+$/i;
const STRONG_AFTER_RE = /^-strong\s+([\p{L}]+)/iu;
/** "a total loss of £1.6m", "which cost them £2.6m": the noun an amount is of. */
const NOUN_OF_MONEY_RE =
  /\b(?:a|an|the)?\s*(?:total\s+|combined\s+|estimated\s+|overall\s+)?(loss|losses|cost|costs|value|worth|turnover|profit|profits|bill|damage|debt|fine|fines|compensation|bail|benefit|reward|sum|haul|proceeds|payout|price|budget|fraud|theft|takings)\s+(?:of|at|was|were|is|stood at|totalled|came to)\s+$|\b(cost|costs|costing)\s+(?:them|him|her|us|it|the\s+[\p{L}]+)\s+$/iu;
/** "£102million recovered by", "£16 million was paid back", "£1.6billion has been recovered". */
const MONEY_PARTICIPLE_RE =
  /^\s*(?:(?:was|were|has been|have been|had been|is|are|being)\s+)?(?:(?:then|later|all|also|since|now)\s+)?([a-z]+ed|paid|sent|stolen|taken|spent|lost|made|held|found|given|won|sold|laundered|seized)\b/i;
const PROCESS_HEADS = new Set([
  'charge',
  'arrest',
  'prosecution',
  'conviction',
  'caution',
  'sentence',
  'warrant',
  'referral',
  'victim',
  'plea',
  'order',
  'decision',
  'hearing',
  'case',
]);
const PERSON_GENERIC = 'people';

/** An offence category the text names where a figure's noun phrase starts: its canonical name when it covers the phrase. */
function offenceCategory(q: MeasureQuery, open: OpenReading, from: number): MeasureReading | null {
  const at = from + open.offset;
  const term = termsStartingIn(q, at, at + 1).find((t) => t.category === 'offence');
  if (!term) return null;
  const head = open.head;
  if (PROCESS_HEADS.has(head)) return null;
  const whole = term.text.toLowerCase().replace(/\s+/g, ' ');
  const written = open.words.toLowerCase();
  // "sex offences" is the category "sexual offences"; "knife-enabled homicides" is kept as written.
  const canonical = written === whole && term.source !== 'rule' && /\b(?:offences|crime|crimes|offence)\b/.test(term.canonical) ? term.canonical : undefined;
  return { counts: canonical ?? open.words, known: canonical !== undefined, words: open.words, head };
}

function fromMatch(m: MeasureMatch | null): MeasureReading | null {
  return m ? { counts: m.id, generic: m.generic, known: true } : null;
}

/**
 * A noun phrase read as written. A word for people is "people" unless what was done to them is a
 * measure the lexicon knows ("prosecute 2,000 people" → people prosecuted); an amount keeps the verb
 * that moved it ("sending £26 million of dirty money" → dirty money sent); other nouns are the noun
 * phrase alone ("ten businesses targeted by the gang" → businesses).
 */
function openReading(q: MeasureQuery, open: OpenReading, governing?: string): MeasureReading {
  const verb = open.participle ?? governing;
  if (open.person) {
    const named = verb ? matchMeasure({ unit: 'count', after: `people were ${verb}`, before: '', isChange: false }) : null;
    if (named && !named.generic) return { counts: named.id, known: true, words: open.words, head: open.head };
    return { counts: PERSON_GENERIC, generic: true, known: true, words: open.words, head: open.head };
  }
  const amount = q.unit === 'GBP' || WEIGHT_UNITS.has(q.unit);
  // "6 dedicated county lines officers": a head noun the lexicon knows names the measure, its modifiers do not.
  if (!amount && open.headWord && open.words !== open.headWord) {
    const known = matchMeasure({ unit: q.unit, after: open.headWord, before: '', isChange: false });
    if (known && !known.generic && (!verb || measureFitsVerb(known.id, verb))) return { counts: known.id, known: true, words: open.words, head: open.head };
  }
  const counts = amount && verb ? `${open.words} ${verb}` : open.words;
  return { counts, words: open.participle ? `${open.words} ${open.participle}` : open.words, head: open.head };
}

function lastNamed(q: MeasureQuery, sameUnit: boolean): PriorFigure | undefined {
  const previous = q.earlier[q.earlier.length - 1];
  if (!previous || previous.sentence.start !== q.sentence.start || previous.counts === null) return undefined;
  if (sameUnit && previous.token.unit !== q.unit) return undefined;
  return previous;
}

/**
 * The last figure with a measure before this sentence, at most one paragraph back (news copy often
 * gives each sentence a paragraph of its own).
 */
function previousSentenceFigure(q: MeasureQuery): PriorFigure | undefined {
  for (let i = q.earlier.length - 1; i >= 0; i--) {
    const d = q.earlier[i];
    if (d.sentence.start === q.sentence.start || TIME_UNITS.has(d.token.unit)) continue;
    if ((q.text.slice(d.end, q.start).match(/\n\s*\n/g) ?? []).length > 1) return undefined;
    return d.counts !== null ? d : undefined;
  }
  return undefined;
}

/** The last offence a stretch of text names ("... robberies involving a knife or sharp instrument ..."): its category name or its words. */
function lastOffenceIn(q: MeasureQuery, from: number, to: number): MeasureReading | null {
  let found: LegalTermAnnotation | undefined;
  for (const t of termsStartingIn(q, from, to)) if (t.category === 'offence' && t.end <= to) found = t;
  if (!found) return null;
  const canonical =
    found.source !== 'rule' && found.text.toLowerCase() !== found.canonical && /\b(?:offences|crime|crimes|offence)\b/.test(found.canonical)
      ? found.canonical
      : undefined;
  return { counts: canonical ?? found.text.toLowerCase().replace(/\s+/g, ' '), known: canonical !== undefined };
}

/** "The most common nationalities referred were UK (26%), ...": the noun phrase before the sentence's copula. */
function sentenceSubject(q: MeasureQuery): MeasureReading | null {
  const sentence = q.text.slice(q.sentence.start, q.start).replace(/^[\s•·*-]+/, '');
  const m = /^(.{3,120}?)\s+(?:were|was|are|is|included|include|includes)\b/i.exec(sentence);
  if (!m) return null;
  const open = subjectBefore(m[1].replace(/^(?:the|a|an)\s+/i, '').replace(/\s+(?:this|last|that)\s+(?:quarter|year|month|week)$/i, ''), false);
  return open ? { counts: open.counts, words: open.words, head: open.head } : null;
}

/** The rules, from the most to the least specific cue. */
export const MEASURE_RULES: readonly MeasureRule[] = [
  {
    id: 'age',
    example: 'a 15-year-old; Jane Roe, 24, of Lewisham',
    tried: 'unknown',
    resolve: (q) => (q.age ? { counts: 'age', known: true } : null),
  },
  {
    id: 'change-named-after',
    example: 'a 29% increase in thefts from shops',
    tried: 'unknown',
    resolve: (q) => {
      if (q.change?.after === undefined) return null;
      const known = fromMatch(matchMeasure({ unit: 'count', after: q.change.after, before: '', isChange: false }));
      if (known && !known.generic) return known;
      const open = nounPhraseAfter(q.change.after.replace(/^\s*(?:the\s+)?(?:number|numbers|level|amount|value|rate)\s+of\s+/i, ' '));
      if (!open) return known;
      const from = q.end + (q.after.length - q.change.after.length);
      return offenceCategory(q, open, from) ?? openReading(q, open);
    },
  },
  {
    id: 'offence-category',
    example: '138,045 sex offences; 37,443 knife crimes',
    tried: 'unknown',
    resolve: (q) => {
      if (q.unit !== 'count') return null;
      const open = nounPhraseAfter(q.after);
      return open ? offenceCategory(q, open, q.end) : null;
    },
  },
  {
    id: 'lexicon',
    example: '290 arrests; arrested 290 people; 61% had previous convictions',
    tried: 'unknown',
    resolve: (q) => {
      const m = matchMeasure({
        unit: q.unit,
        after: q.after,
        before: q.change ? q.change.before : q.before,
        heading: q.heading,
        isChange: q.change !== undefined,
      });
      if (!m || m.generic) return fromMatch(m);
      // "stopped 100,000 vehicles" is not "vehicles seized": another verb governs the noun.
      const verb = governingVerb(q.before);
      if (verb && !measureFitsVerb(m.id, verb)) return null;
      return fromMatch(m);
    },
  },
  {
    id: 'coordinated',
    example: '33 vulnerable adults and 12 children safeguarded',
    tried: 'weak',
    resolve: (q) => {
      const m = COORDINATED_RE.exec(q.after);
      // "seven children have been offered support and four have been referred": two clauses, not two nouns.
      if (!m || /\b(?:have|has|had|been|were|was|are|is)\b/i.test(m[0])) return null;
      const second = matchMeasure({ unit: q.unit, after: q.after.slice(m[0].length), before: '', isChange: false });
      return second && !second.generic ? { counts: second.id, known: true } : null;
    },
  },
  {
    id: 'label',
    example: 'Arrests: 290; Cash seized - £12,000; - Knife crime: 1,163 offences',
    tried: 'unknown',
    resolve: (q) => {
      const m = LABEL_BEFORE_RE.exec(q.text.slice(Math.max(0, q.start - 60), q.start));
      if (!m) return null;
      const label = m[1].trim();
      const asNoun = matchMeasure({ unit: q.unit, after: label, before: '', isChange: false });
      if (asNoun) return fromMatch(asNoun);
      const words = label.split(/\s+/);
      // "Cash seized": the noun first, then the verb as the one that governs the figure.
      const verbFirst = matchMeasure({ unit: q.unit, after: words[0], before: words.slice(1).join(' ') || label, isChange: false });
      if (verbFirst) return fromMatch(verbFirst);
      // "Knife crime: 1,163 offences" names what the bullet counts: an offence category or words as written.
      const open = subjectBefore(label, false);
      return open && !/^(?:total|figure|figures|result|results|number)$/i.test(open.words) ? { counts: open.counts, words: open.words, head: open.head } : null;
    },
  },
  {
    id: 'part-of',
    example: '1,208 people safeguarded, 517 of them children',
    tried: 'weak',
    resolve: (q) => {
      if (q.change || q.age) return null;
      const whole = OF_THE_WHOLE_RE.exec(q.text.slice(q.sentence.start, q.start).replace(/\s*\([^)]*\)/g, ''));
      if (whole) {
        const named = matchMeasure({ unit: 'count', after: whole[1], before: '', isChange: false });
        if (named && !named.generic) return fromMatch(named);
        const open = nounPhraseAfter(` ${whole[1]}`);
        if (open) return openReading(q, open);
      }
      if (!(PART_AFTER_RE.test(q.after) || PART_BEFORE_RE.test(q.before))) return null;
      // "Of those 542,723 searches": a figure with a noun of its own is the whole, not a part.
      const own = nounPhraseAfter(q.after);
      if (own && !own.person && !PART_AFTER_RE.test(q.after)) return null;
      for (let i = q.earlier.length - 1; i >= 0; i--) {
        const d = q.earlier[i];
        if (d.sentence.start !== q.sentence.start) break;
        if (d.end <= q.start && d.counts) return { counts: d.counts };
      }
      // "... 1,894 knife injuries. The Met attributed 412 of them ...": the whole is in the sentence before, same paragraph.
      const previous = q.earlier[q.earlier.length - 1];
      if (
        previous?.counts &&
        !TIME_UNITS.has(previous.token.unit) &&
        previous.sentence.start !== q.sentence.start &&
        !/\n\s*\n/.test(q.text.slice(previous.end, q.start))
      )
        return { counts: previous.counts };
      return null;
    },
  },
  {
    id: 'from-to',
    example: 'arrests rose from 80 to 120',
    tried: 'unknown',
    resolve: (q) => {
      if (!FROM_TO_BEFORE_RE.test(q.before)) return null;
      const previous = lastNamed(q, false);
      if (previous && previous.token.unit === 'count') return { counts: previous.counts! };
      let subject = q.before.replace(FROM_TO_BEFORE_RE, '');
      if (/^[\s,]*(?:which|that|who)?\s*$/i.test(subject))
        subject = q.text
          .slice(q.sentence.start, q.start)
          .replace(/\([^)]*\)/g, ' ')
          .replace(FROM_TO_BEFORE_RE, '');
      const named = subjectNounIn(subject, 'count');
      if (named) return { counts: named, known: true };
      // "Supply offences, which include county lines activity, rose to": past an aside to the subject.
      const parts = subject.replace(/[,\s]+$/, '').split(/,\s+/);
      while (parts.length > 1 && /^(?:which|who|that|including|includ(?:es|ing)|mostly|mainly|largely)\b/i.test(parts[parts.length - 1])) parts.pop();
      const open = subjectBefore(parts[parts.length - 1].replace(/,?\s*(?:which|that|who)\s*$/i, ''), false);
      return open && !/[A-Z]/.test(open.words.slice(0, 1)) ? { counts: open.counts, words: open.words, head: open.head } : null;
    },
  },
  {
    id: 'change-value',
    example: 'risen by almost a quarter in the past year, to 318; up 5% from 46,367',
    tried: 'unknown',
    resolve: (q) => {
      const previous = q.earlier[q.earlier.length - 1];
      // "up 5% from 46,367 in the previous year", "(from 13% to 14%)", "a 22 per cent increase on 2020, when
      // there were 150,748": the levels either side of a change count what the change does.
      const change = lastInSentence(q, (d) => d.change && d.counts);
      if (change && /(?:\bfrom|\bto|^\s*from|there were|there was|compared (?:with|to)|than)\s+(?:the\s+)?$/i.test(q.before) && q.start - change.end < 60)
        return { counts: change.counts! };
      const sameUnit = lastInSentence(q, (d) => d.token.unit === q.unit && d.counts);
      // "jumped from 16,746 in the year to September 2022 to 20,000": the two ends of a from-to.
      if (sameUnit && /\bto\s+$/.test(q.before) && /\bfrom\s+(?:the\s+)?$/i.test(q.text.slice(Math.max(q.sentence.start, sameUnit.start - 20), sameUnit.start)))
        return { counts: sameUnit.counts! };
      // "broadly unchanged on the 241 recorded", "compared with the 4,341": the same measure another time.
      if (
        sameUnit &&
        /\b(?:unchanged|compared|similar|level|flat|steady|against|versus|down|up)\b[^,;.]{0,20}\b(?:on|with|to|from)\s+(?:the\s+)?$/i.test(q.before)
      )
        return { counts: sameUnit.counts! };
      if (!CHANGE_VALUE_BEFORE_RE.test(q.before)) return null;
      return previous && previous.sentence.start === q.sentence.start && previous.end <= q.start && previous.change && previous.counts
        ? { counts: previous.counts }
        : null;
    },
  },
  {
    id: 'share-of',
    example: 'Of the 4,920 referrals, roughly one in five; 73% (3,142) of potential victims were male',
    tried: 'unknown',
    resolve: (q) => {
      if ((q.unit !== 'ratio' && q.unit !== 'percent') || q.change) return null;
      const named = subjectNounIn(q.before, 'count');
      if (named) return { counts: named, known: true };
      const rest = q.text.slice(q.end, Math.min(q.sentence.end, q.end + 120));
      const of = /^\s*(?:\([^)]*\)\s*)?of\s+(?:all\s+|the\s+|those\s+|these\s+)*/i.exec(rest);
      if (!of) return null;
      const open = nounPhraseAfter(' ' + rest.slice(of[0].length).replace(/[‘’'“”"]/g, ''));
      return open ? openReading(q, open) : null;
    },
  },
  {
    id: 'group-size',
    example: 'a gang of five men; the five-strong gang',
    tried: 'weak',
    resolve: (q) => {
      const group = GROUP_OF_BEFORE_RE.exec(q.before);
      if (group) return { counts: `${group[1].toLowerCase()} members` };
      const strong = STRONG_AFTER_RE.exec(q.text.slice(q.end, q.end + 30));
      return strong ? { counts: `${strong[1].toLowerCase()} members` } : null;
    },
  },
  {
    id: 'noun-phrase',
    example: 'ten businesses targeted by the gang; stopped 98,000 vehicles; £26 million of dirty money',
    tried: 'weak',
    resolve: (q) => {
      const amount = q.unit === 'GBP' || WEIGHT_UNITS.has(q.unit);
      if (TIME_UNITS.has(q.unit) || q.unit === 'percent' || q.unit === 'ratio') return null;
      // Money in a sentence about funding is funding, whatever it is called ("a £60 million programme").
      if (q.unit === 'GBP' && (FUNDING_CONTEXT_RE.test(q.text.slice(q.sentence.start, q.sentence.end)) || MONEY_FOR_RE.test(q.after))) return null;
      const open = nounPhraseAfter(q.after, { amount });
      if (!open || (amount && open.opensClause)) return null;
      // An amount's noun must be of it ("£26 million of", "£100 worth of", "£2.6m crime spree"), not a new clause.
      if (amount && open.offset > 0 && !/^\s*(?:of|worth of|in)\s/i.test(q.after) && /^\s*\S+\s/.test(q.after.slice(0, open.offset))) return null;
      return openReading(q, open, governingVerb(q.before));
    },
  },
  {
    id: 'amount-of',
    example: 'a total loss of £1.6m; the value of assets recovered was £339 million',
    tried: 'unknown',
    resolve: (q) => {
      if (q.unit !== 'GBP') return null;
      // "the value of assets recovered was around £339 million": what the value is of.
      const of = /\b(?:value|worth|amount|total)\s+of\s+([\p{L}][\p{L} -]{1,40}?)\s+(?:was|were|is|stood at|totalled|came to)\s+$/iu.exec(q.before);
      if (of) {
        const open = subjectBefore(of[1], false);
        if (open) return { counts: open.counts, words: open.words, head: open.head };
      }
      // "illegal substances valued at up to £120,000": the amount is the value of the goods before it.
      // "illegal substances valued at up to £120,000": the amount is the value of the goods named just before.
      const valued = /((?:[\p{L}-]+\s+){1,3})(?:valued at|worth)\s+$/iu.exec(q.before);
      if (valued) {
        const goods = valued[1].trim().split(/\s+/);
        for (let i = 0; i < goods.length; i++) {
          const known = matchMeasure({ unit: q.unit, after: `of ${goods.slice(i).join(' ')}`, before: '', isChange: false });
          if (known && !known.generic) return { counts: known.id, known: true };
        }
      }
      const m = NOUN_OF_MONEY_RE.exec(q.before);
      if (m) return { counts: (m[1] ?? m[2]).toLowerCase().replace(/^costing$/, 'cost') };
      const p = MONEY_PARTICIPLE_RE.exec(q.after);
      if (!p) return null;
      const verb = p[1].toLowerCase();
      // "half a million pounds was recovered": a verb the lexicon's "cash seized" implies.
      if (
        /^(?:seized|confiscated|found)$/.test(verb) ||
        (measureFitsVerb('cash seized', verb) && !/^(?:paid|sent|spent|made|given|won|sold|laundered|lost|stolen|taken)$/.test(verb))
      )
        return { counts: 'cash seized', known: true };
      return { counts: `money ${verb}` };
    },
  },
  {
    id: 'subject',
    example: 'Knife-enabled homicides stood at 240; Burglary was down by eight per cent; drug and weapons offences, down 12 and eight per cent respectively',
    tried: 'unknown',
    resolve: (q) => {
      let before = q.change ? q.change.before : q.before;
      // "Cash seizures under the Proceeds of Crime (Scotland) Act totalled £6.1m": the clause was cut at a bracket; read the sentence without it.
      const cutAt = q.start - q.before.length - 1;
      if (!q.change && cutAt >= q.sentence.start && /[()]/.test(q.text[cutAt] ?? ''))
        before = q.text.slice(q.sentence.start, q.start).replace(/\s*\([^()]*\)/g, '');
      // "drug and weapons offences, down 12 and eight per cent respectively": the figures of a list share its subject.
      const respectively = /\brespectively\b/i.test(q.text.slice(q.end, Math.min(q.sentence.end, q.end + 60)));
      if (respectively)
        before = before.replace(
          /,?\s*(?:were|was|are|is|also|however|\s)*(?:down|up|falling|rising|fell|rose|increased|decreased|dropped)(?:\s+(?:by|of))?\s+(?:[\w.]+\s+(?:per cent\s+|%\s*)?and\s+)?$/i,
          '',
        );
      if (PRONOUN_SUBJECT_RE.test(before)) return null;
      // "recorded 32,415 drug offences in 2023-24, down 6.2%": a change set off by a comma is of the figure before it.
      if (q.change && /,\s*$/.test(before)) {
        const previous = lastNamed(q, false);
        if (previous && previous.token.unit === 'count') return { counts: previous.counts! };
      }
      if (respectively || q.change) {
        // "drug and weapons offences, down ...": the offence the clause ends on.
        const end = q.sentence.start + q.text.slice(q.sentence.start, q.start).lastIndexOf(before.trim().slice(-12)) + Math.min(12, before.trim().length);
        const named = lastOffenceIn(q, q.sentence.start, q.start);
        if (
          named &&
          termsStartingIn(q, q.sentence.start - MAX_TERM_CHARS, q.start).some(
            (t) => t.category === 'offence' && t.end <= q.start && end - t.end <= 4 && t.end >= q.sentence.start,
          )
        )
          return named;
      }
      const open = subjectBefore(before, !q.change && !respectively);
      if (!open) return null;
      // "Cash seizures under the Act totalled £6.1m": a subject the lexicon knows.
      const known = matchMeasure({ unit: q.unit, after: open.words, before: '', isChange: false });
      if (known && !known.generic) return fromMatch(known);
      const term = termsStartingIn(q, q.sentence.start, q.start).find(
        (t) => t.category === 'offence' && t.end <= q.start && t.text.toLowerCase() === open.words.toLowerCase(),
      );
      const canonical = term && term.source !== 'rule' && /\b(?:offences|crime|crimes|offence)\b/.test(term.canonical) ? term.canonical : undefined;
      return { counts: canonical ?? open.counts, known: canonical !== undefined, words: open.words, head: open.head };
    },
  },
  {
    id: 'pronoun',
    example: 'There were 130 burglaries. This went down to 19.',
    tried: 'unknown',
    resolve: (q) => {
      const before = q.change && q.change.before.trim() ? q.change.before : q.before;
      if (!PRONOUN_SUBJECT_RE.test(before)) return null;
      const d = previousSentenceFigure(q);
      if (d?.counts && (!q.previousSentence || d.end > q.previousSentence.start)) return { counts: d.counts };
      // "These jumped from 16,746": the sentence before names the offence without a figure.
      const named = q.previousSentence ? lastOffenceIn(q, q.previousSentence.start, q.previousSentence.end) : null;
      return named ?? (d?.counts ? { counts: d.counts } : null);
    },
  },
  {
    id: 'bracketed',
    example: 'the numbers of arrests (5,922); advance fee fraud (33%); fewer vehicles stopped (4.7% decrease)',
    tried: 'unknown',
    resolve: (q) => {
      // Within the sentence only: a search back through the whole text would cost every figure the document's length.
      const inSentence = q.text.slice(q.sentence.start, q.start).lastIndexOf('(');
      if (inSentence < 0) return null;
      const open = q.sentence.start + inSentence;
      // "(26%; 1,135)": the second figure in a bracket restates the first.
      const inside = q.text.slice(open, q.start);
      if (/^\(\s*[^()]{1,20}[;,]\s*$/.test(inside)) {
        const first = lastAfter(q, open, (d) => d.counts);
        return first?.counts ? { counts: first.counts } : null;
      }
      if (!/^\(\s*(?:by\s+)?$/.test(inside)) return null;
      const near = q.text.slice(q.end, q.end + 31).indexOf(')');
      const close = near < 0 ? -1 : q.end + near;
      if (close < 0 || close - q.end > 30 || /[()]/.test(q.text.slice(q.end, close))) return null;
      // "73% (3,142) of potential victims": the bracket restates a share of what follows.
      const tail = /^\s*of\s+(?:all\s+|the\s+|those\s+|these\s+)*/i.exec(q.text.slice(close + 1, close + 20));
      if (tail) {
        const of = nounPhraseAfter(' ' + q.text.slice(close + 1 + tail[0].length, close + 120).replace(/[‘’'“”"]/g, ''));
        if (of) return openReading(q, of);
      }
      const before = q.text.slice(Math.max(q.sentence.start, open - 80), open).replace(/[‘’'“”"]/g, '');
      // "18% (795)", "the year before (530,970)", "January to March 2024 (4,521)": the bracket restates a figure of the sentence.
      const sameUnit = lastInSentence(q, (d) => d.token.unit === q.unit && d.counts);
      const beforeFigure = lastInSentence(q, (d) => d.end <= open && /^\s*$/.test(q.text.slice(d.end, open)));
      if (beforeFigure) return sameUnit?.counts ? { counts: sameUnit.counts } : beforeFigure.counts ? { counts: beforeFigure.counts } : null;
      // "down slightly (by 3%)": a change of what the sentence counts.
      if (/\b(?:down|up|rose|fell|rising|falling|increase|decrease|slightly|higher|lower)\s*$/i.test(before)) {
        const counted = lastInSentence(q, (d) => d.token.unit === 'count' && d.counts);
        if (counted?.counts) return { counts: counted.counts };
      }
      if (
        /\b(?:\d{4}|January|February|March|April|May|June|July|August|September|October|November|December|year|quarter|period|campaign|month|week)\s*$/i.test(
          before,
        ) &&
        sameUnit?.counts
      )
        return { counts: sameUnit.counts };
      const named = matchMeasure({ unit: 'count', after: before.split(/\s+/).slice(-3).join(' '), before: '', isChange: false });
      if (named && !named.generic) return fromMatch(named);
      // "were UK (26%; 1,135), Albanian (13%; 574)": a name in a list is a part of what the sentence is about.
      if (/^[A-Z]/.test(before.trim().split(/\s+/).pop() ?? '')) {
        const subject = sentenceSubject(q);
        if (subject) return subject;
      }
      const label = subjectBefore(before.replace(/^.*\b(?:in|of|for|with)\s+/i, ''), false);
      // "compared to the December 2016 campaign (5,698)": no measure noun, the figure restates the one before.
      if (label && !/\b(?:campaign|period|year|quarter|month|week|time|same|previous)\b/i.test(label.words))
        return { counts: label.counts, words: label.words, head: label.head };
      return sameUnit?.counts ? { counts: sameUnit.counts } : null;
    },
  },
  {
    id: 'sentence-subject',
    example: 'Sexual offences reached their highest level in a year – 183,587 –',
    tried: 'unknown',
    resolve: (q) => {
      if (q.unit === 'GBP' || TIME_UNITS.has(q.unit) || !/^[\s–—-]*(?:$|in\b|on\b|during\b|over\b|a\b|the\b|compared\b|last\b|this\b)/i.test(q.after))
        return null;
      const offence = lastOffenceIn(q, q.sentence.start, q.start);
      if (offence) return offence;
      const sentence = q.text.slice(q.sentence.start, q.start).replace(/^[\s•·*-]+/, '');
      const m =
        /^([\p{L}][\p{L}'’ -]{2,60}?)\s+(?:reached|rose|fell|increased|decreased|climbed|dropped|jumped|hit|stood|totalled|numbered|were|was|are|is|has|have|had)\b/iu.exec(
          sentence,
        );
      if (!m || /^(?:this|these|that|it|they|there|he|she|we|the force|police|officers)\b/i.test(m[1])) return null;
      const open = subjectBefore(m[1], false);
      return open ? { counts: open.counts, words: open.words, head: open.head } : null;
    },
  },
  {
    id: 'default-amount',
    example: 'Officers seized 7.6kg; a £5m grant',
    tried: 'unknown',
    resolve: (q) => {
      if (WEIGHT_UNITS.has(q.unit)) return { counts: 'drugs seized', known: true };
      if (q.unit !== 'GBP') return null;
      const context = q.text.slice(q.sentence.start, q.sentence.end) + ' ' + (q.heading ?? '');
      if (FUNDING_CONTEXT_RE.test(context) || MONEY_FOR_RE.test(q.after)) return { counts: 'funding', known: true };
      if (SEIZED_CONTEXT_RE.test(context)) return { counts: 'cash seized', known: true };
      return null;
    },
  },
  {
    id: 'inherited',
    example: '238 charges for Class A drugs and 49 for Class B drugs',
    tried: 'weak',
    resolve: (q) => {
      if (q.change) return null;
      const last = q.earlier[q.earlier.length - 1];
      // The last figure of the same unit in the sentence ("73% (3,142) ... and 27%" skips the bracketed count).
      const previous = last && last.token.unit !== q.unit ? lastInSentence(q, (d) => d.token.unit === q.unit && d.end > last.start - 30) : last;
      if (!previous || previous.sentence.start !== q.sentence.start || previous.token.unit !== q.unit || previous.counts === null) return null;
      if (INHERIT_AFTER_RE.test(q.after)) return { counts: previous.counts };
      const between = q.text.slice(previous.end, q.start).replace(/\([^()]*\)/g, '');
      // "82% of referrals were sent to one body and 18% to another": shares of one whole, listed.
      if (between.length <= 100 && !/[\d;:•]/.test(between) && /\band\s*$/.test(between) && (q.unit === 'percent' || q.unit === 'ratio'))
        return { counts: previous.counts };
      return between.length <= 40 &&
        !/[\d;:()•]/.test(between) &&
        /\b(?:and|while|with|but|against|compared (?:with|to)|versus|vs\.?|from|to|on the|than the)\s*$|,\s*$/.test(between)
        ? { counts: previous.counts }
        : null;
    },
  },
  {
    id: 'change-neighbour',
    example: '54 lines this year, compared with 39 in 2022, a rise of 38 per cent',
    tried: 'unknown',
    resolve: (q) => {
      if (!q.change) return null;
      const previous = lastNamed(q, false);
      const points = /^\s*percentage[\s-]+points?\b/i.test(q.after);
      return previous && (previous.token.unit === 'count' || previous.token.unit === 'GBP' || (points && previous.token.unit === 'percent'))
        ? { counts: previous.counts! }
        : null;
    },
  },
];

/** Runs the rules in order: the first that names the measure decides; a generic name waits for a better one. */
export function decideMeasure(q: MeasureQuery, rules: readonly MeasureRule[] = MEASURE_RULES): MeasureDecision {
  let decided: MeasureDecision = { counts: null };
  for (const rule of rules) {
    if (decided.counts !== null && !(decided.generic && rule.tried === 'weak')) continue;
    const reading = rule.resolve(q);
    if (!reading) continue;
    if (decided.counts !== null && reading.generic) continue;
    decided = {
      counts: reading.counts,
      rule: rule.id,
      known: reading.known === true,
      generic: reading.generic === true,
      ...(reading.words ? { words: reading.words } : {}),
      ...(reading.head ? { head: reading.head } : {}),
    };
  }
  return decided;
}

/** "a 15-year-old" is an age; "six years" a sentence length; "up 55%" a change; "61% of" a share; "82 per 100,000" a rate. */
export function measureKindOf(f: { unit: FigureUnit; counts: string | null; change?: unknown; after: string }): MeasureKind {
  if (f.counts === 'age') return 'age';
  if (f.change) return 'change';
  if (TIME_UNITS.has(f.unit)) return 'duration';
  if (/^\s*per\s+(?:100|1,?000|10,?000|100,?000|million|head|capita)\b/i.test(f.after)) return 'rate';
  if (f.unit === 'percent' || f.unit === 'ratio') return 'share';
  if (f.unit === 'GBP' || WEIGHT_UNITS.has(f.unit)) return 'amount';
  return 'count';
}
