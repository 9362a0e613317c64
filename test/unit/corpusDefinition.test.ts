import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CorpusDefinition, CorpusIndex, createMemoryWorkspace, defaultCorpusSettings } from '../../src/core/corpus';
import { createNodeWorkspace } from '../../src/cli/nodeWorkspace';
import { readConfig } from '../../src/extension/services/settings';

// One tree of files, seen by the CLI's file-system port and by an in-memory workspace standing in for VS Code.
const release = 'Essex Police seized £9,000 in cash on 4 May 2024.\n';
const tree: Record<string, string> = {
  'a.crime': release,
  'b.txt': release,
  'sub/c.md': release,
  'sub/deeper/d.crime.txt': release,
  'README.md': release,
  'sub/CHANGELOG.md': release,
  'notes.json': '{}',
  'official.reference.csv': 'measure,value,organisation,period_from,period_to,source_url\n',
  '.crime-annotator/e.txt': release,
  '.git/f.txt': release,
  'node_modules/pkg/g.md': release,
  'dist/h.txt': release,
};
const silent = { debug() {}, info() {}, warn() {}, error() {}, notifyOnce() {} };

describe('one definition of a corpus (CLI and editor)', () => {
  it("has the CLI's defaults equal to the extension's, which come from package.json", () => {
    // The core cannot read the manifest (it runs in a web worker too), so it states them; this keeps them one.
    const { workspace, analysis } = readConfig(() => undefined);
    assert.deepEqual({ ...defaultCorpusSettings }, { ...workspace, maxFileSize: analysis.maxFileSize });
  });

  it('gives each path the same role', () => {
    const d = new CorpusDefinition(defaultCorpusSettings);
    const roles = Object.fromEntries(Object.keys(tree).map((p) => [p, d.roleOf(p) ?? '-']));
    assert.deepEqual(roles, {
      'a.crime': 'document',
      'b.txt': 'document',
      'sub/c.md': 'document',
      'sub/deeper/d.crime.txt': 'document',
      'README.md': '-',
      'sub/CHANGELOG.md': '-',
      'notes.json': '-',
      'official.reference.csv': 'reference',
      '.crime-annotator/e.txt': '-',
      '.git/f.txt': '-',
      'node_modules/pkg/g.md': '-',
      'dist/h.txt': '-',
    });
  });

  it('makes the same documents and reference tables of a folder on disk as of the same folder in a workspace', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crime-corpus-'));
    for (const [p, text] of Object.entries(tree)) {
      fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
      fs.writeFileSync(path.join(dir, p), text);
    }
    const onDisk = new CorpusIndex(createNodeWorkspace([dir], { log: silent }));
    await onDisk.start({ scan: true });
    const mem = createMemoryWorkspace({
      folders: [{ uri: 'mem:/w', name: 'w' }],
      files: Object.fromEntries(Object.entries(tree).map(([p, t]) => [`mem:/w/${p}`, t])),
    });
    const inMemory = new CorpusIndex(mem);
    await inMemory.start({ scan: true });
    const rel = (uris: readonly string[], root: string) => uris.map((u) => path.relative(root, u).split(path.sep).join('/')).sort();
    assert.deepEqual(
      rel(
        onDisk.documents().map((d) => d.uri),
        dir,
      ),
      rel(
        inMemory.documents().map((d) => d.uri),
        'mem:/w',
      ),
    );
    assert.deepEqual(rel(onDisk.referenceTables(), dir), ['official.reference.csv']);
    assert.deepEqual(rel(inMemory.referenceTables(), 'mem:/w'), ['official.reference.csv']);
    onDisk.dispose();
    inMemory.dispose();
  });
});
