import { LineIndex, type Annotation, type DocumentAnalysis } from '../core';

export interface CheckTotals {
  documents: number;
  figure: number;
  organisation: number;
  'legal-term': number;
}

/** A readable report of one document: one line per annotation, `path:line:column` first so terminals make it a link. */
export function checkTextOf(path: string, text: string, analysis: DocumentAnalysis, totals: CheckTotals): string {
  const out: string[] = [];
  const counts = { figure: 0, organisation: 0, 'legal-term': 0 };
  for (const a of analysis.annotations) counts[a.kind]++;
  totals.documents++;
  for (const k of Object.keys(counts) as (keyof typeof counts)[]) totals[k] += counts[k];
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
  return out.join('\n') + '\n';
}

/** The closing line of `check`. */
export function checkTotalsLine(t: CheckTotals): string {
  return `${t.documents} documents: ${t.figure} figures, ${t.organisation} organisations, ${t['legal-term']} legal terms`;
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
