/**
 * The Tally view's model: how many figures, organisations and legal terms a set of documents holds,
 * grouped by kind, then by what a figure measures or which entity a name refers to. Pure, so the
 * grouping is tested without an editor and the CLI could print the same table.
 */
import type { Annotation, AnnotationKind, DocumentAnalysis, Span } from './types';
import { pacer, runAtOnce } from './slices';

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

/** One document's annotations by kind, then by group key: what the document adds to a tally. */
type DocumentGroups = ReadonlyMap<AnnotationKind, ReadonlyMap<string, { readonly label: string; readonly annotations: readonly Annotation[] }>>;

/**
 * Each analysis's groups, worked out once: the Tally view is rebuilt whenever any document changes, and
 * regrouping every annotation of a 1,000-document workspace on each change held the editor for over
 * 100 ms. An analysis never changes once made (a new version is a new object), so it is the key; the
 * entry goes when the analysis does.
 */
const groupsOfAnalysis = new WeakMap<DocumentAnalysis, DocumentGroups>();

function* documentGroups(analysis: DocumentAnalysis): Generator<void, DocumentGroups> {
  const known = groupsOfAnalysis.get(analysis);
  if (known) return known;
  const often = pacer(2_000);
  const byKind = new Map<AnnotationKind, Map<string, { label: string; annotations: Annotation[] }>>();
  for (const annotation of analysis.annotations) {
    if (often()) yield;
    const { key, label } = groupOf(annotation);
    let groups = byKind.get(annotation.kind);
    if (!groups) byKind.set(annotation.kind, (groups = new Map()));
    const group = groups.get(key);
    if (group) group.annotations.push(annotation);
    else groups.set(key, { label, annotations: [annotation] });
  }
  groupsOfAnalysis.set(analysis, byKind);
  return byKind;
}

/** A group's share from one document. */
interface Part {
  readonly docId: string;
  readonly annotations: readonly Annotation[];
}

function occurrencesOf(parts: readonly Part[]): TallyOccurrence[] {
  const out: TallyOccurrence[] = [];
  for (const { docId, annotations } of parts) {
    for (const annotation of annotations)
      out.push({ docId, start: annotation.start, end: annotation.end, line: annotation.line, text: annotation.text, annotation });
  }
  return out;
}

/**
 * A group whose occurrences are listed when first read: the view shows a group's count long before
 * anyone expands it, and a tally of a large workspace holds hundreds of thousands of occurrences.
 */
function lazyGroup(kind: AnnotationKind, key: string, label: string, parts: readonly Part[]): TallyGroup {
  let occurrences: readonly TallyOccurrence[] | undefined;
  const group = { kind, key, label, documentCount: parts.length };
  return Object.defineProperty(group, 'occurrences', { enumerable: true, get: () => (occurrences ??= occurrencesOf(parts)) }) as TallyGroup;
}

export function tallyByKind(documents: readonly TalliedDocument[], options: TallyOptions = {}): KindTally[] {
  return runAtOnce(tallySteps(documents, options));
}

/**
 * `tallyByKind` with pauses, for a host that must not be held while a workspace is tallied: a document
 * at a time, and a large document's annotations a few thousand at a time.
 */
export function* tallySteps(documents: readonly TalliedDocument[], options: TallyOptions = {}): Generator<void, KindTally[]> {
  const needle = options.filter?.trim().toLowerCase() ?? '';
  const partsByKind = new Map<AnnotationKind, Map<string, { label: string; parts: Part[]; count: number }>>();
  for (const kind of kindOrder) partsByKind.set(kind, new Map());

  for (const { docId, analysis } of documents) {
    yield;
    for (const [kind, groups] of yield* documentGroups(analysis)) {
      const merged = partsByKind.get(kind);
      if (!merged) continue;
      for (const [key, { label, annotations }] of groups) {
        const group = merged.get(key);
        if (group) {
          group.parts.push({ docId, annotations });
          group.count += annotations.length;
        } else merged.set(key, { label, parts: [{ docId, annotations }], count: annotations.length });
      }
    }
  }

  const result: KindTally[] = [];
  for (const kind of kindOrder) {
    const groups: { group: TallyGroup; count: number }[] = [];
    for (const [key, { label, parts, count }] of partsByKind.get(kind) ?? []) {
      yield;
      if (!needle || label.toLowerCase().includes(needle) || key.toLowerCase().includes(needle)) {
        groups.push({ group: lazyGroup(kind, key, label, parts), count });
        continue;
      }
      const kept = occurrencesOf(parts).filter((o) => o.text.toLowerCase().includes(needle));
      if (kept.length)
        groups.push({ group: { kind, key, label, occurrences: kept, documentCount: new Set(kept.map((o) => o.docId)).size }, count: kept.length });
    }
    if (groups.length === 0) continue;
    groups.sort((a, b) => b.count - a.count || a.group.label.localeCompare(b.group.label, 'en-GB'));
    result.push({ kind, label: kindLabels[kind], count: groups.reduce((n, g) => n + g.count, 0), groups: groups.map((g) => g.group) });
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
