/** What the CLI's main thread and its analysis workers send each other (see workerPool.ts, worker.ts). */
import type { LexiconRef } from '../core/corpus';
import type { PreparedSource } from '../core/record';
import type { AnalysisNotice, DocumentAnalysis, DocumentMeta } from '../core';

export interface WorkerRequest {
  readonly id: number;
  readonly docId: string;
  readonly text: string;
  readonly lexicon: LexiconRef;
  /** Send the annotations back too (check, JSON and NDJSON output), not only the record's claims and checks. */
  readonly withAnalysis: boolean;
}

export type WorkerReply =
  | {
      readonly type: 'done';
      readonly id: number;
      readonly analysis?: DocumentAnalysis;
      readonly prepared: PreparedSource;
      readonly notices: readonly AnalysisNotice[];
      readonly words: number;
      readonly meta: DocumentMeta;
    }
  | { readonly type: 'error'; readonly id: number; readonly message: string };
