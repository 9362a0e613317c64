/**
 * The characters a match of a regular expression can start with, read from its source, so a table of
 * anchored patterns can be narrowed to those that can match at all before any is run. It reads the
 * small part of the syntax the lexicons' patterns use (literals, groups with alternatives, `?` `*`
 * `+` `{m,n}`, character classes of letters and digits, `\d`, look-aheads) and answers `undefined`,
 * "could start with anything", for whatever else it meets: a wrong "anything" costs a test, a wrong
 * set would lose a match.
 */

/** Lower-case first characters of any match of `source` (compiled with the `i` flag), or undefined for "any". */
export function firstChars(source: string): ReadonlySet<string> | undefined {
  const parsed = firstOfSequence(source, 0, false);
  return parsed && parsed.end === source.length && !parsed.nullable ? parsed.chars : undefined;
}

interface Parsed {
  readonly chars: Set<string>;
  /** The part can match the empty string, so what follows it can start the match too. */
  readonly nullable: boolean;
  /** Where the part ends in the source. */
  readonly end: number;
}

const DIGITS = '0123456789';

/** A sequence of items up to `)` or `|` (inside a group) or the end. */
function firstOfSequence(source: string, at: number, inGroup: boolean): Parsed | undefined {
  const chars = new Set<string>();
  let nullable = true;
  let i = at;
  while (i < source.length) {
    const c = source[i];
    if (c === '|' || c === ')') {
      if (!inGroup && c === ')') return undefined;
      break;
    }
    if (!nullable) {
      // The first characters are known; the rest of this alternative only has to be stepped over.
      i = endOfAlternative(source, i);
      break;
    }
    const item = firstOfItem(source, i);
    if (!item) return undefined;
    const quantified = quantifier(source, item.end);
    for (const ch of item.chars) chars.add(ch);
    nullable = item.nullable || quantified.optional;
    i = quantified.end;
  }
  if (i < 0) return undefined;
  return { chars, nullable, end: i };
}

/** `(?:a|b)` or `(a|b)`, a class, an escape, or one literal character. */
function firstOfItem(source: string, i: number): Parsed | undefined {
  const c = source[i];
  if (c === '(') {
    if (source.startsWith('(?=', i) || source.startsWith('(?!', i)) {
      // A look-ahead matches nothing; skip it whole.
      const end = closingParen(source, i);
      return end < 0 ? undefined : { chars: new Set(), nullable: true, end: end + 1 };
    }
    if (source.startsWith('(?', i) && !source.startsWith('(?:', i)) return undefined;
    let j = source.startsWith('(?:', i) ? i + 3 : i + 1;
    const chars = new Set<string>();
    let nullable = false;
    for (;;) {
      const alternative = firstOfSequence(source, j, true);
      if (!alternative) return undefined;
      for (const ch of alternative.chars) chars.add(ch);
      nullable = nullable || alternative.nullable;
      j = alternative.end;
      if (source[j] === '|') j++;
      else if (source[j] === ')') return { chars, nullable, end: j + 1 };
      else return undefined;
    }
  }
  if (c === '[') {
    const close = source.indexOf(']', i + 1);
    if (close < 0 || source[i + 1] === '^') return undefined;
    const body = source.slice(i + 1, close);
    const chars = new Set<string>();
    for (let k = 0; k < body.length; k++) {
      const ch = body[k];
      if (body[k + 1] === '-' && k + 2 < body.length) {
        const from = ch.toLowerCase().charCodeAt(0);
        const to = body[k + 2].toLowerCase().charCodeAt(0);
        if (!/[a-z0-9]/i.test(ch) || !/[a-z0-9]/i.test(body[k + 2])) return undefined;
        for (let code = from; code <= to; code++) chars.add(String.fromCharCode(code));
        k += 2;
      } else if (ch === '\\') {
        if (body[k + 1] !== 'd') return undefined;
        for (const d of DIGITS) chars.add(d);
        k++;
      } else if (/[a-z0-9]/i.test(ch)) chars.add(ch.toLowerCase());
      else return undefined;
    }
    return { chars, nullable: false, end: close + 1 };
  }
  if (c === '\\') {
    if (source[i + 1] === 'd') return { chars: new Set(DIGITS), nullable: false, end: i + 2 };
    return undefined; // \s, \b, \p{...}: not narrowed
  }
  if (/[a-z0-9]/i.test(c)) return { chars: new Set([c.toLowerCase()]), nullable: false, end: i + 1 };
  return undefined;
}

function quantifier(source: string, at: number): { optional: boolean; end: number } {
  const c = source[at];
  let end = at;
  let optional = false;
  if (c === '?' || c === '*') {
    optional = true;
    end = at + 1;
  } else if (c === '+') end = at + 1;
  else if (c === '{') {
    const m = /^\{(\d+)(?:,\d*)?\}/.exec(source.slice(at));
    if (m) {
      optional = Number(m[1]) === 0;
      end = at + m[0].length;
    }
  }
  if (end > at && source[end] === '?') end++; // lazy
  return { optional, end };
}

/** The `|` or `)` that ends the alternative `at` is in (or the source's end); -1 if unbalanced. */
function endOfAlternative(source: string, at: number): number {
  let depth = 0;
  for (let i = at; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') {
      i = source.indexOf(']', i + 1);
      if (i < 0) return -1;
    } else if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) return i;
      depth--;
    } else if (c === '|' && depth === 0) return i;
  }
  return depth === 0 ? source.length : -1;
}

function closingParen(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === '[') i = source.indexOf(']', i + 1);
    else if (source[i] === '(') depth++;
    else if (source[i] === ')' && --depth === 0) return i;
    if (i < 0) return -1;
  }
  return -1;
}
