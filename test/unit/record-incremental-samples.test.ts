import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../src/core/analyze';
import { compileLexicon } from '../../src/core/lexicon';
import { buildRecord, createRecordIndex, type RecordIndex, type RecordReferenceTable, type SourceDocument } from '../../src/core/record';
import { claimsOf, type LinkableClaim } from '../../src/core/record/claims';
import { linkGroup } from '../../src/core/record/link';
import { seededRandom } from '../support/figures';

/**
 * The record index after many one-document updates must equal a cold build, on a workspace like a real
 * one: the samples copied over ten years (so linking by time, the time index and record numbering all have
 * work to do), edited, re-dated and removed at random, with the reference table added part way.
 */
const samplesDir = path.resolve(__dirname, '../../samples');
const ROUNDS = 10;

const shiftYears = (text: string, by: number) => text.replace(/\b20[12]\d\b/g, (y) => String(Number(y) + by));

function claimIds(records: ReturnType<RecordIndex['records']>) {
  return records.map((r) => ({ ...r, claims: r.claims.map((c) => `${c.docId}#${c.annotationId}@${c.recordId}`) }));
}

describe('record: incremental updates on a workspace made from the samples', function () {
  this.timeout(120_000);
  const table: RecordReferenceTable = {
    tableId: 'samples/home-office-county-lines.reference.csv',
    text: readFileSync(path.join(samplesDir, 'home-office-county-lines.reference.csv'), 'utf8'),
  };
  let originals: SourceDocument[] = [];
  let variants: SourceDocument[] = [];

  before(() => {
    const files = readdirSync(samplesDir)
      .filter((f) => f.endsWith('.crime.txt'))
      .sort();
    assert.ok(files.length >= 5, 'samples/ should hold the sample releases');
    const lexicon = compileLexicon();
    const rnd = seededRandom(7);
    const make = (id: string, text: string): SourceDocument => ({ id, text, analysis: analyze(text, { lexicon }) });
    originals = Array.from({ length: files.length * ROUNDS }, (_, i) => {
      const text = shiftYears(readFileSync(path.join(samplesDir, files[i % files.length]), 'utf8'), Math.floor(i / files.length));
      return make(`doc-${String(i).padStart(3, '0')}`, text);
    });
    // One variant of each copy: a figure changed (a restatement that now disagrees), or the release moved to
    // the neighbouring year (so it links with another round's figures instead of its own).
    variants = originals.map((d) => {
      const edited =
        rnd() < 0.5 ? d.text.replace(/\b\d{2,}\b/, (n) => String(Number(n) + 1 + Math.floor(rnd() * 40))) : shiftYears(d.text, rnd() < 0.5 ? -1 : 1);
      return make(d.id, edited);
    });
  });

  it('links each group as trying every cluster for every claim would', () => {
    const groups = new Map<string, LinkableClaim[]>();
    const docs = [...originals, ...variants.map((d) => ({ ...d, id: `variant-${d.id}` }))];
    for (const c of docs.flatMap((d) => claimsOf(d))) (groups.get(c.partitionKey) ?? groups.set(c.partitionKey, []).get(c.partitionKey)!).push(c);
    const shape = (records: ReturnType<typeof linkGroup>) =>
      records.map((r) => `${r.recordId} ${r.status} ${r.claims.map((c) => `${c.docId}#${c.annotationId}`).join(',')}`);
    let linkedAcross = 0;
    for (const [key, group] of groups) {
      const exhaustive = shape(linkGroup(group, { exhaustive: true }));
      assert.deepEqual(shape(linkGroup(group)), exhaustive, key);
      linkedAcross += linkGroup(group).filter((r) => r.sourceCount > 1).length;
    }
    // Groups big enough for the time index to be used are covered by record-link-index.test.ts.
    assert.ok(linkedAcross >= 20, `records should link figures of several releases (got ${linkedAcross})`);
  });

  it('equals a cold build after random upserts, edits, re-dating and removes', () => {
    const rnd = seededRandom(2024);
    const index = createRecordIndex();
    const live = new Map<string, SourceDocument>();
    let withTable = false;
    let compared = 0;
    for (let step = 0; step < 240; step++) {
      const i = Math.floor(rnd() * originals.length);
      const roll = rnd();
      if (step === 60) {
        index.addReference(table.tableId, table.text);
        withTable = true;
      }
      if (roll < 0.15) {
        index.remove(originals[i].id);
        live.delete(originals[i].id);
      } else {
        const doc = roll < 0.55 ? originals[i] : variants[i];
        index.upsert(doc);
        live.set(doc.id, doc);
      }
      // Listing between updates exercises the cached, spliced record lists, not only a fresh sort.
      if (step % 7 === 0) index.records();
      if (step % 60 === 59) {
        const docs = [...live.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
        const cold = buildRecord(docs, withTable ? [table] : []);
        assert.deepEqual(claimIds(index.records()), claimIds(cold.records), `records after step ${step}`);
        assert.deepEqual(
          index.conflicts().map((r) => r.recordId),
          cold.records.filter((r) => r.status === 'conflict').map((r) => r.recordId),
          `conflicts after step ${step}`,
        );
        for (const d of docs) {
          assert.deepEqual(index.checksFor(d.id), cold.checks[d.id], `checks of ${d.id} after step ${step}`);
          for (const [annotationId, recordId] of Object.entries(cold.annotationRecord[d.id] ?? {})) {
            assert.equal(index.recordFor(d.id, annotationId)?.recordId, recordId, `record of ${d.id}#${annotationId} after step ${step}`);
          }
        }
        compared++;
      }
    }
    assert.equal(compared, 4);
    const records = index.records();
    assert.ok(records.length > 500, `the workspace should produce many records (got ${records.length})`);
    assert.ok(
      records.some((r) => r.sourceCount > 2),
      'some records should link figures of several releases',
    );
    assert.ok(index.conflicts().length > 0, 'the edits should leave conflicts');
  });
});
