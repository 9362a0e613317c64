import type * as vscode from 'vscode';

/**
 * Typing re-analyses a document many times a second; each analysis would otherwise make the tree
 * rebuild its whole model. The model is marked stale at once (so a read is never out of date), and
 * the tree is told at most once per `delayMs`.
 */
export class CoalescedRefresh implements vscode.Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly invalidate: () => void,
    private readonly notify: () => void,
    private readonly delayMs = 150,
  ) {}

  /** For events that come in bursts (index changes, tab changes). */
  schedule(): void {
    this.invalidate();
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.notify();
    }, this.delayMs);
  }

  /** For a person's action (filter, scope): show it now. */
  now(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.invalidate();
    this.notify();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
