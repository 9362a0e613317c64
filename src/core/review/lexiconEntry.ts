/**
 * "Save to workspace lexicon": turns a span the editor annotated by hand into an entry of the
 * workspace lexicon file (schema: src/core/lexicon/schema/lexicon-extension.schema.json) and merges
 * it into the file's current content, so the organisation or term is found in every document.
 */
import type { LegalCategory, OrganisationType } from '../types';

export type LexiconAddition =
  | { readonly kind: 'organisation'; readonly text: string; readonly canonical: string; readonly type: OrganisationType }
  | { readonly kind: 'legal-term'; readonly text: string; readonly canonical: string; readonly category: LegalCategory; readonly definition: string };

/** A lower-case slug the schema accepts as an id: "Eastmoor Youth Trust" → "eastmoor-youth-trust". */
export function lexiconId(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'entry';
}

export interface LexiconMergeResult {
  /** The file's new text (2-space indent, final newline). */
  readonly text: string;
  readonly id: string;
  /** "added" a new entry; "alias" added the text to an existing entry; "present" changed nothing. */
  readonly outcome: 'added' | 'alias' | 'present';
}

/** Merges `addition` into `current` (the file's parsed content, or undefined when there is no file). Throws when `current` is not an object. */
export function mergeLexiconAddition(current: unknown, addition: LexiconAddition): LexiconMergeResult {
  if (current !== undefined && (typeof current !== 'object' || current === null || Array.isArray(current))) {
    throw new Error('the workspace lexicon file is not a JSON object');
  }
  const file: Record<string, unknown> = { ...((current as Record<string, unknown> | undefined) ?? {}) };
  const key = addition.kind === 'organisation' ? 'organisations' : 'legalTerms';
  const list = Array.isArray(file[key]) ? [...(file[key] as unknown[])] : [];
  const id = lexiconId(addition.canonical);
  const at = list.findIndex((e) => isObject(e) && e.id === id);
  let outcome: LexiconMergeResult['outcome'];
  if (at >= 0) {
    const entry = list[at] as Record<string, unknown>;
    const aliases = Array.isArray(entry.aliases) ? entry.aliases : [];
    const has = aliases.some((a) => (typeof a === 'string' ? a : isObject(a) ? a.text : undefined) === addition.text);
    if (has) outcome = 'present';
    else {
      list[at] = { ...entry, aliases: [...aliases, addition.text] };
      outcome = 'alias';
    }
  } else {
    list.push(
      addition.kind === 'organisation'
        ? { id, canonical: addition.canonical, type: addition.type, aliases: [addition.text] }
        : { id, canonical: addition.canonical, category: addition.category, definition: addition.definition, aliases: [addition.text] },
    );
    outcome = 'added';
  }
  file[key] = list;
  return { text: JSON.stringify(file, null, 2) + '\n', id, outcome };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
