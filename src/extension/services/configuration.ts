import * as vscode from 'vscode';
import { defaultCorpusSettings as corpus } from '../../core/corpus';
import { Disposable } from '../util/dispose';

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
}

export const configSection = 'crimeAnnotator';

/** The top-level groups a change can affect; handlers ask `change.affects('highlights')`. */
export type ConfigGroup = 'highlights' | 'decoratePlainTextAndMarkdown' | 'analysis' | 'workspace' | 'tally' | 'diagnostics' | 'review';

export interface ConfigChange {
  affects(group: ConfigGroup): boolean;
  /** One setting, by its key under `crimeAnnotator.` ("analysis.maxFileSize"). */
  affectsSetting(key: string): boolean;
}

export function readConfig(get: <T>(key: string, fallback: T) => T): ExtensionConfig {
  return {
    highlights: {
      enabled: get('highlights.enabled', true),
      figures: get('highlights.figures', true),
      organisations: get('highlights.organisations', true),
      legalTerms: get('highlights.legalTerms', true),
      overviewRuler: get('highlights.overviewRuler', true),
    },
    decoratePlainTextAndMarkdown: get('decoratePlainTextAndMarkdown', true),
    analysis: {
      trigger: get<AnalysisTrigger>('analysis.trigger', 'onType'),
      delay: get('analysis.delay', 300),
      maxFileSize: get('analysis.maxFileSize', corpus.maxFileSize),
    },
    workspace: {
      exclude: get<string[]>('workspace.exclude', [...corpus.exclude]),
      include: get('workspace.include', corpus.include),
      maxFiles: get('workspace.maxFiles', corpus.maxFiles),
      lexiconFile: get('workspace.lexiconFile', corpus.lexiconFile),
      referenceFiles: get('workspace.referenceFiles', corpus.referenceFiles),
    },
    tally: { scope: get<TallyScope>('tally.scope', 'workspace') },
    diagnostics: {
      enabled: get('diagnostics.enabled', true),
      conflictSeverity: get<SeveritySetting>('diagnostics.conflictSeverity', 'warning'),
      checkSeverity: get<SeveritySetting>('diagnostics.checkSeverity', 'information'),
    },
    review: { annotationsFile: get('review.annotationsFile', '.crime-annotator/annotations.json'), author: get('review.author', '') },
  };
}

/** Holds the current settings and tells listeners which groups changed, and only when ours did. */
export class ConfigurationService extends Disposable {
  private _current: ExtensionConfig = ConfigurationService.read();
  private readonly _onDidChange = this._register(new vscode.EventEmitter<ConfigChange>());
  readonly onDidChange = this._onDidChange.event;

  constructor() {
    super();
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration(configSection)) return;
        this._current = ConfigurationService.read();
        this._onDidChange.fire({
          affects: (group) => e.affectsConfiguration(`${configSection}.${group}`),
          affectsSetting: (key) => e.affectsConfiguration(`${configSection}.${key}`),
        });
      }),
    );
  }

  get current(): ExtensionConfig {
    return this._current;
  }

  private static read(): ExtensionConfig {
    const section = vscode.workspace.getConfiguration(configSection);
    return readConfig((key, fallback) => section.get(key, fallback));
  }
}
