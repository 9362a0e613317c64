// Shared by the decorations, hover, diagnostics and status bar suites: the extension's api, documents
// written into the test workspace (our own words), settings changed for one test, and a cleanup
// that reverts, closes and deletes everything a test made.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CrimeAnnotatorApi } from '../../../src/extension/extension.shared';

export const EXTENSION_ID = 'crime-annotator.crime-annotator';

/**
 * Three short releases: a conflict on arrests between A and B, a mis-stated percentage in C. A and B
 * report one event the way real sources do (the same dated week, the same cash and knives), since the
 * record compares figures only between documents it has evidence report the same event.
 */
export const releaseA = [
  'Kent Police made 120 arrests during a week of action from 4 to 10 March 2024.',
  '',
  'Officers seized £36,250 in cash and 14 knives.',
  '',
  'The Metropolitan Police Service charged 40 people with possession with intent to supply.',
  '',
].join('\n');
export const releaseB =
  'Kent Police said officers made 150 arrests during the week of action from 4 to 10 March 2024, seizing £36,250 in cash and 14 knives.\n';
export const releaseC = 'Drug seizures rose 47% from 200 to 310 over the year.\n';

export async function activateApi(): Promise<CrimeAnnotatorApi> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed`);
  const api = (await extension.activate()) as CrimeAnnotatorApi | undefined;
  assert.ok(api?.index && typeof api.decorationsFor === 'function' && typeof api.statusBar === 'function', 'activate() returns the editor api');
  await api.index.ready;
  return api;
}

/**
 * The hooks every editor-core suite shares: the extension's api once before the suite, a TestScope
 * cleaned up after each test, and a re-index after settings are put back, since a setting a test
 * changed may have narrowed the index. Call inside `describe`; `onApi` receives the api.
 */
export function editorCoreHooks(onApi: (api: CrimeAnnotatorApi) => void): TestScope {
  const scope = new TestScope();
  before(async () => {
    const api = await activateApi();
    onApi(api);
    scope.afterSettingsReset = () => api.index.reindex();
  });
  afterEach(() => scope.cleanup());
  return scope;
}

export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Per-test resources: files written, settings changed, disposables; `cleanup()` undoes them all. */
export class TestScope {
  private readonly files: vscode.Uri[] = [];
  private static written = 0;
  private readonly settings: string[] = [];
  readonly disposables: vscode.Disposable[] = [];
  /** Run after settings were put back, e.g. to wait until the index has re-scanned for the next suite. */
  afterSettingsReset: (() => Promise<unknown>) | undefined;

  async write(name: string, text: string): Promise<vscode.Uri> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the integration workspace should have a folder open');
    // A fresh folder per file: a slow watcher event for a file an earlier test deleted cannot touch it.
    const uri = vscode.Uri.joinPath(folder.uri, 'editor-core', String(++TestScope.written), name);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    this.files.push(uri);
    return uri;
  }

  async open(uri: vscode.Uri): Promise<vscode.TextEditor> {
    const doc = await vscode.workspace.openTextDocument(uri);
    return vscode.window.showTextDocument(doc, { preview: false });
  }

  async set(key: string, value: unknown): Promise<void> {
    this.settings.push(key);
    await vscode.workspace.getConfiguration('crimeAnnotator').update(key, value, vscode.ConfigurationTarget.Global);
  }

  async cleanup(): Promise<void> {
    for (const d of this.disposables.splice(0)) d.dispose();
    await revertAndCloseAllEditors();
    const reset = this.settings.splice(0);
    for (const key of reset) await vscode.workspace.getConfiguration('crimeAnnotator').update(key, undefined, vscode.ConfigurationTarget.Global);
    if (reset.length > 0) await this.afterSettingsReset?.();
    for (const uri of this.files.splice(0)) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  }
}

/**
 * Closes every editor without the save prompt a dirty one would raise (a modal dialog nobody answers
 * in a test run, so the close would never finish): each dirty document is reverted first, and checked
 * to be clean, since `files.revert` acts on whichever editor is active when it runs.
 */
export async function revertAndCloseAllEditors(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    for (let attempt = 0; attempt < 5 && doc.isDirty && !doc.isClosed; attempt++) {
      await vscode.window.showTextDocument(doc, { preview: false, preserveFocus: false });
      if (vscode.window.activeTextEditor?.document !== doc) continue;
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    assert.ok(!doc.isDirty || doc.isClosed, `could not revert ${doc.uri.toString()} before closing it`);
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Waits until the index holds `doc` at its current version. */
export function analysed(api: CrimeAnnotatorApi, doc: vscode.TextDocument) {
  return waitFor(`analysis of ${doc.uri.path} v${doc.version}`, () => {
    const entry = api.index.get(doc.uri);
    return entry && entry.version === doc.version ? entry : undefined;
  });
}

export function rangeOf(doc: vscode.TextDocument, needle: string, from = 0): vscode.Range {
  const at = doc.getText().indexOf(needle, from);
  assert.ok(at >= 0, `${needle} not in ${doc.uri.path}`);
  return new vscode.Range(doc.positionAt(at), doc.positionAt(at + needle.length));
}

/** The hover cards' markdown at `position`, joined. */
export async function hoverMarkdown(uri: vscode.Uri, position: vscode.Position): Promise<{ text: string; strings: vscode.MarkdownString[] }> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  const strings = hovers.flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => typeof c !== 'string' && 'value' in c) as vscode.MarkdownString[];
  return { text: strings.map((s) => s.value).join('\n'), strings };
}

/** Markdown with its backslash escapes removed: what the reader sees, for content assertions. */
export function unescape(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
