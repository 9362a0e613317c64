/**
 * The annotations file against the W3C Web Annotation Data Model: the MUST assertions of the W3C
 * test schemas (kept outside the project in ../shared/peer-suites; skipped with a message when
 * absent), what a JSON-LD reader makes of it, and the migration of files in format 1.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeSpan } from '../../src/core/anchoring';
import { documentIri, extensionTerms, parseMarks, pathOfIri, serializeMarks, workspaceBase, type ReviewMark } from '../../src/core/review';
import { mustFailures, W3CAnnotationSuite, w3cSuiteAvailable, w3cSuiteDir } from '../support/w3cAnnotationSuite';

const text = 'Harbourside Police said 27 people were arrested and £9,400 in cash was seized, up 35% on last year.\n';
const base = workspaceBase('0e5a7c1b-2d3f-4a6b-9c8d-7e6f5a4b3c2d');
const file = { base, path: '.crime-annotator/annotations.json' };

function mark(quote: string, over: Partial<ReviewMark> = {}): ReviewMark {
  const start = text.indexOf(quote);
  return {
    id: `urn:uuid:${(start + 1).toString(16).padStart(8, '0')}-1111-4222-8333-444455556666`,
    state: 'verified',
    document: 'releases/harbourside week.crime.txt',
    anchor: describeSpan(text, start, start + quote.length),
    creator: 'R. Checker',
    created: '2026-06-01T08:00:00.000Z',
    modified: '2026-06-01T08:30:00.000Z',
    ...over,
  };
}

/** One of every kind of mark, with every optional field, on documents whose names need encoding. */
const everyKind: ReviewMark[] = [
  mark('27 people', { source: { kind: 'url', value: 'https://example.org/harbourside/arrests?week=23' }, kind: 'figure' }),
  mark('£9,400', { state: 'disputed', reason: 'the court list says £9,040', document: 'notes/Café 50% rise.md' }),
  mark('up 35%', { state: 'note', text: 'which year is "last year"?' }),
  mark('last year', { state: 'added', kind: 'figure', document: 'a/b/c.txt' }),
  mark('Harbourside Police', { state: 'not-a-claim', kind: 'organisation' }),
  mark('arrested', { source: { kind: 'document', value: 'sources/custody log.csv' } }),
  mark('in cash', { source: { kind: 'text', value: 'phoned the press office, 2 June' } }),
];

const formatOne = `{
  "@context": "http://www.w3.org/ns/anno.jsonld",
  "type": "AnnotationPage",
  "generator": "Crime Annotator",
  "formatVersion": 1,
  "items": [
    {
      "id": "urn:uuid:aaaaaaaa-1111-4222-8333-444455556666",
      "type": "Annotation",
      "motivation": "assessing",
      "creator": { "type": "Person", "name": "R. Checker" },
      "created": "2026-05-01T09:00:00.000Z",
      "modified": "2026-05-01T09:00:00.000Z",
      "body": {
        "type": "TextualBody", "purpose": "assessing", "value": "Verified (url: https://example.org/a)",
        "state": "verified", "source": { "kind": "url", "value": "https://example.org/a" }, "kind": "figure"
      },
      "target": {
        "source": "releases/harbourside 50% week.txt",
        "selector": [
          { "type": "TextQuoteSelector", "exact": "27 people", "prefix": "Police said ", "suffix": " were arrested" },
          { "type": "TextPositionSelector", "start": 24, "end": 33 }
        ]
      }
    },
    {
      "id": "urn:uuid:bbbbbbbb-1111-4222-8333-444455556666",
      "type": "Annotation",
      "motivation": "commenting",
      "creator": { "type": "Person", "name": "S. Editor" },
      "created": "2026-05-02T09:00:00.000Z",
      "modified": "2026-05-03T09:00:00.000Z",
      "body": { "type": "TextualBody", "purpose": "commenting", "value": "Note: check", "state": "note", "text": "check" },
      "target": {
        "source": "releases/ünïcode.crime",
        "selector": [
          { "type": "TextQuoteSelector", "exact": "£9,400", "prefix": "", "suffix": "" },
          { "type": "TextPositionSelector", "start": 51, "end": 57 }
        ]
      }
    }
  ]
}
`;

/** Every object key in `value`, with the path to it. */
function keysOf(value: unknown, at = ''): { key: string; at: string; value: unknown }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => keysOf(v, `${at}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => (key === '@context' ? [] : [{ key, at: `${at}.${key}`, value: v }, ...keysOf(v, `${at}.${key}`)]));
}

/** The W3C context terms this format uses, from the model (section 3 and 4); the ../shared test checks them against anno.jsonld itself. */
const w3cTerms = new Set([
  'id',
  'type',
  'generator',
  'name',
  'items',
  'total',
  'motivation',
  'creator',
  'created',
  'modified',
  'body',
  'purpose',
  'value',
  'target',
  'source',
  'selector',
  'exact',
  'prefix',
  'suffix',
  'start',
  'end',
]);

describe('annotations file: W3C Web Annotation conformance (no outside files)', () => {
  const page = JSON.parse(serializeMarks(everyKind, file));

  it('states the W3C context first, then its own context with the base of its IRIs', () => {
    assert.equal(page['@context'][0], 'http://www.w3.org/ns/anno.jsonld');
    assert.equal(page['@context'][1]['@base'], base);
    assert.match(page.id, /^arcp:\/\/uuid,[0-9a-f-]{36}\/\.crime-annotator\/annotations\.json$/);
  });

  it('uses only W3C terms and terms its own context defines, so a JSON-LD reader drops nothing', () => {
    const own = new Set(Object.keys(extensionTerms));
    const unknown = keysOf(page).filter(({ key }) => !w3cTerms.has(key) && !own.has(key));
    assert.deepEqual(
      unknown.map((k) => k.at),
      [],
    );
    for (const term of ['reviewState', 'evidence', 'kind', 'reason', 'text', 'formatVersion']) assert.ok(own.has(term), term);
  });

  it('keeps W3C terms to their W3C meaning: no review state in `state`, no `source` on a textual body', () => {
    for (const item of page.items) {
      assert.equal(item.body.state, undefined, 'W3C state is a Specific Resource state (an IRI)');
      assert.equal(item.body.source, undefined, 'an embedded textual body has no source');
      assert.equal(item.body.type, 'TextualBody');
    }
  });

  it('names each document by an absolute IRI under the stated base that reads back as its path', () => {
    for (const [i, item] of page.items.entries()) {
      assert.ok(item.target.source.startsWith(base), item.target.source);
      assert.match(item.target.source, /^[a-z][a-z0-9+.-]*:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/, 'URI characters only');
      assert.equal(
        pathOfIri(item.target.source),
        [...everyKind].sort((a, b) => (a.document < b.document ? -1 : a.document > b.document ? 1 : a.created < b.created ? -1 : 1))[i]!.document,
      );
    }
    assert.ok(page.items.some((i: { target: { source: string } }) => i.target.source === `${base}notes/Caf%C3%A9%2050%25%20rise.md`));
  });

  it('never writes a page without annotations', () => {
    const empty = JSON.parse(serializeMarks([], file));
    assert.equal(empty.type, 'AnnotationCollection');
    assert.equal(empty.total, 0);
    assert.ok(!('items' in empty) && !('first' in empty));
  });

  it("reads a format-1 file without losing a mark, and writes it back in today's format", () => {
    const old = parseMarks(formatOne);
    assert.ok(old.ok);
    assert.equal(old.base, undefined, 'format 1 states no base');
    assert.deepEqual(
      old.marks.map((m) => [m.state, m.document, m.source, m.text, m.kind]),
      [
        ['verified', 'releases/harbourside 50% week.txt', { kind: 'url', value: 'https://example.org/a' }, undefined, 'figure'],
        ['note', 'releases/ünïcode.crime', undefined, 'check', undefined],
      ],
    );
    const migrated = serializeMarks(old.marks, file);
    assert.doesNotMatch(migrated, /"state"|"formatVersion": 1/);
    const again = parseMarks(migrated);
    assert.ok(again.ok);
    assert.deepEqual(again.marks, old.marks, 'every field of every mark survives the migration');
    assert.equal(again.base, base);
  });

  it('reads a relative reference written by hand against the stated base, and refuses one outside the workspace', () => {
    const page1 = JSON.parse(serializeMarks([everyKind[0]!], file));
    page1.items[0].target.source = './releases/../releases/hand%20made.txt';
    const read = parseMarks(JSON.stringify(page1));
    assert.ok(read.ok);
    assert.equal(read.marks[0]!.document, 'releases/hand made.txt');
    page1.items[0].target.source = 'file:///home/someone/releases/x.txt';
    const refused = parseMarks(JSON.stringify(page1, null, 2));
    assert.ok(!refused.ok);
    assert.match(refused.error.message, /annotation 1: "target.source" must name a document in the workspace/);
  });
});

describe('annotations file: document IRIs', () => {
  it('round-trips awkward names: spaces, percent signs, non-ASCII, reserved characters', () => {
    for (const p of ['a.txt', 'dir/sub dir/file name.crime', '50%/100%.md', 'ünï/çødé.txt', 'q?#[x]&y=z;.txt', "it's (fine)!.txt"]) {
      const iri = documentIri(base, p);
      assert.match(iri, /^[\x21-\x7e]+$/, `${iri} is ASCII with no spaces`);
      assert.equal(pathOfIri(iri), p);
    }
  });

  it('reads an arcp IRI of another file (marks merged from another clone), and refuses what leaves the workspace', () => {
    assert.equal(pathOfIri('arcp://uuid,11111111-2222-4333-8444-555555555555/releases/a.txt'), 'releases/a.txt');
    assert.equal(pathOfIri('../outside.txt'), undefined);
    assert.equal(pathOfIri('https://example.org/a.txt'), undefined);
    assert.equal(pathOfIri('arcp://uuid,x/'), undefined);
    assert.throws(() => workspaceBase('not-a-uuid'), /not a UUID/);
  });
});

describe('annotations file: the W3C test schemas (MUST assertions)', function () {
  if (!w3cSuiteAvailable()) {
    it(`skipped: the W3C Web Annotation tests are not at ${w3cSuiteDir}`, function () {
      this.skip();
    });
    return;
  }
  const suite = new W3CAnnotationSuite();

  it('runs all 69 MUST assertions (15 on the page, 54 on each annotation)', () => {
    const page = suite.assertionsOf('collections/pages/pageMusts.test');
    const annotation = suite.assertionsOf('annotations/annotationMusts.test');
    assert.equal(page.length + annotation.length, 69);
    const results = suite.run('annotations/annotationMusts.test', JSON.parse(serializeMarks(everyKind, file)).items[0]);
    assert.ok(results.every((r) => r.assertionType === 'must'));
  });

  it('passes every MUST assertion with one of every kind of mark', () => {
    assert.deepEqual(mustFailures(suite, JSON.parse(serializeMarks(everyKind, file))), []);
  });

  it('passes them with a single mark of each kind on its own', () => {
    for (const m of everyKind) assert.deepEqual(mustFailures(suite, JSON.parse(serializeMarks([m], file))), [], m.state);
  });

  it('passes the AnnotationCollection MUST assertions when there are no marks', () => {
    const empty = JSON.parse(serializeMarks([], file));
    const failed = suite.run('collections/collectionMusts.test', empty).filter((r) => r.assertionType === 'must' && !r.passed);
    assert.deepEqual(
      failed.map((r) => r.file),
      [],
    );
  });

  it('is not a harness that passes anything: the format-1 file fails the page id, target IRI, body source and state assertions', () => {
    const failures = mustFailures(suite, JSON.parse(formatOne));
    for (const expected of ['5.2-pageIdValidated', '3.2-targetObjectsRecognized', '4-bodyEmbeddedTextualNoSource', '4.3-stateValidIfPresent']) {
      assert.ok(
        failures.some((f) => f.includes(expected)),
        `${expected} should fail for format 1:\n${failures.join('\n')}`,
      );
    }
  });

  it('passes them with the example in docs/annotations-format.md, which the extension reads', () => {
    const doc = fs.readFileSync(path.resolve(__dirname, '../../docs/annotations-format.md'), 'utf8');
    const example = /```json\n([\s\S]*?)\n```/.exec(doc)![1]!;
    const parsed = parseMarks(example);
    assert.ok(parsed.ok, JSON.stringify(parsed));
    assert.equal(parsed.marks[0]!.document, 'releases/northshire week.crime.txt');
    const { '@base': _, ...terms } = JSON.parse(example)['@context'][1];
    assert.deepEqual(terms, extensionTerms, 'the documented context is the one written');
    assert.deepEqual(mustFailures(suite, JSON.parse(example)), []);
  });

  it('defines every key it writes in anno.jsonld or its own context, and gives W3C IRI-valued terms IRIs', () => {
    const anno = JSON.parse(fs.readFileSync(path.join(w3cSuiteDir, '..', 'anno.jsonld'), 'utf8'))['@context'] as Record<string, unknown>;
    const page = JSON.parse(serializeMarks(everyKind, file));
    const own = page['@context'][1] as Record<string, unknown>;
    const undefinedKeys = keysOf(page).filter(({ key }) => !(key in anno) && !(key in own));
    assert.deepEqual(
      undefinedKeys.map((k) => k.at),
      [],
    );
    const iriValued = (key: string) => {
      const d = anno[key];
      return typeof d === 'object' && d !== null && (d as Record<string, unknown>)['@type'] === '@id' && key !== 'type' && key !== 'id';
    };
    for (const { key, at, value } of keysOf(page)) {
      if (!iriValued(key) || typeof value !== 'string') continue;
      assert.match(value, /^[a-z][a-z0-9+.-]*:/, `${at} is an IRI-valued W3C term holding ${JSON.stringify(value)}`);
    }
  });
});
