/**
 * The record of a very large corpus can outgrow the heap Node allows the process (about a quarter of
 * the machine's memory by default, at most 4 GB or so). V8 then aborts with a fatal error and a native
 * stack trace, after minutes of garbage collection, and the report is lost. The guard watches the
 * heap and, while there is still room to say so, stops the run with a message that names the limit
 * and how to raise it.
 */
import * as v8 from 'node:v8';

/** Heap statistics as the guard reads them (a subset of `v8.getHeapStatistics()`). */
export interface HeapReading {
  readonly used_heap_size: number;
  readonly heap_size_limit: number;
}

/** Used heap above this share of the limit counts as full. */
export const FULL_SHARE = 0.88;
/** Full at this many readings in a row. The collector frees garbage between readings, so one high reading means little. */
export const FULL_READINGS = 5;

/**
 * Decides, reading by reading, whether the heap stays full: the used heap, after whatever the
 * collector freed since the last reading, above `share` of the limit `readings` times running.
 */
export function heapWatch(share = FULL_SHARE, readings = FULL_READINGS): (r: HeapReading) => boolean {
  let full = 0;
  return (r) => {
    full = r.used_heap_size > share * r.heap_size_limit ? full + 1 : 0;
    return full >= readings;
  };
}

export interface HeapGuard {
  dispose(): void;
}

/**
 * Reads the heap every `intervalMs` and calls `onFull` once with the limit in MB when it stays full.
 * The timer never keeps the process alive.
 */
export function guardHeap(onFull: (limitMb: number) => void, intervalMs = 1000, read: () => HeapReading = v8.getHeapStatistics): HeapGuard {
  const isFull = heapWatch();
  const timer = setInterval(() => {
    const reading = read();
    if (!isFull(reading)) return;
    clearInterval(timer);
    onFull(Math.round(reading.heap_size_limit / 1048576));
  }, intervalMs);
  timer.unref();
  return { dispose: () => clearInterval(timer) };
}

/** What the CLI says when it stops: the limit, how to raise it, and the other way out. */
export function heapFullMessage(limitMb: number, analysed: number, total: number): string {
  const suggested = Math.max(limitMb * 2, 8192);
  return (
    `stopped with ${analysed.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} documents analysed: the cross-source record of this corpus ` +
    `needs more memory than this Node process may use (heap limit ${limitMb.toLocaleString('en-GB')} MB). ` +
    `Raise the limit, for example NODE_OPTIONS=--max-old-space-size=${suggested}, or cross-check the corpus in parts.`
  );
}
