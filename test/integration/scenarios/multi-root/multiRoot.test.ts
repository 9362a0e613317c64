// A multi-root workspace: every folder indexed with its own lexicon, records spanning folders,
// settings that take effect (a new include glob, a new lexicon file) without a reload.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CrimeAnnotatorApi } from '../../../../src/extension/extension.shared';
import { activateApi, waitFor } from '../../suite/editorCore.helpers';

const folder = (name: string) => {
  const f = vscode.workspace.workspaceFolders?.find((w) => w.name === name);
  assert.ok(f, `the workspace has a folder ${name}`);
  return f;
};
const uriIn = (name: string, file: string) => vscode.Uri.joinPath(folder(name).uri, file);
const orgIds = (api: CrimeAnnotatorApi, uri: vscode.Uri) =>
  api.index.get(uri)?.analysis.annotations.flatMap((a) => (a.kind === 'organisation' ? [a.entityId] : [])) ?? [];

describe('multi-root workspace', function () {
  this.timeout(60_000);
  let api: CrimeAnnotatorApi;
  before(async () => {
    assert.equal(vscode.workspace.workspaceFolders?.length, 2, 'two folders open');
    api = await activateApi();
  });
  afterEach(async () => {
    const config = vscode.workspace.getConfiguration('crimeAnnotator');
    await config.update('workspace.include', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace
      .getConfiguration('crimeAnnotator', folder('north').uri)
      .update('workspace.lexiconFile', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
  });

  it('indexes both folders and links one record across them, shown in the Problems panel', async () => {
    const north = uriIn('north', 'kent-week.crime.txt');
    const south = uriIn('south', 'kent-roundup.crime.txt');
    await waitFor('both folders indexed', () => api.index.get(north) && api.index.get(south));
    const record = await waitFor('a conflict spanning the folders', () =>
      api.index.conflicts().find((r) => r.measure === 'arrests' && new Set(r.claims.map((c) => c.docId)).size === 2),
    );
    assert.deepEqual(new Set(record.claims.map((c) => c.docId)), new Set([north.toString(), south.toString()]));
    const diagnostics = await waitFor('the conflict in the Problems panel of the south folder', () => {
      const d = vscode.languages.getDiagnostics(south).filter((x) => x.code === 'conflict');
      return d.length > 0 ? d : undefined;
    });
    assert.ok(
      diagnostics[0].relatedInformation?.some((r) => r.location.uri.toString() === north.toString()),
      'the other folder is named as the other source',
    );
  });

  it("analyses each folder's documents with that folder's lexicon", async () => {
    const north = uriIn('north', 'kent-week.crime.txt');
    const south = uriIn('south', 'kent-roundup.crime.txt');
    await waitFor('the south lexicon used', () => orgIds(api, south).includes('kent-drugs-unit'));
    assert.ok(!orgIds(api, north).includes('kent-drugs-unit'), 'the north folder has no lexicon of its own');
  });

  it("keeps a review mark in its own folder's annotations file, and undoes it there", async () => {
    const south = uriIn('south', 'kent-roundup.crime.txt');
    const doc = await vscode.workspace.openTextDocument(south);
    await vscode.window.showTextDocument(doc);
    const start = doc.getText().indexOf('310 arrests');
    const note = await vscode.commands.executeCommand(
      'crimeAnnotator.addNote',
      { uri: south.toString(), start, end: start + '310 arrests'.length },
      'check with the force',
    );
    assert.ok(note, 'the note is kept');
    await api.review.settled();
    const southFile = api.review.fileUriFor(south);
    assert.equal(southFile?.toString(), uriIn('south', '.crime-annotator/annotations.json').toString(), "the south folder's own file");
    const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(southFile!));
    assert.ok(written.includes('check with the force') && written.includes('kent-roundup.crime.txt'), 'the mark names its document inside its folder');
    assert.ok(!written.includes('south/kent-roundup'), 'by its path in that folder, not in the workspace');
    const northFile = api.review.fileUriFor(uriIn('north', 'kent-week.crime.txt'));
    assert.notEqual(northFile?.toString(), southFile?.toString());
    const inNorth = await vscode.workspace.fs.readFile(northFile!).then(
      (b) => new TextDecoder().decode(b),
      () => '',
    );
    assert.ok(!inNorth.includes('check with the force'), 'nothing is written to the other folder');
    assert.equal(api.review.placementsFor(south).length, 1, 'the mark is placed in its document');
    await vscode.commands.executeCommand('crimeAnnotator.undoReviewAction');
    await api.review.settled();
    assert.equal(api.review.placementsFor(south).length, 0, 'undone in the folder it was made in');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('uses a new workspace.lexiconFile at once, for that folder only', async () => {
    const north = uriIn('north', 'kent-week.crime.txt');
    await vscode.workspace
      .getConfiguration('crimeAnnotator', folder('north').uri)
      .update('workspace.lexiconFile', 'terms.json', vscode.ConfigurationTarget.WorkspaceFolder);
    await waitFor('the north folder analysed with terms.json', () => orgIds(api, north).includes('kent-drugs-unit'), 30_000);
  });

  it('indexes the files a new include glob matches, and files created after the change', async () => {
    const later = uriIn('north', 'later.news');
    assert.equal(api.index.get(later), undefined, 'a .news file is not a document by default');
    await vscode.workspace.getConfiguration('crimeAnnotator').update('workspace.include', '**/*.{crime,txt,md,news}', vscode.ConfigurationTarget.Workspace);
    await waitFor('later.news indexed after the setting changed', () => api.index.get(later), 30_000);
    const fresh = uriIn('south', 'fresh.news');
    await vscode.workspace.fs.writeFile(fresh, new TextEncoder().encode('Kent Police made 350 arrests during the week of action from 9 to 15 October 2023.\n'));
    try {
      await waitFor('a .news file created after the change indexed by the rebuilt watcher', () => api.index.get(fresh), 30_000);
    } finally {
      await vscode.workspace.fs.delete(fresh);
    }
  });
});
