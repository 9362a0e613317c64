import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ReviewTestApi } from '../../../src/extension/features/review';
import { documentOf, fileItems, open, readText, reviewHooks, target, type W3CItem, waitFor, writeRelease } from './review.helpers';

type Result = { mark: { id: string } } | undefined;

describe('review: the annotations file', function () {
  this.timeout(60_000);
  let review: ReviewTestApi;
  reviewHooks((apis) => ({ review } = apis));

  it('is stable, diff-friendly JSON and leaves no temporary file behind', async () => {
    const doc = (await open(await writeRelease())).document;
    await vscode.commands.executeCommand('crimeAnnotator.markVerified', target(doc, '41 arrests'), 'https://example.org/a');
    await vscode.commands.executeCommand('crimeAnnotator.addNote', target(doc, '£18,250'), 'rounded?');
    await review.settled();
    const text = (await readText(review.fileUri!))!;
    const page = JSON.parse(text);
    assert.deepEqual(Object.keys(page), ['@context', 'id', 'type', 'generator', 'formatVersion', 'items']);
    assert.equal(page['@context'][0], 'http://www.w3.org/ns/anno.jsonld');
    assert.match(page['@context'][1]['@base'], /^arcp:\/\/uuid,[0-9a-f-]{36}\/$/, "the base of the documents' IRIs is stated");
    assert.equal(page.id, `${page['@context'][1]['@base']}.crime-annotator/annotations.json`);
    assert.equal(page.type, 'AnnotationPage');
    assert.equal(text, JSON.stringify(page, null, 2) + '\n', 'two-space indent, final newline');
    const dir = vscode.Uri.joinPath(review.fileUri!, '..');
    const leftovers = (await vscode.workspace.fs.readDirectory(dir)).filter(([name]) => name.endsWith('.tmp'));
    assert.deepEqual(leftovers, []);
  });

  it('merges a change made on disk by someone else (a git pull) instead of overwriting it', async () => {
    const doc = (await open(await writeRelease())).document;
    const mine = await vscode.commands.executeCommand<Result>('crimeAnnotator.markVerified', target(doc, '41 arrests'), 'https://example.org/a');
    const items = await fileItems(review);
    // Someone else's clone added a dispute on another figure and changed the note on ours.
    const theirs: W3CItem = JSON.parse(JSON.stringify(items[0]));
    theirs.id = 'urn:uuid:11111111-2222-4333-8444-555555555555';
    theirs.body = { type: 'TextualBody', purpose: 'assessing', value: 'Disputed: see the court list', reviewState: 'disputed', reason: 'see the court list' };
    theirs.created = theirs.modified = '2026-01-02T00:00:00.000Z';
    const [quote, position] = theirs.target.selector;
    const at = doc.getText().indexOf('£18,250');
    theirs.target.selector = [
      { ...quote, exact: '£18,250', prefix: doc.getText().slice(at - 32, at), suffix: doc.getText().slice(at + 7, at + 39) },
      { ...position, start: at, end: at + 7 },
    ];
    const pulled = JSON.parse((await readText(review.fileUri!))!);
    pulled.items.push(theirs);
    await vscode.workspace.fs.writeFile(review.fileUri!, new TextEncoder().encode(JSON.stringify(pulled, null, 2) + '\n'));
    // Act at once, before or after the watcher reports the change: the write must merge either way.
    await vscode.commands.executeCommand('crimeAnnotator.addNote', target(doc, 'week of action'), 'which week?');
    assert.ok(
      review.marks().some((m) => m.id === theirs.id),
      'the pulled mark is merged in',
    );
    const ids = (await fileItems(review)).map((i) => i.id).sort();
    assert.deepEqual(ids, [mine!.mark.id, theirs.id, review.marks().find((m) => m.state === 'note')!.id].sort());
    await waitFor('the pulled dispute to be drawn', () => review.decorationsFor(doc.uri)?.disputed.length === 1);
  });

  it('reports a corrupt file with its path and line, leaves it untouched and goes read-only until it is fixed', async () => {
    const doc = (await open(await writeRelease())).document;
    await vscode.commands.executeCommand('crimeAnnotator.markVerified', target(doc, '41 arrests'), 'https://example.org/a');
    const good = (await readText(review.fileUri!))!;
    const lines = good.split('\n');
    const brokenLine = lines.findIndex((l) => l.includes('"motivation"'));
    lines[brokenLine] = lines[brokenLine]!.replace(/,$/, ''); // a missing comma, as a bad hand edit leaves it
    const broken = lines.join('\n');
    await vscode.workspace.fs.writeFile(review.fileUri!, new TextEncoder().encode(broken));
    // The next action finds the broken file (whether or not the watcher has reported it yet) and refuses.
    const refused = await vscode.commands.executeCommand<Result>('crimeAnnotator.markDisputed', target(doc, '£18,250'), 'no');
    assert.equal(refused, undefined, 'no mark while the file is broken');
    const problem = await waitFor('the problem to be reported', () => review.problem);
    assert.equal(problem.line, brokenLine + 2, 'the line where the parser stopped (the key after the missing comma)');
    assert.match(problem.message, /invalid JSON/);
    const snapshot = await review.viewSnapshot();
    assert.match(snapshot.message ?? '', new RegExp(`read-only: \\.crime-annotator/annotations\\.json:${brokenLine + 2}:`));

    assert.equal(await vscode.commands.executeCommand<Result>('crimeAnnotator.addNote', target(doc, '£18,250'), 'no'), undefined, 'still read-only');
    assert.equal(await readText(review.fileUri!), broken, 'the broken file is left exactly as it was');
    assert.equal(review.marks().length, 1, 'the marks last read are still shown');
    await waitFor('decorations to keep working', () => review.decorationsFor(doc.uri)?.verified.length === 1);

    await vscode.workspace.fs.writeFile(review.fileUri!, new TextEncoder().encode(good));
    // Fixed: the next action reads the file again and goes ahead.
    assert.ok(await vscode.commands.executeCommand<Result>('crimeAnnotator.markDisputed', target(doc, '£18,250'), 'court list'));
    assert.equal(review.problem, undefined);
    assert.deepEqual((await fileItems(review)).map((i) => i.body.reviewState).sort(), ['disputed', 'verified']);
  });

  it('reads a file in format 1 (before W3C conformance), keeps every mark, and migrates it on the next write', async () => {
    const doc = (await open(await writeRelease())).document;
    const path = vscode.workspace.asRelativePath(doc.uri, false);
    const at = doc.getText().indexOf('41 arrests');
    const old = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationPage',
      generator: 'Crime Annotator',
      formatVersion: 1,
      items: [
        {
          id: 'urn:uuid:0f0f0f0f-1111-4222-8333-444455556666',
          type: 'Annotation',
          motivation: 'assessing',
          creator: { type: 'Person', name: 'An Earlier Editor' },
          created: '2026-01-05T10:00:00.000Z',
          modified: '2026-01-05T10:00:00.000Z',
          body: {
            type: 'TextualBody',
            purpose: 'assessing',
            value: 'Verified (text: rang the force)',
            state: 'verified',
            source: { kind: 'text', value: 'rang the force' },
          },
          target: {
            source: path,
            selector: [
              {
                type: 'TextQuoteSelector',
                exact: '41 arrests',
                prefix: doc.getText().slice(Math.max(0, at - 32), at),
                suffix: doc.getText().slice(at + 10, at + 42),
              },
              { type: 'TextPositionSelector', start: at, end: at + 10 },
            ],
          },
        },
      ],
    };
    await vscode.workspace.fs.writeFile(review.fileUri!, new TextEncoder().encode(JSON.stringify(old, null, 2) + '\n'));
    await review.reload();
    assert.equal(review.problem, undefined);
    await waitFor('the old mark to be drawn', () => review.decorationsFor(doc.uri)?.verified.length === 1);
    assert.ok(await vscode.commands.executeCommand<Result>('crimeAnnotator.addNote', target(doc, '£18,250'), 'migrated?'));
    const page = JSON.parse((await readText(review.fileUri!))!);
    assert.equal(page.formatVersion, 2);
    assert.ok(page.id, 'the page has an id now');
    const migrated = (page.items as W3CItem[]).find((i) => i.id === old.items[0]!.id)!;
    assert.ok(migrated, 'the old mark survives the migration');
    assert.equal(migrated.body.reviewState, 'verified');
    assert.deepEqual(migrated.body.evidence, { kind: 'text', value: 'rang the force' });
    assert.equal((migrated.body as Record<string, unknown>).state, undefined);
    assert.equal(migrated.creator.name, 'An Earlier Editor');
    assert.equal(documentOf(migrated), path);
    assert.ok(migrated.target.source.startsWith(page['@context'][1]['@base']));
  });
});
