/**
 * The corpus index's workspace port over `vscode.workspace`: folders, per-resource settings, trust,
 * findFiles, file watchers, open documents and the window's progress. Thin on purpose: every decision
 * about what to index and when is the core index's. Works in the web extension host too (files are
 * read through `vscode.workspace.fs`).
 */
import * as vscode from 'vscode';
import type { CorpusFolder, CorpusSettings, OpenDocument, SettingsChange, WorkspacePort } from '../../core/corpus';
import { configSection, readConfig, schemaOf } from './settings';
import type { ExtensionLogger } from './types';
import { isAnnotatedLanguage } from '../util/documents';
import { hostSliceBudgetMs } from '../util/slices';

/** Which setting under `crimeAnnotator.` holds each corpus setting. */
const settingKeys: Record<keyof CorpusSettings, string> = {
  include: 'workspace.include',
  exclude: 'workspace.exclude',
  referenceFiles: 'workspace.referenceFiles',
  maxFiles: 'workspace.maxFiles',
  maxFileSize: 'analysis.maxFileSize',
  lexiconFile: 'workspace.lexiconFile',
};

const toFolder = (f: vscode.WorkspaceFolder): CorpusFolder => ({ uri: f.uri.toString(), name: f.name });

export function createVsCodeWorkspace(log: ExtensionLogger): WorkspacePort & vscode.Disposable {
  const uris = new Map<string, vscode.Uri>();
  /** Parses once per string: the index passes the same strings back many times. */
  const uriOf = (s: string): vscode.Uri => {
    let u = uris.get(s);
    if (!u) {
      u = vscode.Uri.parse(s, true);
      if (uris.size > 50_000) uris.clear();
      uris.set(s, u);
    }
    return u;
  };
  const annotatedIn = (doc: vscode.TextDocument) =>
    isAnnotatedLanguage(doc.languageId, vscode.workspace.getConfiguration(configSection, doc.uri).get('decoratePlainTextAndMarkdown', true));
  const view = (doc: vscode.TextDocument): OpenDocument => ({
    uri: doc.uri.toString(),
    get version() {
      return doc.version;
    },
    getText: () => doc.getText(),
    get isDirty() {
      return doc.isDirty;
    },
    isUntitled: doc.isUntitled,
    get annotated() {
      return !doc.isClosed && annotatedIn(doc);
    },
  });
  const event =
    <T>(source: vscode.Event<T>) =>
    (listener: (e: T) => void) =>
      source(listener);

  const port: WorkspacePort & vscode.Disposable = {
    folders: () => (vscode.workspace.workspaceFolders ?? []).map(toFolder),
    onDidChangeFolders: (listener) => vscode.workspace.onDidChangeWorkspaceFolders(() => listener()),
    settings(resource) {
      // Read per folder (the corpus settings are resource-scoped), with package.json's defaults and checks.
      const section = vscode.workspace.getConfiguration(configSection, resource ? uriOf(resource) : undefined);
      const { workspace, analysis } = readConfig(
        (key) => section.get(key),
        ({ key, value, reason }) =>
          log.warnOnce(
            `setting:${key}:${JSON.stringify(value)}`,
            `The setting ${configSection}.${key} is ${JSON.stringify(value)}, ${reason}; the default ${JSON.stringify(schemaOf(key).default)} is used instead.`,
          ),
      );
      return { ...workspace, maxFileSize: analysis.maxFileSize };
    },
    onDidChangeSettings: (listener) =>
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration(configSection)) return;
        const change: SettingsChange = {
          affects: (key, resource) => {
            const setting = key === 'annotatedLanguages' ? 'decoratePlainTextAndMarkdown' : settingKeys[key];
            return e.affectsConfiguration(`${configSection}.${setting}`, resource ? uriOf(resource) : undefined);
          },
        };
        listener(change);
      }),
    isTrusted: () => vscode.workspace.isTrusted,
    onDidGrantTrust: event(vscode.workspace.onDidGrantWorkspaceTrust),
    async findFiles(folder, include, exclude, max) {
      const base = uriOf(folder.uri);
      const found = await vscode.workspace.findFiles(
        new vscode.RelativePattern(base, include),
        exclude ? new vscode.RelativePattern(base, exclude) : undefined,
        max,
      );
      return found.map((u) => {
        const s = u.toString();
        uris.set(s, u);
        return s;
      });
    },
    async stat(uri) {
      try {
        const s = await vscode.workspace.fs.stat(uriOf(uri));
        return s.type & vscode.FileType.Directory ? undefined : { size: s.size };
      } catch {
        return undefined;
      }
    },
    readFile: async (uri) => vscode.workspace.fs.readFile(uriOf(uri)),
    watch(folder, glob, events) {
      const w = vscode.workspace.createFileSystemWatcher(
        new vscode.RelativePattern(uriOf(folder.uri), glob),
        !events.created,
        !events.changed,
        !events.deleted,
      );
      const on = (fire: ((uri: string) => void) | undefined) => (u: vscode.Uri) => {
        const s = u.toString();
        uris.set(s, u);
        fire?.(s);
      };
      const subscriptions = [w, w.onDidCreate(on(events.created)), w.onDidChange(on(events.changed)), w.onDidDelete(on(events.deleted))];
      return vscode.Disposable.from(...subscriptions);
    },
    openDocument(uri) {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
      return doc && !doc.isClosed ? view(doc) : undefined;
    },
    openDocuments() {
      // Documents in a tab (or unsaved): VS Code keeps others alive for a while after their editor closed.
      const inTabs = new Set(
        vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => (t.input instanceof vscode.TabInputText ? t.input.uri.toString() : '')),
      );
      return vscode.workspace.textDocuments.filter((d) => d.isUntitled || d.isDirty || inTabs.has(d.uri.toString())).map(view);
    },
    schedule: {
      budgetMs: hostSliceBudgetMs,
      now: () => Date.now(),
      yieldNow: () => new Promise((resolve) => setTimeout(resolve, 0)),
      setTimer(fn, ms) {
        const t = setTimeout(fn, ms);
        return { dispose: () => clearTimeout(t) };
      },
    },
    log: { debug: log.debug, info: log.info, warn: log.warn, error: log.error, notifyOnce: (key, message) => log.warnOnce(key, message) },
    joinPath: (folder, relative) => vscode.Uri.joinPath(uriOf(folder.uri), ...relative.split('/').filter(Boolean)).toString(),
    displayPath: (uri) => vscode.workspace.asRelativePath(uriOf(uri)),
    withProgress: (title, task) =>
      Promise.resolve(
        vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title }, (progress) => task((message) => progress.report({ message }))),
      ),
    dispose: () => uris.clear(),
  };
  return port;
}

/** Turns a port uri string back into the vscode.Uri it came from. */
export function parseUri(uri: string): vscode.Uri {
  return vscode.Uri.parse(uri, true);
}
