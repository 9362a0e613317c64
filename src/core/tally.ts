/**
 * The Tally view's model: how many figures, organisations and legal terms a set of documents holds,
 * grouped by kind, then by what a figure measures or which entity a name refers to. Pure, so the
 * grouping is tested without an editor and the CLI could print the same table.
 */
import type { Annotation, AnnotationKind, DocumentAnalysis, Span } from './types';

/** One analysed document; `docId` is whatever the caller uses to find it again (a URI, a path). */
export interface TalliedDocument {
  readonly docId: string;
  readonly analysis: DocumentAnalysis;
}

export interface TallyOccurrence extends Span {
  readonly docId: string;
  readonly line: number;
  readonly text: string;
  readonly annotation: Annotation;
}

/** Occurrences that share a measure (figures) or a canonical entity (organisations, legal terms). */
export interface TallyGroup {
  readonly kind: AnnotationKind;
  /** The measure ("arrests") or the entity/term id ("met"); stable across refreshes. */
  readonly key: string;
  readonly label: string;
  readonly occurrences: readonly TallyOccurrence[];
  /** How many different documents the occurrences come from. */
  readonly documentCount: number;
}

export interface KindTally {
  readonly kind: AnnotationKind;
  readonly label: string;
  readonly count: number;
  readonly groups: readonly TallyGroup[];
}

export interface TallyOptions {
  /**
   * Case-insensitive text to keep: a group whose label or key contains it keeps all its occurrences,
   * otherwise only occurrences whose text contains it are kept. Empty groups and kinds are dropped.
   */
  readonly filter?: string;
}

export const kindLabels: Readonly<Record<AnnotationKind, string>> = Object.freeze({
  figure: 'Figures',
  organisation: 'Organisations',
  'legal-term': 'Legal terms',
});

/** Figures whose measure the extractor could not name still need a group a person can read. */
export const unknownMeasureLabel = '(measure not stated)';

const kindOrder: readonly AnnotationKind[] = ['figure', 'organisation', 'legal-term'];

export function tallyByKind(documents: readonly TalliedDocument[], options: TallyOptions = {}): KindTally[] {
  const needle = options.filter?.trim().toLowerCase() ?? '';
  const groupsByKind = new Map<AnnotationKind, Map<string, { label: string; occurrences: TallyOccurrence[] }>>();
  for (const kind of kindOrder) groupsByKind.set(kind, new Map());

  for (const { docId, analysis } of documents) {
    for (const annotation of analysis.annotations) {
      const { key, label } = groupOf(annotation);
      const groups = groupsByKind.get(annotation.kind);
      if (!groups) continue;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { label, occurrences: [] }));
      group.occurrences.push({ docId, start: annotation.start, end: annotation.end, line: annotation.line, text: annotation.text, annotation });
    }
  }

  const result: KindTally[] = [];
  for (const kind of kindOrder) {
    const groups: TallyGroup[] = [];
    for (const [key, { label, occurrences }] of groupsByKind.get(kind) ?? []) {
      const kept = needle ? filterOccurrences(key, label, occurrences, needle) : occurrences;
      if (kept.length === 0) continue;
      groups.push({ kind, key, label, occurrences: kept, documentCount: new Set(kept.map((o) => o.docId)).size });
    }
    if (groups.length === 0) continue;
    groups.sort((a, b) => b.occurrences.length - a.occurrences.length || a.label.localeCompare(b.label, 'en-GB'));
    result.push({ kind, label: kindLabels[kind], count: groups.reduce((n, g) => n + g.occurrences.length, 0), groups });
  }
  return result;
}

function groupOf(annotation: Annotation): { key: string; label: string } {
  switch (annotation.kind) {
    case 'figure':
      return annotation.counts ? { key: annotation.counts, label: annotation.counts } : { key: '', label: unknownMeasureLabel };
    case 'organisation':
      return { key: annotation.entityId, label: annotation.canonical };
    case 'legal-term':
      return { key: annotation.termId, label: annotation.canonical };
  }
}

function filterOccurrences(key: string, label: string, occurrences: readonly TallyOccurrence[], needle: string): readonly TallyOccurrence[] {
  if (label.toLowerCase().includes(needle) || key.toLowerCase().includes(needle)) return occurrences;
  return occurrences.filter((o) => o.text.toLowerCase().includes(needle));
}
