import type { LineIndex } from '../text/lines';
import type { OrganisationAnnotation, OrganisationType } from '../types';
import { TokenFlag, type Tokens } from './tokens';

// Local copies: a const enum read through a module binding costs a property lookup per use under tsx.
const WORD = TokenFlag.Word;
const CAPITALISED = TokenFlag.Capitalised;
const POSSESSIVE = TokenFlag.Possessive;
const NEWLINE = TokenFlag.Newline;

/** Words that end (or, followed by "of"/"for", begin) an organisation's name, with the type they suggest. */
const HEADS: ReadonlyMap<string, OrganisationType> = new Map([
  ['police', 'police-force'],
  ['constabulary', 'police-force'],
  ['council', 'council'],
  ['borough', 'council'],
  ['court', 'court'],
  ['trust', 'charity'],
  ['society', 'charity'],
  ['foundation', 'charity'],
  ['charity', 'charity'],
  ['agency', 'national-agency'],
  ['bureau', 'national-agency'],
  ['inspectorate', 'inspectorate'],
  ['department', 'government'],
  ['ministry', 'government'],
  ['office', 'government'],
  ['commission', 'government'],
  ['authority', 'government'],
  ['unit', 'other'],
  ['service', 'other'],
  ['centre', 'other'],
  ['center', 'other'],
  ['partnership', 'other'],
  ['network', 'other'],
  ['project', 'other'],
  ['association', 'other'],
  ['federation', 'other'],
  ['institute', 'other'],
  ['board', 'other'],
  // "University of Bedfordshire", "Leeds Beckett University", "Home Affairs Committee", "Lambeth College".
  ['university', 'other'],
  ['college', 'other'],
  ['committee', 'government'],
  // Newspaper titles: "Kent Messenger", "Manchester Evening News", "Daily Ledger".
  ['news', 'media'],
  ['times', 'media'],
  ['post', 'media'],
  ['herald', 'media'],
  ['gazette', 'media'],
  ['echo', 'media'],
  ['chronicle', 'media'],
  ['mirror', 'media'],
  ['telegraph', 'media'],
  ['express', 'media'],
  ['mail', 'media'],
  ['observer', 'media'],
  ['messenger', 'media'],
  ['argus', 'media'],
  ['standard', 'media'],
  ['ledger', 'media'],
  ['journal', 'media'],
  ['advertiser', 'media'],
  ['star', 'media'],
  ['mercury', 'media'],
  ['sentinel', 'media'],
  ['courier', 'media'],
  ['press', 'media'],
  // Force departments and teams, prisons: "Burglary Team", "Economic Crime Hub", "Flying Squad", "Wandsworth Prison".
  ['team', 'other'],
  ['hub', 'other'],
  ['group', 'other'],
  ['squad', 'other'],
  ['command', 'other'],
  ['directorate', 'other'],
  ['taskforce', 'other'],
  ['prison', 'government'],
]);

/** Heads that name a body only with a name word in front: "a Working Group", "the Organised Crime Group" are kinds. */
const NEEDS_A_NAME = new Set(['committee', 'college', 'university', 'team', 'group', 'hub', 'squad', 'command', 'taskforce']);

/** Words that make a "... Court" a court and not a block of flats ("Maidstone Crown Court", not "Ruskin Court"). */
const COURT_WORDS = new Set([
  'crown',
  'magistrates',
  'youth',
  'county',
  'family',
  'high',
  'coroners',
  'coroner',
  'appeal',
  'supreme',
  'criminal',
  'sheriff',
  'sheriffs',
  'justice',
  'district',
  'civil',
  'military',
  'combined',
  'courts',
  'justices',
  'appeals',
  'tribunal',
  'old',
  'royal',
]);
/** "HMP Wandsworth", "HMYOI Feltham": a prison named after its prefix. */
const PRISON_PREFIXES = new Set(['hmp', 'hmyoi', 'hmpyoi']);

/** Heads that also name places and rooms: "City Centre", "Post Office" are not organisations. */
const PLACE_MODIFIERS = new Set([
  'city',
  'town',
  'shopping',
  'leisure',
  'sports',
  'post',
  'box',
  'call',
  'contact',
  'data',
  'control',
  'custody',
  'head',
  'home',
  'front',
  'civic',
  'visitor',
  'day',
  'medical',
  'community',
]);
const PLACE_HEADS = new Set(['centre', 'center', 'office', 'unit', 'service', 'network', 'project', 'board']);

/** Words of a council's name that the press writes in lower case: "Kent county council". */
const COUNCIL_WORDS = new Set(['council', 'county', 'borough', 'city', 'district']);

/** Words that make a committee or college a kind rather than a name: "a Select Committee", "Sixth Form College". */
const GENERIC_KINDS = new Set([
  'select',
  'joint',
  'standing',
  'scrutiny',
  'steering',
  'organising',
  'management',
  'executive',
  'audit',
  'sixth',
  'form',
  'further',
  'education',
  'technical',
  'working',
  'support',
  'advisory',
  'focus',
  'project',
  'task',
  'finish',
  'organised',
  'crime',
  'criminal',
  'local',
  'response',
  'specialist',
  'dedicated',
  'new',
  'our',
  'my',
  'your',
  'their',
  'the',
  'this',
  'that',
  'expert',
  'senior',
  'leadership',
  'action',
  'reference',
  'interest',
  'pressure',
  'user',
]);

/** "a Labour council" names a party's majority, not a council. */
const PARTIES = new Set(['labour', 'conservative', 'tory', 'liberal', 'democrat', 'green', 'reform', 'snp', 'plaid', 'independent', 'lib']);

/** Lower-case words allowed inside a name: "Department for Education", "London Borough of Hackney". */
const CONNECTORS = new Set(['of', 'for', 'and', 'the']);

/** Capitalised only because they start a sentence: "Local Police said", "Our Trust". */
const SENTENCE_OPENERS = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'our',
  'their',
  'his',
  'her',
  'its',
  'my',
  'your',
  'local',
  'national',
  'every',
  'each',
  'all',
  'some',
  'many',
  'most',
  'other',
  'another',
  'new',
  'when',
  'while',
  'where',
  'if',
  'as',
  'after',
  'before',
  'during',
  'since',
  'both',
  'former',
  'acting',
  'regional',
  'specialist',
  'senior',
  'county',
  'partner',
  'neighbouring',
  'further',
  'additional',
  'extra',
  'more',
  'armed',
  'uniformed',
  'neighbourhood',
  'community',
  'several',
  'two',
  'three',
  'four',
  'five',
  'no',
  'any',
  'which',
  'whose',
  'how',
  // Prepositions and time words that open a sentence before a name: "At Swansea Crown Court, ...".
  'at',
  'in',
  'on',
  'from',
  'by',
  'with',
  'for',
  'to',
  'outside',
  'inside',
  'near',
  'across',
  'within',
  'under',
  'following',
  'yesterday',
  'today',
]);

/** Ranks and honorifics: "Detective Constable Emma Court" is a person whose surname is a head word. */
const TITLES = new Set([
  'detective',
  'constable',
  'sergeant',
  'inspector',
  'superintendent',
  'commander',
  'commissioner',
  'officer',
  'mr',
  'mrs',
  'ms',
  'miss',
  'dr',
  'sir',
  'dame',
  'lord',
  'lady',
  'judge',
  'recorder',
  'justice',
  'honour',
  'pc',
  'dc',
  'ds',
  'di',
  'dci',
  'dsi',
  'supt',
  'insp',
  'sgt',
  'det',
  'cllr',
  'councillor',
]);

const CUES = new Set(['charity', 'organisation', 'charities']);

/** "Multi-Agency", "Cross-Border": a prefix and a head word make an adjective, not a name. */
const COMPOUND_PREFIXES = new Set(['multi', 'inter', 'cross', 'pan', 'non', 'sub', 'co', 'anti']);

/**
 * Organisations no lexicon knows, found by rule: a run of capitalised words ending in a head word
 * ("Maidstone Crown Court", "Essex County Council"), a head followed by "of"/"for" and a name
 * ("London Borough of Hackney"), or a name after a cue ("the charity Oasis"). Title-case lines
 * (headlines) are skipped: every word is capitalised there, so capitals carry no signal.
 */
export function findUnknownOrganisations(
  text: string,
  tokens: Tokens,
  taken: Uint8Array,
  sentenceStart: Uint8Array,
  lineIndex: LineIndex,
): OrganisationAnnotation[] {
  const out: OrganisationAnnotation[] = [];
  let lowerSeen: Set<string> | undefined;
  const seenInLowerCase = (key: string) => (lowerSeen ??= lowerCaseWords(text, tokens)).has(key);
  const headline = titleCaseLines(tokens);
  const n = tokens.count;
  let i = 0;
  while (i < n) {
    if (!inRun(tokens, taken, headline, i) || isConnector(tokens, i)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < n && inRun(tokens, taken, headline, j + 1)) {
      // "Kent County Council and Medway Council" are two names.
      if (tokens.key[j + 1] === 'and' && (HEADS.has(headKey(tokens, j)) || tokens.key[j + 2] === 'the')) break;
      j++;
    }
    const found = prisonName(tokens, i, j) ?? nameInRun(tokens, i, j, sentenceStart, seenInLowerCase) ?? cueName(tokens, i, j);
    if (found) out.push(annotate(text, tokens, found, lineIndex));
    // A name may end before its run does ("London Borough of Lambeth and Birmingham City Council"): look again after it.
    i = found && found.last < j ? found.last + 1 : j + 1;
  }
  return out;
}

interface Found {
  first: number;
  last: number;
  type: OrganisationType;
}

function nameInRun(tokens: Tokens, a: number, b: number, sentenceStart: Uint8Array, seenInLowerCase: (key: string) => boolean): Found | undefined {
  while (b > a && isConnector(tokens, b)) b--;
  // The span never starts with an article, even where "The" is part of the name ("The Daily Ledger").
  if (tokens.key[a] === 'the') a++;
  else if (sentenceStart[a] && (SENTENCE_OPENERS.has(tokens.key[a]) || seenInLowerCase(tokens.key[a]))) a++;
  while (a < b && isConnector(tokens, a)) a++;
  if (a >= b) return undefined;

  let first = a;
  let last = -1;
  let head = -1;
  for (let k = a; k <= b; k++) {
    if (!HEADS.has(headKey(tokens, k))) continue;
    const next = tokens.key[k + 1];
    if (k < b && (next === 'of' || next === 'for')) {
      // Head first: "Department for Education". The name starts at the capitalised words just before it.
      head = k;
      last = b;
      // "... of Lambeth and Birmingham City Council": a second name with its own head follows "and".
      for (let m = k + 2; m < b; m++) {
        if (tokens.key[m] === 'and' && !(tokens.flags[m] & CAPITALISED) && hasHead(tokens, m + 1, b)) {
          last = m - 1;
          break;
        }
      }
      first = k;
      while (first > a && !isConnector(tokens, first - 1)) first--;
      break;
    }
    head = k;
    last = k;
  }
  if (head < 0) return undefined;
  if (last === head) {
    // Tail head: "Leader of Kent County Council" names only "Kent County Council".
    for (let k = head - 1; k >= first; k--) {
      // "City of Westminster Council" is one name: "City of" is part of it, not a title before it.
      if (tokens.key[k] === 'of' && k - 1 >= first && tokens.key[k - 1] === 'city' && tokens.flags[k - 1] & CAPITALISED) {
        k--;
        continue;
      }
      if (isConnector(tokens, k) && tokens.key[k] !== 'and') {
        first = k + 1;
        break;
      }
    }
    while (first < head && isConnector(tokens, first)) first++;
  }
  if (last - first < 1) return undefined;
  if (last - first === 1 && COMPOUND_PREFIXES.has(tokens.key[first])) return undefined;
  if (headKey(tokens, head) === 'court' && head === last) {
    // A court names its kind ("Crown", "Magistrates'"); a "Court" after a house number or a plain name is an address.
    let court = false;
    for (let k = first; k < head && !court; k++) court = COURT_WORDS.has(tokens.key[k]);
    if (!court || (first > 0 && /^\d/.test(tokens.key[first - 1]))) return undefined;
  }
  if (head === last && NEEDS_A_NAME.has(headKey(tokens, head))) {
    let named = false;
    for (let k = first; k < head && !named; k++) named = !GENERIC_KINDS.has(tokens.key[k]) && !isConnector(tokens, k);
    if (!named) return undefined;
  }
  if (!(tokens.flags[head] & CAPITALISED)) {
    // A lower-case council needs a place before it: not "the City council" or "a Labour council".
    if (PARTIES.has(tokens.key[first])) return undefined;
    let place = false;
    for (let k = first; k <= last && !place; k++) place = !COUNCIL_WORDS.has(tokens.key[k]) && !isConnector(tokens, k);
    if (!place) return undefined;
  }
  // "Suffolk's Police and Crime Commissioner" is a person's title.
  if (tokens.key[last + 1] === 'and' && tokens.key[last + 2] === 'crime') return undefined;
  for (let k = first; k < head; k++) if (TITLES.has(tokens.key[k])) return undefined;
  const headWord = headKey(tokens, head);
  if (PLACE_HEADS.has(headWord) && head > first && PLACE_MODIFIERS.has(tokens.key[head - 1])) return undefined;
  return { first, last, type: typeFor(tokens, first, last, headWord) };
}

/** "HMP Wandsworth", "HMYOI Feltham", "HM Prison Belmarsh": a prison's prefix and its name. */
function prisonName(tokens: Tokens, a: number, b: number): Found | undefined {
  let name = a + 1;
  if (tokens.key[a] === 'hm' && tokens.key[a + 1] === 'prison') name = a + 2;
  else if (!PRISON_PREFIXES.has(tokens.key[a])) return undefined;
  if (name > b || !(tokens.flags[name] & CAPITALISED)) return undefined;
  const last = name + 1 <= b && tokens.flags[name + 1] & CAPITALISED && !isConnector(tokens, name + 1) && !HEADS.has(tokens.key[name + 1]) ? name + 1 : name;
  return { first: a, last, type: 'government' };
}

function cueName(tokens: Tokens, a: number, b: number): Found | undefined {
  const cue = a - 1;
  if (cue < 0 || !(tokens.flags[cue] & WORD) || tokens.flags[cue] & CAPITALISED || !CUES.has(tokens.key[cue])) return undefined;
  const last = Math.min(b, a + 4);
  return { first: a, last, type: 'charity' };
}

function typeFor(tokens: Tokens, first: number, last: number, headKey: string): OrganisationType {
  const words = new Set(tokens.key.slice(first, last + 1));
  if (headKey === 'unit' && words.has('regional')) return 'regional-unit';
  if (headKey === 'service' || headKey === 'services') {
    if (words.has('police')) return 'police-force';
    if (words.has('prosecution')) return 'prosecutor';
  }
  if (words.has('inspectorate')) return 'inspectorate';
  return HEADS.get(headKey) ?? 'other';
}

function annotate(text: string, tokens: Tokens, found: Found, lineIndex: LineIndex): OrganisationAnnotation {
  const start = tokens.start[found.first];
  const end = tokens.flags[found.last] & POSSESSIVE ? tokens.baseEnd[found.last] : tokens.end[found.last];
  const name = text.slice(start, end);
  return {
    kind: 'organisation',
    id: `organisation:${start}-${end}`,
    start,
    end,
    text: name,
    line: lineIndex.lineAt(start),
    source: 'rule',
    entityId: slug(name),
    canonical: name.replace(/’/g, "'").replace(/\s+/g, ' '),
    orgType: found.type,
    known: false,
  };
}

export function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function hasHead(tokens: Tokens, from: number, to: number): boolean {
  for (let k = from; k <= to; k++) if (HEADS.has(headKey(tokens, k))) return true;
  return false;
}

/** A head word may carry a possessive: "Kent County Council's". */
function headKey(tokens: Tokens, i: number): string {
  return tokens.baseKey[i] ?? tokens.key[i];
}

function isConnector(tokens: Tokens, i: number): boolean {
  return !(tokens.flags[i] & CAPITALISED) && CONNECTORS.has(tokens.key[i]);
}

function inRun(tokens: Tokens, taken: Uint8Array, headline: Uint8Array, i: number): boolean {
  if (taken[i] || headline[i]) return false;
  const flags = tokens.flags[i];
  if (flags & CAPITALISED) return true;
  const key = tokens.key[i];
  // The press often writes a council in lower case after its place name: "Medway council", "Kent
  // county council". Only directly after a capitalised word, so "the county council" stays generic.
  if (COUNCIL_WORDS.has(key) && i > 0 && (key === 'council' || tokens.key[i + 1] === 'council')) {
    const prev = tokens.flags[i - 1];
    if (prev & WORD && (prev & CAPITALISED || COUNCIL_WORDS.has(tokens.key[i - 1]))) return true;
  }
  // Lower-case connectors, and "&" (which keys as "and"), join capitalised words.
  return CONNECTORS.has(key);
}

/** Words the text also writes in lower case as prose (not inside addresses such as "kent.police.uk"). */
function lowerCaseWords(text: string, tokens: Tokens): Set<string> {
  const seen = new Set<string>();
  for (let i = 0; i < tokens.count; i++) {
    if ((tokens.flags[i] & (WORD | CAPITALISED)) !== WORD) continue;
    const before = tokens.start[i] === 0 ? 32 : text.charCodeAt(tokens.start[i] - 1);
    const after = text.charCodeAt(tokens.end[i]);
    if ((before === 32 || before === 10) && after !== 46 && after !== 47) seen.add(tokens.key[i]);
  }
  return seen;
}

/**
 * Marks the tokens of headline-like lines: at least four longer words and hardly any of them in
 * lower case ("Police Raid Homes In Dawn Swoop"). Capitals there say nothing about names.
 */
function titleCaseLines(tokens: Tokens): Uint8Array {
  const marks = new Uint8Array(tokens.count);
  let lineStart = 0;
  let words = 0;
  let lower = 0;
  for (let i = 0; i <= tokens.count; i++) {
    if (i === tokens.count || tokens.flags[i] & NEWLINE) {
      if (words >= 4 && lower <= Math.max(1, words * 0.1)) marks.fill(1, lineStart, i);
      lineStart = i + 1;
      words = 0;
      lower = 0;
      continue;
    }
    if (tokens.flags[i] & WORD && tokens.end[i] - tokens.start[i] >= 4) {
      words++;
      if (!(tokens.flags[i] & CAPITALISED)) lower++;
    }
  }
  return marks;
}
