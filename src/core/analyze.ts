import { compileLexicon, findEntities, type CompiledLexicon, type LexiconExtension } from './lexicon';
import { findFigures } from './extract/figures';
import { readMeta } from './extract/meta';
import { LineIndex } from './text/lines';
import { countWords, splitSentences } from './text/sentences';
import type { Annotation, AnalysisNotice, AnnotationKind, DocumentAnalysis, DocumentContext, Logger } from './types';
import { nullLogger } from './types';

export interface AnalyzeOptions {
  /** A compiled lexicon to use (compile once with `compileLexicon`, reuse for every document). */
  readonly lexicon?: CompiledLexicon;
  /** Workspace additions to the built-in lexicon; ignored when `lexicon` is given. */
  readonly lexiconExtension?: LexiconExtension;
  /** Only these kinds are returned (all by default). */
  readonly kinds?: readonly AnnotationKind[];
  /** Text beyond this many UTF-16 units is not analysed, with a notice saying so. */
  readonly maxLength?: number;
  readonly logger?: Logger;
  /** When `text` is one paragraph of a longer document: what the rest of it says (see DocumentContext). */
  readonly documentContext?: DocumentContext;
}

let defaultLexicon: CompiledLexicon | undefined;
function builtInLexicon(): CompiledLexicon {
  return (defaultLexicon ??= compileLexicon());
}

/**
 * Turns a document's text into annotations: figures, organisations and legal terms. Never throws:
 * anything that goes wrong is reported as a notice and the rest of the analysis is kept.
 */
export function analyze(text: string, options: AnalyzeOptions = {}): DocumentAnalysis {
  const logger = options.logger ?? nullLogger;
  const notices: AnalysisNotice[] = [];
  if (typeof text !== 'string') text = String(text ?? '');
  if (text.length === 0 || /^\s*$/.test(text)) {
    return { words: 0, annotations: [], sentences: [], meta: {}, notices: [{ severity: 'info', code: 'empty', message: 'The document is empty.' }] };
  }
  if (looksBinary(text)) {
    return {
      words: 0,
      annotations: [],
      sentences: [],
      meta: {},
      notices: [{ severity: 'warning', code: 'binary', message: 'The document looks like binary data (it contains NUL or control bytes), so it was not analysed.' }],
    };
  }
  let analysed = text;
  if (options.maxLength !== undefined && text.length > options.maxLength) {
    analysed = text.slice(0, options.maxLength);
    const lines = new LineIndex(analysed);
    notices.push({
      severity: 'warning',
      code: 'truncated',
      message: `Only the first ${options.maxLength.toLocaleString('en-GB')} characters (to line ${lines.lineCount}) were analysed; the document has ${text.length.toLocaleString('en-GB')}.`,
    });
  }

  const words = countWords(analysed);
  let sentences: ReturnType<typeof splitSentences> = [];
  let annotations: Annotation[] = [];
  let meta = {};
  try {
    let lexicon: CompiledLexicon;
    try {
      lexicon = options.lexicon ?? (options.lexiconExtension ? compileLexicon(options.lexiconExtension) : builtInLexicon());
    } catch (e) {
      notices.push({ severity: 'error', code: 'lexicon', message: `The workspace lexicon could not be used: ${errorMessage(e)}. The built-in lexicon was used instead.` });
      lexicon = builtInLexicon();
    }
    const lineIndex = new LineIndex(analysed);
    sentences = splitSentences(analysed);
    const entities = findEntities(analysed, lexicon, { lineIndex, sentences });
    // A stage that fails keeps what it found and says so; the other stages' results stand.
    const onError = (stage: string, e: unknown) => {
      logger.error(`analyze: ${stage} failed`, e);
      notices.push(stage === 'meta' ? metaErrorNotice(e) : stageErrorNotice(stage, e));
    };
    const figures = findFigures(analysed, { lexicon, lineIndex, sentences, entities, documentContext: options.documentContext, onError });
    meta = options.documentContext?.meta ?? readMeta(analysed, { entities, lineIndex, onError });
    const kinds = options.kinds ? new Set(options.kinds) : undefined;
    annotations = [...entities, ...figures].filter((a) => !kinds || kinds.has(a.kind));
    annotations.sort((a, b) => a.start - b.start || a.end - b.end);
  } catch (e) {
    logger.error('analyze failed', e);
    notices.push({ severity: 'error', code: 'internal', message: `Analysis stopped by an internal error: ${errorMessage(e)}. Please report it with the document.` });
  }
  return { words, annotations, sentences, meta, notices };
}

/** An extraction stage hit an internal error: what it found before stands, the rest of the analysis too. */
export function stageErrorNotice(stage: string, e: unknown): AnalysisNotice {
  return { severity: 'error', code: 'internal', message: `Finding ${stage} stopped by an internal error: ${errorMessage(e)}. The rest was analysed; please report it with the document.` };
}

export function metaErrorNotice(e: unknown): AnalysisNotice {
  return stageErrorNotice('the title, date and publisher', e);
}

/** NUL bytes, or many C0 control characters, mean this is not text a person wrote. */
export function looksBinary(text: string): boolean {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  return control > sample.length * 0.1;
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
