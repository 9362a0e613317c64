import type { DocumentAnalysis, DocumentMeta, FigureUnit, QualifierBound } from '../types';

/** One analysed document as the record sees it. `id` is whatever the host uses (a URI or a path). */
export interface SourceDocument {
  readonly id: string;
  readonly analysis: DocumentAnalysis;
  readonly text: string;
  readonly meta?: DocumentMeta;
}

/** One figure as a claim about the world, with where it was said and by whom. */
export interface Claim {
  readonly recordId: string;
  readonly docId: string;
  readonly annotationId: string;
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly text: string;
  readonly value: number;
  readonly unit: FigureUnit;
  readonly qualifier: string;
  readonly bound: QualifierBound;
  readonly precision: number;
  /** The words that state the figure: its clause of the sentence it came from, as one line (a reference row's note). */
  readonly sentence: string;
  readonly publisher?: string;
  readonly date?: string;
  /** Who the text credits with the figure ("the National Crime Agency said"), where it says: shown, never used to split records. */
  readonly claimant?: string;
  /** What the figure counts over, as people name it ("national", "Kent", "Ramsgate", "the case"). */
  readonly scope?: string;
  /** True for rows of a reference table: authoritative figures a draft is checked against. */
  readonly isReference?: boolean;
  /** For reference rows: where the authoritative figure was published. */
  readonly sourceUrl?: string;
}

export type RecordStatus = 'consistent' | 'conflict' | 'single-source';

/** Every claim, in every document, that reports the same measure of the same thing. */
export interface CrossSourceRecord {
  readonly recordId: string;
  /** The key the id is derived from: measure|unit|organisation|operation|period|place|subject. */
  readonly key: string;
  readonly measure: string;
  /** The unit family claims are compared in: count, GBP, kg (all masses), months (all durations), ratio (percent and "n in 10"). */
  readonly unit: string;
  readonly subject?: string;
  readonly organisation?: string;
  readonly operation?: string;
  /** "from..to" as ISO dates, where any claim states it. */
  readonly period?: string;
  readonly place?: string;
  readonly claims: readonly Claim[];
  readonly status: RecordStatus;
  /** Distinct documents and reference tables with a claim in the record. */
  readonly sourceCount: number;
  readonly explanation: string;
  /** The event its documents report (see `DocumentEvent`), for records of an event's figures. */
  readonly event?: string;
  /** What its figures count over: "national", "force:kent-police", "place:ramsgate", "case", "person:roe". */
  readonly scope?: string;
  /** For a conflict: the rule the claims break ("bare-rounding", "false-hedge", ...). */
  readonly rule?: string;
  /** Why its claims were joined, in one sentence: the event, the measure and the scope they share. */
  readonly joinedBy?: string;
}

/** One piece of evidence that two documents report the same event, with its weight in bits (log2 of the likelihood ratio). */
export interface EventEvidence {
  readonly kind: 'figure' | 'period' | 'date' | 'operation' | 'campaign' | 'person' | 'court' | 'scope' | 'kind';
  /** What was compared: "£426,040 in both", "published 0 days apart", "9-15 October 2023 in both". */
  readonly text: string;
  /** Positive for agreement, negative for disagreement. */
  readonly weight: number;
}

/** Why two documents of an event were joined: the evidence between them and its total. */
export interface EventLink {
  readonly documents: readonly [string, string];
  readonly weight: number;
  readonly evidence: readonly EventEvidence[];
}

/**
 * Documents that report the same event (an operation or week of action, a court case, a statistics
 * release), resolved from the evidence between them as probabilistic record linkage weighs it
 * (Fellegi-Sunter): shared distinctive figures above all, stated periods and publication dates, named
 * operations and people. Figures are only linked within an event, or by a period of their own.
 */
export interface DocumentEvent {
  readonly id: string;
  /** "County Lines Intensification Week, 9-15 October 2023", "the case at Shrewsbury Crown Court". */
  readonly label: string;
  /** "from..to" as ISO dates, where its documents state it. */
  readonly period?: string;
  readonly documents: readonly string[];
  /** The links that joined its documents (a spanning tree, strongest first). */
  readonly links: readonly EventLink[];
}

/**
 * Two records that may count the same thing but were not joined because the evidence is not enough:
 * if they are the same, they disagree. Shown at a lower severity than a conflict.
 */
export interface PossiblySame {
  readonly records: readonly [string, string];
  readonly message: string;
}

export type CheckKind = 'sum' | 'percent-change' | 'proportion' | 'qualifier' | 'restatement';
export type CheckStatus = 'ok' | 'warning' | 'conflict';

export interface CheckOperand {
  readonly annotationId: string;
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly value: number;
  /** What the operand is in the arithmetic: "part", "total", "before", "after", "stated", "numerator", ... */
  readonly role: string;
}

export interface TextFix {
  readonly start: number;
  readonly end: number;
  readonly replacement: string;
  readonly title: string;
}

/** One piece of arithmetic the document's own figures make checkable. */
export interface ArithmeticCheck {
  /** Stable for the same figures in the same document: `${kind}:${first operand start}-...`. */
  readonly checkId: string;
  readonly docId: string;
  readonly kind: CheckKind;
  readonly status: CheckStatus;
  /** The rule a check that is not ok breaks ("bare-rounding", "false-hedge", "conflicting-qualifiers", "different-value", "parts-exceed-total", ...), or the rule that made it ok. */
  readonly rule?: string;
  readonly message: string;
  /** The computation in figures, e.g. "7.6 + 9.3 = 16.9". */
  readonly arithmetic: string;
  readonly operands: readonly CheckOperand[];
  readonly expected?: number;
  readonly actual?: number;
  /** How far `actual` may be from `expected` and still be ok. */
  readonly tolerance: number;
  readonly fix?: TextFix;
}

/** A row of a reference table that could not be used, and why. Rows are 1-based data rows (the header is row 0). */
export interface ReferenceProblem {
  readonly tableId: string;
  readonly row: number;
  readonly message: string;
}
