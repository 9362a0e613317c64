/**
 * What compromise finds out of the box, as a baseline for the accuracy table: figures are its
 * numbers, money and percentages (overlaps merged, longest kept), organisations its organizations.
 * It has no notion of legal terms.
 */
import nlp from 'compromise';
import type { Capability, Prediction } from './gold';

interface OffsetJson {
  offset: { start: number; length: number };
}

export const compromiseUnsupported: readonly Capability[] = ['legal-term', 'counts'];

function spans(view: { json(opts: object): unknown }): Array<{ start: number; end: number }> {
  return (view.json({ offset: true }) as OffsetJson[]).map((m) => ({ start: m.offset.start, end: m.offset.start + m.offset.length }));
}

/** Keeps the longest of overlapping spans, so "£214,568" found as both number and money counts once. */
function withoutOverlaps(all: Array<{ start: number; end: number }>): Array<{ start: number; end: number }> {
  const kept: Array<{ start: number; end: number }> = [];
  for (const s of [...all].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)) {
    if (!kept.some((k) => k.start < s.end && s.start < k.end)) kept.push(s);
  }
  return kept.sort((a, b) => a.start - b.start);
}

export function compromisePredictions(text: string): Prediction[] {
  const doc = nlp(text);
  const figures = withoutOverlaps([...spans(doc.numbers()), ...spans(doc.money()), ...spans(doc.percentages())]);
  const organisations = withoutOverlaps(spans(doc.organizations()));
  return [...figures.map((s) => ({ ...s, kind: 'figure' as const })), ...organisations.map((s) => ({ ...s, kind: 'organisation' as const }))];
}
