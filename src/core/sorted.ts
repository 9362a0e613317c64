/** The index of the first of `sorted` (in order of `startOf`) that starts at or after `at`: a binary search. */
export function firstFrom<T>(sorted: readonly T[], at: number, startOf: (x: T) => number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (startOf(sorted[mid]) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
