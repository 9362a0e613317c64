// One analysis worker of the CLI (dist/cli-worker.js): analyses a document and prepares its record
// source on its own core, with the same whole/incremental choice as the editor's engine.
import { parentPort } from 'node:worker_threads';
import { createInProcessEngine } from '../core/corpus';
import { prepareSource } from '../core/record';
import type { WorkerReply, WorkerRequest } from './workerProtocol';

const port = parentPort;
if (!port) throw new Error('cli-worker.js runs as a worker thread');
// Nothing else waits on this thread, so a slice may run as long as it likes.
const engine = createInProcessEngine({ budgetMs: Number.MAX_SAFE_INTEGER, now: () => 0, yieldNow: () => Promise.resolve() });

port.on('message', (request: WorkerRequest) => {
  engine
    // Findings are part of the analysis: a caller that takes no analysis back has no use for them.
    .analyse({ uri: request.docId, text: request.text, lexicon: request.lexicon, reportingChecks: request.withAnalysis })
    .then((analysed) => {
      const analysis = analysed.analysis;
      engine.forget(request.docId);
      const prepared = prepareSource({ id: request.docId, analysis, text: request.text, meta: analysis.meta });
      const reply: WorkerReply = {
        type: 'done',
        id: request.id,
        analysis: request.withAnalysis ? analysis : undefined,
        prepared,
        notices: analysis.notices,
        words: analysis.words,
        meta: analysis.meta,
      };
      port.postMessage(reply);
    })
    .catch((e: unknown) =>
      port.postMessage({ type: 'error', id: request.id, message: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies WorkerReply),
    );
});
