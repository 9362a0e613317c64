import * as assert from 'node:assert/strict';
import type { Annotation, DocumentAnalysis, FigureAnnotation, LegalTermAnnotation, OrganisationAnnotation } from '../../src/core/types';
import { tallyByKind, tallySteps, unknownMeasureLabel } from '../../src/core/tally';

function figure(start: number, text: string, counts: string | null, value = 1): FigureAnnotation {
  const end = start + text.length;
  return {
    kind: 'figure',
    id: `figure:${start}-${end}`,
    start,
    end,
    text,
    line: Math.floor(start / 100),
    source: 'rule',
    value,
    unit: 'count',
    qualifier: 'exact',
    bound: 'exact',
    precision: 1,
    counts,
    sentence: { start, end },
  };
}

function org(start: number, text: string, entityId: string, canonical: string): OrganisationAnnotation {
  const end = start + text.length;
  return {
    kind: 'organisation',
    id: `organisation:${start}-${end}`,
    start,
    end,
    text,
    line: 0,
    source: 'lexicon',
    entityId,
    canonical,
    orgType: 'police-force',
    known: true,
  };
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
    assert.deepEqual(
      tally.map((k) => [k.kind, k.count]),
      [
        ['figure', 5],
        ['organisation', 3],
        ['legal-term', 1],
      ],
    );

    const figures = tally[0];
    assert.deepEqual(
      figures.groups.map((g) => [g.label, g.occurrences.length, g.documentCount]),
      [
        ['arrests', 3, 2],
        [unknownMeasureLabel, 1, 1],
        ['cash seized', 1, 1],
      ],
    );
    const orgs = tally[1];
    assert.deepEqual(
      orgs.groups.map((g) => [g.key, g.label, g.occurrences.length]),
      [
        ['met', 'Metropolitan Police Service', 2],
        ['nca', 'National Crime Agency', 1],
      ],
    );
  });

  it('keeps each occurrence with its document, place and annotation', () => {
    const arrests = tallyByKind([docA, docB])[0].groups[0];
    assert.deepEqual(
      arrests.occurrences.map((o) => [o.docId, o.start, o.end, o.text]),
      [
        ['file:///a.crime.txt', 20, 31, '290 arrests'],
        ['file:///a.crime.txt', 120, 130, '12 arrests'],
        ['file:///b.crime.txt', 50, 61, '300 arrests'],
      ],
    );
    assert.equal(arrests.occurrences[1].line, 1);
    assert.equal(arrests.occurrences[2].annotation.kind, 'figure');
  });

  it('filters by group label (keeping the whole group) or by occurrence text, dropping empty kinds', () => {
    const byLabel = tallyByKind([docA, docB], { filter: 'metropolitan police service' });
    assert.deepEqual(
      byLabel.map((k) => k.kind),
      ['organisation'],
    );
    assert.equal(byLabel[0].count, 2, 'both spellings of the Met stay under the matching canonical name');

    const byText = tallyByKind([docA, docB], { filter: '290' });
    assert.deepEqual(
      byText.map((k) => [k.kind, k.count]),
      [['figure', 1]],
    );
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

  it('reads a new analysis of a document, not the groups of its last one', () => {
    assert.equal(tallyByKind([docA])[0].count, 3);
    const edited = { docId: docA.docId, analysis: analysis([...docA.analysis.annotations, figure(300, '40 arrests', 'arrests', 40)]) };
    const figures = tallyByKind([edited])[0];
    assert.equal(figures.count, 4);
    assert.deepEqual(
      figures.groups[0].occurrences.map((o) => o.text),
      ['290 arrests', '12 arrests', '40 arrests'],
    );
    assert.equal(tallyByKind([docA])[0].count, 3, 'the first analysis still tallies as it was');
  });

  it("lists a group's occurrences once, when first read", () => {
    const group = tallyByKind([docA, docB])[0].groups[0];
    assert.equal(group.occurrences, group.occurrences);
    assert.deepEqual(JSON.parse(JSON.stringify(group)).occurrences.length, 3);
  });

  it('gives what grouping every annotation afresh gives, for many documents', () => {
    const measures = ['arrests', 'cash seized', null, 'charges', 'knives'];
    const docs = Array.from({ length: 40 }, (_, d) => ({
      docId: `file:///doc-${String(d).padStart(2, '0')}.crime.txt`,
      analysis: analysis(
        Array.from({ length: (d * 7) % 11 }, (_, i): Annotation => {
          const at = i * 20;
          if (i % 4 === 3) return org(at, d % 2 ? 'the Met' : 'NCA', d % 2 ? 'met' : 'nca', d % 2 ? 'Metropolitan Police Service' : 'National Crime Agency');
          if (i % 5 === 4) return term(at, 'charged', 'charged', 'Charged');
          return figure(at, `${d + i} arrests`, measures[(d + i) % measures.length], d + i);
        }),
      ),
    }));
    for (const filter of [undefined, 'arrests', '1', 'met', 'nothing']) {
      const expected = regroup(docs, filter);
      const actual = tallyByKind(docs, { filter }).map((k) => ({ ...k, groups: k.groups.map((g) => ({ ...g, occurrences: [...g.occurrences] })) }));
      assert.deepEqual(actual, expected, `filter ${filter}`);
    }
  });
});

/** The tally as the first version of the view worked it out: every annotation grouped afresh. */
function regroup(documents: readonly { docId: string; analysis: DocumentAnalysis }[], filter?: string) {
  const needle = filter?.trim().toLowerCase() ?? '';
  const kinds = ['figure', 'organisation', 'legal-term'] as const;
  const labels = { figure: 'Figures', organisation: 'Organisations', 'legal-term': 'Legal terms' };
  return kinds.flatMap((kind) => {
    const groups = new Map<
      string,
      { label: string; occurrences: { docId: string; start: number; end: number; line: number; text: string; annotation: Annotation }[] }
    >();
    for (const { docId, analysis: a } of documents) {
      for (const annotation of a.annotations) {
        if (annotation.kind !== kind) continue;
        const [key, label] =
          annotation.kind === 'figure'
            ? [annotation.counts ?? '', annotation.counts ?? unknownMeasureLabel]
            : annotation.kind === 'organisation'
              ? [annotation.entityId, annotation.canonical]
              : [annotation.termId, annotation.canonical];
        const group = groups.get(key) ?? groups.set(key, { label, occurrences: [] }).get(key)!;
        group.occurrences.push({ docId, start: annotation.start, end: annotation.end, line: annotation.line, text: annotation.text, annotation });
      }
    }
    const kept = [...groups].flatMap(([key, { label, occurrences }]) => {
      const shown =
        !needle || label.toLowerCase().includes(needle) || key.toLowerCase().includes(needle)
          ? occurrences
          : occurrences.filter((o) => o.text.toLowerCase().includes(needle));
      return shown.length ? [{ kind, key, label, occurrences: shown, documentCount: new Set(shown.map((o) => o.docId)).size }] : [];
    });
    kept.sort((a, b) => b.occurrences.length - a.occurrences.length || a.label.localeCompare(b.label, 'en-GB'));
    return kept.length ? [{ kind, label: labels[kind], count: kept.reduce((n, g) => n + g.occurrences.length, 0), groups: kept }] : [];
  });
}

describe('tally in steps', () => {
  it('pauses between documents and inside a large one, and counts what the tally at once counts', () => {
    // One document of 9,000 figures over 30 measures (a long release), then small ones.
    const large = analysis(Array.from({ length: 9_000 }, (_, i) => figure(i * 10, String(i), `measure ${i % 30}`, i)));
    const small = (n: number) =>
      analysis([figure(0, '12', 'arrests', 12), org(5, 'the Met', 'met', 'Metropolitan Police Service'), figure(20, String(n), 'charges', n)]);
    const documents = [{ docId: 'large', analysis: large }, ...Array.from({ length: 5 }, (_, i) => ({ docId: `small-${i}`, analysis: small(i) }))];
    const steps = tallySteps(documents);
    let pauses = 0;
    let r = steps.next();
    while (!r.done) {
      pauses++;
      r = steps.next();
    }
    // A pause a document, a few inside the large one, and one a group.
    assert.ok(pauses >= documents.length + 4, `${pauses} pauses`);
    const atOnce = tallyByKind(documents);
    assert.deepEqual(JSON.parse(JSON.stringify(r.value)), JSON.parse(JSON.stringify(atOnce)));
    assert.equal(atOnce.find((k) => k.kind === 'figure')!.count, 9_000 + 10);
  });
});
