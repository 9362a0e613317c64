// Shared by views.test.ts and commands.test.ts: the extension's api, and expectations computed with
// the core directly so the views and commands are checked against something they did not produce.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { analyze, type AnnotationKind, type DocumentAnalysis } from '../../../src/core';
import type { ViewsApi } from '../../../src/extension/features/views';
import type { IndexedDocument, WorkspaceIndex } from '../../../src/extension/services/types';
import { revertAndCloseAllEditors } from './editorCore.helpers';

export const EXTENSION_ID = 'crime-annotator.crime-annotator';

export interface CrimeAnnotatorApi {
  readonly views: ViewsApi;
  readonly index: WorkspaceIndex;
}

/** Activates the extension and waits for the first workspace scan. */
export async function activateApi(): Promise<CrimeAnnotatorApi> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed`);
  const exports = (await extension.activate()) as { views?: ViewsApi; index?: WorkspaceIndex; services?: { index?: WorkspaceIndex } } | undefined;
  const views = exports?.views;
  const index = exports?.index ?? exports?.services?.index;
  assert.ok(views, 'activate() must return an api with `views` (what registerViews returns)');
  assert.ok(index, 'activate() must return an api with `index` (the WorkspaceIndex)');
  await index.ready;
  return { views, index };
}

export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration workspace should have a folder open');
  return folder.uri;
}

export type KindCounts = Partial<Record<AnnotationKind, number>>;

export function countByKind(analyses: readonly DocumentAnalysis[]): KindCounts {
  const counts: KindCounts = {};
  for (const a of analyses) for (const x of a.annotations) counts[x.kind] = (counts[x.kind] ?? 0) + 1;
  return counts;
}

/** What the core says about the documents, analysed afresh from the text the index holds. */
export function expectedCounts(docs: readonly IndexedDocument[]): KindCounts {
  return countByKind(docs.map((d) => analyze(d.text)));
}

export function sampleDocuments(index: WorkspaceIndex): IndexedDocument[] {
  return index
    .documents()
    .filter((d) => d.uri.path.endsWith('.crime.txt'))
    .sort((a, b) => a.uri.path.localeCompare(b.uri.path));
}

export async function setScope(scope: 'file' | 'openEditors' | 'workspace'): Promise<void> {
  const result = await vscode.commands.executeCommand('crimeAnnotator.setTallyScope', scope);
  assert.equal(result, scope);
}

export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Waits for one step of a hook, failing with the step's name after `ms` instead of leaving mocha to
 * report a hook timeout that does not say which of its awaits never settled.
 */
export async function withinTime<T>(step: string, pending: Thenable<T>, ms = 15_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${step} did not finish within ${ms} ms`)), ms)));
  try {
    return await Promise.race([Promise.resolve(pending), expired]);
  } finally {
    clearTimeout(timer);
  }
}

export async function closeAllEditors(): Promise<void> {
  await revertAndCloseAllEditors();
}

/**
 * Answers a command's quick pick or input box the way a person pressing Enter (or Escape) would.
 * The workbench says nothing when the picker opens, so the key is pressed until the command settles.
 */
export async function acceptQuickInput<T>(pending: Thenable<T>, how: 'accept' | 'dismiss' = 'accept', timeoutMs = 8000): Promise<T> {
  const key = how === 'accept' ? 'workbench.action.acceptSelectedQuickOpenItem' : 'workbench.action.closeQuickOpen';
  let settled = false;
  const result = Promise.resolve(pending).finally(() => (settled = true));
  const deadline = Date.now() + timeoutMs;
  while (!settled) {
    if (Date.now() > deadline) {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      throw new Error(`the command did not settle within ${timeoutMs} ms of its quick input being answered`);
    }
    await new Promise((r) => setTimeout(r, 250));
    if (!settled) await vscode.commands.executeCommand(key);
  }
  return result;
}
