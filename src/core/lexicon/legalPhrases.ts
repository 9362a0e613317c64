import type { LineIndex } from '../text/lines';
import { firstFrom } from '../sorted';
import type { LegalTermAnnotation, OrganisationAnnotation } from '../types';
import type { CompiledLexicon, TrieNode } from './compile';
import { TokenFlag, type Tokens } from './tokens';

const WORD = TokenFlag.Word;

/*
 * Legal terms are taken whole, as crime statistics and court reports write them (see
 * test/fixtures/gold/GUIDELINES.md): a coordinated phrase is one term ("drug and weapons offences",
 * "confiscation and forfeiture orders"), a weapon prefix belongs to the offence ("knife-enabled
 * homicides"), a postmodifier that defines a statistical category belongs to it ("robberies involving
 * a knife or sharp instrument"), and a conspiracy names what was agreed ("conspiracy to burgle
 * commercial premises"). These rules widen what the trie found; they never invent a term from nothing.
 */

/** "knife-enabled", "gun-related": a weapon prefix before an offence. */
const WEAPON_WORDS = new Set(['knife', 'gun', 'firearm', 'firearms', 'weapon', 'acid', 'blade', 'bladed']);
const PREFIX_LINKS = new Set(['enabled', 'related', 'involved', 'crime']);
const COORDINATORS = new Set(['and', 'or', ',']);
/** Words that end a noun phrase after "involving" or after the verb of a conspiracy. */
const PHRASE_STOP = new Set([
  'and',
  'or',
  'but',
  'in',
  'at',
  'on',
  'with',
  'between',
  'after',
  'before',
  'during',
  'from',
  'for',
  'by',
  'while',
  'when',
  'was',
  'were',
  'is',
  'are',
  'has',
  'have',
  'had',
  'which',
  'who',
  'that',
  'over',
  'across',
  'as',
  'rose',
  'fell',
  'increased',
  'decreased',
  'up',
  'down',
  'since',
  'to',
  'than',
  'also',
  'then',
  'where',
  'because',
  'until',
  'of',
  'into',
  'about',
  'against',
  'will',
  'would',
  'could',
  'can',
]);
const ARTICLES = new Set(['a', 'an', 'the']);
/** Heads of an offence category that a postmodifier with "involving" can define. */
const CATEGORY_HEADS = new Set([
  'offences',
  'offence',
  'crimes',
  'crime',
  'robberies',
  'robbery',
  'homicides',
  'assaults',
  'thefts',
  'incidents',
  'attacks',
  'threats',
  'kill',
  'burglaries',
]);
/** How many words the object of "conspiracy to <verb>" or of "involving" may have. */
const MAX_OBJECT_WORDS = 3;

export interface LegalPhraseContext {
  readonly text: string;
  readonly tokens: Tokens;
  readonly lexicon: CompiledLexicon;
  readonly lineIndex: LineIndex;
}

/** Token index of each annotation's first and last word. */
interface Placed {
  a: LegalTermAnnotation;
  first: number;
  last: number;
}

/**
 * Widens the legal terms found (sorted by start) as the rules above say, drops terms that now lie inside
 * another one, and drops terms inside an organisation's name ("Fraud" in "Fraud Investigation Service").
 */
export function widenLegalTerms(
  ctx: LegalPhraseContext,
  terms: readonly LegalTermAnnotation[],
  organisations: readonly OrganisationAnnotation[],
): LegalTermAnnotation[] {
  const { tokens } = ctx;
  const tokenAt = tokenIndex(tokens);
  let placed: Placed[] = terms.map((a) => ({ a, first: tokenAt(a.start), last: tokenAt(a.end - 1) }));
  placed = placed.concat(conspiracies(ctx, placed, tokenAt));
  placed.sort((x, y) => x.a.start - y.a.start || y.a.end - x.a.end);
  for (const p of placed) {
    coordinate(ctx, p, placed);
    weaponPrefix(ctx, p);
    involving(ctx, p);
  }
  // A term inside a wider one is part of it; a term inside an organisation's name is part of the name.
  placed.sort((x, y) => x.a.start - y.a.start || y.a.end - x.a.end);
  const kept: LegalTermAnnotation[] = [];
  let reach = -1;
  // The organisations that could hold a term are those starting at most the longest name before it: a
  // long document names thousands of each, and comparing every pair grew with the square of its length.
  const orgs = [...organisations].sort((x, y) => x.start - y.start);
  const longest = orgs.reduce((n, o) => Math.max(n, o.end - o.start), 0);
  const inOrganisation = (a: LegalTermAnnotation) => {
    for (let i = firstFrom(orgs, a.start - longest, (o) => o.start); i < orgs.length && orgs[i].start <= a.start; i++) {
      const o = orgs[i];
      if (a.end <= o.end && o.end - o.start > a.end - a.start) return true;
    }
    return false;
  };
  for (const p of placed) {
    if (p.a.end <= reach) continue;
    if (inOrganisation(p.a)) continue;
    kept.push(p.a);
    reach = Math.max(reach, p.a.end);
  }
  return kept;
}

function tokenIndex(tokens: Tokens): (offset: number) => number {
  return (offset) => {
    let lo = 0;
    let hi = tokens.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (tokens.start[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
}

function widened(ctx: LegalPhraseContext, p: Placed, first: number, last: number): void {
  const start = ctx.tokens.start[first];
  const end = ctx.tokens.end[last];
  p.first = first;
  p.last = last;
  p.a = { ...p.a, id: `legal-term:${start}-${end}`, start, end, text: ctx.text.slice(start, end), line: ctx.lineIndex.lineAt(start) };
}

/** Whether the trie holds the words `keys` as a legal term. */
function isLegalTerm(root: TrieNode, keys: readonly string[]): boolean {
  let node: TrieNode | undefined = root;
  for (const k of keys) {
    node = node.next.get(k);
    if (!node) return false;
  }
  return node.candidates?.some((c) => c.kind === 'legal-term') === true;
}

/** "drug and weapons offences": "drug offences" is a term too, so the coordinated phrase is one term. */
function coordinate(ctx: LegalPhraseContext, p: Placed, all: readonly Placed[]): void {
  const { tokens, lexicon } = ctx;
  if (p.last <= p.first) return;
  const rest = tokens.key.slice(p.first + 1, p.last + 1).filter((_, i) => tokens.flags[p.first + 1 + i] & WORD);
  for (;;) {
    const joiner = p.first - 1;
    if (joiner < 1 || !COORDINATORS.has(tokens.key[joiner])) return;
    let found = -1;
    // One or two words of the other conjunct: "drug and ...", "public order and ...".
    for (const width of [1, 2]) {
      const from = joiner - width;
      if (from < 0) break;
      const words: string[] = [];
      let ok = true;
      for (let k = from; k < joiner; k++) {
        if (!(tokens.flags[k] & WORD) || tokens.flags[k] & TokenFlag.Newline) ok = false;
        words.push(tokens.key[k]);
      }
      // The other conjunct is free words, or a term of its own ("Robbery and burglary offences"), never
      // the tail of a longer term ("possession with intent to supply and supply of ...").
      const inside = all.some((q) => q !== p && q.first <= joiner - 1 && q.last >= from && !(q.first === from && q.last === joiner - 1));
      if (ok && !inside && isLegalTerm(lexicon.root, [...words, ...rest])) found = from;
    }
    if (found < 0) return;
    widened(ctx, p, found, p.last);
  }
}

/** "knife-enabled homicides", "gun-related crime": the weapon prefix belongs to the offence. */
function weaponPrefix(ctx: LegalPhraseContext, p: Placed): void {
  const { tokens } = ctx;
  const link = p.first - 1;
  const weapon = p.first - 2;
  if (weapon < 0 || !PREFIX_LINKS.has(tokens.key[link]) || !WEAPON_WORDS.has(tokens.key[weapon])) return;
  // Only a hyphenated prefix ("knife-enabled"), not "a knife related to the case".
  if (ctx.text[tokens.end[weapon]] !== '-') return;
  widened(ctx, p, weapon, p.last);
}

/** "robberies involving a knife or sharp instrument": the category's defining postmodifier. */
function involving(ctx: LegalPhraseContext, p: Placed): void {
  const { tokens } = ctx;
  if (p.a.category !== 'offence' || !CATEGORY_HEADS.has(tokens.key[p.last])) return;
  let k = p.last + 1;
  if (tokens.key[k] !== 'involving') return;
  k++;
  let last = -1;
  for (let conjunct = 0; conjunct < 2; conjunct++) {
    if (ARTICLES.has(tokens.key[k])) k++;
    let words = 0;
    while (
      k < tokens.count &&
      words < MAX_OBJECT_WORDS &&
      tokens.flags[k] & WORD &&
      !(tokens.flags[k] & TokenFlag.Capitalised) &&
      !PHRASE_STOP.has(tokens.key[k]) &&
      !/\d/.test(tokens.key[k])
    ) {
      last = k;
      k++;
      words++;
    }
    if (words === 0) return;
    if (tokens.key[k] !== 'or' && tokens.key[k] !== 'and') break;
    k++;
  }
  if (last > p.last) widened(ctx, p, p.first, last);
}

/** "conspiracy to burgle commercial premises": a conspiracy names the offence agreed, unless the lexicon already has it. */
function conspiracies(ctx: LegalPhraseContext, placed: readonly Placed[], tokenAt: (offset: number) => number): Placed[] {
  const { tokens, lexicon, text } = ctx;
  const entry = lexicon.legalTerm('conspiracy');
  if (!entry) return [];
  const out: Placed[] = [];
  for (let i = 0; i + 2 < tokens.count; i++) {
    if (tokens.key[i] !== 'conspiracy' || tokens.key[i + 1] !== 'to' || !(tokens.flags[i + 2] & WORD)) continue;
    const start = tokens.start[i];
    if (placed.some((p) => p.a.start === start)) continue;
    let k = i + 2;
    if (tokens.key[k] === 'commit' && tokens.flags[k + 1] & WORD) k++;
    let last = k;
    k++;
    let words = 0;
    while (
      k < tokens.count &&
      words < MAX_OBJECT_WORDS &&
      tokens.flags[k] & WORD &&
      !PHRASE_STOP.has(tokens.key[k]) &&
      !(tokens.flags[k] & TokenFlag.Capitalised && !/^class$/i.test(tokens.key[k - 1]))
    ) {
      last = k;
      k++;
      words++;
    }
    const end = tokens.end[last];
    const a: LegalTermAnnotation = {
      kind: 'legal-term',
      id: `legal-term:${start}-${end}`,
      start,
      end,
      text: text.slice(start, end),
      line: ctx.lineIndex.lineAt(start),
      source: 'rule',
      termId: entry.id,
      canonical: text.slice(start, end).toLowerCase().replace(/\s+/g, ' '),
      category: entry.category,
      ...(entry.statute ? { statute: entry.statute } : {}),
    };
    out.push({ a, first: tokenAt(start), last });
  }
  return out;
}
