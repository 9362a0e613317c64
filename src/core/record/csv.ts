/**
 * A small RFC 4180 reader. papaparse, the obvious choice, pulls in Node's `stream` and so does not bundle
 * for the neutral (web and desktop) core; reference tables need only this much.
 */
export interface CsvRecord {
  readonly fields: string[];
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
  let field = '';
  let line = 0;
  let recordLine = 0;
  let quoted = false;
  let quoteLine = 0;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRecord = () => {
    fields.push(field);
    records.push({ fields, line: recordLine });
    fields = [];
    field = '';
  };
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && field.trim() === '') {
      quoted = true;
      quoteLine = line;
      field = '';
    } else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else field += c;
  }
  if (quoted) return { records, unterminatedAt: quoteLine };
  if (field !== '' || fields.length) endRecord();
  return { records };
}
