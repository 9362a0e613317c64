/**
 * Splits text into the tokens the lexicon matches on, in one pass over char codes.
 *
 * Words are runs of letters and digits; an apostrophe (straight or curly) inside a word is kept out
 * of the key, so "Chief's", "Chiefs'" and "Chiefs" all key as "chiefs". A hyphen between two word
 * characters only separates, so "Dyfed-Powys" and "Dyfed Powys" tokenise alike. "&" keys as "and".
 * Any other visible character, and every line break, is a token of its own, so an alias never runs
 * across punctuation or lines unless the alias itself contains that punctuation.
 */

export const enum TokenFlag {
  Word = 1,
  /** First letter is a capital. */
  Capitalised = 2,
  /** Ends in a possessive 's (its `baseKey`/`baseEnd` are the word without it). */
  Possessive = 4,
  /** A line break. */
  Newline = 8,
}

export interface Tokens {
  readonly count: number;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly flags: Uint8Array;
  /** Lower-case, apostrophes removed; punctuation is its own character, "&" is "and", curly quotes are straight. */
  readonly key: string[];
  /** For possessives: the key without the trailing "s" ("met" for "Met's"); otherwise undefined. */
  readonly baseKey: (string | undefined)[];
  /** For possessives: where the word ends without its 's. */
  readonly baseEnd: Int32Array;
}

const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;
const LEFT_QUOTE = 0x2018;

export function isWordChar(c: number): boolean {
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x370 && c <= 0x3ff) || (c >= 0x400 && c <= 0x4ff);
}

const isApostrophe = (c: number) => c === APOSTROPHE || c === RIGHT_QUOTE;
const isSpace = (c: number) => c === 32 || c === 9 || c === 0xa0 || c === 0x200b || c === 0x202f || c === 0x2009 || c === 12;
const isUpper = (c: number) => (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);

function punctuationKey(c: number): string {
  if (c === 0x201c || c === 0x201d || c === 0x201e) return '"';
  if (c === LEFT_QUOTE || c === RIGHT_QUOTE) return "'";
  if (c === 0x26) return 'and';
  return String.fromCharCode(c);
}

/**
 * A line break inside a hard-wrapped sentence ("possession with intent\nto supply") joins words like
 * a space; the same rule as the sentence splitter: a lower-case letter or comma before, a lower-case
 * letter after.
 */
function wrapsMidSentence(text: string, newlineAt: number): boolean {
  let p = newlineAt - 1;
  while (p >= 0 && (isSpace(text.charCodeAt(p)) || text.charCodeAt(p) === 13)) p--;
  const before = p >= 0 ? text.charCodeAt(p) : 0;
  if (!((before >= 97 && before <= 122) || before === 44 || before === 59)) return false;
  let q = newlineAt + 1;
  while (q < text.length && isSpace(text.charCodeAt(q))) q++;
  const after = text.charCodeAt(q);
  return after >= 97 && after <= 122;
}

export function tokenize(text: string): Tokens {
  // Prose has about one token per five characters; the arrays grow if a text has more.
  let cap = Math.max(16, text.length >> 2);
  let start = new Int32Array(cap);
  let end = new Int32Array(cap);
  let flags = new Uint8Array(cap);
  let baseEnd = new Int32Array(cap);
  // Lower-cased once, not word by word; a text where that changes the length ("İ") has no such copy.
  const lower = lowerCaseCopy(text);
  const grow = () => {
    cap *= 2;
    const widen = <T extends Int32Array | Uint8Array>(a: T, b: T): T => (b.set(a), b);
    start = widen(start, new Int32Array(cap));
    end = widen(end, new Int32Array(cap));
    flags = widen(flags, new Uint8Array(cap));
    baseEnd = widen(baseEnd, new Int32Array(cap));
  };
  const key: string[] = [];
  const baseKey: (string | undefined)[] = [];
  let count = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (count === cap) grow();
    if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      if (wrapsMidSentence(text, i)) {
        i++;
        continue;
      }
      start[count] = i;
      end[count] = i + 1;
      flags[count] = TokenFlag.Newline;
      key.push('\n');
      baseKey.push(undefined);
      count++;
      i++;
      continue;
    }
    if (!isWordChar(c)) {
      start[count] = i;
      end[count] = i + 1;
      flags[count] = 0;
      key.push(punctuationKey(c));
      baseKey.push(undefined);
      count++;
      i++;
      continue;
    }
    const s = i;
    let hasApostrophe = false;
    let possessiveAt = -1;
    i++;
    for (;;) {
      const d = text.charCodeAt(i);
      if (isWordChar(d)) {
        i++;
      } else if (isApostrophe(d) && isWordChar(text.charCodeAt(i + 1))) {
        hasApostrophe = true;
        // "Met's" / "Met’s": a possessive when exactly "s" follows the apostrophe.
        if ((text.charCodeAt(i + 1) | 32) === 115 && !isWordChar(text.charCodeAt(i + 2))) possessiveAt = i;
        i += 2;
      } else break;
    }
    const e = i;
    let k = lower !== undefined ? lower.slice(s, e) : text.slice(s, e).toLowerCase();
    if (hasApostrophe) k = k.replace(/['’]/g, '');
    let f = TokenFlag.Word | (isUpper(c) ? TokenFlag.Capitalised : 0);
    let bk: string | undefined;
    if (possessiveAt >= 0) {
      f |= TokenFlag.Possessive;
      bk = k.slice(0, -1);
      baseEnd[count] = possessiveAt;
    } else if (isApostrophe(text.charCodeAt(e)) && (text.charCodeAt(e - 1) | 32) === 115 && !isWordChar(text.charCodeAt(e + 1))) {
      // "Chiefs’ Council", "Magistrates’ Court": the plural possessive apostrophe belongs to the
      // word for matching, but is left outside the span (it may equally be a closing quote).
      i = e + 1;
    }
    start[count] = s;
    end[count] = e;
    flags[count] = f;
    key.push(k);
    baseKey.push(bk);
    count++;
    // A hyphen joining two words separates them without being a token.
    if (text.charCodeAt(i) === 0x2d && isWordChar(text.charCodeAt(i + 1)) && e === i) i++;
  }
  return { count, start, end, flags, key, baseKey, baseEnd };
}

/**
 * The text lower-cased, when that keeps every offset (it does unless a character lower-cases to more
 * than one, as "İ" does), so words can be sliced from it already in lower case; otherwise undefined.
 */
export function lowerCaseCopy(text: string): string | undefined {
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : undefined;
}
