/** Anchoring annotations to text that keeps changing: describe a span, follow edits, find it again. */
export { contextLength, describeSpan, type TextAnchor } from './selectors';
export { shiftSpan, shiftSpanThrough, type TextChange } from './shift';
export { reanchor, type AnchorMethod, type AnchorResult, type ReanchorOptions } from './reanchor';
export { similarity, findSimilar, type FuzzyCandidate } from './fuzzy';
