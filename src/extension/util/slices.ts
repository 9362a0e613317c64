import type { SliceScheduler } from '../../core/slices';

/**
 * The extension host must not be held longer than this by one slice of work: well under the 50 ms the
 * host's longest block may take (issue 13), as a slice ends only at its next pause and a garbage
 * collection may come on top.
 */
export const hostSliceBudgetMs = 20;

/** Slices of work on the extension host: yield to its event loop every `hostSliceBudgetMs`. */
export const hostScheduler: SliceScheduler = {
  budgetMs: hostSliceBudgetMs,
  now: () => Date.now(),
  yieldNow: () => new Promise((resolve) => setTimeout(resolve, 0)),
};
