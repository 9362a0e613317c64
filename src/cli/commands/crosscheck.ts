import { exportJson } from '../../core/export';
import { csvTable } from '../../core/text/csvWrite';
import { conflictMessageOf, LineIndex, type ArithmeticCheck, type CrossSourceRecord } from '../../core';
import { analyseCorpus, type AnalysedCorpus } from '../corpus';
import { lexiconFromOption } from '../lexiconFile';
import { EXIT } from '../exitCodes';

export interface CrosscheckOptions {
  readonly format: 'text' | 'json' | 'csv';
  readonly lexicon?: string;
}

/** A conflict between sources, or a check that did not come out ok: what a researcher must look at. */
interface Finding {
  readonly status: 'conflict' | 'warning';
  readonly kind: string;
  readonly id: string;
  readonly message: string;
  readonly places: readonly { readonly path: string; readonly line: number; readonly text: string; readonly note: string }[];
}

export function runCrosscheck(paths: readonly string[], options: CrosscheckOptions): number {
  const corpus = analyseCorpus(paths, lexiconFromOption(options.lexicon));
  const findings = findingsOf(corpus);
  if (options.format === 'json') {
    process.stdout.write(crosscheckJson(corpus));
  } else if (options.format === 'csv') {
    process.stdout.write(findingsCsv(findings));
  } else {
    process.stdout.write(findingsText(findings, corpus));
  }
  return findings.some((f) => f.status === 'conflict') ? EXIT.conflict : EXIT.ok;
}

/** `crosscheck --format json`: every document with its analysis and checks, the records, events and possible matches. */
export function crosscheckJson(corpus: AnalysedCorpus): string {
  const sources = corpus.documents.map((d) => ({ docId: d.id, path: d.path, analysis: d.analysis, checks: corpus.record.checks[d.id] ?? [] }));
  return exportJson(sources, corpus.record.records, { events: corpus.record.events, possiblySame: corpus.record.possiblySame });
}

function findingsOf(corpus: AnalysedCorpus): Finding[] {
  const findings: Finding[] = [];
  const events = new Map(corpus.record.events.map((e) => [e.id, e]));
  for (const record of corpus.record.records) {
    if (record.status !== 'conflict') continue;
    findings.push({
      status: 'conflict',
      kind: `record: ${record.measure}`,
      id: record.recordId,
      message: conflictMessageOf(record.explanation, record, record.event ? events.get(record.event) : undefined),
      places: record.claims.map((c) => ({ path: c.docId, line: c.line + 1, text: c.text, note: claimNote(c) })),
    });
  }
  for (const doc of corpus.documents) {
    const lines = new LineIndex(doc.text);
    for (const check of corpus.record.checks[doc.id] ?? []) {
      if (check.status === 'ok') continue;
      findings.push({
        status: check.status,
        kind: `check: ${check.kind}`,
        id: check.checkId,
        message: check.message.includes(check.arithmetic) ? check.message : `${check.message} (${check.arithmetic})`,
        places: check.operands.map((o) => ({ path: doc.path, line: lines.lineAt(o.start) + 1, text: doc.text.slice(o.start, o.end), note: o.role })),
      });
    }
  }
  // Conflicts first, then by where they are, so the report reads top to bottom like the corpus.
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

function findingsText(findings: readonly Finding[], corpus: AnalysedCorpus): string {
  const out: string[] = [];
  for (const f of findings) {
    out.push(`${f.status.toUpperCase()}  ${f.kind} — ${f.message}`);
    for (const p of f.places) out.push(`  ${p.path}:${p.line}  ${JSON.stringify(p.text)}  ${p.note}`);
    out.push('');
  }
  const conflicts = findings.filter((f) => f.status === 'conflict').length;
  const checks = Object.values(corpus.record.checks).flat() as ArithmeticCheck[];
  out.push(
    `${corpus.documents.length} documents, ${corpus.references.length} reference tables: ${corpus.record.records.length} records, ` +
      `${conflicts} conflicts, ${findings.length - conflicts} warnings, ${checks.filter((c) => c.status === 'ok').length} checks ok`,
  );
  return out.join('\n') + '\n';
}

function findingsCsv(findings: readonly Finding[]): string {
  const rows = findings.flatMap((f) => f.places.map((p) => [f.status, f.kind, f.id, p.path, p.line, p.text, p.note, f.message]));
  return csvTable(['status', 'kind', 'id', 'path', 'line', 'text', 'note', 'message'], rows);
}
