import type * as vscode from 'vscode';

/** Base for long-lived objects: everything `_register`ed is disposed with it, newest first. */
export abstract class Disposable implements vscode.Disposable {
  private readonly _disposables: vscode.Disposable[] = [];
  private _isDisposed = false;

  protected get isDisposed(): boolean {
    return this._isDisposed;
  }

  dispose(): void {
    if (this._isDisposed) return;
    this._isDisposed = true;
    disposeAll(this._disposables.splice(0));
  }

  protected _register<T extends vscode.Disposable>(value: T): T {
    if (this._isDisposed) value.dispose();
    else this._disposables.push(value);
    return value;
  }
}

/**
 * Disposes every item, newest first. One failing dispose must not keep the rest alive, nor vanish:
 * the failures are collected and rethrown once everything is disposed (a single one as it is,
 * several as an AggregateError), as markdown-language-features' `disposeAll` does.
 */
export function disposeAll(disposables: Iterable<vscode.Disposable>): void {
  const errors: unknown[] = [];
  for (const d of [...disposables].reverse()) {
    try {
      d.dispose();
    } catch (e) {
      errors.push(e);
    }
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors, `${errors.length} errors while disposing`);
}
