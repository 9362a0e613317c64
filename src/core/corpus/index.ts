/**
 * The corpus index and its ports: what the extension, the CLI and tests build a workspace's index
 * from. See corpusIndex.ts for the index and port.ts for what a host provides.
 */
export {
  CorpusIndex,
  recordMaxChars,
  type CorpusIndexOptions,
  type EntityMention,
  type IndexedDocument,
  type PreparedAnalysis,
  type SkippedDocument,
} from './corpusIndex';
export { CorpusDefinition, crimeReportMarkers, defaultCorpusSettings, sanitiseCorpusSettings, type CorpusRole, type CorpusSettings } from './definition';
export {
  builtInLexicon,
  createInProcessEngine,
  LexiconCache,
  wholeAnalysisMaxChars,
  type AnalysedText,
  type AnalysisEngine,
  type AnalysisRequest,
  type LexiconRef,
} from './engine';
export { Emitter, disposeAll, type Event, type IDisposable } from './events';
export { globToRegExp, matchesAny } from './glob';
export { decodeText } from './lexiconFile';
export { createMemoryWorkspace, type MemoryWorkspace } from './memoryWorkspace';
export {
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
export { checkSpan, problemsOf, type DocumentProblems, type FigureTrouble, type Suppression, type Suppressor } from './problems';
export { createRemoteEngine, serveEngine, type MessageChannelLike } from './remoteEngine';
