/**
 * Work that must not hold its thread in one piece (a workspace's events reclustered, a scan's documents
 * placed) written as a generator that yields where it may pause: `if (due()) yield;`. A `Stepped` job
 * runs in steps, each until its caller's `shouldYield()` says stop, or to its end at once.
 */
export type Due = () => boolean;

const never: Due = () => false;

export class Stepped<T> {
  private shouldYield: Due = never;
  private readonly job: Generator<undefined, T, undefined>;
  private outcome: { readonly value: T } | undefined;

  constructor(make: (due: Due) => Generator<undefined, T, undefined>) {
    this.job = make(() => this.shouldYield());
  }

  /** Runs until `shouldYield()` says stop at a pause, or to the end; true once the job has ended. */
  step(shouldYield: Due = never): boolean {
    if (this.outcome) return true;
    this.shouldYield = shouldYield;
    const r = this.job.next();
    if (r.done) this.outcome = { value: r.value };
    return r.done === true;
  }

  /** Runs what is left without pausing; the job's result. */
  finish(): T {
    while (!this.step()) {
      // Each step runs to the next pause; with nothing asking to stop, the next step goes on.
    }
    return this.outcome!.value;
  }
}

/** A stepped job run to its end at once, for callers with nothing to yield to. */
export function runToEnd<T>(make: (due: Due) => Generator<undefined, T, undefined>): T {
  return new Stepped(make).finish();
}

/** True every `every`th call, when `due()` is: for a pause inside a tight loop, where asking the clock each time would cost. */
export function everyNth(due: Due, every: number): Due {
  let n = 0;
  return () => ++n % every === 0 && due();
}
