import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateApi, EXTENSION_ID } from './viewsAndCommands.helpers';

describe('manifest in the running extension', () => {
  let manifest: {
    contributes: {
      commands: { command: string }[];
      configuration: { title: string; properties: Record<string, { default?: unknown; scope?: string }> }[];
      views: Record<string, { id: string }[]>;
    };
  };

  before(async () => {
    await activateApi();
    manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
  });

  it('registers a handler for every contributed command once activated', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed = manifest.contributes.commands.map((c) => c.command);
    const missing = contributed.filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], 'contributed commands without a handler');
  });

  it('registers no crimeAnnotator command that the manifest does not contribute', async () => {
    const contributed = new Set(manifest.contributes.commands.map((c) => c.command));
    // VS Code itself adds `<view>.focus`, `<view>.resetViewLocation`, ... for each contributed view.
    const viewIds = Object.values(manifest.contributes.views)
      .flat()
      .map((v) => v.id);
    const generated = (id: string) => viewIds.some((v) => id.startsWith(`${v}.`));
    const extra = (await vscode.commands.getCommands(true)).filter((id) => id.startsWith('crimeAnnotator.') && !contributed.has(id) && !generated(id));
    assert.deepEqual(extra, []);
  });

  it('serves every contributed setting with its declared default, and the extension reads that default', () => {
    const config = vscode.workspace.getConfiguration();
    const settings = manifest.contributes.configuration.flatMap((section) => Object.entries(section.properties));
    assert.ok(settings.length > 0);
    for (const [key, schema] of settings) {
      const inspected = config.inspect(key);
      assert.ok(inspected, `${key} is unknown to the running workbench`);
      assert.deepEqual(inspected.defaultValue, schema.default, `${key} default`);
    }
    // A resource-scoped setting can be set per folder: the workbench accepts a folder-level inspect for it.
    const folder = vscode.workspace.workspaceFolders?.[0];
    const resourceScoped = settings.filter(([, s]) => s.scope === 'resource').map(([k]) => k);
    assert.ok(resourceScoped.length > 0);
    if (folder) for (const key of resourceScoped) assert.ok(vscode.workspace.getConfiguration(undefined, folder.uri).inspect(key), key);
  });
});
