// Hard-wrapped text (Markdown or plain text wrapped at a column, a release pasted from an email) is
// read as the writer's paragraphs: an organisation, a figure's measure or a sentence that runs across
// a wrap is found as it is in the unwrapped text, and the record raises the same alarms.
import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { metaParts } from '../../src/core/extract/meta';
import { IncrementalAnalysis } from '../../src/core/incremental';
import { buildRecord } from '../../src/core/record';
import { withWrappedLinesJoined } from '../../src/core/text/wrappedLines';
import type { DocumentAnalysis, FigureAnnotation } from '../../src/core/types';
import { wrapAt } from '../support/wrap';

const RELEASE = [
  'Week of action in Ashford ends with 41 arrests and £87,500 in cash seized',
  '',
  'Officers from Kent Police made 41 arrests during a week of action against county lines drug dealing between 4 and 10 March 2024, the force said.',
  '',
  'They seized £87,500 in cash, 16 weapons including 11 knives, and drugs with a street value of more than £62,000 in raids across Ashford and Folkestone.',
  '',
  'Detective Superintendent Ruth Amberley of Kent Police said the 23 vulnerable people safeguarded during the week included nine children who had been exploited by the gangs.',
  '',
].join('\n');

const figures = (a: DocumentAnalysis) => a.annotations.filter((x): x is FigureAnnotation => x.kind === 'figure');
/** What a reader compares: each annotation's meaning, without offsets or the quoted line breaks. */
const meanings = (a: DocumentAnalysis) =>
  a.annotations.map((x) =>
    x.kind === 'figure' ? [x.kind, x.text.replace(/\s+/g, ' '), x.value, x.unit, x.counts, x.qualifier] : [x.kind, x.text.replace(/\s+/g, ' ')],
  );

describe('hard-wrapped text', () => {
  describe('withWrappedLinesJoined', () => {
    it('turns each line end a wrap made into a space, offsets unchanged, and keeps the blank lines', () => {
      for (const width of [48, 64, 72, 80]) {
        const wrapped = wrapAt(RELEASE, width);
        assert.notEqual(wrapped, RELEASE, `the release wraps at ${width}`);
        const joined = withWrappedLinesJoined(wrapped);
        assert.equal(joined.length, wrapped.length);
        assert.equal(joined, RELEASE, `at ${width} columns every wrap is joined and nothing else`);
      }
    });

    it('makes a CRLF wrap two spaces, so offsets still hold', () => {
      const wrapped = wrapAt(RELEASE, 64, '\r\n');
      const joined = withWrappedLinesJoined(wrapped);
      assert.equal(joined.length, wrapped.length);
      assert.equal(joined.replace(/ {2}/g, ' '), RELEASE.replace(/\n/g, '\r\n'), 'each wrap is two spaces, each paragraph end kept');
    });

    it('returns the same string for text that is not wrapped: a paragraph per line, with or without blank lines', () => {
      assert.equal(withWrappedLinesJoined(RELEASE), RELEASE);
      const singleNewlines = RELEASE.replace(/\n\n/g, '\n');
      assert.equal(withWrappedLinesJoined(singleNewlines), singleNewlines);
      assert.equal(withWrappedLinesJoined(''), '');
      assert.equal(withWrappedLinesJoined('one line'), 'one line');
    });

    it('keeps the writer’s line ends: list items, headings, tables, hard breaks and a column of short lines', () => {
      const kept = [
        'Officers seized a number of items during the searches, listed here:\n- 16 weapons, including 11 knives and two machetes\n- £87,500 in cash from three addresses in Ashford',
        '# Week of action in Ashford and Folkestone ends with 41 arrests\nOfficers from Kent Police made 41 arrests during the week of action.',
        '| Measure | Ashford | Folkestone | Total for the whole week |\n| Arrests | 29 | 12 | 41 |\n| Cash seized | £60,000 | £27,500 | £87,500 |',
        'The operation ran from the Monday to the Sunday of that week,  \nand officers from three forces took part in the searches,  \nwith support from the regional organised crime unit.',
        'Arrests: 41\nCharged: 18\nCash seized: £87,500\nWeapons: 16',
        // A headline with its byline: the second line is not a continuation.
        'Ten jailed after county lines drugs network is smashed in Kent\nBy Staff Reporter',
      ];
      for (const text of kept) assert.equal(withWrappedLinesJoined(text), text, text);
    });

    it('joins a two-line paragraph only where the sentence runs on across the line end', () => {
      assert.equal(
        withWrappedLinesJoined('A county lines crackdown has led to 34 arrests and £120,000 of drugs\nseized in the town.'),
        'A county lines crackdown has led to 34 arrests and £120,000 of drugs seized in the town.',
      );
      assert.equal(
        withWrappedLinesJoined('The money was handed over to detectives from the\nNational Crime Agency.'),
        'The money was handed over to detectives from the National Crime Agency.',
      );
      const twoSentences = 'Officers made 41 arrests during the week of action in the town.\nThey also seized £87,500.';
      assert.equal(withWrappedLinesJoined(twoSentences), twoSentences);
    });

    it('joins within given ranges exactly as in the whole text, widening each range to whole paragraphs', () => {
      const long = wrapAt(Array.from({ length: 60 }, () => RELEASE).join('\n'), 66);
      assert.ok(long.length > 30_000);
      const whole = withWrappedLinesJoined(long);
      const parts = withWrappedLinesJoined(long, metaParts(long.length));
      assert.equal(parts.length, long.length);
      assert.equal(parts.slice(0, 10_000), whole.slice(0, 10_000), 'the head, whose last paragraph runs past the range');
      assert.equal(parts.slice(-10_000), whole.slice(-10_000), 'the tail, whose first paragraph starts before it');
      assert.equal(parts.slice(12_000, 18_000), long.slice(12_000, 18_000), 'the middle is left as it is');
    });

    it('joins the wraps of a list item’s text but not the line ends between items', () => {
      const text =
        '- Officers from Kent Police seized 16 weapons, including 11 knives and\n  two machetes, from three addresses in Ashford\n- They also recovered £87,500 in cash';
      assert.equal(
        withWrappedLinesJoined(text),
        '- Officers from Kent Police seized 16 weapons, including 11 knives and   two machetes, from three addresses in Ashford\n- They also recovered £87,500 in cash',
      );
    });
  });

  describe('analysis and the record', () => {
    it('finds an organisation and a figure’s measure split by a wrap, as in the unwrapped text', () => {
      const wrapped = wrapAt(
        'Over the week of action, officers from Kent Police seized drugs worth £62,000 and made 41 arrests across Ashford and Folkestone.',
        44,
      );
      assert.ok(wrapped.includes('Kent\nPolice') && wrapped.includes('made\n41'), wrapped);
      const analysis = analyze(wrapped);
      const kent = analysis.annotations.find((a) => a.kind === 'organisation');
      assert.ok(kent, 'an organisation is found across the wrap');
      assert.equal(kent.text, 'Kent\nPolice', 'and quoted as written');
      assert.deepEqual(
        figures(analysis).map((f) => [f.value, f.counts]),
        figures(analyze(wrapped.replace(/\n(?=.)/g, ' '))).map((f) => [f.value, f.counts]),
      );
      assert.ok(
        figures(analysis).some((f) => f.value === 41 && f.counts === 'arrests'),
        '"made\\n41 arrests" counts arrests',
      );
    });

    it('gives a wrapped release the meanings of the unwrapped one, and the incremental analysis what analyze() gives', () => {
      for (const width of [56, 72]) {
        const wrapped = wrapAt(RELEASE, width);
        assert.deepEqual(meanings(analyze(wrapped)), meanings(analyze(RELEASE)), `at ${width} columns`);
        const inc = new IncrementalAnalysis(wrapped);
        assert.deepEqual(inc.analysis, analyze(wrapped));
        const edited = wrapped.replace('41 arrests', '42 arrests');
        inc.update(edited);
        assert.deepEqual(inc.analysis, analyze(edited));
      }
    });

    it('gives a long wrapped document the same incremental analysis as analyze(), its meta read from the head and tail', () => {
      const long = wrapAt(`${RELEASE}\n${Array.from({ length: 160 }, (_, i) => RELEASE.split('\n\n')[1].replace('41', String(100 + i))).join('\n\n')}`, 70);
      assert.ok(long.length > 20_000);
      const inc = new IncrementalAnalysis(long);
      const whole = analyze(long);
      assert.deepEqual(inc.analysis, whole);
      assert.equal(whole.meta.title, RELEASE.split('\n')[0], 'the headline is the title');
      const edited = long.replace('Ashford ends', 'Ashford and Dover ends');
      inc.update(edited);
      assert.deepEqual(inc.analysis, analyze(edited));
    });

    it('raises the same alarms for wrapped reports as for the same reports unwrapped', () => {
      const other = [
        'Ashford drugs raids: 41 held in Kent crackdown',
        '',
        'Kent Police said 41 people were arrested and £78,500 in cash was seized in the week of action between 4 and 10 March 2024, when 23 vulnerable people were safeguarded.',
        '',
      ].join('\n');
      const alarms = (texts: readonly string[]) => {
        const built = buildRecord(texts.map((text, i) => ({ id: `doc-${i}`, text, analysis: analyze(text) })));
        return built.records.filter((r) => r.status === 'conflict').map((r) => [r.measure, r.claims.map((c) => c.value).join(' vs ')]);
      };
      const plain = alarms([RELEASE, other]);
      assert.ok(
        plain.some(([measure]) => measure === 'cash seized'),
        `the £87,500 against £78,500 is raised: ${JSON.stringify(plain)}`,
      );
      assert.deepEqual(alarms([wrapAt(RELEASE, 60), wrapAt(other, 60)]), plain);
    });

    it('quotes a figure that runs across a wrap on one line, in claims and messages', () => {
      const text = wrapAt(
        'Detectives from Kent Police said drugs with a street value of more than £62,000 were seized during the week.\n\nThe force later said the drugs seized were worth £26,000.\n',
        72,
      );
      assert.ok(text.includes('than\n£62,000'), text);
      const built = buildRecord([{ id: 'd', text, analysis: analyze(text) }]);
      const quotes = [...built.records.flatMap((r) => r.claims.map((c) => c.text)), ...built.checks.d.map((c) => c.message)];
      assert.ok(
        quotes.some((q) => q.includes('more than £62,000')),
        JSON.stringify(quotes),
      );
      for (const q of quotes) assert.ok(!q.includes('\n'), q);
    });
  });
});
