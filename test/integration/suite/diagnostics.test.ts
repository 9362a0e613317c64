import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CrimeAnnotatorApi } from '../../../src/extension/extension.shared';
import { analysed, rangeOf, releaseA, releaseB, releaseC, editorCoreHooks, waitFor } from './editorCore.helpers';
import { placedText, resetMarks, target } from './review.helpers';

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
    const actions =
      (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, at, vscode.CodeActionKind.QuickFix.value)) ?? [];
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
      ours(doc.uri).find(
        (x) => x.code === 'conflict' && x.range.isEqual(at) && x.relatedInformation?.some((r) => r.location.uri.toString() === uriB.toString()),
      ),
    );
    assert.match(d.message, /arrests/);
    // Why these two were joined, in the message itself: the evidence between the documents.
    assert.match(d.message, /Joined as one event by: .*£36,250 in both/);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
  });

  it('clears everything when diagnostics.enabled is off', async () => {
    const doc = (await scope.open(await scope.write('diag-c.crime.txt', releaseC))).document;
    await analysed(api, doc);
    await waitFor('some diagnostic', () => ours(doc.uri).length > 0);
    await scope.set('diagnostics.enabled', false);
    await waitFor('no diagnostics', () => ours(doc.uri).length === 0);
  });

  describe('a conflict dismissed with a "not a claim" mark', () => {
    afterEach(() => resetMarks(api.review!));

    // A's only conflict is its 120 arrests; looked for by code, since a diagnostic drawn from an analysis
    // older than the edits would sit wherever the old offsets now fall.
    const conflictOn120 = (doc: vscode.TextDocument) => ours(doc.uri).find((x) => x.code === 'conflict' && /“(?:[^”]* )?120”/.test(x.message));

    /** A's 120 arrests shown in conflict with B's 150, then marked "not a claim" there and gone from the Problems panel. */
    async function dismissed(): Promise<vscode.TextDocument> {
      await scope.write('dismiss-b.crime.txt', releaseB);
      const doc = (await scope.open(await scope.write('dismiss-a.crime.txt', releaseA))).document;
      await analysed(api, doc);
      await waitFor('the conflict on 120', () => conflictOn120(doc));
      await vscode.commands.executeCommand('crimeAnnotator.markNotClaim', target(doc, '120'));
      await waitFor('the conflict dismissed', () => !conflictOn120(doc));
      return doc;
    }

    async function edit(doc: vscode.TextDocument, offset: number, text: string): Promise<void> {
      const e = new vscode.WorkspaceEdit();
      e.insert(doc.uri, doc.positionAt(offset), text);
      assert.ok(await vscode.workspace.applyEdit(e), 'the edit applies');
    }

    /** Watches the Problems panel for a while: the conflict must not come back at any moment, not only once things settle. */
    async function staysDismissed(doc: vscode.TextDocument, what: string, forMs = 800): Promise<void> {
      const until = Date.now() + forMs;
      while (Date.now() < until) {
        const back = conflictOn120(doc);
        assert.ok(!back, `the dismissed conflict came back after ${what}: ${back?.message}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    }

    function stillMarked(doc: vscode.TextDocument): void {
      assert.deepEqual(placedText(api.review!, doc), [{ quote: '120', found: '120' }], 'the mark follows its figure');
      const entry = api.index.get(doc.uri)!;
      const figure = entry.analysis.annotations.find((a) => a.kind === 'figure' && entry.text.slice(a.start, a.end).includes('120'));
      assert.ok(figure, 'the engine still finds the 120');
      assert.equal(api.index.recordForFigure(doc.uri, figure.id)?.status, 'conflict', 'the sources still disagree: only the mark hides it');
    }

    it('stays dismissed through edits before it, on its line and above it, and comes back when the mark is cleared', async () => {
      const doc = await dismissed();
      const edits: [string, () => number, string][] = [
        ['text typed before it on its line', () => doc.getText().indexOf('120'), 'a provisional '],
        ['text typed at the start of its line', () => doc.getText().indexOf('Kent Police made'), 'Updated: '],
        ['a line added above it', () => 0, 'Revised after the morning briefing.\n\n'],
      ];
      for (const [what, at, text] of edits) {
        await edit(doc, at(), text);
        await staysDismissed(doc, what);
        await analysed(api, doc);
        await staysDismissed(doc, what, 200);
        stillMarked(doc);
      }
      const cleared = await vscode.commands.executeCommand<number>('crimeAnnotator.clearMark', target(doc, '120'));
      assert.equal(cleared, 1);
      await waitFor('the conflict back once the mark is cleared', () => conflictOn120(doc));
    });

    it('stays dismissed while the analysis waits for a save, and after it', async () => {
      await scope.set('analysis.trigger', 'onSave');
      const doc = await dismissed();
      await edit(doc, 0, 'Revised after the morning briefing.\n\n');
      await edit(doc, doc.getText().indexOf('Kent Police made'), 'Updated: ');
      await staysDismissed(doc, 'edits not yet analysed');
      assert.ok(await doc.save());
      await analysed(api, doc);
      await staysDismissed(doc, 'the save', 300);
      stillMarked(doc);
    });
  });
});
