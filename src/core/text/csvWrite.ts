/**
 * The one CSV writer: every CSV the product writes (the export command, `crosscheck --format csv`)
 * goes through `csvTable`, so every cell is quoted by RFC 4180 and neutralised against spreadsheet
 * formulas the same way.
 *
 * Formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that begins with `=`, `+`,
 * `-`, `@`, a tab or a carriage return as a formula, so document text or a file name holding
 * `=HYPERLINK(...)` would become a live link or command. Such a text cell is written with a leading
 * `'`, which spreadsheets show as text and do not display. Numbers are the cell type that is never
 * at risk, so a number cell is written as the number: `-1` in a number column stays `-1`.
 * The reader of reference tables is src/core/record/csv.ts.
 */

/** What a cell may hold: text (neutralised when it could be read as a formula), a number, or nothing. */
export type CsvCell = string | number | undefined | null;

/** Characters that make a spreadsheet read a cell as a formula (OWASP), with their full-width forms. */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
/** What a spreadsheet may skip before looking at the first character: spaces and invisible format characters. */
const SKIPPED_LEAD = /^[ \u00a0\p{Cf}]*/u;

/** True when a spreadsheet could read this text cell as a formula. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text.replace(SKIPPED_LEAD, ''));
}

/** One cell: numbers as they are, text neutralised (a leading `'`) and quoted where RFC 4180 needs it. */
export function csvCell(value: CsvCell): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = looksLikeFormula(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: readonly CsvCell[]): string {
  return cells.map(csvCell).join(',');
}

/** A whole table: the header, then one line per row, CRLF line ends (RFC 4180), final line end included. */
export function csvTable(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  const lines = [csvRow(header)];
  for (const row of rows) lines.push(csvRow(row));
  return lines.join('\r\n') + '\r\n';
}
