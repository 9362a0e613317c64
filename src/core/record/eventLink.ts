import type { LinkableClaim } from './claims';
import { asJudged, comparePair, effectiveShape, judgeSet } from './rounding';
import { restates } from './roles';
import { pacer, runAtOnce } from '../slices';

/**
 * Which claims about one event, over one scope and in one unit family, state the same figure. Two claims
 * are the same figure when they count the same thing (the same measure, or a distinctive value both give
 * whatever the extractor called it) with compatible subjects, and their values are close enough to be
 * restatements; a value that disagrees is then a conflict. Within one document a different value is only a
 * restatement between a headline, caption or lede and the body: two values in the body are two things.
 */

/** Values further apart than this factor are not restatements of one figure. */
export const RESTATEMENT_RATIO = 1.5;
/** A value this surprising (in bits: 1,468, 2,664, £426,040) is the same figure whatever it is said to count. */
export const DISTINCTIVE_VALUE_BITS = 6.5;
/** Two documents joined to their event only through others, with nothing between them, are not sure enough to raise a conflict. */
export const DIRECT_EVIDENCE_BITS = 0;

export interface EventCluster {
  readonly members: LinkableClaim[];
  readonly docs: string[];
  readonly measures: Set<string>;
  subject: string | undefined;
  lo: number;
  hi: number;
  /** The most precise exact member: what the others are compared with. */
  reference: LinkableClaim | undefined;
}

/** Evidence in bits between two documents of the event (0 when they are joined only through others). */
export type Affinity = (a: string, b: string) => number;

/** A claim that could be the same figure as a record it was kept out of, and why it was kept out. */
export interface PossibleMatch {
  readonly claim: LinkableClaim;
  readonly cluster: EventCluster;
  readonly why: string;
}

/** "children" and "children involved": one source's words for the figure begin with the other's. */
function samePhrase(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b} `) || b.startsWith(`${a} `);
}

function measuresNest(a: string, b: string): boolean {
  return a.endsWith(` ${b}`) || b.endsWith(` ${a}`);
}

function isExactish(c: LinkableClaim): boolean {
  return effectiveShape(asJudged(c)) === 'exact';
}

function sameValue(a: LinkableClaim, b: LinkableClaim): boolean {
  return Math.abs(a.point - b.point) <= 1e-9 * Math.max(1, Math.abs(a.point));
}

function agreesWith(c: LinkableClaim, k: EventCluster): boolean {
  if (k.reference && k.reference !== c) return comparePair(asJudged(c), asJudged(k.reference)).ok;
  return k.members.every((m) => comparePair(asJudged(c), asJudged(m)).ok);
}

function withinRatio(v: number, k: EventCluster): boolean {
  const lo = Math.min(k.lo, v);
  const hi = Math.max(k.hi, v);
  if (hi === lo) return true;
  return lo > 0 && hi / lo <= RESTATEMENT_RATIO;
}

type MeasureMatch = 'same' | 'nested' | 'value';

function measureMatch(c: LinkableClaim, k: EventCluster): MeasureMatch | undefined {
  if (k.measures.has(c.measure)) return 'same';
  // "1,468" arrests in one document is "1,468" people in another: a distinctive value is the same figure.
  if (c.valueBits >= DISTINCTIVE_VALUE_BITS && isExactish(c) && k.members.some((m) => m.claim.docId !== c.claim.docId && isExactish(m) && sameValue(m, c)))
    return 'value';
  for (const m of k.measures) if (measuresNest(m, c.measure)) return 'nested';
  return undefined;
}

interface Fit {
  readonly score: number;
  /** Set when the claim would conflict with the cluster but the evidence that they are one figure is weak. */
  readonly doubt?: string;
}

function fit(c: LinkableClaim, k: EventCluster): Fit | undefined {
  const match = measureMatch(c, k);
  if (!match) return undefined;
  if (c.subject && k.subject && c.subject !== k.subject && match !== 'value') return undefined;
  if (!withinRatio(c.point, k)) return undefined;
  const agree = agreesWith(c, k);
  const oneSidedSubject = !!c.subject !== !!k.subject;
  // A part ("including 58 children") is never its whole, and a whole is never one of its parts.
  for (const m of k.members) if (m.partOf === c.claim.annotationId || c.partOf === m.claim.annotationId) return undefined;
  let sameDoc = false;
  let phraseMatch = false;
  let crossDoc = false;
  for (const m of k.members) {
    // The rest of a group ("the other eight") is a part of its total, whatever the two figures' positions.
    if ((m.remainder || c.remainder) && !sameValue(m, c)) return undefined;
    if (m.claim.docId === c.claim.docId) {
      sameDoc = true;
      if (sameValue(m, c)) continue;
      if (m.sentenceStart >= 0 && m.sentenceStart === c.sentenceStart) return undefined;
      // Two different counted values in the body are two things; a headline, caption or lede restates.
      if (isExactish(m) && isExactish(c) && !restates(m.role, c.role)) return undefined;
      if (m.block === c.block && m.block >= 0 && isExactish(m) && isExactish(c) && m.role === c.role) return undefined;
    } else {
      crossDoc = true;
      if (m.phrase && c.phrase && samePhrase(m.phrase, c.phrase)) phraseMatch = true;
    }
  }
  // "12 people" in two documents may be any twelve people: a generic measure needs the same words or a distinctive value.
  if ((c.generic || k.members.every((m) => m.generic)) && crossDoc && !sameDoc && !phraseMatch && match !== 'value') return undefined;
  // A part of a total is a sub-count: another source's different value is more likely another sub-count.
  if (!agree && crossDoc && (c.partOf || k.members.some((m) => m.partOf))) return undefined;
  // A looser measure or a missing subject only joins a figure it agrees with: otherwise it is a part or another thing.
  if ((match !== 'same' || oneSidedSubject) && !agree) {
    return match === 'nested' && !oneSidedSubject ? { score: -1, doubt: `it counts ${c.measure}, the record ${[...k.measures][0]}` } : undefined;
  }
  const score =
    (agree ? 4 : 0) +
    (match === 'same' ? 3 : match === 'value' ? 2 : 1) +
    (c.subject && c.subject === k.subject ? 1 : 0) +
    (phraseMatch ? 1 : 0) +
    (k.members.some((m) => sameValue(m, c)) ? 1 : 0);
  return { score };
}

function newCluster(c: LinkableClaim): EventCluster {
  const k: EventCluster = { members: [], docs: [], measures: new Set(), subject: undefined, lo: Infinity, hi: -Infinity, reference: undefined };
  join(k, c);
  return k;
}

function finer(a: LinkableClaim, b: LinkableClaim): boolean {
  const pa = a.claim.precision * (a.point / (a.claim.value || 1));
  const pb = b.claim.precision * (b.point / (b.claim.value || 1));
  return pa < pb;
}

function join(k: EventCluster, c: LinkableClaim): void {
  k.members.push(c);
  if (!k.docs.includes(c.claim.docId)) k.docs.push(c.claim.docId);
  k.measures.add(c.measure);
  k.subject ??= c.subject;
  k.lo = Math.min(k.lo, c.point);
  k.hi = Math.max(k.hi, c.point);
  if (isExactish(c) && (!k.reference || finer(c, k.reference))) k.reference = c;
}

/**
 * The event clusters of one partition's claims, taken in their fixed order so the result never depends on
 * the order documents were indexed. Each claim joins the cluster it fits best (agreeing values first, then
 * the same measure, subject and words); one that fits none starts its own. `possible` collects claims kept
 * out of a cluster they would conflict with because the evidence that they are one figure is weak.
 */
export function eventClusters(claims: readonly LinkableClaim[], affinity?: Affinity, possible?: PossibleMatch[]): EventCluster[] {
  return runAtOnce(eventClustering(claims, affinity, possible));
}

/** `eventClusters` with a pause every few claims: each is tried against every cluster, and a large event has hundreds. */
export function* eventClustering(claims: readonly LinkableClaim[], affinity?: Affinity, possible?: PossibleMatch[]): Generator<void, EventCluster[]> {
  const often = pacer(8);
  const clusters: EventCluster[] = [];
  for (const c of claims) {
    if (often()) yield;
    let best: EventCluster | undefined;
    let bestScore = -Infinity;
    let doubt: { cluster: EventCluster; why: string } | undefined;
    for (const k of clusters) {
      const f = fit(c, k);
      if (!f) continue;
      if (f.doubt) {
        doubt ??= { cluster: k, why: f.doubt };
        continue;
      }
      if (f.score > bestScore) {
        best = k;
        bestScore = f.score;
      }
    }
    if (best) join(best, c);
    else {
      clusters.push(newCluster(c));
      if (doubt && possible) possible.push({ claim: c, cluster: doubt.cluster, why: doubt.why });
    }
  }
  return affinity ? clusters.flatMap((k) => withoutDoubtful(k, affinity, possible)) : clusters;
}

/**
 * A record in conflict keeps only documents with direct evidence of the event between them and another of
 * its documents: a document joined to the event only through others is not sure enough to raise a
 * conflict, so its claims stand alone as "possibly the same".
 */
function withoutDoubtful(k: EventCluster, affinity: Affinity, possible: PossibleMatch[] | undefined): EventCluster[] {
  if (k.docs.length < 2 || judgeSet(k.members).ok) return [k];
  // A reference table is authoritative for the period it gives, not a document that needs evidence of the event.
  const references = new Set(k.members.filter((m) => m.claim.isReference).map((m) => m.claim.docId));
  const doubtful = k.docs.filter((d) => !references.has(d) && !k.docs.some((o) => o !== d && (references.has(o) || affinity(d, o) > DIRECT_EVIDENCE_BITS)));
  if (!doubtful.length || doubtful.length === k.docs.length) return [k];
  const kept = newFrom(k.members.filter((m) => !doubtful.includes(m.claim.docId)));
  const out = [kept];
  for (const d of doubtful) {
    const alone = newFrom(k.members.filter((m) => m.claim.docId === d));
    out.push(alone);
    possible?.push({
      claim: alone.members[0],
      cluster: kept,
      why: 'its document shares no evidence of the event with theirs: it is joined to the event only through other documents',
    });
  }
  return out;
}

function newFrom(members: readonly LinkableClaim[]): EventCluster {
  const k = newCluster(members[0]);
  for (const m of members.slice(1)) join(k, m);
  return k;
}
