/**
 * Which spans get which highlight: pure, so the benchmark and unit tests can run it without VS Code.
 */
import type { Annotation, Span } from '../../core';

export type DecorationKind = 'figure' | 'organisation' | 'legalTerm' | 'conflict' | 'checkFailed';
export const decorationKinds: readonly DecorationKind[] = ['figure', 'organisation', 'legalTerm', 'conflict', 'checkFailed'];

export interface HighlightSwitches {
  readonly figures: boolean;
  readonly organisations: boolean;
  readonly legalTerms: boolean;
}

/** A figure's standing in the record: in conflict with another source, or in a failed check. */
export type FigureTrouble = 'conflict' | 'checkFailed' | undefined;

export type DecorationPlan = Record<DecorationKind, Span[]>;

export function planDecorations(annotations: readonly Annotation[], on: HighlightSwitches, troubleOf: (annotationId: string) => FigureTrouble): DecorationPlan {
  const plan: DecorationPlan = { figure: [], organisation: [], legalTerm: [], conflict: [], checkFailed: [] };
  for (const a of annotations) {
    if (a.kind === 'figure') {
      if (!on.figures) continue;
      plan.figure.push(a);
      // The trouble mark is drawn over the figure's own highlight, so both show.
      const trouble = troubleOf(a.id);
      if (trouble) plan[trouble].push(a);
    } else if (a.kind === 'organisation') {
      if (on.organisations) plan.organisation.push(a);
    } else if (on.legalTerms) plan.legalTerm.push(a);
  }
  return plan;
}
