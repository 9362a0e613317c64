// The product as a reader sees it in VS Code's browser workbench: a sample release opened, its
// figures highlighted, a hover card on a figure, the Tally view, and the Problems panel.
import * as assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import {
  decorationOver,
  hoverAndReadCard,
  openActivityBarView,
  openFileViaQuickOpen,
  openWorkbenchSession,
  readProblems,
  screenshot,
  viewRows,
  waitForDecorations,
  type WorkbenchSession,
} from './workbench';

const MET_RELEASE = '02-met-week-of-action.crime.txt';
const NEWS_REPORT = '07-news-report.crime.txt';

describe('the workbench with the sample corpus open', function () {
  this.timeout(120_000);
  let session: WorkbenchSession;
  let page: Page;
  let editor: Locator;

  before(async () => {
    session = await openWorkbenchSession();
    page = session.page;
  });

  after(async () => session?.close());

  afterEach(async function () {
    const test = this.currentTest;
    if (test?.state === 'failed' && page) {
      await screenshot(page, `e2e-failed-${test.title.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`).catch(() => undefined);
    }
    await page?.keyboard.press('Escape');
  });

  it('opens a sample release as a Crime Report document', async () => {
    editor = await openFileViaQuickOpen(page, MET_RELEASE);
    await editor.locator('.view-lines', { hasText: 'Met shuts 92 drug lines' }).waitFor();
    await page.locator('#status\\.editor\\.mode', { hasText: 'Crime Report' }).waitFor();
    await screenshot(page, 'e2e-sample');
  });

  it('highlights the figures in the release', async () => {
    const count = await waitForDecorations(editor, 10);
    assert.ok(count >= 10, `expected the Met release's figures highlighted, found ${count} decorated ranges`);
    await decorationOver(editor, '290 arrests');
    await decorationOver(editor, '£214,568');
  });

  it('shows a hover card for a highlighted figure', async () => {
    const card = await hoverAndReadCard(page, await decorationOver(editor, '£214,568'));
    assert.match(card, /214,568/, `the hover card should name the figure; it read:\n${card}`);
    await screenshot(page, 'e2e-hover');
  });

  it('lists figures in the Crime Annotator Tally view', async () => {
    const sidebar = await openActivityBarView(page, 'Crime Annotator');
    const rows = await viewRows(sidebar, 'Tally');
    assert.ok(rows.length > 0, 'the Tally view should list at least one figure');
    await screenshot(page, 'e2e-tally');
  });

  it("reports the news report's disagreeing figure in the Problems panel", async () => {
    await openFileViaQuickOpen(page, NEWS_REPORT);
    const rows = await readProblems(page);
    const markers = rows.filter((r) => !/^\S+\.crime\.txt\b/.test(r.trim()));
    assert.ok(markers.length > 0, `expected at least one problem for ${NEWS_REPORT}; the panel read:\n${rows.join('\n')}`);
    await screenshot(page, 'e2e-problems');
  });
});
