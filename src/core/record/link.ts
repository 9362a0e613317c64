import { intersectAll, isExact, type Interval } from './interval';
import { stableHash } from './format';
import { judge } from './judge';
import { daysOf, type LinkableClaim } from './claims';
import type { Claim, CrossSourceRecord } from './types';

interface Cluster {
  organisation?: string;
  operation?: string;
  readonly froms: string[];
  readonly tos: string[];
  readonly docs: Set<string>;
  /** Smallest and largest stated value of the members, in the base unit. */
  lo: number;
  hi: number;
  /** Publication days of the members, for period-less figures. */
  readonly days: number[];
  readonly members: LinkableClaim[];
  common: Interval | undefined;
  /** Creation order, for keeping candidate lists in the order clusters were made. */
  seq: number;
}

/** Dates at different granularity agree when the coarser is a prefix of the finer ("2019-11" and "2019-11-01"). */
function datesAgree(a: string, b: string): boolean {
  return a.length <= b.length ? b.startsWith(a) : a.startsWith(b);
}

/** How far apart two documents' publication dates may be for their period-less figures to be linked. */
export const SAME_TIME_DAYS = 31;

/** How far from a period a period-less figure's publication may be and still be about that period. */
export const NEAR_PERIOD_DAYS = 365;

function nearPeriod(day: number, froms: readonly string[], tos: readonly string[]): boolean {
  const starts = froms.map(daysOf).filter((d): d is number => d !== undefined);
  const ends = tos.map(daysOf).filter((d): d is number => d !== undefined);
  const start = starts.length ? Math.min(...starts) : undefined;
  const end = ends.length ? Math.max(...ends) : undefined;
  if (start !== undefined && day < start - NEAR_PERIOD_DAYS) return false;
  if (end !== undefined && day > end + NEAR_PERIOD_DAYS) return false;
  return true;
}

/** Without a stated period, values further apart than this factor are not linked. */
export const RESTATEMENT_RATIO = 1.5;

function withinRestatementRatio(v: number, k: Cluster): boolean {
  const lo = Math.min(k.lo, v);
  const hi = Math.max(k.hi, v);
  if (hi === lo) return true;
  return lo > 0 && hi / lo <= RESTATEMENT_RATIO;
}

function compatible(c: LinkableClaim, k: Cluster): boolean {
  if (c.organisation && k.organisation && c.organisation !== k.organisation) return false;
  if (c.operation && k.operation && c.operation !== k.operation) return false;
  if (c.periodFrom && !k.froms.every((d) => datesAgree(d, c.periodFrom!))) return false;
  if (c.periodTo && !k.tos.every((d) => datesAgree(d, c.periodTo!))) return false;
  // Without an agreed period, figures far apart count different things ("two men arrested" on the A11 is
  // not a restatement of the week's 290 arrests); a restatement error is a near miss (40 for 43, 300 for 290).
  const periodAgreed = (c.periodFrom || c.periodTo) && (k.froms.length || k.tos.length);
  if (!periodAgreed && !withinRestatementRatio(c.point, k)) return false;
  if (k.docs.has(c.claim.docId)) {
    // Within one paragraph or list a writer states each exact figure once: "aged 23 and 19", or three
    // sentences in one list, are different things, not a restatement.
    if (c.block < 0 || !isExact(c.claim)) return true;
    return !k.members.some((m) => m.claim.docId === c.claim.docId && m.block === c.block && m.point !== c.point && isExact(m.claim));
  }
  // A figure that states no period is about the time it was published: a month apart, it is another count.
  const periodless = !c.periodFrom && !c.periodTo && k.froms.length === 0 && k.tos.length === 0;
  if (periodless && c.day !== undefined && k.days.length > 0 && !k.days.some((d) => Math.abs(d - c.day!) <= SAME_TIME_DAYS)) return false;
  // A figure that states no period is about its own time: not a period more than a year away from it
  // (a 2020 release's "87 lines closed" is not the 2023 week's count; a 2023 budget may well be for 2024).
  if (!c.periodFrom && !c.periodTo && c.day !== undefined && (k.froms.length || k.tos.length) && !nearPeriod(c.day, k.froms, k.tos)) return false;
  if ((c.periodFrom || c.periodTo) && k.froms.length === 0 && k.tos.length === 0 && k.days.length > 0 && !k.days.some((d) => nearPeriod(d, c.periodFrom ? [c.periodFrom] : [], c.periodTo ? [c.periodTo] : []))) return false;
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
  const k: Cluster = { lo: Infinity, hi: -Infinity, froms: [], tos: [], docs: new Set(), days: [], members: [], common: c.interval, seq: 0 };
  join(k, c);
  return k;
}

function join(k: Cluster, c: LinkableClaim): void {
  k.organisation ??= c.organisation;
  k.operation ??= c.operation;
  if (c.periodFrom && !k.froms.includes(c.periodFrom)) k.froms.push(c.periodFrom);
  if (c.periodTo && !k.tos.includes(c.periodTo)) k.tos.push(c.periodTo);
  k.docs.add(c.claim.docId);
  k.lo = Math.min(k.lo, c.point);
  k.hi = Math.max(k.hi, c.point);
  if (c.day !== undefined && !k.days.includes(c.day)) k.days.push(c.day);
  if (k.members.length) k.common = k.common && intersectAll([k.common, c.interval]);
  k.members.push(c);
}

/** The claims of one group that the record would link together, without building records (for in-document checks). */
export function linkedSets(claims: readonly LinkableClaim[]): LinkableClaim[][] {
  return cluster(claims).map((k) => k.members);
}

function cluster(claims: readonly LinkableClaim[]): Cluster[] {
  const sorted = [...claims].sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
  const clusters = new ClusterList();
  const undecided: LinkableClaim[] = [];
  for (const c of sorted) {
    const fits = clusters.candidates(c).filter((k) => compatible(c, k));
    if (fits.length === 0) clusters.add(newCluster(c));
    else if (fits.length === 1) clusters.join(fits[0], c);
    else {
      const chosen = pick(fits, c);
      if (chosen) clusters.join(chosen, c);
      else undecided.push(c);
    }
  }
  const loners = new ClusterList();
  for (const c of undecided) {
    const home = loners.candidates(c).find((k) => compatible(c, k));
    if (home) loners.join(home, c);
    else loners.add(newCluster(c));
  }
  return [...clusters.all, ...loners.all];
}

/**
 * Links the claims of one group (same measure, unit, place and subject) into records. Claims are taken
 * most specific first, in a fixed order, so the result depends only on the claims, never on the order
 * documents were indexed. A claim that fits several records (it states less than they do) joins the one
 * in its own document, else the one its value agrees with; if that is still ambiguous it stands alone.
 */
export function linkGroup(claims: readonly LinkableClaim[], previous: readonly CrossSourceRecord[] = []): CrossSourceRecord[] {
  const clusters = cluster(claims);
  const seen = new Map<string, number>();
  const before = new Map(previous.map((r) => [r.key, r] as const));
  return clusters.map((k) => {
    const key = keyOf(k, seen);
    const old = before.get(key);
    // Unchanged members (the same claim objects) make the same record: keep it, so updates stay cheap.
    if (old && old.claims.length === k.members.length && sameClaims(old, k)) return old;
    return toRecord(k, key);
  });
}

/**
 * Clusters in creation order, indexed by organisation: a claim with a known organisation can only join a
 * cluster of that organisation or of none, which keeps linking a workspace-wide group (every "arrests"
 * figure) close to linear.
 */
class ClusterList {
  readonly all: Cluster[] = [];
  private readonly byOrganisation = new Map<string, Cluster[]>();
  private readonly withoutOrganisation: Cluster[] = [];

  candidates(c: LinkableClaim): Cluster[] {
    if (!c.organisation) return this.all;
    const same = this.byOrganisation.get(c.organisation) ?? [];
    if (this.withoutOrganisation.length === 0) return same;
    return [...same, ...this.withoutOrganisation].sort((a, b) => a.seq - b.seq);
  }

  add(k: Cluster): void {
    k.seq = this.all.length;
    this.all.push(k);
    this.file(k);
  }

  join(k: Cluster, c: LinkableClaim): void {
    const hadOrganisation = k.organisation !== undefined;
    join(k, c);
    if (!hadOrganisation && k.organisation !== undefined) {
      this.withoutOrganisation.splice(this.withoutOrganisation.indexOf(k), 1);
      this.file(k);
    }
  }

  private file(k: Cluster): void {
    if (k.organisation === undefined) this.withoutOrganisation.push(k);
    else (this.byOrganisation.get(k.organisation) ?? this.byOrganisation.set(k.organisation, []).get(k.organisation)!).push(k);
  }
}

function sameClaims(old: CrossSourceRecord, k: Cluster): boolean {
  const claims = new Set<Claim>(old.claims);
  return k.members.every((m) => claims.has(m.claim));
}

function pick(fits: Cluster[], c: LinkableClaim): Cluster | undefined {
  const sameDoc = fits.filter((k) => k.docs.has(c.claim.docId));
  const pool = sameDoc.length ? sameDoc : fits;
  if (pool.length === 1) return pool[0];
  const agreeing = pool.filter((k) => k.common && intersectAll([k.common, c.interval]));
  return agreeing.length === 1 ? agreeing[0] : undefined;
}

function coarsest(dates: readonly string[]): string {
  return [...dates].sort((a, b) => a.length - b.length || (a < b ? -1 : 1))[0] ?? '';
}

function periodOf(k: Cluster): string | undefined {
  return k.froms.length || k.tos.length ? `${coarsest(k.froms)}..${coarsest(k.tos)}` : undefined;
}

function keyOf(k: Cluster, seen: Map<string, number>): string {
  const first = k.members[0];
  const period = periodOf(k);
  const parts = [first.measure, first.family, k.organisation ?? '', k.operation ?? '', period ?? '', first.place ?? '', first.subject ?? ''];
  // With nothing known beyond the measure, the record can only be one document's (see `compatible`).
  if (!k.organisation && !k.operation && !period) parts.push(`doc:${first.claim.docId}`);
  const key = parts.join('|');
  const n = (seen.get(key) ?? 0) + 1;
  seen.set(key, n);
  return n > 1 ? `${key}#${n}` : key;
}

function toRecord(k: Cluster, key: string): CrossSourceRecord {
  const first = k.members[0];
  const period = periodOf(k);
  const recordId = `r-${slug(first.measure)}-${stableHash(key)}`;
  const claims = k.members
    .map((m) => (m.claim = { ...m.claim, recordId }))
    .sort((a, b) => Number(!!b.isReference) - Number(!!a.isReference) || (a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : a.start - b.start));
  const docs = new Set(claims.map((c) => c.docId));
  const { status, explanation } = judge(k.members, claims, docs.size);
  return {
    recordId,
    key,
    measure: first.measure,
    unit: first.family,
    ...(first.subject ? { subject: first.subject } : {}),
    ...(k.organisation ? { organisation: k.organisation } : {}),
    ...(k.operation ? { operation: k.operation } : {}),
    ...(period ? { period } : {}),
    ...(first.place ? { place: first.place } : {}),
    claims,
    status,
    sourceCount: docs.size,
    explanation,
  };
}

function slug(s: string): string {
  return s.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 32) || 'figure';
}
