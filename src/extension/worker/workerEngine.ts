/**
 * The analysis engine the extension host holds: analysis runs in a worker (see the platform entry
 * files), so a long document never holds the editor's extension host. If the worker cannot be
 * started or dies, analysis falls back to the extension host itself, in slices, and the log says so.
 */
import { createInProcessEngine, type AnalysisEngine, type WorkspacePort } from '../../core/corpus';
import { createRemoteEngine, type MessageChannelLike } from '../../core/corpus';

export interface WorkerHandle extends MessageChannelLike {
  terminate(): void;
  /** Registers what to do when the worker fails or exits. */
  onFailure(listener: (reason: string) => void): void;
}

export function createWorkerEngine(port: WorkspacePort, start: () => WorkerHandle | Promise<WorkerHandle>, where: string): AnalysisEngine {
  const fallback = createInProcessEngine(port.schedule);
  let remote: (AnalysisEngine & { readonly workerLongestMs: number }) | undefined;
  let disposed = false;
  // Starting may be asynchronous (the web reads the worker's script first); analyses wait for it.
  const started = (async () => {
    try {
      const worker = await start();
      if (disposed) return worker.terminate();
      remote = createRemoteEngine(worker, where);
      worker.onFailure((reason) => {
        port.log.error(`The analysis worker stopped (${reason}); analysing in the extension host from now on.`);
        const dead = remote;
        remote = undefined;
        dead?.dispose();
      });
    } catch (e) {
      port.log.error('Could not start the analysis worker; analysing in the extension host', e);
    }
  })();
  return {
    get where() {
      return remote ? remote.where : `${where} (starting), else in process`;
    },
    analyse: async (request) => {
      await started;
      return remote ? remote.analyse(request).catch(() => fallback.analyse(request)) : fallback.analyse(request);
    },
    forget(uri) {
      remote?.forget(uri);
      fallback.forget(uri);
    },
    dispose() {
      disposed = true;
      remote?.dispose();
      fallback.dispose();
    },
  };
}
