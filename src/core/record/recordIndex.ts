import type { Logger } from '../types';
import { nullLogger } from '../types';
import { withPlainSpaces } from '../text/spaces';
import { withEmphasisAsSpaces } from '../text/emphasis';
import { withWrappedLinesJoined } from '../text/wrappedLines';
import { checkDocument } from './checks';
import { claimsOf, eventPartitionKey, isEventPartition, periodPartitionKey, type LinkableClaim } from './claims';
import type { PossibleMatch } from './eventLink';
import { EventIndex, type EventPlacement } from './events';
import { relinking } from './link';
import { runAtOnce, SteppedRun } from '../slices';
import { profileOf, type DocumentProfile } from './profile';
import { documentScopes } from './scope';
import { teaserLines } from './roles';
import { rowAt } from './rows';
import { Group } from './groups';
import { SortedRecords } from './sortedRecords';
import { lexiconResolver, type OrganisationResolver } from './organisations';
import { readReferenceTable } from './reference';
import type { ArithmeticCheck, CrossSourceRecord, DocumentEvent, PossiblySame, ReferenceProblem, SourceDocument } from './types';

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
  /**
   * Replaces a document's claims (as `prepareSource` made them, on any thread) without relinking:
   * `flush` places every staged document in its event and relinks every group they touched, once.
   * Indexing many documents this way costs each group one relink, not one per document.
   */
  stage(docId: string, prepared: PreparedSource): void;
  /**
   * Relinks what `stage` touched, a group at a time until `shouldYield()` says stop; `done` when nothing
   * is left. The documents staged since the last flush are placed in their events in `order` (by
   * default the order they were staged): events depend on the order documents arrive in, so a caller
   * whose documents arrive in no fixed order (from worker threads) gives one. Placing them in events
   * also yields when `shouldYield()` says so; a change made before the next flush finishes it first.
   */
  flush(shouldYield?: () => boolean, order?: (a: string, b: string) => number): RecordUpdate & { readonly done: boolean };
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
  /** Every event: the documents that report it and the evidence that joined them. */
  events(): readonly DocumentEvent[];
  /** The event a document reports (on its own, one of its own). */
  eventOf(docId: string): DocumentEvent | undefined;
  /** Pairs of records that may count the same thing but were not joined: shown at a lower severity than conflicts. */
  possiblySame(): readonly PossiblySame[];
}

/**
 * A document's profile as it crosses threads: plain data (the scopes it was read with hold a function,
 * and nothing reads them after `profileOf`).
 */
export type PreparedProfile = Omit<DocumentProfile, 'scopes'>;

/** A document as the record keeps it: its linkable claims, its own arithmetic checks and its event profile. */
export interface PreparedSource {
  readonly claims: readonly LinkableClaim[];
  readonly checks: readonly ArithmeticCheck[];
  /** Undefined when the document could not be read: it then reports no event. */
  readonly profile?: PreparedProfile;
}

/** What the record needs of a document, made from its analysis (on any thread; the result is plain data). */
export function prepareSource(source: SourceDocument, logger: Logger = nullLogger): PreparedSource {
  // Read with plain spaces, Markdown's emphasis markers as spaces and hard-wrapped paragraphs as one
  // line, as its analysis was (text/spaces.ts, emphasis.ts, wrappedLines.ts), at the same offsets.
  const text = withWrappedLinesJoined(withEmphasisAsSpaces(withPlainSpaces(source.text)));
  const doc = withoutTeaserFigures(text === source.text ? source : { ...source, text, analysis: quotedAsRead(source.analysis, text) });
  try {
    const scopes = documentScopes(doc);
    const claims = claimsOf(doc, scopes);
    const checks = checkDocument(doc, claims);
    return { claims, checks, profile: withoutScopes(profileOf(doc, scopes)) };
  } catch (e) {
    logger.error(`record: could not check ${doc.id}`, e);
    return { claims: [], checks: [] };
  }
}

/**
 * Each annotation quoted as a reader sees it, in the record's claims and messages: "£26 million" where
 * the document wraps a line between them or bolds half of it ("£26\nmillion", "**£26** million"),
 * so a message in the Problems panel or a CLI line is one line of plain words.
 */
function quotedAsRead(analysis: SourceDocument['analysis'], text: string): SourceDocument['analysis'] {
  let changed = false;
  const annotations = analysis.annotations.map((a) => {
    const quoted = text.slice(a.start, a.end).replace(/\s+/g, ' ').trim();
    if (quoted === a.text || !quoted) return a;
    changed = true;
    return { ...a, text: quoted };
  });
  return changed ? { ...analysis, annotations } : analysis;
}

/** The document without the figures of its links to other stories (see `teaserLines`): they are not its claims. */
function withoutTeaserFigures(doc: SourceDocument): SourceDocument {
  const teasers = teaserLines(doc.text);
  if (!teasers.size) return doc;
  const annotations = doc.analysis.annotations.filter((a) => a.kind !== 'figure' || !teasers.has(rowAt(doc.text, a.start)));
  return annotations.length === doc.analysis.annotations.length ? doc : { ...doc, analysis: { ...doc.analysis, annotations } };
}

function withoutScopes(profile: DocumentProfile): PreparedProfile {
  const { scopes: _scopes, ...plain } = profile;
  return plain;
}

/** Documents whose claims are kept and whose placement in events is under way. */
interface Keeping {
  readonly placement: EventPlacement;
  readonly ids: readonly string[];
  /** Once the events are resolved: the documents whose claims go to other partitions, and how many have. */
  moving?: readonly string[];
  moved: number;
}

const docSource = (id: string) => `d\u0000${id}`;
const refSource = (id: string) => `r\u0000${id}`;
/** The options of a partition that is not an event's: its claims are kept in order. */
const SORTED = { sorted: true } as const;

export function createRecordIndex(options: RecordIndexOptions = {}): RecordIndex {
  const logger = options.logger ?? nullLogger;
  const resolveOrganisation = options.resolveOrganisation ?? lexiconResolver();
  /**
   * Claims as read: a reference table's always, a document's until it is placed in its event (see
   * `replace`); and every source's claims as placed (in their partitions).
   */
  const read = new Map<string, readonly LinkableClaim[]>();
  const sources = new Map<string, readonly LinkableClaim[]>();
  const checks = new Map<string, readonly ArithmeticCheck[]>();
  const groups = new Map<string, Group>();
  const byId = new Map<string, CrossSourceRecord>();
  const byAnnotation = new Map<string, Map<string, string>>();
  const sorted = new SortedRecords(byId);
  const conflicts = new SortedRecords(byId, (r) => r.status === 'conflict');
  const events = new EventIndex();
  const possibles = new Map<string, readonly PossibleMatch[]>();
  const affinity = (a: string, b: string) => events.affinity(a, b);

  /** A source's claims in the partitions of their event (documents) or of the event their period is (reference rows). */
  function placed(source: string, claims: readonly LinkableClaim[]): LinkableClaim[] {
    const docId = source.slice(2);
    const isDoc = source.startsWith('d');
    const event = isDoc ? events.eventOf(docId) : undefined;
    return claims.map((c) => {
      let key: string;
      let at: string | undefined;
      if (isDoc && c.framed) {
        at = event ?? docId;
        key = eventPartitionKey(at, c.family, c.scope);
      } else if (!isDoc && (at = events.eventForPeriod(c.periodFrom, c.periodTo))) {
        key = eventPartitionKey(at, c.family, c.scope);
      } else {
        at = undefined;
        key = periodPartitionKey(c.hardKey, c.scope);
      }
      if (key === c.partitionKey && at === c.event) return c;
      // A reference row placed in an event is taken first there: it is the authoritative statement.
      const order = !isDoc && at && !c.order.startsWith('0\u0000') ? `0\u0000${c.order}` : c.order;
      return { ...c, partitionKey: key, event: at, order };
    });
  }

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

  /**
   * Places again the claims of documents whose event changed, and reference rows whose period's event did.
   * A document's claims as read are dropped once placed: placing copies a claim whose event partition
   * differs, and a corpus's record held every such claim twice. Placed again later, a document's placed
   * claims serve (`placed` derives the partition from fields placing never changes).
   */
  function replace(changedDocs: Iterable<string>, touched: Set<string>): void {
    for (const d of changedDocs) replaceDoc(d, touched);
    replaceReferenceRows(touched);
  }

  function replaceDoc(d: string, touched: Set<string>): void {
    const source = docSource(d);
    const claims = read.get(source) ?? sources.get(source);
    read.delete(source);
    if (claims) replaceSource(source, placed(source, claims), touched, true);
    else replaceSource(source, [], touched, true);
  }

  function replaceReferenceRows(touched: Set<string>): void {
    for (const [source, claims] of read) {
      if (!source.startsWith('r')) continue;
      const now = placed(source, claims);
      const before = sources.get(source) ?? [];
      if (now.length !== before.length || now.some((c, i) => c.partitionKey !== before[i].partitionKey)) replaceSource(source, now, touched, true);
    }
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

  /** Keeps prepared documents and places them in their events; `touched` gets the partitions to relink. */
  function keepAll(docs: Iterable<readonly [string, PreparedSource]>, touched: Set<string>): void {
    settle();
    keepingSteps(beginKeeping(docs), touched);
  }

  /** Documents' claims and checks kept, and their placement in events begun (see `EventIndex.beginUpsert`). */
  function beginKeeping(docs: Iterable<readonly [string, PreparedSource]>): Keeping {
    const profiles: DocumentProfile[] = [];
    const ids: string[] = [];
    for (const [docId, prepared] of docs) {
      ids.push(docId);
      checks.set(docId, prepared.checks);
      read.set(docSource(docId), prepared.claims);
      // The profile's scopes are never read once it is made (see PreparedProfile).
      if (prepared.profile) profiles.push(prepared.profile as DocumentProfile);
      else events.remove(docId);
    }
    return { placement: events.beginUpsert(profiles), ids, moved: 0 };
  }

  /**
   * Goes on placing until `shouldYield()` says stop: the events resolved, then each document whose event
   * changed moved to its partitions (`touched` gets them). True when done; without `shouldYield`, at once.
   */
  function keepingSteps(k: Keeping, touched: Set<string>, shouldYield?: () => boolean): boolean {
    if (!k.moving) {
      if (shouldYield && !k.placement.step(shouldYield)) return false;
      const changed = k.placement.finish();
      for (const id of k.ids) changed.add(id);
      k.moving = [...changed];
    }
    while (k.moved < k.moving.length) {
      replaceDoc(k.moving[k.moved++], touched);
      if (shouldYield?.()) return false;
    }
    replaceReferenceRows(touched);
    return true;
  }

  /**
   * Staged documents a flush began to place in their events and yielded before finishing: a 1,000-document
   * scan's placement held the editor's thread for over 120 ms in one piece, so `flush` weighs them, resolves
   * the events and moves their claims in slices. Any other change to the record first finishes it
   * (`settle`), so none sees half-placed events. Queries in between see the records as they were: a
   * record changes only when its partition is relinked.
   */
  let keeping: Keeping | undefined;

  /**
   * A partition a flush began to relink and yielded before finishing (a large one takes tens of
   * milliseconds), with the records it changed; and the changes of one that `settle` finished, which
   * the next flush reports.
   */
  let relinkingNow: { readonly run: SteppedRun<void>; readonly changed: CrossSourceRecord[] } | undefined;
  let settledChanges: CrossSourceRecord[] = [];

  function settle(): void {
    if (relinkingNow) {
      relinkingNow.run.finish();
      settledChanges.push(...relinkingNow.changed);
      relinkingNow = undefined;
    }
    if (!keeping) return;
    const unfinished = keeping;
    keeping = undefined;
    keepingSteps(unfinished, staged);
  }

  function upsertDocs(docs: readonly SourceDocument[]): RecordUpdate {
    const touched = new Set<string>();
    keepAll(
      docs.map((doc) => {
        pending.delete(doc.id);
        return [doc.id, prepareSource(doc, logger)] as const;
      }),
      touched,
    );
    return relinkAll(touched);
  }

  /** Documents staged and not yet placed in their events, in the order they came. */
  const pending = new Map<string, PreparedSource>();
  /** Partitions staged documents touched and that are not relinked yet. */
  const staged = new Set<string>();

  /** Relinks one partition; `changed` gets the records it removed and added. */
  function relink(key: string, changed: CrossSourceRecord[]): void {
    runAtOnce(relinkSteps(key, changed));
  }

  /** `relink` with pauses: the records change only at its end, in one piece. */
  function* relinkSteps(key: string, changed: CrossSourceRecord[]): Generator<void, void> {
    const group = groups.get(key);
    if (!group) return;
    const claims = group.claims();
    const possible: PossibleMatch[] = [];
    const eventPartition = isEventPartition(key);
    const {
      group: linked,
      added,
      removed,
    } = claims.length
      ? yield* relinking(claims, group.linked, eventPartition ? { sorted: true, affinity, possible } : SORTED)
      : { group: undefined, added: [], removed: group.linked?.records ?? [] };
    if (possible.length) possibles.set(key, possible);
    else possibles.delete(key);
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

  function recordOfClaim(c: LinkableClaim): string | undefined {
    return byAnnotation.get(c.claim.docId)?.get(c.claim.annotationId);
  }

  const index: RecordIndex = {
    upsert(doc) {
      return upsertDocs([doc]);
    },
    stage(docId, prepared) {
      // Its checks are known at once; its claims are placed with every other staged document's at `flush`.
      checks.set(docId, prepared.checks);
      pending.set(docId, prepared);
    },
    flush(shouldYield, order) {
      const changed = settledChanges;
      settledChanges = [];
      const unfinished = () => Object.assign(updateOf(changed), { done: false });
      // A partition left half relinked is finished first: placing more documents would change its claims.
      if (relinkingNow) {
        if (!relinkingNow.run.step(shouldYield)) return unfinished();
        changed.push(...relinkingNow.changed);
        relinkingNow = undefined;
        if (shouldYield?.()) return Object.assign(updateOf(changed), { done: staged.size === 0 && pending.size === 0 });
      }
      if (!keeping && pending.size) {
        const docs = [...pending];
        if (order) docs.sort((a, b) => order(a[0], b[0]));
        pending.clear();
        keeping = beginKeeping(docs);
      }
      if (keeping) {
        if (!keepingSteps(keeping, staged, shouldYield)) return unfinished();
        keeping = undefined;
        if (shouldYield?.()) return Object.assign(updateOf(changed), { done: staged.size === 0 });
      }
      for (const key of staged) {
        staged.delete(key);
        // The run keeps its own list: a flush that returns before it ends has reported what it had.
        const own: CrossSourceRecord[] = [];
        relinkingNow = { run: new SteppedRun(relinkSteps(key, own)), changed: own };
        if (!relinkingNow.run.step(shouldYield)) return unfinished();
        changed.push(...relinkingNow.changed);
        relinkingNow = undefined;
        if (shouldYield?.()) break;
      }
      return Object.assign(updateOf(changed), { done: staged.size === 0 });
    },
    upsertAll(docs) {
      return upsertDocs(docs);
    },
    remove(docId) {
      settle();
      pending.delete(docId);
      checks.delete(docId);
      read.delete(docSource(docId));
      const touched = new Set<string>();
      // Its claims go first: placing the documents whose event changed takes a document's placed claims.
      replaceSource(docSource(docId), [], touched, true);
      replace(events.remove(docId), touched);
      const update = relinkAll(touched);
      byAnnotation.delete(docId);
      return update;
    },
    addReference(tableId, text, format) {
      settle();
      const parsed = readReferenceTable(text, { tableId, resolveOrganisation, ...(format ? { format } : {}) });
      read.set(refSource(tableId), parsed.claims);
      replaceSource(refSource(tableId), placed(refSource(tableId), parsed.claims));
      return parsed.problems;
    },
    removeReference(tableId) {
      settle();
      read.delete(refSource(tableId));
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
      return [...ids]
        .map((id) => byId.get(id)!)
        .filter(Boolean)
        .sort((a, b) => first(a) - first(b));
    },
    checksFor(docId) {
      return checks.get(docId) ?? [];
    },
    conflicts() {
      return conflicts.all().slice();
    },
    events() {
      return events.all();
    },
    eventOf(docId) {
      const id = events.eventOf(docId);
      return id ? events.event(id) : undefined;
    },
    possiblySame() {
      const out: PossiblySame[] = [];
      for (const list of possibles.values()) {
        for (const p of list) {
          const a = recordOfClaim(p.claim);
          const b = recordOfClaim(p.cluster.members[0]);
          if (!a || !b || a === b) continue;
          const them = p.cluster.members[0].claim;
          out.push({
            records: [a, b],
            message: `“${p.claim.claim.text}” (${p.claim.claim.docId}, line ${p.claim.claim.line + 1}) is possibly the same figure as “${them.text}” (${them.docId}, line ${them.line + 1}), and would disagree with it; they were not joined because ${p.why}.`,
          });
        }
      }
      return out.sort((x, y) => (x.records[0] < y.records[0] ? -1 : x.records[0] > y.records[0] ? 1 : 0));
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
  readonly events: readonly DocumentEvent[];
  readonly possiblySame: readonly PossiblySame[];
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
  return { records, events: index.events(), possiblySame: index.possiblySame(), checks, annotationRecord, problems };
}
