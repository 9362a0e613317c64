import type { Period } from '../types';
import { containsAny } from '../text/words';

/**
 * The period a sentence's figures belong to, resolved to ISO dates (YYYY-MM-DD, YYYY-MM or YYYY) where
 * the words allow. Pure: the only outside fact it uses is the publication date, which supplies the year a
 * text leaves out ("9-15 October") and the "now" of relative periods ("since November 2019", "last year").
 */
export interface PeriodContext {
  /** The document's publication date, ISO. */
  readonly published?: string;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** A month's name; an abbreviation may end in a dot, a full name's dot ends the sentence. */
const MONTH = String.raw`(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)(?![\p{L}])|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?![\p{L}])\.?)`;
const WEEKDAY = String.raw`(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)`;
const ORD = String.raw`(?!\d)(?:st|nd|rd|th)?`;
/** "9 October 2023", "Monday 9 October", "October 9th, 2023", "October 2023", "2023". */
const DATE = String.raw`(?:${WEEKDAY}?(?:the\s+)?\d{1,2}${ORD}\s+(?:of\s+)?${MONTH}(?:,?\s+\d{4})?|${WEEKDAY}?${MONTH}\s+\d{1,2}${ORD}(?:,?\s+\d{4})?|${MONTH}(?:\s+\d{4})?|(?:19|20)\d{2})`;
/** "the start of the programme in November 2019", "the end of September 2023". */
const EDGE = String.raw`(?:the\s+(?:start|beginning|end|close)\s+of\s+(?:the\s+[a-z]+\s+in\s+)?)`;
const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  eighteen: 18,
  'twenty-four': 24,
};
const COUNT = String.raw`(\d{1,3}|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty-four)`;
const SPAN_UNIT = String.raw`(years?|months?|weeks?|days?)`;

type Resolver = (m: RegExpExecArray, ctx: PeriodContext) => Dates | undefined;
interface Dates {
  readonly from?: string;
  readonly to?: string;
}

interface Rule {
  readonly re: RegExp;
  readonly resolve: Resolver;
  /** Can it date a span of days ("9-15 October", "the week to 15 October", "the past week")? See `findDaySpans`. */
  readonly daySpan?: true;
  /**
   * Words the pattern cannot match without, lower case: a text with none of them is not searched, which
   * spares most sentences most of these long patterns. One of them must be a part of every match.
   */
  readonly needs: readonly string[];
  /**
   * A shorter pattern that matches a part of every match (same flags), tried before the full pattern: it
   * starts with a digit or a word, which V8 finds quickly, where the full pattern's optional lead-in
   * ("between the Monday, ...") is tried at every position. A text it does not match is not searched.
   */
  readonly core?: RegExp;
}

/** What every DATE (with the EDGE and "the" that may open it) starts with: a digit, "the start of", a weekday or a month. */
const DATE_START = String.raw`(?:the\s+){0,2}(?:\d|start|beginning|end|close|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)`;

const MONTH_NEEDS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/*
 * The patterns run over every sentence with a figure and use the i and u flags, under which V8 tests a
 * leading `\b` slowly at every position; `(?<!\w)` is the same test before a word character (under
 * these flags \w includes what folds to a word character, as \b does) and is quick.
 */
const RULES: readonly Rule[] = [
  // "between 9 and 15 October 2023", "from the 9-15 October", "9 to 15 October".
  {
    re: new RegExp(
      String.raw`(?<!\w)(?:(?:between|from)\s+)?(?:the\s+)?${WEEKDAY}?(\d{1,2})${ORD}\s*(?:-|–|to|and|until)\s*${WEEKDAY}?(\d{1,2})${ORD}\s+(?:of\s+)?(${MONTH})(?:,?\s+(\d{4}))?`,
      'iu',
    ),
    daySpan: true,
    needs: MONTH_NEEDS,
    core: new RegExp(String.raw`\d${ORD}\s*(?:-|–|to|and|until)\s*${WEEKDAY}?\d`, 'iu'),
    resolve: (m, ctx) => {
      const month = monthNumber(m[3]);
      if (!month) return undefined;
      const year = m[4] ?? yearFor(month, ctx);
      return year ? { from: `${year}-${month}-${pad(m[1])}`, to: `${year}-${month}-${pad(m[2])}` } : undefined;
    },
  },
  // "between November 2019 and January 2021", "from Monday 9 October to Sunday 15 October 2023".
  {
    re: new RegExp(String.raw`(?<!\w)(?:between|from)\s+(${EDGE}?(?:the\s+)?${DATE})\s+(?:and|to|until|-|–)\s+(${EDGE}?(?:the\s+)?${DATE})`, 'iu'),
    daySpan: true,
    needs: ['between', 'from'],
    resolve: (m, ctx) => {
      const to = edgeDate(m[2], ctx, undefined);
      const from = edgeDate(m[1], ctx, to ?? undefined);
      return from || to ? { ...(from ? { from } : {}), ...(to ? { to } : {}) } : undefined;
    },
  },
  // "the 12 months to 30 September 2023", "the year to March 2023", "year ending March 2023".
  {
    re: new RegExp(
      String.raw`(?<!\w)(?:the\s+)?(?:${COUNT}[\s-]+)?(months?|years?|weeks?)\s+(?:to|ending|ended|up\s+to)\s+(?:the\s+end\s+of\s+)?(${DATE})`,
      'iu',
    ),
    daySpan: true,
    needs: ['month', 'year', 'week'],
    core: /(?:months?|years?|weeks?)\s+(?:to|ending|ended|up\s+to)\s/iu,
    resolve: (m, ctx) => {
      const to = edgeDate(m[3], ctx, undefined, /end\s+of\s+$/i.test(m[0].slice(0, m[0].length - m[3].length)));
      if (!to) return undefined;
      const n = countOf(m[1] ?? '1');
      const unit = m[2].toLowerCase().replace(/s$/, '');
      return n ? { from: stepBack(to, n, unit), to } : undefined;
    },
  },
  // "since November 2019": to the day it was written.
  {
    re: new RegExp(String.raw`(?<!\w)since\s+(${EDGE}?(?:the\s+)?${DATE})`, 'iu'),
    daySpan: true,
    needs: ['since'],
    resolve: (m, ctx) => {
      const from = edgeDate(m[1], ctx, undefined);
      return from ? { from, ...(ctx.published ? { to: ctx.published } : {}) } : undefined;
    },
  },
  // "by the end of March 2023", "by March 2023": a cumulative count up to then.
  {
    re: new RegExp(String.raw`(?<!\w)by\s+(${EDGE}?(?:the\s+)?${DATE})`, 'iu'),
    needs: ['by'],
    core: new RegExp(String.raw`by\s+${DATE_START}`, 'iu'),
    resolve: (m, ctx) => {
      const to = edgeDate(m[1], ctx, undefined);
      return to ? { to } : undefined;
    },
  },
  // "in the 2024 to 2025 financial year", "in 2019/20", "2024-25": April to March.
  {
    re: /\b(?:(?:in|for|during)\s+(?:the\s+)?)?(?:financial\s+year\s+)?((?:19|20)\d{2})\s*(?:\/|-|–|to)\s*((?:19|20)?\d{2})(?:\s+financial\s+year)?\b/i,
    needs: ['19', '20'],
    resolve: (m) => {
      const start = Number(m[1]);
      const end = m[2].length === 2 ? Math.floor(start / 100) * 100 + Number(m[2]) : Number(m[2]);
      if (end !== start + 1) return undefined;
      return { from: `${start}-04-01`, to: `${end}-03-31` };
    },
  },
  // "over the next 12 months", "in the last 10 weeks", "over the past year".
  {
    re: new RegExp(String.raw`(?<!\w)(?:over|in|during|within|for|throughout)\s+the\s+(next|last|past|coming|previous)\s+(?:${COUNT}\s+)?${SPAN_UNIT}\b`, 'iu'),
    daySpan: true,
    needs: ['next', 'last', 'past', 'coming', 'previous'],
    core: /the\s+(?:next|last|past|coming|previous)\s/iu,
    resolve: (m, ctx) => {
      if (!ctx.published) return undefined;
      const direction = m[1].toLowerCase();
      // "the previous 12 months" is before some other period, which the sentence names, not before today.
      if (direction === 'previous') return undefined;
      const n = countOf(m[2] ?? '1');
      const unit = m[3].toLowerCase().replace(/s$/, '');
      if (!n) return undefined;
      return direction === 'next' || direction === 'coming'
        ? { from: ctx.published, to: stepForward(ctx.published, n, unit) }
        : { from: stepBack(ctx.published, n, unit), to: ctx.published };
    },
  },
  // "the week of action, which ended last Sunday": the seven days to the last such day before publication.
  {
    re: /\bweek\b[^.;]{0,60}?\b(?:ended|finished|closed|ending)\s+(?:on\s+)?(?:last\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/i,
    daySpan: true,
    needs: ['week'],
    resolve: (m, ctx) => {
      if (!ctx.published || ctx.published.length < 10) return undefined;
      const to = lastWeekdayBefore(ctx.published, WEEKDAYS.indexOf(m[1].toLowerCase()));
      return { from: stepBack(to, 1, 'week'), to };
    },
  },
  // "last year", "this year", "next year": calendar years around publication.
  {
    re: /\b(last|this|next)\s+year\b/i,
    needs: ['year'],
    resolve: (m, ctx) => {
      if (!ctx.published) return undefined;
      const year = Number(ctx.published.slice(0, 4)) + { last: -1, this: 0, next: 1 }[m[1].toLowerCase() as 'last' | 'this' | 'next'];
      return { from: String(year), to: String(year) };
    },
  },
  // "on Thursday 2 November 2023", "in March 2022", "in 2020".
  {
    re: new RegExp(String.raw`(?<!\w)(?:on|in|during|throughout)\s+(?:the\s+)?(${DATE})`, 'iu'),
    needs: ['on', 'in', 'during', 'throughout'],
    core: new RegExp(String.raw`(?:on|in|during|throughout)\s+${DATE_START}`, 'iu'),
    resolve: (m, ctx) => {
      const day = edgeDate(m[1], ctx, undefined);
      return day ? { from: day, to: day } : undefined;
    },
  },
];

/** Named periods with no dates in the words: kept as text, so the document's own dates can fill them. */
const UNDATED_RES: readonly { readonly re: RegExp; readonly needs: readonly string[] }[] = [
  {
    needs: ['during', 'over', 'in', 'throughout', 'within'],
    re: /\b(?:during|over|in|throughout|within)\s+(?:the|this|a|its)\s+(?:(?:last|past|next|previous|first|same|most\s+recent|\d+|[a-z]+-long|single|national|seven|challenging)\s+)*(?:(?:\d+|two|three|four|five|six|seven|ten|twelve)\s+)?(?:week of action|week-long\s+\w+|intensification week|operation|crackdown|period|year|months?|weeks?|days?)\b/i,
  },
  { needs: ['week'], re: /\b(?:County Lines\s+)?(?:week of action|intensification week|week-long (?:operation|crackdown))\b/i },
];

interface Found {
  readonly start: number;
  readonly end: number;
  readonly period: Period;
}

const GLOBAL_RULES = RULES.map((r) => ({ ...r, re: new RegExp(r.re.source, r.re.flags + 'g') }));
const DAY_SPAN_RULES = GLOBAL_RULES.filter((r) => r.daySpan);
const GLOBAL_UNDATED = UNDATED_RES.map((r) => ({ needs: r.needs, re: new RegExp(r.re.source, r.re.flags + 'g') }));

/** Letters that match an ASCII letter of a pattern under the `iu` flags but do not lower-case to it. */
const FOLDS_TO_ASCII = /[\u017f\u212a]/;

/** Could the text (lower-cased, or undefined when that could hide a match) hold a match of a pattern that needs one of these words? */
function mayHold(lower: string | undefined, needs: readonly string[]): boolean {
  return lower === undefined || containsAny(lower, needs);
}

/**
 * The last sentence's answer. Every figure of a sentence asks for the sentence's periods (to take the
 * phrase nearest it), so a sentence of n figures would be scanned n times: a table or list written as
 * one long sentence made analysis quadratic in its length. Figures are read in order, so remembering
 * one sentence is enough.
 */
let last: { sentence: string; published: string | undefined; found: readonly Found[] } | undefined;

/** Every period phrase of a sentence, dated ones first where two start at one place. */
export function findPeriods(sentence: string, ctx: PeriodContext = {}): readonly Found[] {
  if (last && last.sentence === sentence && last.published === ctx.published) return last.found;
  const found = scanPeriods(sentence, ctx);
  last = { sentence, published: ctx.published, found };
  return found;
}

/**
 * The phrases of a text that date a span of days or weeks, such as the week a release reports: only the
 * rules that can give one (not "in March 2022", "by 2023", "last year" or an undated "during the week"),
 * which is half the patterns. Each is found as `findPeriods` finds it, unless one of the skipped
 * phrases overlaps it there.
 */
export function findDaySpans(text: string, ctx: PeriodContext = {}): readonly Found[] {
  return scanPeriods(text, ctx, DAY_SPAN_RULES, []);
}

function scanPeriods(sentence: string, ctx: PeriodContext, rules = GLOBAL_RULES, undated = GLOBAL_UNDATED): readonly Found[] {
  const found: Found[] = [];
  const taken = (start: number, end: number) => found.some((f) => start < f.end && f.start < end);
  const lower = FOLDS_TO_ASCII.test(sentence) ? undefined : sentence.toLowerCase();
  for (const rule of rules) {
    if (!mayHold(lower, rule.needs) || (rule.core && !rule.core.test(sentence))) continue;
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(sentence); m; m = rule.re.exec(sentence)) {
      const dates = rule.resolve(m, ctx);
      const start = m.index + (m[0].length - m[0].trimStart().length);
      const end = m.index + m[0].length;
      if (dates && !taken(start, end)) found.push({ start, end, period: { text: m[0].trim(), ...dates } });
    }
  }
  for (const { re, needs } of undated) {
    if (!mayHold(lower, needs)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
      if (!taken(m.index, m.index + m[0].length)) found.push({ start: m.index, end: m.index + m[0].length, period: { text: m[0].trim() } });
    }
  }
  return Object.freeze(found.sort((a, b) => a.start - b.start));
}

/**
 * The figures of one sentence are read one after another, each asking for the sentence's periods: the
 * last sentence's phrases are kept, so a sentence with many figures (a table pasted as one line) is
 * searched once rather than once per figure.
 */
let lastSearched: { sentence: string; published: string | undefined; found: readonly Found[] } | undefined;
function periodsOf(sentence: string, ctx: PeriodContext): readonly Found[] {
  if (lastSearched && lastSearched.sentence === sentence && lastSearched.published === ctx.published) return lastSearched.found;
  const found = findPeriods(sentence, ctx);
  lastSearched = { sentence, published: ctx.published, found };
  return found;
}

/**
 * The period a sentence states for a figure at `offset` (within the sentence): the phrase nearest it, as
 * "£42m ... in the 2024 to 2025 financial year, following last week's intensification week in which
 * police made 1,034 arrests" gives each figure its own. Without an offset, the first phrase. An undated
 * "during the week" takes a week the same sentence dates.
 */
export function findPeriod(sentence: string, ctx: PeriodContext = {}, offset?: number): Period | undefined {
  const found = periodsOf(sentence, ctx);
  if (!found.length) return undefined;
  const distance = (f: Found) => (offset === undefined ? f.start : offset < f.start ? f.start - offset : offset >= f.end ? offset - f.end : 0);
  const nearest = [...found].sort(
    (a, b) => distance(a) - distance(b) || Number(!!b.period.from || !!b.period.to) - Number(!!a.period.from || !!a.period.to),
  )[0];
  if (nearest.period.from || nearest.period.to || !refersToWeek(nearest.period)) return nearest.period;
  const week = found.find((f) => isWeekLong(f.period));
  return week ? { text: nearest.period.text, from: week.period.from, to: week.period.to } : nearest.period;
}

/** Does the period run a week or so (a week of action), so an undated "during the week" can mean it? */
export function isWeekLong(p: Period): boolean {
  if (!p.from || !p.to || p.from.length < 10 || p.to.length < 10) return false;
  const days = (Date.parse(p.to) - Date.parse(p.from)) / 86_400_000;
  return days >= 4 && days <= 9;
}

/** Words that refer back to a week the document has already dated ("during the week", "the seven days"). */
export function refersToWeek(p: Period): boolean {
  return /\bweek\b|\bseven days\b|week-long/i.test(p.text) && !/\b(?:last|past|next|previous|most recent)\b/i.test(p.text);
}

// Compiled once: isoDate runs for every date phrase of every sentence.
const WEEKDAY_AT_START_RE = new RegExp(`^${WEEKDAY}`, 'iu');
const DAY_FIRST_RE = new RegExp(String.raw`^(\d{1,2})${ORD}\s+(?:of\s+)?(${MONTH})(?:,?\s+(\d{4}))?$`, 'iu');
const MONTH_FIRST_RE = new RegExp(String.raw`^(${MONTH})\s+(\d{1,2})${ORD}(?:,?\s+(\d{4}))?$`, 'iu');
const MONTH_YEAR_RE = new RegExp(String.raw`^(${MONTH})(?:\s+(\d{4}))?$`, 'iu');

/** "1 November 2019" → 2019-11-01, "November 2019" → 2019-11, "2019" → 2019, "9 October" → the publication's year. */
export function isoDate(words: string, ctx: PeriodContext = {}): string | undefined {
  const w = words
    .replace(WEEKDAY_AT_START_RE, '')
    .replace(/^the\s+/i, '')
    .trim();
  const dayFirst = DAY_FIRST_RE.exec(w);
  const monthFirst = MONTH_FIRST_RE.exec(w);
  if (dayFirst || monthFirst) {
    const [day, name, year] = dayFirst ? [dayFirst[1], dayFirst[2], dayFirst[3]] : [monthFirst![2], monthFirst![1], monthFirst![3]];
    const month = monthNumber(name);
    const y = year ?? (month ? yearFor(month, ctx) : undefined);
    return month && y && Number(day) >= 1 && Number(day) <= daysIn(Number(y), Number(month)) ? `${y}-${month}-${pad(day)}` : undefined;
  }
  const monthYear = MONTH_YEAR_RE.exec(w);
  if (monthYear) {
    const month = monthNumber(monthYear[1]);
    const y = monthYear[2] ?? (month ? yearFor(month, ctx) : undefined);
    return month && y ? `${y}-${month}` : undefined;
  }
  return /^(?:19|20)\d{2}$/.test(w) ? w : undefined;
}

export function monthNumber(name: string): string | undefined {
  const lower = name.toLowerCase().replace(/\.$/, '');
  if (lower.length < 3) return undefined;
  const index = MONTHS.findIndex((m) => m.startsWith(lower.slice(0, 3)) && m.startsWith(lower.replace(/^sept$/, 'sep')));
  return index >= 0 ? pad(String(index + 1)) : undefined;
}

/** A date written as an edge ("the end of September 2023" → 2023-09-30); `later` keeps a year-less start before its end. */
function edgeDate(words: string, ctx: PeriodContext, later: string | undefined, endOf = false): string | undefined {
  const edge = /^the\s+(start|beginning|end|close)\s+of\s+(?:the\s+[a-z]+\s+in\s+)?/i.exec(words);
  const rest = edge ? words.slice(edge[0].length) : words;
  let iso = isoDate(rest, ctx);
  if (!iso) return undefined;
  // "from 28 December to 3 January 2024": a start without a year lies before its end.
  if (later && iso > later && !/\d{4}/.test(rest)) iso = `${Number(iso.slice(0, 4)) - 1}${iso.slice(4)}`;
  const atEnd = endOf || (edge ? /end|close/i.test(edge[1]) : false);
  if (atEnd && iso.length === 7) return `${iso}-${pad(String(daysIn(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)))))}`;
  if (atEnd && iso.length === 4) return `${iso}-12-31`;
  return iso;
}

/**
 * The year of a date the text gives without one: the publication's, or the year before when that would
 * put the date well after publication ("December" in a January release).
 */
function yearFor(month: string, ctx: PeriodContext): string | undefined {
  if (!ctx.published) return undefined;
  const year = Number(ctx.published.slice(0, 4));
  const publishedMonth = Number(ctx.published.slice(5, 7)) || 12;
  return Number(month) > publishedMonth + 1 ? String(year - 1) : String(year);
}

function countOf(word: string): number | undefined {
  const lower = word.toLowerCase();
  return /^\d+$/.test(lower) ? Number(lower) : NUMBER_WORDS[lower];
}

/** The start of a span of `n` units ending on `to` (inclusive): 12 months to 2023-09-30 → 2022-10-01. */
function stepBack(to: string, n: number, unit: string): string {
  if (to.length === 4) return unit === 'year' ? String(Number(to) - n + 1) : to;
  if (to.length === 7) {
    const months = unit === 'year' ? 12 * n : unit === 'month' ? n : 0;
    if (!months) return to;
    return monthIso(Number(to.slice(0, 4)), Number(to.slice(5, 7)) - months + 1);
  }
  const d = new Date(`${to}T00:00:00Z`);
  if (unit === 'year' || unit === 'month') d.setUTCMonth(d.getUTCMonth() - (unit === 'year' ? 12 * n : n));
  else d.setUTCDate(d.getUTCDate() - (unit === 'week' ? 7 * n : n));
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The end of a span of `n` units starting on `from` (inclusive). */
function stepForward(from: string, n: number, unit: string): string {
  if (from.length < 10) return from;
  const d = new Date(`${from}T00:00:00Z`);
  if (unit === 'year' || unit === 'month') d.setUTCMonth(d.getUTCMonth() + (unit === 'year' ? 12 * n : n));
  else d.setUTCDate(d.getUTCDate() + (unit === 'week' ? 7 * n : n));
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** The last `weekday` (0 = Sunday) strictly before an ISO day: "last Sunday" in a Saturday paper is six days back. */
function lastWeekdayBefore(iso: string, weekday: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  const back = (d.getUTCDay() - weekday + 7) % 7 || 7;
  d.setUTCDate(d.getUTCDate() - back);
  return d.toISOString().slice(0, 10);
}

function monthIso(year: number, month: number): string {
  const index = year * 12 + (month - 1);
  return `${Math.floor(index / 12)}-${pad(String((index % 12) + 1))}`;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (s: string) => s.padStart(2, '0');
