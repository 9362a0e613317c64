import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CrimeAnnotatorApi } from '../../../src/extension/extension.shared';
import { analysed, rangeOf, releaseA, releaseB, releaseC, editorCoreHooks, waitFor } from './editorCore.helpers';

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Crime Annotator');

describe('diagnostics and quick fixes', function () {
  this.timeout(30_000);
  let api: CrimeAnnotatorApi;
  const scope = editorCoreHooks((a) => (api = a));

  it('reports a mis-stated percentage at the figure, with the configured severity', async () => {
    const doc = (await scope.open(await scope.write('diag-c.crime.txt', releaseC))).document;
    await analysed(api, doc);
    const at = rangeOf(doc, '47%');
    const d = await waitFor('a diagnostic on 47%', () => ours(doc.uri).find((x) => x.range.isEqual(at)));
    assert.match(d.message, /55%/);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning, 'conflictSeverity defaults to warning');
    await scope.set('diagnostics.conflictSeverity', 'error');
    await waitFor('severity error', () => ours(doc.uri).find((x) => x.range.isEqual(at))?.severity === vscode.DiagnosticSeverity.Error);
  });

  it('offers the check’s fix as a quick fix and applying it clears the problem', async () => {
    const doc = (await scope.open(await scope.write('diag-c.crime.txt', releaseC))).document;
    await analysed(api, doc);
    const at = rangeOf(doc, '47%');
    await waitFor('a diagnostic on 47%', () => ours(doc.uri).find((x) => x.range.isEqual(at)));
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, at, vscode.CodeActionKind.QuickFix.value)) ?? [];
    const fix = actions.find((a) => /55%/.test(a.title));
    assert.ok(fix?.edit, `a quick fix naming 55%: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.ok(doc.getText().includes('rose 55% from 200 to 310'), doc.getText());
    await analysed(api, doc);
    await waitFor('the problem gone', () => !ours(doc.uri).some((x) => /does not match/.test(x.message)));
  });

  it('reports a conflict between sources with the other source as related information', async () => {
    const uriB = await scope.write('diag-b.crime.txt', releaseB);
    const doc = (await scope.open(await scope.write('diag-a.crime.txt', releaseA))).document;
    await analysed(api, doc);
    const at = rangeOf(doc, '120');
    const d = await waitFor('a conflict on 120 naming B', () =>
      ours(doc.uri).find((x) => x.code === 'conflict' && x.range.isEqual(at) && x.relatedInformation?.some((r) => r.location.uri.toString() === uriB.toString())),
    );
    assert.match(d.message, /arrests/);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
  });

  it('clears everything when diagnostics.enabled is off', async () => {
    const doc = (await scope.open(await scope.write('diag-c.crime.txt', releaseC))).document;
    await analysed(api, doc);
    await waitFor('some diagnostic', () => ours(doc.uri).length > 0);
    await scope.set('diagnostics.enabled', false);
    await waitFor('no diagnostics', () => ours(doc.uri).length === 0);
  });
});
