import { csvTable, exportJson } from '../../core/export';
import { conflictMessageOf, LineIndex, type CrossSourceRecord, type DocumentEvent } from '../../core';
import { runCorpus, type AnalysedDocument, type CorpusResult } from '../corpus';
import { EXIT } from '../exitCodes';
import { documentLine, recordLine, summaryLine } from '../ndjson';
import type { CorpusCommandOptions } from './options';

export interface CrosscheckOptions extends CorpusCommandOptions {
  readonly format: 'text' | 'json' | 'csv' | 'ndjson';
}

/** A conflict between sources, or a check that did not come out ok: what a researcher must look at. */
interface Finding {
  readonly status: 'conflict' | 'warning';
  readonly kind: string;
  readonly id: string;
  readonly message: string;
  readonly places: readonly { readonly path: string; readonly line: number; readonly text: string; readonly note: string }[];
}

export async function runCrosscheck(paths: readonly string[], options: CrosscheckOptions): Promise<number> {
  const out = process.stdout;
  const checkFindings: Finding[] = [];
  let checksOk = 0;
  const onDocument = (d: AnalysedDocument) => {
    if (options.format === 'ndjson') out.write(documentLine(d) + '\n');
    checksOk += d.checks.filter((c) => c.status === 'ok').length;
    if (options.format === 'text' || options.format === 'csv') checkFindings.push(...checkFindingsOf(d));
  };
  const keepAll = options.format === 'json';
  const corpus = await runCorpus(paths, {
    ...options,
    retain: keepAll ? 'documents' : 'record',
    withAnalysis: keepAll || options.format === 'ndjson',
    onDocument,
  });
  try {
    const records = corpus.index.records();
    const conflicts = records.filter((r) => r.status === 'conflict');
    if (options.format === 'json') {
      out.write(crosscheckJson(corpus));
    } else if (options.format === 'ndjson') {
      for (const r of records) out.write(recordLine(r, corpus.pathOf) + '\n');
      out.write(summaryLine(corpus) + '\n');
    } else {
      const events = new Map(corpus.index.events().map((e) => [e.id, e]));
      const findings = sortFindings([...conflicts.map((r) => conflictFinding(r, corpus.pathOf, events)), ...checkFindings]);
      out.write(options.format === 'csv' ? findingsCsv(findings) : findingsText(findings, corpus, records.length, checksOk));
    }
    return conflicts.length > 0 ? EXIT.conflict : EXIT.ok;
  } finally {
    corpus.dispose();
  }
}

/** `crosscheck --format json`: every document with its analysis and checks, the records, events and possible matches. */
export function crosscheckJson(corpus: CorpusResult): string {
  const sources = corpus.documents.map((id) => ({
    docId: id,
    path: corpus.pathOf(id),
    analysis: corpus.index.get(id)!.analysis,
    checks: corpus.index.checksFor(id),
  }));
  return exportJson(sources, corpus.index.records(), {
    pathOfOtherSource: corpus.pathOf,
    events: corpus.index.events(),
    possiblySame: corpus.index.possiblySame(),
  });
}

function conflictFinding(record: CrossSourceRecord, pathOf: (id: string) => string, events: ReadonlyMap<string, DocumentEvent>): Finding {
  return {
    status: 'conflict',
    kind: `record: ${record.measure}`,
    id: record.recordId,
    message: conflictMessageOf(record.explanation, record, record.event ? events.get(record.event) : undefined),
    places: record.claims.map((c) => ({ path: pathOf(c.docId), line: c.line + 1, text: c.text, note: claimNote(c) })),
  };
}

function checkFindingsOf(d: AnalysedDocument): Finding[] {
  const failed = d.checks.filter((c) => c.status !== 'ok');
  if (failed.length === 0) return [];
  const lines = new LineIndex(d.text);
  return failed.map((check) => ({
    status: check.status === 'conflict' ? 'conflict' : 'warning',
    kind: `check: ${check.kind}`,
    id: check.checkId,
    message: check.message.includes(check.arithmetic) ? check.message : `${check.message} (${check.arithmetic})`,
    places: check.operands.map((o) => ({ path: d.path, line: lines.lineAt(o.start) + 1, text: d.text.slice(o.start, o.end), note: o.role })),
  }));
}

/** Conflicts first, then by where they are, so the report reads top to bottom like the corpus. */
function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => (a.status === b.status ? placeOrder(a, b) : a.status === 'conflict' ? -1 : 1));
}

function placeOrder(a: Finding, b: Finding): number {
  const pa = a.places[0];
  const pb = b.places[0];
  return (pa?.path ?? '').localeCompare(pb?.path ?? '') || (pa?.line ?? 0) - (pb?.line ?? 0);
}

function claimNote(c: CrossSourceRecord['claims'][number]): string {
  const qualifier = c.qualifier === 'exact' ? '' : `${c.qualifier} `;
  return `${qualifier}${c.value.toLocaleString('en-GB')}${c.isReference ? ' (reference)' : ''}`;
}

function findingsText(findings: readonly Finding[], corpus: CorpusResult, recordCount: number, checksOk: number): string {
  const out: string[] = [];
  for (const f of findings) {
    out.push(`${f.status.toUpperCase()}  ${f.kind} — ${f.message}`);
    for (const p of f.places) out.push(`  ${p.path}:${p.line}  ${JSON.stringify(p.text)}  ${p.note}`);
    out.push('');
  }
  const conflicts = findings.filter((f) => f.status === 'conflict').length;
  const skipped = corpus.index.skipped().length;
  out.push(
    `${corpus.documents.length} documents, ${corpus.references.length} reference tables: ${recordCount} records, ` +
      `${conflicts} conflicts, ${findings.length - conflicts} warnings, ${checksOk} checks ok` +
      (skipped > 0 ? `; ${skipped} skipped` : '') +
      (corpus.stats.fromCache > 0 ? `; ${corpus.stats.fromCache} from the cache` : ''),
  );
  return out.join('\n') + '\n';
}

function findingsCsv(findings: readonly Finding[]): string {
  const rows = findings.flatMap((f) => f.places.map((p) => [f.status, f.kind, f.id, p.path, p.line, p.text, p.note, f.message]));
  return csvTable(['status', 'kind', 'id', 'path', 'line', 'text', 'note', 'message'], rows);
}
