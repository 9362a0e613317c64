// Runs inside the extension host for `npm run bench`: the longest block of the extension host's
// event loop (perf_hooks' monitorEventLoopDelay) while a 1,000-document workspace is indexed, a
// 5 MB release is opened and typed in, and a release of one 2 MB line is typed in. Writes the figures
// next to the results file; asserts only that the work was done.
import * as fs from 'node:fs';
import * as inspector from 'node:inspector';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { CrimeAnnotatorApi } from '../../src/extension/extension.shared';
import { activateApi, waitFor } from '../../test/integration/suite/editorCore.helpers';

const figures: Record<string, number> = {};

/**
 * With CRIME_ANNOTATOR_HOST_PROFILE=<dir>, each measured step also writes a CPU profile of the
 * extension host (<dir>/<step>.cpuprofile, for Chrome DevTools or any .cpuprofile reader): what
 * held the host, ours or VS Code's own work on a large document.
 */
function startProfile(): (name: string) => Promise<void> {
  const dir = process.env.CRIME_ANNOTATOR_HOST_PROFILE;
  if (!dir) return async () => undefined;
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object) => new Promise<any>((resolve, reject) => session.post(method, params, (e, r) => (e ? reject(e) : resolve(r))));
  const started = post('Profiler.enable')
    .then(() => post('Profiler.setSamplingInterval', { interval: 500 }))
    .then(() => post('Profiler.start'));
  return async (name) => {
    await started;
    const { profile } = await post('Profiler.stop');
    session.disconnect();
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${name.replace(/[^a-z0-9]+/gi, '-')}.cpuprofile`), JSON.stringify(profile));
  };
}

async function measured(name: string, work: () => Promise<void>): Promise<void> {
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  const stopProfile = startProfile();
  const started = Date.now();
  try {
    await work();
  } finally {
    h.disable();
    await stopProfile(name);
    figures[`${name} longest block ms`] = Math.round(h.max / 1e6);
    figures[`${name} seconds`] = Math.round((Date.now() - started) / 100) / 10;
  }
}

async function typeInto(api: CrimeAnnotatorApi, editor: vscode.TextEditor, keys: number): Promise<void> {
  for (let i = 0; i < keys; i++) {
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    await editor.edit((b) => b.insert(end, i % 5 === 4 ? ' ' : 'x'));
    await new Promise((r) => setTimeout(r, 120));
  }
  const version = editor.document.version;
  await vscode.commands.executeCommand('crimeAnnotator.analyzeDocument');
  await waitFor('the typed text analysed', () => (api.index.get(editor.document.uri)?.version ?? -2) >= version, 120_000);
}

describe('extension host bench', function () {
  this.timeout(900_000);
  let api: CrimeAnnotatorApi;
  const root = () => vscode.workspace.workspaceFolders![0].uri;
  before(async () => {
    api = await activateApi();
  });
  after(() => {
    fs.writeFileSync(`${process.env.CRIME_ANNOTATOR_TEST_RESULTS}.bench.json`, JSON.stringify(figures, null, 2));
  });

  it('indexes a 1,000-document workspace', async () => {
    await measured('index 1,000 documents', async () => {
      await vscode.workspace.getConfiguration('crimeAnnotator').update('workspace.exclude', [], vscode.ConfigurationTarget.Workspace);
      await waitFor('1,000 documents indexed', () => api.index.documents().length >= 1000, 600_000);
      await api.index.ready;
    });
  });

  it('opens a 5 MB release and types in it', async () => {
    await measured('5 MB document open and type', async () => {
      const editor = await vscode.window.showTextDocument(vscode.Uri.joinPath(root(), 'big-5mb.crime.txt'));
      await waitFor('the 5 MB document analysed', () => api.index.get(editor.document.uri)?.version === editor.document.version, 300_000);
      await typeInto(api, editor, 20);
    });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('types in a release of one 2 MB line', async () => {
    const editor = await vscode.window.showTextDocument(vscode.Uri.joinPath(root(), 'one-line-2mb.crime.txt'));
    await waitFor('the 2 MB line analysed', () => api.index.get(editor.document.uri)?.version === editor.document.version, 300_000);
    await measured('2 MB line type', () => typeInto(api, editor, 20));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    figures['extension host longest block ms'] = Math.max(
      ...Object.entries(figures)
        .filter(([k]) => k.endsWith('longest block ms'))
        .map(([, v]) => v),
    );
    figures['longest analysis or record step on the host ms'] = Math.round(api.longestAnalysisSliceMs());
  });
});
