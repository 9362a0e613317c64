/**
 * The review actions, given everything they need (no prompts here): each builds marks, replaces
 * any mark it supersedes on the same span, and goes through the store as one undoable step.
 */
import { describeSpan } from '../../../core/anchoring';
import { isExclusive, overlaps, type ReviewMark, type ReviewSource, type ReviewState } from '../../../core/review';
import type { AnnotationKind } from '../../../core';
import type { ReviewModel } from './reviewModel';
import type { UndoEntry } from './reviewStore';
import { relativePath } from './paths';
import type { ReviewTarget } from './targets';

export interface MarkDetails {
  readonly source?: ReviewSource;
  readonly reason?: string;
  readonly text?: string;
  readonly kind?: AnnotationKind;
}

export interface ActionResult {
  readonly mark: ReviewMark;
  readonly undo: UndoEntry;
}

export function newMarkId(): string {
  return `urn:uuid:${newUuid()}`;
}

/** A version-4 UUID, from Web Crypto (desktop and web worker alike). */
export function newUuid(): string {
  const c = (globalThis as unknown as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  // Only where no Web Crypto exists: still unique enough for one workspace's marks.
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(Math.random() * 4)]}${hex(3)}-${hex(12)}`;
}

export function authorName(setting: string): string {
  if (setting.trim()) return setting.trim();
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.USER || env?.USERNAME || env?.LOGNAME || 'unknown';
}

export async function placeMark(model: ReviewModel, target: ReviewTarget, state: ReviewState, details: MarkDetails, author: string): Promise<ActionResult> {
  const path = relativePath(target.document.uri);
  if (path === undefined) throw new Error('review marks are kept for documents inside a workspace folder only');
  const text = target.document.getText();
  const now = new Date().toISOString();
  const kind = details.kind ?? target.kind;
  const mark: ReviewMark = {
    id: newMarkId(),
    state,
    document: path,
    anchor: describeSpan(text, target.span.start, target.span.end),
    creator: author,
    created: now,
    modified: now,
    ...(details.source ? { source: details.source } : {}),
    ...(details.reason !== undefined ? { reason: details.reason } : {}),
    ...(details.text !== undefined ? { text: details.text } : {}),
    ...(kind ? { kind } : {}),
  };
  // A figure is verified, disputed or not a claim: a new verdict replaces the old one on the same text.
  const superseded = isExclusive(state)
    ? model
        .placementsFor(target.document.uri)
        .filter((p) => isExclusive(p.mark.state) && p.span && overlaps(p.span, target.span))
        .map((p) => p.mark.id)
    : state === 'added'
      ? model
          .placementsFor(target.document.uri)
          .filter((p) => p.mark.state === 'added' && p.span && p.span.start === target.span.start && p.span.end === target.span.end)
          .map((p) => p.mark.id)
      : [];
  const undo = await model.store.apply(target.document.uri, { add: [mark], remove: superseded }, `${state} "${mark.anchor.exact}"`);
  return { mark, undo };
}

/** Removes one mark, or every mark on the target's span. */
export async function clearMarks(model: ReviewModel, target: ReviewTarget): Promise<UndoEntry | undefined> {
  const ids = target.markId
    ? [target.markId]
    : model
        .placementsFor(target.document.uri)
        .filter((p) => p.span && overlaps(p.span, target.span))
        .map((p) => p.mark.id);
  if (ids.length === 0) return undefined;
  return model.store.apply(target.document.uri, { remove: ids }, `clear ${ids.length} mark${ids.length === 1 ? '' : 's'}`);
}
