import * as vscode from 'vscode';
import type { Annotation, FigureAnnotation, LegalTermAnnotation, OrganisationAnnotation } from '../../core';
import { hoverLinkCommands } from '../commandIds';
import type { IndexedDocument, OpenLocationArgs, Services } from '../services/types';
import { annotatedLanguages, isAnnotatedLanguage } from '../util/documents';
import { spanAt, spanToRange } from '../util/ranges';
import { figureCard, legalTermCard, organisationCard, type ClaimCardData, type EventCardData, type FigureCardData, type MentionGroup } from './hoverContent';
import { legalTermInfo, organisationInfo, organisationName } from './lexiconInfo';
import { explanationOf } from '../util/explanation';

/** Hover cards for figures, organisations and legal terms; the markdown is built in hoverContent.ts. */
export class AnnotationHoverProvider implements vscode.HoverProvider {
  /** Whether the walkthrough's "hover a figure" step has been told (once per window is enough). */
  private toldWalkthrough = false;

  constructor(private readonly services: Services) {}

  async provideHover(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const { config, index } = this.services;
    if (!isAnnotatedLanguage(doc.languageId, config.current.decoratePlainTextAndMarkdown)) return undefined;
    let entry = index.get(doc.uri);
    // Typing will re-analyse anyway; under onSave/onCommand a stale analysis gives no card rather than a wrong one.
    if ((!entry || entry.version !== doc.version) && config.current.analysis.trigger === 'onType') entry = await index.analyzeDocument(doc);
    if (!entry || entry.version !== doc.version) return undefined;
    const annotation = spanAt(entry.analysis.annotations, doc.offsetAt(position));
    if (!annotation) return undefined;
    if (annotation.kind === 'figure') this.tellWalkthrough();
    const md = new vscode.MarkdownString(this.card(entry, annotation));
    md.isTrusted = { enabledCommands: [...hoverLinkCommands] };
    md.supportHtml = false;
    md.supportThemeIcons = false;
    return new vscode.Hover(md, spanToRange(doc, annotation));
  }

  /** Completes the walkthrough step "Hover a figure" (its completion event is this context key). */
  private tellWalkthrough(): void {
    if (this.toldWalkthrough) return;
    this.toldWalkthrough = true;
    void vscode.commands.executeCommand('setContext', 'crimeAnnotator.hoveredFigure', true).then(undefined, () => undefined);
  }

  private card(entry: IndexedDocument, a: Annotation): string {
    switch (a.kind) {
      case 'figure':
        return figureCard(this.figureData(entry, a));
      case 'organisation':
        return organisationCard(this.organisationData(a));
      case 'legal-term':
        return legalTermCard(legalTermData(a));
    }
  }

  private figureData(entry: IndexedDocument, a: FigureAnnotation): FigureCardData {
    const { index } = this.services;
    const record = index.recordForFigure(entry.uri, a.id);
    const self = entry.uri.toString();
    const others: ClaimCardData[] = firstPerSourceFirst((record?.claims ?? []).filter((c) => !(c.docId === self && c.annotationId === a.id))).map((c) => {
      const uri = parseUri(c.docId);
      const indexed = index.get(uri);
      // A reference table is not an indexed document, but its claims sit on their value cells, so they open too.
      const openable = indexed ? !c.isReference : c.isReference && c.end > c.start;
      return {
        source: indexed || c.isReference ? vscode.workspace.asRelativePath(uri) : c.docId,
        text: c.text,
        qualifier: c.qualifier,
        publisher: c.publisher && organisationName(c.publisher),
        date: c.date,
        isReference: c.isReference,
        sourceUrl: c.sourceUrl,
        location: openable ? { uri: c.docId, line: c.line, start: c.start, end: c.end } : undefined,
      };
    });
    const period = a.period && [a.period.text, a.period.from && a.period.to ? `(${a.period.from} to ${a.period.to})` : undefined].filter(Boolean).join(' ');
    return {
      text: a.text,
      value: a.value.toLocaleString('en-GB', { maximumFractionDigits: 6 }),
      unit: a.unit,
      counts: a.counts,
      subject: a.subject,
      qualifier: a.qualifier,
      claimant: a.claimant && organisationName(a.claimant),
      operation: a.operation,
      period,
      place: a.place,
      record: record && {
        status: record.status,
        measure: record.measure,
        explanation: explanationOf(record),
        ...(record.scope ? { scope: record.scope } : {}),
        ...(record.joinedBy ? { joinedBy: record.joinedBy } : {}),
        ...(record.event ? { event: this.eventData(entry) } : {}),
        others,
      },
      checks: index.checksInvolving(entry.uri, a.id).map((c) => ({ kind: c.kind, status: c.status, message: c.message, arithmetic: c.arithmetic })),
      ...(a.warnings?.length ? { warnings: a.warnings.map((w) => w.message) } : {}),
    };
  }

  /** The hovered document's event: its documents and the evidence of the links that joined them, strongest first. */
  private eventData(entry: IndexedDocument): EventCardData | undefined {
    const e = this.services.index.eventOf(entry.uri);
    if (!e) return undefined;
    const name = (docId: string) => {
      try {
        return vscode.workspace.asRelativePath(parseUri(docId), false);
      } catch {
        return docId;
      }
    };
    const evidence = e.links.flatMap((l) =>
      l.evidence.filter((x) => x.weight > 0).map((x) => ({ between: `${name(l.documents[0])} and ${name(l.documents[1])}`, text: x.text, weight: x.weight })),
    );
    evidence.sort((a, b) => b.weight - a.weight);
    return { label: e.label, documents: e.documents.map(name), evidence };
  }

  private organisationData(a: OrganisationAnnotation) {
    const info = organisationInfo(a.entityId);
    const groups = new Map<string, { uri: vscode.Uri; count: number; first: OpenLocationArgs }>();
    const seenForms = new Set<string>();
    for (const m of this.services.index.mentionsOf(a.entityId)) {
      seenForms.add(m.annotation.text);
      const key = m.uri.toString();
      const g = groups.get(key);
      if (g) g.count++;
      else groups.set(key, { uri: m.uri, count: 1, first: { uri: key, line: m.annotation.line, start: m.annotation.start, end: m.annotation.end } });
    }
    const aliases = [...new Set([...(info?.aliases ?? []), ...seenForms])].filter((x) => x !== a.canonical);
    const mentions: MentionGroup[] = [...groups.values()]
      .sort((x, y) => y.count - x.count)
      .map((g) => ({ source: vscode.workspace.asRelativePath(g.uri), count: g.count, first: g.first }));
    return { text: a.text, canonical: a.canonical, type: a.orgType, known: a.known, aliases, region: info?.region, mentions };
  }
}

function legalTermData(a: LegalTermAnnotation) {
  const info = legalTermInfo(a.termId);
  return { text: a.text, canonical: a.canonical, category: a.category, statute: a.statute ?? info?.statute, definition: info?.definition };
}

/** Each source's first claim, then the rest: a card that lists a dozen shows a dozen sources, not one source twelve times. */
function firstPerSourceFirst<C extends { readonly docId: string }>(claims: readonly C[]): C[] {
  const seen = new Set<string>();
  const first: C[] = [];
  const rest: C[] = [];
  for (const c of claims) {
    (seen.has(c.docId) ? rest : first).push(c);
    seen.add(c.docId);
  }
  return [...first, ...rest];
}

function parseUri(docId: string): vscode.Uri {
  try {
    return vscode.Uri.parse(docId, true);
  } catch {
    return vscode.Uri.file(docId);
  }
}

export function registerHover(services: Services): vscode.Disposable {
  const selector = annotatedLanguages.map((language) => ({ language }));
  return vscode.languages.registerHoverProvider(selector, new AnnotationHoverProvider(services));
}
