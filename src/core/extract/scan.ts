import type { FigureUnit, Span } from '../types';
import { parseDigits, scaleNumber, type ParsedNumber } from './numbers';
import { NUMBER_WORDS_RE, parseNumberWords, VAGUE_RE, vagueValue } from './numberWords';
import { isGluedToName, looksLikeYear, overlapsAny } from './nonFigures';
import { startsWithMeasureNoun } from './measures';
import { readUnit } from './units';

/** A number found in the text with its unit, before its context (qualifier, measure) is read. */
export interface NumberToken {
  /** Span of the number and its unit words ("£5m", "16.9kg", "nine in 10", "hundreds"). */
  readonly start: number;
  readonly end: number;
  readonly value: number;
  readonly precision: number;
  readonly unit: FigureUnit;
  readonly age: boolean;
  /** "£38,000+". */
  readonly plus: boolean;
  /** For a vague magnitude, its words ("hundreds", "tens of thousands"): a lower bound. */
  readonly vague?: string;
  /** "one" needs its context to be a figure ("only one lineholder"). */
  readonly isOne: boolean;
  readonly inWords: boolean;
}

const DIGITS_RE = /([£$€]\s?|GBP\s?)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)/g;
/** "£31, 250": a stray space after the thousands comma, only trusted after a pound sign. */
const SLIPPED_THOUSANDS_RE = /, (\d{3})(?![\d,]|\.\d)/y;
const RATIO_RE = /\s+(?:in|out\s+of)\s+(?:every\s+)?(10|100|1,000|1000|20|50|[2-9]|ten|two|three|four|five|six|seven|eight|nine|twenty|fifty|a\s+hundred)(?![\p{L}\d])(?!\s*(?:days?|weeks?|months?|years?|hours?|minutes?|%|per\s?cent)\b)/iuy;
const TIMES_COMPARED_RE = /(\s+times)\s+(?:that|those|the|as|higher|more|greater|larger|bigger|lower|smaller|over)\b/iy;
const RATIO_DENOMINATORS: Readonly<Record<string, number>> = { ten: 10, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, twenty: 20, fifty: 50, 'a hundred': 100 };
const FRACTION_RE = /\b(?:(a|one|two|three|four)(\s+|-)(thirds?|quarters?|fifths?)\b|(half)(?=\s+of\s+(?:all\s+)?(?:the|those|these|them|its|their|all)\b)|(half)(?=\s*(?:[,.;:)]|$|\s+(?:on|in|since|from|compared|over|last|this|year|between)\b)))/gi;
const FRACTION_OF_SCALE_RE = /\s+of\s+an?\s+(million|billion|thousand)(\s+pounds)?(?![\p{L}])/iuy;
/** "went up by more than half": a bare "half" is a figure only as the size of a change. */
const HALF_AS_CHANGE_BEFORE_RE = /\bby\s+(?:(?:more than|almost|nearly|around|about|over|just over|just under|roughly)\s+)?$/i;
const FRACTION_NUMERATORS: Readonly<Record<string, number>> = { a: 1, one: 1, two: 2, three: 3, four: 4 };
const FRACTION_DENOMINATORS: Readonly<Record<string, number>> = { third: 3, thirds: 3, quarter: 4, quarters: 4, fifth: 5, fifths: 5 };
/** "half a kilo of cocaine": a weight, not a share. */
const HALF_A_UNIT_RE = /\bhalf\s+an?\s+(kilo(?:gram)?s?|kg|tonnes?|tons?)(?![\p{L}])/giu;
const NOT_HALF_BEFORE_RE = /\b(?:first|second|latter|other|a|the|and|back|one)\s+$/i;
const VAGUE_POUNDS_RE = /\s+of\s+pounds(?![\p{L}])/uy;
const HYPHENATED_WORD_AFTER_RE = /-\p{L}/uy;
const NUMBER_BEFORE_RE = /\bnumber\s+$/i;

const AGE_BAND_BEFORE_RE = /(?:under|over)-$/i;
const AGE_DECADE_BEFORE_RE = /\bin\s+(?:his|her|their)\s+(?:early\s+|mid-?\s*|late\s+)?$/i;
const INTERVAL_BEFORE_RE = /\b(?:last|past|next|previous|first|coming|final|recent|following)\s+$/i;
const INTERVAL_AFTER_RE = /\s+(?:[\p{L}-]+\s+)?(?:years?|months?|weeks?|days?|hours?)(?![\p{L}])/iuy;

/** "the last 10 challenging weeks": a reporting period, not a count. */
function isIntervalCount(text: string, start: number, end: number): boolean {
  return INTERVAL_BEFORE_RE.test(text.slice(Math.max(0, start - 12), start)) && sticky(INTERVAL_AFTER_RE, text, end) !== null;
}

function sticky(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/** Every number in the text that could be a figure, sorted by start, not overlapping. */
export function scanNumbers(text: string, excluded: readonly Span[]): NumberToken[] {
  const tokens: NumberToken[] = [];
  scanFractions(text, excluded, tokens);
  scanVague(text, excluded, tokens);
  scanDigits(text, excluded, tokens);
  scanWords(text, excluded, tokens);
  scanTwice(text, excluded, tokens);
  scanHalfUnits(text, excluded, tokens);
  tokens.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: NumberToken[] = [];
  let lastEnd = -1;
  for (const t of tokens) {
    if (t.start < lastEnd) continue;
    kept.push(t);
    lastEnd = t.end;
  }
  return kept;
}

function scanDigits(text: string, excluded: readonly Span[], out: NumberToken[]): void {
  DIGITS_RE.lastIndex = 0;
  for (let m = DIGITS_RE.exec(text); m; m = DIGITS_RE.exec(text)) {
    const currency = m[1]?.trim();
    const numStart = m.index + (m[1]?.length ?? 0);
    let numEnd = numStart + m[2].length;
    let written = m[2];
    if (currency && currency !== '£' && currency !== 'GBP') continue;
    if (!currency && text[numEnd] === 's' && AGE_BAND_BEFORE_RE.test(text.slice(Math.max(0, numStart - 6), numStart)) && !overlapsAny(excluded, numStart, numEnd)) {
      // "under-25s": an age band, the prefix and the plural in the span.
      const band = AGE_BAND_BEFORE_RE.exec(text.slice(Math.max(0, numStart - 6), numStart))!;
      const value = Number(written);
      out.push({ start: numStart - band[0].length, end: numEnd + 1, value, precision: 1, unit: 'years', age: true, plus: false, isOne: false, inWords: false });
      continue;
    }
    if (overlapsAny(excluded, numStart, numEnd) || isGluedToName(text, numStart, numEnd)) continue;
    const money = currency !== undefined;
    if (money && !written.includes(',') && !written.includes('.') && written.length <= 3) {
      const slip = sticky(SLIPPED_THOUSANDS_RE, text, numEnd);
      if (slip) {
        written += slip[1];
        numEnd += slip[0].length;
        DIGITS_RE.lastIndex = numEnd;
      }
    }
    let parsed = parseDigits(written);
    if (!parsed) continue;
    const unit = readUnit(text, numEnd, money, true);
    if (unit.rejected) {
      // "a man in his 60s": an age given as a decade.
      if (/^[1-9]0$/.test(written) && text[numEnd] === 's' && AGE_DECADE_BEFORE_RE.test(text.slice(Math.max(0, numStart - 24), numStart))) {
        out.push({ start: numStart, end: numEnd + 1, value: parsed.value, precision: 10, unit: 'years', age: true, plus: false, isOne: false, inWords: false });
      }
      continue;
    }
    if (!money && unit.unit === 'count' && unit.scale === 1 && looksLikeYear(written) && !startsWithMeasureNoun(text.slice(unit.end, unit.end + 60))) continue;
    if (unit.unit === 'count' && isIntervalCount(text, numStart, unit.end)) continue;
    parsed = scaleNumber(parsed, unit.scale);
    const start = money ? m.index : numStart;
    out.push(withMonths(text, withRatio(text, { start, end: unit.end, ...parsed, unit: unit.unit, age: unit.age, plus: unit.plus, isOne: false, inWords: false })));
  }
}

function scanWords(text: string, excluded: readonly Span[], out: NumberToken[]): void {
  NUMBER_WORDS_RE.lastIndex = 0;
  for (let m = NUMBER_WORDS_RE.exec(text); m; m = NUMBER_WORDS_RE.exec(text)) {
    let start = m.index;
    let written = m[0];
    // "a week", "a one-off": a leading article is only part of the number before a scale word.
    let parsed = parseNumberWords(written);
    if (!parsed && /^an?\s/i.test(written)) {
      const skip = written.indexOf(' ') + 1;
      written = written.slice(skip).trimStart();
      start = m.index + m[0].length - written.length;
      parsed = parseNumberWords(written);
    }
    if (!parsed) continue;
    const end = start + written.length;
    if (overlapsAny(excluded, start, end)) continue;
    if (NUMBER_BEFORE_RE.test(text.slice(Math.max(0, start - 10), start))) continue;
    const unit = readUnit(text, end, false, false);
    if (unit.unit === 'count' && sticky(HYPHENATED_WORD_AFTER_RE, text, unit.end)) continue;
    if (unit.unit === 'count' && isIntervalCount(text, start, unit.end)) continue;
    const scaled = scaleNumber(parsed, unit.scale);
    const isOne = /^one$/i.test(written.trim());
    out.push(withMonths(text, withRatio(text, { start, end: unit.end, ...scaled, unit: unit.unit, age: unit.age, plus: unit.plus, isOne, inWords: true })));
  }
}

const AND_MONTHS_RE = /\s+and\s+(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven)\s+months?(?![\p{L}])/iuy;
const MONTH_WORDS: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11 };

/** "17 years and 10 months" is one sentence length, in years. */
function withMonths(text: string, t: NumberToken): NumberToken {
  if (t.unit !== 'years' || t.age) return t;
  const m = sticky(AND_MONTHS_RE, text, t.end);
  if (!m) return t;
  const months = MONTH_WORDS[m[1].toLowerCase()] ?? Number(m[1]);
  return { ...t, end: t.end + m[0].length, value: Number((t.value + months / 12).toPrecision(6)), precision: Number((1 / 12).toPrecision(6)) };
}

/** "nine in 10", "one in ten", "3 out of 4": a proportion, not two counts. "2.7 times that of": a multiple. */
function withRatio(text: string, t: NumberToken): NumberToken {
  if (t.unit !== 'count') return t;
  const times = sticky(TIMES_COMPARED_RE, text, t.end);
  if (times) return { ...t, end: t.end + times[1].length, unit: 'ratio', isOne: false };
  const m = sticky(RATIO_RE, text, t.end);
  if (!m) return t;
  const key = m[1].toLowerCase().replace(/\s+/g, ' ');
  const denominator = RATIO_DENOMINATORS[key] ?? Number(key.replace(/,/g, ''));
  if (!(denominator > 0) || t.value > denominator) return t;
  const value = Number((t.value / denominator).toPrecision(12));
  return { ...t, end: t.end + m[0].length, value, precision: 1 / denominator, unit: 'ratio', isOne: false };
}

function scanFractions(text: string, excluded: readonly Span[], out: NumberToken[]): void {
  FRACTION_RE.lastIndex = 0;
  for (let m = FRACTION_RE.exec(text); m; m = FRACTION_RE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (overlapsAny(excluded, start, end)) continue;
    let fraction: ParsedNumber;
    if (m[4] || m[5]) {
      if (m[5] && !HALF_AS_CHANGE_BEFORE_RE.test(text.slice(Math.max(0, start - 30), start))) continue;
      if (NOT_HALF_BEFORE_RE.test(text.slice(Math.max(0, start - 12), start))) continue;
      fraction = { value: 0.5, precision: 0.5 };
    } else {
      const hyphenated = m[2] === '-';
      // "a third of all seizures" is a share; "fell by a third" the size of a change.
      const share = hyphenated || /^\s+(?:of|had|have|has|were|was|are|is)\b/i.test(text.slice(end, end + 6));
      if (!share && !HALF_AS_CHANGE_BEFORE_RE.test(text.slice(Math.max(0, start - 30), start))) continue;
      const d = FRACTION_DENOMINATORS[m[3].toLowerCase()];
      const n = FRACTION_NUMERATORS[m[1].toLowerCase()];
      fraction = { value: Number((n / d).toPrecision(12)), precision: Number((1 / d).toPrecision(6)) };
      // "a quarter of a million pounds" is an amount, not a share.
      const ofScale = sticky(FRACTION_OF_SCALE_RE, text, end);
      if (ofScale) {
        const scale = ofScale[1].toLowerCase() === 'billion' ? 1e9 : ofScale[1].toLowerCase() === 'million' ? 1e6 : 1e3;
        const value = Number((fraction.value * scale).toPrecision(12));
        const unit = ofScale[2] ? 'GBP' : 'count';
        out.push({ start, end: end + ofScale[0].length, value, precision: value, unit, age: false, plus: false, isOne: false, inWords: true });
        continue;
      }
    }
    out.push({ start, end, ...fraction, unit: 'ratio', age: false, plus: false, isOne: false, inWords: true });
  }
}

function scanHalfUnits(text: string, excluded: readonly Span[], out: NumberToken[]): void {
  HALF_A_UNIT_RE.lastIndex = 0;
  for (let m = HALF_A_UNIT_RE.exec(text); m; m = HALF_A_UNIT_RE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (overlapsAny(excluded, start, end)) continue;
    const unit: FigureUnit = /^k/i.test(m[1]) ? 'kg' : 'tonnes';
    out.push({ start, end, value: 0.5, precision: 0.5, unit, age: false, plus: false, isOne: false, inWords: true });
  }
}

/** "used twice": a count of 2; "twice as many" is a comparison, not a count. */
const TWICE_RE = /\btwice\b(?!\s+(?:as|the|a|an|that|over|more|daily|weekly|monthly|yearly)\b)/gi;
/** "seizures doubled", "more than trebled": a change stated as a multiple (ratio). */
const MULTIPLE_RE = /\b(doubled|tripled|trebled|quadrupled|halved)\b(?!\s+(?:down|up|over|as)\b)/gi;
const MULTIPLES: Readonly<Record<string, number>> = { doubled: 2, tripled: 3, trebled: 3, quadrupled: 4, halved: 0.5 };

function scanTwice(text: string, excluded: readonly Span[], out: NumberToken[]): void {
  TWICE_RE.lastIndex = 0;
  for (let m = TWICE_RE.exec(text); m; m = TWICE_RE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (overlapsAny(excluded, start, end)) continue;
    out.push({ start, end, value: 2, precision: 1, unit: 'count', age: false, plus: false, isOne: false, inWords: true });
  }
  MULTIPLE_RE.lastIndex = 0;
  for (let m = MULTIPLE_RE.exec(text); m; m = MULTIPLE_RE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (overlapsAny(excluded, start, end)) continue;
    const value = MULTIPLES[m[1].toLowerCase()];
    out.push({ start, end, value, precision: value, unit: 'ratio', age: false, plus: false, isOne: false, inWords: true });
  }
}

function scanVague(text: string, excluded: readonly Span[], out: NumberToken[]): void {
  VAGUE_RE.lastIndex = 0;
  for (let m = VAGUE_RE.exec(text); m; m = VAGUE_RE.exec(text)) {
    const start = m.index;
    let end = start + m[0].length;
    if (overlapsAny(excluded, start, end)) continue;
    const value = vagueValue(m[1], m[2]);
    if (!(value > 0)) continue;
    let unit: FigureUnit = 'count';
    const pounds = sticky(VAGUE_POUNDS_RE, text, end);
    if (pounds) {
      unit = 'GBP';
      end += pounds[0].length;
    }
    const words = m[2] ? `${m[1]} of ${m[2]}` : m[1];
    out.push({ start, end, value, precision: value, unit, age: false, plus: false, vague: words.toLowerCase(), isOne: false, inWords: true });
  }
}
