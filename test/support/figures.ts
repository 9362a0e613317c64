/**
 * Builds documents with hand-made figure annotations, so the record and checks can be tested before (and
 * independently of) the extractors. Figures are found by their literal text in the document.
 */
import { LineIndex } from '../../src/core/text/lines';
import { countWords, splitSentences } from '../../src/core/text/sentences';
import type { Annotation, DocumentMeta, FigureAnnotation, FigureUnit, OrganisationAnnotation, OrganisationType, QualifierBound } from '../../src/core/types';
import type { SourceDocument } from '../../src/core/record';

export interface FigureSpec {
  /** The figure's text as it appears in the document. */
  readonly text: string;
  /** Which occurrence of `text` (0-based), when it appears more than once. */
  readonly occurrence?: number;
  readonly value?: number;
  readonly unit?: FigureUnit;
  readonly qualifier?: string;
  readonly bound?: QualifierBound;
  readonly precision?: number;
  readonly counts?: string | null;
  readonly subject?: string;
  readonly change?: FigureAnnotation['change'];
  readonly claimant?: string;
  readonly operation?: string;
  readonly period?: FigureAnnotation['period'];
  readonly place?: string;
}

export interface OrgSpec {
  readonly text: string;
  readonly entityId: string;
  readonly orgType?: OrganisationType;
}

const QUALIFIER_BOUNDS: Record<string, QualifierBound> = {
  'more than': 'lower',
  over: 'lower',
  'at least': 'lower',
  'just over': 'lower',
  'up to': 'upper',
  'less than': 'upper',
  under: 'upper',
  'fewer than': 'upper',
  almost: 'approximate',
  nearly: 'approximate',
  around: 'approximate',
  about: 'approximate',
};

/** A figure spec; `counts` defaults to null so a test says what it counts. */
export function fig(text: string, rest: Omit<FigureSpec, 'text'> = {}): FigureSpec {
  return { text, ...rest };
}

function findNth(text: string, needle: string, n: number): number {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`test document has no occurrence ${n} of “${needle}”`);
  }
  return at;
}

/** Value, unit and precision read from the figure's digits when the spec does not give them. */
function readDigits(s: string): { value: number; precision: number; unit: FigureUnit } {
  const m = /(\d[\d,]*(?:\.\d+)?)\s*(m\b|bn\b|k\b)?/.exec(s);
  if (!m) throw new Error(`no digits in “${s}”: give value and precision`);
  const digits = m[1].replace(/,/g, '');
  const decimals = digits.includes('.') ? digits.split('.')[1].length : 0;
  const mult = m[2] === 'm' ? 1e6 : m[2] === 'bn' ? 1e9 : m[2] === 'k' ? 1e3 : 1;
  const unit: FigureUnit = s.includes('£') ? 'GBP' : /kg\b/.test(s) ? 'kg' : s.includes('%') ? 'percent' : /years?\b/.test(s) ? 'years' : 'count';
  return { value: Number(digits) * mult, precision: 10 ** -decimals * mult, unit };
}

export function makeDoc(id: string, text: string, figures: readonly FigureSpec[], meta: DocumentMeta = {}, orgs: readonly OrgSpec[] = []): SourceDocument {
  const lines = new LineIndex(text);
  const sentences = splitSentences(text);
  const sentenceAt = (offset: number) => sentences.find((s) => s.start <= offset && offset < s.end) ?? { start: offset, end: offset };
  const annotations: Annotation[] = [];
  for (const spec of figures) annotations.push(figureAt(findNth(text, spec.text, spec.occurrence ?? 0), spec, lines, sentenceAt));
  for (const o of orgs) {
    const start = findNth(text, o.text, 0);
    const org: OrganisationAnnotation = {
      kind: 'organisation',
      id: `organisation:${start}-${start + o.text.length}`,
      start,
      end: start + o.text.length,
      text: o.text,
      line: lines.lineAt(start),
      source: 'lexicon',
      entityId: o.entityId,
      canonical: o.text,
      orgType: o.orgType ?? 'police-force',
      known: true,
    };
    annotations.push(org);
  }
  annotations.sort((a, b) => a.start - b.start || a.end - b.end);
  return { id, text, analysis: { words: countWords(text), annotations, sentences, meta, notices: [] } };
}

function figureAt(start: number, spec: FigureSpec, lines: LineIndex, sentenceAt: (offset: number) => { start: number; end: number }): FigureAnnotation {
  const end = start + spec.text.length;
  const digits = spec.value === undefined || spec.unit === undefined || spec.precision === undefined ? readDigits(spec.text) : undefined;
  const qualifier = spec.qualifier ?? 'exact';
  return {
    kind: 'figure',
    id: `figure:${start}-${end}`,
    start,
    end,
    text: spec.text,
    line: lines.lineAt(start),
    source: 'rule',
    value: spec.value ?? digits!.value,
    unit: spec.unit ?? digits!.unit,
    qualifier,
    bound: spec.bound ?? QUALIFIER_BOUNDS[qualifier] ?? 'exact',
    precision: spec.precision ?? digits!.precision,
    counts: spec.counts ?? null,
    sentence: sentenceAt(start),
    ...(spec.subject ? { subject: spec.subject } : {}),
    ...(spec.change ? { change: spec.change } : {}),
    ...(spec.claimant ? { claimant: spec.claimant } : {}),
    ...(spec.operation ? { operation: spec.operation } : {}),
    ...(spec.period ? { period: spec.period } : {}),
    ...(spec.place ? { place: spec.place } : {}),
  };
}

/** A document written piece by piece: strings are plain text, specs are figures placed exactly where they fall. */
export function composeDoc(id: string, pieces: readonly (string | FigureSpec)[], meta: DocumentMeta = {}): SourceDocument {
  let text = '';
  const placed: { start: number; spec: FigureSpec }[] = [];
  for (const p of pieces) {
    if (typeof p !== 'string') placed.push({ start: text.length, spec: p });
    text += typeof p === 'string' ? p : p.text;
  }
  const lines = new LineIndex(text);
  const sentences = splitSentences(text);
  const sentenceAt = (offset: number) => sentences.find((s) => s.start <= offset && offset < s.end) ?? { start: offset, end: offset };
  const annotations = placed.map((p) => figureAt(p.start, p.spec, lines, sentenceAt));
  return { id, text, analysis: { words: countWords(text), annotations, sentences, meta, notices: [] } };
}

/** Deterministic pseudo-random numbers (mulberry32), so generated corpora are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FORCES = [
  'met',
  'kent',
  'essex',
  'merseyside',
  'west-midlands',
  'greater-manchester',
  'thames-valley',
  'avon-somerset',
  'west-yorkshire',
  'sussex',
  'hampshire',
  'devon-cornwall',
  'nca',
  'btp',
  'surrey',
  'norfolk',
  'suffolk',
  'lancashire',
  'cheshire',
  'cumbria',
];

/**
 * A synthetic workspace of week-of-action releases: forces report arrests, charges broken down by drug
 * class, seizures and a percentage change, and several documents restate the same force's week (sometimes
 * with a different number), so records span documents, conflict, and checks have work to do.
 */
export function syntheticCorpus(count: number, seed = 1): SourceDocument[] {
  const rnd = seededRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const truth = new Map<string, number[]>();
  const docs: SourceDocument[] = [];
  for (let i = 0; i < count; i++) {
    const force = FORCES[int(0, FORCES.length - 1)];
    const week = int(1, 25);
    const day = (d: number) => new Date(Date.UTC(2023, 0, 2 + d)).toISOString().slice(0, 10);
    const period = { text: `week ${week}`, from: day(week * 7), to: day(week * 7 + 6) };
    const key = `${force}|${week}`;
    const base = truth.get(key) ?? [int(20, 400), int(10, 300), int(5, 90), int(1000, 400000), int(100, 2000), int(-50, 900), int(1, 60)];
    truth.set(key, base);
    const drift = rnd() < 0.1 ? int(1, 9) : 0;
    const [arrests, classA, classB, cash, before, rise, safeguarded] = base;
    const after = before + rise;
    const change = Math.round(((after - before) / before) * 100) + (rnd() < 0.2 ? 1 : 0);
    const pct = `${Math.abs(change)}%`;
    const f = (text: string, rest: Omit<FigureSpec, 'text'>): FigureSpec => ({ text, claimant: force, period, ...rest });
    docs.push(
      composeDoc(
        `synthetic/${String(i).padStart(5, '0')}.crime.txt`,
        [
          `${force} week of action\n\nOfficers made `,
          f(`${arrests + drift} arrests`, { counts: 'arrests' }),
          ' and seized ',
          f(`£${cash.toLocaleString('en-GB')}`, { counts: 'cash seized' }),
          ' in cash.\n\nResults:\n  • ',
          f(`${classA + classB} drug trafficking charges`, { counts: 'charges', subject: 'drug trafficking charges' }),
          '\n  • ',
          f(`${classA} charges`, { counts: 'charges', subject: 'Class A drugs' }),
          ' for Class A drugs and ',
          f(`${classB}`, { counts: 'charges', subject: 'Class B drugs' }),
          ' for Class B drugs\n  • ',
          f(`${safeguarded} people`, { counts: 'people safeguarded' }),
          ' safeguarded\n\nArrests are ',
          f(pct, {
            counts: 'drug trafficking arrests',
            change: { direction: change >= 0 ? 'up' : 'down' },
            unit: 'percent',
            value: Math.abs(change),
            precision: 1,
          }),
          ` ${change >= 0 ? 'up' : 'down'} (`,
          f(before.toLocaleString('en-GB'), { counts: 'drug trafficking arrests' }),
          ' to ',
          f(after.toLocaleString('en-GB'), { counts: 'drug trafficking arrests' }),
          ') on the year before.\n',
          ...Array.from({ length: 6 }, (_, k) => `Paragraph ${k} of background text about county lines and the work of partners in the community.\n`),
        ],
        { publisher: force, date: period.to },
      ),
    );
  }
  return docs;
}
