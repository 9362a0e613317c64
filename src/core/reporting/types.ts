import type { TextFix } from '../record/types';
import type { Span } from '../types';

export type ReportingRuleId = 'youth-anonymity' | 'victim-anonymity' | 'active-proceedings' | 'charge-conviction-mismatch';

/**
 * A risk a pre-publication check found: where it is written, why it is a risk and under which law.
 * A prompt to check, not legal advice.
 */
export interface ReportingFinding extends Span {
  readonly rule: ReportingRuleId;
  readonly severity: 'error' | 'warning' | 'info';
  /** Exactly the text at [start, end): the name, or the words that carry the risk. */
  readonly text: string;
  readonly message: string;
  readonly statute: string;
  /** The person the finding is about, where it is about one (`Person.id`). */
  readonly personId?: string;
  /** A replacement that removes the risk where one is safe (a name replaced by a description). */
  readonly fix?: TextFix;
}
