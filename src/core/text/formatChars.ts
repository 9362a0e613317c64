/**
 * Invisible format characters (Unicode category Cf: zero-width space and joiners, soft hyphen,
 * word joiner, bidi controls, BOM, tag characters) carry no meaning for analysis but split what
 * they sit in: "1\u200b234 arrests" would read as two figures, "£2\u200d14,568" as "£2" and "14,568".
 * Markdown's emphasis markers (text/emphasis.ts) are the same for analysis: "**34** arrests" is
 * "34 arrests". Analysis runs on the text without them; `FormatMap` carries every offset found there
 * back into the original text, so annotations still point at (and quote) what the document really holds.
 *
 * Code points are removed whole (an astral Cf such as a tag character is two UTF-16 units), so a
 * kept surrogate pair is never split. Neither is a line break, so line numbers agree.
 */
import { EMPHASIS_MARKER } from './emphasis';

const FORMAT_CHAR = /[\p{Cf}*_]/u;
const FORMAT_RUNS = new RegExp(String.raw`\p{Cf}+|${EMPHASIS_MARKER}`, 'gu');

/** Offsets between the original text and the text analysis saw (the original minus its Cf characters). */
export interface FormatMap {
  /** The text without format characters. */
  readonly text: string;
  /** Where the character at stripped offset `n` is in the original (for a span's start). */
  toOriginalStart(n: number): number;
  /** The original offset just after the character before stripped offset `n` (for a span's exclusive end). */
  toOriginalEnd(n: number): number;
  /** How many kept characters come before original offset `o` (an original offset in stripped terms). */
  toStripped(o: number): number;
}

/** The text without format characters and the map back, or undefined when it has none (the usual case). */
export function stripFormatChars(text: string): FormatMap | undefined {
  if (!FORMAT_CHAR.test(text)) return undefined;
  // An asterisk or underscore is not always a marker: most texts that hold one have nothing to remove.
  FORMAT_RUNS.lastIndex = 0;
  if (!FORMAT_RUNS.test(text)) return undefined;
  FORMAT_RUNS.lastIndex = 0;
  // One entry per run of removed characters: where it starts in each text, and how many were removed up to its end.
  const strippedAt: number[] = [];
  const originalAt: number[] = [];
  const removedThrough: number[] = [];
  let removed = 0;
  let kept = '';
  let last = 0;
  for (const m of text.matchAll(FORMAT_RUNS)) {
    const at = m.index!;
    kept += text.slice(last, at);
    strippedAt.push(at - removed);
    originalAt.push(at);
    removed += m[0].length;
    removedThrough.push(removed);
    last = at + m[0].length;
  }
  kept += text.slice(last);
  const stripped = kept;

  /** Removed characters before the character at stripped offset `n`: those of every run at or before it. */
  const removedBefore = (n: number): number => {
    let lo = 0;
    let hi = strippedAt.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (strippedAt[mid] <= n) ((found = mid), (lo = mid + 1));
      else hi = mid - 1;
    }
    return found < 0 ? 0 : removedThrough[found];
  };
  const toOriginalStart = (n: number) => n + removedBefore(n);
  return {
    text: stripped,
    toOriginalStart,
    toOriginalEnd: (n) => (n <= 0 ? toOriginalStart(0) : toOriginalStart(n - 1) + 1),
    toStripped(o) {
      // The last run starting before `o`: everything it removed that lies before `o` counts.
      let lo = 0;
      let hi = originalAt.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (originalAt[mid] < o) ((found = mid), (lo = mid + 1));
        else hi = mid - 1;
      }
      if (found < 0) return o;
      const runLength = removedThrough[found] - (found > 0 ? removedThrough[found - 1] : 0);
      const removedInRun = Math.min(runLength, o - originalAt[found]);
      return o - (removedThrough[found] - runLength) - removedInRun;
    },
  };
}

type Spanned = { readonly start: number; readonly end: number };

function isSpan(v: unknown): v is Spanned {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as Spanned).start === 'number' && typeof (v as Spanned).end === 'number';
}

/** A span found in the stripped text, as it lies in the original. An empty span stays empty. */
export function spanToOriginal<S extends Spanned>(span: S, map: FormatMap): S {
  const start = map.toOriginalStart(span.start);
  const end = span.end > span.start ? map.toOriginalEnd(span.end) : start;
  return { ...span, start, end };
}

/**
 * An annotation found in the stripped text, moved into the original: its span, its id and its
 * `text` (the original's own characters, format characters included), and every span-shaped field
 * it carries (a figure's `sentence`, and any such field added later), so no offset is left behind.
 */
export function annotationToOriginal<A extends Spanned & { readonly kind: string; readonly id: string; readonly text: string }>(
  a: A,
  map: FormatMap,
  original: string,
): A {
  const moved: Record<string, unknown> = { ...spanToOriginal(a, map) };
  for (const [key, value] of Object.entries(a)) if (isSpan(value)) moved[key] = spanToOriginal(value, map);
  const { start, end } = moved as Spanned;
  moved.id = `${a.kind}:${start}-${end}`;
  moved.text = original.slice(start, end);
  return moved as A;
}
