import type { SliceScheduler } from '../../core/slices';

/** The extension host must not be held longer than this by one slice of work. */
export const hostSliceBudgetMs = 40;

/** Slices of work on the extension host: yield to its event loop every `hostSliceBudgetMs`. */
export const hostScheduler: SliceScheduler = {
  budgetMs: hostSliceBudgetMs,
  now: () => Date.now(),
  yieldNow: () => new Promise((resolve) => setTimeout(resolve, 0)),
};
