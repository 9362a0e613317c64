import * as assert from 'node:assert/strict';
import type { Annotation, DocumentAnalysis, FigureAnnotation, LegalTermAnnotation, OrganisationAnnotation } from '../../src/core/types';
import { tallyByKind, unknownMeasureLabel } from '../../src/core/tally';

function figure(start: number, text: string, counts: string | null, value = 1): FigureAnnotation {
  const end = start + text.length;
  return {
    kind: 'figure', id: `figure:${start}-${end}`, start, end, text, line: Math.floor(start / 100), source: 'rule',
    value, unit: 'count', qualifier: 'exact', bound: 'exact', precision: 1, counts, sentence: { start, end },
  };
}

function org(start: number, text: string, entityId: string, canonical: string): OrganisationAnnotation {
  const end = start + text.length;
  return { kind: 'organisation', id: `organisation:${start}-${end}`, start, end, text, line: 0, source: 'lexicon', entityId, canonical, orgType: 'police-force', known: true };
}

function term(start: number, text: string, termId: string, canonical: string): LegalTermAnnotation {
  const end = start + text.length;
  return { kind: 'legal-term', id: `legal-term:${start}-${end}`, start, end, text, line: 0, source: 'lexicon', termId, canonical, category: 'legislation' };
}

function analysis(annotations: Annotation[]): DocumentAnalysis {
  return { words: 100, annotations, sentences: [], meta: {}, notices: [] };
}

const docA = {
  docId: 'file:///a.crime.txt',
  analysis: analysis([
    org(0, 'the Met', 'met', 'Metropolitan Police Service'),
    figure(20, '290 arrests', 'arrests', 290),
    figure(40, '£1m', 'cash seized', 1e6),
    term(60, 'Modern Slavery Act', 'msa-2015', 'Modern Slavery Act 2015'),
    figure(120, '12 arrests', 'arrests', 12),
  ]),
};
const docB = {
  docId: 'file:///b.crime.txt',
  analysis: analysis([
    org(0, 'Metropolitan Police', 'met', 'Metropolitan Police Service'),
    org(30, 'NCA', 'nca', 'National Crime Agency'),
    figure(50, '300 arrests', 'arrests', 300),
    figure(70, 'seven', null, 7),
  ]),
};

describe('tallyByKind', () => {
  it('groups by kind in a fixed order, then by measure or canonical entity, across documents', () => {
    const tally = tallyByKind([docA, docB]);
    assert.deepEqual(tally.map((k) => [k.kind, k.count]), [['figure', 5], ['organisation', 3], ['legal-term', 1]]);

    const figures = tally[0];
    assert.deepEqual(figures.groups.map((g) => [g.label, g.occurrences.length, g.documentCount]), [
      ['arrests', 3, 2],
      [unknownMeasureLabel, 1, 1],
      ['cash seized', 1, 1],
    ]);
    const orgs = tally[1];
    assert.deepEqual(orgs.groups.map((g) => [g.key, g.label, g.occurrences.length]), [
      ['met', 'Metropolitan Police Service', 2],
      ['nca', 'National Crime Agency', 1],
    ]);
  });

  it('keeps each occurrence with its document, place and annotation', () => {
    const arrests = tallyByKind([docA, docB])[0].groups[0];
    assert.deepEqual(arrests.occurrences.map((o) => [o.docId, o.start, o.end, o.text]), [
      ['file:///a.crime.txt', 20, 31, '290 arrests'],
      ['file:///a.crime.txt', 120, 130, '12 arrests'],
      ['file:///b.crime.txt', 50, 61, '300 arrests'],
    ]);
    assert.equal(arrests.occurrences[1].line, 1);
    assert.equal(arrests.occurrences[2].annotation.kind, 'figure');
  });

  it('filters by group label (keeping the whole group) or by occurrence text, dropping empty kinds', () => {
    const byLabel = tallyByKind([docA, docB], { filter: 'metropolitan police service' });
    assert.deepEqual(byLabel.map((k) => k.kind), ['organisation']);
    assert.equal(byLabel[0].count, 2, 'both spellings of the Met stay under the matching canonical name');

    const byText = tallyByKind([docA, docB], { filter: '290' });
    assert.deepEqual(byText.map((k) => [k.kind, k.count]), [['figure', 1]]);
    assert.equal(byText[0].groups[0].occurrences[0].text, '290 arrests');
  });

  it('treats a blank filter as no filter and an unmatched one as an empty tally', () => {
    assert.equal(tallyByKind([docA], { filter: '   ' }).length, 3);
    assert.deepEqual(tallyByKind([docA], { filter: 'no such thing' }), []);
  });

  it('returns nothing for no documents or documents without annotations', () => {
    assert.deepEqual(tallyByKind([]), []);
    assert.deepEqual(tallyByKind([{ docId: 'x', analysis: analysis([]) }]), []);
  });
});
