// A draft written in Markdown bolds its key figures ("**34** arrests", "**£120k** of drugs") and may
// italicise a name: the markers are read as nothing, so the figures, their measures and the record's
// alarms are those of the plain text, while every annotation still points into the document as written.
import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { IncrementalAnalysis } from '../../src/core/incremental';
import { buildRecord } from '../../src/core/record';
import { withEmphasisAsSpaces } from '../../src/core/text/emphasis';
import { stripFormatChars } from '../../src/core/text/formatChars';
import type { DocumentAnalysis } from '../../src/core/types';

const PLAIN = [
  'Week of action in Ashford ends with 41 arrests and £87,500 in cash seized',
  '',
  'Officers from Kent Police made 41 arrests during a week of action against county lines drug dealing between 4 and 10 March 2024.',
  '',
  'They seized £87,500 in cash, 16 weapons and drugs worth more than £62,000, and safeguarded 23 vulnerable people.',
  '',
].join('\n');

/** The same release as a Markdown draft: a heading, bold figures (with and without their words, after a hedge), an italic name and figure. */
const MARKDOWN = [
  '# Week of action in Ashford ends with **41 arrests** and **£87,500** in cash seized',
  '',
  'Officers from _Kent Police_ made **41** arrests during a week of action against county lines drug dealing between 4 and 10 March 2024.',
  '',
  'They seized **£87,500** in cash, *16* weapons and drugs worth more than **£62,000**, and safeguarded **23** vulnerable people.',
  '',
].join('\n');

/** What a reader compares: each annotation's meaning, its quote without the markers. */
const meanings = (a: DocumentAnalysis) =>
  a.annotations.map((x) =>
    x.kind === 'figure' ? [x.kind, x.text.replace(/[*_]/g, ''), x.value, x.unit, x.counts, x.qualifier] : [x.kind, x.text.replace(/[*_]/g, '')],
  );

describe('Markdown emphasis', () => {
  it('finds the plain text’s figures, measures, organisations and terms in a bolded draft', () => {
    const plain = analyze(PLAIN);
    const markdown = analyze(MARKDOWN);
    assert.deepEqual(meanings(markdown), meanings(plain));
    const arrests = markdown.annotations.find((a) => a.kind === 'figure' && a.value === 41 && a.line === 2);
    assert.ok(arrests && arrests.kind === 'figure' && arrests.counts === 'arrests', '"**41** arrests" counts arrests');
    for (const a of markdown.annotations) assert.equal(a.text, MARKDOWN.slice(a.start, a.end), `${a.id} quotes the document as written`);
  });

  it('keeps the asterisks and underscores that are not emphasis: bullets, rules, snake_case, 5*3', () => {
    for (const text of ['* 16 weapons\n* 41 arrests', '***', 'see report_2024_final.pdf', 'the 5*3 grid', '5 * 3 = 15']) {
      assert.equal(stripFormatChars(text), undefined, text);
      assert.equal(withEmphasisAsSpaces(text), text, text);
    }
    assert.equal(withEmphasisAsSpaces('**34** arrests and _Kent Police_'), '  34   arrests and  Kent Police ');
  });

  it('gives the incremental analysis what analyze() gives, before and after an edit', () => {
    const text = Array.from({ length: 12 }, (_, i) => MARKDOWN.replace(/41/g, String(40 + i))).join('\n');
    const inc = new IncrementalAnalysis(text);
    assert.deepEqual(inc.analysis, analyze(text));
    const edited = text.replace('**£87,500**', '**£97,500**');
    inc.update(edited);
    assert.deepEqual(inc.analysis, analyze(edited));
  });

  it('raises the plain text’s alarms for bolded drafts', () => {
    const other = (bold: boolean) => {
      const b = (s: string) => (bold ? `**${s}**` : s);
      return `Ashford drugs raids\n\nKent Police said it made ${b('43')} arrests and seized ${b('£87,500')} in cash and drugs worth ${b('£62,000')} in the week of action between 4 and 10 March 2024, when ${b('23')} vulnerable people were safeguarded.\n`;
    };
    const alarms = (texts: readonly string[]) =>
      buildRecord(texts.map((text, i) => ({ id: `doc-${i}`, text, analysis: analyze(text) })))
        .records.filter((r) => r.status === 'conflict')
        .map((r) => [r.measure, r.claims.map((c) => c.value).join(' vs ')]);
    const plain = alarms([PLAIN, other(false)]);
    // The hedge is what a marker between it and its figure would hide: "more than **£62,000**".
    assert.ok(plain.some(([measure]) => measure === 'arrests') && plain.some(([measure]) => measure === 'drugs seized'), JSON.stringify(plain));
    assert.deepEqual(alarms([MARKDOWN, other(true)]), plain);
    const built = buildRecord([{ id: 'md', text: MARKDOWN, analysis: analyze(MARKDOWN) }]);
    for (const q of [...built.records.flatMap((r) => r.claims.map((c) => c.text)), ...built.checks.md.map((c) => c.message)]) {
      assert.ok(!/[*_]/.test(q), `quoted without the markers: ${q}`);
    }
  });

  it('reads a defendant named with a bold age as the plain text does, so the sentences are linked', () => {
    // The record reads people, scope and the words after a figure from the text itself ("Name, 24,").
    const court = (b: (s: string) => string, years: string) =>
      `Two jailed over Ashford drugs line\n\nLaura Penhallow, ${b('24')}, of Ashford, and Marcus Tregear, ${b('31')}, of Dover, were sentenced at Canterbury Crown Court on 12 March 2024.\n\nPenhallow was jailed for ${b(years)} and Tregear for ${b('four years')} after both admitted possession with intent to supply cocaine.\n`;
    const plainText = (s: string) => s;
    const bold = (s: string) => `**${s}**`;
    const conflicts = (b: (s: string) => string) =>
      buildRecord([
        { id: 'release', text: court(b, 'six years'), analysis: analyze(court(b, 'six years')) },
        { id: 'report', text: court(plainText, 'five years'), analysis: analyze(court(plainText, 'five years')) },
      ])
        .records.filter((r) => r.status === 'conflict')
        .map((r) => [r.measure, r.scope, r.claims.map((c) => c.value).join(' vs ')]);
    const plain = conflicts(plainText);
    assert.ok(
      plain.some(([measure]) => measure === 'prison sentence'),
      JSON.stringify(plain),
    );
    assert.deepEqual(conflicts(bold), plain);
  });
});
