import type { Span } from '../types';

const MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?`;
const DAY = String.raw`\d{1,2}(?:st|nd|rd|th)?`;

/**
 * Web and e-mail addresses. None contains whitespace and each contains ".", ":" or "@", so only the
 * whitespace-free words that have one of those are searched (see `webAddressSpans`): trying this
 * pattern at every position of a long document cost more than all the others together.
 */
const WEB_ADDRESS_RE =
  /\b(?:https?:\/\/|www\.)[^\s<>"“”]+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|uk|net|gov|police|info|io)\b(?:\/[^\s<>"“”]*)?/giu;
const ADDRESS_MARK_RE = /[.:@]/g;
const SPACE_RE = /\s/u;

/**
 * LEADING ASSERTIONS. Under the i and u flags together V8 tests a leading `\b` slowly, and a pattern
 * that starts with a look-behind is tried at every position: these patterns run over whole documents,
 * so they are written to start with what they must match. `(?<!\w)` stands for `\b` before a word
 * character (the same test under these flags: \w then includes the characters that fold to a word
 * character, as \b does), and a look-behind is moved after the first digits and repeats them
 * (`\d(?<=text\s+\d)` is `(?<=text\s+)\d`).
 *
 * Whole stretches of text whose digits are never figures: dates, times, phone numbers, street
 * addresses and numbers that are part of a name. Run once per document.
 */
const EXCLUDED_RES: readonly RegExp[] = [
  // "9-15 October", "20 October 2023", "1st of May", "Monday October 7th", "Jun 02, 2020", "November 2019".
  new RegExp(String.raw`\b${DAY}(?:\s*(?:[-–]|to|and|until)\s*${DAY})?(?:\s+of)?\s+${MONTH}(?![\p{L}])(?:,?\s+\d{4}\b)?`, 'gu'),
  new RegExp(String.raw`\b${MONTH}\s+${DAY}(?![\p{L}\d])(?:\s*[-–]\s*${DAY}(?![\p{L}\d]))?(?:,?\s+\d{4}\b)?`, 'gu'),
  new RegExp(String.raw`\b${MONTH}\s+\d{4}\b`, 'gu'),
  /\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b|\b\d{4}-\d{2}-\d{2}\b/g,
  // Times: "00:01", "12:31 BST", "3pm", "10.30am", "1400hrs".
  /(?<!\w)\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:am|pm|a\.m\.|p\.m\.|BST|GMT|hrs)\b)?|(?<!\w)\d{1,2}(?:\.\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)(?![\p{L}])|(?<!\w)\d{4}\s*(?:hrs|BST|GMT)\b/giu,
  // UK phone numbers: "0800 555 111", "+44 20 7230 1212", "020 7230 1212", "0800 40 50 40".
  /(?:\+44\s?(?:\(0\))?\s?|\b0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b|\b0\d{3}\s\d{2}\s\d{2}\s\d{2}\b/g,
  // Short text numbers: "text 61016", "texting SAFE to 85258", "Text BTP on 61016".
  // (The first digit is matched before the look-behind, which then includes it: see LEADING ASSERTIONS above.)
  /\d(?<=\b(?:[Tt]ext|[Tt]exting|[Tt]xt|TEXT|SMS|sms)\s+(?:(?:us|[A-Z]{2,12})\s+)?(?:on\s+|to\s+)?\d)\d{4,5}\b/gu,
  // References, not quantities: "quoting incident 1234", "crime reference 42/123456/24", "case number 01/234567/22".
  /(?<!\w)(?:incident|log|reference|ref|crime number|case number|case no|occurrence|quoting)\.?(?:\s+(?:number|no\.?|ref))?:?\s+\d[\d/-]*/giu,
  /\b\d{1,4}\/\d{3,8}\/\d{2,4}\b/g,
  // "the number of 999 calls", "a 101 call": the number names the line, it does not count the calls.
  /(?<!\w)(?<!\b(?:more than|over|nearly|almost|about|around|some|at least)\s+)(?:999|101|111)(?=\s+(?:calls?|line|number|service|operators?|call handlers?)\b)/giu,
  // Times written with a point after a time preposition: "at 14.30", "until 10.00".
  /(?:[01]?\d|2[0-3])(?<=\b(?:at|from|until|till|before|after|between|around|about|approximately)\s+(?:[01]?\d|2[0-3]))\.[0-5]\d(?![\d.])(?!\s*(?:%|per\b|kg|g\b|grams?|kilos?|m\b|million|bn|billion|k\b|tonnes?|times|hours|minutes|miles))/giu,
  // Officers' collar numbers: "PC 1234 Smith".
  /\b(?:PC|DC|PCSO|DS|PS|Sgt|Sergeant|Constable)\.?\s+\d{2,5}\b/gu,
  // UK postcodes: "ME14 1XX", "BS2 0NW".
  /\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b/g,
  // "call 101", "dial 999", "on 101", "101 or 999".
  /(?<!\w)(?:(?:101|999|111|112|105)(?<=\b(?:call|calls|calling|dial|dialling|ring|phone|contact|text|number)\s+(?:us\s+)?(?:on\s+|to\s+)?\d{3})\b|(?:101|999)(?=\s+(?:or|in an emergency|quoting|immediately)\b))/giu,
  // "police on 101, or 999 if ...": after "on" or "or" with no noun following.
  /(?:101|999|111|105)(?<=\b(?:on|or|via)\s+\d{3})(?=\s*(?:[,.;)]|$|if\b|in\b|or\b|and\b|via\b|for\b|to\b))/gu,
  // Street addresses.
  /\b\d{1,4}[a-zA-Z]?\s+(?:[A-Z][\p{L}'’-]+\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Way|Close|Drive|Dr|Place|Square|Hill|Court|Gardens|Terrace|Crescent|Grove|Parade|Row|Walk|Mews)\b/gu,
  // Numbers that are part of a name, any case: "section 60", "Covid-19", "Operation 24", "s.5(3)".
  /(?<!\w)(?:sections?|article|schedule|regulation|chapter|paragraph|para|clause|appendix|annex|junction|platform|covid|catch|op|operation|room|flat|tier|phase|category|class|version|pathway)\.?[\s-]?\d+[a-z]?(?:\(\d+\))*(?![\p{L}\d])/giu,
  // Statute sections: "s.5(3)", "ss. 45".
  /\bss?\.\s?\d+[a-z]?(?:\(\d+\))*/g,
  // A number at the end of an operation's name: "Operation Falcon 2".
  /\b(?:Operation|Op\.?)\s+[A-Z][\p{L}’'-]+(?:\s+[A-Z][\p{L}’'-]+)?\s+\d+\b/gu,
  // The same for words that are names only when capitalised: "Year 9", "Part 4", "No. 10".
  /\b(?:Year|Part|Level|Stage|Unit|Route|Page|No|Number|Figure|Table|Cat|Box|Lot|Block|Gate|Terminal|Ward|Division)\.?\s?\d+[a-z]?(?![\p{L}\d])/gu,
  // Period labels: "quarter 2", "Q3 2024", "(quarter 2)".
  /(?<!\w)(?:quarter|Q)\s?[1-4](?![\p{L}\d])/giu,
  // List numbering at the start of a line: "1.", "2)", "(3)".
  /^[ \t]*\(?\d{1,2}[.)](?=\s)/gm,
  // Hashtags and handles: "#LookCloser2", "@metpoliceuk".
  /[#@][\p{L}\d_]+/gu,
];

/** Sorted, merged spans of text whose numbers are not figures. */
export function excludedSpans(text: string, entities: readonly Span[]): Span[] {
  const spans: Span[] = webAddressSpans(text);
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

/**
 * The matches of WEB_ADDRESS_RE, found word by word: each whitespace-free word holding ".", ":" or
 * "@" is searched on its own. Equal to searching the whole text, since no match crosses whitespace and
 * the pattern's edges (\b, the look-behind) read whitespace as they read the start or end of a string.
 */
function webAddressSpans(text: string): Span[] {
  const spans: Span[] = [];
  ADDRESS_MARK_RE.lastIndex = 0;
  for (let mark = ADDRESS_MARK_RE.exec(text); mark; mark = ADDRESS_MARK_RE.exec(text)) {
    let start = mark.index;
    while (start > 0 && !SPACE_RE.test(text[start - 1])) start--;
    let end = mark.index + 1;
    while (end < text.length && !SPACE_RE.test(text[end])) end++;
    ADDRESS_MARK_RE.lastIndex = end;
    const word = text.slice(start, end);
    WEB_ADDRESS_RE.lastIndex = 0;
    for (let m = WEB_ADDRESS_RE.exec(word); m; m = WEB_ADDRESS_RE.exec(word)) spans.push({ start: start + m.index, end: start + m.index + m[0].length });
  }
  return spans;
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
