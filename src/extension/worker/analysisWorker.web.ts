// The analysis worker of the web extension: a web worker started by extension.web.ts.
import { serveEngine } from '../../core/corpus';

interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (e: { readonly data: unknown }) => void): void;
}
declare const self: WorkerScope;

serveEngine({ postMessage: (m) => self.postMessage(m), onMessage: (listener) => self.addEventListener('message', (e) => listener(e.data)) });
