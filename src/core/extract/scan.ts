import type { FigureUnit, FigureWarning, Span } from '../types';
import { parseDigits, roundValue, scaleNumber, type ParsedNumber } from './numbers';
import { DENOMINATORS, DENOMINATOR_WORDS, NUMBER_WORDS_RE, parseNumberWords, VAGUE_RE, vagueValue, WORD_RUN } from './numberWords';
import { isGluedToName, looksLikeYear, overlapsAny } from './nonFigures';
import { startsWithMeasureNoun } from './measures';
import { readUnit } from './units';
import { irregularGrouping, thousandsPointWarning } from './grouping';

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
  /** How the number was read where that is not the plain reading ("2.6m read as 2,600,000"). */
  readonly reading?: string;
  /** Readings a person should check: a year-shaped count, a figure cut off by the end of the text. */
  readonly warnings?: readonly FigureWarning[];
  /** The text ends right after the number: the value shown is only a lower bound. */
  readonly cutOff?: boolean;
}

/** Digits with an optional currency and sign: "£5,000", "7.6", ".5" (a leading point), "-1" (a sign before a percentage). */
const DIGITS_RE = /([£$€]\s?|GBP\s?)?(-(?=\d))?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|(?<![\d.,])\.\d+)/g;
/** Amounts in currencies the engine does not model, with their scale word: "$48.2 million", "€5bn", "US$3m". (`(?<!\w)` for `\b`: see FRACTION_RE.) */
const FOREIGN_MONEY_RE =
  /(?:US|AU|CA|NZ|HK)?[$€¥]\s?\d[\d,]*(?:\.\d+)?(?:[ \t]?(?:tn|trillion|bn|billion|mn|million|m|k|thousand)(?![\p{L}\d]))?|(?<!\w)(?:USD|EUR|JPY)\s?\d[\d,]*(?:\.\d+)?(?:[ \t]?(?:bn|billion|mn|million|m|k|thousand)(?![\p{L}\d]))?|(?<!\w)\d[\d,]*(?:\.\d+)?(?:\s+(?:million|billion|thousand|trillion))?\s+(?:dollars|euros|yen|yuan|rupees|cents|francs|kronor|krona|pesos)\b/giu;
/** "124 and-a-half", "1 and a half", "forty two and a third": the fraction belongs to the number. */
const AND_FRACTION_RE = new RegExp(String.raw`(?:\s*[-\s]\s*and\s*[-\s]\s*)(an?|one|two|three|four)[\s-]+(${DENOMINATOR_WORDS})(?![\p{L}])`, 'iuy');
/** "3 dozen", "3 dozens": twelve each. */
const DIGITS_DOZEN_RE = /\s+dozens?(?![\p{L}])/iuy;
/** "£31, 250": a stray space after the thousands comma, only trusted after a pound sign. */
const SLIPPED_THOUSANDS_RE = /, (\d{3})(?![\d,]|\.\d)/y;
/** "nine in 10", "1 in twenty-one", "two out of five hundred": the denominator in digits or words. */
const RATIO_RE = new RegExp(
  String.raw`\s+(?:in|out\s+of)\s+(?:every\s+)?(\d{1,3}(?:,\d{3})+|\d+|(?:an?\s+)?${WORD_RUN})(?![\p{L}\d])(?!\s*(?:days?|weeks?|months?|years?|hours?|minutes?|%|per\s?cent)\b)`,
  'iuy',
);
const TIMES_COMPARED_RE = /(\s+times)\s+(?:that|those|the|as|higher|more|greater|larger|bigger|lower|smaller|over)\b/iy;
/*
 * FRACTION_RE and HALF_A_UNIT_RE run over the whole text with the i and u flags, under which V8 tests a
 * leading `\b` slowly at every position: `(?<!\w)` is the same test before a word character, and quick.
 */
/**
 * Fractions in words: "a third", "two thirds", "three-quarters", "one-eighth", "five - eighths", and a bare
 * "half" where it is a share or the size of a change (see `scanFractions`).
 */
const FRACTION_RE = new RegExp(
  String.raw`(?<!\w)(?:(an?|one|two|three|four|five|six|seven|eight|nine)(\s*-\s*|\s+)(${DENOMINATOR_WORDS})\b|(half)(?![\p{L}-]))`,
  'giu',
);
const FRACTION_OF_SCALE_RE = /\s+of\s+an?\s+(trillion|million|billion|thousand)(\s+pounds)?(?![\p{L}])/iuy;
/** "went up by more than half": a bare "half" is a figure as the size of a change... */
const HALF_AS_CHANGE_BEFORE_RE = /\bby\s+(?:(?:more than|almost|nearly|around|about|over|just over|just under|roughly)\s+)?$/i;
/** ... or bounded by a qualifier ("more than half", "almost half")... */
const QUALIFIED_HALF_BEFORE_RE =
  /\b(?:more than|less than|fewer than|almost|nearly|around|about|over|under|just over|just under|roughly|at least|only|just|some|approximately)\s+$/i;
/** ... or as a share of something: "half of all offences", "half the victims", "half were". */
const HALF_SHARE_AFTER_RE =
  /^\s*(?:of\b|the\b|those\b|these\b|them\b|its\b|their\b|all\b|our\b|his\b|her\b|were\b|was\b|are\b|is\b|had\b|have\b|said\b|[,.;:)]|$)/i;
/** A singular fraction is an ordinal when a noun follows ("a third defendant", "a half brother"): it must be followed by one of these. */
const SINGULAR_FRACTION_AFTER_RE =
  /^\s*(?:of\b|more\b|less\b|as\b|than\b|were\b|was\b|are\b|is\b|had\b|have\b|has\b|said\b|say\b|will\b|would\b|could\b|did\b|do\b|on\b|in\b|since\b|from\b|compared\b|over\b|last\b|this\b|between\b|to\b|[,.;:)!?]|$)/i;
/** "one half of the story": the idiom, not a share. */
const HALF_IDIOM_AFTER_RE = /^\s+of\s+(?:the\s+)?(?:story|equation|picture|couple|duo|pair|partnership|double act)\b/i;
const FRACTION_NUMERATORS: Readonly<Record<string, number>> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };
const HALF_A_UNIT_RE = /(?<!\w)half\s+an?\s+(kilo(?:gram)?s?|kg|tonnes?|tons?)(?![\p{L}])/giu;
const NOT_HALF_BEFORE_RE = /\b(?:first|second|latter|other|a|the|and|back|one|each|every|either|same)\s+$/i;
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
  const blocked = withForeignMoney(text, excluded);
  const tokens: NumberToken[] = [];
  scanFractions(text, blocked, tokens);
  scanVague(text, blocked, tokens);
  scanDigits(text, blocked, tokens);
  scanWords(text, blocked, tokens);
  scanTwice(text, blocked, tokens);
  scanHalfUnits(text, blocked, tokens);
  scanSingles(text, blocked, tokens);
  tokens.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: NumberToken[] = [];
  let lastEnd = -1;
  for (const t of tokens) {
    if (t.start < lastEnd) continue;
    lastEnd = t.end;
    // Indefinite quantities ("thousands", "millions of pounds") are scanned only so that their words are
    // never read as a number: they state no figure anyone could check.
    if (t.vague === undefined) kept.push(t);
  }
  return kept;
}

/**
 * "$48.2 million", "€5bn", "300 dollars": amounts in currencies the engine does not model are left out
 * whole, scale word included, so no stray "million" is read as a figure.
 */
function withForeignMoney(text: string, excluded: readonly Span[]): readonly Span[] {
  const foreign: Span[] = [];
  FOREIGN_MONEY_RE.lastIndex = 0;
  for (let m = FOREIGN_MONEY_RE.exec(text); m; m = FOREIGN_MONEY_RE.exec(text)) foreign.push({ start: m.index, end: m.index + m[0].length });
  if (foreign.length === 0) return excluded;
  const all = [...excluded, ...foreign].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Span[] = [];
  for (const s of all) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, s.end) };
    else merged.push(s);
  }
  return merged;
}

function scanDigits(text: string, excluded: readonly Span[], out: NumberToken[]): void {
  DIGITS_RE.lastIndex = 0;
  for (let m = DIGITS_RE.exec(text); m; m = DIGITS_RE.exec(text)) {
    const currency = m[1]?.trim();
    const sign = m[2] ?? '';
    const numStart = m.index + (m[1]?.length ?? 0) + sign.length;
    let numEnd = numStart + m[3].length;
    let written = m[3];
    if (currency && currency !== '£' && currency !== 'GBP') continue;
    // Digits joined by commas in groups other than thousands: one number read whole, or several with a warning.
    let groupingWarning: FigureWarning | undefined;
    if (!written.includes('.')) {
      const grouping = irregularGrouping(text, numStart, numEnd, currency !== undefined);
      if (grouping?.kind === 'one') {
        if (grouping.start < numStart) continue;
        written = grouping.digits;
        numEnd = grouping.end;
        DIGITS_RE.lastIndex = numEnd;
      }
      groupingWarning = grouping?.warning;
    }
    if (
      !currency &&
      text[numEnd] === 's' &&
      AGE_BAND_BEFORE_RE.test(text.slice(Math.max(0, numStart - 6), numStart)) &&
      !overlapsAny(excluded, numStart, numEnd)
    ) {
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
    const mixed = sticky(AND_FRACTION_RE, text, numEnd);
    if (mixed && !money) {
      // "124 and-a-half years": the fraction is part of the number.
      const fraction = fractionOf(mixed[1], mixed[2]);
      if (fraction && Number.isInteger(parsed.value)) {
        parsed = { value: roundValue(parsed.value + fraction.value), precision: fraction.step };
        numEnd += mixed[0].length;
        DIGITS_RE.lastIndex = numEnd;
      }
    }
    const dozen = !money && Number.isInteger(parsed.value) ? sticky(DIGITS_DOZEN_RE, text, numEnd) : null;
    if (dozen) {
      parsed = { value: parsed.value * 12, precision: 12 };
      numEnd += dozen[0].length;
    }
    const unit = readUnit(text, numEnd, money, true, written.includes('.'));
    if (unit.rejected) {
      // "a man in his 60s": an age given as a decade.
      if (/^[1-9]0$/.test(written) && text[numEnd] === 's' && AGE_DECADE_BEFORE_RE.test(text.slice(Math.max(0, numStart - 24), numStart))) {
        out.push({ start: numStart, end: numEnd + 1, value: parsed.value, precision: 10, unit: 'years', age: true, plus: false, isOne: false, inWords: false });
      }
      continue;
    }
    const yearShaped = !money && unit.unit === 'count' && unit.scale === 1 && looksLikeYear(written);
    if (yearShaped && !startsWithMeasureNoun(text.slice(unit.end, unit.end + 60))) continue;
    if (unit.unit === 'count' && isIntervalCount(text, numStart, unit.end)) continue;
    parsed = scaleNumber(parsed, unit.scale);
    // "-1%": a sign is part of a percentage when nothing is glued before it.
    const signed = sign === '-' && unit.unit === 'percent' && !/[\p{L}\d]/u.test(text[numStart - 2] ?? '');
    if (signed) parsed = { value: -parsed.value, precision: parsed.precision };
    const start = money ? m.index : signed ? numStart - 1 : numStart;
    const warnings: FigureWarning[] = [];
    let reading: string | undefined;
    if (yearShaped) {
      warnings.push({
        code: 'year-shaped-count',
        message: `"${written}" looks like a year but a counted noun follows it, so it was read as the count ${parsed.value.toLocaleString('en-GB')}.`,
      });
    }
    if (groupingWarning) warnings.push(groupingWarning);
    const point = !money && unit.unit === 'count' && unit.scale === 1 ? thousandsPointWarning(written) : undefined;
    if (point) warnings.push(point);
    if (unit.abbreviated) {
      reading = `"${text.slice(numStart, unit.end)}" has no currency sign; read as the number ${parsed.value.toLocaleString('en-GB')}.`;
      warnings.push({ code: 'no-currency-sign', message: reading });
    }
    const token: NumberToken = {
      start,
      end: unit.end,
      ...parsed,
      unit: unit.unit,
      age: unit.age,
      plus: unit.plus,
      isOne: false,
      inWords: false,
      ...(reading ? { reading } : {}),
      ...(warnings.length ? { warnings } : {}),
    };
    out.push(withCutOff(text, withMonths(text, withRatio(text, token))));
  }
}

/** "a half", "two thirds": n/d with its step, or undefined for "a thirds". */
function fractionOf(numerator: string, denominator: string): { value: number; step: number } | undefined {
  const d = DENOMINATORS[denominator.toLowerCase()];
  const n = FRACTION_NUMERATORS[numerator.toLowerCase()];
  if (!d || !n || n >= d) return undefined;
  return { value: n / d, step: Number((1 / d).toPrecision(6)) };
}

/**
 * A figure at the very end of the text may have lost digits, a decimal part or a scale word where the
 * page was cut: "... worth £25" (nothing after it), "... 1,36," (a comma), "... more than £2." (money,
 * whose "." may be a decimal point). It is read as a lower bound, with a warning saying so. A count
 * before a final full stop ("... were under 18.") is a sentence that ended.
 */
function withCutOff(text: string, t: NumberToken): NumberToken {
  // A form feed is where a page ends, as the end of the text is where the excerpt does. Only the next
  // two characters are read: searching the rest of the text for a form feed, number after number, made
  // a long document's analysis grow with the square of its length.
  const atPage = text.charCodeAt(t.end) === 12 ? 0 : text.charCodeAt(t.end + 1) === 12 ? 1 : -1;
  if (atPage < 0 && t.end + 1 < text.length) return t;
  const rest = atPage >= 0 ? text.slice(t.end, t.end + atPage) : text.slice(t.end);
  if (!(rest === '' || rest === ',' || (rest === '.' && t.unit === 'GBP'))) return t;
  const shown = text.slice(t.start, t.end);
  const where = atPage >= 0 ? 'The page' : 'The text';
  const message = `${where} ends right after "${shown}", so digits, a decimal part or a scale word may be cut off: read as at least ${shown}.`;
  return { ...t, reading: message, warnings: [...(t.warnings ?? []), { code: 'cut-off', message }], cutOff: true };
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
    if (parsed) {
      pushWords(text, excluded, start, written, parsed, out);
      continue;
    }
    // "aged between fourteen and seventeen", "seven and twenty": a list, each number its own figure.
    const parts = /\s+and\s+/i;
    let at = start;
    for (const piece of written.split(parts)) {
      const offset = text.indexOf(piece, at);
      at = offset + piece.length;
      const one = parseNumberWords(piece);
      if (one && offset >= 0) pushWords(text, excluded, offset, piece, one, out);
    }
  }
}

/** "five-strong": the size of a group; other hyphenated tails ("one-off", "two-day") are not counts. */
const STRONG_AFTER_RE = /-strong(?![\p{L}])/iuy;

function pushWords(text: string, excluded: readonly Span[], start: number, written: string, parsed: ParsedNumber, out: NumberToken[]): void {
  const end = start + written.length;
  if (overlapsAny(excluded, start, end)) return;
  if (NUMBER_BEFORE_RE.test(text.slice(Math.max(0, start - 10), start))) return;
  const unit = readUnit(text, end, false, false);
  if (unit.unit === 'count' && sticky(HYPHENATED_WORD_AFTER_RE, text, unit.end) && !sticky(STRONG_AFTER_RE, text, unit.end)) return;
  if (unit.unit === 'count' && isIntervalCount(text, start, unit.end)) return;
  const scaled = scaleNumber(parsed, unit.scale);
  const isOne = unit.unit === 'count' && /^one$/i.test(written.trim());
  out.push(
    withCutOff(
      text,
      withMonths(text, withRatio(text, { start, end: unit.end, ...scaled, unit: unit.unit, age: unit.age, plus: unit.plus, isOne, inWords: true })),
    ),
  );
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
  const written = m[1];
  // "nearly 1,000 in 2019": a year is never a denominator.
  if (looksLikeYear(written)) return t;
  const denominator = /^\d/.test(written) ? Number(written.replace(/,/g, '')) : parseNumberWords(written)?.value;
  if (denominator === undefined || !(denominator > 0) || t.value > denominator) return t;
  const value = Number((t.value / denominator).toPrecision(12));
  return { ...t, end: t.end + m[0].length, value, precision: Number((1 / denominator).toPrecision(6)), unit: 'ratio', isOne: false };
}

function scanFractions(text: string, excluded: readonly Span[], out: NumberToken[]): void {
  FRACTION_RE.lastIndex = 0;
  for (let m = FRACTION_RE.exec(text); m; m = FRACTION_RE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (overlapsAny(excluded, start, end)) continue;
    const before = text.slice(Math.max(0, start - 30), start);
    const after = text.slice(end, end + 40);
    let fraction: ParsedNumber;
    if (m[4]) {
      // A bare "half": a share, the size of a change or a bounded amount; never "first half", "the half".
      if (NOT_HALF_BEFORE_RE.test(before)) continue;
      if (!(HALF_AS_CHANGE_BEFORE_RE.test(before) || QUALIFIED_HALF_BEFORE_RE.test(before) || HALF_SHARE_AFTER_RE.test(after))) continue;
      fraction = { value: 0.5, precision: 0.5 };
    } else {
      const numerator = FRACTION_NUMERATORS[m[1].toLowerCase()];
      const denominatorWord = m[3].toLowerCase();
      const d = DENOMINATORS[denominatorWord];
      const plural = /s$/.test(denominatorWord) || denominatorWord === 'halves';
      if (!numerator || !d || numerator >= d) continue;
      // "a thirds" and "two third" are not fractions; "three" before "quarters" in "three quarters of an hour" still is one.
      if ((numerator === 1) === plural) continue;
      const hyphenated = m[2].includes('-');
      if (/^and\s+$/i.test(before.slice(-4)) && !hyphenated) continue;
      if (numerator === 1 && !hyphenated) {
        if (denominatorWord === 'half' && HALF_IDIOM_AFTER_RE.test(after)) continue;
        // "a third defendant" is an ordinal; "a third of", "fell by a third." a fraction.
        if (!SINGULAR_FRACTION_AFTER_RE.test(after) && !HALF_AS_CHANGE_BEFORE_RE.test(before)) continue;
      }
      if (denominatorWord === 'half' && NOT_HALF_BEFORE_RE.test(before) && !/\bone\s+$/i.test(before)) continue;
      fraction = { value: Number((numerator / d).toPrecision(12)), precision: Number((1 / d).toPrecision(6)) };
      // "a quarter of a million pounds" is an amount, not a share.
      const ofScale = sticky(FRACTION_OF_SCALE_RE, text, end);
      if (ofScale) {
        const word = ofScale[1].toLowerCase();
        const scale = word === 'trillion' ? 1e12 : word === 'billion' ? 1e9 : word === 'million' ? 1e6 : 1e3;
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
  ONCE_RE.lastIndex = 0;
  for (let m = ONCE_RE.exec(text); m; m = ONCE_RE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (overlapsAny(excluded, start, end) || !onceIsACount(text, start, end)) continue;
    out.push({ start, end, value: 1, precision: 1, unit: 'count', age: false, plus: false, isOne: false, inWords: true });
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

/** "stabbed once", "used it once": one time. */
const ONCE_RE = /\bonce\b/gi;
/** "Once the money was banked", "once again", "at once", "once a week" are not counts of one. */
const ONCE_NOT_AFTER_RE =
  /^\s*(?:again|more|upon|and for all|removed|or twice|in a while|before|the|a|an|they|he|she|it|we|you|i|this|these|those|his|her|their|its|our|inside|there|convicted|released|arrested|charged|sentenced|home|back|out|done|complete|completed|finished|identified|found|caught|[,;:—–-]\s*(?:the|they|he|she|it|we))\b/i;
const ONCE_NOT_BEFORE_RE = /(?:^|[.!?;:,(\n—–]\s*|\b(?:at|all at|and|but|or|that|only|until|since|when|if|who|which|was|is|were|are|had|has|have)\s+)$/i;

function onceIsACount(text: string, start: number, end: number): boolean {
  if (ONCE_NOT_BEFORE_RE.test(text.slice(Math.max(0, start - 12), start))) return false;
  return !ONCE_NOT_AFTER_RE.test(text.slice(end, end + 24));
}

/** "a single percentage point", "a decade in prison": article-led words that state a number. */
const SINGLE_RE = /\b(a\s+single|a\s+decade)\b/gi;

function scanSingles(text: string, excluded: readonly Span[], out: NumberToken[]): void {
  SINGLE_RE.lastIndex = 0;
  for (let m = SINGLE_RE.exec(text); m; m = SINGLE_RE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (overlapsAny(excluded, start, end)) continue;
    if (/decade/i.test(m[1])) out.push({ start, end, value: 10, precision: 10, unit: 'years', age: false, plus: false, isOne: false, inWords: true });
    // "a single" needs its context, as "one" does ("a single arrest", not "a single mother").
    else out.push({ start, end, value: 1, precision: 1, unit: 'count', age: false, plus: false, isOne: true, inWords: true });
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
