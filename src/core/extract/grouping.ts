import type { FigureWarning } from '../types';

/**
 * Digits grouped by commas in ways other than thousands, as real text has them: typed ("1,3600"),
 * Indian lakh grouping ("1,20,000"), a decimal comma ("£120,50"), a list with no space ("aged 16,17").
 * A run of digits and commas with no space is looked at whole, so that no part of it is silently read
 * as a figure of its own: where the run can only be one number it is read as its digits, and where it
 * may be one number or several the numbers are read as written; either way a warning says which
 * reading was used.
 */
export type Grouping =
  /** One number: its digits, read without the commas, over `start`..`end`. */
  | { readonly kind: 'one'; readonly start: number; readonly end: number; readonly digits: string; readonly warning: FigureWarning }
  /** One number or several: each number is read as written, with this warning. */
  | { readonly kind: 'ambiguous'; readonly warning: FigureWarning };

/** The longest run looked at: fifteen digits (more than any figure has) and their commas. */
const MAX_RUN = 20;

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** Well-formed thousands: nothing to say. */
const THOUSANDS = /^\d{1,3}(?:,\d{3})+$/;
/** Indian grouping: the last three digits, then pairs ("12,34,567"). */
const LAKH = /^\d{1,2}(?:,\d{2})+,\d{3}$/;
/** Every group after the first has three digits or more ("1,3600", "12,5000"): a comma typed in the wrong place or twice. */
const LONG_GROUPS = /^\d+(?:,\d{3,})+$/;

/**
 * The comma-joined run of digits around the number at `start`..`end` (the digits, not a decimal part),
 * when its grouping is not thousands; undefined for a plain number or well-formed thousands. `money`:
 * the number has a pound sign, so two digits after the only comma are pence.
 */
export function irregularGrouping(text: string, start: number, end: number, money = false): Grouping | undefined {
  // Looked at only as far as one number could reach: a longer run ("1,2,3,4,...") is a list or noise, read
  // as written, and stopping there keeps a long one linear (every number of it asks).
  const lo = Math.max(0, start - MAX_RUN);
  const hi = Math.min(text.length, end + MAX_RUN);
  let from = start;
  while (from > lo && isDigit(text[from - 1])) from--;
  while (from > lo && text[from - 1] === ',' && isDigit(text[from - 2])) {
    from -= 2;
    while (from > lo && isDigit(text[from - 1])) from--;
  }
  let to = end;
  while (to < hi && isDigit(text[to])) to++;
  while (to < hi && text[to] === ',' && isDigit(text[to + 1])) {
    to += 2;
    while (to < hi && isDigit(text[to])) to++;
  }
  if ((from <= lo && lo > 0) || (to >= hi && hi < text.length) || to - from > MAX_RUN) return undefined;
  // A decimal part right after the run ("1,36.5") or a point before it: another format, not looked at here.
  if ((text[to] === '.' && isDigit(text[to + 1])) || (text[from - 1] === '.' && isDigit(text[from - 2]))) return undefined;
  const run = text.slice(from, to);
  if (!run.includes(',') || THOUSANDS.test(run)) return undefined;
  const digits = run.replace(/,/g, '');
  const value = Number(digits).toLocaleString('en-GB');
  if (LAKH.test(run)) {
    return {
      kind: 'one',
      start: from,
      end: to,
      digits,
      warning: { code: 'irregular-grouping', message: `"${run}" is grouped in the Indian style (lakhs); read as ${value}.` },
    };
  }
  // "October 10,2023": a date with its space lost, not a number.
  if (
    LONG_GROUPS.test(run) &&
    !run
      .split(',')
      .slice(1)
      .some((g) => /^(?:19|20)\d{2}$/.test(g))
  ) {
    return {
      kind: 'one',
      start: from,
      end: to,
      digits,
      warning: { code: 'irregular-grouping', message: `"${run}" has its comma in an unusual place; read as the one number ${value}.` },
    };
  }
  const parts = run.split(',');
  const last = parts[parts.length - 1];
  const decimal = `${parts.slice(0, -1).join('')}.${last}`;
  // "£120,50": pounds and pence with a decimal comma, the way much of Europe writes them.
  if (money && parts.length === 2 && last.length === 2 && parts[0].length <= 3) {
    return {
      kind: 'one',
      start: from,
      end: to,
      digits: decimal,
      warning: {
        code: 'irregular-grouping',
        message: `"${run}" was read with a decimal comma as ${Number(decimal).toLocaleString('en-GB', { minimumFractionDigits: 2 })}; if the comma separates thousands, it is ${value}.`,
      },
    };
  }
  return {
    kind: 'ambiguous',
    warning: {
      code: 'irregular-grouping',
      message: `"${run}" has a comma with no space and groups that are not thousands; read as the separate numbers ${parts.join(' and ')}, but it may be one number (${value}, or ${Number(decimal).toLocaleString('en-GB', { maximumFractionDigits: last.length })} with a decimal comma).`,
    },
  };
}

/**
 * A count written with a point and exactly three digits after it ("1.360 arrests"): a fraction of a
 * counted thing is unlikely, and some writers separate thousands with a point. Read as written, with a
 * warning naming the other reading.
 */
export function thousandsPointWarning(written: string): FigureWarning | undefined {
  const m = /^(\d{1,3})\.(\d{3})$/.exec(written);
  if (!m || m[1] === '0') return undefined;
  const other = Number(m[1] + m[2]).toLocaleString('en-GB');
  return {
    code: 'thousands-point',
    message: `"${written}" was read as ${Number(written).toLocaleString('en-GB', { maximumFractionDigits: 3 })} of a counted thing; if the point separates thousands, it is ${other}.`,
  };
}
