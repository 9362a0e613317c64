/**
 * What "Export Figures and Records" writes and `crime-annotator check --format json` prints: one
 * object for JSON, one row per figure for CSV. Pure, so the extension and the CLI share it.
 */
import type { ArithmeticCheck, CrossSourceRecord, DocumentEvent, PossiblySame } from './record/types';
import { reviewColumns, reviewCsvColumns, reviewForExport, type PlacedMark } from './review';
import type { ReportingFinding } from './reporting/types';
import { csvCell, csvTable, type CsvCell } from './text/csvWrite';
import type { AnalysisNotice, DocumentAnalysis, DocumentMeta, FigureAnnotation, Annotation } from './types';

export interface ExportSource {
  /** The id the record and checks use for this document (a URI in the extension, a path in the CLI). */
  readonly docId: string;
  /** What the export shows: a workspace-relative path, or the path the CLI was given. */
  readonly path: string;
  readonly analysis: DocumentAnalysis;
  readonly checks?: readonly ArithmeticCheck[];
  /** The editors' review marks placed on this document's current text, where there are any. */
  readonly review?: readonly PlacedMark[];
}

export interface ExportedDocument {
  readonly path: string;
  readonly words: number;
  readonly meta: DocumentMeta;
  readonly notices: readonly AnalysisNotice[];
  /** Figures also carry the `recordId` of their cross-source record. */
  readonly annotations: readonly (Annotation & { readonly recordId?: string })[];
  readonly checks: readonly ArithmeticCheck[];
  /** What the pre-publication checks found: `{ rule, severity, start, end, text, message, statute }` and a fix where one is safe. */
  readonly findings: readonly ReportingFinding[];
  /** Review marks (W3C Web Annotations) with where they sit in the exported text, or `orphaned`. */
  readonly review?: readonly Record<string, unknown>[];
}

export interface WorkspaceExport {
  readonly documents: readonly ExportedDocument[];
  readonly records: readonly CrossSourceRecord[];
  /** The events the documents report, with the evidence that joined them (when the caller passes them). */
  readonly events?: readonly DocumentEvent[];
  /** Records that may count the same thing but were not joined (when the caller passes them). */
  readonly possiblySame?: readonly PossiblySame[];
}

export interface ExportOptions {
  /** A path for a claim's source that is not among the documents (a reference table), or undefined to keep its id. */
  readonly pathOfOtherSource?: (docId: string) => string | undefined;
  readonly events?: readonly DocumentEvent[];
  readonly possiblySame?: readonly PossiblySame[];
}

/**
 * Builds the export object. Document ids inside records and checks are replaced by the documents'
 * paths, so a file exported from one machine still says which document each claim came from.
 */
export function buildExport(sources: readonly ExportSource[], records: readonly CrossSourceRecord[], options: ExportOptions = {}): WorkspaceExport {
  const pathOf = new Map(sources.map((s) => [s.docId, s.path]));
  const renamed = (docId: string) => pathOf.get(docId) ?? options.pathOfOtherSource?.(docId) ?? docId;
  const recordOf = recordsByClaim(records);
  return {
    documents: sources.map((s) => ({
      path: s.path,
      words: s.analysis.words,
      meta: s.analysis.meta,
      notices: s.analysis.notices,
      // Each figure names its record, so a reader of the export can join figures and records.
      annotations: s.analysis.annotations.map((a) => {
        const recordId = a.kind === 'figure' ? recordOf.get(claimKey(s.docId, a.id))?.recordId : undefined;
        return recordId ? { ...a, recordId } : a;
      }),
      checks: (s.checks ?? []).map((c) => ({ ...c, docId: renamed(c.docId) })),
      findings: s.analysis.findings ?? [],
      ...(s.review?.length ? { review: reviewForExport(s.review) } : {}),
    })),
    records: records.map((r) => ({ ...r, claims: r.claims.map((c) => ({ ...c, docId: renamed(c.docId) })) })),
    ...(options.events ? { events: options.events.map((e) => eventForExport(e, renamed)) } : {}),
    ...(options.possiblySame ? { possiblySame: options.possiblySame.map((p) => ({ ...p, message: renamedIn(p.message, pathOf) })) } : {}),
  };
}

/** An event as the export gives it: documents by path, and each link's evidence with its weight in bits. */
function eventForExport(e: DocumentEvent, renamed: (docId: string) => string): DocumentEvent {
  return {
    ...e,
    documents: e.documents.map(renamed),
    links: e.links.map((l) => ({ ...l, documents: [renamed(l.documents[0]), renamed(l.documents[1])] as const })),
  };
}

function renamedIn(message: string, pathOf: ReadonlyMap<string, string>): string {
  let out = message;
  for (const [id, path] of pathOf) if (id !== path && out.includes(id)) out = out.split(id).join(path);
  return out;
}

export function exportJson(sources: readonly ExportSource[], records: readonly CrossSourceRecord[], options: ExportOptions = {}): string {
  return JSON.stringify(buildExport(sources, records, options), null, 2) + '\n';
}

export const csvColumns = [
  'path',
  'line',
  'start',
  'end',
  'text',
  'value',
  'unit',
  'qualifier',
  'bound',
  'measure',
  'subject',
  'claimant',
  'operation',
  'period',
  'place',
  'recordId',
  'recordStatus',
  ...reviewCsvColumns,
] as const;

/** One row per figure, in document order; `line` is 1-based as editors and spreadsheets show it. */
export function exportCsv(sources: readonly ExportSource[], records: readonly CrossSourceRecord[]): string {
  const recordOf = recordsByClaim(records);

  const rows: CsvCell[][] = [];
  for (const source of sources) {
    for (const a of source.analysis.annotations) {
      if (a.kind !== 'figure') continue;
      const record = recordOf.get(claimKey(source.docId, a.id));
      const review = reviewColumns(a, source.review ?? []);
      rows.push([...figureRow(source.path, a, record), ...reviewCsvColumns.map((c) => review[c])]);
    }
  }
  return csvTable(csvColumns, rows);
}

function figureRow(path: string, f: FigureAnnotation, record: CrossSourceRecord | undefined): CsvCell[] {
  return [
    path,
    f.line + 1,
    f.start,
    f.end,
    f.text,
    f.value,
    f.unit,
    f.qualifier,
    f.bound,
    f.counts ?? undefined,
    f.subject,
    f.claimant,
    f.operation,
    f.period?.text,
    f.place,
    record?.recordId,
    record?.status,
  ];
}

function recordsByClaim(records: readonly CrossSourceRecord[]): Map<string, CrossSourceRecord> {
  const recordOf = new Map<string, CrossSourceRecord>();
  for (const record of records) for (const claim of record.claims) recordOf.set(claimKey(claim.docId, claim.annotationId), record);
  return recordOf;
}

function claimKey(docId: string, annotationId: string): string {
  return `${docId}\u0000${annotationId}`;
}

/** One CSV cell as every CSV of the product writes it (see text/csvWrite.ts). */
export const csvField: (value: CsvCell) => string = csvCell;

/** A whole CSV table (header and rows) as every CSV of the product writes it: `crosscheck --format csv` too. */
export { csvTable };
