/**
 * A small RFC 4180 reader. papaparse, the obvious choice, pulls in Node's `stream` and so does not bundle
 * for the neutral (web and desktop) core; reference tables need only this much.
 */
export interface CsvRecord {
  readonly fields: string[];
  /** Where each field's text is in the input (inside the quotes for a quoted field), so a reader can show it. */
  readonly spans: { readonly start: number; readonly end: number }[];
  /** 0-based line of the record's first character. */
  readonly line: number;
}

export interface CsvResult {
  readonly records: CsvRecord[];
  /** A quote left open at the end of the text, with the line it opened on. */
  readonly unterminatedAt?: number;
}

export function readCsvRecords(text: string): CsvResult {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let spans: { start: number; end: number }[] = [];
  let field = '';
  let fieldStart = -1;
  let fieldEnd = -1;
  let line = 0;
  let recordLine = 0;
  let quoted = false;
  let quoteLine = 0;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
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
  if (quoted) return { records, unterminatedAt: quoteLine };
  if (fieldStart < 0) fieldEnd = text.length;
  if (field !== '' || fields.length) endRecord();
  return { records };
}
