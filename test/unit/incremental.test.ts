import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../src/core/analyze';
import { chunkStarts, IncrementalAnalysis, type AnalyzeFn } from '../../src/core/incremental';
import { LineIndex } from '../../src/core/text/lines';
import { countWords, splitSentences } from '../../src/core/text/sentences';
import type { Annotation, DocumentAnalysis } from '../../src/core/types';

/**
 * A paragraph-local stand-in for the extractors while they are placeholders: numbers are figures,
 * capitalised words organisations, "Act" a legal term. It gives the shifting logic real annotations
 * (with lines and sentences) to move, so a wrong offset or line fails here.
 */
const fakeAnalyze: AnalyzeFn = (text) => {
  const lines = new LineIndex(text);
  const sentences = splitSentences(text);
  const annotations: Annotation[] = [];
  for (const m of text.matchAll(/\d[\d,.]*|\b[A-Z][a-z]+\b/g)) {
    const start = m.index!;
    const end = start + m[0].length;
    const base = { id: '', start, end, text: m[0], line: lines.lineAt(start), source: 'rule' as const };
    if (/\d/.test(m[0][0])) {
      const sentence = sentences.find((s) => s.start <= start && start < s.end) ?? { start, end };
      annotations.push({
        ...base,
        id: `figure:${start}-${end}`,
        kind: 'figure',
        value: Number(m[0].replace(/,/g, '')),
        unit: 'count',
        qualifier: 'exact',
        bound: 'exact',
        precision: 1,
        counts: null,
        sentence,
      });
    } else if (m[0] === 'Act') {
      annotations.push({ ...base, id: `legal-term:${start}-${end}`, kind: 'legal-term', termId: 'act', canonical: 'Act', category: 'legislation' });
    } else {
      annotations.push({
        ...base,
        id: `organisation:${start}-${end}`,
        kind: 'organisation',
        entityId: m[0].toLowerCase(),
        canonical: m[0],
        orgType: 'other',
        known: false,
      });
    }
  }
  const firstLine = text.split(/\r\n|\r|\n/, 1)[0]?.trim();
  return { words: countWords(text), annotations, sentences, meta: firstLine ? { title: firstLine } : {}, notices: [] };
};

const fullFake = (text: string): DocumentAnalysis => fakeAnalyze(text, {});
const fakeMeta = (text: string) => {
  const firstLine = text.split(/\r\n|\r|\n/, 1)[0]?.trim();
  return firstLine ? { title: firstLine } : {};
};
const fake = { analyzeFn: fakeAnalyze, readMetaFn: fakeMeta };

/** Deterministic PRNG so a failure names a reproducible seed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const pieces = ['a', 'b', ' ', '7', '12', 'Met', 'Police', '\n', '\n\n', '\r\n', '\r\n\r\n', '  \n', '.', '. ', 'Act', 'arrests', '£5m', ', '];

function randomText(r: () => number, length: number): string {
  let t = '';
  while (t.length < length) t += pieces[Math.floor(r() * pieces.length)];
  return t;
}

function randomEdit(r: () => number, text: string) {
  const start = Math.floor(r() * (text.length + 1));
  const end = Math.min(text.length, start + (r() < 0.5 ? 0 : Math.floor(r() * 12)));
  const insert = r() < 0.3 ? '' : randomText(r, 1 + Math.floor(r() * 6));
  return { start, end, text: insert };
}

const paragraphs = [
  'Police arrested 290 people in a week of action.\nOfficers seized £214,568 in cash.',
  '',
  'The Met said 7.6kg of Class A drugs were seized under the Misuse of Drugs Act.',
  '   ',
  'Charges rose 143% (346 to 841).',
].join('\n');

describe('chunkStarts', () => {
  it('starts a chunk at each non-blank line after a blank one, with LF, CRLF and CR endings', () => {
    for (const nl of ['\n', '\r\n', '\r']) {
      const text = ['one', 'two', '', 'three', ' \t', '', 'four'].join(nl);
      const starts = chunkStarts(text, 0, text.length);
      assert.deepEqual(
        starts.map((s) => text.slice(s, s + 4).trim()),
        ['one', 'thre', 'four'],
        JSON.stringify(nl),
      );
    }
  });

  it('keeps a text without blank lines in one chunk', () => {
    assert.deepEqual(chunkStarts('a\nb\nc', 0, 5), [0]);
  });
});

describe('IncrementalAnalysis', () => {
  it('equals a full analysis of the same text on open', () => {
    const inc = new IncrementalAnalysis(paragraphs, fake);
    assert.deepEqual(inc.analysis, fullFake(paragraphs));
    assert.ok(inc.analysis.annotations.length > 5);
  });

  it('re-analyses only the chunks around an edit', () => {
    const text = Array.from({ length: 50 }, (_, i) => `Paragraph ${i} has 3 figures.`).join('\n\n');
    const inc = new IncrementalAnalysis(text, fake);
    const at = text.indexOf('Paragraph 25') + 10;
    inc.applyEdit({ start: at, end: at, text: '9' });
    assert.ok(inc.lastReanalysed <= 3, `re-analysed ${inc.lastReanalysed}`);
    assert.deepEqual(inc.analysis, fullFake(inc.text));
  });

  it('equals a full analysis after each of many random edits (fake extractors)', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const r = rng(seed);
      const inc = new IncrementalAnalysis(randomText(r, 300), fake);
      for (let step = 0; step < 40; step++) {
        const edit = randomEdit(r, inc.text);
        const expectedText = inc.text.slice(0, edit.start) + edit.text + inc.text.slice(edit.end);
        inc.applyEdit(edit);
        assert.equal(inc.text, expectedText);
        assert.deepEqual(inc.analysis, fullFake(inc.text), `seed ${seed} step ${step}`);
      }
    }
  });

  it('update(newText) finds the edit itself and matches a full analysis', () => {
    const r = rng(99);
    const inc = new IncrementalAnalysis(paragraphs, fake);
    let text = paragraphs;
    for (let step = 0; step < 200; step++) {
      const edit = randomEdit(r, text);
      text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
      inc.update(text);
      assert.deepEqual(inc.analysis, fullFake(text), `step ${step}`);
    }
  });

  it('equals the real analyze() after random edits', () => {
    const r = rng(7);
    const inc = new IncrementalAnalysis(paragraphs);
    for (let step = 0; step < 100; step++) {
      inc.applyEdit(randomEdit(r, inc.text));
      assert.deepEqual(inc.analysis, analyze(inc.text), `step ${step}`);
    }
  });

  it('equals the real analyze() on every sample release after random edits, including to the publisher line', function () {
    this.timeout(120_000);
    const dir = path.join(__dirname, '../../samples');
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.crime.txt')) : [];
    if (files.length === 0) this.skip();
    const r = rng(2024);
    for (const file of files) {
      const inc = new IncrementalAnalysis(fs.readFileSync(path.join(dir, file), 'utf8'));
      assert.deepEqual(inc.analysis, analyze(inc.text), `${file} on open`);
      for (let step = 0; step < 12; step++) {
        // Every third edit lands in the first two lines, where the publisher and date are.
        const edit =
          step % 3 === 0 ? { start: Math.floor(r() * inc.text.indexOf('\n', inc.text.indexOf('\n') + 1)), end: 0, text: '' } : randomEdit(r, inc.text);
        if (step % 3 === 0) Object.assign(edit, { end: edit.start + Math.floor(r() * 6), text: r() < 0.5 ? '' : ' Kent Police 12 ' });
        inc.applyEdit(edit);
        assert.deepEqual(inc.analysis, analyze(inc.text), `${file} step ${step}`);
      }
    }
  });

  it("carries context across paragraphs: the publisher as claimant, a restated figure's measure, a list's heading", () => {
    const text = [
      'Essex Police closes 14 lines',
      'Published by Essex Police, 3 March 2024',
      '',
      'Officers made 37 arrests across the county.',
      '',
      'Of those 37, most were for drug supply.',
      '',
      'The week resulted in:',
      '',
      '  • 12 weapons seized',
      '  • £4,000 in cash',
      '',
    ].join('\n');
    const inc = new IncrementalAnalysis(text);
    assert.deepEqual(inc.analysis, analyze(text));
    const at = text.indexOf('Of those');
    inc.applyEdit({ start: at, end: at, text: 'Meanwhile. ' });
    assert.deepEqual(inc.analysis, analyze(inc.text));
    inc.applyEdit({ start: text.indexOf('Essex Police,'), end: text.indexOf('Essex Police,') + 'Essex Police'.length, text: 'Kent Police' });
    assert.deepEqual(inc.analysis, analyze(inc.text));
  });

  it('falls back to one full analysis when maxLength truncates, and reports it', () => {
    const inc = new IncrementalAnalysis(paragraphs, { maxLength: 40 });
    assert.deepEqual(inc.analysis, analyze(paragraphs, { maxLength: 40 }));
    assert.equal(inc.analysis.notices[0]?.code, 'truncated');
  });

  it('reports an empty document as analyze() does, then recovers on typing', () => {
    const inc = new IncrementalAnalysis('', fake);
    assert.deepEqual(inc.analysis, fullFake(''));
    inc.applyEdit({ start: 0, end: 0, text: 'Met 5' });
    assert.deepEqual(inc.analysis, fullFake('Met 5'));
  });
});

describe('IncrementalAnalysis.createSliced', () => {
  it('yields between paragraphs when the budget runs out and ends equal to a full analysis', async () => {
    const text = Array.from({ length: 30 }, (_, i) => `Paragraph ${i} with Met and ${i * 7} arrests.`).join('\n\n');
    let clock = 0;
    let yields = 0;
    const slowFake: AnalyzeFn = (t, o) => {
      clock += 10; // each paragraph "costs" 10 ms on the fake clock
      return fakeAnalyze(t, o);
    };
    const inc = await IncrementalAnalysis.createSliced(
      text,
      { analyzeFn: slowFake, readMetaFn: fakeMeta },
      { budgetMs: 25, now: () => clock, yieldNow: async () => void yields++ },
    );
    assert.deepEqual(inc.analysis, fullFake(text));
    assert.ok(yields >= 9, `yielded ${yields} times`);
    assert.ok(inc.longestSliceMs <= 30, `longest slice ${inc.longestSliceMs}`);
    inc.applyEdit({ start: 0, end: 0, text: 'Kent ' });
    assert.deepEqual(inc.analysis, fullFake(inc.text));
  });
});
