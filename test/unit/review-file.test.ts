// Issue 9, items 5 and 6 (the core half): fields of the annotations file this version does not
// understand survive every write, merge and change of a mark; and the file is read and written in
// steps that give exactly what the one-piece parser and writer give.
import * as assert from 'node:assert/strict';
import { describeSpan } from '../../src/core/anchoring';
import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import {
  ItemBytesCache,
  mergeMarks,
  parseMarks,
  parseMarksSteps,
  placeOf,
  serializeMarks as serializeWith,
  serializeMarksSteps,
  workspaceBase,
  type PreservedFields,
  type ReviewMark,
} from '../../src/core/review';
import { runAtOnce, sortInSteps } from '../../src/core/slices';

const file = { base: workspaceBase('3b7d9e21-5c4a-4f6e-8a1b-2c3d4e5f6a7b'), path: '.crime-annotator/annotations.json' };
const serializeMarks = (marks: readonly ReviewMark[], page?: PreservedFields) => serializeWith(marks, file, page);
const text = 'Officers made 41 arrests and seized £18,250 in cash. The force said 12 people were charged.\n';

function mark(quote: string, over: Partial<ReviewMark> = {}): ReviewMark {
  const start = text.indexOf(quote);
  return {
    id: `urn:uuid:${quote.length}-${start}`,
    state: 'note',
    document: 'releases/week.crime',
    anchor: describeSpan(text, start, start + quote.length),
    creator: 'A. Editor',
    created: '2026-05-01T09:00:00.000Z',
    modified: '2026-05-01T09:00:00.000Z',
    text: 'check',
    ...over,
  };
}

/** A file as another W3C tool (or a newer version) might leave it: fields everywhere this version does not know. */
function foreignFile(): { text: string; page: Record<string, unknown> } {
  const page = JSON.parse(
    serializeMarks([mark('41 arrests'), mark('£18,250', { state: 'verified', text: undefined, source: { kind: 'url', value: 'https://example.org/x' } })]),
  );
  page['@context'].push({ tool: 'https://example.org/vocab#' });
  page['@context'][1].confidence = 'tool:confidence';
  page.partOf = { id: 'https://example.org/collections/desk', type: 'AnnotationCollection' };
  page.label = 'Desk review, week 19';
  page['x-newer-version'] = { schema: 2, flags: ['a', 'b'] };
  const [first, second] = page.items;
  first.audience = { type: 'Audience', role: 'editor' };
  first.creator.email = 'editor@example.org';
  first.body.confidence = 0.8;
  first.body['tool:tags'] = ['court', 'sentencing'];
  first.target.selector[0]['tool:hash'] = 'abc123';
  first.target.selector.push({ type: 'XPathSelector', value: '/html/body/p[1]' });
  first.target.styleClass = 'highlight-yellow';
  first.motivation = ['commenting', 'tool:flagging'];
  second['x-reviewed-twice'] = true;
  // A "__proto__" key, as JSON.parse reads it: an own field, which assignment in code could not make.
  const text = JSON.stringify(page, null, 2).replace(/^\{\n/, '{\n  "__proto__": { "polluted": true },\n') + '\n';
  return { text, page: JSON.parse(text) };
}

describe('annotations file: fields this version does not understand', () => {
  it('writes back every unknown field of the page and of each annotation, exactly', () => {
    const { text: file, page } = foreignFile();
    const parsed = parseMarks(file);
    assert.ok(parsed.ok);
    const again = JSON.parse(serializeMarks(parsed.marks, parsed.page));
    assert.deepEqual(again['@context'], page['@context'], 'a context of another tool after ours, and a term added to ours, are kept');
    assert.deepEqual(again.partOf, page.partOf);
    assert.equal(again.label, page.label);
    assert.deepEqual(again['x-newer-version'], page['x-newer-version']);
    assert.ok(Object.prototype.hasOwnProperty.call(again, '__proto__'), 'a "__proto__" field is kept as a field');
    assert.equal(({} as { polluted?: boolean }).polluted, undefined, 'and never becomes a prototype');
    const [first, second] = again.items;
    const [wasFirst, wasSecond] = page.items as typeof again.items;
    assert.deepEqual(first.audience, wasFirst.audience);
    assert.equal(first.creator.email, 'editor@example.org');
    assert.equal(first.body.confidence, 0.8);
    assert.deepEqual(first.body['tool:tags'], ['court', 'sentencing']);
    assert.equal(first.target.selector[0]['tool:hash'], 'abc123');
    assert.deepEqual(first.target.selector[2], { type: 'XPathSelector', value: '/html/body/p[1]' });
    assert.equal(first.target.styleClass, 'highlight-yellow');
    assert.deepEqual(first.motivation, ['commenting', 'tool:flagging']);
    assert.equal(second['x-reviewed-twice'], true);
    assert.deepEqual(again, JSON.parse(file), 'the whole file comes back as it was read');
    assert.deepEqual(wasSecond.body, second.body);
  });

  it('keeps them when the mark changes, while the fields this version maintains follow the change', () => {
    const parsed = parseMarks(foreignFile().text);
    assert.ok(parsed.ok);
    const note = parsed.marks.find((m) => m.state === 'note')!;
    const moved = {
      ...note,
      state: 'disputed' as const,
      text: undefined,
      reason: 'wrong week',
      anchor: { ...note.anchor, start: note.anchor.start + 5, end: note.anchor.end + 5 },
      modified: '2026-06-01T00:00:00.000Z',
    };
    const item = JSON.parse(serializeMarks([moved], parsed.page)).items[0];
    assert.equal(item.body.reviewState, 'disputed');
    assert.equal(item.body.reason, 'wrong week');
    assert.equal(item.target.selector[1].start, note.anchor.start + 5);
    assert.equal(item.body.confidence, 0.8);
    assert.equal(item.target.selector[0]['tool:hash'], 'abc123');
    assert.equal(item.motivation, 'assessing', 'a motivation list that no longer holds the motivation gives way to it');
  });

  it('keeps them through a three-way merge, and a change another tool made to them counts as a change', () => {
    const parsed = parseMarks(foreignFile().text);
    assert.ok(parsed.ok);
    const base = parsed.marks;
    const note = base.find((m) => m.state === 'note')!;
    const theirs = base.map((m) =>
      m === note ? { ...m, preserved: { ...m.preserved, add: { ...m.preserved!.add, audience: { type: 'Audience', role: 'lawyer' } } } } : m,
    );
    const mine = [...base, mark('12 people')];
    const merged = mergeMarks(base, mine, theirs);
    assert.deepEqual(merged.conflicts, []);
    const item = JSON.parse(serializeMarks(merged.marks)).items.find((i: { id: string }) => i.id === note.id);
    assert.deepEqual(item.audience, { type: 'Audience', role: 'lawyer' });
    assert.equal(item.body.confidence, 0.8);
    assert.equal(merged.marks.length, 3);
  });

  it('reads them the same from the bytes of the file as from its text, non-ASCII text included', () => {
    const { text: file } = foreignFile();
    const withUnicode = file.replace('"Desk review, week 19"', '"Révision — semaine 19 🚓"');
    assert.deepEqual(runAtOnce(parseMarksSteps(new TextEncoder().encode(withUnicode))), parseMarks(withUnicode));
  });

  it('takes the format-1 names it read (body.state, body.source) for known fields: migrated, not kept beside the new ones', () => {
    const page = JSON.parse(
      serializeMarks([mark('41 arrests'), mark('£18,250', { state: 'verified', text: undefined, source: { kind: 'url', value: 'https://example.org/x' } })]),
    );
    // Format 1 as it was written: a plain @context, a path for the document, the old body names.
    page['@context'] = 'http://www.w3.org/ns/anno.jsonld';
    page.formatVersion = 1;
    page.generator = 'Crime Annotator';
    delete page.id;
    for (const item of page.items) {
      item.target.source = 'releases/week.crime';
      item.body.state = item.body.reviewState;
      delete item.body.reviewState;
      if (item.body.evidence) item.body.source = item.body.evidence;
      delete item.body.evidence;
    }
    page.items[0].body.confidence = 0.5;
    const parsed = parseMarks(JSON.stringify(page, null, 2));
    assert.ok(parsed.ok);
    assert.equal(parsed.page, undefined, 'nothing of a format-1 page is unknown');
    const written = JSON.parse(serializeMarks(parsed.marks, parsed.page));
    const [first, second] = written.items;
    assert.deepEqual(Object.keys(second.body).sort(), ['evidence', 'purpose', 'reviewState', 'type', 'value']);
    assert.deepEqual(second.body.evidence, { kind: 'url', value: 'https://example.org/x' });
    assert.equal(first.body.state, undefined);
    assert.equal(first.body.confidence, 0.5, 'an unknown field of a format-1 item is kept all the same');
    assert.equal(first.target.source, `${file.base}releases/week.crime`);
  });

  it('keeps an old name verbatim where the new one was read instead (it was not read, so it is unknown)', () => {
    const page = JSON.parse(serializeMarks([mark('41 arrests')]));
    page.items[0].body.state = 'something-else';
    page.items[0].body.source = { type: 'SpecificResource', id: 'https://example.org/y' };
    const parsed = parseMarks(JSON.stringify(page));
    assert.ok(parsed.ok);
    assert.equal(parsed.marks[0]!.state, 'note');
    assert.equal(parsed.marks[0]!.source, undefined);
    const item = JSON.parse(serializeMarks(parsed.marks)).items[0];
    assert.equal(item.body.reviewState, 'note');
    assert.equal(item.body.state, 'something-else');
    assert.deepEqual(item.body.source, { type: 'SpecificResource', id: 'https://example.org/y' });
  });

  it('carries the fields of an empty collection onto the page that holds the first mark, and never its total', () => {
    const empty = JSON.parse(serializeMarks([]));
    empty.label = 'Desk review';
    empty.total = 0;
    const parsed = parseMarks(JSON.stringify(empty));
    assert.ok(parsed.ok);
    const page = JSON.parse(serializeMarks([mark('41 arrests')], parsed.page));
    assert.equal(page.type, 'AnnotationPage');
    assert.equal(page.label, 'Desk review');
    assert.ok(!('total' in page));
    const back = JSON.parse(
      serializeMarks([], parseMarks(JSON.stringify(page)).ok ? (parseMarks(JSON.stringify(page)) as { page?: PreservedFields }).page : undefined),
    );
    assert.equal(back.type, 'AnnotationCollection');
    assert.equal(back.label, 'Desk review');
    assert.ok(!('items' in back));
  });

  it('gives a file this version wrote no kept fields at all', () => {
    const parsed = parseMarks(serializeMarks([mark('41 arrests'), mark('12 people', { state: 'added', kind: 'figure', text: undefined })]));
    assert.ok(parsed.ok);
    assert.equal(parsed.page, undefined);
    assert.ok(parsed.marks.every((m) => m.preserved === undefined));
  });
});

describe('annotations file: read and written in steps', () => {
  const many = (n: number) =>
    Array.from({ length: n }, (_, i) =>
      mark('41 arrests', {
        id: `urn:uuid:m-${String(i).padStart(6, '0')}`,
        document: `d/${i % 7}.txt`,
        created: new Date(Date.UTC(2026, 0, 1) + ((i * 7919) % n) * 1000).toISOString(),
        text: `note ${i} with "quotes", \\ and ünïcödé 🚓`,
      }),
    );

  it('writes exactly the bytes of serializeMarks, kept fields included, with remembered items reused', () => {
    const parsed = parseMarks(foreignFile().text);
    assert.ok(parsed.ok);
    const marks = [...parsed.marks, ...many(2_500)];
    const cache = new ItemBytesCache();
    const expected = new TextEncoder().encode(serializeMarks(marks, parsed.page));
    assert.deepEqual(runAtOnce(serializeMarksSteps(marks, file, parsed.page, cache)), expected);
    const added = [...marks, mark('£18,250', { id: 'urn:uuid:added' })];
    assert.deepEqual(runAtOnce(serializeMarksSteps(added, file, parsed.page, cache)), new TextEncoder().encode(serializeMarks(added, parsed.page)));
    assert.deepEqual(runAtOnce(serializeMarksSteps([], file, parsed.page)), new TextEncoder().encode(serializeMarks([], parsed.page)));
    // Remembered bytes hold the documents' IRIs under one base: another base re-encodes them.
    const other = { base: workspaceBase('9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d'), path: file.path };
    assert.deepEqual(runAtOnce(serializeMarksSteps(added, other, parsed.page, cache)), new TextEncoder().encode(serializeWith(added, other, parsed.page)));
  });

  it('yields between small steps, so a host can run it in slices', () => {
    const marks = many(5_000);
    let yields = 0;
    const steps = serializeMarksSteps(marks, file);
    for (let r = steps.next(); !r.done; r = steps.next()) yields++;
    assert.ok(yields >= 50, `${yields} yields`);
    yields = 0;
    const reading = parseMarksSteps(serializeMarks(marks));
    for (let r = reading.next(); !r.done; r = reading.next()) yields++;
    assert.ok(yields >= 50, `${yields} yields`);
  });

  it('reads a page without an @context (the first format, another tool) in steps, and one that states it after its items whole', () => {
    const page = JSON.parse(serializeMarks(many(2_000)));
    delete page['@context'];
    const noContext = JSON.stringify(page, null, 2) + '\n';
    let yields = 0;
    const reading = parseMarksSteps(new TextEncoder().encode(noContext));
    let r = reading.next();
    for (; !r.done; r = reading.next()) yields++;
    assert.ok(yields >= 20, `read in steps: ${yields} yields`);
    assert.deepEqual(r.value, parseMarks(noContext), 'the same marks as the one-piece parser');
    assert.ok(r.value.ok && r.value.marks.length === 2_000);
    // Stated after the items, the base is only known at the end: read whole, with the same result as the one-piece parser.
    const contextLast = JSON.stringify({ type: page.type, items: page.items, '@context': JSON.parse(serializeMarks([]))['@context'] }, null, 2) + '\n';
    assert.deepEqual(runAtOnce(parseMarksSteps(new TextEncoder().encode(contextLast))), parseMarks(contextLast));
  });

  it('reads back what the one-piece parser reads, and reports broken JSON at the place jsonc-parser gives', () => {
    const good = serializeMarks(many(300));
    assert.deepEqual(runAtOnce(parseMarksSteps(good)), parseMarks(good));
    const lines = good.split('\n');
    const brokenJson: Record<string, string> = {
      'missing comma inside an item': good.replace('"motivation": "commenting",', '"motivation": "commenting"'),
      'missing comma between items': good.replace('\n    },\n    {', '\n    }\n    {'),
      'trailing comma': good.replace(/\}\n {2}\]\n\}\n$/, '},\n  ]\n}\n'),
      comment: good.replace('{\n', '{\n  // a note\n'),
      'cut off': good.slice(0, Math.floor(good.length / 2)),
      'a BOM': `\ufeff${good}`,
      'text after the page': `${good}x`,
      'a line of garbage': lines.slice(0, 10).join('\n') + '\n@@@\n' + lines.slice(10).join('\n'),
    };
    const bytes = (t: string) => new TextEncoder().encode(t);
    assert.deepEqual(runAtOnce(parseMarksSteps(bytes(good))), parseMarks(good), 'read from bytes, the same marks');
    for (const [name, broken] of Object.entries(brokenJson)) {
      // Read as bytes, a BOM is dropped as a decoder drops it (as the extension always read the file).
      assert.deepEqual(
        runAtOnce(parseMarksSteps(bytes(broken))),
        parseMarks(name === 'a BOM' ? broken.slice(1) : broken),
        `${name}: read from bytes, the same report`,
      );
      const errors: ParseError[] = [];
      parseTree(broken, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
      assert.ok(errors.length > 0, `${name} is broken JSON`);
      const expected = { message: `invalid JSON (${printParseErrorCode(errors[0].error)})`, ...placeOf(broken, errors[0].offset) };
      assert.deepEqual(parseMarks(broken), { ok: false, error: expected }, name);
    }
  });

  it('reports valid JSON that is not a page of marks where the problem starts', () => {
    const good = serializeMarks(many(3));
    const lineOf = (t: string, needle: string) => t.slice(0, t.indexOf(needle)).split('\n').length;
    const notAMark = good.replace('"reviewState": "note"', '"reviewState": "approved"');
    const secondItem = good.replace(/"id": "urn:uuid:m-000001"/, '"id": "urn:uuid:m-000000"');
    const expectations: [string, string, RegExp, number][] = [
      ['not a mark', notAMark, /^annotation 1: "body.reviewState" must be one of/, lineOf(good, '"items": [') + 1],
      ['duplicate id', secondItem, /^annotation 2: duplicate id urn:uuid:m-000000$/, lineOf(good, '"id": "urn:uuid:m-000001"') - 1],
      ['items not an array', '{"type": "AnnotationPage", "items": {}}', /^"items" must be an array$/, 1],
      ['no items', '{\n"type": "AnnotationPage"}', /^missing "items"/, 1],
      ['an array', '[]', /^expected an object/, 1],
    ];
    for (const [name, file, message, line] of expectations) {
      assert.deepEqual(runAtOnce(parseMarksSteps(new TextEncoder().encode(file))), parseMarks(file), `${name}: read from bytes, the same report`);
      const parsed = parseMarks(file);
      assert.ok(!parsed.ok, name);
      assert.match(parsed.error.message, message, name);
      assert.equal(parsed.error.line, line, name);
    }
  });

  it('sorts in steps exactly as Array.prototype.sort does', () => {
    const values = Array.from({ length: 10_001 }, (_, i) => ({ k: (i * 7919) % 101, i }));
    const sorted = runAtOnce(sortInSteps(values, (a, b) => a.k - b.k, 100));
    assert.deepEqual(
      sorted,
      [...values].sort((a, b) => a.k - b.k),
      'stable, like the built-in sort',
    );
  });
});
