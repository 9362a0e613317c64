import { compileLexicon, findEntities, type CompiledLexicon, type LexiconExtension } from './lexicon';
import { findFigures } from './extract/figures';
import { readMeta } from './extract/meta';
import { findReportingRisks, type ReportingFinding } from './reporting';
import { annotationToOriginal, spanToOriginal, stripFormatChars } from './text/formatChars';
import { withPlainSpaces } from './text/spaces';
import { withWrappedLinesJoined } from './text/wrappedLines';
import { LineIndex } from './text/lines';
import { countWords, splitSentences } from './text/sentences';
import type { Annotation, AnalysisNotice, AnnotationKind, DocumentAnalysis, DocumentContext, Logger, Span } from './types';
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
  /**
   * Run the pre-publication checks (reporting restrictions, prejudicial wording) and return their
   * findings. True by default; incremental analysis turns it off for each paragraph and runs the
   * checks once on the whole document, since they compare a headline with its body.
   */
  readonly reportingChecks?: boolean;
}

/** The pre-publication checks read a whole document at once; past this length they are not run (a notice says so). */
export const REPORTING_MAX_LENGTH = 200_000;

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
  const binary = binaryVerdict(text);
  if (binary.binary) {
    return {
      words: 0,
      annotations: [],
      sentences: [],
      meta: {},
      notices: [{ severity: 'warning', code: 'binary', message: `The document looks like binary data, not text (${binary.reason}), so it was not analysed.` }],
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

  // Invisible format characters (zero-width spaces inside a number...) are taken out for analysis;
  // every offset found is carried back into the original text at the end (see text/formatChars.ts).
  const original = analysed;
  const formatMap = stripFormatChars(original);
  if (formatMap) analysed = formatMap.text;
  // No-break and other spaces are read as spaces (text/spaces.ts), and a hard-wrapped paragraph as one
  // line (text/wrappedLines.ts); offsets do not move, and an annotation's line is the line it is on.
  const lined = withPlainSpaces(analysed);
  const spaced = withWrappedLinesJoined(lined);
  const respaced = spaced !== analysed;
  analysed = spaced;

  const words = countWords(analysed);
  let sentences: ReturnType<typeof splitSentences> = [];
  let annotations: Annotation[] = [];
  let meta = {};
  let findings: readonly ReportingFinding[] | undefined;
  try {
    let lexicon: CompiledLexicon;
    try {
      lexicon = options.lexicon ?? (options.lexiconExtension ? compileLexicon(options.lexiconExtension) : builtInLexicon());
    } catch (e) {
      notices.push({
        severity: 'error',
        code: 'lexicon',
        message: `The workspace lexicon could not be used: ${errorMessage(e)}. The built-in lexicon was used instead.`,
      });
      lexicon = builtInLexicon();
    }
    const lineIndex = new LineIndex(lined);
    sentences = splitSentences(analysed);
    const entities = findEntities(analysed, lexicon, { lineIndex, sentences });
    // A stage that fails keeps what it found and says so; the other stages' results stand.
    const onError = (stage: string, e: unknown) => {
      logger.error(`analyze: ${stage} failed`, e);
      notices.push(stage === 'meta' ? metaErrorNotice(e) : stageErrorNotice(stage, e));
    };
    // Read once: the figures need the meta (publisher, date, period) and so does the analysis returned.
    const documentMeta = options.documentContext?.meta ?? readMeta(analysed, { entities, lineIndex, onError });
    meta = documentMeta;
    const figures = findFigures(analysed, { lexicon, lineIndex, sentences, entities, documentContext: options.documentContext, meta: documentMeta, onError });
    const kinds = options.kinds ? new Set(options.kinds) : undefined;
    annotations = [...entities, ...figures].filter((a) => !kinds || kinds.has(a.kind));
    annotations.sort((a, b) => a.start - b.start || a.end - b.end);
  } catch (e) {
    logger.error('analyze failed', e);
    notices.push({
      severity: 'error',
      code: 'internal',
      message: `Analysis stopped by an internal error: ${errorMessage(e)}. Please report it with the document.`,
    });
  }
  if (formatMap) {
    annotations = annotations.map((a) => annotationToOriginal(a, formatMap, original));
    sentences = sentences.map((span) => spanToOriginal(span, formatMap));
  } else if (respaced) {
    // An annotation quotes the document as written: "£26\u00a0million", not the spaced text analysis read.
    annotations = annotations.map((a) => (original.slice(a.start, a.end) === a.text ? a : { ...a, text: original.slice(a.start, a.end) }));
  }
  // The checks read the original text with offsets into it, as the incremental analysis does.
  if (options.reportingChecks !== false && !options.kinds) findings = reportingFindings(original, sentences, annotations, notices, logger);
  return { words, annotations, sentences, meta, notices, ...(findings ? { findings } : {}) };
}

/**
 * The pre-publication findings of a whole analysed document, or undefined past REPORTING_MAX_LENGTH
 * (with a notice). An error in a rule is a notice too; the rest of the analysis stands.
 */
export function reportingFindings(
  text: string,
  sentences: readonly Span[],
  annotations: readonly Annotation[],
  notices: AnalysisNotice[],
  logger: Logger = nullLogger,
): readonly ReportingFinding[] | undefined {
  if (text.length > REPORTING_MAX_LENGTH) {
    notices.push({
      severity: 'info',
      code: 'truncated',
      message: `Pre-publication checks run on documents of up to ${REPORTING_MAX_LENGTH.toLocaleString('en-GB')} characters; this one has ${text.length.toLocaleString('en-GB')}, so they were not run.`,
    });
    return undefined;
  }
  try {
    return findReportingRisks({ text, sentences, annotations });
  } catch (e) {
    logger.error('pre-publication checks failed', e);
    notices.push({
      severity: 'error',
      code: 'internal',
      message: `The pre-publication checks stopped on an internal error: ${errorMessage(e)}. Please report it with the document.`,
    });
    return undefined;
  }
}

/** An extraction stage hit an internal error: what it found before stands, the rest of the analysis too. */
export function stageErrorNotice(stage: string, e: unknown): AnalysisNotice {
  return {
    severity: 'error',
    code: 'internal',
    message: `Finding ${stage} stopped by an internal error: ${errorMessage(e)}. The rest was analysed; please report it with the document.`,
  };
}

export function metaErrorNotice(e: unknown): AnalysisNotice {
  return stageErrorNotice('the title, date and publisher', e);
}

/** How much of a text is characters no person writes: control characters and U+FFFD. */
export interface BinaryVerdict {
  readonly binary: boolean;
  /** Why, for the notice. */
  readonly reason: string;
}

/** The first this many characters decide; a text file does not turn binary later on. */
const BINARY_SAMPLE = 65536;
/** Above this share of control and replacement characters a text is taken for binary data. */
const BINARY_SHARE = 0.1;

/**
 * A NUL, or more than a tenth of the first 64K characters being control characters (C0 but tab,
 * line breaks and form feed; DEL; C1) or U+FFFD, the replacement character a decoder puts for every
 * byte that is not UTF-8: bytes that are not text decode to a great many of those, even without a
 * NUL, while a text with a few mis-encoded "£" signs has well under one in a hundred.
 */
export function binaryVerdict(text: string): BinaryVerdict {
  const n = Math.min(text.length, BINARY_SAMPLE);
  let control = 0;
  let replacement = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return { binary: true, reason: 'it contains NUL bytes' };
    if (c < 32) {
      if (c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
    } else if (c >= 0x7f && c <= 0x9f) control++;
    else if (c === 0xfffd) replacement++;
  }
  const share = n === 0 ? 0 : (control + replacement) / n;
  if (share <= BINARY_SHARE) return { binary: false, reason: '' };
  const percent = Math.round(share * 100);
  const of = n < text.length ? `its first ${n.toLocaleString('en-GB')}` : `its ${n.toLocaleString('en-GB')}`;
  return {
    binary: true,
    reason: `${percent}% of ${of} characters are control characters or U+FFFD (bytes that are not UTF-8 text)`,
  };
}

/** Whether the text is binary data rather than text a person wrote (see binaryVerdict). */
export function looksBinary(text: string): boolean {
  return binaryVerdict(text).binary;
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
