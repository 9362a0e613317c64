/**
 * Places every mark of one document in its current text. One placement per mark, always: a mark
 * that cannot be found is returned orphaned (with a suggestion where similar text exists), never
 * left out, so the Review view can show it and the file keeps it.
 */
import { describeSpan, reanchor, type AnchorMethod, type FuzzyCandidate } from '../anchoring';
import type { Span } from '../types';
import type { ReviewMark } from './model';

export interface Placement {
  readonly mark: ReviewMark;
  /** Where the mark is now; `undefined` when orphaned. */
  readonly span: Span | undefined;
  readonly method?: AnchorMethod;
  /** For an orphan: similar text the editor may want to re-mark. */
  readonly suggestion?: FuzzyCandidate;
}

/** `expected` gives where a mark should start now when the caller followed the edits (undefined: use the stored position). */
export function placeMarks(text: string, marks: readonly ReviewMark[], expected: (mark: ReviewMark) => number | undefined = () => undefined): Placement[] {
  return marks.map((mark) => placeMark(text, mark, expected(mark)));
}

/** `placeMarks` in steps, for a document with thousands of marks: yields every few marks so a host can run it in slices. */
export function* placeMarksSteps(
  text: string,
  marks: readonly ReviewMark[],
  expected: (mark: ReviewMark) => number | undefined = () => undefined,
): Generator<void, Placement[]> {
  const out: Placement[] = [];
  for (let i = 0; i < marks.length; i++) {
    out.push(placeMark(text, marks[i], expected(marks[i])));
    if (i % 100 === 99) yield;
  }
  return out;
}

function placeMark(text: string, mark: ReviewMark, hint: number | undefined): Placement {
  const result = reanchor(text, mark.anchor, hint === undefined ? {} : { expectedStart: hint });
  if (result.status === 'anchored') return { mark, span: { start: result.start, end: result.end }, method: result.method };
  return result.suggestion ? { mark, span: undefined, suggestion: result.suggestion } : { mark, span: undefined };
}

/**
 * The mark with its selectors re-described from where it sits in `text` (after a save), or the same
 * object when nothing changed, so the file is only rewritten when a selector really moved.
 */
export function refreshAnchor(mark: ReviewMark, text: string, span: Span): ReviewMark {
  const anchor = describeSpan(text, span.start, span.end);
  const old = mark.anchor;
  if (anchor.start === old.start && anchor.end === old.end && anchor.exact === old.exact && anchor.prefix === old.prefix && anchor.suffix === old.suffix)
    return mark;
  return { ...mark, anchor };
}
