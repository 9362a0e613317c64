/** Options every corpus command takes (see main.ts for their flags). */
export interface CorpusCommandOptions {
  readonly lexicon?: string;
  /** A folder for per-document results kept by content hash (`--cache`). */
  readonly cache?: string;
  readonly threads?: number;
  readonly maxFileSize?: number;
}
