import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SamplesResult } from '../../../src/extension/features/commands/samples';
import { activateApi, EXTENSION_ID } from './viewsAndCommands.helpers';

describe('walkthrough: open the samples', function () {
  this.timeout(60_000);

  before(async () => {
    await activateApi();
  });

  it('copies the samples shipped in the extension to a folder of their own, without losing an edit when run again', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const shipped = (await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(extension.extensionUri, 'samples'))).filter(
      ([, t]) => t === vscode.FileType.File,
    );
    assert.ok(shipped.length >= 10, 'the installed extension carries the samples');
    // `open: false`: opening a folder would restart this extension host mid-suite.
    const first = await vscode.commands.executeCommand<SamplesResult>('crimeAnnotator.openSamples', { open: false });
    assert.ok(first, 'the command resolves with where the samples are');
    const copied = (await vscode.workspace.fs.readDirectory(first.folder)).map(([name]) => name).sort();
    assert.deepEqual(copied, shipped.map(([name]) => name).sort());
    assert.equal(first.copied + first.kept, shipped.length);
    assert.notEqual(first.folder.toString(), vscode.workspace.workspaceFolders?.[0]?.uri.toString(), 'not the workspace that is open');

    const met = vscode.Uri.joinPath(first.folder, '02-met-week-of-action.crime.txt');
    const edited = 'An edit the reader made.\n';
    await vscode.workspace.fs.writeFile(met, new TextEncoder().encode(edited));
    const again = await vscode.commands.executeCommand<SamplesResult>('crimeAnnotator.openSamples', { open: false });
    assert.equal(again!.copied, 0);
    assert.equal(again!.kept, shipped.length);
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(met)), edited, 'a copied file is never overwritten');
  });
});
