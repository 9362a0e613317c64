import { intersect, intersectAll, isExact, type Interval } from './interval';
import { stableHash } from './format';
import { judge } from './judge';
import { isEventPartition, type LinkableClaim } from './claims';
import { eventClusters, eventClustering, type Affinity, type PossibleMatch } from './eventLink';
import { pacer, runAtOnce } from '../slices';
import { ClusterIndex, type Indexed } from './clusterIndex';
import type { Claim, CrossSourceRecord } from './types';
import { NEAR_PERIOD_DAYS, SAME_TIME_DAYS } from './window';

export { NEAR_PERIOD_DAYS, SAME_TIME_DAYS } from './window';

interface Cluster extends Indexed {
  organisation?: string;
  operation?: string;
  froms: readonly string[];
  tos: readonly string[];
  readonly docs: string[];
  /** `docs` as a set once there are enough for looking them up one by one to cost. */
  docSet: Set<string> | undefined;
  /** Smallest and largest stated value of the members, in the base unit. */
  lo: number;
  hi: number;
  /** Publication days of the members, for period-less figures. */
  days: readonly number[];
  readonly members: LinkableClaim[];
  common: Interval | undefined;
  /** Earliest start and latest end of the members' periods, in days, where they are dates. */
  minStart: number | undefined;
  maxEnd: number | undefined;
}

/** Dates at different granularity agree when the coarser is a prefix of the finer ("2019-11" and "2019-11-01"). */
function datesAgree(a: string, b: string): boolean {
  return a.length <= b.length ? b.startsWith(a) : a.startsWith(b);
}

/**
 * Is a period-less figure published on `day` near the period? A count up to a date with no start ("by the
 * end of March 2023") is a running total: a figure published more than a year before its end counted less.
 */
function nearPeriod(day: number, start: number | undefined, end: number | undefined): boolean {
  const from = start ?? end;
  if (from !== undefined && day < from - NEAR_PERIOD_DAYS) return false;
  if (end !== undefined && day > end + NEAR_PERIOD_DAYS) return false;
  return true;
}

function everyAgrees(dates: readonly string[], d: string): boolean {
  for (const x of dates) if (!datesAgree(x, d)) return false;
  return true;
}

function someDayWithin(days: readonly number[], day: number): boolean {
  for (const d of days) if (Math.abs(d - day) <= SAME_TIME_DAYS) return true;
  return false;
}

function someDayNear(days: readonly number[], start: number | undefined, end: number | undefined): boolean {
  for (const d of days) if (nearPeriod(d, start, end)) return true;
  return false;
}

/** Without a stated period, values further apart than this factor are not linked. */
export const RESTATEMENT_RATIO = 1.5;

function withinRestatementRatio(v: number, k: Cluster): boolean {
  const lo = Math.min(k.lo, v);
  const hi = Math.max(k.hi, v);
  if (hi === lo) return true;
  return lo > 0 && hi / lo <= RESTATEMENT_RATIO;
}

/** Most clusters hold a few documents' figures: a Set for each would cost more than it saves. */
function hasDoc(k: Cluster, docId: string): boolean {
  if (k.docs.length <= 8) return k.docs.includes(docId);
  k.docSet ??= new Set(k.docs);
  return k.docSet.has(docId);
}

function compatible(c: LinkableClaim, k: Cluster): boolean {
  if (c.organisation && k.organisation && c.organisation !== k.organisation) return false;
  if (c.operation && k.operation && c.operation !== k.operation) return false;
  if (c.periodFrom && !everyAgrees(k.froms, c.periodFrom)) return false;
  if (c.periodTo && !everyAgrees(k.tos, c.periodTo)) return false;
  const clusterHasPeriod = k.froms.length > 0 || k.tos.length > 0;
  const claimHasPeriod = !!(c.periodFrom || c.periodTo);
  // Without an agreed period, figures far apart count different things ("two men arrested" on the A11 is
  // not a restatement of the week's 290 arrests); a restatement error is a near miss (40 for 43, 300 for 290).
  if (!(claimHasPeriod && clusterHasPeriod) && !withinRestatementRatio(c.point, k)) return false;
  if (hasDoc(k, c.claim.docId)) {
    // Within one paragraph or list a writer states each exact figure once: "aged 23 and 19", or three
    // sentences in one list, are different things, not a restatement.
    if (c.block < 0 || !isExact(c.claim)) return true;
    return !k.members.some((m) => m.claim.docId === c.claim.docId && m.block === c.block && m.point !== c.point && isExact(m.claim));
  }
  // A figure that states no period is about the time it was published: a month apart, it is another count.
  if (!claimHasPeriod && !clusterHasPeriod && c.day !== undefined && k.days.length > 0 && !someDayWithin(k.days, c.day)) return false;
  // A figure that states no period is about its own time: not a period more than a year away from it
  // (a 2020 release's "87 lines closed" is not the 2023 week's count; a 2023 budget may well be for 2024).
  if (!claimHasPeriod && c.day !== undefined && clusterHasPeriod && !nearPeriod(c.day, k.minStart, k.maxEnd)) return false;
  if (claimHasPeriod && !clusterHasPeriod && k.days.length > 0 && !someDayNear(k.days, c.periodStart, c.periodEnd)) return false;
  // Across documents, "nothing contradicts" is not enough: something known must positively agree, or every
  // "arrests" figure in the workspace would be compared with every other.
  return (
    (c.organisation !== undefined && c.organisation === k.organisation) ||
    (c.operation !== undefined && c.operation === k.operation) ||
    (c.periodFrom !== undefined && k.froms.length > 0) ||
    (c.periodTo !== undefined && k.tos.length > 0)
  );
}

function newCluster(c: LinkableClaim): Cluster {
  const k: Cluster = {
    organisation: undefined,
    operation: undefined,
    lo: Infinity,
    hi: -Infinity,
    froms: NONE,
    tos: NONE,
    docs: [],
    docSet: undefined,
    days: NONE,
    members: [],
    common: c.interval,
    minStart: undefined,
    maxEnd: undefined,
    windowLo: c.windowLo,
    windowHi: c.windowHi,
    seq: 0,
    mark: 0,
    bucketLo: 0,
    bucketHi: -1,
  };
  join(k, c);
  return k;
}

/** Most clusters never state a period: they share one empty list until they do. */
const NONE: readonly never[] = Object.freeze([]);

function appended<T>(list: readonly T[], x: T): readonly T[] {
  if (list === NONE) return [x];
  (list as T[]).push(x);
  return list;
}

function join(k: Cluster, c: LinkableClaim): void {
  k.organisation ??= c.organisation;
  k.operation ??= c.operation;
  if (c.periodFrom && !k.froms.includes(c.periodFrom)) {
    k.froms = appended(k.froms, c.periodFrom);
    if (c.periodStart !== undefined && !(k.minStart! <= c.periodStart)) k.minStart = c.periodStart;
  }
  if (c.periodTo && !k.tos.includes(c.periodTo)) {
    k.tos = appended(k.tos, c.periodTo);
    if (c.periodEnd !== undefined && !(k.maxEnd! >= c.periodEnd)) k.maxEnd = c.periodEnd;
  }
  if (!hasDoc(k, c.claim.docId)) {
    k.docs.push(c.claim.docId);
    k.docSet?.add(c.claim.docId);
  }
  k.lo = Math.min(k.lo, c.point);
  k.hi = Math.max(k.hi, c.point);
  if (c.day !== undefined && !k.days.includes(c.day)) k.days = appended(k.days, c.day);
  if (k.members.length) k.common = k.common && intersect(k.common, c.interval);
  k.windowLo = Math.min(k.windowLo, c.windowLo);
  k.windowHi = Math.max(k.windowHi, c.windowHi);
  k.members.push(c);
}

/** The claims of one group that the record would link together, without building records (for in-document checks). */
export function linkedSets(claims: readonly LinkableClaim[]): LinkableClaim[][] {
  if (claims.length && isEventPartition(claims[0].partitionKey)) return eventClusters([...claims].sort(byOrder)).map((k) => k.members);
  return cluster(claims).map((k) => k.members);
}

const byOrder = (a: LinkableClaim, b: LinkableClaim) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0);

export interface LinkOptions {
  /** The claims are already in `order` (the record index keeps them so), which saves sorting them. */
  readonly sorted?: boolean;
  /** Try every cluster for every claim instead of looking candidates up by time: the reference for tests. */
  readonly exhaustive?: boolean;
  /** For an event's partition: the evidence between two of its documents (events.ts). */
  readonly affinity?: Affinity;
  /** Collects claims kept out of a record they may belong to (see `PossibleMatch`). */
  readonly possible?: PossibleMatch[];
}

/** What a record is made from: its members, and what they agree on beyond the partition. */
interface Formed {
  readonly members: LinkableClaim[];
  readonly organisation?: string;
  readonly operation?: string;
  /** The period key ("from..to"), worked out only when a record is built. */
  period(): string | undefined;
  /** For an event's records: measure|family|scope|event:id|subject. */
  readonly eventKey?: string;
}

function* forming(claims: readonly LinkableClaim[], options: LinkOptions): Generator<void, Formed[]> {
  if (claims.length && isEventPartition(claims[0].partitionKey)) {
    const ordered = options.sorted ? claims : [...claims].sort(byOrder);
    const clusters = yield* eventClustering(ordered, options.affinity, options.possible);
    return clusters.map((k) => {
      const first = k.members[0];
      const measure = commonest(k.members.map((m) => m.measure));
      const organisation = commonest(
        k.members.map((m) => m.organisation).filter((o): o is string => !!o),
        true,
      );
      const eventKey = `${measure}|${first.family}|${first.scope}|event:${first.event ?? first.claim.docId}|${k.subject ?? ''}`;
      // One shape for every cluster (no spread): tens of thousands are formed while a workspace is indexed.
      return { members: k.members, organisation: organisation || undefined, operation: undefined, period: () => statedPeriod(k.members), eventKey };
    });
  }
  const clusters = yield* clustering(claims, options);
  return clusters.map((k) => ({
    members: k.members,
    organisation: k.organisation,
    operation: k.operation,
    period: () => periodOf(k),
    eventKey: undefined,
  }));
}

/** The period the members state ("from..to", the coarsest statement of each end), where any states one. */
function statedPeriod(members: readonly LinkableClaim[]): string | undefined {
  const froms = [...new Set(members.map((m) => m.periodFrom).filter((d): d is string => !!d))];
  const tos = [...new Set(members.map((m) => m.periodTo).filter((d): d is string => !!d))];
  return froms.length || tos.length ? `${coarsest(froms)}..${coarsest(tos)}` : undefined;
}

/** The most frequent value, the first of equally frequent ones; with `unanimous`, only one all share. */
function commonest(values: readonly string[], unanimous = false): string | undefined {
  if (!values.length) return undefined;
  if (values.length === 1) return values[0];
  if (unanimous) return values.every((v) => v === values[0]) ? values[0] : undefined;
  const n = new Map<string, number>();
  let best = values[0];
  for (const v of values) {
    const c = (n.get(v) ?? 0) + 1;
    n.set(v, c);
    if (c > n.get(best)!) best = v;
  }
  return best;
}

function cluster(claims: readonly LinkableClaim[], options: LinkOptions = {}): Cluster[] {
  return runAtOnce(clustering(claims, options));
}

function* clustering(claims: readonly LinkableClaim[], options: LinkOptions = {}): Generator<void, Cluster[]> {
  const often = pacer(64);
  const ordered = options.sorted ? claims : [...claims].sort(byOrder);
  const minIndexed = options.exhaustive ? Infinity : undefined;
  const clusters = new ClusterIndex<Cluster>(minIndexed);
  const undecided: LinkableClaim[] = [];
  const fits: Cluster[] = [];
  for (const c of ordered) {
    if (often()) yield;
    fits.length = 0;
    for (const k of clusters.candidates(c.claim.docId, c.windowLo, c.windowHi)) if (compatible(c, k)) fits.push(k);
    if (fits.length === 0) clusters.add(newCluster(c));
    else if (fits.length === 1) joinIndexed(clusters, fits[0], c);
    else {
      const chosen = pick(fits, c);
      if (chosen) joinIndexed(clusters, chosen, c);
      else undecided.push(c);
    }
  }
  const loners = new ClusterIndex<Cluster>(minIndexed);
  for (const c of undecided) {
    if (often()) yield;
    const home = loners.candidates(c.claim.docId, c.windowLo, c.windowHi).find((k) => compatible(c, k));
    if (home) joinIndexed(loners, home, c);
    else loners.add(newCluster(c));
  }
  return [...clusters.all, ...loners.all];
}

function joinIndexed(index: ClusterIndex<Cluster>, k: Cluster, c: LinkableClaim): void {
  const hadDoc = hasDoc(k, c.claim.docId);
  join(k, c);
  index.grew(k, c.claim.docId, hadDoc);
}

/** A record with its claims in the order its cluster's members joined, to tell an unchanged cluster in one pass. */
interface LinkedRecord {
  readonly record: CrossSourceRecord;
  readonly members: readonly Claim[];
  /** The key without its number, and the number ("#2") among records of that base key: `record.key` in parts. */
  readonly base: string;
  readonly n: number;
  /** The relink that last kept it: the previous records not kept by this one are gone. */
  keptBy: number;
}

let relinks = 0;

/** A group's records, by the claim of their first member: what the next relink of the group reuses. */
export interface LinkedGroup {
  readonly records: readonly CrossSourceRecord[];
  readonly byFirstMember: ReadonlyMap<Claim, LinkedRecord>;
}

export interface Relinked {
  readonly group: LinkedGroup;
  /** Records that are new objects, and previous records that are gone (replaced or no longer there). */
  readonly added: readonly CrossSourceRecord[];
  readonly removed: readonly CrossSourceRecord[];
}

/**
 * Links the claims of one group (same measure, unit, place and subject) into records. Claims are taken
 * most specific first, in a fixed order, so the result depends only on the claims, never on the order
 * documents were indexed. A claim that fits several records (it states less than they do) joins the one
 * in its own document, else the one its value agrees with; if that is still ambiguous it stands alone.
 *
 * A record of `previous` with the same claim objects is kept as it is when its key is the same, and
 * copied under its new id when only its number changed (a new record before it renumbers it). The same
 * members make the same base key, so an unchanged cluster is recognised without building its key.
 */
export function relinkGroup(claims: readonly LinkableClaim[], previous?: LinkedGroup, options: LinkOptions = {}): Relinked {
  return runAtOnce(relinking(claims, previous, options));
}

/**
 * `relinkGroup` with pauses, for a partition too large to link in one slice of the editor's thread (a
 * national figure over years of releases). Nothing outside the group changes until it ends, and the
 * caller lets nothing else change the group until then.
 */
export function* relinking(claims: readonly LinkableClaim[], previous?: LinkedGroup, options: LinkOptions = {}): Generator<void, Relinked> {
  const clusters = yield* forming(claims, options);
  const often = pacer(16);
  const pass = ++relinks;
  const seen = new Map<string, number>();
  // Updated in place: an update keeps most records, so a new table per relink would mostly copy the old one.
  const byFirstMember = (previous?.byFirstMember as Map<Claim, LinkedRecord> | undefined) ?? new Map<Claim, LinkedRecord>();
  const records: CrossSourceRecord[] = [];
  const added: CrossSourceRecord[] = [];
  const removed: CrossSourceRecord[] = [];
  for (const k of clusters) {
    if (often()) yield;
    const old = previous && byFirstMember.get(k.members[0].claim);
    const same = old !== undefined && old.keptBy !== pass && sameMembers(old.members, k);
    let period: string | undefined;
    const base = same ? old.base : baseKeyOf(k, (period = k.period()));
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    let linked: LinkedRecord;
    if (same && old.n === n) {
      // Unchanged members (the same claim objects) under the same key make the same record: keep it.
      linked = old;
    } else {
      const key = n > 1 ? `${base}#${n}` : base;
      linked = same ? renamed(old, k, key, n) : toRecord(k, key, period, base, n);
      added.push(linked.record);
      // New records are filed under claim objects no previous record starts with (copies, or claims no
      // record held); should one ever take over an entry, the record it replaces is gone all the same.
      const replaced = byFirstMember.get(linked.members[0]);
      if (replaced && replaced.keptBy !== pass) removed.push(replaced.record);
      byFirstMember.set(linked.members[0], linked);
    }
    linked.keptBy = pass;
    records.push(linked.record);
  }
  for (const [first, linked] of byFirstMember) {
    if (linked.keptBy === pass) continue;
    removed.push(linked.record);
    byFirstMember.delete(first);
  }
  return { group: { records, byFirstMember }, added, removed };
}

/** The records of one group's claims (see `relinkGroup`). */
export function linkGroup(claims: readonly LinkableClaim[], options: LinkOptions = {}): CrossSourceRecord[] {
  return [...relinkGroup(claims, undefined, options).group.records];
}

/** A record of the same claims under a new key: new claim copies with the new id, the judgement kept. */
function renamed(moved: LinkedRecord, k: Formed, key: string, n: number): LinkedRecord {
  const recordId = recordIdOf(k.members[0].measure, key);
  const copies = new Map<Claim, Claim>();
  const joined = k.members.map((m) => {
    const copy = { ...m.claim, recordId };
    copies.set(m.claim, copy);
    return (m.claim = copy);
  });
  const record: CrossSourceRecord = { ...moved.record, recordId, key, claims: moved.record.claims.map((c) => copies.get(c)!) };
  return { record, members: joined, base: moved.base, n, keptBy: 0 };
}

function sameMembers(claims: readonly Claim[], k: Formed): boolean {
  if (claims.length !== k.members.length) return false;
  for (let i = 0; i < claims.length; i++) if (k.members[i].claim !== claims[i]) return false;
  return true;
}

function pick(fits: Cluster[], c: LinkableClaim): Cluster | undefined {
  const sameDoc = fits.filter((k) => hasDoc(k, c.claim.docId));
  const pool = sameDoc.length ? sameDoc : fits;
  if (pool.length === 1) return pool[0];
  const agreeing = pool.filter((k) => k.common && intersectAll([k.common, c.interval]));
  return agreeing.length === 1 ? agreeing[0] : undefined;
}

/** The shortest date, the first of equally short ones: the coarsest statement of the period. */
function coarsest(dates: readonly string[]): string {
  let best = dates[0] ?? '';
  for (let i = 1; i < dates.length; i++) {
    const d = dates[i];
    if (d.length < best.length || (d.length === best.length && d < best)) best = d;
  }
  return best;
}

function periodOf(k: Cluster): string | undefined {
  return k.froms.length || k.tos.length ? `${coarsest(k.froms)}..${coarsest(k.tos)}` : undefined;
}

/** measure|unit|organisation|operation|period|place|subject: the key before its number among equal keys. */
function baseKeyOf(k: Formed, period: string | undefined): string {
  if (k.eventKey) return k.eventKey;
  const first = k.members[0];
  const key = `${first.measure}|${first.family}|${k.organisation ?? ''}|${k.operation ?? ''}|${period ?? ''}|${first.place ?? ''}|${first.subject ?? ''}`;
  // With nothing known beyond the measure, the record can only be one document's (see `compatible`).
  return !k.organisation && !k.operation && !period ? `${key}|doc:${first.claim.docId}` : key;
}

function toRecord(k: Formed, key: string, period: string | undefined, base: string, n: number): LinkedRecord {
  const first = k.members[0];
  const measure = k.eventKey ? k.eventKey.slice(0, k.eventKey.indexOf('|')) : first.measure;
  const recordId = recordIdOf(measure, key);
  // A claim no record holds yet takes its id in place; one that a record handed out holds is copied, so
  // records already handed out never change.
  const joined = k.members.map((m) =>
    m.claim.recordId === '' ? (((m.claim as { recordId: string }).recordId = recordId), m.claim) : (m.claim = { ...m.claim, recordId }),
  );
  const claims = [...joined].sort(
    (a, b) => Number(!!b.isReference) - Number(!!a.isReference) || (a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : a.start - b.start),
  );
  const docs = new Set(claims.map((c) => c.docId));
  const { status, explanation, rule } = judge(k.members, claims, docs.size);
  // One literal in one order, optional fields undefined rather than absent: every record has one shape,
  // which keeps building tens of thousands of them cheap. JSON leaves the undefined fields out.
  const record: CrossSourceRecord = {
    recordId,
    key,
    measure,
    unit: first.family,
    subject: first.subject || undefined,
    organisation: k.organisation || undefined,
    operation: k.operation || undefined,
    period: period || undefined,
    place: first.place || undefined,
    claims,
    status,
    sourceCount: docs.size,
    explanation,
    event: first.event || undefined,
    scope: first.scope,
    rule: rule || undefined,
    joinedBy: claims.length > 1 ? joinedBy(k, measure, docs.size) : undefined,
  };
  return { record, members: joined, base, n, keptBy: 0 };
}

/**
 * Record ids by key: renumbering (a new "#2" record shifts the later ones) rebuilds records under keys
 * seen before, and hashing a long key costs more than looking it up. Cleared when large, as keys come and go.
 */
const recordIds = new Map<string, { readonly measure: string; readonly id: string }>();

function recordIdOf(measure: string, key: string): string {
  const known = recordIds.get(key);
  if (known && known.measure === measure) return known.id;
  if (recordIds.size >= 100_000) recordIds.clear();
  const id = `r-${slug(measure)}-${stableHash(key)}`;
  recordIds.set(key, { measure, id });
  return id;
}

function slug(s: string): string {
  return (
    s
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 32) || 'figure'
  );
}

/** Why a record's claims were joined, in one sentence (the event's own evidence is listed with the event). */
function joinedBy(k: Formed, measure: string, sources: number): string {
  const first = k.members[0];
  const measures = new Set(k.members.map((m) => m.measure));
  const counts = measures.size === 1 ? `count ${measure}` : `give the same distinctive value for ${[...measures].join(' / ')}`;
  const over = `are ${first.scopeLabel === 'national' ? 'national' : `about ${first.scopeLabel}`}`;
  if (k.eventKey) {
    const about = sources > 1 ? `report the same event${first.event ? ` (${first.event})` : ''}` : 'are in one document';
    return `Joined because they ${about}, ${counts} and ${over}.`;
  }
  return `Joined because they ${counts}${k.period() ? ' for the same period' : ''} and ${over}.`;
}
