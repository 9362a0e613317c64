import * as vscode from 'vscode';
import type { CrossSourceRecord } from '../../core';

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
