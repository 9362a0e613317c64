/** Review marks: the model, the W3C Web Annotation file, merging with changes on disk, progress. */
export * from './model';
export {
  serializeMarks,
  annotationObject,
  toW3C,
  contextOf,
  pageHead,
  compareMarks,
  motivationOf,
  annotationContext,
  formatVersion,
  extensionTerms,
  vocabularyIri,
  type AnnotationsFileIdentity,
  type Motivation,
} from './serialize';
export { workspaceBase, isWorkspaceBase, documentIri, pathOfIri } from './iri';
export { parseMarks, parseMarksSteps, type AnnotationsFileError, type ParseResult } from './parse';
export { serializeMarksSteps, itemText, ItemBytesCache } from './fileWriter';
export { preservedFields, withPreservedFields, type PreservedFields } from './preserve';
export { mergeMarks, type MergeResult } from './merge';
export { reviewProgress, progressLabel, overlaps, overlapFinder, type PlacedMark, type FigureReview, type ReviewProgress } from './progress';
export { placeOf, type TextPlace } from './position';
export { reviewColumns, reviewCsvColumns, reviewForExport, type ReviewColumns } from './exportColumns';
export { placeMarks, placeMarksSteps, refreshAnchor, type Placement } from './place';
export { mergeLexiconAddition, lexiconId, type LexiconAddition, type LexiconMergeResult } from './lexiconEntry';
