// The analysis worker of the desktop extension: a Node worker thread started by extension.node.ts.
import { parentPort } from 'node:worker_threads';
import { serveEngine } from '../../core/corpus';

const port = parentPort;
if (!port) throw new Error('analysisWorker.node.js runs as a worker thread');
serveEngine({ postMessage: (m) => port.postMessage(m), onMessage: (listener) => port.on('message', listener) });
