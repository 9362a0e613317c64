// Shared by the review suites: the extension's review api, a release written into the test
// workspace (our own words), the annotations file read back, and a reset between tests.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CrimeAnnotatorApi } from '../../../src/extension/extension.shared';
import type { ReviewTestApi } from '../../../src/extension/features/review';
import { pathOfIri } from '../../../src/core/review';
import { EXTENSION_ID, revertAndCloseAllEditors, waitFor } from './editorCore.helpers';

export { waitFor };

export const release = [
  'Northshire Police made 41 arrests during the week of action.',
  '',
  'Officers seized £18,250 in cash and 2.4kg of suspected Class A drugs.',
  '',
  'The Eastmoor Youth Trust supported 12 young people referred by officers.',
  '',
].join('\n');

export async function reviewApi(): Promise<{ api: CrimeAnnotatorApi; review: ReviewTestApi }> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed`);
  const api = (await extension.activate()) as CrimeAnnotatorApi;
  assert.ok(api?.review, 'activate() returns the review api');
  await api.index.ready;
  await api.review.settled();
  return { api, review: api.review };
}

let written = 0;

export function folder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the integration workspace should have a folder open');
  return f.uri;
}

/** A fresh folder per test so watcher events of an earlier test cannot touch this one's file. */
export async function writeRelease(text = release, name = 'release.crime.txt'): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(folder(), 'review-tests', String(++written), name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
}

export function spanOf(doc: vscode.TextDocument, quote: string, nth = 0): { start: number; end: number } {
  const text = doc.getText();
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(quote, at + 1);
  assert.ok(at >= 0, `"${quote}" not in ${doc.uri.path}`);
  return { start: at, end: at + quote.length };
}

export function target(doc: vscode.TextDocument, quote: string, nth = 0) {
  return { uri: doc.uri.toString(), ...spanOf(doc, quote, nth) };
}

export async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

export interface W3CItem {
  id: string;
  type: string;
  motivation: string;
  creator: { type: string; name: string };
  created: string;
  modified: string;
  body: {
    type: string;
    purpose: string;
    value: string;
    reviewState: string;
    evidence?: { kind: string; value: string };
    reason?: string;
    text?: string;
    kind?: string;
  };
  target: { source: string; selector: [{ type: string; exact: string; prefix: string; suffix: string }, { type: string; start: number; end: number }] };
}

/** The workspace-relative path an item's `target.source` IRI names. */
export function documentOf(item: W3CItem): string | undefined {
  return pathOfIri(item.target.source);
}

export async function fileItems(review: ReviewTestApi): Promise<W3CItem[]> {
  await review.settled();
  const text = await readText(review.fileUri!);
  return text ? ((JSON.parse(text).items ?? []) as W3CItem[]) : [];
}

/** Deletes the annotations file and has the store read it again (watcher events can lag under load). */
export async function resetMarks(review: ReviewTestApi): Promise<void> {
  await review.settled();
  await vscode.workspace.fs.delete(review.fileUri!).then(undefined, () => undefined);
  await review.reload();
  assert.equal(review.marks().length, 0, 'no marks once the file is gone');
  assert.equal(review.problem, undefined);
}

/**
 * The hooks every review suite shares: the api and an empty annotations file before the suite, a
 * cleanup after each test, and the suite's releases removed at the end. Call inside `describe`.
 */
export function reviewHooks(onApi: (apis: { api: CrimeAnnotatorApi; review: ReviewTestApi }) => void): void {
  let review: ReviewTestApi | undefined;
  before(async () => {
    const apis = await reviewApi();
    review = apis.review;
    onApi(apis);
    await resetMarks(review);
  });
  afterEach(() => cleanup(review!));
  after(() => removeReleases());
}

export async function cleanup(review: ReviewTestApi): Promise<void> {
  await revertAndCloseAllEditors();
  await resetMarks(review);
}

/** Removes every release the review suites wrote, so other suites' workspace counts never see them. */
export async function removeReleases(): Promise<void> {
  await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder(), 'review-tests'), { recursive: true }).then(undefined, () => undefined);
}

export function placedText(review: ReviewTestApi, doc: vscode.TextDocument): { quote: string; found: string | undefined }[] {
  return review.placementsFor(doc.uri).map((p) => ({ quote: p.mark.anchor.exact, found: p.span ? doc.getText().slice(p.span.start, p.span.end) : undefined }));
}
