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
}

// Sticky: each is tried at the offset right after the number.
const MONEY_SCALE_RE = /[ \t]?(bn|billion|mn|million|m|k|thousand)(?![\p{L}\d])/iuy;
const WORD_SCALE_RE = /[ \t]+(billion|million|thousand)(?![\p{L}\d])/iuy;
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
  [/(?:[ \t]+|-)(?:years?|yrs?)(?:[ \t]+|-)old(?![\p{L}\d])/iuy, 'years', true],
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
export function readUnit(text: string, at: number, money: boolean, digits: boolean): UnitReading {
  let end = at;
  let scale = 1;
  const scaleMatch = stickyAt(money ? MONEY_SCALE_RE : WORD_SCALE_RE, text, end);
  if (scaleMatch) {
    scale = SCALE_SUFFIX[scaleMatch[1].toLowerCase()] ?? 1;
    end += scaleMatch[0].length;
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
  let rejected = false;
  if (!unit && scale === 1 && digits && stickyAt(ORDINAL_OR_PLURAL_RE, text, end)) rejected = true;
  if (!unit && scale === 1 && digits && stickyAt(LETTER_AFTER_RE, text, end)) rejected = true;
  return { unit: unit ?? 'count', end, scale, age, plus: plusMatch !== null, rejected };
}
