/**
 * The hand-annotated gold set (test/fixtures/gold, see its GUIDELINES.md): loading it, scoring
 * predictions against it, and printing the scores. Used by test/unit/accuracy.test.ts and
 * scripts/eval-accuracy.ts.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

export type Kind = 'figure' | 'organisation' | 'legal-term';
export const KINDS: readonly Kind[] = ['figure', 'organisation', 'legal-term'];
/** seeds: the real source documents; samples: our shipped corpus; heldout: texts written by the annotator, unseen by the extractor's authors when first scored; dev: figure-only texts the extractor's authors tune on. */
export type Corpus = 'seeds' | 'samples' | 'heldout' | 'dev' | 'blind';
export const CORPORA: readonly Corpus[] = ['seeds', 'samples', 'heldout', 'dev', 'blind'];

export interface GoldAnnotation {
  readonly start: number;
  readonly end: number;
  readonly kind: Kind;
  /** Acceptable normalised measures for a figure, preferred first. */
  readonly counts?: readonly string[];
  readonly unit?: string;
  readonly value?: number;
  readonly entityId?: string;
  readonly category?: string;
  /** In sample and held-out gold: the annotated text, checked against the slice on load. */
  readonly quote?: string;
}

interface GoldFile {
  readonly document: string;
  readonly sha256?: string;
  /** The kinds this file annotates (all when absent); predictions of other kinds are not scored. */
  readonly kinds?: readonly Kind[];
  readonly annotations: readonly GoldAnnotation[];
}

export interface GoldCase {
  readonly corpus: Corpus;
  readonly document: string;
  readonly text: string;
  readonly gold: readonly GoldAnnotation[];
  readonly kinds?: readonly Kind[];
}

export interface LoadedCorpus {
  readonly corpus: Corpus;
  readonly cases: readonly GoldCase[];
  /** Why the corpus could not be loaded (its texts are absent); cases is then empty. */
  readonly skipped?: string;
  /** Gold that no longer fits its text: a changed hash, a quote that differs from its slice. */
  readonly problems: readonly string[];
}

/** The minimum a scorer needs from a prediction; core annotations and baseline spans both fit. */
export interface Prediction {
  readonly start: number;
  readonly end: number;
  readonly kind: Kind;
  readonly counts?: string | null;
  readonly value?: number;
  readonly unit?: string;
  readonly entityId?: string;
  readonly category?: string;
}

const repoRoot = path.resolve(__dirname, '../..');
export const goldDir = path.join(repoRoot, 'test/fixtures/gold');
/** The seed texts live outside the repository and must never be copied into it. */
export const seedsDir = path.resolve(repoRoot, '../shared/seeds');
export const samplesDir = path.join(repoRoot, 'samples');

export function textDirOf(corpus: Corpus): string {
  if (corpus === 'seeds') return seedsDir;
  // blind: annotated before the extractor ever ran on it; scored, never tuned on (see blind/README.md)
  if (corpus === 'blind') return path.join(goldDir, 'blind/texts');
  if (corpus === 'dev') return path.join(goldDir, 'dev/texts');
  return corpus === 'samples' ? samplesDir : path.join(goldDir, 'heldout/texts');
}

export function loadCorpus(corpus: Corpus, textDir: string = textDirOf(corpus)): LoadedCorpus {
  const dir = path.join(goldDir, corpus);
  if (!existsSync(dir)) return { corpus, cases: [], problems: [], skipped: `no gold in ${dir}` };
  if (!existsSync(textDir)) return { corpus, cases: [], problems: [], skipped: `${textDir} is absent` };
  const cases: GoldCase[] = [];
  const problems: string[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const gold = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as GoldFile;
    const textPath = path.join(textDir, gold.document);
    if (!existsSync(textPath)) {
      problems.push(`${corpus}/${file}: its document ${gold.document} is missing`);
      continue;
    }
    const bytes = readFileSync(textPath);
    const text = bytes.toString('utf8');
    if (gold.sha256 && createHash('sha256').update(bytes).digest('hex') !== gold.sha256) {
      problems.push(`${corpus}/${file}: ${gold.document} changed since it was annotated (sha256 differs)`);
      continue;
    }
    for (const a of gold.annotations) {
      if (a.quote !== undefined && text.slice(a.start, a.end) !== a.quote) {
        problems.push(
          `${corpus}/${file}: ${a.kind} ${a.start}-${a.end} should read ${JSON.stringify(a.quote)} but reads ${JSON.stringify(text.slice(a.start, a.end))}`,
        );
      }
    }
    cases.push({ corpus, document: gold.document, text, gold: gold.annotations, ...(gold.kinds ? { kinds: gold.kinds } : {}) });
  }
  return { corpus, cases, problems };
}

export interface Tally {
  gold: number;
  predicted: number;
  matched: number;
  exact: number;
}

export interface Score {
  documents: number;
  readonly byKind: Record<Kind, Tally>;
  /** Matched gold figures, and how many of them the prediction's `counts` got right. */
  readonly counts: { matched: number; right: number };
  /** Matched organisations where the prediction had an entityId, and how many agreed. */
  readonly entityIds: { compared: number; agreed: number };
  readonly categories: { compared: number; agreed: number };
  /** Matched figures where the prediction had a value, and how many had the gold value and unit. */
  readonly values: { compared: number; agreed: number };
}

export interface Miss {
  readonly document: string;
  readonly corpus: Corpus;
  readonly kind: Kind;
  readonly start: number;
  readonly end: number;
  /** What the wrong half of a matched pair said, e.g. counts "charges" where gold says "arrests". */
  readonly note?: string;
}

export interface DocumentResult {
  readonly score: Score;
  readonly falsePositives: readonly Miss[];
  readonly falseNegatives: readonly Miss[];
  /** Matched figures whose `counts` is wrong. */
  readonly wrongCounts: readonly Miss[];
  /** Matched figures whose value or unit differs from the gold. */
  readonly wrongValues: readonly Miss[];
}

function emptyScore(): Score {
  const t = (): Tally => ({ gold: 0, predicted: 0, matched: 0, exact: 0 });
  return {
    documents: 0,
    byKind: { figure: t(), organisation: t(), 'legal-term': t() },
    counts: { matched: 0, right: 0 },
    entityIds: { compared: 0, agreed: 0 },
    categories: { compared: 0, agreed: 0 },
    values: { compared: 0, agreed: 0 },
  };
}

/**
 * Pairs each prediction with at most one gold annotation of the same kind whose span overlaps it,
 * greedily by largest overlap, so a long prediction cannot be credited for two gold spans.
 */
export function matchSpans<G extends { start: number; end: number }, P extends { start: number; end: number }>(
  gold: readonly G[],
  predicted: readonly P[],
): Array<[G, P]> {
  const candidates: Array<{ g: number; p: number; overlap: number; slack: number }> = [];
  gold.forEach((g, gi) =>
    predicted.forEach((p, pi) => {
      const overlap = Math.min(g.end, p.end) - Math.max(g.start, p.start);
      if (overlap > 0) candidates.push({ g: gi, p: pi, overlap, slack: Math.abs(g.start - p.start) + Math.abs(g.end - p.end) });
    }),
  );
  candidates.sort((a, b) => b.overlap - a.overlap || a.slack - b.slack || a.g - b.g || a.p - b.p);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  const pairs: Array<[G, P]> = [];
  for (const c of candidates) {
    if (usedG.has(c.g) || usedP.has(c.p)) continue;
    usedG.add(c.g);
    usedP.add(c.p);
    pairs.push([gold[c.g]!, predicted[c.p]!]);
  }
  return pairs;
}

const norm = (s: string) => s.trim().toLowerCase();

/** Gold writes 17 years 10 months as 17.8333, so values agree to four significant places. */
function sameValue(p: Prediction, g: GoldAnnotation): boolean {
  if (p.unit !== g.unit) return false;
  return Math.abs(p.value! - g.value!) <= 1e-4 * Math.max(1, Math.abs(g.value!));
}

export function scoreDocument(goldCase: GoldCase, predictions: readonly Prediction[]): DocumentResult {
  const score = emptyScore();
  score.documents = 1;
  const falsePositives: Miss[] = [];
  const falseNegatives: Miss[] = [];
  const wrongCounts: Miss[] = [];
  const wrongValues: Miss[] = [];
  const miss = (kind: Kind, s: { start: number; end: number }, note?: string): Miss => ({
    document: goldCase.document,
    corpus: goldCase.corpus,
    kind,
    start: s.start,
    end: s.end,
    ...(note === undefined ? {} : { note }),
  });
  for (const kind of goldCase.kinds ?? KINDS) {
    const gold = goldCase.gold.filter((a) => a.kind === kind);
    const predicted = predictions.filter((a) => a.kind === kind);
    const pairs = matchSpans(gold, predicted);
    const tally = score.byKind[kind];
    tally.gold += gold.length;
    tally.predicted += predicted.length;
    tally.matched += pairs.length;
    for (const [g, p] of pairs) {
      if (g.start === p.start && g.end === p.end) tally.exact++;
      if (kind === 'figure') {
        score.counts.matched++;
        const ok = !!p.counts && (g.counts ?? []).some((c) => norm(c) === norm(p.counts!));
        if (ok) score.counts.right++;
        else wrongCounts.push(miss(kind, g, `counts ${JSON.stringify(p.counts ?? null)}, gold ${(g.counts ?? []).join(' | ')}`));
        if (p.value !== undefined && g.value !== undefined) {
          score.values.compared++;
          if (sameValue(p, g)) score.values.agreed++;
          else wrongValues.push(miss(kind, g, `${p.value} ${p.unit}, gold ${g.value} ${g.unit}`));
        }
      }
      if (kind === 'organisation' && p.entityId !== undefined && g.entityId !== undefined) {
        score.entityIds.compared++;
        if (p.entityId === g.entityId) score.entityIds.agreed++;
      }
      if (kind === 'legal-term' && p.category !== undefined && g.category !== undefined) {
        score.categories.compared++;
        if (p.category === g.category) score.categories.agreed++;
      }
    }
    const matchedG = new Set(pairs.map(([g]) => g));
    const matchedP = new Set(pairs.map(([, p]) => p));
    for (const g of gold)
      if (!matchedG.has(g)) falseNegatives.push(miss(kind, g, kind === 'figure' ? `gold counts ${(g.counts ?? []).join(' | ')}` : (g.entityId ?? g.category)));
    for (const p of predicted) if (!matchedP.has(p)) falsePositives.push(miss(kind, p));
  }
  return { score, falsePositives, falseNegatives, wrongCounts, wrongValues };
}

export function addScores(scores: readonly Score[]): Score {
  const total = emptyScore();
  for (const s of scores) {
    total.documents += s.documents;
    for (const kind of KINDS) {
      const t = total.byKind[kind];
      const x = s.byKind[kind];
      t.gold += x.gold;
      t.predicted += x.predicted;
      t.matched += x.matched;
      t.exact += x.exact;
    }
    total.counts.matched += s.counts.matched;
    total.counts.right += s.counts.right;
    total.entityIds.compared += s.entityIds.compared;
    total.entityIds.agreed += s.entityIds.agreed;
    total.categories.compared += s.categories.compared;
    total.categories.agreed += s.categories.agreed;
    total.values.compared += s.values.compared;
    total.values.agreed += s.values.agreed;
  }
  return total;
}

export interface Rates {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** Share of matched pairs with identical boundaries. */
  readonly exactRate: number;
}

export function rates(t: Tally): Rates {
  const precision = t.predicted ? t.matched / t.predicted : 0;
  const recall = t.gold ? t.matched / t.gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, exactRate: t.matched ? t.exact / t.matched : 0 };
}

export function countsRate(s: Score): number {
  return s.counts.matched ? s.counts.right / s.counts.matched : 0;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);
const f2 = (x: number) => x.toFixed(2).padStart(4);

/** What a system cannot produce at all, shown as n/a rather than as a score of 0. */
export type Capability = Kind | 'counts';

/**
 * One table comparing systems on one corpus. A system that cannot produce something (compromise
 * has no legal terms and no measures) lists it in `unsupported`.
 */
export function formatTable(title: string, systems: ReadonlyArray<{ name: string; score: Score; unsupported?: readonly Capability[] }>): string {
  const first = systems[0]?.score;
  if (!first) return `${title}: no systems`;
  const lines = [`${title} (${first.documents} documents)`];
  const head = ['kind'.padEnd(13), 'gold'.padStart(5)];
  for (const s of systems) head.push(`| ${s.name.padEnd(11)} pred  hit    P     R    F1  exact`);
  lines.push(head.join(' '));
  for (const kind of KINDS) {
    const row = [kind.padEnd(13), String(first.byKind[kind].gold).padStart(5)];
    for (const s of systems) {
      const t = s.score.byKind[kind];
      if (s.unsupported?.includes(kind)) {
        row.push(`| ${''.padEnd(11)} ${'n/a'.padStart(4)}`.padEnd(46));
        continue;
      }
      const r = rates(t);
      row.push(
        `| ${''.padEnd(11)} ${String(t.predicted).padStart(4)} ${String(t.matched).padStart(4)}  ${f2(r.precision)}  ${f2(r.recall)}  ${f2(r.f1)} ${pct(r.exactRate)}`,
      );
    }
    lines.push(row.join(' '));
  }
  const extras = [`${'counts right'.padEnd(13)} ${''.padStart(5)}`];
  for (const s of systems) {
    const c = s.score.counts;
    const shown = c.matched && !s.unsupported?.includes('counts') ? `${c.right}/${c.matched} = ${pct(c.right / c.matched).trim()}` : 'n/a';
    extras.push(`| ${''.padEnd(11)} ${shown}`.padEnd(46));
  }
  lines.push(extras.join(' '));
  const agreement = (label: string, pick: (s: Score) => { compared: number; agreed: number }) => {
    const row = [label.padEnd(19)];
    for (const s of systems) {
      const a = pick(s.score);
      row.push(`| ${''.padEnd(11)} ${a.compared ? `${a.agreed}/${a.compared}` : 'n/a'}`.padEnd(46));
    }
    return row.join(' ');
  };
  lines.push(agreement('entity id agreed', (s) => s.entityIds));
  lines.push(agreement('category agreed', (s) => s.categories));
  lines.push(agreement('value+unit agreed', (s) => s.values));
  return lines.join('\n');
}

/** A miss as one line, with the text it covers when the text is at hand. */
export function formatMiss(m: Miss, text: string | undefined): string {
  const quote = text === undefined ? '' : ` ${JSON.stringify(text.slice(m.start, m.end))}`;
  const line = text === undefined ? '' : ` line ${text.slice(0, m.start).split('\n').length}`;
  return `  ${m.kind.padEnd(12)} ${m.start}-${m.end}${line}${quote}${m.note ? `  (${m.note})` : ''}`;
}
