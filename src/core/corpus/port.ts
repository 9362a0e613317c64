/**
 * The workspace port: everything the corpus index asks of the world it runs in, and nothing more —
 * list documents, read, watch, settings, schedule, log. The extension implements it over
 * `vscode.workspace`, the CLI over Node's file system, unit tests in memory
 * (`createMemoryWorkspace`), as vscode-markdown-languageservice's `IWorkspace` is implemented once
 * per host. Resources are URI strings as the host writes them (`uri.toString()` in VS Code,
 * `file:` URIs in the CLI); a folder contains a resource when the resource starts with the folder's
 * URI and a slash.
 */
import type { Logger } from '../types';
import type { CorpusSettings } from './definition';
import type { Event, IDisposable } from './events';

/** A root of the corpus: a workspace folder, or a folder given to the CLI. */
export interface CorpusFolder {
  readonly uri: string;
  readonly name: string;
}

/** A document open in an editor: its text wins over what is on disk. */
export interface OpenDocument {
  readonly uri: string;
  readonly version: number;
  getText(): string;
  /** Unsaved edits (a deleted file with unsaved edits stays in the index). */
  readonly isDirty: boolean;
  readonly isUntitled: boolean;
  /** Whether its language is one the extension annotates (crime reports; plain text and Markdown when enabled). */
  readonly annotated: boolean;
}

export interface FileEvents {
  created?(uri: string): void;
  changed?(uri: string): void;
  deleted?(uri: string): void;
}

/** Which settings a change touched, for which resources. */
export interface SettingsChange {
  /** `key` is a corpus setting, or 'annotatedLanguages' for the plain-text and Markdown switch. */
  affects(key: keyof CorpusSettings | 'annotatedLanguages', resource?: string): boolean;
}

/** How the index gives its host's event loop a turn and waits. */
export interface Scheduler {
  /** One slice of work runs at most about this long before yielding. */
  readonly budgetMs: number;
  now(): number;
  yieldNow(): Promise<void>;
  /** Runs `fn` after `ms`; dispose to cancel. */
  setTimer(fn: () => void, ms: number): IDisposable;
}

/** The core Logger, plus telling the person once (a limit reached, a file that could not be used). */
export interface CorpusLogger extends Logger {
  /** Shows `message` to the user once per `key`, and logs it every time. */
  notifyOnce(key: string, message: string): void;
}

export interface WorkspacePort {
  folders(): readonly CorpusFolder[];
  readonly onDidChangeFolders: Event<void>;
  /** The corpus settings that apply to `resource` (a folder or a document); the window's when undefined. */
  settings(resource?: string): CorpusSettings;
  readonly onDidChangeSettings: Event<SettingsChange>;
  /** False in Restricted Mode: the index then reads no lexicon or reference table from the workspace. */
  isTrusted(): boolean;
  readonly onDidGrantTrust: Event<void>;

  /** Files of `folder` whose folder-relative path matches `include` and none of `exclude`, at most `max` (list documents). */
  findFiles(folder: CorpusFolder, include: string, exclude: string | undefined, max: number): Promise<readonly string[]>;
  /** Size in bytes, or undefined when there is no such file. */
  stat(uri: string): Promise<{ readonly size: number } | undefined>;
  readFile(uri: string): Promise<Uint8Array>;
  /** Reports files matching `glob` under `folder` as they are created, changed and deleted; a deleted folder is reported once, by its uri. */
  watch(folder: CorpusFolder, glob: string, events: FileEvents): IDisposable;

  /** The open document at `uri`, if any. */
  openDocument(uri: string): OpenDocument | undefined;
  /** Documents open in an editor tab, or unsaved: what a scan indexes besides the folders' files. */
  openDocuments(): readonly OpenDocument[];

  readonly schedule: Scheduler;
  readonly log: CorpusLogger;
  /** The uri of `relative` (forward slashes) inside `folder`, encoded as the host encodes uris. */
  joinPath(folder: CorpusFolder, relative: string): string;
  /** How a resource is named to a person: folder-relative, with the folder's name in a multi-root workspace. */
  displayPath(uri: string): string;
  /**
   * Shows progress of a long task (the host's status area); `report` takes a short message.
   * Optional: hosts without one pass the task through.
   */
  withProgress?<T>(title: string, task: (report: (message: string) => void) => Promise<T>): Promise<T>;
}

/** The folder of `folders` that holds `uri`: the innermost, as folders can nest in a multi-root workspace. */
export function folderOf(folders: readonly CorpusFolder[], uri: string): CorpusFolder | undefined {
  let best: CorpusFolder | undefined;
  for (const f of folders) {
    const prefix = f.uri.endsWith('/') ? f.uri : `${f.uri}/`;
    if (uri.startsWith(prefix) && (!best || f.uri.length > best.uri.length)) best = f;
  }
  return best;
}

/** `uri`'s path inside `folder`, decoded, with forward slashes (what globs are matched against). */
export function relativePathIn(folder: CorpusFolder, uri: string): string {
  const prefix = folder.uri.endsWith('/') ? folder.uri : `${folder.uri}/`;
  const rest = uri.startsWith(prefix) ? uri.slice(prefix.length) : uri;
  const path = rest.replace(/[?#].*$/, '');
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Joins a folder-relative path (forward slashes) onto a folder's uri, encoding each segment. */
export function joinUriPath(folder: CorpusFolder, relative: string): string {
  const base = folder.uri.endsWith('/') ? folder.uri.slice(0, -1) : folder.uri;
  const segments = relative
    .replace(/\\/g, '/')
    .split('/')
    .filter((s) => s.length > 0 && s !== '.');
  return [base, ...segments.map((s) => encodeURIComponent(s))].join('/');
}
