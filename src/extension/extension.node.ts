import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type * as vscode from 'vscode';
import { activateShared, type CrimeAnnotatorApi } from './extension.shared';
import { nodeLargeFiles } from './node/largeFiles';
import { createWorkerEngine } from './worker/workerEngine';

export function activate(context: vscode.ExtensionContext): Promise<CrimeAnnotatorApi> {
  return activateShared(context, {
    platform: 'node',
    largeFiles: nodeLargeFiles,
    // Analysis in a worker thread: the extension host keeps only the VS Code adapters' work.
    createEngine: (port) =>
      createWorkerEngine(
        port,
        () => {
          const worker = new Worker(path.join(context.extensionPath, 'dist', 'analysisWorker.node.js'));
          worker.unref();
          return {
            postMessage: (m) => worker.postMessage(m),
            onMessage: (listener) => worker.on('message', listener),
            terminate: () => void worker.terminate(),
            onFailure: (listener) => {
              worker.on('error', (e) => listener(e.message));
              worker.on('exit', (code) => listener(`exit code ${code}`));
            },
          };
        },
        'in a worker thread',
      ),
  });
}

export function deactivate(): void {}
