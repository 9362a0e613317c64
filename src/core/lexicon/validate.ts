import { LEGAL_CATEGORIES, LEGAL_STAGES, ORGANISATION_TYPES, type LegalTermEntry, type OrganisationEntry } from './entries';
import { LEXICON_LIMITS, limitNote } from './limits';

/*
 * A hand-written mirror of schema/*.schema.json, so the core bundle does not carry a JSON Schema
 * engine. test/unit/lexicon-schema.test.ts checks the two agree, using ajv on the schema files.
 */

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const ALIAS_KEYS = new Set(['text', 'match', 'after', 'notAfter', 'notBefore', 'notSentenceStart']);
const ORGANISATION_KEYS = new Set(['id', 'canonical', 'type', 'aliases', 'region', 'url']);
const LEGAL_TERM_KEYS = new Set(['id', 'canonical', 'category', 'statute', 'definition', 'aliases', 'plural', 'url', 'stage']);
const EXTENSION_KEYS = new Set(['$schema', 'organisations', 'legalTerms', 'ignore']);

type Problems = string[];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isTextArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(isText);

/** A key as a message shows it: a key can be as long as the file. */
function shorten(key: string): string {
  return key.length > 80 ? `${key.slice(0, 80)}… (${key.length.toLocaleString('en-GB')} characters)` : key;
}

function unknownKeys(value: Record<string, unknown>, allowed: Set<string>, path: string, problems: Problems): void {
  for (const key of Object.keys(value)) {
    if (!allowed.has(key)) problems.push(`${path}.${shorten(key)}: is not a known property (expected one of ${[...allowed].join(', ')})`);
  }
}

/** A string past a length limit, reported without repeating it (it may be megabytes long). */
function tooLong(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length > max;
}

function checkLength(value: unknown, path: string, problems: Problems, limit: 'aliasLength' | 'textLength' = 'textLength'): void {
  if (tooLong(value, LEXICON_LIMITS[limit])) problems.push(`${path}: is ${value.length.toLocaleString('en-GB')} characters long ${limitNote(limit)}`);
}

function checkAlias(alias: unknown, path: string, problems: Problems): void {
  checkLength(alias, path, problems, 'aliasLength');
  if (isObject(alias)) {
    checkLength(alias.text, `${path}.text`, problems, 'aliasLength');
    for (const key of ['after', 'notAfter', 'notBefore'] as const) {
      const words = alias[key];
      if (Array.isArray(words)) words.forEach((w, i) => checkLength(w, `${path}.${key}[${i}]`, problems));
    }
  }
  if (isText(alias)) return;
  if (!isObject(alias)) {
    problems.push(`${path}: must be a non-empty string or an object with "text"`);
    return;
  }
  unknownKeys(alias, ALIAS_KEYS, path, problems);
  if (!isText(alias.text)) problems.push(`${path}.text: must be a non-empty string`);
  if (alias.match !== undefined && alias.match !== 'exact' && alias.match !== 'insensitive') {
    problems.push(`${path}.match: must be "exact" or "insensitive"`);
  }
  for (const key of ['after', 'notAfter', 'notBefore'] as const) {
    if (alias[key] !== undefined && !isTextArray(alias[key])) problems.push(`${path}.${key}: must be an array of non-empty strings`);
  }
  if (alias.notSentenceStart !== undefined && typeof alias.notSentenceStart !== 'boolean') {
    problems.push(`${path}.notSentenceStart: must be true or false`);
  }
}

function checkCommon(value: Record<string, unknown>, path: string, problems: Problems): void {
  for (const key of ['id', 'canonical', 'definition', 'statute', 'region', 'url']) checkLength(value[key], `${path}.${key}`, problems);
  if (!isText(value.id) || !ID.test(value.id)) problems.push(`${path}.id: must be a lower-case slug such as "kent-police"`);
  if (!isText(value.canonical)) problems.push(`${path}.canonical: must be a non-empty string`);
  if (!Array.isArray(value.aliases)) problems.push(`${path}.aliases: must be an array of strings or alias objects`);
  else value.aliases.forEach((alias, i) => checkAlias(alias, `${path}.aliases[${i}]`, problems));
  if (value.url !== undefined && !(typeof value.url === 'string' && value.url.startsWith('https://'))) {
    problems.push(`${path}.url: must be an https:// address`);
  }
}

/** Problems with one organisation entry; empty when it is valid. */
export function checkOrganisation(value: unknown, path: string): Problems {
  const problems: Problems = [];
  if (!isObject(value)) return [`${path}: must be an object`];
  unknownKeys(value, ORGANISATION_KEYS, path, problems);
  checkCommon(value, path, problems);
  if (!ORGANISATION_TYPES.includes(value.type as never)) problems.push(`${path}.type: must be one of ${ORGANISATION_TYPES.join(', ')}`);
  if (value.region !== undefined && typeof value.region !== 'string') problems.push(`${path}.region: must be a string`);
  return problems;
}

/** Problems with one legal-term entry; empty when it is valid. */
export function checkLegalTerm(value: unknown, path: string): Problems {
  const problems: Problems = [];
  if (!isObject(value)) return [`${path}: must be an object`];
  unknownKeys(value, LEGAL_TERM_KEYS, path, problems);
  checkCommon(value, path, problems);
  if (!LEGAL_CATEGORIES.includes(value.category as never)) problems.push(`${path}.category: must be one of ${LEGAL_CATEGORIES.join(', ')}`);
  if (!isText(value.definition)) problems.push(`${path}.definition: must be a non-empty string`);
  if (value.statute !== undefined && !isText(value.statute)) problems.push(`${path}.statute: must be a non-empty string`);
  if (value.plural !== undefined && typeof value.plural !== 'boolean') problems.push(`${path}.plural: must be true or false`);
  if (value.stage !== undefined && !LEGAL_STAGES.includes(value.stage as never)) problems.push(`${path}.stage: must be one of ${LEGAL_STAGES.join(', ')}`);
  return problems;
}

export interface ReadExtension {
  readonly organisations: OrganisationEntry[];
  readonly legalTerms: LegalTermEntry[];
  readonly ignore: string[];
  readonly problems: string[];
}

/** Splits a parsed workspace lexicon into the entries that are valid and the problems with the rest. */
export function readExtension(value: unknown): ReadExtension {
  const result: ReadExtension = { organisations: [], legalTerms: [], ignore: [], problems: [] };
  if (value === undefined || value === null) return result;
  if (!isObject(value)) {
    result.problems.push('(root): must be an object with "organisations", "legalTerms" and/or "ignore"');
    return result;
  }
  unknownKeys(value, EXTENSION_KEYS, '(root)', result.problems);
  if (!checkCounts(value, result.problems)) return result;
  const sections = [
    ['organisations', checkOrganisation, result.organisations],
    ['legalTerms', checkLegalTerm, result.legalTerms],
  ] as const;
  for (const [key, check, into] of sections) {
    const list = value[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      result.problems.push(`${key}: must be an array`);
      continue;
    }
    list.forEach((entry, i) => {
      const problems = check(entry, `${key}[${i}]`);
      if (problems.length) result.problems.push(...problems);
      else (into as unknown[]).push(entry);
    });
  }
  if (value.ignore !== undefined) {
    if (!Array.isArray(value.ignore)) result.problems.push('ignore: must be an array of phrases');
    else
      value.ignore.forEach((phrase, i) => {
        if (tooLong(phrase, LEXICON_LIMITS.aliasLength))
          result.problems.push(`ignore[${i}]: is ${phrase.length.toLocaleString('en-GB')} characters long ${limitNote('aliasLength')}`);
        else if (isText(phrase)) result.ignore.push(phrase);
        else result.problems.push(`ignore[${i}]: must be a non-empty string`);
      });
  }
  return result;
}

/** The entry and alias counts, before anything else is read: a file over them is not used at all. */
function checkCounts(value: Record<string, unknown>, problems: Problems): boolean {
  const list = (key: string) => (Array.isArray(value[key]) ? (value[key] as unknown[]) : []);
  const entries = [...list('organisations'), ...list('legalTerms')];
  if (entries.length > LEXICON_LIMITS.entries) {
    problems.push(`(root): has ${entries.length.toLocaleString('en-GB')} organisations and legal terms ${limitNote('entries')}`);
    return false;
  }
  let aliases = list('ignore').length;
  for (const e of entries) if (isObject(e) && Array.isArray(e.aliases)) aliases += e.aliases.length;
  if (aliases > LEXICON_LIMITS.aliases) {
    problems.push(`(root): has ${aliases.toLocaleString('en-GB')} aliases and ignore phrases ${limitNote('aliases')}`);
    return false;
  }
  return true;
}

/** Checks a parsed workspace lexicon file; returns problems with their JSON paths (empty when valid). */
export function validateLexiconExtension(value: unknown): string[] {
  return readExtension(value).problems;
}
