import * as vscode from 'vscode';
import type { ReportingFinding } from '../../../core';
import { hoverLinkCommands } from '../../commandIds';
import type { Services } from '../../services/types';
import { isAnnotatedLanguage } from '../../util/documents';
import { spanToRange } from '../../util/ranges';
import { legalTermInfo } from '../lexiconInfo';
import { findingCard } from './card';
import { enabledFindings, ruleOf } from './rules';

/** The card for a pre-publication finding under the cursor: what is at risk, why, and the law. */
export class LegalCheckHoverProvider implements vscode.HoverProvider {
  constructor(private readonly services: Services) {}

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const { config, index } = this.services;
    if (!isAnnotatedLanguage(doc.languageId, config.current.decoratePlainTextAndMarkdown)) return undefined;
    const entry = index.get(doc.uri);
    if (!entry || entry.version !== doc.version) return undefined;
    const offset = doc.offsetAt(position);
    const found = enabledFindings(config.current, entry.analysis.findings).filter((f) => f.start <= offset && offset <= f.end);
    if (found.length === 0) return undefined;
    const md = new vscode.MarkdownString(found.map((f) => findingCard(cardData(f))).join('\n\n---\n\n'));
    md.isTrusted = { enabledCommands: [...hoverLinkCommands] };
    md.supportHtml = false;
    md.supportThemeIcons = false;
    return new vscode.Hover(md, spanToRange(doc, found[0]));
  }
}

function cardData(f: ReportingFinding) {
  const rule = ruleOf(f.rule);
  return {
    rule: f.rule,
    title: rule?.title ?? f.rule,
    severity: f.severity,
    text: f.text,
    message: f.message,
    explanation: rule?.explanation ?? '',
    statute: f.statute,
    statutes: (rule?.statuteTerms ?? []).flatMap((id) => {
      const t = legalTermInfo(id);
      return t ? [{ canonical: t.canonical, definition: t.definition }] : [];
    }),
    fix: f.fix?.title,
  };
}
