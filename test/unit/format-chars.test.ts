// Issue 9, item 7: invisible format characters (Unicode Cf) inside a figure neither split it nor
// create a false conflict, and every offset and `text` still refers to the original document.
import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { IncrementalAnalysis } from '../../src/core/incremental';
import { buildRecord } from '../../src/core/record';
import { stripFormatChars } from '../../src/core/text/formatChars';
import type { Annotation, DocumentAnalysis, FigureAnnotation } from '../../src/core/types';

const ZWSP = '\u200b';
const ZWJ = '\u200d';
const WJ = '\u2060';
const SHY = '\u00ad';
const BOM = '\ufeff';
/** An astral format character (TAG DIGIT ONE): two UTF-16 units. */
const TAG = '\u{E0031}';

const figures = (a: DocumentAnalysis) => a.annotations.filter((x): x is FigureAnnotation => x.kind === 'figure');

/** Every annotation quotes the original exactly, and every span-shaped field lies inside it. */
function assertOffsetsIntoOriginal(text: string, analysis: DocumentAnalysis): void {
  for (const a of analysis.annotations) {
    assert.equal(a.text, text.slice(a.start, a.end), `${a.id} quotes the original`);
    assert.equal(a.id, `${a.kind}:${a.start}-${a.end}`);
    for (const [key, value] of Object.entries(a)) {
      if (value && typeof value === 'object' && typeof (value as { start?: unknown }).start === 'number') {
        const span = value as { start: number; end: number };
        assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, `${a.id}.${key} lies in the text`);
      }
    }
    // A span never starts or ends on the low half of a surrogate pair.
    for (const at of [a.start, a.end]) {
      const c = text.charCodeAt(at);
      assert.ok(
        !(c >= 0xdc00 && c <= 0xdfff && at > 0 && text.charCodeAt(at - 1) >= 0xd800 && text.charCodeAt(at - 1) <= 0xdbff),
        `${a.id} does not split a surrogate pair`,
      );
    }
  }
  for (const s of analysis.sentences) assert.ok(s.start >= 0 && s.end <= text.length && s.start <= s.end);
}

/** The same analysis but for offsets: what a reader compares. */
function meaning(a: Annotation) {
  return a.kind === 'figure' ? [a.kind, a.value, a.unit, a.counts, a.qualifier] : [a.kind, a.kind === 'organisation' ? a.entityId : a.termId];
}

describe('format characters (Unicode Cf) inside numbers', () => {
  it('stripFormatChars maps offsets both ways, removing astral format characters whole', () => {
    const text = `a${ZWSP}b${TAG}c${ZWSP}${ZWJ}d🚓e`;
    const map = stripFormatChars(text)!;
    assert.equal(map.text, 'abcd🚓e');
    for (let n = 0; n < map.text.length; n++) {
      assert.equal(text[map.toOriginalStart(n)], map.text[n], `stripped ${n} maps onto the same character`);
      assert.equal(map.toStripped(map.toOriginalStart(n)), n);
    }
    assert.equal(map.toOriginalEnd(2), 3, 'an end after "b" stops before the tag character that follows it');
    assert.equal(stripFormatChars('no format characters here'), undefined);
  });

  for (const [name, sep] of [
    ['zero-width space', ZWSP],
    ['zero-width joiner', ZWJ],
    ['word joiner', WJ],
    ['soft hyphen', SHY],
    ['BOM', BOM],
    ['tag character', TAG],
  ] as const) {
    it(`reads "1<${name}>234 arrests" as one figure of 1,234 arrests`, () => {
      const text = `Kent Police made 1${sep}234 arrests during the operation.`;
      const analysis = analyze(text);
      const f = figures(analysis);
      assert.equal(f.length, 1, JSON.stringify(f.map((x) => x.text)));
      assert.equal(f[0].value, 1234);
      assert.equal(f[0].counts, 'arrests');
      assert.ok(f[0].text.startsWith(`1${sep}234`), 'the quote keeps the character the document holds');
      assertOffsetsIntoOriginal(text, analysis);
    });
  }

  it('reads £2‍14,568 as one sum of money, with CRLF line ends and emoji before it', () => {
    const text = `🚨 Operation update 🚓\r\n\r\nOfficers seized £2${ZWJ}14,568 in cash and 3${ZWSP}.5kg of cocaine.\r\n\r\nKent Police said 4${ZWSP}0 people were charged.\r\n`;
    const analysis = analyze(text);
    const plain = analyze(text.replace(/\p{Cf}/gu, ''));
    assert.deepEqual(analysis.annotations.map(meaning), plain.annotations.map(meaning), 'the same figures as without the invisible characters');
    const cash = figures(analysis).find((f) => f.unit === 'GBP');
    assert.equal(cash?.value, 214568);
    assert.equal(cash?.text, `£2${ZWJ}14,568`);
    assert.equal(figures(analysis).find((f) => f.unit === 'kg')?.value, 3.5);
    assert.deepEqual(
      analysis.annotations.map((a) => a.line),
      plain.annotations.map((a) => a.line),
      'line numbers agree: no format character is a line break',
    );
    assertOffsetsIntoOriginal(text, analysis);
    for (const f of figures(analysis)) assert.ok(text.slice(f.sentence.start, f.sentence.end).includes(f.text), 'the sentence span holds the figure');
  });

  it('creates no false conflict between a release with zero-width characters in a figure and one without', () => {
    const a = 'Kent Police made 1,234 arrests during the week of action in March 2024.\n';
    const b = `Kent Police said officers made 1${ZWSP},234 arrests during the week of action in March 2024.\n`;
    const docs = [a, b].map((text, i) => ({ id: `doc${i}`, text, analysis: analyze(text) }));
    const built = buildRecord(docs);
    const arrests = built.records.filter((r) => r.measure === 'arrests');
    assert.ok(arrests.length >= 1);
    assert.ok(
      arrests.every((r) => r.status !== 'conflict'),
      arrests.map((r) => r.explanation).join('; '),
    );
    const claimB = arrests.flatMap((r) => r.claims).find((c) => c.docId === 'doc1');
    assert.equal(claimB?.value, 1234);
  });

  it('gives the incremental analysis of a long text the same result as analyze(), before and after an edit', () => {
    const para = (i: number) => `Paragraph ${i}: Kent Police made ${i}${ZWSP}${i}0 arrests and seized £${i}${ZWJ},500 in cash. 🚓${TAG}`;
    const text = Array.from({ length: 40 }, (_, i) => para(i + 1)).join('\r\n\r\n') + '\r\n';
    const inc = new IncrementalAnalysis(text);
    assert.deepEqual(inc.analysis, analyze(text));
    assertOffsetsIntoOriginal(text, inc.analysis);
    const at = text.indexOf('Paragraph 20');
    const edited = text.slice(0, at) + `A new line with 7${ZWSP}7 charges.\r\n\r\n` + text.slice(at);
    inc.update(edited);
    assert.deepEqual(inc.analysis, analyze(edited));
    assertOffsetsIntoOriginal(edited, inc.analysis);
  });
});

describe('no-break and other space characters', () => {
  const NBSP = '\u00a0';
  const NNBSP = '\u202f';
  const THIN = '\u2009';

  it('reads "£26 million" and "85 per cent" with a no-break space as one figure, quoting the text as written', () => {
    const text = `Fraudsters sent £26${NBSP}million abroad, and thefts fell by 85${NNBSP}per cent after ${THIN}182${NBSP}hours of patrols.\n`;
    const plain = text.replace(/[\u00a0\u202f\u2009]/g, ' ');
    const spaced = analyze(text);
    assertOffsetsIntoOriginal(text, spaced);
    const key = (a: Annotation) => (a.kind === 'figure' ? [a.start, a.end, a.value, a.unit, a.counts] : [a.start, a.end, a.kind]);
    assert.deepEqual(spaced.annotations.map(key), analyze(plain).annotations.map(key));
    assert.deepEqual(
      figures(spaced).map((f) => [f.text, f.value, f.unit]),
      [
        [`£26${NBSP}million`, 26_000_000, 'GBP'],
        [`85${NNBSP}per cent`, 85, 'percent'],
        [`182${NBSP}hours`, 182, 'hours'],
      ],
    );
  });

  it('gives the incremental analysis the same result as analyze(), and the record the same claims as for plain spaces', () => {
    const para = (i: number) => `Paragraph ${i}: Kent${NBSP}Police seized £${i}.5${NBSP}million and made ${i}${NBSP}arrests in Dover.`;
    const text = Array.from({ length: 30 }, (_, i) => para(i + 1)).join('\n\n') + '\n';
    const inc = new IncrementalAnalysis(text);
    assert.deepEqual(inc.analysis, analyze(text));
    const edited = text.replace('Paragraph 12', `New: 40${NBSP}arrests.\n\nParagraph 12`);
    inc.update(edited);
    assert.deepEqual(inc.analysis, analyze(edited));
    const plain = text.replace(/\u00a0/g, ' ');
    const claims = (t: string) =>
      buildRecord([{ id: 'd', text: t, analysis: analyze(t) }]).records.map((r) => [r.measure, r.scope, r.claims.map((c) => c.value).join(',')]);
    assert.deepEqual(claims(text), claims(plain));
  });
});
