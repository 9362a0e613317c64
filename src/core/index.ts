/**
 * The public facade of the analysis core. Pure TypeScript: no `vscode`, no `node:*`, no DOM, so the
 * same code runs in the desktop and web extension hosts, in the CLI and in tests. Bundled as
 * `dist/core.js` (CommonJS).
 */
export { analyze, type AnalyzeOptions } from './analyze';
export { compileLexicon, compileLexiconSteps, validateLexiconExtension, LEXICON_LIMITS, type CompiledLexicon, type LexiconExtension } from './lexicon';
export { LineIndex } from './text/lines';
export { splitSentences, countWords } from './text/sentences';
export { sortByLabel } from './text/collate';
export * from './record';
export * from './types';
export { findPeople, type Person, type PersonRole, type PeopleResult } from './people';
export {
  findReportingRisks,
  REPORTING_RULES,
  REPORTING_RULE_IDS,
  type ReportingFinding,
  type ReportingRuleData,
  type ReportingRuleId,
  type ReportingOptions,
} from './reporting';
