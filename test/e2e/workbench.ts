// What a person does in the browser workbench, as functions: open a file, find and hover the
// extension's highlights, open its view, read the Problems panel. Selectors are VS Code's own DOM,
// as described in ../shared/notes/real-vscode-here.md.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import * as cs from '../../scripts/lib/code-server';

export const RESULTS_DIR = path.join(cs.REPO_ROOT, 'test-results');

export interface WorkbenchSession {
  readonly page: Page;
  readonly workspace: string;
  readonly userDataDir: string;
  close(): Promise<void>;
}

/** Runs the extension in the browser's web-worker extension host (the one vscode.dev uses) instead of the Node one. */
export const WEB_WORKER_SETTINGS = { 'remote.extensionKind': { [cs.EXTENSION_ID]: ['web'] } };

/** Starts code-server with the working tree's extension installed and opens a copy of samples/; `settings` are added to the user settings. */
export async function openWorkbenchSession(settings: Record<string, unknown> = {}): Promise<WorkbenchSession> {
  const tmp = cs.makeTempDir('e2e');
  const extensionsDir = path.join(tmp, 'ext');
  const userDataDir = path.join(tmp, 'ud');
  cs.installExtensionFolder(extensionsDir);
  cs.writeUserSettings(userDataDir, { 'workbench.editor.enablePreview': false, 'editor.hover.delay': 150, ...settings });
  const workspace = cs.makeWorkspaceCopy();
  const server = await cs.startCodeServer({ extensionsDir, userDataDir, folder: workspace });
  let browser: Browser | undefined;
  try {
    browser = await cs.launchBrowser();
    const page = await cs.openWorkbench(browser, server);
    // The Explorer lists the workspace once the extension host and file service are up.
    await page.getByRole('treeitem').first().waitFor({ timeout: 60_000 });
    const opened = browser;
    return {
      page,
      workspace,
      userDataDir,
      async close() {
        await opened.close();
        server.stop();
        await server.exited;
        fs.rmSync(tmp, { recursive: true, force: true });
        fs.rmSync(path.dirname(workspace), { recursive: true, force: true });
      },
    };
  } catch (e) {
    await browser?.close();
    server.stop();
    throw e;
  }
}

/** Opens a workspace file by name through Quick Open (Ctrl+P), as a keyboard user would. */
export async function openFileViaQuickOpen(page: Page, fileName: string): Promise<Locator> {
  await page
    .locator('.monaco-workbench')
    .click({ position: { x: 5, y: 5 }, force: true })
    .catch(() => undefined);
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(fileName);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab[aria-label*="${fileName}"]`).waitFor();
  const editor = page.locator('.editor-group-container.active .monaco-editor').first();
  await editor.locator('.view-lines').waitFor();
  return editor;
}

/** Runs a command from the Command Palette (F1) by its title, as a keyboard user would. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** Background-colour decorations: one div per decorated range on screen, class `ced-…`. */
export function decorationOverlays(editor: Locator): Locator {
  return editor.locator('.view-overlays [class*="ced-"]');
}

/** Waits until at least `min` decorated ranges are drawn; returns how many there are. */
export async function waitForDecorations(editor: Locator, min = 1, timeoutMs = 20_000): Promise<number> {
  const overlays = decorationOverlays(editor);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const count = await overlays.count();
    if (count >= min) return count;
    if (Date.now() > deadline) throw new Error(`expected at least ${min} decorated range(s) in the editor, found ${count} after ${timeoutMs / 1000}s`);
    await editor.page().waitForTimeout(200);
  }
}

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Where `text` is drawn in the editor's visible lines (the first occurrence), or undefined. */
export async function textBox(editor: Locator, text: string): Promise<Box | undefined> {
  return editor.locator('.view-lines').evaluate((lines, wanted) => {
    // Runs in the page. The project compiles without the DOM library (the core must not use it), so
    // the few DOM calls needed here are typed by hand.
    interface TextNode {
      textContent: string | null;
    }
    interface PageDocument {
      createTreeWalker(root: unknown, whatToShow: number): { nextNode(): TextNode | null };
      createRange(): { setStart(n: TextNode, o: number): void; setEnd(n: TextNode, o: number): void; getBoundingClientRect(): Box };
    }
    const doc = (globalThis as unknown as { document: PageDocument }).document;
    const SHOW_TEXT = 4;
    // A line is drawn as several token spans, so a figure like "£214,568" may cross text nodes:
    // search the concatenated text and map the match back onto the nodes.
    const nodes: { node: TextNode; start: number }[] = [];
    let all = '';
    const walker = doc.createTreeWalker(lines, SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push({ node, start: all.length });
      // The editor draws spaces as non-breaking spaces.
      all += (node.textContent ?? '').replace(/\u00a0/g, ' ');
    }
    const at = all.indexOf(wanted);
    if (at >= 0) {
      // No named functions in here: tsx would wrap them in a helper the page does not have.
      const points: { node: TextNode; offset: number }[] = [];
      for (const [offset, isEnd] of [
        [at, false],
        [at + wanted.length, true],
      ] as const) {
        const i = nodes.findIndex((n, k) => {
          const next = k + 1 < nodes.length ? nodes[k + 1].start : all.length;
          return isEnd ? offset > n.start && offset <= next : offset >= n.start && offset < next;
        });
        points.push({ node: nodes[i].node, offset: offset - nodes[i].start });
      }
      const [start, end] = points;
      const range = doc.createRange();
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset);
      const r = range.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }
    return undefined;
  }, text);
}

/** The decorated range drawn over `text`, found by overlap of the overlay with the text's box. */
export async function decorationOver(editor: Locator, text: string): Promise<Locator> {
  const target = await textBox(editor, text);
  if (!target) throw new Error(`"${text}" is not on screen in the editor`);
  const overlays = decorationOverlays(editor);
  const count = await overlays.count();
  for (let i = 0; i < count; i++) {
    const box = await overlays.nth(i).boundingBox();
    if (!box) continue;
    const overlapsX = box.x < target.x + target.width && target.x < box.x + box.width;
    const overlapsY = box.y < target.y + target.height && target.y < box.y + box.height;
    if (overlapsX && overlapsY) return overlays.nth(i);
  }
  throw new Error(`no decorated range over "${text}" (${count} decorated range(s) on screen)`);
}

/** Moves the mouse to the middle of a decorated range and returns the hover card's text. */
export async function hoverAndReadCard(page: Page, decorated: Locator, timeoutMs = 10_000): Promise<string> {
  const box = await decorated.boundingBox();
  if (!box) throw new Error('the decorated range is not visible');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
  const card = page.locator('.monaco-hover-content').first();
  await card.waitFor({ state: 'visible', timeout: timeoutMs });
  return card.innerText();
}

/** Opens a view container in the activity bar by its title and returns the sidebar. */
export async function openActivityBarView(page: Page, title: string): Promise<Locator> {
  const item = page.locator(`.activitybar [role="tab"][aria-label^="${title}"], .activitybar .action-label[aria-label^="${title}"]`).first();
  await item.click();
  const sidebar = page.locator('.part.sidebar');
  await sidebar.locator('.pane-header', { hasText: /./ }).first().waitFor();
  return sidebar;
}

/** The rows of one view (by its name) in the sidebar, once it has drawn at least one. */
export async function viewRows(sidebar: Locator, viewName: string, timeoutMs = 20_000): Promise<string[]> {
  const pane = sidebar.locator('.pane', { has: sidebar.page().locator('.pane-header', { hasText: viewName }) }).first();
  const header = pane.locator('.pane-header').first();
  if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
  const rows = pane.locator('.monaco-list-row');
  await rows.first().waitFor({ timeout: timeoutMs });
  return rows.allInnerTexts();
}

/** Opens the Problems panel (Ctrl+Shift+M) and returns the text of each marker row. */
export async function readProblems(page: Page, timeoutMs = 20_000): Promise<string[]> {
  await page.keyboard.press('Control+Shift+M');
  const panel = page.locator('.markers-panel');
  await panel.waitFor({ state: 'visible' });
  const rows = panel.locator('.monaco-list-row');
  try {
    await rows.first().waitFor({ timeout: timeoutMs });
  } catch {
    return [];
  }
  return rows.allInnerTexts();
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
