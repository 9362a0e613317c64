// Two-step activation: a folder without crime reports is not scanned on activation, but a document
// opened in it is decorated at once, and the Index Workspace command (the welcome view's button)
// scans it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CrimeAnnotatorApi } from '../../../../src/extension/extension.shared';
import { activateApi, waitFor } from '../../suite/editorCore.helpers';

describe('two-step activation', function () {
  this.timeout(60_000);
  let api: CrimeAnnotatorApi;
  const root = () => vscode.workspace.workspaceFolders![0].uri;

  before(async () => {
    api = await activateApi();
  });
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('decorates an opened document without scanning a folder of no crime reports', async () => {
    const notes = vscode.Uri.joinPath(root(), 'meeting.md');
    const editor = await vscode.window.showTextDocument(notes);
    await waitFor('the opened document analysed', () => api.index.get(notes));
    await waitFor('its figure drawn', () => api.decorationsFor(editor.document.uri)?.figure.length);
    assert.equal(api.index.isScanning, false, 'the folder was not scanned');
    assert.equal(api.index.get(vscode.Uri.joinPath(root(), 'more', 'todo.txt')), undefined, 'an unopened file is not indexed');
  });

  it('scans the folder when asked', async () => {
    const todo = vscode.Uri.joinPath(root(), 'more', 'todo.txt');
    await vscode.commands.executeCommand('crimeAnnotator.reindexWorkspace');
    await waitFor('the unopened file indexed', () => api.index.get(todo), 30_000);
    assert.equal(api.index.isScanning, true);
  });
});
