import { linesOf } from '../text/lines';
import type { FigureAnnotation } from '../types';
import { BULLET } from './blocks';
import { unitFamily } from './units';
import { wordCount } from '../text/words';

/**
 * Where a figure stands in its document, which decides what it may restate. A headline, caption or lede
 * restates the body in fewer words ("Forty arrested" over "43 people were arrested"), so a different value
 * between them is a restatement that disagrees; two different values in the body are two things ("Two
 * people were arrested at one address ... Three at another").
 */
export type PositionRole = 'summary' | 'lede' | 'body';

/** "hundreds of weapons", "thousands of pounds", "dozens": a magnitude, never a restatement of a count. */
const VAGUE = /^(?:hundreds|thousands|dozens|scores|millions|billions|tens(?: of thousands)?|hundreds of thousands|tens of millions)$/i;

export function isVague(f: Pick<FigureAnnotation, 'qualifier'>): boolean {
  return VAGUE.test(f.qualifier.trim());
}

const MAX_SUMMARY_WORDS = 25;
const MIN_LEDE_WORDS = 8;

/**
 * The role of each line: a short line that does not end a sentence (a headline, a caption, a standfirst)
 * summarises; the first line of prose is the lede; the rest is body. List items are body.
 */
export function lineRoles(text: string): readonly PositionRole[] {
  const lines = linesOf(text);
  const roles: PositionRole[] = [];
  let ledeSeen = false;
  for (const line of lines) {
    const trimmed = line.trim();
    const t = trimmed.startsWith('date ') ? trimmed.replace(/^date \d{4}-\d{2}-\d{2}\s+/, '') : trimmed;
    if (!t) {
      roles.push('body');
      continue;
    }
    // Only whether it is a summary's length or a lede's is asked.
    const words = wordCount(t, Math.max(MAX_SUMMARY_WORDS, MIN_LEDE_WORDS) + 1);
    const ends = /[.!?:;,]["'”’)]*$/.test(t);
    if (!BULLET.test(line) && words <= MAX_SUMMARY_WORDS && !ends) {
      roles.push('summary');
      continue;
    }
    if (!ledeSeen && !BULLET.test(line) && words >= MIN_LEDE_WORDS) {
      ledeSeen = true;
      roles.push('lede');
      continue;
    }
    roles.push('body');
  }
  return roles;
}

/**
 * A news site's links to its other stories: "READ MORE: Man, 39, charged ...", "Related: ...", or a "Read
 * more" line over a list of headlines. Their figures are another story's. The mark ends in a colon, bar or
 * dash, or ends its line: "Related offences rose" is prose.
 */
const TEASER_MARK =
  /^\s*(?:read more|more|related(?: stories| articles| content)?|see also|read next|also read|most read|you may also like|top stories)\s*(?:[:|–—]\s*|-\s+|$)/i;
/** TEASER_MARK's words at the start of some line: a text without them has no teaser lines (most have none). */
const MAY_HOLD_TEASER = /^\s*(?:read more|more|related|see also|read next|also read|most read|you may also like|top stories)/im;

/**
 * The lines of `text` that link to other stories: a line that starts with a teaser mark and says more,
 * and after a mark on its own line, the headline-like lines that follow it (blank lines between them
 * too) up to the first line of prose.
 */
export function teaserLines(text: string): ReadonlySet<number> {
  const out = new Set<number>();
  if (!MAY_HOLD_TEASER.test(text)) return out;
  const lines = linesOf(text);
  let inList = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const mark = TEASER_MARK.exec(line);
    if (mark) {
      if (line.length > mark[0].length) out.add(i);
      else inList = true;
      continue;
    }
    if (!inList) continue;
    const t = line.trim();
    if (!t) continue;
    // A headline is short and does not end a sentence; the first line of prose ends the list.
    if (wordCount(t, MAX_SUMMARY_WORDS + 1) <= MAX_SUMMARY_WORDS && !/[.!?:;]["'”’)]*$/.test(t)) out.add(i);
    else inList = false;
  }
  return out;
}

/** True when two figures' roles make a different value between them a restatement (one summarises the other). */
export function restates(a: PositionRole, b: PositionRole): boolean {
  return a !== b || a === 'summary';
}

const LEADING = /^\s*(?:worth\s+of|of|in|in\s+cash|cash\s+of|,)\s+/i;
const STOP = new Set([
  'of',
  'in',
  'and',
  'or',
  'were',
  'was',
  'are',
  'is',
  'have',
  'has',
  'had',
  'to',
  'for',
  'with',
  'from',
  'by',
  'at',
  'on',
  'as',
  'which',
  'who',
  'that',
  'including',
  'been',
  'being',
  'be',
  'during',
  'across',
  'after',
  'who',
  'while',
  'between',
  'among',
  'also',
]);

const WORD_OR_MARK = /[\p{L}’'-]+|[^\p{L}\s]/gu;
const LETTER = /\p{L}/u;

/**
 * The words right after a figure that name what it counts ("10 vulnerable people including..." →
 * "vulnerable people", "£110,000 in cash" → "cash"): two sources that use the same words for a generic
 * measure ("people") are counting the same thing.
 */
export function phraseAfter(text: string, f: Pick<FigureAnnotation, 'end'>): string | undefined {
  const after = text.slice(f.end, f.end + 60).replace(LEADING, '');
  const words: string[] = [];
  // Runs once per figure: one compiled pattern, read with exec rather than an iterator per call.
  WORD_OR_MARK.lastIndex = 0;
  for (let m = WORD_OR_MARK.exec(after); m; m = WORD_OR_MARK.exec(after)) {
    const w = m[0].toLowerCase();
    if (!LETTER.test(w) || STOP.has(w)) break;
    words.push(w);
    if (words.length === 3) break;
  }
  return words.length ? words.join(' ') : undefined;
}

const PART_BEFORE = /\b(?:including|includes|included|of whom|of them|of which|among them|amongst them|among which)\s+(?:(?:a|an|the)\s+)?$/i;

/**
 * Figures introduced as part of the one before them in their sentence ("710 vulnerable people, including
 * 58 children", "50 arrested, of whom nine were women"): part → whole, by annotation id.
 */
export function partsOf(text: string, figures: readonly FigureAnnotation[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 1; i < figures.length; i++) {
    const f = figures[i];
    const before = text.slice(Math.max(f.sentence?.start ?? 0, f.start - 24), f.start);
    if (!PART_BEFORE.test(before)) continue;
    for (let j = i - 1; j >= 0; j--) {
      const w = figures[j];
      if (w.sentence?.start !== f.sentence?.start) break;
      // A whole and its part count in one unit family: "£2 million of drugs, including 30kg of heroin" lists kinds.
      if (unitFamily(w.unit) === unitFamily(f.unit)) {
        out.set(f.id, w.id);
        break;
      }
    }
  }
  return out;
}

/**
 * Words that introduce a figure as the rest of a group or as more of it: "the other eight defendants", "the
 * remaining four", "a further 12 arrests", "another 30", "eight other men", "12 more". Such a figure is a
 * part of some total, never a restatement of it: "Ten sentenced" in a headline and "the other eight" in the
 * body are not one figure rounded.
 */
const REMAINDER_BEFORE = /\b(?:other|remaining|further|another|additional)\s+$/i;
const REMAINDER_AFTER = /^\s+(?:other|more|further|additional|remaining)\b/i;

/** Is the figure introduced as a remainder or an addition (see `REMAINDER_BEFORE`)? */
export function isRemainder(text: string, f: Pick<FigureAnnotation, 'start' | 'end'>): boolean {
  return REMAINDER_BEFORE.test(text.slice(Math.max(0, f.start - 12), f.start)) || REMAINDER_AFTER.test(text.slice(f.end, f.end + 12));
}

const LIST_HEDGES = new Set(['some', 'around', 'about', 'approximately', 'roughly', 'an estimated', 'estimated', 'approx', 'approx.', 'circa']);
/** What may stand between two items of one list: commas, "and", the items' own words; not "alongside" or a verb. */
const LIST_GAP = /^[^.;:()]{0,60}$/;
const LIST_BREAK = /\b(?:alongside|as well as|together with|plus|while|whilst|were|was|are|is|have|has|had|said|with|including|of which|of whom)\b/i;

/**
 * "Police report some 1,600 arrests, 100kg of cannabis seized, alongside 40kg ...": a hedge that opens a
 * list is the writer's for every item until the list ends, so 100kg there is "some 100kg". The list ends
 * at "alongside", "as well as", a verb or the end of the sentence. By annotation id.
 */
export function listHedges(text: string, figures: readonly FigureAnnotation[]): Map<string, { qualifier: string; bound: FigureAnnotation['bound'] }> {
  const out = new Map<string, { qualifier: string; bound: FigureAnnotation['bound'] }>();
  for (let i = 0; i < figures.length; i++) {
    const opener = figures[i];
    if (!LIST_HEDGES.has(opener.qualifier.toLowerCase())) continue;
    for (let j = i + 1; j < figures.length; j++) {
      const f = figures[j];
      if (f.sentence?.start !== opener.sentence?.start) break;
      const gapText = text.slice(figures[j - 1].end, f.start);
      if (!LIST_GAP.test(gapText) || !/,|\band\b/.test(gapText) || LIST_BREAK.test(gapText)) break;
      if (f.qualifier !== 'exact') break;
      out.set(f.id, { qualifier: opener.qualifier, bound: opener.bound });
    }
  }
  return out;
}
