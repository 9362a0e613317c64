import data from '../lexicon/data/qualifiers.json';
import type { QualifierBound } from '../types';

export interface QualifierReading {
  readonly qualifier: string;
  readonly bound: QualifierBound;
  /** Where the qualifier words start (the figure's span starts there). */
  readonly start: number;
}

interface QualifierEntry {
  readonly phrase: string;
  readonly qualifier: string;
  readonly bound: QualifierBound;
}

const ENTRIES: readonly QualifierEntry[] = (data.qualifiers as QualifierEntry[]).slice().sort((a, b) => b.phrase.length - a.phrase.length);
const BY_PHRASE = new Map(ENTRIES.map((e) => [e.phrase.toLowerCase(), e]));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
/** Anchored at the end of the text before a number; longer phrases first so "just over" beats "over". */
const QUALIFIER_BEFORE_RE = new RegExp(`(?:^|[^\\p{L}\\d])(${ENTRIES.map((e) => escape(e.phrase)).join('|')})\\s+$`, 'iu');
const SUFFIX = data.suffixes[0] as { qualifier: string; bound: QualifierBound };

const LOOKBACK = 40;
const PHRASAL_OVER_RE =
  /\b(?:hand|hands|handed|handing|turn|turns|turned|turning|took|take|takes|taken|taking|sign|signed|signing|pass|passed|passing|give|gave|given|giving|carried|carry|taken)\s+$/i;

/** The qualifier right before `start` ("more than £180,000"), if any. */
export function qualifierBefore(text: string, start: number): QualifierReading | undefined {
  const from = Math.max(0, start - LOOKBACK);
  const before = text.slice(from, start);
  const m = QUALIFIER_BEFORE_RE.exec(before);
  if (!m) return undefined;
  const entry = BY_PHRASE.get(m[1].toLowerCase().replace(/\s+/g, ' '));
  if (!entry) return undefined;
  // "hand over £412,000", "took over 20 properties": the verb's particle, not a bound.
  if (entry.qualifier === 'over' && PHRASAL_OVER_RE.test(before.slice(0, m.index + m[0].indexOf(m[1])))) return undefined;
  return { qualifier: entry.qualifier, bound: entry.bound, start: from + m.index + m[0].indexOf(m[1]) };
}

const SUFFIXES = (data.suffixes as { suffix: string; qualifier: string; bound: QualifierBound }[]).filter((e) => e.suffix !== '+');
const QUALIFIER_AFTER_RE = new RegExp(`(?:${SUFFIXES.map((e) => escape(e.suffix)).join('|')})(?![\\p{L}])`, 'iuy');

/** "14 or under", "50 or more": a qualifier written after the number; `end` is where it stops. */
export function qualifierAfter(text: string, end: number): (Omit<QualifierReading, 'start'> & { end: number }) | undefined {
  QUALIFIER_AFTER_RE.lastIndex = end;
  const m = QUALIFIER_AFTER_RE.exec(text);
  if (!m) return undefined;
  const said = m[0].toLowerCase().replace(/\s+/g, ' ');
  const entry = SUFFIXES.find((e) => e.suffix === said);
  return entry ? { qualifier: entry.qualifier, bound: entry.bound, end: end + m[0].length } : undefined;
}

/** "£38,000+" reads as "more than £38,000". */
export const PLUS_QUALIFIER: { readonly qualifier: string; readonly bound: QualifierBound } = { qualifier: SUFFIX.qualifier, bound: SUFFIX.bound };
