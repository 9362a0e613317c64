import type { ReportingFinding } from './reporting/types';

/**
 * The shapes the analysis core produces. These are the stable interfaces the extension, the CLI,
 * `dist/core.js` consumers and the tests depend on: add fields, do not rename or remove them.
 *
 * All offsets are UTF-16 code-unit offsets into the analysed text (what JavaScript string indexing
 * and VS Code's `positionAt` use), `end` exclusive. Lines are 0-based.
 */

export type AnnotationKind = 'figure' | 'organisation' | 'legal-term';

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Where an annotation came from: the built-in or workspace lexicon, a rule, or a person. */
export type AnnotationSource = 'lexicon' | 'workspace-lexicon' | 'rule' | 'user';

interface AnnotationBase extends Span {
  readonly kind: AnnotationKind;
  /** Stable within one analysis of one text: `${kind}:${start}-${end}`. */
  readonly id: string;
  /** Exactly `text.slice(start, end)`. */
  readonly text: string;
  /** 0-based line of `start`. */
  readonly line: number;
  readonly source: AnnotationSource;
}

/** Units after normalisation: "£5m" is 5,000,000 GBP, "16.9kg" is 16.9 kg, "nine in 10" is 0.9 ratio. */
export type FigureUnit = 'count' | 'GBP' | 'kg' | 'g' | 'tonnes' | 'percent' | 'ratio' | 'years' | 'months' | 'weeks' | 'days' | 'hours';

/**
 * How a qualifier bounds the true value, which is what consistency checks reason with:
 * "more than 290" is a lower bound, "up to 50" an upper bound, "almost 300" approximate from below.
 */
export type QualifierBound = 'exact' | 'lower' | 'upper' | 'approximate';

export interface Period {
  /** The words of the text that state the period, e.g. "9-15 October", "between November 2019 and January 2021". */
  readonly text: string;
  /** ISO dates (YYYY-MM-DD, or YYYY-MM, or YYYY) where they can be resolved. */
  readonly from?: string;
  readonly to?: string;
}

/**
 * What kind of quantity a figure states about its measure: how many ("138,045 offences"), how much
 * ("£26 million", "7.6kg"), a change in it ("rose 23%", "up from 43,706"), a rate of it ("82 per 100,000
 * population"), a share of it ("34% of all offences", "nine in 10"), a length of time a court imposed
 * ("six years"), or an age.
 */
export type MeasureKind = 'count' | 'amount' | 'change' | 'rate' | 'share' | 'duration' | 'age';

/** A reading of a figure that a person should check, and which reading the engine used. */
export interface FigureWarning {
  /**
   * `cut-off`: the text ends inside or right after the figure, so more digits or a scale word may be
   * missing; `year-shaped-count`: a number that looks like a year was read as a count; `no-currency-sign`:
   * "2.6m" with no £ was read as a plain number; `measure-unified`: the same number was stated again
   * with a weaker measure and given the stronger one; `irregular-grouping`: digits joined by commas in
   * groups other than thousands ("1,3600", "1,20,000", "13,60"); `thousands-point`: a count written
   * "1.360", which may mean 1,360.
   */
  readonly code: 'cut-off' | 'year-shaped-count' | 'no-currency-sign' | 'measure-unified' | 'irregular-grouping' | 'thousands-point';
  /** One sentence that says what was read and why it may be wrong. */
  readonly message: string;
}

export interface FigureAnnotation extends AnnotationBase {
  readonly kind: 'figure';
  /** The normalised numeric value in `unit`. */
  readonly value: number;
  readonly unit: FigureUnit;
  /** The qualifier as normalised words ("more than", "over", "almost", "up to", ...), or "exact". */
  readonly qualifier: string;
  readonly bound: QualifierBound;
  /**
   * The step the figure was stated to: 1 for "290", 0.1 for "7.6kg", 1,000,000 for "£5m", 1,000 for
   * "nearly a thousand". Tolerances in checks follow from it.
   */
  readonly precision: number;
  /** The measure, normalised: "arrests", "charges", "drug lines closed", "cash seized", ... or null when unknown. */
  readonly counts: string | null;
  /** A narrower description of what is counted where the text gives one ("Class A drugs", "modern slavery charges"). */
  readonly subject?: string;
  /** The id of the measure rule that decided `counts` (see src/core/extract/measureRules.ts), for accuracy per rule. */
  readonly measureRule?: string;
  /** What kind of quantity of the measure the figure is (a count, an amount, a change, a rate, a share...). */
  readonly measureKind?: MeasureKind;
  /** True when `counts` is a measure the lexicon knows (its canonical name); false when it is kept as written. */
  readonly measureKnown?: boolean;
  /** The words of the text the measure was read from ("businesses targeted by the gang"), where they differ from `counts`. */
  readonly measureWords?: string;
  /** The lemma of the counted noun ("business" for "businesses targeted"), for linking measures kept as written. */
  readonly measureHead?: string;
  /** How the number was read where that is not the plain reading ("2.6m, no currency sign: read as 2,600,000"). */
  readonly reading?: string;
  /** Readings to check: a figure cut off by the end of the text, a year-shaped number read as a count. */
  readonly warnings?: readonly FigureWarning[];
  /** For a change ("up 143% (346 to 841)"): its direction and, where stated, the before/after values. */
  readonly change?: { readonly direction: 'up' | 'down'; readonly from?: number; readonly to?: number };
  /** Canonical id of the organisation that claims the figure, where the text says it. */
  readonly claimant?: string;
  /** The named operation ("Operation Orochi") the figure belongs to, where the text says it. */
  readonly operation?: string;
  readonly period?: Period;
  /** A place the figure is restricted to ("in Kent", "across London"), where the text says it. */
  readonly place?: string;
  /** The sentence the figure came from (offsets into the text), for provenance. */
  readonly sentence: Span;
}

export type OrganisationType =
  'police-force' | 'national-agency' | 'regional-unit' | 'government' | 'prosecutor' | 'inspectorate' | 'court' | 'council' | 'charity' | 'media' | 'other';

export interface OrganisationAnnotation extends AnnotationBase {
  readonly kind: 'organisation';
  /** Id of the canonical entity ("met"); for an organisation the lexicon does not know, a slug of its name. */
  readonly entityId: string;
  /** The entity's canonical name ("Metropolitan Police Service"). */
  readonly canonical: string;
  readonly orgType: OrganisationType;
  /** False for organisations found by rule that no lexicon knows. */
  readonly known: boolean;
}

export type LegalCategory = 'offence' | 'legislation' | 'drug-classification' | 'order' | 'police-power' | 'court-process' | 'sentence' | 'safeguarding';

/**
 * Where in the criminal process a court-process step or disposal puts the person it names: under
 * investigation (arrested, released under investigation), charged (a defendant, presumed innocent;
 * proceedings are active), before trial (bailed, remanded), at trial, at verdict (convicted or
 * acquitted), sentenced, after sentence (confiscation), on appeal, or at an inquest (no one is on trial).
 */
export type LegalStage = 'investigation' | 'charge' | 'pre-trial' | 'trial' | 'verdict' | 'sentence' | 'post-sentence' | 'appeal' | 'inquest';

export interface LegalTermAnnotation extends AnnotationBase {
  readonly kind: 'legal-term';
  readonly termId: string;
  readonly canonical: string;
  readonly category: LegalCategory;
  /** The statute that creates or governs it, e.g. "Misuse of Drugs Act 1971, s.5(3)". */
  readonly statute?: string;
  /** For a court-process step or disposal: where in the process the person stands (see LegalStage). */
  readonly stage?: LegalStage;
}

export type Annotation = FigureAnnotation | OrganisationAnnotation | LegalTermAnnotation;

/** What the document says about itself, where it says it. */
export interface DocumentMeta {
  readonly title?: string;
  /** Canonical id of the publishing organisation. */
  readonly publisher?: string;
  /** ISO date of publication. */
  readonly date?: string;
  /** The dated period the headline and lede report: figures that state no period of their own share it. */
  readonly period?: Period;
  /** The organisation the lede reports figures for, where it names one: figures that name none fall back on it before the publisher. */
  readonly claimant?: string;
  /** Canonical id of the programme the headline or lede names ("County Lines Programme"), which "the programme" later means. */
  readonly programme?: string;
}

/** Something the analysis wants the user to know: input it truncated, refused or could not read. */
export interface AnalysisNotice {
  readonly severity: 'info' | 'warning' | 'error';
  readonly code: 'empty' | 'binary' | 'truncated' | 'lexicon' | 'internal';
  readonly message: string;
}

/**
 * What the rest of a document tells the analysis of one part of it (incremental and sliced analysis
 * work paragraph by paragraph): the document's meta, which figures fall back on for their claimant
 * and the year of their periods, and the measures earlier figures named, by `${unit}:${value}`, which
 * a figure restated later inherits.
 */
export interface DocumentContext {
  readonly meta: DocumentMeta;
  readonly namedMeasures?: ReadonlyMap<string, string>;
}

export interface DocumentAnalysis {
  readonly words: number;
  /**
   * What the pre-publication checks found (reporting restrictions, prejudicial wording), sorted by
   * start: on a whole document of up to REPORTING_MAX_LENGTH characters, absent otherwise.
   */
  readonly findings?: readonly ReportingFinding[];
  /** Sorted by `start`, then by `end`. */
  readonly annotations: readonly Annotation[];
  readonly sentences: readonly Span[];
  readonly meta: DocumentMeta;
  readonly notices: readonly AnalysisNotice[];
}

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export const nullLogger: Logger = Object.freeze({
  debug() {},
  info() {},
  warn() {},
  error() {},
});
