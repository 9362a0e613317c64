/**
 * The review commands. Each accepts its answers as arguments (from hover links, view items and
 * tests) and asks for what is missing. After an action a notification offers Undo; the palette has
 * "Undo Last Review Action" too (editor undo is left to the text).
 */
import * as vscode from 'vscode';
import type { AnnotationKind } from '../../../core';
import { describeMark, type LexiconAddition, type ReviewMark } from '../../../core/review';
import { CommandId } from '../../commandIds';
import type { Services } from '../../services/types';
import { registerSafeCommand } from '../commands/run';
import { clearMarks, placeMark, authorName, type ActionResult, type MarkDetails } from './actions';
import { saveToWorkspaceLexicon } from './lexiconSave';
import { askKind, askLegalCategory, askOrganisationType, askSource, askText, isLegalCategory, isOrganisationType, sourceFromArg } from './prompts';
import type { ReviewModel } from './reviewModel';
import { resolveTarget, type ReviewTarget } from './targets';
import { showInformation } from '../../util/notify';

const highlightKinds: readonly AnnotationKind[] = ['figure', 'organisation', 'legal-term'];
const figureFirst: readonly AnnotationKind[] = ['figure'];

export function registerReviewCommands(services: Services, model: ReviewModel): vscode.Disposable {
  const { log, index, config } = services;
  const author = () => authorName(config.current.review.author);

  async function target(arg: unknown, kinds: readonly AnnotationKind[], what: string): Promise<ReviewTarget | undefined> {
    const t = await resolveTarget(arg, index, kinds);
    if (!t) void showInformation(`Put the cursor on ${what} or select some text first.`);
    return t;
  }

  function announce(result: ActionResult): ActionResult {
    const label = `${describeMark(result.mark)}: "${result.mark.anchor.exact}"`;
    void showInformation(label, 'Undo').then(
      (choice) => (choice ? model.store.undo(result.undo.serial) : undefined),
      (e) => log.error('review: undo from the notification failed', e),
    );
    return result;
  }

  async function mark(
    arg: unknown,
    kinds: readonly AnnotationKind[],
    what: string,
    state: ReviewMark['state'],
    details: (document: vscode.Uri) => Promise<MarkDetails | undefined>,
  ) {
    const t = await target(arg, kinds, what);
    if (!t) return undefined;
    const d = await details(t.document.uri);
    if (!d) return undefined;
    return announce(await placeMark(model, t, state, d, author()));
  }

  return vscode.Disposable.from(
    registerSafeCommand(log, CommandId.markVerified, 'mark the figure verified', (arg?: unknown, source?: unknown) =>
      mark(arg, figureFirst, 'a figure', 'verified', async (document) => {
        const s = (await sourceFromArg(source, document)) ?? (await askSource());
        return s && { source: s };
      }),
    ),
    registerSafeCommand(log, CommandId.markDisputed, 'mark the figure disputed', (arg?: unknown, reason?: unknown) =>
      mark(arg, figureFirst, 'a figure', 'disputed', async () => {
        const r = typeof reason === 'string' && reason.trim() ? reason : await askText('Disputed because…', 'Why is this figure wrong or doubtful?');
        return r === undefined ? undefined : { reason: r.trim() };
      }),
    ),
    registerSafeCommand(log, CommandId.addNote, 'add the note', (arg?: unknown, text?: unknown) =>
      mark(arg, highlightKinds, 'a highlight', 'note', async () => {
        const n = typeof text === 'string' && text.trim() ? text : await askText('Note', 'Your note on the selection');
        return n === undefined ? undefined : { text: n.trim() };
      }),
    ),
    registerSafeCommand(log, CommandId.markNotClaim, 'mark the highlight as not a claim', (arg?: unknown) =>
      mark(arg, highlightKinds, 'a highlight', 'not-a-claim', async () => ({})),
    ),
    registerSafeCommand(log, CommandId.annotateMissed, 'annotate the selection', async (arg?: unknown, kind?: unknown) => {
      const t = await target(arg, [], 'text');
      if (!t) return undefined;
      const k = highlightKinds.includes(kind as AnnotationKind) ? (kind as AnnotationKind) : await askKind();
      if (!k) return undefined;
      return announce(await placeMark(model, { document: t.document, span: t.span }, 'added', { kind: k }, author()));
    }),
    registerSafeCommand(log, CommandId.clearMark, 'clear the review mark', async (arg?: unknown) => {
      const markId = (arg as { markId?: unknown } | undefined)?.markId;
      let undo;
      if (typeof markId === 'string') {
        // A Review view item: an orphan has no place to resolve, only its id.
        const store = model.store.storeOf(markId);
        undo = store ? await store.apply({ remove: [markId] }, 'clear 1 mark') : undefined;
      } else {
        const t = await target(arg, highlightKinds, 'a marked span');
        if (!t) return undefined;
        undo = await clearMarks(model, t);
      }
      if (!undo) {
        void showInformation('There is no review mark here.');
        return 0;
      }
      void showInformation(`Cleared ${undo.removed.length} review mark${undo.removed.length === 1 ? '' : 's'}.`, 'Undo').then((c) =>
        c ? model.store.undo(undo.serial) : undefined,
      );
      return undo.removed.length;
    }),
    registerSafeCommand(log, CommandId.saveToLexicon, 'save to the workspace lexicon', async (arg?: unknown, details?: unknown) => {
      const t = await target(arg, ['organisation', 'legal-term'], 'an organisation or legal term you annotated');
      if (!t) return undefined;
      const added = model
        .placementsFor(t.document.uri)
        .find(
          (p) =>
            p.mark.state === 'added' &&
            p.span &&
            p.span.start < t.span.end &&
            t.span.start < p.span.end &&
            (p.mark.kind === 'organisation' || p.mark.kind === 'legal-term'),
        );
      const text = added ? added.mark.anchor.exact : t.document.getText().slice(t.span.start, t.span.end);
      const kind = (added?.mark.kind ?? t.kind) as AnnotationKind | undefined;
      if (kind !== 'organisation' && kind !== 'legal-term')
        throw new Error('only organisations and legal terms go in the lexicon; annotate the text as one first');
      const addition = await lexiconAddition(kind, text, (details ?? {}) as Record<string, unknown>);
      if (!addition) return undefined;
      const result = await saveToWorkspaceLexicon(config, addition, t.document.uri);
      const where = vscode.workspace.asRelativePath(result.uri, false);
      void showInformation(
        result.outcome === 'present' ? `"${text}" is already in ${where}.` : `Saved "${text}" to ${where}; the workspace is re-indexed with it.`,
      );
      return { id: result.id, outcome: result.outcome, uri: result.uri.toString() };
    }),
    registerSafeCommand(log, CommandId.nextUnreviewed, 'go to the next unreviewed figure', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return undefined;
      const entry = index.get(editor.document.uri);
      if (!entry || entry.version !== editor.document.version) await index.analyzeDocument(editor.document);
      const waiting = (model.progressFor(editor.document.uri)?.figures ?? []).filter((f) => !f.verdict).map((f) => f.figure);
      if (waiting.length === 0) {
        void showInformation('Every figure in this document is reviewed.');
        return undefined;
      }
      const cursor = editor.document.offsetAt(editor.selection.end);
      const next = [...waiting].sort((a, b) => a.start - b.start).find((f) => f.start >= cursor) ?? waiting.reduce((a, b) => (a.start <= b.start ? a : b));
      const range = new vscode.Range(editor.document.positionAt(next.start), editor.document.positionAt(next.end));
      editor.selection = new vscode.Selection(range.start, range.end);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      return { start: next.start, end: next.end, text: next.text };
    }),
    registerSafeCommand(log, CommandId.undoReviewAction, 'undo the review action', async (serial?: unknown) => {
      const label = await model.store.undo(typeof serial === 'number' ? serial : undefined);
      void showInformation(label ? `Undone: ${label}.` : 'No review action to undo.');
      return label;
    }),
  );
}

async function lexiconAddition(kind: 'organisation' | 'legal-term', text: string, given: Record<string, unknown>): Promise<LexiconAddition | undefined> {
  const canonical =
    typeof given.canonical === 'string' && given.canonical.trim() ? given.canonical.trim() : await askText('Canonical name', 'The name to list it under', text);
  if (!canonical) return undefined;
  if (kind === 'organisation') {
    const type = isOrganisationType(given.type) ? given.type : await askOrganisationType();
    return type && { kind, text, canonical, type };
  }
  const category = isLegalCategory(given.category) ? given.category : await askLegalCategory();
  if (!category) return undefined;
  const definition =
    typeof given.definition === 'string' && given.definition.trim()
      ? given.definition.trim()
      : await askText('Definition', 'One sentence saying what it is, for hover cards');
  return definition ? { kind, text, canonical, category, definition } : undefined;
}
