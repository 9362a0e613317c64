import type { LinkableClaim } from './claims';
import type { LinkedGroup } from './link';
import type { CrossSourceRecord } from './types';

const byOrder = (a: LinkableClaim, b: LinkableClaim) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0);

/**
 * The claims of one partition by source, kept in linking order between updates: a one-document update
 * removes that document's claims and merges its new ones in, instead of sorting the whole partition again.
 */
export class Group {
  linked: LinkedGroup | undefined;
  private readonly bySource = new Map<string, readonly LinkableClaim[]>();
  private ordered: LinkableClaim[] | undefined = [];
  /** Claims set since `ordered` was last brought up to date. */
  private incoming: LinkableClaim[] = [];
  private removed = new Set<LinkableClaim>();

  set(source: string, claims: readonly LinkableClaim[]): void {
    this.remove(source);
    this.bySource.set(source, claims);
    if (this.ordered) this.incoming.push(...claims);
  }

  remove(source: string): void {
    const old = this.bySource.get(source);
    if (!old) return;
    this.bySource.delete(source);
    if (!this.ordered) return;
    // Many changes at once (indexing a workspace): sorting everything once is cheaper than merging each.
    if (this.removed.size + old.length > 64) {
      this.ordered = undefined;
      this.incoming = [];
      this.removed.clear();
      return;
    }
    for (const c of old) this.removed.add(c);
  }

  /** Every claim of the partition, in `order`. */
  claims(): readonly LinkableClaim[] {
    if (!this.ordered) {
      this.ordered = [...this.bySource.values()].flat().sort(byOrder);
    } else if (this.incoming.length || this.removed.size) {
      const removed = this.removed;
      const kept = removed.size ? this.ordered.filter((c) => !removed.has(c)) : this.ordered;
      this.ordered = mergeSorted(kept, this.incoming.sort(byOrder));
    }
    this.incoming = [];
    this.removed = new Set();
    return this.ordered;
  }
}

function mergeSorted(a: readonly LinkableClaim[], b: readonly LinkableClaim[]): LinkableClaim[] {
  if (!b.length) return a as LinkableClaim[];
  const out: LinkableClaim[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) out[n++] = byOrder(b[j], a[i]) < 0 ? b[j++] : a[i++];
  while (i < a.length) out[n++] = a[i++];
  while (j < b.length) out[n++] = b[j++];
  return out;
}

const byId = (a: CrossSourceRecord, b: CrossSourceRecord) => (a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0);

/** Above this many changes since the last listing, sorting everything again is cheaper than splicing each. */
const MAX_SPLICES = 256;

/**
 * Records sorted by id, kept between calls: after an update only the records it replaced are spliced out
 * and the ones it added spliced in by binary search. Walking all records instead costs milliseconds on a
 * large workspace: each one is a cache miss.
 */
export class SortedRecords {
  private sorted: CrossSourceRecord[] = [];
  private added: CrossSourceRecord[] = [];
  private dropped: CrossSourceRecord[] = [];
  private rebuild = false;

  /**
   * `live` maps each live record's id to the live record; `include` picks the records this list holds
   * (all of them, or only conflicts).
   */
  constructor(
    private readonly live: ReadonlyMap<string, CrossSourceRecord>,
    private readonly include: (r: CrossSourceRecord) => boolean = () => true,
  ) {}

  add(r: CrossSourceRecord): void {
    if (!this.include(r) || this.rebuild) return;
    this.added.push(r);
    if (this.added.length + this.dropped.length > MAX_SPLICES) this.startOver();
  }

  drop(r: CrossSourceRecord): void {
    if (!this.include(r) || this.rebuild) return;
    this.dropped.push(r);
    if (this.added.length + this.dropped.length > MAX_SPLICES) this.startOver();
  }

  /** The live records this list holds, by id. The array is shared: copy it before handing it out. */
  all(): readonly CrossSourceRecord[] {
    if (this.rebuild) {
      this.sorted = [...this.live.values()].filter(this.include).sort(byId);
      this.rebuild = false;
    } else {
      for (const r of this.dropped) {
        const at = this.indexOf(r);
        if (at < this.sorted.length && this.sorted[at] === r) this.sorted.splice(at, 1);
      }
      // A record added and replaced again since the last listing is no longer live.
      for (const r of this.added) if (this.live.get(r.recordId) === r) this.sorted.splice(this.indexOf(r), 0, r);
    }
    this.added = [];
    this.dropped = [];
    return this.sorted;
  }

  private startOver(): void {
    this.rebuild = true;
    this.added = [];
    this.dropped = [];
  }

  /** Where `r` is or would go: the first record whose id is not below its id. */
  private indexOf(r: CrossSourceRecord): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid].recordId < r.recordId) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
