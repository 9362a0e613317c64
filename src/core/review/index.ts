/** Review marks: the model, the W3C Web Annotation file, merging with changes on disk, progress. */
export * from './model';
export { serializeMarks, toW3C, contextOf, compareMarks, motivationOf, annotationContext, formatVersion, extensionTerms, vocabularyIri, type AnnotationsFileIdentity, type Motivation } from './serialize';
export { workspaceBase, isWorkspaceBase, documentIri, pathOfIri } from './iri';
export { parseMarks, type AnnotationsFileError, type ParseResult } from './parse';
export { mergeMarks, type MergeResult } from './merge';
export { reviewProgress, progressLabel, overlaps, type PlacedMark, type FigureReview, type ReviewProgress } from './progress';
export { placeOf, type TextPlace } from './position';
export { reviewColumns, reviewCsvColumns, reviewForExport, type ReviewColumns } from './exportColumns';
export { placeMarks, refreshAnchor, type Placement } from './place';
export { mergeLexiconAddition, lexiconId, type LexiconAddition, type LexiconMergeResult } from './lexiconEntry';
