/** What the index needs of a cluster: where it sits in time, which documents it holds, when it was made. */
export interface Indexed {
  /** Hull of the members' link windows, in days (see `linkWindow`). */
  windowLo: number;
  windowHi: number;
  readonly docs: readonly string[];
  /** Creation order: candidates are returned in it, as the linker tries clusters oldest first. */
  seq: number;
  /** The query that last returned this cluster, so a query lists each cluster once without a Set. */
  mark: number;
  /** Buckets the cluster is filed under, `bucketLo > bucketHi` while it is filed under none. */
  bucketLo: number;
  bucketHi: number;
}

/** Days per time bucket: about two link windows of a period-less figure. */
const BUCKET_DAYS = 64;
/** A cluster or query spanning more buckets than this is not worth bucketing: it meets almost everything. */
const MAX_BUCKETS = 48;
/** Below this many clusters trying them all is cheaper than filing them (measured on the synthetic and sample workspaces). */
const MIN_INDEXED = 48;

/**
 * Clusters of one group filed by time and by document, so a claim is tried only against the clusters it
 * could join: those of its own document (always allowed) and those whose window overlaps its own. The
 * answer is a superset of the compatible clusters, in creation order, so linking gives exactly what
 * trying every cluster would, in close to linear time on a workspace of many years.
 */
export class ClusterIndex<K extends Indexed> {
  readonly all: K[] = [];
  /** Built on the first query that can rule clusters out. */
  private filed: Filed<K> | undefined;
  private query = 0;
  /** The candidates of the last query: valid until the next one, so a query allocates nothing. */
  private readonly found: K[] = [];
  /** Hull of every cluster's window: a query covering it gets every cluster without a lookup. */
  private lo = Infinity;
  private hi = -Infinity;

  /** `minIndexed`: how many clusters before filing them pays; Infinity tries every cluster (for tests). */
  constructor(private readonly minIndexed = MIN_INDEXED) {}

  /** Clusters a claim of `docId` with window [lo, hi] might join, oldest first; valid until the next call. */
  candidates(docId: string, lo: number, hi: number): readonly K[] {
    const first = Math.floor(lo / BUCKET_DAYS);
    const last = Math.floor(hi / BUCKET_DAYS);
    // Figures that all fall in one stretch of time (one year's releases) meet every cluster: filing them buys nothing.
    if (this.all.length < this.minIndexed || !(last - first <= MAX_BUCKETS) || (lo <= this.lo && hi >= this.hi)) return this.all;
    const filed = this.filed ?? this.fileEverything();
    const mark = ++this.query;
    const out = this.found;
    out.length = 0;
    collect(filed.byDoc.get(docId), mark, out);
    collect(filed.wide, mark, out);
    for (let b = first; b <= last; b++) collect(filed.buckets.get(b), mark, out);
    return out.length > 1 ? out.sort(bySeq) : out;
  }

  add(k: K): void {
    k.seq = this.all.length;
    k.mark = 0;
    k.bucketLo = 0;
    k.bucketHi = -1;
    this.all.push(k);
    this.widen(k);
    if (this.filed) fileAll(this.filed, k);
  }

  /** Call after a cluster gained a member of `docId` and its window may have grown. */
  grew(k: K, docId: string, hadDoc: boolean): void {
    this.widen(k);
    if (!this.filed) return;
    if (!hadDoc) fileDoc(this.filed, k, docId);
    fileTime(this.filed, k);
  }

  private widen(k: K): void {
    if (k.windowLo < this.lo) this.lo = k.windowLo;
    if (k.windowHi > this.hi) this.hi = k.windowHi;
  }

  private fileEverything(): Filed<K> {
    const filed: Filed<K> = { byDoc: new Map(), buckets: new Map(), wide: [] };
    for (const k of this.all) fileAll(filed, k);
    return (this.filed = filed);
  }
}

const bySeq = (a: Indexed, b: Indexed) => a.seq - b.seq;

/** Adds the clusters of `list` that this query has not listed yet. */
function collect<K extends Indexed>(list: readonly K[] | undefined, mark: number, out: K[]): void {
  if (!list) return;
  for (const k of list) {
    if (k.mark === mark) continue;
    k.mark = mark;
    out.push(k);
  }
}

interface Filed<K> {
  readonly byDoc: Map<string, K[]>;
  readonly buckets: Map<number, K[]>;
  /** Clusters with an unbounded or very wide window: candidates for every claim. */
  readonly wide: K[];
}

function fileAll<K extends Indexed>(filed: Filed<K>, k: K): void {
  for (const d of k.docs) fileDoc(filed, k, d);
  fileTime(filed, k);
}

function fileDoc<K extends Indexed>(filed: Filed<K>, k: K, docId: string): void {
  const list = filed.byDoc.get(docId);
  if (list) list.push(k);
  else filed.byDoc.set(docId, [k]);
}

/** Files the cluster under the buckets its window covers that it is not filed under yet (windows only grow). */
function fileTime<K extends Indexed>(filed: Filed<K>, k: K): void {
  if (k.bucketHi === Infinity) return;
  const first = Math.floor(k.windowLo / BUCKET_DAYS);
  const last = Math.floor(k.windowHi / BUCKET_DAYS);
  if (!(last - first <= MAX_BUCKETS)) {
    filed.wide.push(k);
    k.bucketHi = Infinity;
    return;
  }
  for (let b = first; b <= last; b++) {
    if (b >= k.bucketLo && b <= k.bucketHi) continue;
    const list = filed.buckets.get(b);
    if (list) list.push(k);
    else filed.buckets.set(b, [k]);
  }
  const unfiled = k.bucketLo > k.bucketHi;
  k.bucketLo = unfiled ? first : Math.min(first, k.bucketLo);
  k.bucketHi = unfiled ? last : Math.max(last, k.bucketHi);
}
