/**
 * Every command the extension contributes, by the id package.json gives it. Handlers are registered
 * by `features/commands` (and `reindexWorkspace`/`analyzeDocument` act on the workspace index);
 * hover links may only run ids listed here (`enabledCommands`). The manifest test keeps this in step.
 */
export const CommandId = {
  crossCheckDocument: 'crimeAnnotator.crossCheckDocument',
  showRecordAtCursor: 'crimeAnnotator.showRecordAtCursor',
  listConflicts: 'crimeAnnotator.listConflicts',
  exportWorkspace: 'crimeAnnotator.exportWorkspace',
  toggleHighlights: 'crimeAnnotator.toggleHighlights',
  reindexWorkspace: 'crimeAnnotator.reindexWorkspace',
  analyzeDocument: 'crimeAnnotator.analyzeDocument',
  filterTally: 'crimeAnnotator.filterTally',
  clearTallyFilter: 'crimeAnnotator.clearTallyFilter',
  setTallyScope: 'crimeAnnotator.setTallyScope',
  revealOccurrence: 'crimeAnnotator.revealOccurrence',
  openClaim: 'crimeAnnotator.openClaim',
  markVerified: 'crimeAnnotator.markVerified',
  markDisputed: 'crimeAnnotator.markDisputed',
  addNote: 'crimeAnnotator.addNote',
  markNotClaim: 'crimeAnnotator.markNotClaim',
  annotateMissed: 'crimeAnnotator.annotateMissed',
  clearMark: 'crimeAnnotator.clearMark',
  saveToLexicon: 'crimeAnnotator.saveToLexicon',
  nextUnreviewed: 'crimeAnnotator.nextUnreviewed',
  undoReviewAction: 'crimeAnnotator.undoReviewAction',
  explainLegalCheck: 'crimeAnnotator.explainLegalCheck',
  openSamples: 'crimeAnnotator.openSamples',
} as const;

export type CommandId = (typeof CommandId)[keyof typeof CommandId];

/** The commands a hover card may link to; nothing else is trusted in hover markdown. */
export const hoverLinkCommands: readonly CommandId[] = [
  CommandId.openClaim,
  CommandId.revealOccurrence,
  CommandId.showRecordAtCursor,
  CommandId.explainLegalCheck,
];
