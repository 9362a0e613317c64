import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CrimeAnnotatorApi } from '../../../src/extension/extension.shared';
import { WINDOW_MARGIN_LINES, WINDOW_MAX_CHARS, WINDOWED_DOCUMENT_CHARS } from '../../../src/extension/features/decorations';
import { analysed, rangeOf, releaseA, releaseB, releaseC, editorCoreHooks, waitFor } from './editorCore.helpers';

describe('decorations', function () {
  this.timeout(30_000);
  let api: CrimeAnnotatorApi;
  const scope = editorCoreHooks((a) => (api = a));

  const textsOf = (doc: vscode.TextDocument, ranges: readonly vscode.Range[] | undefined) => (ranges ?? []).map((r) => doc.getText(r));

  it('highlights figures, organisations and legal terms at their exact ranges', async () => {
    const editor = await scope.open(await scope.write('deco-a.crime.txt', releaseA));
    const doc = editor.document;
    await analysed(api, doc);
    const drawn = await waitFor('decorations', () => api.decorationsFor(doc.uri));
    const entry = api.index.get(doc.uri)!;
    const byKind = (kind: string) => entry.analysis.annotations.filter((a) => a.kind === kind).map((a) => a.text);
    assert.deepEqual(textsOf(doc, drawn.figure), byKind('figure'));
    assert.deepEqual(textsOf(doc, drawn.organisation), byKind('organisation'));
    assert.deepEqual(textsOf(doc, drawn.legalTerm), byKind('legal-term'));
    assert.ok(textsOf(doc, drawn.figure).includes('120'));
    assert.ok(textsOf(doc, drawn.organisation).includes('Metropolitan Police Service'));
    assert.ok(textsOf(doc, drawn.legalTerm).includes('possession with intent to supply'));
  });

  it('marks a figure in conflict with another source, and one whose check failed', async () => {
    const uriB = await scope.write('deco-b.crime.txt', releaseB);
    // B is never opened: the index learns of it from the file watcher, which can lag on a loaded machine.
    await waitFor('the file watcher to index the other source', () => api.index.get(uriB) !== undefined, 20_000);
    const uriA = await scope.write('deco-a.crime.txt', releaseA);
    const uriC = await scope.write('deco-c.crime.txt', releaseC);
    const docA = (await scope.open(uriA)).document;
    await waitFor('a conflict mark on 120', () => textsOf(docA, api.decorationsFor(uriA)?.conflict).includes('120'));
    const docC = (await scope.open(uriC)).document;
    await waitFor('a failed-check mark on 47%', () =>
      [...textsOf(docC, api.decorationsFor(uriC)?.checkFailed), ...textsOf(docC, api.decorationsFor(uriC)?.conflict)].includes('47%'),
    );
    // The trouble mark is drawn in addition to the figure's own highlight.
    assert.ok(textsOf(docC, api.decorationsFor(uriC)?.figure).includes('47%'));
  });

  it('turns one kind off with its setting and leaves the others', async () => {
    const doc = (await scope.open(await scope.write('deco-a.crime.txt', releaseA))).document;
    await waitFor('organisation highlights', () => (api.decorationsFor(doc.uri)?.organisation.length ?? 0) > 0);
    await scope.set('highlights.organisations', false);
    await waitFor('organisations off', () => api.decorationsFor(doc.uri)?.organisation.length === 0);
    assert.ok(api.decorationsFor(doc.uri)!.figure.length > 0, 'figures stay highlighted');
    assert.ok(api.decorationsFor(doc.uri)!.legalTerm.length > 0, 'legal terms stay highlighted');
  });

  it('decorates plain text by default and stops when decoratePlainTextAndMarkdown is off', async () => {
    const doc = (await scope.open(await scope.write('deco-plain.txt', releaseA))).document;
    assert.equal(doc.languageId, 'plaintext');
    await waitFor('plain text decorated', () => (api.decorationsFor(doc.uri)?.figure.length ?? 0) > 0);
    await scope.set('decoratePlainTextAndMarkdown', false);
    await waitFor('plain text no longer decorated', () => api.decorationsFor(doc.uri) === undefined);
  });

  it('follows an edit: ranges move with the text and a new figure is highlighted', async () => {
    const editor = await scope.open(await scope.write('deco-a.crime.txt', releaseA));
    const doc = editor.document;
    await analysed(api, doc);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'Essex Police reported 75 arrests.\n\n'));
    await analysed(api, doc);
    const drawn = await waitFor('decorations after the edit', () => {
      const d = api.decorationsFor(doc.uri);
      return d && textsOf(doc, d.figure).includes('75') ? d : undefined;
    });
    assert.ok(textsOf(doc, drawn.figure).includes('120'), 'the old figure is still highlighted at its new place');
    assert.ok(drawn.figure.some((r) => r.isEqual(rangeOf(doc, '120'))));
  });

  it('re-analyses only on save when analysis.trigger is onSave', async () => {
    await scope.set('analysis.trigger', 'onSave');
    const editor = await scope.open(await scope.write('deco-save.crime.txt', releaseA));
    const doc = editor.document;
    await analysed(api, doc);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'Essex Police reported 75 arrests.\n\n'));
    await new Promise((r) => setTimeout(r, 800)); // longer than analysis.delay
    assert.notEqual(api.index.get(doc.uri)?.version, doc.version, 'not re-analysed while typing');
    await doc.save();
    await analysed(api, doc);
  });

  it('analyses a 600 KB document in slices and redraws after a keystroke without re-analysing it all', async function () {
    this.timeout(120_000);
    const paragraph = `${releaseA.trim()} ${releaseB.trim()}`;
    const big = Array.from({ length: 2500 }, (_, i) => paragraph.replace('120', String(100 + (i % 50)))).join('\n\n') + '\n';
    const editor = await scope.open(await scope.write('deco-large.crime.txt', big));
    const doc = editor.document;
    await waitFor('the large document analysed', () => api.index.get(doc.uri)?.version === doc.version, 110_000);
    const first = await waitFor('its highlights', () => api.decorationsFor(doc.uri));
    assert.ok(first.figure.length >= 2500, `${first.figure.length} figures drawn`);
    // A slice is a paragraph or more, a few milliseconds each; the whole document at once takes many seconds.
    // This checks that analysis is sliced; analysis speed is measured by `npm run bench`, and a
    // loaded CI core can stall one slice for hundreds of milliseconds. This document's slices only:
    // the session's first analysis (the lexicon compiled cold) is not what this test is about.
    const longest = api.longestAnalysisSliceMs(doc.uri);
    assert.ok(longest > 0 && longest < 1000, `longest uninterrupted analysis of the large document ${longest} ms`);
    const line = doc.lineCount - 2;
    await editor.edit((b) => b.insert(new vscode.Position(line, 0), 'Essex Police reported 75 arrests. '));
    await analysed(api, doc);
    const after = await waitFor('the new figure drawn', () => {
      const d = api.decorationsFor(doc.uri);
      return d && d.figure.some((r) => r.start.line === line && doc.getText(r) === '75') ? d : undefined;
    });
    const figures = api.index.get(doc.uri)!.analysis.annotations.filter((a) => a.kind === 'figure').length;
    assert.equal(after.figure.length, figures, 'every figure of the new analysis is drawn');
    // Over the record's size limit: left out of it, and the user was told (the skip is not silent).
    assert.equal(api.index.checksFor(doc.uri).length, 0);
  });

  it("draws a very long document's highlights around what the editor shows, and follows a scroll", async function () {
    this.timeout(240_000);
    const paragraph = `${releaseA.trim()} ${releaseB.trim()}`;
    const count = Math.ceil((WINDOWED_DOCUMENT_CHARS + 50_000) / (paragraph.length + 2));
    const big = Array.from({ length: count }, (_, i) => paragraph.replace('120', String(100 + (i % 50)))).join('\n\n') + '\n';
    const editor = await scope.open(await scope.write('deco-windowed.crime.txt', big));
    const doc = editor.document;
    await waitFor('the very long document analysed', () => api.index.get(doc.uri)?.version === doc.version, 230_000);
    const figures = api.index.get(doc.uri)!.analysis.annotations.filter((a) => a.kind === 'figure').length;
    const top = await waitFor('its highlights', () => api.decorationsFor(doc.uri));
    const lines = (d: typeof top) => d.figure.map((r) => r.start.line);
    assert.ok(top.figure.length > 0 && top.figure.length < figures / 4, `${top.figure.length} of ${figures} figures drawn at the top`);
    assert.ok(Math.max(...lines(top)) <= editor.visibleRanges[0].end.line + WINDOW_MARGIN_LINES, 'nothing drawn past the margin below the view');
    const last = doc.lineCount - 2;
    editor.revealRange(new vscode.Range(last, 0, last, 0));
    const bottom = await waitFor('highlights drawn at the end after scrolling there', () => {
      const d = api.decorationsFor(doc.uri);
      return d && lines(d).some((l) => l >= last - 20) ? d : undefined;
    });
    assert.ok(Math.min(...lines(bottom)) >= doc.lineCount - 1 - WINDOW_MARGIN_LINES - 200, 'the top is no longer drawn');
  });

  it('draws a document of one very long line around the cursor, and follows the cursor to its end', async function () {
    this.timeout(240_000);
    const sentence = `${releaseA.trim()} ${releaseB.trim()}`.replace(/\s*\n\s*/g, ' ');
    const count = Math.ceil((WINDOWED_DOCUMENT_CHARS + 50_000) / (sentence.length + 1));
    const line = Array.from({ length: count }, (_, i) => sentence.replace('120', String(100 + (i % 50)))).join(' ');
    const editor = await scope.open(await scope.write('deco-one-line.crime.txt', `${line}\n`));
    const doc = editor.document;
    assert.equal(doc.lineCount, 2);
    await waitFor('the one-line document analysed', () => api.index.get(doc.uri)?.version === doc.version, 230_000);
    const figures = api.index.get(doc.uri)!.analysis.annotations.filter((a) => a.kind === 'figure').length;
    const starts = (d: NonNullable<ReturnType<typeof api.decorationsFor>>) => d.figure.map((r) => doc.offsetAt(r.start));
    const first = await waitFor('its highlights', () => api.decorationsFor(doc.uri));
    assert.ok(first.figure.length > 0 && first.figure.length < figures / 4, `${first.figure.length} of ${figures} figures drawn`);
    assert.ok(Math.max(...starts(first)) < WINDOW_MAX_CHARS, 'drawn around the cursor, at the start');
    const end = doc.lineAt(0).range.end;
    editor.selection = new vscode.Selection(end, end);
    const moved = await waitFor('highlights drawn at the end of the line after the cursor went there', () => {
      const d = api.decorationsFor(doc.uri);
      return d && d.figure.length && Math.min(...starts(d)) > line.length - WINDOW_MAX_CHARS - 1 ? d : undefined;
    });
    assert.ok(moved.figure.length < figures / 4, `${moved.figure.length} of ${figures} figures drawn at the end`);
  });

  it('indexes at most workspace.maxFiles files and names the first one it left out', async () => {
    await scope.set('workspace.maxFiles', 2);
    await waitFor('a file skipped for maxFiles', () => api.index.skipped().find((s) => /maxFiles/.test(s.reason)));
    const fromDisk = api.index.documents().filter((d) => d.version === -1);
    assert.ok(fromDisk.length <= 2, `${fromDisk.length} files indexed from disk`);
    await scope.cleanup();
    assert.ok(!api.index.skipped().some((s) => /maxFiles/.test(s.reason)), 'the limit no longer applies once reset');
  });

  it('indexes the files of a folder moved into the workspace, which the watcher reports as one folder', async function () {
    this.timeout(90_000);
    // Written outside the workspace, then moved in whole, as a user drags in a folder of drafts.
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'crime-annotator-moved-'));
    fs.mkdirSync(path.join(outside, 'week'));
    fs.writeFileSync(path.join(outside, 'first.crime.txt'), 'Wessex Police made 23 arrests in the first week.\n');
    fs.writeFileSync(path.join(outside, 'week', 'second.crime.txt'), 'Wessex Police seized 14 knives in the second week.\n');
    const target = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'editor-core', `moved-${path.basename(outside)}`);
    try {
      await vscode.workspace.fs.rename(vscode.Uri.file(outside), target);
      for (const name of ['first.crime.txt', 'week/second.crime.txt']) {
        const uri = vscode.Uri.joinPath(target, name);
        await waitFor(`${name} in the index`, () => api.index.get(uri), 30_000);
      }
    } finally {
      await vscode.workspace.fs.delete(target, { recursive: true }).then(undefined, () => undefined);
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('does not analyse a document over maxFileSize, and lists it as skipped with the reason', async () => {
    await scope.set('analysis.maxFileSize', 1024);
    const big = `${releaseA}\n`.repeat(20);
    const doc = (await scope.open(await scope.write('deco-big.crime.txt', big))).document;
    const skipped = await waitFor('the big file in skipped()', () => api.index.skipped().find((s) => s.uri.toString() === doc.uri.toString()));
    assert.match(skipped.reason, /maxFileSize/);
    assert.equal(api.index.get(doc.uri), undefined);
  });
});
