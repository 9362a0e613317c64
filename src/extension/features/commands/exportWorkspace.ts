import * as vscode from 'vscode';
import { exportCsv, exportJson, type ExportSource } from '../../../core/export';
import { CommandId } from '../../commandIds';
import type { Services } from '../../services/types';
import { displayPath, toUri } from './locations';
import { registerSafeCommand } from './run';
import { assertNoLinkOut, folderFor } from '../../util/sideFiles';
import { showInformation, showQuickPick } from '../../util/notify';

export type ExportFormat = 'json' | 'csv';

export interface ExportResult {
  readonly uri: vscode.Uri;
  readonly format: ExportFormat;
  readonly documents: number;
  readonly figures: number;
  readonly records: number;
}

/** `exportWorkspace(target?, format?)`: with both it writes at once; a missing one is asked for. */
export function registerExportCommand(services: Services): vscode.Disposable {
  return registerSafeCommand(services.log, CommandId.exportWorkspace, 'export the workspace', async (target?: unknown, format?: unknown) => {
    let chosenFormat = isFormat(format) ? format : undefined;
    let uri = target === undefined ? undefined : toUri(target);
    if (target !== undefined && !uri) throw new Error(`the export target is not a file: ${String(target)}`);
    chosenFormat ??= uri ? formatOfPath(uri.path) : undefined;
    chosenFormat ??= await askFormat();
    if (!chosenFormat) return undefined;
    // A place given as an argument (a command link, another extension, a task) stays inside the
    // workspace folder; anywhere else only when the user picked it in the save dialog.
    if (uri) await assertNoLinkOut(uri, vscode.workspace.getWorkspaceFolder(uri)?.uri);
    uri ??= await askTarget(chosenFormat);
    if (!uri) return undefined;

    const result = await exportWorkspace(services, uri, chosenFormat);
    void showInformation(`Exported ${result.figures} figures and ${result.records} records from ${result.documents} documents to ${displayPath(uri)}.`, 'Open')
      .then((choice) => (choice ? vscode.window.showTextDocument(uri) : undefined))
      .then(undefined, (e) => services.log.error('exportWorkspace: opening the export failed', e));
    return result;
  });
}

/** Writes the workspace's figures and records to `uri`, through the workspace file system so it also works on the web. */
export async function exportWorkspace(services: Services, uri: vscode.Uri, format: ExportFormat): Promise<ExportResult> {
  const { index } = services;
  await index.ready;
  const sources: ExportSource[] = index
    .documents()
    .map((doc) => ({
      docId: doc.uri.toString(),
      path: displayPath(doc.uri),
      analysis: doc.analysis,
      checks: index.checksFor(doc.uri),
      // Marks placed on the indexed text, so their offsets agree with the analysis beside them.
      review: services.review?.placementsFor(doc.uri, doc.text),
    }))
    .sort((a, b) => a.path.localeCompare(b.path, 'en-GB'));
  const records = index.records();
  const pathOfOtherSource = (docId: string) => {
    const source = vscode.Uri.parse(docId);
    return vscode.workspace.getWorkspaceFolder(source) ? displayPath(source) : undefined;
  };
  const text = format === 'json' ? exportJson(sources, records, { pathOfOtherSource }) : exportCsv(sources, records);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const figures = sources.reduce((n, s) => n + s.analysis.annotations.filter((a) => a.kind === 'figure').length, 0);
  services.log.info(`Exported ${figures} figures, ${records.length} records from ${sources.length} documents to ${uri.toString()}`);
  return { uri, format, documents: sources.length, figures, records: records.length };
}

function isFormat(value: unknown): value is ExportFormat {
  return value === 'json' || value === 'csv';
}

function formatOfPath(path: string): ExportFormat | undefined {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  return isFormat(ext) ? ext : undefined;
}

async function askFormat(): Promise<ExportFormat | undefined> {
  const picked = await showQuickPick(
    [
      { label: 'JSON', description: 'documents with annotations and checks, and the cross-source records', format: 'json' as const },
      { label: 'CSV', description: 'one row per figure, with its record and the record’s status', format: 'csv' as const },
    ],
    { title: 'Export Figures and Records', placeHolder: 'Choose a format' },
  );
  return picked?.format;
}

async function askTarget(format: ExportFormat): Promise<vscode.Uri | undefined> {
  const folder = folderFor(vscode.window.activeTextEditor?.document.uri);
  return vscode.window.showSaveDialog({
    title: 'Export Figures and Records',
    defaultUri: folder && vscode.Uri.joinPath(folder, `crime-annotator-export.${format}`),
    filters: format === 'json' ? { JSON: ['json'] } : { CSV: ['csv'] },
    saveLabel: 'Export',
  });
}
