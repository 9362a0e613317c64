import type { CrossSourceRecord, DocumentEvent, EventLink } from './types';

/** How many pieces of evidence a conflict's message names: enough to say why, short enough to read. */
const MAX_NAMED = 3;

/**
 * What joined a record's documents into one event, as a clause for a conflict's message ("9-15 October
 * 2023 in both; £426,040 in both; published 2 days apart"): the agreeing evidence of the strongest link
 * the event has between two of the record's own documents. Undefined when it has none (the documents were
 * joined through a third, or one document and a reference table are compared).
 *
 * It is worded for people and never stored on the record: the record's JSON holds values, and a sentence
 * of other figures there would read, to a tool, as more claims of the record.
 */
export function joiningEvidenceOf(record: CrossSourceRecord, event: DocumentEvent | undefined, max = MAX_NAMED): string | undefined {
  if (!event || !record.event || event.id !== record.event) return undefined;
  const docs = new Set(record.claims.filter((c) => !c.isReference).map((c) => c.docId));
  if (docs.size < 2) return undefined;
  const strongest = (links: readonly EventLink[]) => links.reduce<EventLink | undefined>((best, l) => (!best || l.weight > best.weight ? l : best), undefined);
  const link = strongest(event.links.filter((l) => docs.has(l.documents[0]) && docs.has(l.documents[1])));
  const named = link?.evidence.filter((e) => e.weight > 0).slice(0, max) ?? [];
  return named.length ? named.map((e) => e.text).join('; ') : undefined;
}

/**
 * A conflict's message: the rule it breaks, then what joined its claims: the evidence between its
 * documents, or the event they were all joined into ("Joined as one event, Operation Orochi, 9-15
 * October 2023.").
 */
export function conflictMessageOf(explanation: string, record: CrossSourceRecord, event: DocumentEvent | undefined): string {
  const evidence = joiningEvidenceOf(record, event);
  if (evidence) return `${explanation} Joined as one event by: ${evidence}.`;
  if (event && record.event === event.id && event.documents.length > 1) return `${explanation} Joined as one event: ${event.label}.`;
  return explanation;
}
