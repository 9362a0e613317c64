import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../src/core/analyze';
import { compileLexicon } from '../../src/core/lexicon';
import { buildRecord, createRecordIndex, prepareSource, type SourceDocument } from '../../src/core/record';

/**
 * Staging (how the corpus index feeds a scan, and the CLI's worker threads, to the record) must build
 * the record a cold build does, whatever order the documents arrive in, when `flush` is given the
 * corpus's order; and the prepared sources must survive the trip between threads (structured clone).
 */
const samplesDir = path.resolve(__dirname, '../../samples');

describe('record: staged documents', function () {
  this.timeout(60_000);
  const lexicon = compileLexicon();
  const docs: SourceDocument[] = readdirSync(samplesDir)
    .filter((f) => f.endsWith('.crime.txt'))
    .sort()
    .map((f) => {
      const text = readFileSync(path.join(samplesDir, f), 'utf8');
      return { id: f, text, analysis: analyze(text, { lexicon }) };
    });

  it('gives the cold build, staged in reverse and flushed in the corpus order, through a structured clone', () => {
    const cold = buildRecord(docs);
    const index = createRecordIndex();
    const position = new Map(docs.map((d, i) => [d.id, i]));
    for (const d of [...docs].reverse()) index.stage(d.id, structuredClone(prepareSource(d)));
    // Checks are known as soon as a document is staged (the CLI reports them as it goes).
    assert.deepEqual(index.checksFor(docs[0].id), cold.checks[docs[0].id]);
    let update;
    do update = index.flush(undefined, (a, b) => position.get(a)! - position.get(b)!);
    while (!update.done);
    assert.ok(cold.events.length > 0 && cold.records.length > 0);
    assert.deepEqual(index.events(), cold.events);
    assert.deepEqual(index.records(), cold.records);
    assert.deepEqual(index.possiblySame(), cold.possiblySame);
  });

  it('gives the cold build when the flush yields at every step, placing in events included', () => {
    const cold = buildRecord(docs);
    const index = createRecordIndex();
    for (const d of docs) index.stage(d.id, prepareSource(d));
    let flushes = 0;
    let update;
    do {
      update = index.flush(() => true);
      flushes++;
      if (flushes === 1) assert.equal(update.done, false, 'the first slice weighs one document and yields');
    } while (!update.done);
    // One slice a document weighed, at least, then a relink a slice.
    assert.ok(flushes > docs.length, `${flushes} flushes`);
    assert.deepEqual(index.events(), cold.events);
    assert.deepEqual(index.records(), cold.records);
  });

  it('changes the events in one piece, at the end of a placement that yields at every step', () => {
    const half = Math.ceil(docs.length / 2);
    const index = createRecordIndex();
    index.upsertAll(docs.slice(0, half));
    const before = index.events();
    for (const d of docs.slice(half)) index.stage(d.id, prepareSource(d));
    const seen: (typeof before)[] = [];
    let update;
    do {
      update = index.flush(() => true);
      seen.push(index.events());
    } while (!update.done);
    const after = index.events();
    assert.deepEqual(after, buildRecord(docs).events);
    assert.notDeepEqual(after, before, 'the second half adds events');
    // Every slice saw the events before the placement or after it, never a mixture, and they changed once.
    const changedAt = seen.findIndex((e) => JSON.stringify(e) !== JSON.stringify(before));
    assert.ok(changedAt > 0, `the events changed at slice ${changedAt} of ${seen.length}`);
    for (const e of seen.slice(changedAt)) assert.deepEqual(e, after);
  });

  it('finishes whatever a flush left half done (placing, a partition half relinked) before another change, at any slice', () => {
    const [edited] = docs;
    const text = edited.text.replace(/\d+/, (n) => String(Number(n) + 7));
    const changed = { id: edited.id, text, analysis: analyze(text, { lexicon }) };
    const expected = createRecordIndex();
    expected.upsertAll(docs);
    expected.upsert(changed);
    const prepared = docs.map((d) => [d.id, prepareSource(d)] as const);
    // How many slices a flush that yields at every pause takes.
    const counting = createRecordIndex();
    for (const [id, p] of prepared) counting.stage(id, p);
    let slices = 0;
    while (!counting.flush(() => true).done) slices++;
    assert.ok(slices > docs.length * 2, `${slices} slices`);
    for (let at = 1; at < slices; at += Math.max(1, Math.floor(slices / 25))) {
      const index = createRecordIndex();
      for (const [id, p] of prepared) index.stage(id, p);
      const reported = new Set<string>();
      for (let i = 0; i < at; i++) for (const id of index.flush(() => true).changedRecords) reported.add(id);
      for (const id of index.upsert(changed).changedRecords) reported.add(id);
      let update;
      do {
        update = index.flush(() => true);
        for (const id of update.changedRecords) reported.add(id);
      } while (!update.done);
      assert.deepEqual(index.events(), expected.events(), `events, interrupted at slice ${at}`);
      assert.deepEqual(index.records(), expected.records(), `records, interrupted at slice ${at}`);
      // Every record there is now was reported as changed by some flush or the upsert.
      for (const r of index.records()) assert.ok(reported.has(r.recordId), `${r.recordId} reported, interrupted at slice ${at}`);
    }
  });

  it('finishes a placement a flush left unfinished before any other change', () => {
    const [edited, ...rest] = docs;
    const text = edited.text.replace(/\d+/, (n) => String(Number(n) + 7));
    const changed = { id: edited.id, text, analysis: analyze(text, { lexicon }) };
    // Expected: every document flushed, then one of them changed.
    const expected = createRecordIndex();
    expected.upsertAll(docs);
    expected.upsert(changed);
    const index = createRecordIndex();
    for (const d of docs) index.stage(d.id, prepareSource(d));
    assert.equal(index.flush(() => true).done, false);
    index.upsert(changed);
    let update;
    do update = index.flush(() => true);
    while (!update.done);
    assert.ok(rest.length > 0);
    assert.deepEqual(index.events(), expected.events());
    assert.deepEqual(index.records(), expected.records());
  });
});
