/**
 * The hover card of a pre-publication finding, as Markdown built from plain data. Pure (no
 * `vscode`), so its escaping is unit-tested: the finding's text and message came from the document
 * and are escaped; the only live link is the extension's own "explain" command.
 */
import { CommandId } from '../../commandIds';
import { commandLink, escapeMarkdown as esc } from '../../util/markdown';

export interface FindingCardData {
  readonly rule: string;
  readonly title: string;
  readonly severity: string;
  readonly text: string;
  readonly message: string;
  readonly explanation: string;
  readonly statute: string;
  /** The cards of the statutes the rule rests on (from the legal-term lexicon). */
  readonly statutes: readonly { readonly canonical: string; readonly definition?: string }[];
  readonly fix?: string;
}

export function findingCard(d: FindingCardData): string {
  const out = [`**Pre-publication check** ${esc(d.title)} \`${d.rule}\``, '', esc(d.message), '', esc(d.explanation), '', `**Law:** ${esc(d.statute)}`, ''];
  for (const s of d.statutes) out.push(`**Legal term** ${esc(s.canonical)}${s.definition ? `: ${esc(s.definition)}` : ''}`, '');
  if (d.fix) out.push(`Quick fix: ${esc(d.fix)}`, '');
  out.push(
    `_A prompt to check, not legal advice._ ${commandLink('What this check does', CommandId.explainLegalCheck, { rule: d.rule }, 'Open the description of the pre-publication checks')}`,
  );
  return out.join('\n');
}
