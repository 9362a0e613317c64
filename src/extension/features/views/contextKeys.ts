import * as vscode from 'vscode';

export const ContextKey = {
  workspaceEmpty: 'crimeAnnotator.workspaceEmpty',
  /** The workspace holds no crime reports, so only opened documents are analysed (two-step activation). */
  notIndexed: 'crimeAnnotator.notIndexed',
  tallyFiltered: 'crimeAnnotator.tallyFiltered',
} as const;

export type ContextKey = (typeof ContextKey)[keyof typeof ContextKey];

/**
 * Sets the views' `when`-clause context keys and remembers what it set: the workbench offers no way
 * to read a context key back, and tests need to see what the welcome view and menus were told.
 */
export class ViewContextKeys {
  private readonly values = new Map<ContextKey, boolean>();

  get(key: ContextKey): boolean | undefined {
    return this.values.get(key);
  }

  async set(key: ContextKey, value: boolean): Promise<void> {
    if (this.values.get(key) === value) return;
    this.values.set(key, value);
    await vscode.commands.executeCommand('setContext', key, value);
  }
}
