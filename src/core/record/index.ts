/** The cross-source record: every figure linked to what other sources say, and the arithmetic a document's own figures allow. */
export {
  createRecordIndex,
  buildRecord,
  prepareSource,
  type PreparedSource,
  type RecordIndex,
  type RecordIndexOptions,
  type RecordUpdate,
  type BuiltRecord,
  type RecordReferenceTable,
} from './recordIndex';
export { checkDocument } from './checks';
export {
  parseReferenceTable,
  parseReferenceValue,
  REFERENCE_COLUMNS,
  OPTIONAL_REFERENCE_COLUMNS,
  type ReferenceTableOptions,
  type ParsedReferenceTable,
} from './reference';
export { joiningEvidenceOf, conflictMessageOf } from './joiningEvidence';
export { lexiconResolver, type OrganisationResolver } from './organisations';
export { intervalOf, describeInterval, APPROXIMATE_BAND, type Interval } from './interval';
export type {
  SourceDocument,
  Claim,
  CrossSourceRecord,
  RecordStatus,
  ArithmeticCheck,
  CheckKind,
  CheckStatus,
  CheckOperand,
  TextFix,
  ReferenceProblem,
  DocumentEvent,
  PossiblySame,
} from './types';
