import type { FigureUnit } from '../types';
import { readCsvRecords } from './csv';
import { linkable, normaliseKeyPart, normaliseOperation, normalisePlace, type LinkableClaim } from './claims';
import { boundOfQualifier } from './interval';
import { lexiconResolver, type OrganisationResolver } from './organisations';
import { isFigureUnit, unitFamily } from './units';
import type { Claim, ReferenceProblem } from './types';

/** The columns of a reference table; see docs/reference-tables.md. */
export const REFERENCE_COLUMNS = ['measure', 'organisation', 'period_from', 'period_to', 'value', 'unit', 'qualifier', 'source_url', 'note'] as const;
/** Optional columns that narrow what a row counts, matching the figure fields of the same name. */
export const OPTIONAL_REFERENCE_COLUMNS = ['subject', 'place', 'operation', 'precision'] as const;

const MAX_ROWS = 100_000;

export interface ReferenceTableOptions {
  /** Identifies the table in claims and problems: its path or URI. */
  readonly tableId: string;
  /** Default: JSON when the text starts with "[" or "{", CSV otherwise. */
  readonly format?: 'csv' | 'json';
  /** Maps the organisation column to the ids figures carry; default: the built-in lexicon. */
  readonly resolveOrganisation?: OrganisationResolver;
}

export interface ParsedReferenceTable {
  readonly tableId: string;
  readonly claims: readonly Claim[];
  readonly problems: readonly ReferenceProblem[];
}

/** Reads a reference table into claims (`isReference: true`); the rows it cannot use come back as problems. */
export function parseReferenceTable(text: string, options: ReferenceTableOptions): ParsedReferenceTable {
  const t = readReferenceTable(text, options);
  return { tableId: t.tableId, claims: t.claims.map((c) => c.claim), problems: t.problems };
}

const UNIT_ALIASES: Record<string, FigureUnit> = {
  '': 'count',
  number: 'count',
  people: 'count',
  '£': 'GBP',
  gbp: 'GBP',
  pounds: 'GBP',
  '%': 'percent',
  'per cent': 'percent',
  kilograms: 'kg',
  kilos: 'kg',
  grams: 'g',
  tonne: 'tonnes',
  tons: 'tonnes',
  year: 'years',
  month: 'months',
  week: 'weeks',
  day: 'days',
  hour: 'hours',
};

const ISO_DATE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

/**
 * Reads a table of authoritative figures into reference claims. Never throws: every row it cannot use
 * becomes a problem naming the row (1-based, the header is row 0) and the reason, and the rest are kept.
 */
export function readReferenceTable(text: string, options: ReferenceTableOptions): { tableId: string; claims: LinkableClaim[]; problems: ReferenceProblem[] } {
  const { tableId } = options;
  const problems: ReferenceProblem[] = [];
  const problem = (row: number, message: string) => problems.push({ tableId, row, message });
  const format = options.format ?? (/^\s*[[{]/.test(text) ? 'json' : 'csv');
  const rows = format === 'json' ? readJson(text, problem) : readCsv(text, problem);
  if (rows.length > MAX_ROWS) {
    problem(MAX_ROWS + 1, `The table has ${rows.length} rows; only the first ${MAX_ROWS} were read.`);
    rows.length = MAX_ROWS;
  }
  const claims: LinkableClaim[] = [];
  const resolve = options.resolveOrganisation ?? lexiconResolver();
  rows.forEach((row, i) => {
    const c = rowToClaim(row, i + 1, tableId, problem, resolve);
    if (c) claims.push(c);
  });
  problems.sort((a, b) => a.row - b.row);
  return { tableId, claims, problems };
}

/** A row's value cell in the table's text (CSV only: JSON rows have no reliable position). */
const AT = Symbol('value cell');
type Row = Record<string, unknown> & { [AT]?: { start: number; end: number; line: number } };
type Problem = (row: number, message: string) => void;

function readCsv(text: string, problem: Problem): Row[] {
  const { records } = readCsvRecords(text);
  const nonEmpty = records.filter((r) => r.unterminatedAt !== undefined || r.fields.some((f) => f.trim() !== ''));
  const [header, ...rows] = nonEmpty;
  const fields = (header?.fields ?? []).map((h) =>
    h
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_'),
  );
  if (header?.unterminatedAt !== undefined) {
    problem(0, `CSV: a quoted field in the header, opened on line ${header.unterminatedAt + 1}, is never closed.`);
    return [];
  }
  let missing = false;
  for (const required of ['measure', 'value']) {
    if (!fields.includes(required)) {
      problem(0, `The header has no “${required}” column (columns: ${fields.join(', ') || 'none'}).`);
      missing = true;
    }
  }
  if (missing) return [];
  return rows.map((r, i) => {
    if (r.unterminatedAt !== undefined) {
      problem(i + 1, `CSV: a quoted field opened on line ${r.unterminatedAt + 1} is never closed; the row was skipped and reading went on from the next line.`);
      return { __invalid: true };
    }
    if (r.fields.length !== fields.length) {
      // Cells under the wrong columns would be read as the wrong things: report the row, never guess.
      problem(i + 1, `CSV: Too ${r.fields.length < fields.length ? 'few' : 'many'} fields: expected ${fields.length} fields but parsed ${r.fields.length}.`);
      return { __invalid: true };
    }
    const valueAt = r.spans[fields.indexOf('value')];
    // Where the value cell is, so a claim from the table opens with its value selected.
    return { ...Object.fromEntries(fields.map((f, k) => [f, r.fields[k]])), [AT]: { start: valueAt.start, end: valueAt.end, line: r.line } };
  });
}

function readJson(text: string, problem: Problem): Row[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    problem(0, `JSON: ${e instanceof Error ? e.message : String(e)}.`);
    return [];
  }
  const rows = Array.isArray(data)
    ? data
    : data && typeof data === 'object' && Array.isArray((data as { rows?: unknown }).rows)
      ? (data as { rows: unknown[] }).rows
      : undefined;
  if (!rows) {
    problem(0, 'JSON: expected an array of rows, or an object with a "rows" array.');
    return [];
  }
  return rows.map((r, i) => {
    if (r && typeof r === 'object' && !Array.isArray(r))
      return Object.fromEntries(
        Object.entries(r).map(([k, v]) => [
          k
            .trim()
            .toLowerCase()
            .replace(/[\s-]+/g, '_'),
          v,
        ]),
      );
    problem(i + 1, 'JSON: the row is not an object.');
    return { __invalid: true };
  });
}

function cell(row: Row, column: string): string {
  const v = row[column];
  return v === undefined || v === null ? '' : String(v).trim();
}

/** "1,135" → 1135 (precision 1); "7.6" → 7.6 (0.1); "£5m" → 5,000,000 (1,000,000); "2.5bn" → 2.5e9 (1e8). */
export function parseReferenceValue(raw: string): { value: number; precision: number } | undefined {
  const m = /^[£$]?\s*([+-]?\d[\d,]*(?:\.\d+)?|[+-]?\.\d+)\s*(k|thousand|m|million|bn|billion)?\s*%?$/i.exec(raw.trim());
  if (!m) return undefined;
  const digits = m[1].replace(/,/g, '');
  const decimals = digits.includes('.') ? digits.split('.')[1].length : 0;
  const mult = ({ k: 1e3, thousand: 1e3, m: 1e6, million: 1e6, bn: 1e9, billion: 1e9 } as Record<string, number>)[(m[2] ?? '').toLowerCase()] ?? 1;
  const value = Number(digits) * mult;
  if (!Number.isFinite(value)) return undefined;
  return { value, precision: Number((10 ** -decimals * mult).toPrecision(12)) };
}

function rowToClaim(row: Row, n: number, tableId: string, problem: Problem, resolve: OrganisationResolver): LinkableClaim | undefined {
  if (row.__invalid) return undefined;
  const measure = normaliseKeyPart(cell(row, 'measure'));
  if (!measure) return void problem(n, 'The “measure” is empty.');
  const rawValue = cell(row, 'value');
  const parsed = parseReferenceValue(rawValue);
  if (!parsed) return void problem(n, rawValue ? `The value “${rawValue}” is not a number.` : 'The “value” is empty.');
  const unitText = cell(row, 'unit');
  const unit = isFigureUnit(unitText) ? unitText : UNIT_ALIASES[unitText.toLowerCase()];
  if (!unit) return void problem(n, `The unit “${unitText}” is not one of count, GBP, kg, g, tonnes, percent, ratio, years, months, weeks, days, hours.`);
  const qualifier = cell(row, 'qualifier').toLowerCase() || 'exact';
  const bound = boundOfQualifier(qualifier);
  if (!bound) return void problem(n, `The qualifier “${qualifier}” is not known (use exact, more than, at least, up to, almost, around, ...).`);
  const from = cell(row, 'period_from');
  const to = cell(row, 'period_to');
  for (const [name, d] of [
    ['period_from', from],
    ['period_to', to],
  ] as const) {
    if (d && !ISO_DATE.test(d)) return void problem(n, `The ${name} “${d}” is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD).`);
  }
  if (from && to && from.slice(0, Math.min(from.length, to.length)) > to.slice(0, Math.min(from.length, to.length)))
    return void problem(n, `The period starts (${from}) after it ends (${to}).`);
  let precision = parsed.precision;
  const rawPrecision = cell(row, 'precision');
  if (rawPrecision) {
    const p = Number(rawPrecision);
    if (!(p >= 0)) return void problem(n, `The precision “${rawPrecision}” is not a non-negative number.`);
    precision = p;
  }
  const organisation = normaliseKeyPart(resolve(cell(row, 'organisation')));
  const sourceUrl = cell(row, 'source_url');
  const note = cell(row, 'note');
  const described = `${qualifier === 'exact' ? '' : `${qualifier} `}${rawValue} ${cell(row, 'measure')}`;
  const at = row[AT];
  const claim: Claim = {
    recordId: '',
    docId: tableId,
    annotationId: `row:${n}`,
    start: at?.start ?? 0,
    end: at?.end ?? 0,
    line: at?.line ?? n,
    // Like a figure's text, the exact text at the claim's place: the value cell where the table has places.
    text: at ? rawValue : described,
    value: parsed.value,
    unit,
    qualifier,
    bound,
    precision,
    sentence: note || described,
    isReference: true,
    ...(organisation ? { publisher: organisation } : {}),
    ...(sourceUrl ? { sourceUrl } : {}),
  };
  const operation = normaliseOperation(cell(row, 'operation'));
  const place = normalisePlace(cell(row, 'place'));
  const subject = normaliseKeyPart(cell(row, 'subject'));
  return linkable(claim, {
    measure,
    family: unitFamily(unit),
    ...(place ? { place } : {}),
    ...(subject ? { subject } : {}),
    ...(organisation ? { organisation } : {}),
    ...(operation ? { operation } : {}),
    ...(from ? { periodFrom: from } : {}),
    ...(to ? { periodTo: to } : {}),
  });
}
