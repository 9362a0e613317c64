/**
 * Review marks: what an editor found when checking a figure (verified, disputed), a note on any
 * span, a highlight that is not a claim, and a span the engine missed. Each mark belongs to one
 * document (a workspace-relative path with `/` separators) and is anchored by quote and position.
 */
import type { TextAnchor } from '../anchoring';
import type { AnnotationKind } from '../types';
import type { PreservedFields } from './preserve';

export type ReviewState = 'verified' | 'disputed' | 'note' | 'not-a-claim' | 'added';
export const reviewStates: readonly ReviewState[] = ['verified', 'disputed', 'note', 'not-a-claim', 'added'];

/** Where a verification came from. */
export type ReviewSourceKind = 'url' | 'document' | 'text';
export const reviewSourceKinds: readonly ReviewSourceKind[] = ['url', 'document', 'text'];

export interface ReviewSource {
  readonly kind: ReviewSourceKind;
  /** A URL, a workspace-relative path, or free text ("phoned the press office, 14 May"). */
  readonly value: string;
}

export interface ReviewMark {
  /** `urn:uuid:…`, never reused. */
  readonly id: string;
  readonly state: ReviewState;
  /** Workspace-relative path of the document, `/`-separated. */
  readonly document: string;
  readonly anchor: TextAnchor;
  readonly creator: string;
  /** ISO 8601 date-times. */
  readonly created: string;
  readonly modified: string;
  /** verified: where it was checked. */
  readonly source?: ReviewSource;
  /** disputed: why. */
  readonly reason?: string;
  /** note: the note. */
  readonly text?: string;
  /** added: what the span is; otherwise the kind of highlight the mark was put on, where known. */
  readonly kind?: AnnotationKind;
  /** What the file held for this annotation that this version does not understand, written back as it was (see preserve.ts). */
  readonly preserved?: PreservedFields;
}

/** Marks that give a verdict on a figure, so it counts as reviewed. */
export function isVerdict(state: ReviewState): boolean {
  return state === 'verified' || state === 'disputed';
}

/** Marks that sit on one span and replace each other: a figure is verified or disputed or not a claim, not two at once. */
export function isExclusive(state: ReviewState): boolean {
  return state === 'verified' || state === 'disputed' || state === 'not-a-claim';
}

export function describeMark(mark: ReviewMark): string {
  switch (mark.state) {
    case 'verified':
      return mark.source ? `Verified (${mark.source.kind}: ${mark.source.value})` : 'Verified';
    case 'disputed':
      return mark.reason ? `Disputed: ${mark.reason}` : 'Disputed';
    case 'note':
      return `Note: ${mark.text ?? ''}`;
    case 'not-a-claim':
      return 'Not a claim';
    case 'added':
      return `Added as ${mark.kind ?? 'figure'}`;
  }
}
