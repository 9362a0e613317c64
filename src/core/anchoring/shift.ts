/**
 * Moves a span through one text change the way an editor reports it (replace `[start, end)` with
 * `text`). A change that only touches what lies before or after the span shifts it; a change that
 * overlaps it leaves its place unknown, and the caller re-anchors by quote instead.
 */
import type { Span } from '../types';

export interface TextChange {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The span after `change`, or `undefined` when the change overlaps it. */
export function shiftSpan(span: Span, change: TextChange): Span | undefined {
  if (change.end <= span.start) {
    const delta = change.text.length - (change.end - change.start);
    // An insertion exactly at the start goes before the span: typing at a figure's left edge moves it.
    return { start: span.start + delta, end: span.end + delta };
  }
  if (change.start >= span.end) return span;
  return undefined;
}

/**
 * Applies several changes reported together. VS Code reports the changes of one event against the
 * text before the event, in any order, without overlaps; applying them from the last to the first
 * keeps each one's offsets valid.
 */
export function shiftSpanThrough(span: Span, changes: readonly TextChange[]): Span | undefined {
  let current: Span | undefined = span;
  const ordered = [...changes].sort((a, b) => b.start - a.start);
  for (const change of ordered) {
    if (!current) return undefined;
    current = shiftSpan(current, change);
  }
  return current;
}
