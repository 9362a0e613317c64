import type { LineIndex } from '../text/lines';
import type { LegalTermAnnotation, OrganisationAnnotation, Span } from '../types';
import { CaseCheck, type Candidate, type CompiledLexicon, type TrieNode } from './compile';
import { TokenFlag, tokenize, type Tokens } from './tokens';
import { widenLegalTerms } from './legalPhrases';
import { findUnknownOrganisations } from './unknownOrganisations';

export interface EntityContext {
  readonly lineIndex: LineIndex;
  readonly sentences: readonly Span[];
}

export type EntityAnnotation = OrganisationAnnotation | LegalTermAnnotation;

// Local copies: a const enum read through a module binding costs a property lookup per use under tsx.
const WORD = TokenFlag.Word;
const NEWLINE = TokenFlag.Newline;
const CAPITALISED = TokenFlag.Capitalised;
const CREDIT_PUNCTUATION = new Set([':', '/', '(', '|']);

interface Best {
  candidate: Candidate;
  lastToken: number;
  end: number;
}

/**
 * Finds known organisations and legal terms in one pass over the tokens, then unknown organisations
 * by rule. At each token the trie is walked as far as the text allows and the longest match per kind
 * is kept; matches of one kind never overlap. An ignore phrase at least as long as a match blocks it.
 */
export function findEntities(text: string, lexicon: CompiledLexicon, ctx: EntityContext): EntityAnnotation[] {
  const tokens = tokenize(text);
  const sentenceStart = markSentenceStarts(tokens, ctx.sentences);
  const out: EntityAnnotation[] = [];
  /** Tokens already inside a known organisation or an ignored phrase: the unknown-organisation rule skips them. */
  const taken = new Uint8Array(tokens.count);
  const { root } = lexicon;
  let nextOrg = 0;
  let nextTerm = 0;
  /** The token after the last known organisation: a legal term inside an organisation's name ("Serious Fraud Office") is part of the name. */
  let orgEndToken = 0;

  for (let i = 0; i < tokens.count; i++) {
    if (!(tokens.flags[i] & WORD)) continue;
    let node: TrieNode | undefined = root;
    let org: Best | undefined;
    let term: Best | undefined;
    let ignore: Best | undefined;
    for (let j = i; j < tokens.count && node; j++) {
      const baseKey = tokens.baseKey[j];
      if (baseKey !== undefined) {
        const base = node.next.get(baseKey);
        if (base?.candidates) {
          for (const c of base.candidates) {
            if (!accepts(c, text, tokens, i, j, true, sentenceStart)) continue;
            const best = { candidate: c, lastToken: j, end: tokens.baseEnd[j] };
            if (c.kind === 'organisation') org = best;
            else if (c.kind === 'legal-term') term = best;
            else ignore = best;
          }
        }
      }
      node = node.next.get(tokens.key[j]);
      if (node?.candidates) {
        for (const c of node.candidates) {
          if (!accepts(c, text, tokens, i, j, false, sentenceStart)) continue;
          const best = { candidate: c, lastToken: j, end: tokens.end[j] };
          if (c.kind === 'organisation') org = best;
          else if (c.kind === 'legal-term') term = best;
          else ignore = best;
        }
      }
    }
    if (ignore) {
      const blocksOrg = !org || org.end <= ignore.end;
      const blocksTerm = !term || term.end <= ignore.end;
      // Nothing of a blocked kind may start inside the ignored phrase either.
      if (blocksOrg) {
        org = undefined;
        nextOrg = Math.max(nextOrg, ignore.lastToken + 1);
      }
      if (blocksTerm) {
        term = undefined;
        nextTerm = Math.max(nextTerm, ignore.lastToken + 1);
      }
      taken.fill(1, i, ignore.lastToken + 1);
    }
    const start = tokens.start[i];
    if (org && i >= nextOrg) {
      const entry = lexicon.organisations[org.candidate.index];
      out.push({
        kind: 'organisation',
        id: `organisation:${start}-${org.end}`,
        start,
        end: org.end,
        text: text.slice(start, org.end),
        line: ctx.lineIndex.lineAt(start),
        source: org.candidate.workspace ? 'workspace-lexicon' : 'lexicon',
        entityId: entry.id,
        canonical: entry.canonical,
        orgType: entry.type,
        known: true,
      });
      nextOrg = org.lastToken + 1;
      orgEndToken = nextOrg;
      taken.fill(1, i, nextOrg);
    }
    if (term && i >= nextTerm && !(i < orgEndToken && term.lastToken < orgEndToken)) {
      const entry = lexicon.legalTerms[term.candidate.index];
      const first = entry.category === 'legislation' ? sectionBefore(tokens, i, nextTerm) : i;
      const start = tokens.start[first];
      const annotation: LegalTermAnnotation = {
        kind: 'legal-term',
        id: `legal-term:${start}-${term.end}`,
        start,
        end: term.end,
        text: text.slice(start, term.end),
        line: ctx.lineIndex.lineAt(start),
        source: term.candidate.workspace ? 'workspace-lexicon' : 'lexicon',
        termId: entry.id,
        canonical: entry.canonical,
        category: entry.category,
        ...(entry.statute ? { statute: entry.statute } : {}),
        ...(entry.stage ? { stage: entry.stage } : {}),
      };
      out.push(annotation);
      nextTerm = term.lastToken + 1;
    }
  }
  for (const unknown of findUnknownOrganisations(text, tokens, taken, sentenceStart, ctx.lineIndex)) out.push(unknown);
  const organisations = out.filter((e): e is OrganisationAnnotation => e.kind === 'organisation');
  const terms = out.filter((e): e is LegalTermAnnotation => e.kind === 'legal-term');
  const entities: EntityAnnotation[] = [...organisations, ...widenLegalTerms({ text, tokens, lexicon, lineIndex: ctx.lineIndex }, terms, organisations)].filter(
    (e) => !cutByEndOfText(text, e),
  );
  entities.sort((a, b) => a.start - b.start || a.end - b.end);
  return entities;
}

const SECTION_WORDS = new Set(['section', 'sections', 's', 'schedule', 'part', 'paragraph']);

/**
 * A statute's span takes in the provision cited before it: "Section 2 of the Modern Slavery Act
 * 2015". Returns the first token of the citation, or `i` when there is none.
 */
function sectionBefore(tokens: Tokens, i: number, earliest: number): number {
  let k = i - 1;
  if (k >= 0 && tokens.key[k] === 'the') k--;
  if (k < 0 || tokens.key[k] !== 'of') return i;
  k--;
  // Sub-sections in brackets: "section 4(3)(b) of".
  while (
    k >= 0 &&
    (tokens.key[k] === ')' || tokens.key[k] === '(' || (tokens.flags[k] & WORD && /^[0-9a-z]{1,4}$/.test(tokens.key[k]) && tokens.key[k - 1] === '('))
  )
    k--;
  if (k < 1 || !/^[0-9]/.test(tokens.key[k]) || !SECTION_WORDS.has(tokens.key[k - 1])) return i;
  return k - 1 >= earliest ? k - 1 : i;
}

/** Web and e-mail addresses are not mentions: "crimestoppers-uk.org", "Fearless.org", "www.met.police.uk". */
function insideAddress(text: string, start: number, end: number): boolean {
  const before = text.charCodeAt(start - 1);
  if (before === 46 /* . */ || before === 47 /* / */ || before === 64 /* @ */) return true;
  const after = text.charCodeAt(end);
  if (after === 64 /* @ */) return true;
  if (after === 46 /* . */) {
    const next = text.charCodeAt(end + 1);
    return (next >= 97 && next <= 122) || (next >= 65 && next <= 90);
  }
  return false;
}

/** Whether the text around tokens first..last satisfies the candidate's case and context rules. */
function accepts(c: Candidate, text: string, tokens: Tokens, first: number, last: number, possessive: boolean, sentenceStart: Uint8Array): boolean {
  const checks = c.checks;
  for (let k = 0; k < checks.length; k++) {
    const check = checks[k];
    if (check === CaseCheck.None) continue;
    const t = first + k;
    if (check === CaseCheck.Initial) {
      if (!(tokens.flags[t] & CAPITALISED)) return false;
    } else {
      const end = possessive && t === last ? tokens.baseEnd[t] : tokens.end[t];
      let word = text.slice(tokens.start[t], end);
      if (word.includes('’')) word = word.replace(/’/g, "'");
      if (word !== c.words[k]) return false;
    }
  }
  if (c.notSentenceStart && sentenceStart[first]) return false;
  if (insideAddress(text, tokens.start[first], possessive ? tokens.baseEnd[last] : tokens.end[last])) return false;
  if (c.after || c.afterPhrases) {
    let prev = first - 1;
    // "Image: PA", "(Picture/Getty)": a credit's colon, slash or bracket stands between the words.
    if (prev > 0 && CREDIT_PUNCTUATION.has(tokens.key[prev]) && !(tokens.flags[prev] & WORD)) prev--;
    const single = prev >= 0 && tokens.flags[prev] & WORD && c.after?.has(tokens.key[prev]) === true;
    if (!single && !c.afterPhrases?.some((phrase) => phraseEndsAt(tokens, phrase, prev))) return false;
  }
  if (c.notAfter) {
    const prev = first - 1;
    if (prev >= 0 && tokens.flags[prev] & WORD && c.notAfter.has(tokens.key[prev])) return false;
  }
  if (c.notBefore && !possessive) {
    const next = last + 1;
    if (next < tokens.count && tokens.flags[next] & WORD) {
      const word = text.slice(tokens.start[next], tokens.end[next]);
      if (c.notBefore.has(word.toLowerCase())) return false;
    }
  }
  return true;
}

/**
 * A text that stops mid-word (an excerpt cut at a byte limit) may have cut a name short: "Office for
 * Statist". A name found by rule, or a legal term, that ends at the very last letter of the text is not
 * trusted. A known organisation's full alias there ("... Kent Police") still is.
 */
function cutByEndOfText(text: string, e: EntityAnnotation): boolean {
  if (e.end !== text.length || !/\p{L}$/u.test(text)) return false;
  return e.kind === 'legal-term' || e.source === 'rule';
}

/** Whether the words of `phrase` end at token `last` ("sentenced to" before "life"). */
function phraseEndsAt(tokens: Tokens, phrase: readonly string[], last: number): boolean {
  let t = last;
  for (let k = phrase.length - 1; k >= 0; k--, t--) {
    if (t < 0 || !(tokens.flags[t] & WORD) || tokens.key[t] !== phrase[k]) return false;
  }
  return true;
}

/**
 * Marks word tokens that begin a sentence or a line, where a capital letter says nothing about
 * whether a word is a name.
 */
function markSentenceStarts(tokens: Tokens, sentences: readonly Span[]): Uint8Array {
  const marks = new Uint8Array(tokens.count);
  let s = 0;
  let atLineStart = true;
  for (let i = 0; i < tokens.count; i++) {
    const flags = tokens.flags[i];
    if (flags & NEWLINE) {
      atLineStart = true;
      continue;
    }
    if (!(flags & WORD)) continue;
    const start = tokens.start[i];
    let newSentence = false;
    while (s < sentences.length && sentences[s].start <= start) {
      newSentence = true;
      s++;
    }
    if (newSentence || atLineStart) marks[i] = 1;
    atLineStart = false;
  }
  return marks;
}
