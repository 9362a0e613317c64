import * as assert from 'node:assert/strict';
import { buildRecord, createRecordIndex, type RecordIndex, type SourceDocument } from '../../src/core/record';
import { seededRandom, syntheticCorpus } from '../support/figures';

/** Everything a consumer can observe, in a form that compares equal when the records are the same. */
function snapshot(index: RecordIndex, docIds: readonly string[]) {
  return {
    records: index.records().map((r) => ({ ...r, claims: r.claims.map((c) => `${c.docId}#${c.annotationId}@${c.recordId}`) })),
    checks: docIds.map((id) => index.checksFor(id)),
  };
}

function coldSnapshot(docs: readonly SourceDocument[]) {
  const built = buildRecord(docs);
  return {
    records: built.records.map((r) => ({ ...r, claims: r.claims.map((c) => `${c.docId}#${c.annotationId}@${c.recordId}`) })),
    checks: docs.map((d) => built.checks[d.id]),
  };
}

describe('record: incremental updates', () => {
  it('gives the same records as a cold build after random upserts, edits and removes', () => {
    const corpus = syntheticCorpus(120, 7);
    const edited = syntheticCorpus(120, 8).map((d, i) => ({ ...d, id: corpus[i].id }));
    const rnd = seededRandom(42);
    const index = createRecordIndex();
    const live = new Map<string, SourceDocument>();
    for (let step = 0; step < 400; step++) {
      const i = Math.floor(rnd() * corpus.length);
      const roll = rnd();
      if (roll < 0.2) {
        index.remove(corpus[i].id);
        live.delete(corpus[i].id);
      } else {
        const doc = roll < 0.6 ? corpus[i] : edited[i];
        index.upsert(doc);
        live.set(doc.id, doc);
      }
      if (step % 100 === 99) {
        const docs = [...live.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
        assert.deepEqual(
          snapshot(
            index,
            docs.map((d) => d.id),
          ),
          coldSnapshot(docs),
          `after step ${step}`,
        );
      }
    }
    assert.ok(index.records().length > 50, 'the corpus should produce many records');
    assert.ok(index.conflicts().length > 0, 'the corpus should contain conflicts');
    assert.ok(
      index.records().some((r) => r.status === 'consistent'),
      'the corpus should contain records confirmed by several sources',
    );
  });

  it('gives the same record ids whatever order documents are indexed in', () => {
    const corpus = syntheticCorpus(60, 3);
    const a = buildRecord(corpus).records.map((r) => r.recordId);
    const b = buildRecord([...corpus].reverse()).records.map((r) => r.recordId);
    assert.deepEqual(b, a);
  });
});
