import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CrimeAnnotatorApi } from '../../../src/extension/extension.shared';
import type { ReviewTestApi } from '../../../src/extension/features/review';
import { analysed } from './editorCore.helpers';
import { documentOf, fileItems, open, placedText, reviewHooks, spanOf, target, waitFor, writeRelease } from './review.helpers';

/** Marks three spans in a fresh release and returns its editor. */
async function marked(review: ReviewTestApi): Promise<vscode.TextEditor> {
  const editor = await open(await writeRelease());
  const doc = editor.document;
  await vscode.commands.executeCommand('crimeAnnotator.markVerified', target(doc, '41 arrests'), 'https://example.org/a');
  await vscode.commands.executeCommand('crimeAnnotator.markDisputed', target(doc, '£18,250'), 'court papers differ');
  await vscode.commands.executeCommand('crimeAnnotator.addNote', target(doc, '12 young people'), 'ages?');
  assert.equal(review.marks().length, 3);
  return editor;
}

async function edit(build: (e: vscode.WorkspaceEdit) => void): Promise<void> {
  const e = new vscode.WorkspaceEdit();
  build(e);
  assert.ok(await vscode.workspace.applyEdit(e), 'the edit applies');
}

function allOnTheirQuotes(review: ReviewTestApi, doc: vscode.TextDocument): void {
  const placed = placedText(review, doc);
  assert.equal(placed.length, 3, 'no mark vanished');
  for (const p of placed) assert.equal(p.found, p.quote, `"${p.quote}" re-attached to its own text`);
}

describe('review: anchoring after edits', function () {
  this.timeout(60_000);
  let api: CrimeAnnotatorApi;
  let review: ReviewTestApi;
  reviewHooks((apis) => ({ api, review } = apis));

  it('follows an insertion above, and stores the new positions when the document is saved', async () => {
    const doc = (await marked(review)).document;
    await edit((e) => e.insert(doc.uri, new vscode.Position(0, 0), 'UPDATED 14:00: figures revised after the briefing.\n\n'));
    allOnTheirQuotes(review, doc);
    await waitFor('the decorations to follow', () => {
      const d = review.decorationsFor(doc.uri);
      return d && d.verified.length === 1 && doc.getText(d.verified[0]) === '41 arrests';
    });
    assert.ok(await doc.save());
    await waitFor('the stored positions to be refreshed', async () => {
      const items = await fileItems(review);
      const item = items.find((i) => i.body.reviewState === 'disputed');
      return item?.target.selector[1].start === spanOf(doc, '£18,250').start;
    });
    const item = (await fileItems(review)).find((i) => i.body.reviewState === 'verified')!;
    assert.equal(item.target.selector[0].prefix, 'the briefing.\n\nNorthshire Police made '.slice(-32));
  });

  it('re-attaches after a deletion inside the paragraph around a mark', async () => {
    const doc = (await marked(review)).document;
    const cut = spanOf(doc, ' suspected');
    await edit((e) => e.delete(doc.uri, new vscode.Range(doc.positionAt(cut.start), doc.positionAt(cut.end))));
    assert.ok(doc.getText().includes('2.4kg of Class A'));
    allOnTheirQuotes(review, doc);
  });

  it('re-attaches after the paragraph holding a mark moves below another', async () => {
    const doc = (await marked(review)).document;
    const paragraph = doc.getText().slice(spanOf(doc, 'Officers seized').start, spanOf(doc, 'drugs.\n\n').end);
    const at = spanOf(doc, 'Officers seized').start;
    await edit((e) => e.delete(doc.uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + paragraph.length))));
    await edit((e) => e.insert(doc.uri, doc.positionAt(doc.getText().length), `\n${paragraph.trimEnd()}\n`));
    assert.ok(doc.getText().indexOf('£18,250') > doc.getText().indexOf('12 young people'), 'the paragraph moved');
    allOnTheirQuotes(review, doc);
  });

  it('reports a mark whose text was edited away as orphaned, keeps it in the file, and re-attaches on undo', async () => {
    const doc = (await marked(review)).document;
    const figure = spanOf(doc, '£18,250');
    await edit((e) => e.replace(doc.uri, new vscode.Range(doc.positionAt(figure.start), doc.positionAt(figure.end)), '£18,520'));
    const placed = placedText(review, doc);
    assert.deepEqual(
      placed.find((p) => p.quote === '£18,250'),
      { quote: '£18,250', found: undefined },
    );
    const orphan = review.placementsFor(doc.uri).find((p) => !p.span)!;
    assert.equal(orphan.suggestion?.text.startsWith('£18,520'), true, 'the similar text is suggested, not attached');
    // The view lists the figures of the index's analysis, so it shows the edit once that is done.
    await analysed(api, doc);
    const path = vscode.workspace.asRelativePath(doc.uri, false);
    const node = (await review.viewSnapshot()).items.find((i) => i.label === path)!;
    assert.match(node.description ?? '', /1 orphaned/);
    const labels = node.children.map((c) => c.label);
    assert.ok(labels.includes('Orphaned (1)'), `the view has an orphaned section (${labels.join(' | ')})`);
    assert.ok(node.children.some((c) => c.label === '£18,250' && /orphaned/.test(c.description ?? '')));
    assert.ok(await doc.save());
    await review.settled();
    assert.ok(
      (await fileItems(review)).some((i) => i.target.selector[0].exact === '£18,250'),
      'the orphan stays in the file',
    );
    await vscode.commands.executeCommand('undo');
    await waitFor('the figure to come back', () => doc.getText().includes('£18,250'));
    allOnTheirQuotes(review, doc);
  });

  it('keeps the marks of a document that is renamed or moved', async () => {
    const doc = (await marked(review)).document;
    const oldPath = vscode.workspace.asRelativePath(doc.uri, false);
    const newUri = vscode.Uri.joinPath(doc.uri, '..', 'moved', 'renamed-release.crime.txt');
    await edit((e) => e.renameFile(doc.uri, newUri));
    const newPath = vscode.workspace.asRelativePath(newUri, false);
    await waitFor('the marks to follow the rename', async () => {
      const items = await fileItems(review);
      return items.length === 3 && items.every((i) => documentOf(i) === newPath);
    });
    assert.ok(review.marks().every((m) => m.document === newPath && m.document !== oldPath));
    const renamed = await vscode.workspace.openTextDocument(newUri);
    const placed = placedText(review, renamed);
    assert.equal(placed.length, 3);
    for (const p of placed) assert.equal(p.found, p.quote);
  });
});
