import type * as vscode from 'vscode';
import { activateShared, type CrimeAnnotatorApi } from './extension.shared';

export function activate(context: vscode.ExtensionContext): Promise<CrimeAnnotatorApi> {
  return activateShared(context, { platform: 'web' });
}

export function deactivate(): void {}
