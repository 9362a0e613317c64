import * as vscode from 'vscode';
import type { CrossSourceRecord, DocumentEvent } from '../../core';

/**
 * The record's explanation as people read it: the core names documents by their ids (URIs in the
 * extension), which are shown here as workspace-relative paths.
 */
export function explanationOf(record: CrossSourceRecord): string {
  let text = record.explanation;
  for (const docId of new Set(record.claims.map((c) => c.docId))) {
    if (text.includes(docId)) text = text.split(docId).join(displayPath(docId));
  }
  return text;
}

function displayPath(docId: string): string {
  try {
    return vscode.workspace.asRelativePath(vscode.Uri.parse(docId, true), false);
  } catch {
    return docId;
  }
}

/**
 * The event a record's documents report, for a tooltip: its label, its documents and the strongest
 * evidence that joined them, each with its weight in bits (log2 of how much likelier one event makes it).
 */
export function eventSummaryOf(event: DocumentEvent, maxEvidence = 4): string {
  const lines = [`Event: ${event.label} (${event.documents.length === 1 ? 'this document only' : `${event.documents.length} documents`})`];
  const evidence = event.links.flatMap((l) => l.evidence.filter((x) => x.weight > 0).map((x) => ({ l, x })));
  evidence.sort((a, b) => b.x.weight - a.x.weight);
  for (const { l, x } of evidence.slice(0, maxEvidence))
    lines.push(`  ${x.text} (+${x.weight} bits): ${displayPath(l.documents[0])} and ${displayPath(l.documents[1])}`);
  return lines.join('\n');
}

/** The document a record's event is looked up by: its first claim that is not a reference row. */
export function eventDocumentOf(record: CrossSourceRecord): vscode.Uri | undefined {
  const claim = record.claims.find((c) => !c.isReference);
  if (!claim) return undefined;
  try {
    return vscode.Uri.parse(claim.docId, true);
  } catch {
    return undefined;
  }
}
