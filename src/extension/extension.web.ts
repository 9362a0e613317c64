import * as vscode from 'vscode';
import { activateShared, type CrimeAnnotatorApi } from './extension.shared';
import { createWorkerEngine } from './worker/workerEngine';

interface WebWorker {
  postMessage(message: unknown): void;
  addEventListener(type: 'message' | 'error', listener: (e: { readonly data?: unknown; readonly message?: string }) => void): void;
  terminate(): void;
}
declare const Worker: { new (url: string): WebWorker } | undefined;
declare const Blob: { new (parts: readonly string[], options?: { readonly type?: string }): object } | undefined;
declare const URL: { createObjectURL(blob: object): string };

export function activate(context: vscode.ExtensionContext): Promise<CrimeAnnotatorApi> {
  return activateShared(context, {
    platform: 'web',
    // Analysis in a web worker (as markdown-language-features runs its server on the web).
    createEngine: (port) =>
      createWorkerEngine(
        port,
        async () => {
          if (typeof Worker === 'undefined' || typeof Blob === 'undefined') throw new Error('this host has no Worker');
          // The web extension host cannot start a worker from a remote extension's URL, so the
          // worker runs from a blob of its script, read through the workspace file system.
          const script = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'dist', 'analysisWorker.web.js'));
          const worker = new Worker(URL.createObjectURL(new Blob([new TextDecoder().decode(script)], { type: 'application/javascript' })));
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
