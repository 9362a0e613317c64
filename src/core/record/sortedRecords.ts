import type { CrossSourceRecord } from './types';

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
