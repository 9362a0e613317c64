/**
 * The review part of a hover card: who marked the text, when, and on what grounds, and links to
 * mark it. Registered as its own hover provider (VS Code joins it with the highlight's card); all
 * text from the file or the document is escaped, and only the review commands are trusted.
 */
import * as vscode from 'vscode';
import { describeMark, overlaps, type Placement } from '../../../core/review';
import { CommandId } from '../../commandIds';
import type { Services } from '../../services/types';
import { isAnnotatedLanguage } from '../../util/documents';
import { commandLink, escapeMarkdown as esc } from '../../util/markdown';
import type { ReviewModel } from './reviewModel';
import type { TargetArgs } from './targets';

const maxMarksShown = 10;
const actionCommands = [CommandId.markVerified, CommandId.markDisputed, CommandId.addNote, CommandId.markNotClaim, CommandId.clearMark];

/** The hover markdown for `position`, or undefined when there is no mark or highlight there. */
export function reviewHoverFor(
  model: ReviewModel,
  services: Pick<Services, 'index'>,
  document: vscode.TextDocument,
  position: vscode.Position,
): vscode.MarkdownString | undefined {
  const offset = document.offsetAt(position);
  const at = { start: offset, end: offset + 1 };
  const marks = model
    .placementsFor(document.uri, document.getText())
    .filter((p): p is Placement & { span: { start: number; end: number } } => p.span !== undefined && (overlaps(p.span, at) || p.span.end === offset));
  const entry = services.index.get(document.uri);
  const highlight = entry && entry.version === document.version ? entry.analysis.annotations.find((a) => a.start <= offset && offset <= a.end) : undefined;
  if (marks.length === 0 && !highlight) return undefined;

  const lines: string[] = [];
  // A card stays readable however many marks a span carries: the newest few, and how many more.
  const shown = marks.length > maxMarksShown ? [...marks].sort((a, b) => (a.mark.modified < b.mark.modified ? 1 : -1)).slice(0, maxMarksShown) : marks;
  for (const { mark } of shown) {
    const when = mark.modified.replace('T', ' ').slice(0, 16);
    lines.push(`**${esc(describeMark(mark))}** — ${esc(mark.creator)}, ${esc(when)}`);
    if (mark.source?.kind === 'url' && /^https?:\/\/[^\s)]+$/i.test(mark.source.value))
      lines.push(`Source: [${esc(mark.source.value)}](${encodeURI(mark.source.value)})`);
  }
  if (shown.length < marks.length) lines.push(`…and ${marks.length - shown.length} more review marks here (see the Review view).`);
  const span = highlight ? { start: highlight.start, end: highlight.end } : marks[0]!.span;
  const args: TargetArgs = { uri: document.uri.toString(), start: span.start, end: span.end };
  const links = [
    commandLink('Verify', CommandId.markVerified, args, 'Mark verified, with a source'),
    commandLink('Dispute', CommandId.markDisputed, args, 'Mark disputed, with a reason'),
    commandLink('Note', CommandId.addNote, args, 'Attach a note'),
    commandLink('Not a claim', CommandId.markNotClaim, args, 'This highlight is a false positive'),
    ...(marks.length ? [commandLink('Clear', CommandId.clearMark, args, 'Remove the review marks here')] : []),
  ];
  lines.push(links.join(' · '));
  const md = new vscode.MarkdownString(lines.join('\n\n'));
  md.isTrusted = { enabledCommands: actionCommands };
  return md;
}

export function registerReviewHover(model: ReviewModel, services: Pick<Services, 'index' | 'config'>): vscode.Disposable {
  const selector = ['crime-report', 'plaintext', 'markdown'].map((language) => ({ language }));
  return vscode.languages.registerHoverProvider(selector, {
    provideHover(document, position) {
      if (!isAnnotatedLanguage(document.languageId, services.config.current.decoratePlainTextAndMarkdown)) return undefined;
      const md = reviewHoverFor(model, services, document, position);
      return md && new vscode.Hover(md);
    },
  });
}
