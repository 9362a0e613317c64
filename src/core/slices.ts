/**
 * Work that would hold a host's event loop too long is written as a generator that yields between
 * small steps; `runInSlices` runs it, giving the event loop a turn whenever a slice has run for the
 * scheduler's budget. Draining the same generator synchronously (`runAtOnce`) gives the same result,
 * which is how the synchronous APIs and the tests use it.
 */
import type { SliceScheduler } from './incremental';

export type { SliceScheduler };

export interface SlicedRun<T> {
  readonly value: T;
  /** The longest time, in ms, the work ran without yielding. */
  readonly longestSliceMs: number;
}

export async function runInSlices<T>(steps: Generator<void, T>, scheduler: SliceScheduler): Promise<SlicedRun<T>> {
  let longest = 0;
  let sliceStart = scheduler.now();
  for (let r = steps.next(); ; r = steps.next()) {
    const now = scheduler.now();
    if (r.done) return { value: r.value, longestSliceMs: Math.max(longest, now - sliceStart) };
    if (now - sliceStart < scheduler.budgetMs) continue;
    longest = Math.max(longest, now - sliceStart);
    await scheduler.yieldNow();
    sliceStart = scheduler.now();
  }
}

export function runAtOnce<T>(steps: Generator<void, T>): T {
  for (let r = steps.next(); ; r = steps.next()) if (r.done) return r.value;
}

/**
 * The same work for a caller that keeps its own time: `step(shouldYield)` runs the generator until
 * `shouldYield()` says stop at one of its pauses (or to the end without one) and tells whether it has
 * ended; `finish()` runs what is left and gives the result.
 */
export class SteppedRun<T> {
  private outcome: { readonly value: T } | undefined;

  constructor(private readonly steps: Generator<void, T>) {}

  step(shouldYield?: () => boolean): boolean {
    while (!this.outcome) {
      const r = this.steps.next();
      if (r.done) this.outcome = { value: r.value };
      else if (shouldYield?.()) return false;
    }
    return true;
  }

  finish(): T {
    this.step();
    return this.outcome!.value;
  }
}

/** For a pause inside a tight loop: true every `every`th call, where yielding (and reading the clock) each time would cost more than the step. */
export function pacer(every: number): () => boolean {
  let n = 0;
  return () => ++n % every === 0;
}

/** A stable sort in steps (bottom-up merge sort), for arrays too long to sort in one slice. Returns a new array. */
export function* sortInSteps<T>(items: readonly T[], compare: (a: T, b: T) => number, comparisonsPerStep = 20_000): Generator<void, T[]> {
  let from = [...items];
  if (from.length < 2) return from;
  let to = new Array<T>(from.length);
  let budget = comparisonsPerStep;
  for (let width = 1; width < from.length; width *= 2) {
    for (let lo = 0; lo < from.length; lo += 2 * width) {
      const mid = Math.min(lo + width, from.length);
      const hi = Math.min(lo + 2 * width, from.length);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        to[k++] = compare(from[j], from[i]) < 0 ? from[j++] : from[i++];
        if (--budget === 0) {
          budget = comparisonsPerStep;
          yield;
        }
      }
      while (i < mid) to[k++] = from[i++];
      while (j < hi) to[k++] = from[j++];
    }
    [from, to] = [to, from];
  }
  return from;
}
