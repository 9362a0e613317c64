import type { FigureAnnotation, Span } from '../types';
import { parseDigits } from './numbers';
import type { NumberToken } from './scan';

const CHANGE_WORD_RE =
  /(?:^|[^\p{L}])(up|down|rose|risen|rising|fell|fallen|falling|increased|decreased|dropped|reduced|rise|fall|increase|decrease|drop|reduction|jump|jumped|grew|growth|climbed|soared)(?:\s+(?:by|of))?\s+$/iu;
/** "made up 88% of", "set up", "broke down": phrasal verbs, not changes. */
const PHRASAL_BEFORE_RE =
  /\b(?:made|make|makes|making|set|sets|picked|pick|ended|end|took|take|takes|taken|added|add|adds|summed|sum|built|build|rounded|round|brought|bring|put|puts|stepped|step|teamed|team|opened|open|showed|show|turned|turn|came|come|broke|break|broken|breaks|broken|cut|cuts|calmed|shut|shuts|closed|close|tracked|track|hunted|hunt|locked|lock|mopped|mop|split|splits|narrowed|narrow|backed|back|followed|follow|signed|sign|scaled|scale|ramped|ramp|stood|stand|slowed|slow|handed|hand|wound|wind|churned|churn)\s+$/i;
const UPWARD = new Set(['up', 'rose', 'risen', 'rising', 'increased', 'rise', 'increase', 'jump', 'jumped', 'grew', 'growth', 'climbed', 'soared']);
const VALUE = String.raw`£?\d[\d,]*(?:\.\d+)?`;
const BRACKETED_VALUES_RE = new RegExp(String.raw`\s*\(\s*(?:from\s+)?(${VALUE})\s*(?:to|-|–|→)\s*(${VALUE})\s*\)`, 'y');
const FROM_TO_RE = new RegExp(String.raw`,?\s+from\s+(${VALUE})\s+to\s+(${VALUE})`, 'y');

/** "a 20% increase in arrests": the change is named after the figure; "arrests, a 20% rise on last year": before it. */
const CHANGE_AFTER_RE =
  /^\s*(?:year-on-year\s+|annual\s+)?(increase|rise|jump|reduction|decrease|fall|drop|cut)(?:\s+(?:in|of)\s+|(?=\s*(?:[,.;)]|$|on\b|compared\b|from\b|since\b|over\b|year\b)))|^\s*(up|down|higher|lower)(?=\s+(?:on|than|from|compared|year-on-year)\b)/i;

export interface ChangeReading {
  readonly change: NonNullable<FigureAnnotation['change']>;
  /** "up"/"down" belong in the figure's span ("up 143%"); other change verbs do not. */
  readonly spanStart?: number;
  /** The clause before the change words, where the changed measure is named. */
  readonly before: string;
  readonly valuesSpan?: Span;
  /** For a change named after the figure, the words after "increase in". */
  readonly after?: string;
}

/** "arrests are up 55% (1,431 to 2,232)", "charges rose by 20%": the direction and stated values. */
export function findChange(text: string, before: string, after: string, token: NumberToken, start: number): ChangeReading | undefined {
  const m = CHANGE_WORD_RE.exec(before);
  if (!m) return changeNamedAfter(after, token);
  const word = m[1].toLowerCase();
  const isUpDown = word === 'up' || word === 'down';
  if (isUpDown && token.unit !== 'percent' && token.unit !== 'ratio') return undefined;
  if (isUpDown && PHRASAL_BEFORE_RE.test(before.slice(0, m.index + m[0].indexOf(m[1])))) return changeNamedAfter(after, token);
  const wordOffset = m.index + m[0].indexOf(m[1]);
  const direction = UPWARD.has(word) ? 'up' : 'down';
  let from: number | undefined;
  let to: number | undefined;
  let valuesSpan: Span | undefined;
  for (const re of [BRACKETED_VALUES_RE, FROM_TO_RE]) {
    re.lastIndex = token.end;
    const v = re.exec(text);
    if (!v) continue;
    from = parseDigits(v[1].replace('£', ''))?.value;
    to = parseDigits(v[2].replace('£', ''))?.value;
    valuesSpan = { start: token.end, end: token.end + v[0].length };
    break;
  }
  return {
    change: { direction, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) },
    ...(isUpDown ? { spanStart: start - before.length + wordOffset } : {}),
    before: before.slice(0, wordOffset),
    ...(valuesSpan ? { valuesSpan } : {}),
  };
}

function changeNamedAfter(after: string, token: NumberToken): ChangeReading | undefined {
  if (token.unit !== 'percent') return undefined;
  const m = CHANGE_AFTER_RE.exec(after);
  if (!m) return undefined;
  const word = m[1] ?? m[2];
  const direction = /increase|rise|jump|up|higher/i.test(word) ? 'up' : 'down';
  // "3% up on the previous year": the measure is named before the figure, not after it.
  if (m[2]) return { change: { direction }, before: '' };
  return { change: { direction }, before: '', after: after.slice(m[0].length) };
}
