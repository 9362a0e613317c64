import type { Span } from '../types';

const CLAUSE_REACH = 150;
const BULLET_RE = /^(?:[•·▪‣◦*+]|[-–](?=\s))/;

/** The sentence containing `offset` (binary search over sorted sentence spans). */
export function sentenceAt(sentences: readonly Span[], offset: number): Span | undefined {
  const i = sentenceIndexAt(sentences, offset);
  return i >= 0 ? sentences[i] : undefined;
}

function sentenceIndexAt(sentences: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (s.end <= offset) lo = mid + 1;
    else if (s.start > offset) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/**
 * The words before a figure in its clause, as written (trailing spaces kept, since qualifier and
 * idiom patterns are anchored on them).
 */
export function clauseBefore(text: string, sentenceStart: number, at: number): string {
  const from = Math.max(sentenceStart, at - CLAUSE_REACH);
  const slice = text.slice(from, at);
  let cut = 0;
  for (let i = slice.length - 1; i >= 0; i--) {
    const c = slice[i];
    if (c === ';' || c === ':' || c === '(' || c === ')' || c === '•' || c === '\n' || c === '\r' || c === '“' || c === '"') {
      cut = i + 1;
      break;
    }
    if (c === '.' && /\s/.test(slice[i + 1] ?? '')) {
      cut = i + 1;
      break;
    }
  }
  return slice.slice(cut);
}

/** The words after a figure up to the end of its clause, with quote marks removed ("‘cuckooed’ addresses"). */
export function clauseAfter(text: string, at: number, sentenceEnd: number): string {
  const to = Math.min(Math.max(sentenceEnd, at), at + CLAUSE_REACH);
  const slice = text.slice(at, to);
  let end = slice.length;
  for (let i = 0; i < slice.length; i++) {
    const c = slice[i];
    if (c === ';' || c === ':' || c === '!' || c === '?' || c === '(' || c === ')' || c === '•' || c === '\n' || c === '\r') {
      end = i;
      break;
    }
    if (c === '.' && (i + 1 >= slice.length || /\s/.test(slice[i + 1]))) {
      end = i;
      break;
    }
    if ((c === '–' || c === '—') && slice[i - 1] === ' ') {
      end = i;
      break;
    }
  }
  return slice.slice(0, end).replace(/[‘’'“”"]/g, '');
}

/** For a bulleted item, the line that introduced its list ("The Met’s work resulted in:"). */
export function headingOf(text: string, sentences: readonly Span[], sentence: Span): Span | undefined {
  if (!BULLET_RE.test(text.slice(sentence.start, sentence.start + 2))) return undefined;
  let i = sentenceIndexAt(sentences, sentence.start);
  for (let steps = 0; i > 0 && steps < 60; steps++) {
    i--;
    const s = sentences[i];
    const t = text.slice(s.start, s.end);
    if (BULLET_RE.test(t)) continue;
    return /:\s*$/.test(t) ? s : undefined;
  }
  return undefined;
}

const PARAGRAPH_REACH = 4000;

/**
 * `paragraphAround` for every figure of a document: the paragraph starts (offsets right after a blank
 * line) are found once, in one pass, and each sentence's paragraph is then a binary search. Walking
 * each figure's paragraph afresh was the biggest cost of a long document, and in a long paragraph
 * (no blank line for thousands of characters) it was a walk of twice the reach per figure.
 */
export function paragraphFinder(text: string): (sentence: Span) => Span {
  // Offsets right after a blank line, ascending: where paragraphAround's walks stop.
  const starts: number[] = [];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
    if (isBlankLineBefore(text, at + 1)) starts.push(at + 1);
  }
  /** Index of the first start >= offset (starts.length if none). */
  const firstAtOrAfter = (offset: number): number => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return (sentence) => {
    const minStart = Math.max(0, sentence.start - PARAGRAPH_REACH);
    const maxEnd = Math.min(text.length, sentence.end + PARAGRAPH_REACH);
    const i = firstAtOrAfter(sentence.start + 1); // starts[i - 1] is the last start <= sentence.start
    const start = Math.max(minStart, i > 0 ? starts[i - 1] : 0);
    const j = firstAtOrAfter(sentence.end + 1);
    const end = Math.max(sentence.end, Math.min(maxEnd, j < starts.length ? starts[j] - 1 : text.length));
    return { start, end };
  };
}

/** The paragraph (between blank lines) around a sentence. */
export function paragraphAround(text: string, sentence: Span): Span {
  let start = sentence.start;
  const minStart = Math.max(0, sentence.start - PARAGRAPH_REACH);
  while (start > minStart && !isBlankLineBefore(text, start)) start--;
  let end = sentence.end;
  const maxEnd = Math.min(text.length, sentence.end + PARAGRAPH_REACH);
  while (end < maxEnd && !isBlankLineBefore(text, end + 1)) end++;
  return { start, end };
}

/** Is there a line break, optional spaces, then a line break right before `at`? */
function isBlankLineBefore(text: string, at: number): boolean {
  if (text[at - 1] !== '\n') return false;
  let k = at - 2;
  if (text[k] === '\r') k--;
  while (k >= 0 && (text[k] === ' ' || text[k] === '\t')) k--;
  return text[k] === '\n';
}
