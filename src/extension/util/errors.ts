import type { Logger } from '../../core';

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** For fire-and-forget work: a rejection is logged with where it came from, never dropped. */
export function logErrors(promise: PromiseLike<unknown>, where: string, log: Logger): void {
  Promise.resolve(promise).catch((e: unknown) => log.error(where, e));
}

/**
 * What to hand a LogOutputChannel for "`context`, because of `error`". VS Code writes an Error given
 * as the first argument with its stack (a string argument after the message loses it), so an Error
 * becomes one whose message and stack start with the context, followed by its causes' stacks
 * (activation failures wrap the real error as `cause`).
 */
export function errorForLog(context: string, error: unknown): string | Error {
  if (!(error instanceof Error)) return `${context}: ${String(error)}`;
  const logged = new Error(`${context}: ${error.message}`, { cause: error });
  const parts = [`${context}: ${error.stack ?? `${error.name}: ${error.message}`}`];
  const seen = new Set<unknown>([error]);
  for (let cause = error.cause; cause !== undefined && !seen.has(cause); cause = cause instanceof Error ? cause.cause : undefined) {
    seen.add(cause);
    parts.push(`Caused by: ${cause instanceof Error ? (cause.stack ?? `${cause.name}: ${cause.message}`) : String(cause)}`);
  }
  logged.stack = parts.join('\n');
  return logged;
}

/** Runs one activation step so a failure says which step it was. */
export function activationStep<T>(step: string, fn: () => T): T {
  try {
    return fn();
  } catch (cause) {
    throw new Error(`Failed to activate: (${step}) ${errorMessage(cause)}`, { cause });
  }
}
