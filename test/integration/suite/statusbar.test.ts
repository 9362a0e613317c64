import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CrimeAnnotatorApi } from '../../../src/extension/extension.shared';
import { analysed, releaseA, releaseC, editorCoreHooks, waitFor } from './editorCore.helpers';

describe('status bar', function () {
  this.timeout(30_000);
  let api: CrimeAnnotatorApi;
  const scope = editorCoreHooks((a) => (api = a));

  function expected(uri: vscode.Uri) {
    const entry = api.index.get(uri)!;
    const count = (kind: string) => entry.analysis.annotations.filter((a) => a.kind === kind).length;
    return { figures: count('figure'), organisations: count('organisation'), legalTerms: count('legal-term') };
  }

  it('shows the active document’s counts, matching the index', async () => {
    const doc = (await scope.open(await scope.write('status-a.crime.txt', releaseA))).document;
    await analysed(api, doc);
    const want = expected(doc.uri);
    assert.ok(want.figures > 0 && want.organisations > 0 && want.legalTerms > 0);
    const shown = await waitFor('status bar counts', () => {
      const s = api.statusBar();
      return s && s.counts.figures === want.figures ? s : undefined;
    });
    assert.equal(shown.counts.organisations, want.organisations);
    assert.equal(shown.counts.legalTerms, want.legalTerms);
    assert.ok(shown.text.includes(String(want.figures)));
  });

  it('counts a failed check and follows the active editor', async () => {
    const docC = (await scope.open(await scope.write('status-c.crime.txt', releaseC))).document;
    await analysed(api, docC);
    await waitFor('a failed check counted', () => (api.statusBar()?.counts.failedChecks ?? 0) > 0);
    assert.match(api.statusBar()!.text, /\$\(warning\)/);
    const docA = (await scope.open(await scope.write('status-a.crime.txt', releaseA))).document;
    await analysed(api, docA);
    await waitFor('counts of A', () => api.statusBar()?.counts.figures === expected(docA.uri).figures);
  });

  it('updates after an edit and hides for a document it does not annotate', async () => {
    const editor = await scope.open(await scope.write('status-a.crime.txt', releaseA));
    await analysed(api, editor.document);
    const before = expected(editor.document.uri).figures;
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'Essex Police reported 75 arrests.\n\n'));
    await analysed(api, editor.document);
    await waitFor('one more figure', () => api.statusBar()?.counts.figures === before + 1);
    await scope.open(await scope.write('status.json', '{ "a": 1 }\n'));
    await waitFor('hidden', () => api.statusBar() === undefined);
  });
});
