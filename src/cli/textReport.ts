import { LineIndex, type Annotation, type DocumentAnalysis } from '../core';

interface ReportedDocument {
  readonly path: string;
  readonly text: string;
  readonly analysis: DocumentAnalysis;
}

/** A readable report: one line per annotation, `path:line:column` first so terminals make it a link. */
export function formatCheckText(documents: readonly ReportedDocument[]): string {
  const out: string[] = [];
  const totals = { figure: 0, organisation: 0, 'legal-term': 0 };
  for (const { path, text, analysis } of documents) {
    const counts = { figure: 0, organisation: 0, 'legal-term': 0 };
    for (const a of analysis.annotations) counts[a.kind]++;
    for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += counts[k];
    out.push(`${path} — ${analysis.words} words: ${counts.figure} figures, ${counts.organisation} organisations, ${counts['legal-term']} legal terms`);
    const lines = new LineIndex(text);
    for (const a of analysis.annotations) {
      const pos = lines.positionAt(a.start);
      out.push(`  ${path}:${pos.line + 1}:${pos.character + 1}  ${describe(a)}`);
      // A suspicious format is read one way and says so: the reading must not be silent in the report either.
      if (a.kind === 'figure') for (const w of a.warnings ?? []) out.push(`      warning ${w.code}: ${w.message}`);
    }
    for (const f of analysis.findings ?? []) {
      const pos = lines.positionAt(f.start);
      out.push(`  ${path}:${pos.line + 1}:${pos.character + 1}  ${f.severity.padEnd(12)}  ${f.rule} ${JSON.stringify(f.text)} — ${f.message}`);
    }
    out.push('');
  }
  out.push(`${documents.length} documents: ${totals.figure} figures, ${totals.organisation} organisations, ${totals['legal-term']} legal terms`);
  return out.join('\n') + '\n';
}

function describe(a: Annotation): string {
  const quoted = JSON.stringify(a.text);
  switch (a.kind) {
    case 'figure': {
      const qualifier = a.qualifier === 'exact' ? '' : ` (${a.qualifier})`;
      return `figure        ${quoted} = ${formatNumber(a.value)} ${a.unit}${qualifier}${a.counts ? ` — ${a.counts}` : ''}`;
    }
    case 'organisation':
      return `organisation  ${quoted} → ${a.canonical}${a.known ? '' : ' (not in lexicon)'}`;
    case 'legal-term':
      return `legal term    ${quoted} → ${a.canonical} [${a.category}]${a.statute ? ` — ${a.statute}` : ''}`;
  }
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-GB') : String(Math.round(n * 1e6) / 1e6);
}
