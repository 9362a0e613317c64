/**
 * Which files make a corpus: one definition for the extension's workspace index and the CLI, so a
 * folder checked on the command line and the same folder opened in VS Code hold the same documents
 * and reference tables. Paths are relative to a corpus root (a workspace folder, or a folder given to
 * the CLI), with forward slashes.
 */
import { globToRegExp } from './glob';

/** The settings that decide what a folder's corpus holds (`crimeAnnotator.workspace.*`, `analysis.maxFileSize`). */
export interface CorpusSettings {
  /** Glob of the documents analysed. */
  readonly include: string;
  /** Globs of files never analysed (nor read as reference tables). */
  readonly exclude: readonly string[];
  /** Glob of reference tables of authoritative figures. */
  readonly referenceFiles: string;
  /** At most this many documents per folder. */
  readonly maxFiles: number;
  /** Documents larger than this many bytes are skipped, with the reason. */
  readonly maxFileSize: number;
  /** Folder-relative path of the folder's lexicon extension (empty: none). */
  readonly lexiconFile: string;
}

/** The defaults, as package.json's `contributes.configuration` states them (a unit test compares the two). */
export const defaultCorpusSettings: CorpusSettings = Object.freeze({
  include: '**/*.{crime,txt,md}',
  exclude: Object.freeze(['**/node_modules/**', '**/.git/**', '**/dist/**', '**/out/**', '**/README.md', '**/CHANGELOG.md']),
  referenceFiles: '**/*.reference.{csv,json}',
  maxFiles: 5000,
  maxFileSize: 5 * 1024 * 1024,
  lexiconFile: '.crime-annotator/lexicon.json',
});

export type CorpusRole = 'document' | 'reference';

/** Compiled globs of one settings object; build once per settings change, test many paths. */
export class CorpusDefinition {
  private readonly include: RegExp;
  private readonly exclude: readonly RegExp[];
  private readonly references: RegExp | undefined;

  constructor(readonly settings: CorpusSettings) {
    this.include = globToRegExp(settings.include || defaultCorpusSettings.include);
    this.exclude = settings.exclude.map((g) => globToRegExp(g));
    this.references = settings.referenceFiles ? globToRegExp(settings.referenceFiles) : undefined;
  }

  /**
   * What the file at `relativePath` is to the corpus. A reference table is never also a document
   * (a `.reference.csv` next to releases is data, whatever the include glob says); hidden folders
   * (`.git`, `.crime-annotator`) hold neither.
   */
  roleOf(relativePath: string): CorpusRole | undefined {
    const p = relativePath.replace(/\\/g, '/').replace(/^\.\//, '');
    if (isExcluded(p, this.exclude) || /(^|\/)\.[^/]+\//.test(p)) return undefined;
    if (this.references?.test(p)) return 'reference';
    return this.include.test(p) ? 'document' : undefined;
  }

  /** Whether a folder can hold corpus files at all (a walk skips the rest). */
  walksInto(relativeFolder: string): boolean {
    const p = relativeFolder.replace(/\\/g, '/').replace(/\/$/, '');
    const name = p.slice(p.lastIndexOf('/') + 1);
    if (name.startsWith('.')) return false;
    return !isExcluded(`${p}/`, this.exclude);
  }

  /** `exclude` as one brace glob, the form `findFiles` takes. */
  excludeGlob(): string | undefined {
    const { exclude } = this.settings;
    return exclude.length === 0 ? undefined : exclude.length === 1 ? exclude[0] : `{${exclude.join(',')}}`;
  }
}

function isExcluded(p: string, exclude: readonly RegExp[]): boolean {
  return exclude.some((re) => re.test(p));
}

/**
 * Files whose presence says a folder is a crime-reporting workspace, so scanning it is wanted
 * (two-step activation: other folders are scanned only when the user asks). The Crime Report
 * language's own extensions, and the folder of the extension's side files.
 */
export const crimeReportMarkers: readonly string[] = Object.freeze([
  '**/*.crime',
  '**/*.crime.txt',
  '**/*.crime.md',
  '**/*.release.txt',
  '.crime-annotator/*',
  '**/.crime-annotator/*',
]);

/** Reads settings that may come from a user's file: anything of the wrong type falls back to the default. */
export function sanitiseCorpusSettings(raw: Partial<Record<keyof CorpusSettings, unknown>>): CorpusSettings {
  const d = defaultCorpusSettings;
  const str = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback);
  const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : fallback);
  return {
    include: str(raw.include, d.include) || d.include,
    exclude: Array.isArray(raw.exclude) ? raw.exclude.filter((g): g is string => typeof g === 'string' && g.length > 0) : d.exclude,
    referenceFiles: str(raw.referenceFiles, d.referenceFiles),
    maxFiles: Math.floor(num(raw.maxFiles, d.maxFiles)),
    maxFileSize: num(raw.maxFileSize, d.maxFileSize),
    lexiconFile: str(raw.lexiconFile, d.lexiconFile),
  };
}
