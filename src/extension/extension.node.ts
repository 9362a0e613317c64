import type * as vscode from 'vscode';
import { activateShared, type CrimeAnnotatorApi } from './extension.shared';
import { nodeLargeFiles } from './node/largeFiles';

export function activate(context: vscode.ExtensionContext): Promise<CrimeAnnotatorApi> {
  return activateShared(context, { platform: 'node', largeFiles: nodeLargeFiles });
}

export function deactivate(): void {}
