import type { Span } from '../types';

const MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?`;
const DAY = String.raw`\d{1,2}(?:st|nd|rd|th)?`;

/**
 * Whole stretches of text whose digits are never figures: dates, times, phone numbers, web
 * addresses, street addresses and numbers that are part of a name. Run once per document.
 */
const EXCLUDED_RES: readonly RegExp[] = [
  // Web and e-mail addresses.
  /\b(?:https?:\/\/|www\.)[^\s<>"“”]+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|uk|net|gov|police|info|io)\b(?:\/[^\s<>"“”]*)?/giu,
  // "9-15 October", "20 October 2023", "1st of May", "Monday October 7th", "Jun 02, 2020", "November 2019".
  new RegExp(String.raw`\b${DAY}(?:\s*(?:[-–]|to|and|until)\s*${DAY})?(?:\s+of)?\s+${MONTH}(?![\p{L}])(?:,?\s+\d{4}\b)?`, 'gu'),
  new RegExp(String.raw`\b${MONTH}\s+${DAY}(?![\p{L}\d])(?:\s*[-–]\s*${DAY}(?![\p{L}\d]))?(?:,?\s+\d{4}\b)?`, 'gu'),
  new RegExp(String.raw`\b${MONTH}\s+\d{4}\b`, 'gu'),
  /\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b|\b\d{4}-\d{2}-\d{2}\b/g,
  // Times: "00:01", "12:31 BST", "3pm", "10.30am", "1400hrs".
  /\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:am|pm|a\.m\.|p\.m\.|BST|GMT|hrs)\b)?|\b\d{1,2}(?:\.\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)(?![\p{L}])|\b\d{4}\s*(?:hrs|BST|GMT)\b/giu,
  // UK phone numbers: "0800 555 111", "+44 20 7230 1212", "020 7230 1212", "0800 40 50 40".
  /(?:\+44\s?(?:\(0\))?\s?|\b0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b|\b0\d{3}\s\d{2}\s\d{2}\s\d{2}\b/g,
  // Short text numbers: "text 61016", "texting SAFE to 85258", "Text BTP on 61016".
  /(?<=\b(?:[Tt]ext|[Tt]exting|[Tt]xt|TEXT|SMS|sms)\s+(?:(?:us|[A-Z]{2,12})\s+)?(?:on\s+|to\s+)?)\d{5,6}\b/gu,
  // References, not quantities: "quoting incident 1234", "crime reference 42/123456/24", "case number 01/234567/22".
  /\b(?:incident|log|reference|ref|crime number|case number|case no|occurrence|quoting)\.?(?:\s+(?:number|no\.?|ref))?:?\s+\d[\d/-]*/giu,
  /\b\d{1,4}\/\d{3,8}\/\d{2,4}\b/g,
  // "the number of 999 calls", "a 101 call": the number names the line, it does not count the calls.
  /(?<!\b(?:more than|over|nearly|almost|about|around|some|at least)\s+)\b(?:999|101|111)(?=\s+(?:calls?|line|number|service|operators?|call handlers?)\b)/giu,
  // Times written with a point after a time preposition: "at 14.30", "until 10.00".
  /(?<=\b(?:at|from|until|till|before|after|between|around|about|approximately)\s+)(?:[01]?\d|2[0-3])\.[0-5]\d(?![\d.])(?!\s*(?:%|per\b|kg|g\b|grams?|kilos?|m\b|million|bn|billion|k\b|tonnes?|times|hours|minutes|miles))/giu,
  // Officers' collar numbers: "PC 1234 Smith".
  /\b(?:PC|DC|PCSO|DS|PS|Sgt|Sergeant|Constable)\.?\s+\d{2,5}\b/gu,
  // UK postcodes: "ME14 1XX", "BS2 0NW".
  /\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b/g,
  // "call 101", "dial 999", "on 101", "101 or 999".
  /(?<=\b(?:call|calls|calling|dial|dialling|ring|phone|contact|text|number)\s+(?:us\s+)?(?:on\s+|to\s+)?)\b(?:101|999|111|112|105)\b|\b(?:101|999)(?=\s+(?:or|in an emergency|quoting|immediately)\b)/giu,
  // "police on 101, or 999 if ...": after "on" or "or" with no noun following.
  /(?<=\b(?:on|or|via)\s+)(?:101|999|111|105)(?=\s*(?:[,.;)]|$|if\b|in\b|or\b|and\b|via\b|for\b|to\b))/gu,
  // Street addresses.
  /\b\d{1,4}[a-zA-Z]?\s+(?:[A-Z][\p{L}'’-]+\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Way|Close|Drive|Dr|Place|Square|Hill|Court|Gardens|Terrace|Crescent|Grove|Parade|Row|Walk|Mews)\b/gu,
  // Numbers that are part of a name, any case: "section 60", "Covid-19", "Operation 24", "s.5(3)".
  /\b(?:sections?|article|schedule|regulation|chapter|paragraph|para|clause|appendix|annex|junction|platform|covid|catch|op|operation|room|flat|tier|phase|category|class|version|pathway)\.?[\s-]?\d+[a-z]?(?:\(\d+\))*(?![\p{L}\d])/giu,
  // Statute sections: "s.5(3)", "ss. 45".
  /\bss?\.\s?\d+[a-z]?(?:\(\d+\))*/g,
  // A number at the end of an operation's name: "Operation Falcon 2".
  /\b(?:Operation|Op\.?)\s+[A-Z][\p{L}’'-]+(?:\s+[A-Z][\p{L}’'-]+)?\s+\d+\b/gu,
  // The same for words that are names only when capitalised: "Year 9", "Part 4", "No. 10".
  /\b(?:Year|Part|Level|Stage|Unit|Route|Page|No|Number|Figure|Table|Cat|Box|Lot|Block|Gate|Terminal|Ward|Division)\.?\s?\d+[a-z]?(?![\p{L}\d])/gu,
  // Period labels: "quarter 2", "Q3 2024", "(quarter 2)".
  /\b(?:quarter|Q)\s?[1-4](?![\p{L}\d])/giu,
  // List numbering at the start of a line: "1.", "2)", "(3)".
  /^[ \t]*\(?\d{1,2}[.)](?=\s)/gm,
  // Hashtags and handles: "#LookCloser2", "@metpoliceuk".
  /[#@][\p{L}\d_]+/gu,
];

/** Sorted, merged spans of text whose numbers are not figures. */
export function excludedSpans(text: string, entities: readonly Span[]): Span[] {
  const spans: Span[] = [];
  for (const re of EXCLUDED_RES) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      spans.push({ start: m.index, end: m.index + m[0].length });
    }
  }
  for (const e of entities) spans.push({ start: e.start, end: e.end });
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, s.end) };
    else merged.push(s);
  }
  return merged;
}

/** Binary search: does any span in the sorted, merged list overlap [start, end)? */
export function overlapsAny(spans: readonly Span[], start: number, end: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid];
    if (s.end <= start) lo = mid + 1;
    else if (s.start >= end) hi = mid - 1;
    else return true;
  }
  return false;
}

/**
 * Digits glued to a name or code: "M25", "Catch22", "COVID-19", "24/7", "2.0.1". `start`/`end`
 * bound the digits themselves (without a currency sign).
 */
export function isGluedToName(text: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? '';
  const before2 = text[start - 2] ?? '';
  if (/[\p{L}\d_#@/%]/u.test(before)) return true;
  if ((before === '-' || before === '.') && /[\p{L}\d]/u.test(before2) && !(before === '-' && isRangeEnd(text, start - 1))) return true;
  const after = text[end] ?? '';
  const after2 = text[end + 1] ?? '';
  if (after === '/' && /\d/.test(after2)) return true;
  if (after === '.' && /\d/.test(after2)) return true;
  if (after === ':' && /\d/.test(after2)) return true;
  return false;
}

/** "aged 16-19", "10-15 years": the second number of a range of small numbers, not a code or a year span. */
function isRangeEnd(text: string, dash: number): boolean {
  let i = dash;
  while (i > 0 && /\d/.test(text[i - 1])) i--;
  const first = text.slice(i, dash);
  return first.length >= 1 && first.length <= 3 && !/[\p{L}\d_#@/.,:-]/u.test(text[i - 1] ?? '');
}

/** A four-digit number that reads as a year ("in 2018", "2020 needs to be"). */
export function looksLikeYear(written: string): boolean {
  return /^(?:1[89]|20)\d{2}$/.test(written);
}
