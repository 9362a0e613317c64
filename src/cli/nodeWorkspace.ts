/**
 * The corpus index's workspace port over Node's file system, for the CLI. Each folder given on the
 * command line is a corpus folder (with the same include, exclude and reference-table globs as a
 * workspace folder in VS Code); files given by name are analysed whatever their extension, as a
 * command line is expected to do. Resources are the paths as given (joined with the folder), so
 * every report names files the way the user typed them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CorpusDefinition,
  defaultCorpusSettings,
  globToRegExp,
  relativePathIn,
  type CorpusFolder,
  type CorpusLogger,
  type CorpusSettings,
  type WorkspacePort,
} from '../core/corpus';
import { InputError } from './files';

export interface NodeWorkspaceOptions {
  /** A lexicon file that replaces every folder's own (`--lexicon`). */
  readonly lexiconFile?: string;
  /** Over this many bytes a document is refused up front, with the limit named (`--max-file-size`). */
  readonly maxFileSize?: number;
  readonly log: CorpusLogger;
}

/** Stands for "the lexicon given with --lexicon" in a folder's settings; `joinPath` resolves it. */
const explicitLexicon = '\u0000--lexicon';

export function createNodeWorkspace(
  inputs: readonly string[],
  options: NodeWorkspaceOptions,
): WorkspacePort & { readonly order: (a: string, b: string) => number } {
  const folders: CorpusFolder[] = [];
  /** Files named on the command line, grouped by their folder: each group is a folder whose include names exactly them. */
  const named = new Map<string, { documents: string[]; references: string[] }>();
  const inputOrder = new Map<string, number>();
  const baseSettings: CorpusSettings = {
    ...defaultCorpusSettings,
    maxFiles: Number.MAX_SAFE_INTEGER,
    maxFileSize: options.maxFileSize ?? defaultCorpusSettings.maxFileSize,
    lexiconFile: options.lexiconFile ? explicitLexicon : defaultCorpusSettings.lexiconFile,
  };
  const probe = new CorpusDefinition(baseSettings);
  inputs.forEach((input, i) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch (e) {
      throw new InputError(`cannot read ${input}: ${describeFsError(e)}`);
    }
    if (stat.isDirectory()) {
      const uri = input.replace(/[\\/]+$/, '') || input;
      if (!folders.some((f) => f.uri === uri)) folders.push({ uri, name: path.basename(path.resolve(uri)) });
      inputOrder.set(uri, i);
      return;
    }
    const dir = path.dirname(input);
    const group = named.get(dir) ?? named.set(dir, { documents: [], references: [] }).get(dir)!;
    (probe.roleOf(path.basename(input)) === 'reference' ? group.references : group.documents).push(path.basename(input));
    inputOrder.set(input, i);
  });
  const namedFolders = new Map<string, CorpusFolder>();
  for (const dir of named.keys()) {
    const f = { uri: `${dir}${path.sep}\u0000named`, name: path.basename(path.resolve(dir)) };
    namedFolders.set(f.uri, f);
  }
  const brace = (names: readonly string[]) => (names.length === 0 ? '' : names.length === 1 ? escapeGlob(names[0]) : `{${names.map(escapeGlob).join(',')}}`);
  const settingsOf = (folder: CorpusFolder | undefined): CorpusSettings => {
    const group = folder && namedFolders.has(folder.uri) ? named.get(path.dirname(folder.uri)) : undefined;
    if (!group) return baseSettings;
    // Named files are analysed whatever their extension, READMEs included.
    return { ...baseSettings, include: brace(group.documents) || '\u0000none', exclude: [], referenceFiles: brace(group.references) };
  };
  const realPath = (uri: string) => uri.replace(`${path.sep}\u0000named`, '');
  const noop = { dispose() {} };
  const never = () => noop;

  return {
    folders: () => [...folders, ...namedFolders.values()],
    onDidChangeFolders: never,
    settings(resource) {
      const folder =
        resource === undefined
          ? undefined
          : [...namedFolders.values(), ...folders].find(
              (f) => f.uri === resource || resource.startsWith(`${f.uri}${path.sep}`) || resource.startsWith(`${f.uri}/`),
            );
      return settingsOf(folder);
    },
    onDidChangeSettings: never,
    isTrusted: () => true,
    onDidGrantTrust: never,
    async findFiles(folder, include, exclude, max) {
      if (namedFolders.has(folder.uri)) {
        const dir = path.dirname(folder.uri);
        const re = globToRegExp(include);
        const group = named.get(dir)!;
        return [...group.documents, ...group.references]
          .filter((n) => re.test(n))
          .map((n) => `${folder.uri}${path.sep}${n}`)
          .slice(0, max);
      }
      return walk(folder.uri, new CorpusDefinition({ ...settingsOf(folder), include, exclude: exclude ? [exclude] : [] }), max);
    },
    // Synchronous on purpose: for the CLI's many small files it is several times faster than fs.promises,
    // and the main thread has nothing else to do meanwhile (analysis runs in the workers).
    async stat(uri) {
      try {
        const s = fs.statSync(realPath(uri));
        return s.isFile() ? { size: s.size } : undefined;
      } catch {
        return undefined;
      }
    },
    async readFile(uri) {
      try {
        return fs.readFileSync(realPath(uri));
      } catch (e) {
        throw new InputError(`cannot read ${realPath(uri)}: ${describeFsError(e)}`);
      }
    },
    watch: never,
    openDocument: () => undefined,
    openDocuments: () => [],
    schedule: {
      budgetMs: 1_000,
      now: () => performance.now(),
      yieldNow: () => new Promise((resolve) => setImmediate(resolve)),
      setTimer(fn, ms) {
        const t = setTimeout(fn, ms);
        return { dispose: () => clearTimeout(t) };
      },
    },
    log: options.log,
    joinPath: (folder, relative) => (relative === explicitLexicon ? options.lexiconFile! : path.join(realPath(folder.uri), relative)),
    displayPath: (uri) => realPath(uri),
    /** Sorts resources as the command line gave them: by input, then by path within a folder. */
    order(a, b) {
      return rank(a) - rank(b) || realPath(a).localeCompare(realPath(b));
    },
  };

  function rank(uri: string): number {
    const real = realPath(uri);
    let best = Number.MAX_SAFE_INTEGER;
    for (const [input, i] of inputOrder) if (real === input || real.startsWith(`${input}${path.sep}`) || real.startsWith(`${input}/`)) best = Math.min(best, i);
    return best;
  }
}

/** The files under `root` the definition makes documents or reference tables, sorted, at most `max`. */
function walk(root: string, definition: CorpusDefinition, max: number): string[] {
  const out: string[] = [];
  const folder = { uri: root, name: '' };
  const visit = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      throw new InputError(`cannot read folder ${dir}: ${describeFsError(e)}`);
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (out.length >= max) return;
      const full = path.join(dir, entry.name);
      const rel = relativePathIn(folder, full.split(path.sep).join('/'));
      if (entry.isDirectory()) {
        if (definition.walksInto(rel)) visit(full);
      } else if (definition.roleOf(rel) !== undefined) out.push(full);
    }
  };
  visit(root);
  return out;
}

function escapeGlob(name: string): string {
  return name.replace(/[*?{}[\],\\]/g, (c) => `[${c}]`);
}

export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}
