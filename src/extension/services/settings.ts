/**
 * The settings: their typed shape, and their schema as package.json contributes it, the one place
 * their defaults, types and ranges live. Every read goes through `readConfig`, so a default changed
 * in the manifest (what the Settings editor shows) is the default the code uses, and a value of the
 * wrong type in someone's settings.json falls back to it with a message instead of reaching the
 * features. No `vscode` import: unit tests read settings through it too.
 */
import { contributes } from '../../../package.json';

export const configSection = 'crimeAnnotator';

export interface SettingSchema {
  readonly type: 'boolean' | 'number' | 'string' | 'array';
  readonly default: unknown;
  readonly scope: string;
  readonly enum?: readonly unknown[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly items?: { readonly type: string };
}

/** Every contributed setting by its key under `crimeAnnotator.` ("analysis.delay"). */
export const settingSchemas: ReadonlyMap<string, SettingSchema> = new Map(
  (contributes.configuration as readonly { properties: Record<string, unknown> }[]).flatMap((section) =>
    Object.entries(section.properties).map(([key, schema]) => [key.slice(configSection.length + 1), schema as SettingSchema] as const),
  ),
);

export function schemaOf(key: string): SettingSchema {
  const schema = settingSchemas.get(key);
  if (!schema) throw new Error(`crimeAnnotator.${key} is not a contributed setting (package.json contributes.configuration)`);
  return schema;
}

/** Why `value` is not a valid value of `key`, or undefined when it is. */
export function invalidReason(key: string, value: unknown): string | undefined {
  const s = schemaOf(key);
  switch (s.type) {
    case 'array':
      if (!Array.isArray(value)) return 'expected a list';
      if (s.items?.type === 'string' && !value.every((v) => typeof v === 'string')) return 'expected a list of strings';
      return undefined;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'expected a number';
      if (s.minimum !== undefined && value < s.minimum) return `below the minimum of ${s.minimum}`;
      if (s.maximum !== undefined && value > s.maximum) return `above the maximum of ${s.maximum}`;
      return undefined;
    default:
      if (typeof value !== s.type) return `expected a ${s.type}`;
      if (s.enum && !s.enum.includes(value)) return `expected one of ${s.enum.map((v) => JSON.stringify(v)).join(', ')}`;
      return undefined;
  }
}

export type AnalysisTrigger = 'onType' | 'onSave' | 'onCommand';
export type SeveritySetting = 'error' | 'warning' | 'information' | 'hint';
export type TallyScope = 'file' | 'openEditors' | 'workspace';

/** Mirrors `contributes.configuration` in package.json; every read goes through this shape. */
export interface ExtensionConfig {
  readonly highlights: {
    readonly enabled: boolean;
    readonly figures: boolean;
    readonly organisations: boolean;
    readonly legalTerms: boolean;
    readonly overviewRuler: boolean;
  };
  readonly decoratePlainTextAndMarkdown: boolean;
  readonly analysis: { readonly trigger: AnalysisTrigger; readonly delay: number; readonly maxFileSize: number };
  readonly workspace: {
    readonly exclude: readonly string[];
    readonly include: string;
    readonly maxFiles: number;
    readonly lexiconFile: string;
    readonly referenceFiles: string;
  };
  readonly tally: { readonly scope: TallyScope };
  readonly diagnostics: { readonly enabled: boolean; readonly conflictSeverity: SeveritySetting; readonly checkSeverity: SeveritySetting };
  readonly review: { readonly annotationsFile: string; readonly author: string };
  /** The pre-publication checks: all of them, and each rule by its key (reporting.json's `setting`). */
  readonly legalChecks: {
    readonly enabled: boolean;
    readonly youthAnonymity: boolean;
    readonly victimAnonymity: boolean;
    readonly activeProceedings: boolean;
    readonly chargeConvictionMismatch: boolean;
  };
}

/** The top-level groups a change can affect; handlers ask `change.affects('highlights')`. */
export type ConfigGroup = 'highlights' | 'decoratePlainTextAndMarkdown' | 'analysis' | 'workspace' | 'tally' | 'diagnostics' | 'review' | 'legalChecks';

export interface ConfigChange {
  affects(group: ConfigGroup): boolean;
  /** One setting, by its key under `crimeAnnotator.` ("analysis.maxFileSize"). */
  affectsSetting(key: string): boolean;
}

/** A setting that was set to something it cannot be, and the default used instead. */
export interface InvalidSetting {
  readonly key: string;
  readonly value: unknown;
  readonly reason: string;
}

/**
 * The settings, from `get` (the value set, or undefined). Defaults come from package.json
 * (settingsSchema.ts), never from here; a value of the wrong type or out of range is replaced by
 * the default and passed to `onInvalid`.
 */
export function readConfig(get: (key: string) => unknown, onInvalid: (problem: InvalidSetting) => void = () => undefined): ExtensionConfig {
  const setting = <T>(key: string): T => {
    const fallback = schemaOf(key).default as T;
    const value = get(key);
    if (value === undefined || value === null) return fallback;
    const reason = invalidReason(key, value);
    if (reason === undefined) return value as T;
    onInvalid({ key, value, reason });
    return fallback;
  };
  return {
    highlights: {
      enabled: setting('highlights.enabled'),
      figures: setting('highlights.figures'),
      organisations: setting('highlights.organisations'),
      legalTerms: setting('highlights.legalTerms'),
      overviewRuler: setting('highlights.overviewRuler'),
    },
    decoratePlainTextAndMarkdown: setting('decoratePlainTextAndMarkdown'),
    analysis: {
      trigger: setting<AnalysisTrigger>('analysis.trigger'),
      delay: setting('analysis.delay'),
      maxFileSize: setting('analysis.maxFileSize'),
    },
    workspace: {
      exclude: setting<string[]>('workspace.exclude'),
      include: setting('workspace.include'),
      maxFiles: setting('workspace.maxFiles'),
      lexiconFile: setting('workspace.lexiconFile'),
      referenceFiles: setting('workspace.referenceFiles'),
    },
    tally: { scope: setting<TallyScope>('tally.scope') },
    diagnostics: {
      enabled: setting('diagnostics.enabled'),
      conflictSeverity: setting<SeveritySetting>('diagnostics.conflictSeverity'),
      checkSeverity: setting<SeveritySetting>('diagnostics.checkSeverity'),
    },
    review: { annotationsFile: setting('review.annotationsFile'), author: setting('review.author') },
    legalChecks: {
      enabled: setting('legalChecks.enabled'),
      youthAnonymity: setting('legalChecks.youthAnonymity'),
      victimAnonymity: setting('legalChecks.victimAnonymity'),
      activeProceedings: setting('legalChecks.activeProceedings'),
      chargeConvictionMismatch: setting('legalChecks.chargeConvictionMismatch'),
    },
  };
}
