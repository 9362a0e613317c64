/**
 * A small RFC 4180 reader. papaparse, the obvious choice, pulls in Node's `stream` and so does not bundle
 * for the neutral (web and desktop) core; reference tables need only this much.
 */
export interface CsvRecord {
  readonly fields: string[];
  /**
   * Set on a record with a quoted field that is never closed: the 0-based line the quote opened on.
   * Its fields are what came before that quote; reading went on from the next line.
   */
  readonly unterminatedAt?: number;
  /** Where each field's text is in the input (inside the quotes for a quoted field), so a reader can show it. */
  readonly spans: { readonly start: number; readonly end: number }[];
  /** 0-based line of the record's first character. */
  readonly line: number;
}

export interface CsvResult {
  readonly records: CsvRecord[];
  /** The first quote left open at the end of the text: the 0-based line it opened on. */
  readonly unterminatedAt?: number;
}

/**
 * Reads every record. A quote that is never closed would swallow the rest of the file as one cell;
 * instead its record is returned marked `unterminatedAt` and reading starts again on the line after
 * the one the quote opened on, so one stray quote costs one row, not the rest of the table.
 */
export function readCsvRecords(text: string): CsvResult {
  const records: CsvRecord[] = [];
  let unterminatedAt: number | undefined;
  let from = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 0;
  for (;;) {
    const part = readFrom(text, from, line, records);
    if (part === undefined) break;
    unterminatedAt ??= part.line;
    from = part.resume;
    line = part.line + 1;
  }
  return unterminatedAt === undefined ? { records } : { records, unterminatedAt };
}

/** Reads records from `from` (the start of line `line`) into `records`; when a quote is left open, where to go on. */
function readFrom(text: string, from: number, startLine: number, records: CsvRecord[]): { line: number; resume: number } | undefined {
  let fields: string[] = [];
  let spans: { start: number; end: number }[] = [];
  let field = '';
  let fieldStart = -1;
  let fieldEnd = -1;
  let line = startLine;
  let recordLine = startLine;
  let quoted = false;
  let quoteLine = 0;
  let quoteAt = 0;
  let i = from;
  const endField = () => {
    fields.push(field);
    spans.push(fieldStart < 0 ? { start: fieldEnd, end: fieldEnd } : { start: fieldStart, end: fieldEnd });
    field = '';
    fieldStart = -1;
  };
  const endRecord = () => {
    endField();
    records.push({ fields, spans, line: recordLine });
    fields = [];
    spans = [];
  };
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
          fieldEnd = i + 1;
        } else quoted = false;
      } else {
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
        field += c;
        fieldEnd = i + 1;
      }
      continue;
    }
    if (c === '"' && field.trim() === '') {
      quoted = true;
      quoteLine = line;
      quoteAt = i;
      field = '';
      fieldStart = fieldEnd = i + 1;
    } else if (c === ',') {
      if (fieldStart < 0) fieldEnd = i;
      endField();
    } else if (c === '\n' || c === '\r') {
      if (fieldStart < 0) fieldEnd = i;
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      // The span leaves out spaces around the text, which cells often have and a reader does not want selected.
      if (c !== ' ' && c !== '\t') {
        if (fieldStart < 0) fieldStart = i;
        fieldEnd = i + 1;
      } else if (fieldStart < 0) fieldEnd = i + 1;
      field += c;
    }
  }
  if (quoted) {
    records.push({ fields, spans, line: recordLine, unterminatedAt: quoteLine });
    const lineEnd = text.slice(quoteAt).search(/\r\n|\r|\n/);
    if (lineEnd < 0) return undefined;
    const breakLength = text.startsWith('\r\n', quoteAt + lineEnd) ? 2 : 1;
    return { line: quoteLine, resume: quoteAt + lineEnd + breakLength };
  }
  if (fieldStart < 0) fieldEnd = text.length;
  if (field !== '' || fields.length) endRecord();
  return undefined;
}
