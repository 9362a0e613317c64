import type { LinkableClaim } from './claims';
import type { LinkedGroup } from './link';

const byOrder = (a: LinkableClaim, b: LinkableClaim) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0);

/**
 * The claims of one partition by source, kept in linking order between updates: a one-document update
 * removes that document's claims and merges its new ones in, instead of sorting the whole partition again.
 */
export class Group {
  linked: LinkedGroup | undefined;
  private readonly bySource = new Map<string, readonly LinkableClaim[]>();
  private ordered: LinkableClaim[] | undefined = [];
  /**
   * Claims set since `ordered` was last brought up to date, and claims of `ordered` removed since. A
   * claim set and then removed again before the next read is dropped from `incoming`, not listed as
   * removed: a document staged by a scan and changed in an editor before its group was relinked kept
   * its old claims beside its new ones, and every record of them held the document twice.
   */
  private readonly incoming = new Set<LinkableClaim>();
  private readonly removed = new Set<LinkableClaim>();

  set(source: string, claims: readonly LinkableClaim[]): void {
    this.remove(source);
    this.bySource.set(source, claims);
    if (!this.ordered) return;
    for (const c of claims) {
      // Set again after being removed: it is still in `ordered`.
      if (this.removed.has(c)) this.removed.delete(c);
      else this.incoming.add(c);
    }
  }

  remove(source: string): void {
    const old = this.bySource.get(source);
    if (!old) return;
    this.bySource.delete(source);
    if (!this.ordered) return;
    // Many changes at once (indexing a workspace): sorting everything once is cheaper than merging each.
    if (this.removed.size + old.length > 64) {
      this.ordered = undefined;
      this.incoming.clear();
      this.removed.clear();
      return;
    }
    for (const c of old) {
      if (this.incoming.has(c)) this.incoming.delete(c);
      else this.removed.add(c);
    }
  }

  /** Every claim of the partition, in `order`. */
  claims(): readonly LinkableClaim[] {
    if (!this.ordered) {
      this.ordered = [...this.bySource.values()].flat().sort(byOrder);
    } else if (this.incoming.size || this.removed.size) {
      const removed = this.removed;
      const kept = removed.size ? this.ordered.filter((c) => !removed.has(c)) : this.ordered;
      this.ordered = mergeSorted(kept, [...this.incoming].sort(byOrder));
    }
    this.incoming.clear();
    this.removed.clear();
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
