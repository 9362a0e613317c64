import legalTermsData from './data/legal-terms.json';
import organisationsData from './data/organisations.json';
import { aliasText, type AliasOptions, type AliasSpec, type LegalTermEntry, type LexiconExtension, type OrganisationEntry } from './entries';
import { TokenFlag, tokenize } from './tokens';
import { LEXICON_LIMITS, limitNote } from './limits';
import { readExtension } from './validate';
import { runAtOnce } from '../slices';

export type MatchKind = 'organisation' | 'legal-term' | 'ignore';

/** How the case of one alias word is checked against the text. */
export const enum CaseCheck {
  None = 0,
  /** The word in the text must start with a capital. */
  Initial = 1,
  /** The word in the text must be written exactly so (apostrophes normalised). */
  Exact = 2,
}

/** One alias, compiled: what it points to and the conditions on the text around it. */
export interface Candidate {
  readonly kind: MatchKind;
  /** Index into the lexicon's `organisations` or `legalTerms`; -1 for ignore phrases. */
  readonly index: number;
  readonly workspace: boolean;
  readonly checks: readonly CaseCheck[];
  /** The alias's own words (apostrophes normalised), for `CaseCheck.Exact`. */
  readonly words: readonly string[];
  readonly after?: ReadonlySet<string>;
  /** Multi-word "after" phrases ("sentenced to"), as keys in text order. */
  readonly afterPhrases?: readonly (readonly string[])[];
  readonly notAfter?: ReadonlySet<string>;
  readonly notBefore?: ReadonlySet<string>;
  readonly notSentenceStart: boolean;
}

export interface TrieNode {
  readonly next: Map<string, TrieNode>;
  candidates?: Candidate[];
}

export interface CompiledLexicon {
  /** Changes whenever the entries change; use it as a cache key. */
  readonly version: string;
  readonly organisations: readonly OrganisationEntry[];
  readonly legalTerms: readonly LegalTermEntry[];
  /** Problems found in the workspace extension; its invalid entries were skipped. */
  readonly problems: readonly string[];
  organisation(id: string): OrganisationEntry | undefined;
  legalTerm(id: string): LegalTermEntry | undefined;
  /** The token trie `findEntities` walks. Internal to the lexicon module. */
  readonly root: TrieNode;
}

const BUILT_IN_ORGANISATIONS = (organisationsData as unknown as { organisations: OrganisationEntry[] }).organisations;
const BUILT_IN_LEGAL_TERMS = (legalTermsData as unknown as { legalTerms: LegalTermEntry[] }).legalTerms;
const BUILT_IN_VERSION = `builtin-${BUILT_IN_ORGANISATIONS.length}o-${BUILT_IN_LEGAL_TERMS.length}t`;

export function builtInEntries(): { organisations: readonly OrganisationEntry[]; legalTerms: readonly LegalTermEntry[] } {
  return { organisations: BUILT_IN_ORGANISATIONS, legalTerms: BUILT_IN_LEGAL_TERMS };
}

/**
 * Builds the matcher once: every alias (and, for legal terms, its plural) becomes a path of token
 * keys in a trie. Workspace entries replace built-in entries with the same id. Never throws on a
 * bad extension: invalid entries are skipped and reported in `problems`, and so are the workspace
 * aliases past the compiled-size limit (limits.ts).
 */
export function compileLexicon(extension?: LexiconExtension): CompiledLexicon {
  return runAtOnce(compileLexiconSteps(extension));
}

/** Aliases compiled between two yields of `compileLexiconSteps`. */
const ALIASES_PER_STEP = 100;

/** `compileLexicon` in steps, so a host can compile a large workspace lexicon in slices. */
export function* compileLexiconSteps(extension?: LexiconExtension): Generator<void, CompiledLexicon> {
  const read = readExtension(extension);
  yield;
  const problems = [...read.problems];
  const organisations = mergeById(BUILT_IN_ORGANISATIONS, read.organisations);
  const legalTerms = mergeById(BUILT_IN_LEGAL_TERMS, read.legalTerms);
  const workspaceOrgs = new Set(read.organisations.map((o) => o.id));
  const workspaceTerms = new Set(read.legalTerms.map((t) => t.id));

  const root: TrieNode = { next: new Map() };
  // Nodes the workspace's aliases added; past the limit its remaining aliases are left out.
  const budget = { nodes: 0, skipped: 0 };
  let done = 0;
  const insert = (alias: AliasSpec, kind: MatchKind, index: number, workspace: boolean, plural: boolean) => {
    if (workspace && budget.nodes > LEXICON_LIMITS.compiledNodes) {
      budget.skipped++;
      return;
    }
    const added = insertAlias(root, alias, kind, index, workspace, plural);
    if (workspace) budget.nodes += added;
  };
  for (const [index, entry] of organisations.entries()) {
    for (const alias of entry.aliases) insert(alias, 'organisation', index, workspaceOrgs.has(entry.id), false);
    if ((done += entry.aliases.length) >= ALIASES_PER_STEP) ((done = 0), yield);
  }
  for (const [index, entry] of legalTerms.entries()) {
    for (const alias of entry.aliases) insert(alias, 'legal-term', index, workspaceTerms.has(entry.id), entry.plural !== false);
    if ((done += entry.aliases.length) >= ALIASES_PER_STEP) ((done = 0), yield);
  }
  for (const [i, phrase] of read.ignore.entries()) {
    insert({ text: phrase, match: 'insensitive' }, 'ignore', -1, true, false);
    if (i % ALIASES_PER_STEP === ALIASES_PER_STEP - 1) yield;
  }
  if (budget.skipped > 0) {
    problems.push(
      `(root): the workspace aliases make a matcher of more than ${LEXICON_LIMITS.compiledNodes.toLocaleString('en-GB')} nodes, so the last ${budget.skipped.toLocaleString('en-GB')} were left out ${limitNote('compiledNodes')}`,
    );
  }
  yield;
  for (const phrase of titlesOf(organisations, root)) insertAlias(root, { text: phrase, match: 'insensitive' }, 'ignore', -1, false, false);

  const orgById = new Map(organisations.map((o) => [o.id, o]));
  const termById = new Map(legalTerms.map((t) => [t.id, t]));
  const version = extension ? `${BUILT_IN_VERSION}+ws-${hash(JSON.stringify(extension))}` : BUILT_IN_VERSION;
  return Object.freeze({
    version,
    organisations,
    legalTerms,
    problems,
    organisation: (id: string) => orgById.get(id),
    legalTerm: (id: string) => termById.get(id),
    root,
  });
}

/**
 * "Kent Police and Crime Commissioner Matthew Scott" is a title, and never a mention of Kent Police.
 * Where the data names that office (it does for every force area of England and Wales), its alias
 * is the longer match and wins. Elsewhere each force name followed by "and Crime Commissioner"
 * becomes an ignore phrase, which outranks the shorter force name starting at the same word.
 */
function titlesOf(organisations: readonly OrganisationEntry[], root: TrieNode): string[] {
  const titles: string[] = [];
  for (const entry of organisations) {
    if (entry.type !== 'police-force') continue;
    for (const alias of entry.aliases) {
      const text = aliasText(alias);
      if (!/ Police$/.test(text)) continue;
      for (const office of ['Commissioner', 'Commissioners', 'Panel']) {
        const title = `${text} and Crime ${office}`;
        if (!namesOrganisation(root, title)) titles.push(title);
      }
    }
  }
  return titles;
}

/** Whether the trie already holds `text` as an organisation's alias. */
function namesOrganisation(root: TrieNode, text: string): boolean {
  const tokens = tokenize(text);
  let node: TrieNode | undefined = root;
  for (let i = 0; i < tokens.count && node; i++) node = node.next.get(tokens.key[i]);
  return node?.candidates?.some((c) => c.kind === 'organisation') === true;
}

function mergeById<T extends { id: string }>(builtIn: readonly T[], workspace: readonly T[]): T[] {
  const replaced = new Map(workspace.map((e) => [e.id, e]));
  const merged = builtIn.map((e) => replaced.get(e.id) ?? e);
  const builtInIds = new Set(builtIn.map((e) => e.id));
  const seen = new Set<string>();
  for (const e of workspace) {
    if (!builtInIds.has(e.id) && !seen.has(e.id)) merged.push(e);
    seen.add(e.id);
  }
  return merged;
}

/** Adds the alias's path (and its plural's) to the trie; returns how many nodes that added. */
function insertAlias(root: TrieNode, alias: AliasSpec, kind: MatchKind, index: number, workspace: boolean, plural: boolean): number {
  const text = aliasText(alias);
  const options: Partial<AliasOptions> = typeof alias === 'string' ? {} : alias;
  const tokens = tokenize(text);
  const keys: string[] = [];
  const words: string[] = [];
  for (let i = 0; i < tokens.count; i++) {
    if (tokens.flags[i] & TokenFlag.Newline) continue;
    keys.push(tokens.key[i]);
    words.push(text.slice(tokens.start[i], tokens.end[i]).replace(/’/g, "'"));
  }
  if (keys.length === 0) return 0;
  const checks = words.map(() => CaseCheck.None);
  if (options.match === 'exact') checks.fill(CaseCheck.Exact);
  else if (options.match !== 'insensitive') {
    // Acronyms and mixed-case words ("NCA", "MoJ", "DfE") must be written so. For organisations the
    // first capitalised word must be capitalised too ("Home Office" is not "home office"); legal
    // terms are written in any case ("Slavery and Trafficking Prevention Order" or all lower case).
    let initialDone = kind !== 'organisation';
    words.forEach((w, i) => {
      if (/[A-Z].*[A-Z]/.test(w)) checks[i] = CaseCheck.Exact;
      else if (!initialDone && /^[A-Z]/.test(w)) {
        checks[i] = CaseCheck.Initial;
        initialDone = true;
      }
    });
  }
  const candidate: Candidate = {
    kind,
    index,
    workspace,
    checks,
    words,
    after: options.after ? new Set(options.after.filter((w) => !/\s/.test(w.trim())).map((w) => w.toLowerCase())) : undefined,
    afterPhrases: options.after?.some((w) => /\s/.test(w.trim())) ? options.after.filter((w) => /\s/.test(w.trim())).map((w) => keysOf(w)) : undefined,
    notAfter: options.notAfter ? new Set(options.notAfter.map((w) => w.toLowerCase())) : undefined,
    notBefore: options.notBefore ? new Set(options.notBefore.map((w) => w.toLowerCase())) : undefined,
    notSentenceStart: options.notSentenceStart === true,
  };
  let added = addPath(root, keys, candidate);
  if (plural && /^[a-z]{2,}$/i.test(words[words.length - 1])) {
    const pluralWord = pluralOf(words[words.length - 1]);
    added += addPath(root, [...keys.slice(0, -1), pluralWord.toLowerCase()], { ...candidate, words: [...words.slice(0, -1), pluralWord] });
  }
  return added;
}

/** The word keys of a phrase, as the matcher sees the text ("sentenced to" → ["sentenced", "to"]). */
function keysOf(phrase: string): string[] {
  const t = tokenize(phrase);
  const keys: string[] = [];
  for (let i = 0; i < t.count; i++) if (t.flags[i] & TokenFlag.Word) keys.push(t.key[i]);
  return keys;
}

function addPath(root: TrieNode, keys: readonly string[], candidate: Candidate): number {
  let node = root;
  let added = 0;
  for (const key of keys) {
    let child = node.next.get(key);
    if (!child) (node.next.set(key, (child = { next: new Map() })), added++);
    node = child;
  }
  (node.candidates ??= []).push(candidate);
  return added;
}

/** English plural of the last word of an alias: "order" → "orders", "robbery" → "robberies". */
export function pluralOf(word: string): string {
  const upper = word === word.toUpperCase();
  if (upper) return `${word}s`;
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/i.test(word)) return `${word}es`;
  return `${word}s`;
}

function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
