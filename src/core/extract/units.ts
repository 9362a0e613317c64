import type { FigureUnit } from '../types';
import { SCALE_SUFFIX } from './numbers';

/** What follows a number: its scale, unit, a "+" and whether it was written as an age. */
export interface UnitReading {
  readonly unit: FigureUnit;
  /** Offset just after the unit words that belong in the figure's span. */
  readonly end: number;
  readonly scale: number;
  /** "14 years old", "16-year-old": the figure is an age. */
  readonly age: boolean;
  /** "£38,000+". */
  readonly plus: boolean;
  /** "7th", "1990s": the number is not a quantity at all. */
  readonly rejected: boolean;
  /** The scale was an abbreviation with no currency sign ("2.6m", "10k"): worth saying how it was read. */
  readonly abbreviated?: boolean;
}

// Sticky: each is tried at the offset right after the number.
const MONEY_SCALE_RE = /[ \t]?(tn|trillion|bn|billion|mn|million|m|k|thousand)(?![\p{L}\d])/iuy;
const WORD_SCALE_RE = /[ \t]+(trillion|billion|million|thousand)(?![\p{L}\d])/iuy;
/**
 * Scale abbreviations after digits with no currency sign: "10k", "2.33 k", "1.2m pills", "10M", "3bn".
 * A lower-case "m" is also metres ("a 10m drop", "1.8m tall"), so it is a million only where metres
 * cannot be meant (see `millionNotMetres`).
 */
const BARE_SCALE_RE = /(?:[ \t]?(k|K|M)|(bn|tn|mn|m))(?![\p{L}\d])/uy;
const LENGTH_AFTER_RE =
  /^[ \t]*(?:tall|high|long|wide|deep|away|from|off|of|above|below|along|across|down|up|drop|fall|stretch|radius|range|in\s+(?:length|height|depth|diameter)|race|sprint|run|wall|fence|high|square|sq|\/|-|x\b)/i;
const PLURAL_AFTER_RE = /^[ \t]+(?:people|pounds|[a-z]+s)\b/i;
/** "470 pence", "sixty pence", "one penny": pounds, in the figure's span. */
const PENCE_WORD_RE = /[ \t]+(?:pence|pennies|penny)(?![\p{L}\d])/iuy;
/** "99%3" is not a percentage. */
const DIGIT_AFTER_RE = /\d/y;
const PLUS_RE = /\+(?!\d)/y;
const POUNDS_RE = /[ \t]+(?:pounds|quid)(?![\p{L}\d])(?:[ \t]+sterling)?/iuy;
const ORDINAL_OR_PLURAL_RE = /(?:st|nd|rd|th|s)(?![\p{L}\d])/iuy;
const LETTER_AFTER_RE = /[\p{L}_]/uy;
/** "50p": pence, only glued to digits. */
const PENCE_RE = /p(?![\p{L}\d])/uy;

const UNIT_PATTERNS: readonly (readonly [RegExp, FigureUnit, boolean])[] = [
  [/[ \t]?(?:%|per[ \t]?cent(?![\p{L}])|percent(?![\p{L}])|pc(?![\p{L}]))/iuy, 'percent', false],
  [/[ \t]?(?:kgs?|kilos?|kilograms?|kilogrammes?)(?![\p{L}\d])/iuy, 'kg', false],
  [/(?:g|[ \t]?grams?|[ \t]?grammes?)(?![\p{L}\d])/iuy, 'g', false],
  [/[ \t]?(?:tonnes?|tons?)(?![\p{L}\d])/iuy, 'tonnes', false],
  [/(?:[ \t]+|-)(?:years?|yrs?)(?:[ \t]+|-)old(?![\p{L}\d])|[ \t]+years?[ \t]+of[ \t]+age(?![\p{L}\d])/iuy, 'years', true],
  // "a six-month-old baby", "three weeks old", "18 months of age": ages in smaller units.
  [/(?:[ \t]+|-)months?(?:[ \t]+|-)old(?![\p{L}\d])|[ \t]+months?[ \t]+of[ \t]+age(?![\p{L}\d])/iuy, 'months', true],
  [/(?:[ \t]+|-)weeks?(?:[ \t]+|-)old(?![\p{L}\d])|[ \t]+weeks?[ \t]+of[ \t]+age(?![\p{L}\d])/iuy, 'weeks', true],
  [/(?:[ \t]+|-)days?(?:[ \t]+|-)old(?![\p{L}\d])/iuy, 'days', true],
  [/(?:[ \t]+|-)(?:years?|yrs?)(?![\p{L}\d])/iuy, 'years', false],
  [/(?:[ \t]+|-)months?(?![\p{L}\d])/iuy, 'months', false],
  [/(?:[ \t]+|-)weeks?(?![\p{L}\d])/iuy, 'weeks', false],
  [/(?:[ \t]+|-)days?(?![\p{L}\d])/iuy, 'days', false],
  [/(?:[ \t]+|-)(?:hours?|hrs?)(?![\p{L}\d])/iuy, 'hours', false],
];

function stickyAt(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/**
 * Reads the scale and unit after a number ending at `at`. `money` is true when a currency sign came
 * before it; `digits` is false for numbers written in words (no "7th" or "1990s" check then).
 */
export function readUnit(text: string, at: number, money: boolean, digits: boolean, hasDecimal = false): UnitReading {
  let end = at;
  let scale = 1;
  let abbreviated = false;
  const scaleMatch = stickyAt(money ? MONEY_SCALE_RE : WORD_SCALE_RE, text, end);
  if (scaleMatch) {
    scale = SCALE_SUFFIX[scaleMatch[1].toLowerCase()] ?? 1;
    end += scaleMatch[0].length;
  } else if (!money && digits) {
    const bare = stickyAt(BARE_SCALE_RE, text, end);
    const word = bare ? (bare[1] ?? bare[2]) : undefined;
    if (bare && word && (word !== 'm' || millionNotMetres(text, end + bare[0].length, hasDecimal))) {
      scale = SCALE_SUFFIX[word.toLowerCase()] ?? 1;
      end += bare[0].length;
      abbreviated = true;
    }
  }
  let unit: FigureUnit | undefined = money ? 'GBP' : undefined;
  let age = false;
  if (!money) {
    const pounds = stickyAt(POUNDS_RE, text, end);
    if (pounds) {
      unit = 'GBP';
      end += pounds[0].length;
    }
  }
  if (!unit && !money && digits && scale === 1 && stickyAt(PENCE_RE, text, end)) {
    unit = 'GBP';
    scale = 0.01;
    end += 1;
  }
  if (!unit && !money && scale === 1) {
    const pence = stickyAt(PENCE_WORD_RE, text, end);
    if (pence) {
      unit = 'GBP';
      scale = 0.01;
      end += pence[0].length;
    }
  }
  if (!unit) {
    for (const [re, u, isAge] of UNIT_PATTERNS) {
      const m = stickyAt(re, text, end);
      if (m) {
        unit = u;
        age = isAge;
        end += m[0].length;
        break;
      }
    }
  }
  const plusMatch = stickyAt(PLUS_RE, text, end);
  if (plusMatch) end += 1;
  let rejected = unit === 'percent' && stickyAt(DIGIT_AFTER_RE, text, end) !== null;
  if (!unit && scale === 1 && digits && stickyAt(ORDINAL_OR_PLURAL_RE, text, end)) rejected = true;
  if (!unit && scale === 1 && digits && stickyAt(LETTER_AFTER_RE, text, end)) rejected = true;
  return { unit: unit ?? 'count', end, scale, age, plus: plusMatch !== null, rejected, abbreviated };
}

/**
 * A lower-case "m" glued to digits is a million unless a length is meant: "1.2m pills" and "2.6m gang"
 * are millions; "a 10m drop", "1.8m tall" and a bare "100m" are metres. A whole number needs a plural
 * noun after it to be read as millions.
 */
function millionNotMetres(text: string, after: number, hasDecimal: boolean): boolean {
  const rest = text.slice(after, after + 24);
  if (LENGTH_AFTER_RE.test(rest)) return false;
  if (hasDecimal) return true;
  return PLURAL_AFTER_RE.test(rest);
}
