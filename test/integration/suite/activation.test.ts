import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'crime-annotator.crime-annotator';

describe('activation', () => {
  const disposables: vscode.Disposable[] = [];
  const created: vscode.Uri[] = [];

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of created.splice(0)) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    for (const d of disposables.splice(0)) d.dispose();
  });

  async function writeWorkspaceFile(name: string, text: string): Promise<vscode.Uri> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the integration workspace should have a folder open');
    const uri = vscode.Uri.joinPath(folder.uri, name);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    created.push(uri);
    return uri;
  }

  it('is installed and activates without throwing', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} should be installed in the extension host`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('contributes the crime-report language', async () => {
    const languages = await vscode.languages.getLanguages();
    assert.ok(languages.includes('crime-report'), `crime-report missing from ${languages.length} known languages`);
  });

  for (const name of ['activation-probe.crime.txt', 'activation-probe.crime', 'activation-probe.release.txt']) {
    it(`opens ${name} as crime-report`, async () => {
      const uri = await writeWorkspaceFile(name, 'Officers made 12 arrests and seized £2,400 in cash.\n');
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      assert.equal(document.languageId, 'crime-report');
    });
  }

  it('leaves an ordinary .txt file as plain text', async () => {
    const uri = await writeWorkspaceFile('activation-probe-notes.txt', 'Not a press release.\n');
    const document = await vscode.workspace.openTextDocument(uri);
    assert.equal(document.languageId, 'plaintext');
  });
});
