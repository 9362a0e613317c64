import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../src/core/analyze';
import { buildRecord, type BuiltRecord, type SourceDocument } from '../../src/core/record';

/**
 * The record and checks on the real pipeline: every planted agreement, disagreement and trap in samples/
 * (listed in test/fixtures/samples-planted.json) judged from analyze() output.
 */
const root = path.resolve(__dirname, '../..');
const plantedPath = path.join(root, 'test/fixtures/samples-planted.json');

interface PlantedClaim {
  readonly file: string;
  readonly quote: string;
  readonly occurrence: number;
  readonly row?: number;
}
interface Planted {
  readonly id: string;
  readonly type: string;
  readonly claims: readonly PlantedClaim[];
  readonly expected: string;
}

function nth(text: string, quote: string, occurrence: number): number {
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = text.indexOf(quote, at + 1);
    if (at < 0) return -1;
  }
  return at;
}

interface Located {
  readonly docId: string;
  readonly annotationId?: string;
  readonly recordId?: string;
  readonly describe: string;
}

describe('record: planted sample corpus', function () {
  if (!existsSync(plantedPath)) {
    it.skip('test/fixtures/samples-planted.json is absent');
    return;
  }
  const planted: Planted[] = JSON.parse(readFileSync(plantedPath, 'utf8')).items;
  const files = readdirSync(path.join(root, 'samples')).filter((f) => f.endsWith('.crime.txt'));
  const docs: SourceDocument[] = files.map((f) => {
    const text = readFileSync(path.join(root, 'samples', f), 'utf8');
    return { id: `samples/${f}`, text, analysis: analyze(text) };
  });
  const tables = readdirSync(path.join(root, 'samples'))
    .filter((f) => f.endsWith('.reference.csv'))
    .map((f) => ({ tableId: `samples/${f}`, text: readFileSync(path.join(root, 'samples', f), 'utf8') }));
  let built: BuiltRecord;
  before(() => {
    built = buildRecord(docs, tables);
  });

  function locate(c: PlantedClaim): Located {
    if (c.row !== undefined) {
      const record = built.records.find((r) => r.claims.some((x) => x.docId === c.file && x.annotationId === `row:${c.row}`));
      return { docId: c.file, annotationId: `row:${c.row}`, ...(record ? { recordId: record.recordId } : {}), describe: `${c.file} row ${c.row}` };
    }
    const doc = docs.find((d) => d.id === c.file)!;
    const at = nth(doc.text, c.quote, c.occurrence);
    const figure = doc.analysis.annotations.find((a) => a.kind === 'figure' && a.start < at + c.quote.length && at < a.end);
    const recordId = figure ? built.annotationRecord[doc.id]?.[figure.id] : undefined;
    return {
      docId: doc.id,
      ...(figure ? { annotationId: figure.id } : {}),
      ...(recordId ? { recordId } : {}),
      describe: `${c.file} “${c.quote}” #${c.occurrence}${figure ? '' : ' (no figure found)'}`,
    };
  }

  const checksOn = (item: Planted) => {
    const located = item.claims.map(locate);
    return built.checks[located[0].docId]?.filter((ch) => located.every((l) => ch.operands.some((o) => o.annotationId === l.annotationId))) ?? [];
  };

  for (const item of planted) {
    it(`${item.type}: ${item.id}`, () => judge(item));
  }

  it('flags nothing as a conflict beyond the planted conflicts and restatements', () => {
    const conflicting = new Set(['conflict', 'restatement-conflict', 'percent-mismatch']);
    const plantedIds = (types: readonly string[]) =>
      new Set(
        planted
          .filter((p) => types.includes(p.type))
          .flatMap((p) =>
            p.claims
              .map(locate)
              .map((l) => l.annotationId)
              .filter((id): id is string => !!id),
          ),
      );
    const plantedConflictClaims = plantedIds([...conflicting]);
    for (const r of built.records.filter((x) => x.status === 'conflict')) {
      assert.ok(
        r.claims.some((c) => plantedConflictClaims.has(c.annotationId)),
        `unplanted conflict: ${r.explanation}`,
      );
    }
    for (const [docId, checks] of Object.entries(built.checks)) {
      for (const c of checks.filter((x) => x.status === 'conflict')) {
        assert.ok(
          c.operands.some((o) => o.annotationId && plantedConflictClaims.has(o.annotationId)),
          `unplanted ${c.kind} conflict in ${docId}: ${c.arithmetic}`,
        );
      }
    }
    // Every planted conflict is a conflict record or check, so the counts match one for one.
    const records = built.records.filter((x) => x.status === 'conflict').length;
    const checks = Object.values(built.checks)
      .flat()
      .filter((x) => x.status === 'conflict').length;
    assert.equal(
      records + checks,
      planted.filter((p) => conflicting.has(p.type)).length + 1,
      'three conflict records, the Merseyside headline record and two conflict checks',
    );
  });

  function judge(item: Planted): void {
    {
      const located = item.claims.map(locate);
      const ids = located.map((l) => l.recordId);
      const where = located.map((l) => `${l.describe} → ${l.recordId ?? 'no record'}`).join('; ');
      switch (item.type) {
        case 'conflict':
        case 'consistent':
        case 'qualifier-ok': {
          if (item.type === 'qualifier-ok' && located.every((l) => l.docId === located[0].docId) && checksOn(item).length) {
            assert.ok(
              checksOn(item).every((c) => c.status === 'ok'),
              `${item.expected}\n${checksOn(item)
                .map((c) => c.message)
                .join('\n')}`,
            );
            return;
          }
          assert.ok(ids[0] && ids.every((id) => id === ids[0]), `all claims should be in one record: ${where}`);
          const record = built.records.find((r) => r.recordId === ids[0])!;
          if (item.type === 'conflict') assert.equal(record.status, 'conflict', `${item.expected}\n${record.explanation}`);
          if (item.type === 'qualifier-ok' && record.status === 'conflict') {
            // The record may conflict for another claim; these two must not be the pair that conflicts.
            assert.ok(!located.every((l) => record.explanation.includes(l.describe.split('“')[1]?.split('”')[0] ?? '\u0000')), record.explanation);
          }
          return;
        }
        case 'restatement-conflict': {
          assert.ok(
            checksOn(item).some((c) => c.kind === 'restatement' && c.status === 'conflict'),
            `${item.expected}\n${where}`,
          );
          return;
        }
        case 'trap': {
          const linked = ids.filter((id) => id !== undefined);
          assert.ok(new Set(linked).size === linked.length, `must not be linked: ${where}`);
          return;
        }
        case 'sum-ok':
        case 'percent-ok':
        case 'percent-mismatch': {
          const kind = item.type === 'sum-ok' ? 'sum' : 'percent-change';
          const checks = checksOn(item).filter((c) => c.kind === kind);
          assert.ok(
            checks.length > 0,
            `no ${kind} check over ${where}; checks in the document: ${(built.checks[located[0].docId] ?? []).map((c) => c.arithmetic).join(' | ')}`,
          );
          const wanted = item.type === 'percent-mismatch' ? 'conflict' : 'ok';
          assert.equal(checks[0].status, wanted, `${item.expected}\n${checks[0].message}`);
          return;
        }
        default:
          assert.fail(`unknown planted type ${item.type}`);
      }
    }
  }
});
