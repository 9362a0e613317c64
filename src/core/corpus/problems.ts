/**
 * One answer per document to "what is wrong here": its figures in conflict with other sources, its
 * arithmetic checks that did not come out ok, and what an editor marked "not a claim". The status
 * bar, the decorations and the Problems panel all read this, so they cannot disagree.
 */
import type { ArithmeticCheck, CrossSourceRecord } from '../record';
import type { AnnotationKind, DocumentAnalysis, FigureAnnotation, Span } from '../types';

/** A document's "not a claim" marks, as one test of a highlight. */
export type Suppressor = (span: Span & { readonly kind?: AnnotationKind }) => boolean;

/** Decides whether a highlight was marked "not a claim" (the review feature's marks). */
export interface Suppression {
  /**
   * The document's test, or undefined when it has no such mark (most documents): asked once per
   * document, not once per annotation, since a 5 MB release has some 100,000 annotations and each
   * question looked its marks up again.
   */
  suppressorFor(uri: string, text: string): Suppressor | undefined;
}

export type FigureTrouble = 'conflict' | 'checkFailed' | undefined;

export interface DocumentProblems {
  /** Figures whose cross-source record is in conflict, with the record. */
  readonly conflicts: readonly { readonly figure: FigureAnnotation; readonly record: CrossSourceRecord }[];
  /** Checks that gave a warning or a conflict. */
  readonly failedChecks: readonly ArithmeticCheck[];
  /** Ids of the annotations marked "not a claim": not drawn, not counted, not reported. */
  readonly suppressed: ReadonlySet<string>;
  /** How a figure is marked: in conflict, in a failed check, or neither. */
  troubleOf(annotationId: string): FigureTrouble;
}

/** Where a check is reported: its fix's span when it has one (what the quick fix replaces), else its stated figure. */
export function checkSpan(check: ArithmeticCheck): { readonly start: number; readonly end: number } | undefined {
  if (check.fix) return check.fix;
  return check.operands.find((o) => o.role === 'stated') ?? check.operands[check.operands.length - 1];
}

export function problemsOf(
  uri: string,
  text: string,
  analysis: DocumentAnalysis,
  recordFor: (annotationId: string) => CrossSourceRecord | undefined,
  checks: readonly ArithmeticCheck[],
  suppression: Suppression | undefined,
): DocumentProblems {
  const suppressed = new Set<string>();
  const isSuppressed = suppression?.suppressorFor(uri, text);
  const conflicts: { figure: FigureAnnotation; record: CrossSourceRecord }[] = [];
  for (const a of analysis.annotations) {
    if (isSuppressed?.(a)) {
      suppressed.add(a.id);
      continue;
    }
    if (a.kind !== 'figure') continue;
    const record = recordFor(a.id);
    if (record?.status === 'conflict') conflicts.push({ figure: a, record });
  }
  const failedChecks = checks.filter((c) => {
    if (c.status === 'ok') return false;
    const span = checkSpan(c);
    return !span || !isSuppressed?.({ ...span, kind: 'figure' });
  });
  const inConflict = new Set(conflicts.map((c) => c.figure.id));
  const inFailed = new Set(failedChecks.flatMap((c) => c.operands.map((o) => o.annotationId)));
  return {
    conflicts,
    failedChecks,
    suppressed,
    troubleOf: (id) => (suppressed.has(id) ? undefined : inConflict.has(id) ? 'conflict' : inFailed.has(id) ? 'checkFailed' : undefined),
  };
}
