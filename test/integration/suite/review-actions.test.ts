import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CrimeAnnotatorApi } from '../../../src/extension/extension.shared';
import type { ReviewTestApi } from '../../../src/extension/features/review';
import { analysed, hoverMarkdown, unescape } from './editorCore.helpers';
import { documentOf, fileItems, open, readText, reviewHooks, target, waitFor, writeRelease } from './review.helpers';

type Result = { mark: { id: string; state: string; anchor: { exact: string } }; undo: { serial: number } } | undefined;

describe('review: actions', function () {
  this.timeout(60_000);
  let api: CrimeAnnotatorApi;
  let review: ReviewTestApi;
  reviewHooks((apis) => ({ api, review } = apis));

  it('marks a figure verified with a URL and stores it as a W3C annotation', async () => {
    const editor = await open(await writeRelease());
    const doc = editor.document;
    const result = await vscode.commands.executeCommand<Result>(
      'crimeAnnotator.markVerified',
      target(doc, '£18,250'),
      'https://example.org/northshire/release',
    );
    assert.ok(result, 'markVerified returns the mark');
    const items = await fileItems(review);
    assert.equal(items.length, 1);
    const item = items[0]!;
    assert.match(item.id, /^urn:uuid:[0-9a-f-]{36}$/);
    assert.equal(item.type, 'Annotation');
    assert.equal(item.motivation, 'assessing');
    assert.equal(item.body.reviewState, 'verified');
    assert.deepEqual(item.body.evidence, { kind: 'url', value: 'https://example.org/northshire/release' });
    assert.equal(documentOf(item), vscode.workspace.asRelativePath(doc.uri, false));
    assert.deepEqual(item.target.selector[0], {
      type: 'TextQuoteSelector',
      exact: '£18,250',
      prefix: doc.getText().slice(doc.getText().indexOf('£18,250') - 32, doc.getText().indexOf('£18,250')),
      suffix: ' in cash and 2.4kg of suspected ',
    });
    assert.deepEqual(item.target.selector[1], {
      type: 'TextPositionSelector',
      start: doc.getText().indexOf('£18,250'),
      end: doc.getText().indexOf('£18,250') + 7,
    });
    assert.ok(item.creator.name.length > 0 && item.created === item.modified);

    const drawn = await waitFor('the verified decoration', () => review.decorationsFor(doc.uri)?.verified.length === 1 && review.decorationsFor(doc.uri)!);
    assert.equal(doc.getText(drawn.verified[0]), '£18,250');
    const hover = await hoverMarkdown(doc.uri, drawn.verified[0]!.start.translate(0, 2));
    const shown = unescape(hover.text);
    assert.match(shown, /Verified \(url: https:\/\/example\.org\/northshire\/release\)/);
    assert.ok(shown.includes(item.creator.name), 'the hover says who verified it');
    assert.ok(shown.includes(item.created.slice(0, 10)), 'and when');
    assert.match(hover.text, /command:crimeAnnotator\.markDisputed/, 'with actions');
  });

  it('marks disputed with a reason, replacing the verdict; adds a note beside it', async () => {
    const doc = (await open(await writeRelease())).document;
    await vscode.commands.executeCommand('crimeAnnotator.markVerified', target(doc, '41 arrests'), 'checked with the press office');
    const disputed = await vscode.commands.executeCommand<Result>('crimeAnnotator.markDisputed', target(doc, '41 arrests'), 'the force log says 40');
    await vscode.commands.executeCommand('crimeAnnotator.addNote', target(doc, 'week of action'), 'which week?');
    const items = await fileItems(review);
    assert.deepEqual(items.map((i) => [i.body.reviewState, i.target.selector[0].exact]).sort(), [
      ['disputed', '41 arrests'],
      ['note', 'week of action'],
    ]);
    assert.equal(items.find((i) => i.body.reviewState === 'disputed')!.body.reason, 'the force log says 40');
    assert.equal(items.find((i) => i.body.reviewState === 'note')!.motivation, 'commenting');
    assert.equal(items.find((i) => i.body.reviewState === 'note')!.body.text, 'which week?');
    assert.equal(disputed!.mark.state, 'disputed');
    const drawn = await waitFor('disputed and note decorations', () => {
      const d = review.decorationsFor(doc.uri);
      return d && d.disputed.length === 1 && d.note.length === 1 && d.verified.length === 0 && d;
    });
    assert.equal(doc.getText(drawn.note[0]), 'week of action');
  });

  it('marks a highlight as not a claim, which suppresses it there', async () => {
    const doc = (await open(await writeRelease())).document;
    const entry = await analysed(api, doc);
    const figure = entry.analysis.annotations.find((a) => a.kind === 'figure' && a.text.includes('12'));
    assert.ok(figure, `the engine finds the "12 young people" figure (found: ${entry.analysis.annotations.map((a) => a.text).join(', ')})`);
    assert.equal(review.isSuppressed(doc.uri, figure), false);
    await vscode.commands.executeCommand('crimeAnnotator.markNotClaim', { uri: doc.uri.toString(), start: figure.start, end: figure.end });
    assert.equal(review.isSuppressed(doc.uri, figure), true);
    const other = entry.analysis.annotations.find((a) => a.kind === 'figure' && a.text.includes('41'))!;
    assert.equal(review.isSuppressed(doc.uri, other), false, 'only that highlight');
    const item = (await fileItems(review))[0]!;
    assert.deepEqual([item.body.reviewState, item.motivation, item.body.kind], ['not-a-claim', 'tagging', 'figure']);
    await waitFor('the not-a-claim decoration', () => review.decorationsFor(doc.uri)?.['not-a-claim'].length === 1);
  });

  it('annotates a span the engine missed, from the editor selection', async () => {
    const editor = await open(await writeRelease());
    const doc = editor.document;
    const { start, end } = { start: doc.getText().indexOf('Eastmoor Youth Trust'), end: doc.getText().indexOf('Eastmoor Youth Trust') + 20 };
    editor.selection = new vscode.Selection(doc.positionAt(start), doc.positionAt(end));
    const result = await vscode.commands.executeCommand<Result>('crimeAnnotator.annotateMissed', undefined, 'organisation');
    assert.equal(result?.mark.anchor.exact, 'Eastmoor Youth Trust');
    const item = (await fileItems(review))[0]!;
    assert.deepEqual([item.body.reviewState, item.motivation, item.body.kind], ['added', 'identifying', 'organisation']);
    await waitFor('the added decoration', () => review.decorationsFor(doc.uri)?.added.length === 1);
  });

  it('marks the figure under the cursor when nothing is selected', async () => {
    const editor = await open(await writeRelease());
    const doc = editor.document;
    await analysed(api, doc);
    const at = doc.positionAt(doc.getText().indexOf('2.4kg') + 1);
    editor.selection = new vscode.Selection(at, at);
    const result = await vscode.commands.executeCommand<Result>('crimeAnnotator.markVerified', undefined, { kind: 'text', value: 'lab report seen' });
    assert.ok(result?.mark.anchor.exact.includes('2.4kg'), `marked "${result?.mark.anchor.exact}"`);
  });

  it('acts on a view item (a live uri with offsets and text) and refuses one listed from older text', async () => {
    const doc = (await open(await writeRelease())).document;
    const { start, end } = target(doc, '2.4kg');
    const stale = await vscode.commands.executeCommand<Result>(
      'crimeAnnotator.markDisputed',
      { uri: doc.uri, start, end, text: '2.5kg', kind: 'figure' },
      'lab says 2.5',
    );
    assert.equal(stale, undefined, 'no mark on text that is not what the item showed');
    assert.deepEqual(await fileItems(review), []);
    const item = await vscode.commands.executeCommand<Result>(
      'crimeAnnotator.markDisputed',
      { uri: doc.uri, start, end, text: '2.4kg', kind: 'figure' },
      'lab says 2.5',
    );
    assert.equal(item?.mark.anchor.exact, '2.4kg');
    const cleared = await vscode.commands.executeCommand<number>('crimeAnnotator.clearMark', { markId: item!.mark.id });
    assert.equal(cleared, 1);
  });

  it('marks a Tally occurrence as not a claim (the Tally view context menu)', async () => {
    const doc = (await open(await writeRelease())).document;
    const entry = await analysed(api, doc);
    const figure = entry.analysis.annotations.find((a) => a.kind === 'figure')!;
    const occurrence = { docId: doc.uri.toString(), start: figure.start, end: figure.end, text: figure.text, line: figure.line, annotation: figure };
    await vscode.commands.executeCommand('crimeAnnotator.markNotClaim', { type: 'occurrence', occurrence });
    assert.equal(review.isSuppressed(doc.uri, figure), true);
    const item = (await fileItems(review))[0]!;
    assert.deepEqual([item.body.reviewState, item.target.selector[0].exact, item.body.kind], ['not-a-claim', figure.text, 'figure']);
  });

  it('undoes an action from the palette command, and clears a mark', async () => {
    const doc = (await open(await writeRelease())).document;
    await vscode.commands.executeCommand('crimeAnnotator.markVerified', target(doc, '41 arrests'), 'https://example.org/a');
    const second = await vscode.commands.executeCommand<Result>('crimeAnnotator.markDisputed', target(doc, '41 arrests'), 'wrong week');
    assert.deepEqual(
      (await fileItems(review)).map((i) => i.body.reviewState),
      ['disputed'],
    );
    // Undoing the dispute brings back the verdict it replaced.
    assert.ok(await vscode.commands.executeCommand('crimeAnnotator.undoReviewAction'));
    assert.deepEqual(
      (await fileItems(review)).map((i) => i.body.reviewState),
      ['verified'],
    );
    assert.ok(second);
    const cleared = await vscode.commands.executeCommand<number>('crimeAnnotator.clearMark', target(doc, '41 arrests'));
    assert.equal(cleared, 1);
    assert.deepEqual(await fileItems(review), []);
    await vscode.commands.executeCommand('crimeAnnotator.undoReviewAction');
    assert.deepEqual(
      (await fileItems(review)).map((i) => i.body.reviewState),
      ['verified'],
    );
  });

  it('shows progress in the Review view, unreviewed first, and goes to the next unreviewed figure', async () => {
    const editor = await open(await writeRelease());
    const doc = editor.document;
    const entry = await analysed(api, doc);
    const figures = entry.analysis.annotations.filter((a) => a.kind === 'figure');
    assert.ok(figures.length >= 3, `at least three figures (found ${figures.map((f) => f.text).join(', ')})`);
    const first = figures[0]!;
    await vscode.commands.executeCommand(
      'crimeAnnotator.markVerified',
      { uri: doc.uri.toString(), start: first.start, end: first.end },
      'https://example.org/a',
    );
    const path = vscode.workspace.asRelativePath(doc.uri, false);
    const snapshot = await review.viewSnapshot();
    const node = snapshot.items.find((i) => i.label === path);
    assert.ok(node, `the view lists ${path}`);
    assert.equal(node.description, `1 of ${figures.length} figures reviewed`);
    assert.match(snapshot.description ?? '', /^\d+ of \d+ figures? reviewed$/);
    const labels = node.children.map((c) => c.label);
    assert.equal(labels[labels.length - 1], first.text, 'the reviewed figure comes after the unreviewed ones');
    assert.equal(node.children[0]!.description, 'unreviewed');
    assert.equal(node.children[labels.length - 1]!.contextValue, 'figure marked');

    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const next = await vscode.commands.executeCommand<{ text: string }>('crimeAnnotator.nextUnreviewed');
    assert.equal(next?.text, figures[1]!.text);
    assert.equal(doc.getText(editor.selection), figures[1]!.text);
  });

  it('saves an organisation added by hand to the workspace lexicon, so it is found everywhere', async function () {
    const doc = (await open(await writeRelease())).document;
    const elsewhere = await writeRelease('A worker from the Eastmoor Youth Trust spoke to 30 families.\n', 'other.crime.txt');
    const lexiconUri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, '.crime-annotator', 'lexicon.json');
    const before = await readText(lexiconUri);
    try {
      await vscode.commands.executeCommand('crimeAnnotator.annotateMissed', target(doc, 'Eastmoor Youth Trust'), 'organisation');
      const saved = await vscode.commands.executeCommand<{ id: string; outcome: string }>('crimeAnnotator.saveToLexicon', target(doc, 'Eastmoor Youth Trust'), {
        canonical: 'Eastmoor Youth Trust',
        type: 'charity',
      });
      assert.deepEqual(saved && { id: saved.id, outcome: saved.outcome }, { id: 'eastmoor-youth-trust', outcome: 'added' });
      const lexicon = JSON.parse((await readText(lexiconUri))!);
      assert.deepEqual(
        lexicon.organisations.find((o: { id: string }) => o.id === 'eastmoor-youth-trust'),
        { id: 'eastmoor-youth-trust', canonical: 'Eastmoor Youth Trust', type: 'charity', aliases: ['Eastmoor Youth Trust'] },
      );
      await waitFor(
        'the other document to be re-indexed with the new organisation',
        () => api.index.get(elsewhere)?.analysis.annotations.some((a) => a.kind === 'organisation' && a.text === 'Eastmoor Youth Trust'),
        20_000,
      );
    } finally {
      if (before === undefined) await vscode.workspace.fs.delete(lexiconUri).then(undefined, () => undefined);
      else await vscode.workspace.fs.writeFile(lexiconUri, new TextEncoder().encode(before));
    }
  });
});
