/**
 * A workspace held in memory, for unit tests of the corpus index (and anyone embedding the core
 * without a file system): folders of files as strings, open documents, settings per folder, and
 * watchers that fire as files are written. Time is real but the timers can be run at once with
 * `flushTimers()`, so tests need not wait for the record's typing pause.
 */
import { sanitiseCorpusSettings, type CorpusSettings } from './definition';
import { Emitter, type IDisposable } from './events';
import { globToRegExp } from './glob';
import {
  folderOf,
  joinUriPath,
  relativePathIn,
  type CorpusFolder,
  type CorpusLogger,
  type FileEvents,
  type OpenDocument,
  type Scheduler,
  type SettingsChange,
  type WorkspacePort,
} from './port';

export interface MemoryWorkspace extends WorkspacePort {
  /** Writes a file (creating or changing it) and tells the watchers. */
  writeFile(uri: string, text: string): void;
  deleteFile(uri: string): void;
  /** Deletes every file under a folder uri, reported as one folder deletion as a real watcher does. */
  deleteFolder(uri: string): void;
  addFolder(folder: CorpusFolder): void;
  removeFolder(uri: string): void;
  /** Changes settings of one folder (or all when `folder` is undefined) and fires the change. */
  setSettings(changes: Partial<CorpusSettings> & { annotatedLanguages?: boolean }, folder?: string): void;
  setTrusted(trusted: boolean): void;
  open(
    uri: string,
    text: string,
    options?: { readonly annotated?: boolean; readonly dirty?: boolean },
  ): OpenDocument & { edit(text: string): void; close(): void };
  /** Runs every pending timer now. */
  flushTimers(): void;
  readonly messages: { readonly level: 'debug' | 'info' | 'warn' | 'error' | 'notify'; readonly message: string }[];
  /** How many watchers are live, by glob (tests see them rebuilt). */
  watchers(): readonly string[];
}

export function createMemoryWorkspace(
  initial: { readonly folders?: readonly CorpusFolder[]; readonly files?: Record<string, string>; readonly settings?: Partial<CorpusSettings> } = {},
): MemoryWorkspace {
  const files = new Map<string, Uint8Array>(Object.entries(initial.files ?? {}).map(([k, v]) => [k, encode(v)]));
  const folders: CorpusFolder[] = [...(initial.folders ?? [])];
  const settingsByFolder = new Map<string | undefined, Partial<CorpusSettings>>([[undefined, initial.settings ?? {}]]);
  let annotatedLanguages = true;
  let trusted = true;
  const docs = new Map<string, { uri: string; version: number; text: string; isDirty: boolean; annotated: boolean }>();
  const watchers = new Set<{ folder: CorpusFolder; glob: string; re: RegExp; events: FileEvents }>();
  const timers = new Map<number, () => void>();
  let timerId = 0;
  const foldersChanged = new Emitter<void>();
  const settingsChanged = new Emitter<SettingsChange>();
  const trustGranted = new Emitter<void>();
  const messages: { level: 'debug' | 'info' | 'warn' | 'error' | 'notify'; message: string }[] = [];
  const notified = new Set<string>();

  const notify = (uri: string, kind: keyof FileEvents) => {
    for (const w of [...watchers]) {
      if (!uri.startsWith(`${w.folder.uri}/`)) continue;
      if (w.re.test(relativePathIn(w.folder, uri))) w.events[kind]?.(uri);
    }
  };

  const log: CorpusLogger = {
    debug: (m) => messages.push({ level: 'debug', message: m }),
    info: (m) => messages.push({ level: 'info', message: m }),
    warn: (m) => messages.push({ level: 'warn', message: m }),
    error: (m, e) => messages.push({ level: 'error', message: e ? `${m}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}` : m }),
    notifyOnce: (key, m) => {
      messages.push({ level: 'warn', message: m });
      if (!notified.has(key)) {
        notified.add(key);
        messages.push({ level: 'notify', message: m });
      }
    },
  };

  const schedule: Scheduler = {
    budgetMs: 40,
    now: () => performance.now(),
    yieldNow: () => Promise.resolve(),
    setTimer(fn, ms) {
      const id = ++timerId;
      timers.set(id, fn);
      const handle = setTimeout(() => timers.delete(id) && fn(), ms);
      return {
        dispose: () => {
          clearTimeout(handle);
          timers.delete(id);
        },
      };
    },
  };

  const ws: MemoryWorkspace = {
    folders: () => folders,
    onDidChangeFolders: foldersChanged.event,
    settings(resource) {
      const folder = resource === undefined ? undefined : (folderOf(folders, resource) ?? folders.find((f) => f.uri === resource));
      return sanitiseCorpusSettings({ ...settingsByFolder.get(undefined), ...(folder ? settingsByFolder.get(folder.uri) : {}) });
    },
    onDidChangeSettings: settingsChanged.event,
    isTrusted: () => trusted,
    onDidGrantTrust: trustGranted.event,
    async findFiles(folder, include, exclude, max) {
      const inc = globToRegExp(include);
      const exc = exclude ? globToRegExp(exclude) : undefined;
      const out: string[] = [];
      for (const uri of [...files.keys()].sort()) {
        if (!uri.startsWith(`${folder.uri}/`)) continue;
        const rel = relativePathIn(folder, uri);
        if (inc.test(rel) && !exc?.test(rel)) out.push(uri);
        if (out.length >= max) break;
      }
      return out;
    },
    async stat(uri) {
      const f = files.get(uri);
      return f ? { size: f.length } : undefined;
    },
    async readFile(uri) {
      const f = files.get(uri);
      if (!f) throw new Error(`no such file: ${uri}`);
      return f;
    },
    watch(folder, glob, events): IDisposable {
      const w = { folder, glob, re: globToRegExp(glob), events };
      watchers.add(w);
      return { dispose: () => watchers.delete(w) };
    },
    openDocument(uri) {
      const d = docs.get(uri);
      return d && view(d);
    },
    openDocuments: () => [...docs.values()].map(view),
    schedule,
    log,
    joinPath: (folder, relative) => joinUriPath(folder, relative),
    displayPath(uri) {
      const f = folderOf(folders, uri);
      if (!f) return uri;
      return folders.length > 1 ? `${f.name}/${relativePathIn(f, uri)}` : relativePathIn(f, uri);
    },

    writeFile(uri, text) {
      const existed = files.has(uri);
      files.set(uri, encode(text));
      notify(uri, existed ? 'changed' : 'created');
    },
    deleteFile(uri) {
      if (files.delete(uri)) notify(uri, 'deleted');
    },
    deleteFolder(uri) {
      for (const k of [...files.keys()]) if (k.startsWith(`${uri}/`)) files.delete(k);
      for (const w of [...watchers]) if (uri.startsWith(`${w.folder.uri}/`) && w.glob === '**/*') w.events.deleted?.(uri);
    },
    addFolder(folder) {
      folders.push(folder);
      foldersChanged.fire();
    },
    removeFolder(uri) {
      const i = folders.findIndex((f) => f.uri === uri);
      if (i >= 0) folders.splice(i, 1);
      foldersChanged.fire();
    },
    setSettings(changes, folder) {
      const { annotatedLanguages: langs, ...rest } = changes;
      if (langs !== undefined) annotatedLanguages = langs;
      for (const d of docs.values()) d.annotated = d.annotated && annotatedLanguages;
      settingsByFolder.set(folder, { ...settingsByFolder.get(folder), ...rest });
      const keys = new Set(Object.keys(changes));
      settingsChanged.fire({
        affects: (key, resource) =>
          keys.has(key) && (folder === undefined || resource === undefined || resource === folder || resource.startsWith(`${folder}/`)),
      });
    },
    setTrusted(value) {
      trusted = value;
      if (value) trustGranted.fire();
    },
    open(uri, text, options = {}) {
      const d = { uri, version: 1, text, isDirty: !!options.dirty, annotated: options.annotated ?? true };
      docs.set(uri, d);
      return Object.assign(view(d), {
        edit(next: string) {
          d.text = next;
          d.version++;
          d.isDirty = true;
        },
        close() {
          docs.delete(uri);
        },
      });
    },
    flushTimers() {
      for (const [id, fn] of [...timers]) {
        timers.delete(id);
        fn();
      }
    },
    messages,
    watchers: () => [...watchers].map((w) => w.glob),
  };
  return ws;
}

function view(d: { uri: string; version: number; text: string; isDirty: boolean; annotated: boolean }): OpenDocument {
  return {
    uri: d.uri,
    get version() {
      return d.version;
    },
    getText: () => d.text,
    get isDirty() {
      return d.isDirty;
    },
    isUntitled: false,
    get annotated() {
      return d.annotated;
    },
  };
}

function encode(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
