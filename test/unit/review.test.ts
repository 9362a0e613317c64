import * as assert from 'node:assert/strict';
import { describeSpan } from '../../src/core/anchoring';
import {
  mergeLexiconAddition,
  mergeMarks,
  parseMarks,
  placeMarks,
  progressLabel,
  refreshAnchor,
  reviewColumns,
  reviewForExport,
  reviewProgress,
  serializeMarks,
  type ReviewMark,
} from '../../src/core/review';
import type { Span } from '../../src/core/types';

const text = 'Officers made 41 arrests and seized £18,250 in cash. The force said 12 people were charged.\n';

function mark(over: Partial<ReviewMark> & { quote: string }): ReviewMark {
  const start = text.indexOf(over.quote);
  const { quote, ...rest } = over;
  return {
    id: `urn:uuid:${quote.length}-${start}`,
    state: 'verified',
    document: 'releases/week.crime',
    anchor: describeSpan(text, start, start + quote.length),
    creator: 'A. Editor',
    created: '2026-05-01T09:00:00.000Z',
    modified: '2026-05-01T09:00:00.000Z',
    ...rest,
  };
}

const verified = mark({ quote: '41 arrests', source: { kind: 'url', value: 'https://example.org/release' } });
const disputed = mark({
  quote: '£18,250',
  state: 'disputed',
  reason: 'court papers say £18,520',
  created: '2026-05-01T09:05:00.000Z',
  modified: '2026-05-01T09:05:00.000Z',
});
const note = mark({ quote: 'The force said', state: 'note', text: 'ask which force' });
const file = { base: 'arcp://uuid,6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f/', path: '.crime-annotator/annotations.json' };
const write = (marks: readonly ReviewMark[]) => serializeMarks(marks, file);

describe('review file: serialise', () => {
  it('writes a W3C AnnotationPage with one Annotation per item, selectors and creator', () => {
    const page = JSON.parse(write([disputed, verified]));
    assert.deepEqual(Object.keys(page), ['@context', 'id', 'type', 'generator', 'formatVersion', 'items']);
    assert.equal(page['@context'][0], 'http://www.w3.org/ns/anno.jsonld');
    assert.equal(page['@context'][1]['@base'], file.base, "the base of the documents' IRIs is stated");
    assert.equal(page.id, `${file.base}.crime-annotator/annotations.json`);
    assert.equal(page.type, 'AnnotationPage');
    assert.deepEqual(page.generator, { type: 'Software', name: 'Crime Annotator' });
    assert.equal(page.items.length, 2);
    const first = page.items[0];
    assert.deepEqual(Object.keys(first), ['id', 'type', 'motivation', 'creator', 'created', 'modified', 'body', 'target']);
    assert.equal(first.id, verified.id, 'ordered by creation time, not by the order given');
    assert.equal(first.motivation, 'assessing');
    assert.deepEqual(first.creator, { type: 'Person', name: 'A. Editor' });
    assert.deepEqual(first.body, {
      type: 'TextualBody',
      purpose: 'assessing',
      value: 'Verified (url: https://example.org/release)',
      reviewState: 'verified',
      evidence: { kind: 'url', value: 'https://example.org/release' },
    });
    assert.deepEqual(first.target, {
      source: `${file.base}releases/week.crime`,
      selector: [
        { type: 'TextQuoteSelector', exact: '41 arrests', prefix: 'Officers made ', suffix: ' and seized £18,250 in cash. The' },
        { type: 'TextPositionSelector', start: 14, end: 24 },
      ],
    });
  });

  it('writes no marks as an empty AnnotationCollection, since a page must hold at least one annotation', () => {
    const empty = JSON.parse(write([]));
    assert.equal(empty.type, 'AnnotationCollection');
    assert.equal(empty.total, 0);
    assert.equal(empty.items, undefined);
    assert.equal(empty.id, `${file.base}.crime-annotator/annotations.json`);
    const parsed = parseMarks(write([]));
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.marks, []);
    assert.equal(parsed.base, file.base, 'an emptied file keeps its base');
  });

  it('is stable: the same marks in any order give the same bytes, 2-space indented, ending in a newline', () => {
    const a = write([verified, disputed, note]);
    assert.equal(a, write([note, disputed, verified]));
    assert.ok(a.endsWith('}\n'));
    assert.match(a, /^\{\n {2}"@context"/);
  });

  it('uses the motivation the W3C model gives each kind of mark', () => {
    const added = mark({ quote: '12 people', state: 'added', kind: 'figure' });
    const notClaim = mark({ quote: 'Officers', state: 'not-a-claim', kind: 'organisation' });
    const items = JSON.parse(write([verified, disputed, note, added, notClaim])).items as { body: { reviewState: string }; motivation: string }[];
    const of = (state: string) => items.find((i) => i.body.reviewState === state)!.motivation;
    assert.deepEqual(
      [of('verified'), of('disputed'), of('note'), of('added'), of('not-a-claim')],
      ['assessing', 'assessing', 'commenting', 'identifying', 'tagging'],
    );
  });
});

describe('review file: parse', () => {
  it('reads back exactly what it wrote', () => {
    const marks = [verified, disputed, note, mark({ quote: '12 people', state: 'added', kind: 'figure' })];
    const parsed = parseMarks(write(marks));
    assert.ok(parsed.ok);
    assert.equal(parsed.base, file.base);
    assert.equal(parsed.formatVersion, 2);
    assert.deepEqual(
      parsed.marks,
      [...marks].sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : a.id < b.id ? -1 : 1)),
    );
  });

  it('treats an empty file as no marks', () => {
    assert.deepEqual(parseMarks(''), { ok: true, marks: [] });
  });

  it('reports broken JSON with its line and column', () => {
    const broken = write([verified]).replace('"motivation": "assessing",', '"motivation": "assessing"');
    const parsed = parseMarks(broken);
    assert.equal(parsed.ok, false);
    const expectedLine = broken.split('\n').findIndex((l) => l.includes('"creator"')) + 1;
    assert.ok(!parsed.ok && parsed.error.line === expectedLine, `line ${!parsed.ok && parsed.error.line}, expected ${expectedLine}`);
    assert.match(!parsed.ok ? parsed.error.message : '', /invalid JSON/);
  });

  it('reports an annotation that is valid JSON but not a mark, at the line where it starts', () => {
    const file = JSON.parse(write([verified, disputed]));
    file.items[1].body.reviewState = 'approved';
    const textOut = JSON.stringify(file, null, 2);
    const parsed = parseMarks(textOut);
    assert.ok(!parsed.ok);
    assert.match(parsed.error.message, /annotation 2: "body.reviewState" must be one of/);
    // The item's opening brace is the line before its "id".
    const secondItemLine = textOut.split('\n').findIndex((l) => l.includes(`"id": "${file.items[1].id}"`));
    assert.equal(parsed.error.line, secondItemLine);
  });

  it('refuses duplicate ids and missing selectors', () => {
    const file = JSON.parse(write([verified]));
    const twice = JSON.stringify({ ...file, items: [file.items[0], file.items[0]] }, null, 2);
    assert.match((parseMarks(twice) as { error: { message: string } }).error.message, /duplicate id/);
    file.items[0].target.selector = [file.items[0].target.selector[1]];
    assert.match((parseMarks(JSON.stringify(file)) as { error: { message: string } }).error.message, /TextQuoteSelector/);
  });
});

describe('review file: three-way merge', () => {
  const later = (m: ReviewMark, over: Partial<ReviewMark>, at: string): ReviewMark => ({ ...m, ...over, modified: at });

  it('keeps additions from both sides and a change made on one side', () => {
    const mine = [verified, note];
    const theirs = [verified, later(disputed, { reason: 'checked again' }, '2026-05-02T10:00:00.000Z')];
    const merged = mergeMarks([verified, disputed], mine, theirs);
    // Mine deleted `disputed`, theirs changed it: kept and reported. `note` is new here.
    assert.deepEqual(new Set(merged.marks.map((m) => m.id)), new Set([verified.id, disputed.id, note.id]));
    assert.equal(merged.marks.find((m) => m.id === disputed.id)!.reason, 'checked again');
    assert.equal(merged.conflicts.length, 1);
    assert.match(merged.conflicts[0]!, /deleted here but changed on disk/);
  });

  it('takes the later of two different changes to one mark, and says so', () => {
    const mine = [later(verified, { source: { kind: 'text', value: 'phoned' } }, '2026-05-03T00:00:00.000Z')];
    const theirs = [later(verified, { source: { kind: 'text', value: 'emailed' } }, '2026-05-02T00:00:00.000Z')];
    const merged = mergeMarks([verified], mine, theirs);
    assert.equal(merged.marks[0]!.source!.value, 'phoned');
    assert.match(merged.conflicts[0]!, /kept the change made here/);
  });

  it('applies a deletion on disk to a mark not changed here, with no conflict', () => {
    const merged = mergeMarks([verified, disputed], [verified, disputed], [verified]);
    assert.deepEqual(
      merged.marks.map((m) => m.id),
      [verified.id],
    );
    assert.deepEqual(merged.conflicts, []);
  });
});

describe('review progress', () => {
  const figures = [...text.matchAll(/41 arrests|£18,250|12 people/g)].map((m) => ({ id: m[0], start: m.index!, end: m.index! + m[0].length }));
  const added = (span: Span) => ({ id: 'added', ...span });

  it('counts figures with a verdict, puts unreviewed first and leaves not-a-claim out', () => {
    const notClaim = mark({ quote: '12 people', state: 'not-a-claim' });
    const placed = placeMarks(text, [verified, note, notClaim]);
    const p = reviewProgress(figures, placed, added);
    assert.equal(progressLabel(p), '1 of 2 figures reviewed');
    assert.deepEqual(
      p.figures.map((f) => f.figure.id),
      ['£18,250', '41 arrests'],
    );
    assert.deepEqual(
      p.suppressed.map((f) => f.id),
      ['12 people'],
    );
  });

  it('counts a figure the editor added by hand', () => {
    const extra = mark({ quote: 'cash', state: 'added', kind: 'figure' });
    const p = reviewProgress(figures, placeMarks(text, [extra, disputed]), added);
    assert.equal(p.total, 4);
    assert.equal(p.reviewed, 1);
  });

  it('an orphaned verdict does not count', () => {
    const gone = placeMarks(text.replace('41 arrests', '40 arrests'), [verified]);
    assert.equal(gone[0]!.span, undefined);
    assert.equal(reviewProgress(figures, gone, added).reviewed, 0);
  });
});

describe('review export columns and anchor refresh', () => {
  it('gives the verdict, source, reason and notes of the marks on a figure', () => {
    const placed = placeMarks(text, [disputed, mark({ quote: '£18,250 in cash', state: 'note', text: 'round figure?' })]);
    const span = { start: text.indexOf('£18,250'), end: text.indexOf('£18,250') + 7 };
    assert.deepEqual(reviewColumns(span, placed), {
      reviewState: 'disputed',
      reviewReason: 'court papers say £18,520',
      reviewNotes: 'round figure?',
      reviewedBy: 'A. Editor',
      reviewedAt: '2026-05-01T09:05:00.000Z',
    });
    assert.deepEqual(reviewColumns({ start: 0, end: 8 }, placed), { reviewState: 'unreviewed' });
  });

  it('re-describes selectors only when the text around the mark changed', () => {
    assert.equal(refreshAnchor(verified, text, { start: 14, end: 24 }), verified);
    const edited = 'UPDATE. ' + text;
    const moved = refreshAnchor(verified, edited, { start: 22, end: 32 });
    assert.deepEqual(moved.anchor, describeSpan(edited, 22, 32));
  });
});

describe('review: save to workspace lexicon', () => {
  it('adds an organisation to a file that has none, in the schema the lexicon reads', () => {
    const r = mergeLexiconAddition(undefined, { kind: 'organisation', text: 'Eastmoor Youth Trust', canonical: 'Eastmoor Youth Trust', type: 'charity' });
    assert.equal(r.outcome, 'added');
    assert.deepEqual(JSON.parse(r.text), {
      organisations: [{ id: 'eastmoor-youth-trust', canonical: 'Eastmoor Youth Trust', type: 'charity', aliases: ['Eastmoor Youth Trust'] }],
    });
  });

  it('adds a new spelling as an alias of an existing entry and keeps everything else in the file', () => {
    const current = {
      $schema: 'x',
      ignore: ['Operation'],
      legalTerms: [{ id: 'cuckooing-order', canonical: 'Cuckooing Order', category: 'order', definition: 'd', aliases: ['cuckooing order'] }],
    };
    const r = mergeLexiconAddition(current, {
      kind: 'legal-term',
      text: 'cuckooing orders',
      canonical: 'Cuckooing Order',
      category: 'order',
      definition: 'ignored',
    });
    assert.equal(r.outcome, 'alias');
    const out = JSON.parse(r.text);
    assert.deepEqual(out.ignore, ['Operation']);
    assert.deepEqual(out.legalTerms[0].aliases, ['cuckooing order', 'cuckooing orders']);
    assert.equal(
      mergeLexiconAddition(out, { kind: 'legal-term', text: 'cuckooing orders', canonical: 'Cuckooing Order', category: 'order', definition: 'd' }).outcome,
      'present',
    );
  });

  it('refuses a file that is not an object rather than overwrite it', () => {
    assert.throws(() => mergeLexiconAddition([1, 2], { kind: 'organisation', text: 'X', canonical: 'X', type: 'other' }), /not a JSON object/);
  });
});

describe('review: JSON export', () => {
  it('gives each mark as its W3C annotation with where it is now, or orphaned', () => {
    const edited = text.replace('41 arrests', '40 arrests');
    const out = reviewForExport(placeMarks(edited, [verified, disputed]));
    assert.equal(out.length, 2);
    assert.deepEqual(
      out.map((o) => [(o.body as { reviewState: string }).reviewState, o.orphaned ?? false, o.current]),
      [
        ['verified', true, undefined],
        ['disputed', false, { start: edited.indexOf('£18,250'), end: edited.indexOf('£18,250') + 7 }],
      ],
    );
  });
});
