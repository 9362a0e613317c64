/**
 * Builds documents with hand-made figure annotations, so the record and checks can be tested before (and
 * independently of) the extractors. Figures are found by their literal text in the document.
 */
import { LineIndex } from '../../src/core/text/lines';
import { countWords, splitSentences } from '../../src/core/text/sentences';
import type { Annotation, DocumentMeta, FigureAnnotation, FigureUnit, OrganisationAnnotation, OrganisationType, QualifierBound } from '../../src/core/types';
import type { SourceDocument } from '../../src/core/record';

export interface FigureSpec {
  /** The figure's text as it appears in the document. */
  readonly text: string;
  /** Which occurrence of `text` (0-based), when it appears more than once. */
  readonly occurrence?: number;
  readonly value?: number;
  readonly unit?: FigureUnit;
  readonly qualifier?: string;
  readonly bound?: QualifierBound;
  readonly precision?: number;
  readonly counts?: string | null;
  readonly subject?: string;
  readonly change?: FigureAnnotation['change'];
  readonly claimant?: string;
  readonly operation?: string;
  readonly period?: FigureAnnotation['period'];
  readonly place?: string;
}

export interface OrgSpec {
  readonly text: string;
  readonly entityId: string;
  readonly orgType?: OrganisationType;
}

const QUALIFIER_BOUNDS: Record<string, QualifierBound> = {
  'more than': 'lower', over: 'lower', 'at least': 'lower', 'just over': 'lower',
  'up to': 'upper', 'less than': 'upper', under: 'upper', 'fewer than': 'upper',
  almost: 'approximate', nearly: 'approximate', around: 'approximate', about: 'approximate',
};

/** A figure spec; `counts` defaults to null so a test says what it counts. */
export function fig(text: string, rest: Omit<FigureSpec, 'text'> = {}): FigureSpec {
  return { text, ...rest };
}

function findNth(text: string, needle: string, n: number): number {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`test document has no occurrence ${n} of “${needle}”`);
  }
  return at;
}

/** Value, unit and precision read from the figure's digits when the spec does not give them. */
function readDigits(s: string): { value: number; precision: number; unit: FigureUnit } {
  const m = /(\d[\d,]*(?:\.\d+)?)\s*(m\b|bn\b|k\b)?/.exec(s);
  if (!m) throw new Error(`no digits in “${s}”: give value and precision`);
  const digits = m[1].replace(/,/g, '');
  const decimals = digits.includes('.') ? digits.split('.')[1].length : 0;
  const mult = m[2] === 'm' ? 1e6 : m[2] === 'bn' ? 1e9 : m[2] === 'k' ? 1e3 : 1;
  const unit: FigureUnit = s.includes('£') ? 'GBP' : /kg\b/.test(s) ? 'kg' : s.includes('%') ? 'percent' : /years?\b/.test(s) ? 'years' : 'count';
  return { value: Number(digits) * mult, precision: 10 ** -decimals * mult, unit };
}

export function makeDoc(id: string, text: string, figures: readonly FigureSpec[], meta: DocumentMeta = {}, orgs: readonly OrgSpec[] = []): SourceDocument {
  const lines = new LineIndex(text);
  const sentences = splitSentences(text);
  const sentenceAt = (offset: number) => sentences.find((s) => s.start <= offset && offset < s.end) ?? { start: offset, end: offset };
  const annotations: Annotation[] = [];
  for (const spec of figures) {
    const start = findNth(text, spec.text, spec.occurrence ?? 0);
    const end = start + spec.text.length;
    const digits = spec.value === undefined || spec.unit === undefined || spec.precision === undefined ? readDigits(spec.text) : undefined;
    const qualifier = spec.qualifier ?? 'exact';
    const figure: FigureAnnotation = {
      kind: 'figure',
      id: `figure:${start}-${end}`,
      start,
      end,
      text: spec.text,
      line: lines.lineAt(start),
      source: 'rule',
      value: spec.value ?? digits!.value,
      unit: spec.unit ?? digits!.unit,
      qualifier,
      bound: spec.bound ?? QUALIFIER_BOUNDS[qualifier] ?? 'exact',
      precision: spec.precision ?? digits!.precision,
      counts: spec.counts ?? null,
      sentence: sentenceAt(start),
      ...(spec.subject ? { subject: spec.subject } : {}),
      ...(spec.change ? { change: spec.change } : {}),
      ...(spec.claimant ? { claimant: spec.claimant } : {}),
      ...(spec.operation ? { operation: spec.operation } : {}),
      ...(spec.period ? { period: spec.period } : {}),
      ...(spec.place ? { place: spec.place } : {}),
    };
    annotations.push(figure);
  }
  for (const o of orgs) {
    const start = findNth(text, o.text, 0);
    const org: OrganisationAnnotation = {
      kind: 'organisation',
      id: `organisation:${start}-${start + o.text.length}`,
      start,
      end: start + o.text.length,
      text: o.text,
      line: lines.lineAt(start),
      source: 'lexicon',
      entityId: o.entityId,
      canonical: o.text,
      orgType: o.orgType ?? 'police-force',
      known: true,
    };
    annotations.push(org);
  }
  annotations.sort((a, b) => a.start - b.start || a.end - b.end);
  return { id, text, analysis: { words: countWords(text), annotations, sentences, meta, notices: [] } };
}
