import * as vscode from 'vscode';
import { activateShared, type CrimeAnnotatorApi } from './extension.shared';
import { createWorkerEngine } from './worker/workerEngine';

interface WebWorker {
  postMessage(message: unknown): void;
  addEventListener(type: 'message' | 'error', listener: (e: { readonly data?: unknown; readonly message?: string }) => void): void;
  terminate(): void;
}
declare const Worker: { new (url: string): WebWorker } | undefined;

export function activate(context: vscode.ExtensionContext): Promise<CrimeAnnotatorApi> {
  return activateShared(context, {
    platform: 'web',
    // Analysis in a web worker (as markdown-language-features runs its server on the web).
    createEngine: (port) =>
      createWorkerEngine(
        port,
        () => {
          if (typeof Worker === 'undefined') throw new Error('this host has no Worker');
          const worker = new Worker(vscode.Uri.joinPath(context.extensionUri, 'dist', 'analysisWorker.web.js').toString(true));
          return {
            postMessage: (m) => worker.postMessage(m),
            onMessage: (listener) => worker.addEventListener('message', (e) => listener(e.data)),
            terminate: () => worker.terminate(),
            onFailure: (listener) => worker.addEventListener('error', (e) => listener(e.message ?? 'error')),
          };
        },
        'in a web worker',
      ),
  });
}

export function deactivate(): void {}
