import type { Logger } from '../types';
import { nullLogger } from '../types';
import { checkDocument } from './checks';
import { claimsOf, type LinkableClaim } from './claims';
import { relinkGroup } from './link';
import { Group } from './groups';
import { SortedRecords } from './sortedRecords';
import { lexiconResolver, type OrganisationResolver } from './organisations';
import { readReferenceTable } from './reference';
import type { ArithmeticCheck, CrossSourceRecord, ReferenceProblem, SourceDocument } from './types';

export interface RecordIndexOptions {
  readonly logger?: Logger;
  /** Maps reference tables' organisation names to figure claimant ids; default: the built-in lexicon. */
  readonly resolveOrganisation?: OrganisationResolver;
}

/** What an update changed: the records that were relinked, by id before and after. */
export interface RecordUpdate {
  readonly changedRecords: readonly string[];
}

/**
 * The cross-source record of a workspace, kept up to date one document at a time. Updating a document
 * relinks only the partitions (measure, unit, place, subject, organisation) its old and new figures fall
 * in, and rechecks only that document, so one edit costs in proportion to what it touches.
 */
export interface RecordIndex {
  upsert(doc: SourceDocument): RecordUpdate;
  /** Upserts a document prepared elsewhere (a worker thread): its claims and checks, as `prepareSource` made them. */
  upsertPrepared(docId: string, prepared: PreparedSource): RecordUpdate;
  /**
   * Replaces a document's claims without relinking: `flush` relinks every group staged documents
   * touched, once. Indexing many documents this way costs each group one relink, not one per document.
   */
  stage(docId: string, prepared: PreparedSource): void;
  /** Relinks what `stage` touched, a group at a time until `shouldYield()` says stop; `done` when nothing is left. */
  flush(shouldYield?: () => boolean): RecordUpdate & { readonly done: boolean };
  /** Upserts many documents, relinking each touched group once: the way to index a workspace. */
  upsertAll(docs: readonly SourceDocument[]): RecordUpdate;
  remove(docId: string): RecordUpdate;
  /** Adds or replaces a reference table; returns the rows it could not use. */
  addReference(tableId: string, text: string, format?: 'csv' | 'json'): readonly ReferenceProblem[];
  removeReference(tableId: string): RecordUpdate;
  records(): readonly CrossSourceRecord[];
  record(recordId: string): CrossSourceRecord | undefined;
  recordFor(docId: string, annotationId: string): CrossSourceRecord | undefined;
  /** Records with at least one claim in the document, in the order their first claim appears. */
  recordsFor(docId: string): readonly CrossSourceRecord[];
  checksFor(docId: string): readonly ArithmeticCheck[];
  conflicts(): readonly CrossSourceRecord[];
}

/** A document as the record keeps it: its linkable claims and its own arithmetic checks. */
export interface PreparedSource {
  readonly claims: readonly LinkableClaim[];
  readonly checks: readonly ArithmeticCheck[];
}

/** What the record needs of a document, made from its analysis (on any thread; the result is plain data). */
export function prepareSource(doc: SourceDocument, logger: Logger = nullLogger): PreparedSource {
  try {
    const claims = claimsOf(doc);
    return { claims, checks: checkDocument(doc, claims) };
  } catch (e) {
    logger.error(`record: could not check ${doc.id}`, e);
    return { claims: [], checks: [] };
  }
}

const docSource = (id: string) => `d\u0000${id}`;
const refSource = (id: string) => `r\u0000${id}`;

export function createRecordIndex(options: RecordIndexOptions = {}): RecordIndex {
  const logger = options.logger ?? nullLogger;
  const resolveOrganisation = options.resolveOrganisation ?? lexiconResolver();
  const sources = new Map<string, readonly LinkableClaim[]>();
  const checks = new Map<string, readonly ArithmeticCheck[]>();
  const groups = new Map<string, Group>();
  const byId = new Map<string, CrossSourceRecord>();
  const byAnnotation = new Map<string, Map<string, string>>();
  const sorted = new SortedRecords(byId);
  const conflicts = new SortedRecords(byId, (r) => r.status === 'conflict');

  function replaceSource(source: string, claims: readonly LinkableClaim[], touched = new Set<string>(), defer = false): RecordUpdate {
    for (const c of sources.get(source) ?? []) {
      touched.add(c.partitionKey);
      groups.get(c.partitionKey)?.remove(source);
    }
    if (claims.length) sources.set(source, claims);
    else sources.delete(source);
    const fresh = new Map<string, LinkableClaim[]>();
    for (const c of claims) (fresh.get(c.partitionKey) ?? fresh.set(c.partitionKey, []).get(c.partitionKey)!).push(c);
    for (const [key, list] of fresh) {
      touched.add(key);
      (groups.get(key) ?? groups.set(key, new Group()).get(key)!).set(source, list);
    }
    return defer ? { changedRecords: [] } : relinkAll(touched);
  }

  function relinkAll(touched: Iterable<string>): RecordUpdate {
    const changed: CrossSourceRecord[] = [];
    for (const key of touched) relink(key, changed);
    return updateOf(changed);
  }

  function updateOf(changed: readonly CrossSourceRecord[]): RecordUpdate {
    // Listed when asked: indexing a workspace changes every record, and `buildRecord` never asks.
    let ids: readonly string[] | undefined;
    return {
      get changedRecords() {
        return (ids ??= [...new Set(changed.map((r) => r.recordId))].sort());
      },
    };
  }

  function prepare(doc: SourceDocument): readonly LinkableClaim[] {
    return keep(doc.id, prepareSource(doc, logger));
  }

  function keep(docId: string, prepared: PreparedSource): readonly LinkableClaim[] {
    checks.set(docId, prepared.checks);
    return prepared.claims;
  }

  /** Groups staged documents touched and that are not relinked yet. */
  const staged = new Set<string>();

  /** Relinks one partition; `changed` gets the records it removed and added. */
  function relink(key: string, changed: CrossSourceRecord[]): void {
    const group = groups.get(key);
    if (!group) return;
    const claims = group.claims();
    const { group: linked, added, removed } = claims.length ? relinkGroup(claims, group.linked, { sorted: true }) : { group: undefined, added: [], removed: group.linked?.records ?? [] };
    for (const r of removed) {
      changed.push(r);
      byId.delete(r.recordId);
      sorted.drop(r);
      conflicts.drop(r);
      for (const c of r.claims) {
        const ids = byAnnotation.get(c.docId);
        if (ids?.get(c.annotationId) === r.recordId) ids.delete(c.annotationId);
      }
    }
    for (const r of added) {
      changed.push(r);
      byId.set(r.recordId, r);
      sorted.add(r);
      conflicts.add(r);
      for (const c of r.claims) (byAnnotation.get(c.docId) ?? byAnnotation.set(c.docId, new Map()).get(c.docId)!).set(c.annotationId, r.recordId);
    }
    if (linked) group.linked = linked;
    else groups.delete(key);
  }

  const index: RecordIndex = {
    upsert(doc) {
      return replaceSource(docSource(doc.id), prepare(doc));
    },
    upsertPrepared(docId, prepared) {
      return replaceSource(docSource(docId), keep(docId, prepared));
    },
    stage(docId, prepared) {
      replaceSource(docSource(docId), keep(docId, prepared), staged, true);
    },
    flush(shouldYield) {
      const changed: CrossSourceRecord[] = [];
      for (const key of staged) {
        staged.delete(key);
        relink(key, changed);
        if (shouldYield?.()) break;
      }
      return Object.assign(updateOf(changed), { done: staged.size === 0 });
    },
    upsertAll(docs) {
      const touched = new Set<string>();
      for (const doc of docs) replaceSource(docSource(doc.id), prepare(doc), touched, true);
      return relinkAll(touched);
    },
    remove(docId) {
      checks.delete(docId);
      const update = replaceSource(docSource(docId), []);
      byAnnotation.delete(docId);
      return update;
    },
    addReference(tableId, text, format) {
      const parsed = readReferenceTable(text, { tableId, resolveOrganisation, ...(format ? { format } : {}) });
      replaceSource(refSource(tableId), parsed.claims);
      return parsed.problems;
    },
    removeReference(tableId) {
      return replaceSource(refSource(tableId), []);
    },
    records() {
      return sorted.all().slice();
    },
    record(recordId) {
      return byId.get(recordId);
    },
    recordFor(docId, annotationId) {
      const id = byAnnotation.get(docId)?.get(annotationId);
      return id === undefined ? undefined : byId.get(id);
    },
    recordsFor(docId) {
      const ids = new Set(byAnnotation.get(docId)?.values() ?? []);
      const first = (r: CrossSourceRecord) => Math.min(...r.claims.filter((c) => c.docId === docId).map((c) => c.start));
      return [...ids].map((id) => byId.get(id)!).filter(Boolean).sort((a, b) => first(a) - first(b));
    },
    checksFor(docId) {
      return checks.get(docId) ?? [];
    },
    conflicts() {
      return conflicts.all().slice();
    },
  };
  return Object.freeze(index);
}

export interface RecordReferenceTable {
  readonly tableId: string;
  readonly text: string;
  readonly format?: 'csv' | 'json';
}

export interface BuiltRecord {
  readonly records: readonly CrossSourceRecord[];
  readonly checks: Record<string, readonly ArithmeticCheck[]>;
  readonly annotationRecord: Record<string, Record<string, string>>;
  readonly problems: readonly ReferenceProblem[];
}

/** The record of a set of documents in one go: what `createRecordIndex` holds after upserting them all. */
export function buildRecord(docs: readonly SourceDocument[], references: readonly RecordReferenceTable[] = [], options: RecordIndexOptions = {}): BuiltRecord {
  const index = createRecordIndex(options);
  const problems = references.flatMap((t) => index.addReference(t.tableId, t.text, t.format));
  index.upsertAll(docs);
  const checks: Record<string, readonly ArithmeticCheck[]> = {};
  const annotationRecord: Record<string, Record<string, string>> = {};
  for (const d of docs) checks[d.id] = index.checksFor(d.id);
  const records = index.records();
  for (const r of records) for (const c of r.claims) if (!c.isReference) (annotationRecord[c.docId] ??= {})[c.annotationId] = r.recordId;
  return { records, checks, annotationRecord, problems };
}
