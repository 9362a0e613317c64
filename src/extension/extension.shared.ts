import * as vscode from 'vscode';

export interface PlatformServices {
  readonly platform: 'node' | 'web';
}

/**
 * The composition root: builds the services in order and registers each feature. Reads like the
 * extension's table of contents.
 */
export async function activateShared(context: vscode.ExtensionContext, _platform: PlatformServices): Promise<void> {
  const log = vscode.window.createOutputChannel('Crime Annotator', { log: true });
  context.subscriptions.push(log);
  log.info('Crime Annotator activated');
}
