/**
 * The acceptance test for anchoring: 1,000 random edit sequences (insert, delete, replace,
 * move a paragraph) against a document with 50 marks. After each sequence every mark must come back
 * either anchored on text equal to its quote or reported orphaned: none vanish, none attach to
 * other text. An oracle follows each mark's true span through the edits, so the test also checks
 * that a mark whose text survived is found, and found in the right place when its quote is unique.
 */
import * as assert from 'node:assert/strict';
import { describeSpan, shiftSpan, type TextChange } from '../../src/core/anchoring';
import { placeMarks, type ReviewMark } from '../../src/core/review';
import type { Span } from '../../src/core/types';

/** mulberry32: small, seeded, good enough to make test runs repeatable. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

const places = ['Northshire', 'Eastmoor', 'Harbour Vale', 'Westbridge', 'Lowfield', 'the county'];
const templates = [
  (r: Rand) => `Officers in ${pick(r, places)} made ${int(r, 2, 400)} arrests over ${int(r, 2, 9)} days.`,
  (r: Rand) => `They seized £${int(r, 1, 900)},${String(int(r, 0, 999)).padStart(3, '0')} in cash and ${int(r, 1, 30)}.${int(r, 0, 9)}kg of drugs.`,
  (r: Rand) => `${int(r, 2, 90)} drug lines were closed and ${int(r, 2, 60)} weapons taken off the streets.`,
  (r: Rand) => `Safeguarding teams reached ${int(r, 10, 700)} young people, up ${int(r, 5, 150)}% on last year.`,
  (r: Rand) => `The unit charged ${int(r, 2, 99)} people with possession with intent to supply.`,
  (r: Rand) => `A spokesperson for ${pick(r, places)} said the results showed steady progress.`,
];

function makeDocument(r: Rand): string {
  const paragraphs: string[] = [];
  for (let p = 0; p < 14; p++) {
    const sentences: string[] = [];
    for (let s = int(r, 2, 4); s > 0; s--) sentences.push(pick(r, templates)(r));
    paragraphs.push(sentences.join(' '));
  }
  return paragraphs.join('\n\n') + '\n';
}

/** 50 marks on spans of one to three words (numbers included), never overlapping each other. */
function makeMarks(r: Rand, text: string): ReviewMark[] {
  const words = [...text.matchAll(/[^\s]+/g)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
  const taken: Span[] = [];
  const marks: ReviewMark[] = [];
  while (marks.length < 50) {
    const i = int(r, 0, words.length - 1);
    const last = Math.min(words.length - 1, i + int(r, 0, 2));
    const span = { start: words[i]!.start, end: words[last]!.end };
    if (text.slice(span.start, span.end).includes('\n') || taken.some((t) => t.start < span.end && span.start < t.end)) continue;
    taken.push(span);
    const n = marks.length;
    marks.push({
      id: `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      state: n % 5 === 0 ? 'note' : n % 3 === 0 ? 'disputed' : 'verified',
      document: 'release.crime',
      anchor: describeSpan(text, span.start, span.end),
      creator: 'tester',
      created: '2026-01-01T00:00:00.000Z',
      modified: '2026-01-01T00:00:00.000Z',
    });
  }
  return marks;
}

interface Edit {
  readonly text: string;
  /** The edit as an editor reports it, one change after another. */
  readonly changes: readonly TextChange[];
  /** Where a span that survived whole is now; `undefined` when the edit cut into it. */
  readonly oracle: (span: Span) => Span | undefined;
}

function replaceEdit(text: string, start: number, end: number, insert: string): Edit {
  const change = { start, end, text: insert };
  return { text: text.slice(0, start) + insert + text.slice(end), changes: [change], oracle: (s) => shiftSpan(s, change) };
}

function randomEdit(r: Rand, text: string, quotes: readonly string[]): Edit {
  const kind = pick(r, ['insert', 'insert', 'delete', 'replace', 'move'] as const);
  const at = int(r, 0, text.length);
  if (kind === 'insert') {
    // A third of insertions repeat a marked quote elsewhere: the copy must not steal the mark.
    const filler =
      r() < 0.33
        ? ` ${pick(r, quotes)} `
        : pick(r, [' extra', '\n\nA new paragraph about 12 arrests.\n\n', ' (revised)', '£', '1', 'X', pick(r, templates)(r) + ' ']);
    return replaceEdit(text, at, at, filler);
  }
  if (kind === 'delete') return replaceEdit(text, at, Math.min(text.length, at + int(r, 1, 80)), '');
  if (kind === 'replace')
    return replaceEdit(text, at, Math.min(text.length, at + int(r, 1, 40)), pick(r, ['the', '7', 'Police', '  ', '\n', pick(r, templates)(r)]));
  return moveParagraph(r, text);
}

/** Cuts one paragraph (with its separator) and pastes it before another: a delete then an insert. */
function moveParagraph(r: Rand, text: string): Edit {
  const bounds: Span[] = [];
  for (let start = 0; start < text.length;) {
    const next = text.indexOf('\n\n', start);
    const end = next < 0 ? text.length : next + 2;
    bounds.push({ start, end });
    start = end;
  }
  if (bounds.length < 2) return replaceEdit(text, 0, 0, '');
  const from = bounds[int(r, 0, bounds.length - 1)]!;
  const piece = text.slice(from.start, from.end);
  const rest = text.slice(0, from.start) + text.slice(from.end);
  const restBounds = bounds.filter((b) => b !== from).map((b) => (b.start > from.start ? b.start - piece.length : b.start));
  const to = pick(r, restBounds);
  const result = rest.slice(0, to) + piece + rest.slice(to);
  const changes = [
    { start: from.start, end: from.end, text: '' },
    { start: to, end: to, text: piece },
  ];
  const oracle = (s: Span): Span | undefined => {
    if (s.start >= from.start && s.end <= from.end) return { start: to + (s.start - from.start), end: to + (s.end - from.start) };
    if (s.start < from.end && from.start < s.end) return undefined;
    const inRest = s.start >= from.end ? s.start - piece.length : s.start;
    const shift = inRest >= to ? piece.length : 0;
    return { start: inRest + shift, end: inRest + shift + (s.end - s.start) };
  };
  return { text: result, changes, oracle };
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ');
}

function occurrences(text: string, quote: string): number {
  let n = 0;
  for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) n++;
  return n;
}

describe('anchoring property: 1,000 random edit sequences, 50 marks', function () {
  this.timeout(300_000);

  it('re-anchors every mark on text equal to its quote or reports it orphaned, never dropping or misplacing one', () => {
    const blank = () => ({
      placements: 0,
      anchored: 0,
      orphaned: 0,
      orphanedWithSuggestion: 0,
      byWhitespace: 0,
      survived: 0,
      survivedOnTwin: 0,
      survivedAmbiguous: 0,
      destroyedButAnchored: 0,
    });
    const byMode = { 'followed edits': blank(), 'cold (file read after a pull)': blank() };
    let sequences = 0;
    for (let seq = 0; seq < 1000; seq++) {
      const r = prng(0xc0ffee + seq);
      let text = makeDocument(r);
      const marks = makeMarks(r, text);
      const quotes = marks.map((m) => m.anchor.exact);
      const truth = new Map<string, Span | undefined>(marks.map((m) => [m.id, { start: m.anchor.start, end: m.anchor.end }]));
      const hint = new Map<string, number>(marks.map((m) => [m.id, m.anchor.start]));
      for (let e = int(r, 1, 8); e > 0; e--) {
        const edit = randomEdit(r, text, quotes);
        for (const m of marks) {
          const t = truth.get(m.id);
          truth.set(m.id, t && edit.oracle(t));
          // What the extension does live: shift the expected start through each reported change.
          let h: Span | undefined = { start: hint.get(m.id)!, end: hint.get(m.id)! + m.anchor.exact.length };
          for (const c of edit.changes) h = h && shiftSpan(h, c);
          if (h) hint.set(m.id, h.start);
        }
        text = edit.text;
      }
      for (const [mode, expected] of [
        ['followed edits', (m: ReviewMark) => hint.get(m.id)],
        ['cold (file read after a pull)', () => undefined],
      ] as const) {
        const placements = placeMarks(text, marks, expected);
        assert.deepEqual(
          placements.map((p) => p.mark.id),
          marks.map((m) => m.id),
          `seq ${seq} (${mode}): a mark vanished or was duplicated`,
        );
        const stats = byMode[mode];
        for (const p of placements) {
          stats.placements++;
          const quote = p.mark.anchor.exact;
          const t = truth.get(p.mark.id);
          if (p.span) {
            stats.anchored++;
            const found = text.slice(p.span.start, p.span.end);
            if (p.method === 'whitespace') {
              stats.byWhitespace++;
              assert.equal(collapse(found), collapse(quote), `seq ${seq} (${mode}): attached to other words`);
            } else {
              assert.equal(found, quote, `seq ${seq} (${mode}): attached to text that is not its quote`);
            }
          } else {
            stats.orphaned++;
            if (p.suggestion) stats.orphanedWithSuggestion++;
          }
          if (t) {
            stats.survived++;
            if (!p.span && mode !== 'followed edits') {
              // Cold, with its context rewritten on both sides and the quote repeated: which copy is
              // the marked one cannot be known, so it is an orphan offering a copy, not a guess.
              assert.equal(p.suggestion?.text, quote, `seq ${seq} (${mode}): "${quote}" survived but was orphaned with no copy offered`);
              stats.survivedAmbiguous++;
              continue;
            }
            assert.ok(p.span, `seq ${seq} (${mode}): "${quote}" survived the edits but was orphaned`);
            if (p.span.start !== t.start) stats.survivedOnTwin++;
            if (occurrences(text, quote) === 1) assert.equal(p.span.start, t.start, `seq ${seq} (${mode}): unique "${quote}" found in the wrong place`);
          } else if (p.span) {
            stats.destroyedButAnchored++;
          }
        }
      }
      sequences++;
    }
    for (const [mode, stats] of Object.entries(byMode)) console.log(`      ${mode}: ${JSON.stringify(stats)}`);
    assert.equal(sequences, 1000);
    for (const stats of Object.values(byMode)) {
      assert.equal(stats.placements, 1000 * 50);
      assert.ok(stats.orphaned > 0 && stats.anchored > stats.orphaned, 'the edits both keep and destroy marked text, or the test proves little');
    }
  });
});
