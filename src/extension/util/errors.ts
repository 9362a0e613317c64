import type { Logger } from '../../core';

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** For fire-and-forget work: a rejection is logged with where it came from, never dropped. */
export function logErrors(promise: PromiseLike<unknown>, where: string, log: Logger): void {
  Promise.resolve(promise).catch((e: unknown) => log.error(`${where}: ${errorMessage(e)}`, e));
}

/** Runs one activation step so a failure says which step it was. */
export function activationStep<T>(step: string, fn: () => T): T {
  try {
    return fn();
  } catch (cause) {
    throw new Error(`Failed to activate: (${step}) ${errorMessage(cause)}`, { cause });
  }
}
