// The web extension (dist/extension.web.js) in the browser's web-worker extension host, the one
// vscode.dev uses: no Node there, files only through vscode.workspace.fs. code-server runs it there
// when the user setting `remote.extensionKind` forces the extension's kind to "web".
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { pathOfIri } from '../../src/core/review';
import {
  decorationOver,
  hoverAndReadCard,
  openActivityBarView,
  openFileViaQuickOpen,
  openWorkbenchSession,
  runCommand,
  screenshot,
  textBox,
  viewRows,
  waitForDecorations,
  WEB_WORKER_SETTINGS,
  type WorkbenchSession,
} from './workbench';

const MET_RELEASE = '02-met-week-of-action.crime.txt';

describe('the web extension in the browser web-worker extension host', function () {
  this.timeout(120_000);
  let session: WorkbenchSession;
  let page: Page;
  let editor: Locator;

  before(async () => {
    session = await openWorkbenchSession(WEB_WORKER_SETTINGS);
    page = session.page;
  });

  after(async () => session?.close());

  afterEach(async function () {
    const test = this.currentTest;
    if (test?.state === 'failed' && page) {
      await screenshot(page, `e2e-web-failed-${test.title.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`).catch(() => undefined);
    }
    await page?.keyboard.press('Escape');
  });

  it('runs in the web worker, not in the Node extension host', async function () {
    // The first Quick Open and the Running Extensions editor are slow on a loaded machine.
    this.timeout(240_000);
    editor = await openFileViaQuickOpen(page, MET_RELEASE);
    await runCommand(page, 'Developer: Show Running Extensions');
    const row = page.locator('.monaco-list-row', { hasText: 'Crime Annotator' }).first();
    await row.waitFor({ timeout: 20_000 });
    const text = await row.innerText();
    assert.match(text, /web worker/i, `Running Extensions should list Crime Annotator in the web worker; it read:\n${text}`);
    await screenshot(page, 'e2e-web-running-extensions');
    await page.keyboard.press('Escape');
    await page
      .locator('.tabs-container .tab', { hasText: 'Running Extensions' })
      .locator('.codicon-close')
      .click()
      .catch(() => undefined);
  });

  it('highlights the figures of a sample release', async () => {
    editor = await openFileViaQuickOpen(page, MET_RELEASE);
    const count = await waitForDecorations(editor, 10, 30_000);
    assert.ok(count >= 10, `expected the Met release's figures highlighted, found ${count} decorated ranges`);
    await decorationOver(editor, '290 arrests');
    await screenshot(page, 'e2e-web-highlights');
  });

  it('shows a hover card whose cross-source record names other documents', async () => {
    // The record needs the other samples, read from the web worker through vscode.workspace.fs. The
    // hover shows the Problems entry for the conflict first; the extension's card follows it.
    await hoverAndReadCard(page, await decorationOver(editor, '290 arrests'));
    const ours = page.locator('.monaco-hover-content', { hasText: 'Cross-source record' }).first();
    await ours.waitFor({ state: 'visible', timeout: 30_000 });
    const card = await ours.innerText();
    assert.match(card, /Cross-source record: arrests/, `the card should show the record; it read:\n${card}`);
    assert.match(card, /07-news-report\.crime\.txt/, 'another document of the workspace is a source');
    assert.match(card, /home-office-county-lines\.reference\.csv/, 'the reference table is read in the web worker too');
    await screenshot(page, 'e2e-web-hover');
  });

  it('counts the workspace in the Tally view, and takes in a file created afterwards (file watchers in the web worker)', async () => {
    await page.mouse.move(5, 5);
    const sidebar = await openActivityBarView(page, 'Crime Annotator');
    const arrests = async () => (await viewRows(sidebar, 'Tally')).find((r) => /^arrests/.test(r.trim())) ?? '';
    const documentsOf = (row: string) => Number(/in (\d+) documents/.exec(row)?.[1] ?? NaN);
    // The initial scan is done once the count stops moving.
    let before = '';
    for (let i = 0, stable = 0; i < 40 && stable < 3; i++) {
      const now = await arrests();
      stable = now === before && now !== '' ? stable + 1 : 0;
      before = now;
      await page.waitForTimeout(500);
    }
    assert.ok(documentsOf(before) > 1, `the Tally should count arrests across the samples; it read "${before}"`);
    await screenshot(page, 'e2e-web-tally');

    fs.writeFileSync(
      path.join(session.workspace, '11-late-arrival.crime.txt'),
      'Late figures from the week\n\nPublished 23 October 2023\n\nThe Metropolitan Police Service made 295 arrests during the County Lines Intensification Week, 9-15 October 2023, a later count shows.\n',
    );
    let after = before;
    for (let i = 0; i < 40 && documentsOf(after) <= documentsOf(before); i++) {
      await page.waitForTimeout(500);
      after = await arrests();
    }
    assert.equal(documentsOf(after), documentsOf(before) + 1, `the new file should be indexed: before "${before}", after "${after}"`);
  });

  it('saves a review mark to the annotations file through vscode.workspace.fs', async () => {
    editor = await openFileViaQuickOpen(page, MET_RELEASE);
    await waitForDecorations(editor, 10);
    const box = await textBox(editor, '290 arrests');
    assert.ok(box, '"290 arrests" is on screen');
    await page.mouse.click(box.x + 4, box.y + box.height / 2);
    await runCommand(page, 'Crime Annotator: Mark Figure as Verified');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Free text' }).first().click();
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill('rang the Met press office');
    await page.keyboard.press('Enter');
    await page.locator('.notifications-toasts', { hasText: 'Verified (text: rang the Met press office)' }).waitFor({ timeout: 20_000 });

    const file = path.join(session.workspace, '.crime-annotator', 'annotations.json');
    const deadline = Date.now() + 20_000;
    while (!fs.existsSync(file) && Date.now() < deadline) await page.waitForTimeout(200);
    const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.equal(saved.type, 'AnnotationPage');
    assert.equal(saved.items.length, 1);
    const [mark] = saved.items;
    assert.equal(mark.body.reviewState, 'verified');
    assert.deepEqual(mark.body.evidence, { kind: 'text', value: 'rang the Met press office' });
    assert.equal(mark.target.selector[0].exact, '290');
    assert.equal(pathOfIri(mark.target.source), MET_RELEASE);
    assert.deepEqual(
      fs.readdirSync(path.dirname(file)).filter((f) => f.endsWith('.tmp')),
      [],
      'no temporary file left behind',
    );
    await screenshot(page, 'e2e-web-review-mark');
  });
});
