/**
 * Hover cards as Markdown strings, built from plain data. Pure (no `vscode`), so the escaping of
 * document text, the part that must never fail, is unit-tested directly. Every string that came
 * from a document, a lexicon file or a reference table passes through `escapeMarkdown`; only links
 * this file builds to the extension's own commands are live.
 */
import { CommandId } from '../commandIds';
import type { OpenLocationArgs } from '../services/types';
import { commandLink, escapeMarkdown as esc } from '../util/markdown';

export interface FigureCardData {
  readonly text: string;
  readonly value: string;
  readonly unit: string;
  readonly counts: string | null;
  readonly subject?: string;
  readonly qualifier: string;
  readonly claimant?: string;
  readonly operation?: string;
  readonly period?: string;
  readonly place?: string;
  readonly record?: RecordCardData;
  readonly checks: readonly CheckCardData[];
  /** How the figure was read where the reading is a guess ("1,3600" read as 24,500; a sum cut off by the page's end). */
  readonly warnings?: readonly string[];
}

export interface RecordCardData {
  readonly status: string;
  readonly measure: string;
  readonly explanation: string;
  /** What its figures count over, as people name it ("national", "force:kent-police"). */
  readonly scope?: string;
  /** Why its claims were joined, in one sentence. */
  readonly joinedBy?: string;
  /** The event the hovered figure's document reports, with the evidence that joined its documents. */
  readonly event?: EventCardData;
  /** Every other source's claim for the same measure (the hovered figure itself left out). */
  readonly others: readonly ClaimCardData[];
}

export interface EventCardData {
  readonly label: string;
  /** Its documents as the user knows them (workspace-relative paths). */
  readonly documents: readonly string[];
  /** The strongest evidence between its documents: "£426,040 in both (+12 bits)", each with the two documents. */
  readonly evidence: readonly { readonly between: string; readonly text: string; readonly weight: number }[];
}

export interface ClaimCardData {
  /** The document's name as the user knows it (a workspace-relative path, or the reference table). */
  readonly source: string;
  readonly text: string;
  readonly qualifier: string;
  readonly publisher?: string;
  readonly date?: string;
  readonly isReference?: boolean;
  readonly sourceUrl?: string;
  /** Where to open it; absent when the claim's document is not in the index (a reference row). */
  readonly location?: OpenLocationArgs;
}

export interface CheckCardData {
  readonly kind: string;
  readonly status: string;
  readonly message: string;
  readonly arithmetic: string;
}

export interface OrganisationCardData {
  readonly text: string;
  readonly canonical: string;
  readonly type: string;
  readonly known: boolean;
  readonly aliases: readonly string[];
  readonly region?: string;
  readonly mentions: readonly MentionGroup[];
}

/** The mentions of an entity in one document. */
export interface MentionGroup {
  readonly source: string;
  readonly count: number;
  readonly first: OpenLocationArgs;
}

export interface LegalTermCardData {
  readonly text: string;
  readonly canonical: string;
  readonly category: string;
  readonly statute?: string;
  readonly definition?: string;
}

const statusLabel: Record<string, string> = {
  conflict: '⚠ Sources disagree',
  consistent: '✓ Sources agree',
  'single-source': 'Only this source',
  ok: '✓',
  warning: '⚠',
};

const maxListed = 12;

export function figureCard(d: FigureCardData): string {
  const out: string[] = [`**Figure** ${esc(d.text)}`, ''];
  const rows: [string, string | undefined][] = [
    ['Value', `${esc(d.value)} ${esc(d.unit)}`],
    ['Counts', d.counts ? esc(d.counts) + (d.subject ? ` (${esc(d.subject)})` : '') : '_not identified_'],
    ['Qualifier', esc(d.qualifier)],
    ['Claimant', d.claimant && esc(d.claimant)],
    ['Operation', d.operation && esc(d.operation)],
    ['Period', d.period && esc(d.period)],
    ['Place', d.place && esc(d.place)],
  ];
  out.push(...table(rows));
  // The reading used where it is a guess, right under the value it qualifies: never a silent wrong value.
  if (d.warnings?.length)
    out.push(
      '',
      ...d.warnings
        .map((w) => `⚠ ${esc(w)}`)
        .join('\n\n')
        .split('\n'),
    );
  if (d.record) {
    const r = d.record;
    out.push('', '---', '', `**Cross-source record:** ${esc(r.measure)} (${esc(statusLabel[r.status] ?? r.status)})`, '');
    if (r.explanation) out.push(esc(r.explanation), '');
    if (r.joinedBy) out.push(esc(r.joinedBy), '');
    if (r.event) out.push(...eventLines(r.event), '');
    if (r.others.length === 0) out.push('_No other source states this measure._');
    for (const c of r.others.slice(0, maxListed)) out.push(`- ${claimLine(c)}`);
    if (r.others.length > maxListed) out.push(`- _and ${r.others.length - maxListed} more_`);
  } else {
    out.push('', '_Not linked to a cross-source record._');
  }
  if (d.checks.length > 0) {
    out.push('', '---', '', '**Arithmetic checks**', '');
    for (const c of d.checks)
      out.push(`- ${esc(statusLabel[c.status] ?? c.status)} ${esc(c.kind)}: ${esc(c.arithmetic)}${c.message ? ` (${esc(c.message)})` : ''}`);
  }
  return out.join('\n');
}

const maxEvidence = 4;

/** The event and why its documents were joined: the evidence with its weight in bits. */
function eventLines(e: EventCardData): string[] {
  const docs = e.documents.length === 1 ? 'this document only' : `${e.documents.length} documents`;
  const out = [`**Event:** ${esc(e.label)} (${docs})`];
  if (e.evidence.length)
    out.push('', ...e.evidence.slice(0, maxEvidence).map((x) => `- ${esc(x.text)} (${x.weight > 0 ? '+' : ''}${x.weight} bits): ${esc(x.between)}`));
  return out;
}

function claimLine(c: ClaimCardData): string {
  const who = [c.publisher, c.date]
    .filter(Boolean)
    .map((s) => esc(s!))
    .join(', ');
  const source = c.location ? commandLink(c.source, CommandId.openClaim, c.location, 'Open this claim') : esc(c.source);
  const reference = c.isReference ? ' (reference)' : '';
  const url = c.sourceUrl ? `, published at ${esc(c.sourceUrl)}` : '';
  return `**${esc(c.text)}**${c.qualifier && c.qualifier !== 'exact' ? ` (${esc(c.qualifier)})` : ''}: ${source}${reference}${who ? `, ${who}` : ''}${url}`;
}

export function organisationCard(d: OrganisationCardData): string {
  const out: string[] = [`**Organisation** ${esc(d.canonical)}`, ''];
  out.push(
    ...table([
      ['Type', esc(d.type) + (d.known ? '' : ' (not in the lexicon)')],
      ['Region', d.region && esc(d.region)],
      ['Also written', d.aliases.length > 0 ? d.aliases.slice(0, maxListed).map(esc).join(', ') : undefined],
    ]),
  );
  const total = d.mentions.reduce((n, m) => n + m.count, 0);
  out.push('', `**Mentions across the workspace:** ${total} in ${d.mentions.length} document${d.mentions.length === 1 ? '' : 's'}`, '');
  for (const m of d.mentions.slice(0, maxListed))
    out.push(`- ${commandLink(m.source, CommandId.revealOccurrence, m.first, 'Go to the first mention')} (${m.count})`);
  if (d.mentions.length > maxListed) out.push(`- _and ${d.mentions.length - maxListed} more documents_`);
  return out.join('\n');
}

export function legalTermCard(d: LegalTermCardData): string {
  const out: string[] = [`**Legal term** ${esc(d.canonical)}`, ''];
  if (d.definition) out.push(esc(d.definition), '');
  out.push(
    ...table([
      ['Category', esc(d.category)],
      ['Statute', d.statute && esc(d.statute)],
    ]),
  );
  return out.join('\n');
}

function table(rows: readonly (readonly [string, string | undefined])[]): string[] {
  const present = rows.filter((r): r is [string, string] => !!r[1]);
  return present.length === 0 ? [] : ['| | |', '|---|---|', ...present.map(([k, v]) => `| ${k} | ${v} |`)];
}
