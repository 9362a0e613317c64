import * as assert from 'node:assert/strict';
import { CorpusIndex, createMemoryWorkspace, crimeReportMarkers, type CorpusFolder, type DocumentProblems, type MemoryWorkspace } from '../../src/core/corpus';

// Invented releases: two sources disagree on one week's arrests.
const kentA = 'Kent Police said officers made 290 arrests during the week of action from 9 to 15 October 2023.\n';
const kentB = 'Kent Police made 310 arrests during the week of action from 9 to 15 October 2023.\n';
const unitRelease = 'Officers of the KDU seized 4kg of cocaine in Dover on 3 March 2024.\n';
const lexicon = JSON.stringify({
  organisations: [{ id: 'kent-drugs-unit', canonical: 'Kent Drugs Unit', type: 'regional-unit', aliases: [{ text: 'KDU', match: 'exact' }] }],
});

const north: CorpusFolder = { uri: 'mem:/north', name: 'north' };
const south: CorpusFolder = { uri: 'mem:/south', name: 'south' };

function setUp(files: Record<string, string>, folders: CorpusFolder[] = [north, south]): { ws: MemoryWorkspace; index: CorpusIndex } {
  const ws = createMemoryWorkspace({ folders, files });
  const index = new CorpusIndex(ws);
  return { ws, index };
}

/** Lets the watchers' work (reads, analyses) run to the end. */
async function settle(index: CorpusIndex, ws: MemoryWorkspace): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
  ws.flushTimers();
  await index.ready;
}

const orgIds = (index: CorpusIndex, uri: string) => index.get(uri)?.analysis.annotations.flatMap((a) => (a.kind === 'organisation' ? [a.entityId] : [])) ?? [];

describe('corpus index (in-memory workspace)', () => {
  it('indexes every folder and links records across folders', async () => {
    const { index } = setUp({ 'mem:/north/a.crime': kentA, 'mem:/south/b.crime': kentB, 'mem:/south/notes.json': '{}' });
    await index.start({ scan: true });
    assert.deepEqual(
      index
        .documents()
        .map((d) => d.uri)
        .sort(),
      ['mem:/north/a.crime', 'mem:/south/b.crime'],
    );
    assert.equal(index.get('mem:/south/b.crime')?.folder?.name, 'south');
    const conflict = index.conflicts().find((r) => r.measure === 'arrests');
    assert.ok(conflict, 'a conflict between the folders');
    assert.deepEqual(new Set(conflict.claims.map((c) => c.docId)), new Set(['mem:/north/a.crime', 'mem:/south/b.crime']));
    index.dispose();
  });

  it("analyses each folder's documents with that folder's lexicon", async () => {
    const { index } = setUp({ 'mem:/north/a.crime': unitRelease, 'mem:/south/b.crime': unitRelease, 'mem:/south/.crime-annotator/lexicon.json': lexicon });
    await index.start({ scan: true });
    assert.ok(orgIds(index, 'mem:/south/b.crime').includes('kent-drugs-unit'));
    assert.ok(!orgIds(index, 'mem:/north/a.crime').includes('kent-drugs-unit'));
    index.dispose();
  });

  it('takes a changed lexiconFile setting at once and watches the new file', async () => {
    const { ws, index } = setUp({ 'mem:/north/a.crime': unitRelease, 'mem:/north/terms.json': lexicon }, [north]);
    await index.start({ scan: true });
    assert.ok(!orgIds(index, 'mem:/north/a.crime').includes('kent-drugs-unit'));
    ws.setSettings({ lexiconFile: 'terms.json' });
    await settle(index, ws);
    assert.ok(orgIds(index, 'mem:/north/a.crime').includes('kent-drugs-unit'), 'the new lexicon file is used');
    ws.writeFile('mem:/north/terms.json', JSON.stringify({ organisations: [] }));
    await settle(index, ws);
    assert.ok(!orgIds(index, 'mem:/north/a.crime').includes('kent-drugs-unit'), 'an edit of the new file is followed');
    index.dispose();
  });

  it('scans only when asked (two-step activation), but analyses open documents at once', async () => {
    const { ws, index } = setUp({ 'mem:/north/a.crime': kentA, 'mem:/north/b.crime': kentB }, [north]);
    await index.start({ scan: false });
    assert.equal(index.isEmpty, true);
    assert.equal(index.isScanning, false);
    const doc = ws.open('mem:/north/a.crime', kentA);
    await index.analyseOpen(doc);
    assert.deepEqual(
      index.documents().map((d) => d.uri),
      ['mem:/north/a.crime'],
    );
    assert.deepEqual(
      ws.watchers().filter((g) => g !== `{${crimeReportMarkers.join(',')}}`),
      ['.crime-annotator/lexicon.json'],
      'no document watcher before the scan (only one for a crime report arriving)',
    );
    await index.scan();
    assert.equal(index.documents().length, 2);
    assert.ok(ws.watchers().includes('**/*.{crime,txt,md}'));
    index.dispose();
  });

  it('starts scanning an unscanned folder when a crime report arrives in it', async () => {
    const { ws, index } = setUp({ 'mem:/north/notes.txt': 'Minutes of the meeting: 12 items.\n' }, [north]);
    await index.start({ scan: false });
    ws.writeFile('mem:/north/notes2.txt', 'More minutes.\n');
    await settle(index, ws);
    assert.equal(index.isScanning, false, 'a plain text file is not a crime report');
    ws.writeFile('mem:/north/a.crime', kentA);
    await settle(index, ws);
    assert.equal(index.isScanning, true);
    assert.ok(index.get('mem:/north/a.crime'), 'the new report is indexed');
    assert.ok(index.get('mem:/north/notes.txt'), 'and so is the rest of the folder');
    index.dispose();
  });

  it('rebuilds its watchers when the include setting changes, so files created later are indexed', async () => {
    const { ws, index } = setUp({ 'mem:/north/a.crime': kentA, 'mem:/north/b.news': kentB }, [north]);
    await index.start({ scan: true });
    assert.deepEqual(
      index.documents().map((d) => d.uri),
      ['mem:/north/a.crime'],
    );
    ws.setSettings({ include: '**/*.{crime,news}' });
    await settle(index, ws);
    assert.deepEqual(
      index
        .documents()
        .map((d) => d.uri)
        .sort(),
      ['mem:/north/a.crime', 'mem:/north/b.news'],
      'the rescan finds the new kind',
    );
    ws.writeFile('mem:/north/c.news', kentB.replace('310', '330'));
    await settle(index, ws);
    assert.ok(index.get('mem:/north/c.news'), 'a file created after the change is indexed by the new watcher');
    index.dispose();
  });

  it('reads reference tables a changed referenceFiles setting names', async () => {
    const table = 'measure,value,organisation,period_from,period_to,source_url\narrests,300,Kent Police,2023-10-09,2023-10-15,https://example.invalid/kent\n';
    const { ws, index } = setUp({ 'mem:/north/a.crime': kentA, 'mem:/north/official.csv': table }, [north]);
    await index.start({ scan: true });
    assert.deepEqual(index.referenceTables(), []);
    ws.setSettings({ referenceFiles: '**/official.csv' });
    await settle(index, ws);
    assert.deepEqual(index.referenceTables(), ['mem:/north/official.csv']);
    index.dispose();
  });

  it('reads no lexicon or reference table in Restricted Mode, and does once trusted', async () => {
    const { ws, index } = setUp({ 'mem:/north/a.crime': unitRelease, 'mem:/north/.crime-annotator/lexicon.json': lexicon }, [north]);
    ws.setTrusted(false);
    await index.start({ scan: true });
    assert.ok(!orgIds(index, 'mem:/north/a.crime').includes('kent-drugs-unit'));
    ws.setTrusted(true);
    await settle(index, ws);
    assert.ok(orgIds(index, 'mem:/north/a.crime').includes('kent-drugs-unit'));
    index.dispose();
  });

  it('skips documents over maxFiles and maxFileSize, saying why', async () => {
    const { ws, index } = setUp({ 'mem:/north/a.crime': kentA, 'mem:/north/b.crime': kentB, 'mem:/north/c.crime': kentA }, [north]);
    ws.setSettings({ maxFiles: 2 });
    await index.start({ scan: true });
    assert.equal(index.documents().length, 2);
    assert.deepEqual(index.skipped(), [{ uri: 'mem:/north/c.crime', reason: 'beyond maxFiles (2)' }]);
    assert.ok(ws.messages.some((m) => m.level === 'notify' && /indexed only 2 files of north/.test(m.message)));
    ws.setSettings({ maxFiles: 10, maxFileSize: 64 });
    await settle(index, ws);
    assert.equal(index.documents().length, 0);
    assert.equal(index.skipped().length, 3);
    assert.match(index.skipped()[0].reason, /^larger than maxFileSize \(\d+ > 64 bytes\)$/);
    index.dispose();
  });

  it('follows creation, change and deletion of files and folders', async () => {
    const { ws, index } = setUp({ 'mem:/north/a.crime': kentA }, [north]);
    await index.start({ scan: true });
    ws.writeFile('mem:/north/sub/b.crime', kentB);
    await settle(index, ws);
    assert.ok(index.conflicts().some((r) => r.measure === 'arrests'));
    ws.writeFile('mem:/north/sub/b.crime', kentA);
    await settle(index, ws);
    assert.ok(!index.conflicts().some((r) => r.measure === 'arrests'), 'agreeing after the change');
    ws.deleteFolder('mem:/north/sub');
    await settle(index, ws);
    assert.deepEqual(
      index.documents().map((d) => d.uri),
      ['mem:/north/a.crime'],
    );
    ws.deleteFile('mem:/north/a.crime');
    await settle(index, ws);
    assert.equal(index.isEmpty, true);
    index.dispose();
  });

  it('drops a removed folder and indexes an added one', async () => {
    const { ws, index } = setUp({ 'mem:/north/a.crime': kentA, 'mem:/south/b.crime': kentB }, [north]);
    await index.start({ scan: true });
    assert.equal(index.documents().length, 1);
    ws.addFolder(south);
    await settle(index, ws);
    assert.equal(index.documents().length, 2);
    ws.removeFolder(north.uri);
    await settle(index, ws);
    assert.deepEqual(
      index.documents().map((d) => d.uri),
      ['mem:/south/b.crime'],
    );
    index.dispose();
  });

  it('keeps an open document from its editor, not from disk, and goes back to disk when it closes', async () => {
    const { ws, index } = setUp({ 'mem:/north/a.crime': kentA, 'mem:/north/b.crime': kentA }, [north]);
    await index.start({ scan: true });
    const doc = ws.open('mem:/north/b.crime', kentA);
    doc.edit(kentB);
    await index.analyseOpen(doc);
    ws.flushTimers();
    assert.equal(index.get('mem:/north/b.crime')?.version, 2);
    assert.ok(index.conflicts().some((r) => r.measure === 'arrests'));
    doc.close();
    index.documentClosed('mem:/north/b.crime');
    await settle(index, ws);
    assert.equal(index.get('mem:/north/b.crime')?.version, -1);
    assert.ok(!index.conflicts().some((r) => r.measure === 'arrests'));
    index.dispose();
  });

  it('answers one query per document for conflicts, failed checks and suppressed marks', async () => {
    const { index } = setUp({ 'mem:/north/a.crime': kentA, 'mem:/north/b.crime': kentB }, [north]);
    await index.start({ scan: true });
    const before = index.problemsOf('mem:/north/a.crime')!;
    assert.equal(before.conflicts.length, 1);
    const figure = before.conflicts[0].figure;
    assert.equal(before.troubleOf(figure.id), 'conflict');
    index.setSuppression({
      suppressorFor: (uri) => (uri === 'mem:/north/a.crime' ? (span) => span.start === figure.start && span.end === figure.end : undefined),
    });
    const after = index.problemsOf('mem:/north/a.crime')!;
    assert.equal(after.conflicts.length, 0);
    assert.ok(after.suppressed.has(figure.id));
    assert.equal(after.troubleOf(figure.id), undefined);
    assert.equal(index.problemsOf('mem:/north/none.crime'), undefined);
    index.dispose();
  });

  it('works out a changed document’s problems once for all who are told of the change, and afresh after', async () => {
    const { ws, index } = setUp({ 'mem:/north/a.crime': kentA, 'mem:/north/b.crime': kentA }, [north]);
    await index.start({ scan: true });
    const a = 'mem:/north/a.crime';
    const asked: DocumentProblems[][] = [];
    // Three listeners, as the status bar, the decorations and the Problems panel are.
    for (let i = 0; i < 3; i++)
      index.onDidChange(({ uris }) => {
        if (uris.includes(a)) (asked[asked.length - 1] ??= []).push(index.problemsOf(a)!);
      });
    asked.push([]);
    const doc = ws.open('mem:/north/b.crime', kentA);
    doc.edit(kentB);
    await index.analyseOpen(doc);
    ws.flushTimers();
    await settle(index, ws);
    const told = asked.find((list) => list.length === 3)!;
    assert.ok(told, 'the three listeners were told of a change to a.crime');
    assert.ok(told[0] === told[1] && told[1] === told[2], 'one answer shared');
    assert.equal(told[0].conflicts.length, 1, 'b.crime now disagrees with a.crime');
    // Outside a delivery nothing is kept: a suppression set since is seen at once.
    assert.notEqual(index.problemsOf(a), told[0]);
    index.setSuppression({ suppressorFor: (uri) => (uri === a ? () => true : undefined) });
    assert.equal(index.problemsOf(a)!.conflicts.length, 0);
    index.dispose();
  });

  it("in 'record' mode keeps only the record, handing each analysis on once", async () => {
    const ws = createMemoryWorkspace({ folders: [north], files: { 'mem:/north/a.crime': kentA, 'mem:/north/b.crime': kentB } });
    const index = new CorpusIndex(ws, { retain: 'record' });
    const seen: string[] = [];
    index.onDidAnalyse((d) => seen.push(`${d.uri}:${d.analysis.annotations.length > 0}`));
    await index.start({ scan: true });
    assert.deepEqual(seen.sort(), ['mem:/north/a.crime:true', 'mem:/north/b.crime:true']);
    assert.equal(index.documents().length, 0);
    assert.equal(index.documentCount, 2);
    assert.ok(index.conflicts().some((r) => r.measure === 'arrests'));
    index.dispose();
  });

  it('never throws out of a listener, and disposes everything even when one disposal fails', async () => {
    const { ws, index } = setUp({ 'mem:/north/a.crime': kentA }, [north]);
    index.onDidChange(() => {
      throw new Error('listener failed');
    });
    await index.start({ scan: true });
    assert.ok(ws.messages.some((m) => m.level === 'error' && /listener failed/.test(m.message)));
    index.dispose();
    assert.deepEqual(ws.watchers(), []);
  });
});
