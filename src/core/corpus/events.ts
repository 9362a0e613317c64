/**
 * The smallest event and disposable the corpus index needs, shaped like VS Code's so the extension
 * can hand them on unchanged (`vscode.Event<T>` accepts a listener and returns a disposable).
 */
export interface IDisposable {
  dispose(): void;
}

export type Event<T> = (listener: (e: T) => void) => IDisposable;

export class Emitter<T> implements IDisposable {
  private listeners = new Set<(e: T) => void>();

  readonly event: Event<T> = (listener) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  /** Calls every listener; one that throws is reported to `onError` and the rest still run. */
  fire(e: T, onError?: (error: unknown) => void): void {
    for (const l of [...this.listeners]) {
      try {
        l(e);
      } catch (error) {
        onError?.(error);
      }
    }
  }

  dispose(): void {
    this.listeners.clear();
  }
}

/**
 * Disposes every item even when some throw, then rethrows: the first error alone, or an
 * AggregateError of all of them (as vscode-markdown-languageservice's `disposeAll` does).
 */
export function disposeAll(items: Iterable<IDisposable>): void {
  const errors: unknown[] = [];
  for (const d of items) {
    try {
      d.dispose();
    } catch (e) {
      errors.push(e);
    }
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors, 'Several disposables failed to dispose');
}
