// Issue 9, item 3, in a window whose folder opened untrusted (Restricted Mode; see
// scripts/lib/run-suite.js): the workspace lexicon and reference tables are not read, the
// workspace's settings cannot send the annotations file outside the folder, and granting trust
// (done in the workbench, as a person does it) brings the lexicon and tables in at once.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { CrimeAnnotatorApi } from '../../../src/extension/extension.shared';
import { EXTENSION_ID, waitFor } from './editorCore.helpers';

const encoder = new TextEncoder();
const folder = () => vscode.workspace.workspaceFolders![0]!.uri;
const at = (...parts: string[]) => vscode.Uri.joinPath(folder(), ...parts);

// Our own words: a legal term only the workspace lexicon knows, and a figure a reference table contradicts.
const lexicon = {
  legalTerms: [
    { id: 'quillmoor-order', canonical: 'Quillmoor Order', category: 'order', definition: 'An order invented for this test.', aliases: ['Quillmoor Order'] },
  ],
};
const release = 'Northshire Police made 41 arrests during the week of action in March 2025. A Quillmoor Order was granted.\n';
const table =
  'measure,organisation,period_from,period_to,value,unit,qualifier,source_url,note\narrests,Northshire Police,2025-03,2025-03,58,count,,https://example.org/r,\n';

function hasTerm(api: CrimeAnnotatorApi, uri: vscode.Uri): boolean {
  return api.index.get(uri)?.analysis.annotations.some((a) => a.kind === 'legal-term' && a.termId === 'quillmoor-order') === true;
}

function referenceClaims(api: CrimeAnnotatorApi): number {
  return api.index.records().reduce((n, r) => n + r.claims.filter((c) => c.isReference && c.docId.endsWith('restricted.reference.csv')).length, 0);
}

describe('Restricted Mode', function () {
  this.timeout(120_000);
  let api: CrimeAnnotatorApi;
  const releaseUri = at('restricted', 'release.crime.txt');
  const outside = vscode.Uri.joinPath(folder(), '..', 'outside-annotations.json');

  before(async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'this window must open its folder untrusted');
    // What a hostile repository ships: a lexicon, a reference table, and settings that point the annotations file outside.
    await vscode.workspace.fs.writeFile(at('.crime-annotator', 'lexicon.json'), encoder.encode(JSON.stringify(lexicon)));
    await vscode.workspace.fs.writeFile(at('restricted', 'restricted.reference.csv'), encoder.encode(table));
    await vscode.workspace.fs.writeFile(
      at('.vscode', 'settings.json'),
      encoder.encode(JSON.stringify({ 'crimeAnnotator.review.annotationsFile': '../outside-annotations.json', 'crimeAnnotator.tally.scope': 'openEditors' })),
    );
    await vscode.workspace.fs.writeFile(releaseUri, encoder.encode(release));
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    api = (await extension.activate()) as CrimeAnnotatorApi;
    await api.index.ready;
    await api.index.reindex();
    await waitFor('the release to be indexed', () => api.index.get(releaseUri));
  });

  it('does not read the workspace lexicon', async () => {
    await api.index.reindex();
    assert.ok(api.index.get(releaseUri), 'the release is analysed with the built-in lexicon');
    assert.equal(hasTerm(api, releaseUri), false, 'the term only the workspace lexicon knows is not found');
  });

  it('does not read reference tables', async () => {
    await api.index.reindex();
    assert.equal(referenceClaims(api), 0);
  });

  it('ignores the workspace setting that names the annotations file, and writes review marks inside the folder', async () => {
    // The same file's other (window-scoped, unrestricted) setting applies, so the file was read; the restricted one does not.
    await waitFor('the workspace settings to be read', () => vscode.workspace.getConfiguration('crimeAnnotator').get('tally.scope') === 'openEditors');
    assert.equal(
      vscode.workspace.getConfiguration('crimeAnnotator').get('review.annotationsFile'),
      '.crime-annotator/annotations.json',
      'Restricted Mode does not apply it',
    );
    const doc = await vscode.workspace.openTextDocument(releaseUri);
    await vscode.window.showTextDocument(doc);
    const start = doc.getText().indexOf('41 arrests');
    const result = await vscode.commands.executeCommand('crimeAnnotator.addNote', { uri: releaseUri.toString(), start, end: start + 10 }, 'check the count');
    assert.ok(result, 'the note is kept');
    await api.review.settled();
    assert.equal(api.review.fileUri?.toString(), at('.crime-annotator', 'annotations.json').toString());
    assert.ok((await vscode.workspace.fs.stat(api.review.fileUri!)).size > 0);
    assert.equal(fs.existsSync(outside.fsPath), false, 'nothing is written outside the folder');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('reads the lexicon and reference tables once trust is granted, and still refuses the outside annotations file', async function () {
    this.timeout(180_000);
    const request = process.env.CRIME_ANNOTATOR_TEST_TRUST_REQUEST;
    assert.ok(request, 'the launcher passes where to ask for trust');
    const granted = new Promise<void>((resolve) => {
      const d = vscode.workspace.onDidGrantWorkspaceTrust(() => (d.dispose(), resolve()));
    });
    fs.writeFileSync(request, 'trust the folder, please');
    await waitFor('the launcher to click Trust', () => fs.existsSync(`${request}.done`), 90_000);
    assert.equal(fs.readFileSync(`${request}.done`, 'utf8'), 'ok');
    await granted;
    assert.equal(vscode.workspace.isTrusted, true);
    await waitFor('the workspace lexicon to be used', () => hasTerm(api, releaseUri), 60_000);
    await waitFor('the reference table to join the record', () => referenceClaims(api) > 0, 60_000);
    // Trusted, the workspace's setting applies, and it points outside the folder: refused in any mode.
    await waitFor('the outside annotations file to be refused', () => api.review.problem?.refused === true, 30_000);
    assert.match(api.review.problem!.message, /points outside the workspace folder/);
    assert.equal(api.review.fileUri, undefined);
    const doc = await vscode.workspace.openTextDocument(releaseUri);
    await vscode.window.showTextDocument(doc);
    const start = doc.getText().indexOf('41 arrests');
    const refused = await vscode.commands.executeCommand(
      'crimeAnnotator.markVerified',
      { uri: releaseUri.toString(), start, end: start + 10 },
      'https://example.org/r',
    );
    assert.equal(refused, undefined, 'no mark is written there');
    assert.equal(fs.existsSync(outside.fsPath), false, 'nothing is written outside the folder');
    assert.ok(
      api.messages().some((m) => /does not read or write review marks there/.test(m.message)),
      'the user is told why',
    );
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
