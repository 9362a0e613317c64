/**
 * Which spans get which highlight: pure, so the benchmark and unit tests can run it without VS Code.
 */
import type { Annotation, Span } from '../../core';

export type DecorationKind = 'figure' | 'organisation' | 'legalTerm' | 'conflict' | 'checkFailed';
export const decorationKinds: readonly DecorationKind[] = ['figure', 'organisation', 'legalTerm', 'conflict', 'checkFailed'];

export interface HighlightSwitches {
  readonly figures: boolean;
  readonly organisations: boolean;
  readonly legalTerms: boolean;
}

/** A figure's standing in the record: in conflict with another source, or in a failed check. */
export type FigureTrouble = 'conflict' | 'checkFailed' | undefined;

export type DecorationPlan = Record<DecorationKind, Span[]>;

export function planDecorations(annotations: readonly Annotation[], on: HighlightSwitches, troubleOf: (annotationId: string) => FigureTrouble): DecorationPlan {
  const plan: DecorationPlan = { figure: [], organisation: [], legalTerm: [], conflict: [], checkFailed: [] };
  for (const a of annotations) {
    if (a.kind === 'figure') {
      if (!on.figures) continue;
      plan.figure.push(a);
      // The trouble mark is drawn over the figure's own highlight, so both show.
      const trouble = troubleOf(a.id);
      if (trouble) plan[trouble].push(a);
    } else if (a.kind === 'organisation') {
      if (on.organisations) plan.organisation.push(a);
    } else if (on.legalTerms) plan.legalTerm.push(a);
  }
  return plan;
}

/** A range as line and character numbers, what VS Code draws; no `vscode` import so it stays pure. */
export interface LineRange {
  readonly startLine: number;
  readonly startCharacter: number;
  readonly endLine: number;
  readonly endCharacter: number;
}

/** What the chunk-by-chunk path needs of a chunk (IncrementalAnalysis.chunkViews gives these). */
export interface DecoratableChunk {
  readonly line: number;
  readonly text: string;
  readonly local: { readonly annotations: readonly Annotation[] };
}

export type BaseKind = 'figure' | 'organisation' | 'legalTerm';
const baseKinds: readonly BaseKind[] = ['figure', 'organisation', 'legalTerm'];

interface ChunkRanges {
  readonly switches: string;
  /** Relative to the chunk's first line. */
  readonly local: Record<BaseKind, LineRange[]>;
  line: number;
  placed: Record<BaseKind, LineRange[]>;
}

/**
 * Figure, organisation and legal-term ranges computed chunk by chunk and cached per chunk analysis.
 * A chunk is a run of whole lines, so its ranges move only by lines: a keystroke that does not add
 * or remove a line reuses every untouched chunk's ranges as they are, and one that does only adds
 * a line count to them. This is what keeps a decoration update in a long document to milliseconds.
 */
export class ChunkedRanges {
  private readonly cache = new WeakMap<object, ChunkRanges>();

  compute(chunks: readonly DecoratableChunk[], on: HighlightSwitches): Record<BaseKind, LineRange[]> {
    const switches = `${on.figures}${on.organisations}${on.legalTerms}`;
    const out: Record<BaseKind, LineRange[]> = { figure: [], organisation: [], legalTerm: [] };
    for (const chunk of chunks) {
      let entry = this.cache.get(chunk.local);
      if (!entry || entry.switches !== switches) {
        const local = localRanges(chunk, on);
        entry = { switches, local, line: 0, placed: local };
        this.cache.set(chunk.local, entry);
      }
      if (entry.line !== chunk.line) {
        const d = chunk.line;
        const shift = (r: LineRange): LineRange => ({
          startLine: r.startLine + d,
          startCharacter: r.startCharacter,
          endLine: r.endLine + d,
          endCharacter: r.endCharacter,
        });
        entry.placed = {
          figure: entry.local.figure.map(shift),
          organisation: entry.local.organisation.map(shift),
          legalTerm: entry.local.legalTerm.map(shift),
        };
        entry.line = d;
      }
      for (const k of baseKinds) {
        const from = entry.placed[k];
        for (let i = 0; i < from.length; i++) out[k].push(from[i]);
      }
    }
    return out;
  }
}

function localRanges(chunk: DecoratableChunk, on: HighlightSwitches): Record<BaseKind, LineRange[]> {
  const starts = lineStarts(chunk.text);
  const at = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return [lo, offset - starts[lo]] as const;
  };
  const plan = planDecorations(chunk.local.annotations, on, () => undefined);
  const toRanges = (spans: readonly Span[]) =>
    spans.map((s) => {
      const [sl, sc] = at(s.start);
      const [el, ec] = at(s.end);
      return { startLine: sl, startCharacter: sc, endLine: el, endCharacter: ec };
    });
  return { figure: toRanges(plan.figure), organisation: toRanges(plan.organisation), legalTerm: toRanges(plan.legalTerm) };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}
