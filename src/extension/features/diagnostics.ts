import * as vscode from 'vscode';
import { conflictMessageOf, type CrossSourceRecord, type DocumentEvent, type FigureAnnotation } from '../../core';
import type { SeveritySetting } from '../services/configuration';
import type { IndexedDocument, Services } from '../services/types';
import { mapperOf, spanToRange, type OffsetMapper } from '../util/ranges';
import { explanationOf } from '../util/explanation';
import { checkSpan, type DocumentProblems } from '../../core/corpus';
import { IndexDiagnosticCollection } from './indexDiagnostics';

export const diagnosticSource = 'Crime Annotator';
/** Other sources listed under a conflict in the Problems panel; its message counts them all. */
const maxRelated = 20;

const severities: Record<SeveritySetting, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export { checkSpan };

/** Conflicts between sources and failed arithmetic checks, in the Problems panel. */
export class DiagnosticsController extends IndexDiagnosticCollection {
  constructor(services: Services) {
    super(services, 'crimeAnnotator', 'diagnostics');
    this.updateAll();
  }

  protected diagnosticsFor(entry: IndexedDocument): vscode.Diagnostic[] | undefined {
    if (!this.services.config.current.diagnostics.enabled) return undefined;
    // The same answer the status bar and the decorations draw from (marks "not a claim" left out).
    const problems = this.services.index.problemsOf(entry.uri);
    if (!problems) return undefined;
    const mapper = mapperOf(entry);
    return [...this.conflictDiagnostics(entry, problems, mapper), ...this.checkDiagnostics(problems, mapper)];
  }

  private conflictDiagnostics(entry: IndexedDocument, problems: DocumentProblems, mapper: OffsetMapper): vscode.Diagnostic[] {
    const { index, config } = this.services;
    const severity = severities[config.current.diagnostics.conflictSeverity];
    const out: vscode.Diagnostic[] = [];
    // The document's event: every record of its figures in an event is of this one.
    let event: DocumentEvent | undefined | null = null;
    for (const { figure: a, record } of problems.conflicts) {
      if (event === null) event = index.eventOf(entry.uri);
      const d = new vscode.Diagnostic(spanToRange(mapper, a), conflictMessage(a, record, event), severity);
      d.source = diagnosticSource;
      d.code = 'conflict';
      // The other sources, the first few: a record a long report repeats in every paragraph would
      // otherwise give each of its figures every other one (quadratic in the figures, for nobody to read).
      d.relatedInformation = record.claims
        .filter((c) => !(c.docId === entry.uri.toString() && c.annotationId === a.id))
        .slice(0, maxRelated)
        .flatMap((c) => {
          const place = index.locate(c.docId, c.annotationId);
          return place
            ? [new vscode.DiagnosticRelatedInformation(new vscode.Location(place.uri, place.range), `${c.text}${c.publisher ? ` (${c.publisher})` : ''}`)]
            : [];
        });
      out.push(d);
    }
    return out;
  }

  private checkDiagnostics(problems: DocumentProblems, mapper: OffsetMapper): vscode.Diagnostic[] {
    const { config } = this.services;
    const out: vscode.Diagnostic[] = [];
    for (const check of problems.failedChecks) {
      const span = checkSpan(check);
      if (!span) continue;
      const setting = check.status === 'conflict' ? config.current.diagnostics.conflictSeverity : config.current.diagnostics.checkSeverity;
      // Most messages already state their arithmetic; it is added only where one does not.
      const message = check.message.includes(check.arithmetic) ? check.message : `${check.message} (${check.arithmetic})`;
      const d = new vscode.Diagnostic(spanToRange(mapper, span), message, severities[setting]);
      d.source = diagnosticSource;
      d.code = `check:${check.kind}`;
      out.push(d);
    }
    return out;
  }
}

/** The rule the claims break in one sentence, then the evidence that joined them (an editor asks "why these two?"). */
function conflictMessage(a: FigureAnnotation, record: CrossSourceRecord, event: DocumentEvent | undefined): string {
  const others = new Set(record.claims.map((c) => c.docId)).size - 1;
  return `“${a.text}”: sources disagree on ${record.measure} (${others} other source${others === 1 ? '' : 's'}). ${conflictMessageOf(explanationOf(record), record, event)}`.trim();
}

export function registerDiagnostics(services: Services): DiagnosticsController {
  return new DiagnosticsController(services);
}
