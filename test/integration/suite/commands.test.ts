import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { analyze, type FigureAnnotation } from '../../../src/core';
import { csvColumns } from '../../../src/core/export';
import type { CrossSourceRecord } from '../../../src/core/record/types';
import type { ConflictPick, CrossCheckReport, RecordAtCursor } from '../../../src/extension/features/commands/records';
import type { ExportResult } from '../../../src/extension/features/commands/exportWorkspace';
import {
  acceptQuickInput,
  activateApi,
  closeAllEditors,
  countByKind,
  sampleDocuments,
  workspaceFolder,
  type CrimeAnnotatorApi,
} from './viewsAndCommands.helpers';

describe('palette commands', function () {
  this.timeout(60_000);
  let api: CrimeAnnotatorApi;
  const created: vscode.Uri[] = [];

  before(async () => {
    api = await activateApi();
  });

  afterEach(async () => {
    await closeAllEditors();
    for (const uri of created.splice(0)) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  function activeSelectionText(): string {
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'an editor should be active');
    return editor.document.getText(editor.selection);
  }

  /** A record that compares at least two documents of the workspace (not only a reference table). */
  function sharedRecord(): CrossSourceRecord {
    const record = api.index.records().find((r) => new Set(r.claims.filter((c) => !c.isReference).map((c) => c.docId)).size >= 2);
    assert.ok(record, 'the samples restate figures across documents, so some record has two document claims');
    return record;
  }

  describe('revealOccurrence and openClaim', () => {
    it('selects a range given as (uri, range)', async () => {
      const doc = sampleDocuments(api.index)[0];
      const figure = doc.analysis.annotations.find((a) => a.kind === 'figure');
      assert.ok(figure);
      const start = doc.lineIndex.positionAt(figure.start);
      const end = doc.lineIndex.positionAt(figure.end);
      await vscode.commands.executeCommand('crimeAnnotator.revealOccurrence', doc.uri, new vscode.Range(start.line, start.character, end.line, end.character));
      assert.equal(activeSelectionText(), figure.text);
    });

    it('selects the offsets of a hover link’s argument, and falls back to its line when they no longer fit', async () => {
      const doc = sampleDocuments(api.index)[1];
      const org = doc.analysis.annotations.find((a) => a.kind === 'organisation');
      assert.ok(org);
      await vscode.commands.executeCommand('crimeAnnotator.openClaim', { uri: doc.uri.toString(), line: org.line, start: org.start, end: org.end });
      assert.equal(activeSelectionText(), org.text);

      await vscode.commands.executeCommand('crimeAnnotator.revealOccurrence', { uri: doc.uri.toString(), line: 2, start: 1e9, end: 1e9 + 3 });
      const editor = vscode.window.activeTextEditor!;
      assert.equal(editor.selection.active.line, 2);
      assert.ok(editor.selection.isEmpty);
    });

    it('puts the cursor on the line given as (uri, line)', async () => {
      const doc = sampleDocuments(api.index)[2];
      await vscode.commands.executeCommand('crimeAnnotator.openClaim', doc.uri, 3);
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), doc.uri.toString());
      assert.equal(vscode.window.activeTextEditor?.selection.active.line, 3);
    });

    it('resolves to undefined instead of throwing when given no document', async () => {
      assert.equal(await vscode.commands.executeCommand('crimeAnnotator.revealOccurrence', 42), undefined);
    });
  });

  describe('showRecordAtCursor', () => {
    it('finds the record of the figure at a position and lists its claims with source, line, value and sentence', async () => {
      const record = sharedRecord();
      const claim = record.claims.find((c) => !c.isReference)!;
      const place = api.index.locate(claim.docId, claim.annotationId);
      assert.ok(place);
      const result = (await vscode.commands.executeCommand('crimeAnnotator.showRecordAtCursor', place.uri, place.range.start, {
        pick: 'none',
      })) as RecordAtCursor;
      assert.equal(result.figure.id, claim.annotationId);
      assert.equal(result.record?.recordId, record.recordId);
      assert.equal(result.claims.length, record.claims.length);
      for (const [i, pick] of result.claims.entries()) {
        const c = record.claims[i];
        assert.equal(pick.detail, c.sentence);
        assert.ok(pick.description?.includes(`:${c.line + 1}`), `${pick.description} names line ${c.line + 1}`);
        assert.ok(pick.label.includes(c.value.toLocaleString('en-GB')) || pick.label.includes(`£${c.value.toLocaleString('en-GB')}`), pick.label);
      }
    });

    it('jumps to the chosen claim in its source', async () => {
      const record = sharedRecord();
      const target = record.claims.findIndex((c, i) => i > 0 && !c.isReference && c.docId !== record.claims[0].docId);
      const first = record.claims.find((c) => !c.isReference)!;
      const place = api.index.locate(first.docId, first.annotationId)!;
      const chosen = target >= 0 ? target : 0;
      await vscode.commands.executeCommand('crimeAnnotator.showRecordAtCursor', place.uri, place.range.start, { pick: chosen });
      const expected = record.claims[chosen];
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), expected.docId);
      assert.equal(activeSelectionText(), expected.text);
    });

    it('uses the active editor’s cursor when given no arguments', async () => {
      const record = sharedRecord();
      const claim = record.claims.find((c) => !c.isReference)!;
      const place = api.index.locate(claim.docId, claim.annotationId)!;
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(place.uri));
      editor.selection = new vscode.Selection(place.range.start, place.range.start);
      // With no arguments the quick pick opens; dismissing it leaves the result of the lookup.
      const result = await acceptQuickInput(vscode.commands.executeCommand<RecordAtCursor>('crimeAnnotator.showRecordAtCursor'), 'dismiss');
      assert.equal(result?.record?.recordId, record.recordId);
      assert.equal(result?.picked, undefined);
    });

    it('says so, without failing, when the cursor is on no figure', async () => {
      const doc = sampleDocuments(api.index)[0];
      const figures = doc.analysis.annotations.filter((a) => a.kind === 'figure');
      const line = [...Array(doc.lineIndex.lineCount).keys()].find(
        (l) => !figures.some((f) => f.start <= doc.lineIndex.lineStart(l) && doc.lineIndex.lineStart(l) <= f.end),
      );
      assert.ok(line !== undefined, 'some line does not start inside a figure');
      const result = await vscode.commands.executeCommand('crimeAnnotator.showRecordAtCursor', doc.uri, new vscode.Position(line, 0), { pick: 'none' });
      assert.equal(result, undefined);
    });
  });

  describe('listConflicts', () => {
    it('lists every claim of every conflicting record and every failed check', async () => {
      const result = (await vscode.commands.executeCommand('crimeAnnotator.listConflicts', { pick: 'none' })) as { items: ConflictPick[] };
      const conflicts = api.index.conflicts();
      assert.ok(conflicts.length > 0, 'the samples plant conflicts');
      const failed = api.index
        .documents()
        .flatMap((d) => api.index.checksFor(d.uri))
        .filter((c) => c.status === 'conflict');
      assert.equal(result.items.length, conflicts.reduce((n, r) => n + r.claims.length, 0) + failed.length);
      assert.deepEqual(new Set(result.items.filter((i) => i.record).map((i) => i.record!.recordId)), new Set(conflicts.map((r) => r.recordId)));
    });

    it('jumps to the chosen conflict', async () => {
      const result = (await vscode.commands.executeCommand('crimeAnnotator.listConflicts', { pick: 0 })) as { items: ConflictPick[]; picked: ConflictPick };
      assert.ok(result.picked);
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), result.picked.uri.toString());
      assert.ok(vscode.window.activeTextEditor?.selection.isEqual(result.picked.range));
    });
  });

  describe('crossCheckDocument', () => {
    it('reports the records the document shares with other sources and its own checks, conflicts first', async () => {
      const record = sharedRecord();
      const uri = vscode.Uri.parse(record.claims.find((c) => !c.isReference)!.docId);
      const report = (await vscode.commands.executeCommand('crimeAnnotator.crossCheckDocument', uri, { pick: 'none' })) as CrossCheckReport;
      assert.ok(report.records.some((r) => r.recordId === record.recordId));
      for (const r of report.records) {
        assert.ok(
          r.claims.some((c) => c.docId === uri.toString()),
          `${r.recordId} has a claim from the document`,
        );
        assert.ok(r.sourceCount > 1);
      }
      const rank = (s: string) => (s === 'conflict' ? 0 : 1);
      assert.deepEqual(
        report.records.map((r) => rank(r.status)),
        report.records.map((r) => rank(r.status)).sort(),
      );
      assert.deepEqual(new Set(report.checks.map((c) => c.checkId)), new Set(api.index.checksFor(uri).map((c) => c.checkId)));
      const checkRanks = report.checks.map((c) => ({ conflict: 0, warning: 1, ok: 2 })[c.status]);
      assert.deepEqual(checkRanks, [...checkRanks].sort());
      assert.equal(
        report.conflicts,
        report.records.filter((r) => r.status === 'conflict').length + report.checks.filter((c) => c.status === 'conflict').length,
      );
    });

    it('opens another source when a shared record is chosen', async () => {
      const record = sharedRecord();
      const uri = vscode.Uri.parse(record.claims.find((c) => !c.isReference)!.docId);
      const report = (await vscode.commands.executeCommand('crimeAnnotator.crossCheckDocument', uri, { pick: 0 })) as CrossCheckReport;
      assert.ok(report.picked?.record, 'records are listed before checks');
      const editor = vscode.window.activeTextEditor;
      assert.ok(editor);
      assert.notEqual(editor.document.uri.toString(), uri.toString(), 'the other source, not the document itself');
      const claim = report.picked.record.claims.find((c) => c.docId === editor.document.uri.toString());
      assert.ok(claim, 'the opened document makes a claim of the record');
      assert.equal(activeSelectionText(), claim.text);
    });
  });

  describe('exportWorkspace', () => {
    it('writes the JSON the CLI prints: documents with annotations and checks, and records with paths for ids', async () => {
      const target = vscode.Uri.joinPath(workspaceFolder(), 'export-probe.json');
      created.push(target);
      const result = (await vscode.commands.executeCommand('crimeAnnotator.exportWorkspace', target, 'json')) as ExportResult;
      assert.equal(result.format, 'json');
      const json = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)));
      assert.deepEqual(Object.keys(json), ['documents', 'records']);
      const docs = api.index.documents();
      assert.equal(json.documents.length, docs.length);
      for (const d of docs) {
        const path = vscode.workspace.asRelativePath(d.uri, false);
        const exported = json.documents.find((e: { path: string }) => e.path === path);
        assert.ok(exported, `${path} exported`);
        assert.equal(exported.words, d.analysis.words);
        assert.equal(exported.annotations.length, d.analysis.annotations.length);
        assert.equal(exported.checks.length, api.index.checksFor(d.uri).length);
      }
      assert.equal(json.records.length, api.index.records().length);
      const paths = new Set(json.documents.map((d: { path: string }) => d.path));
      for (const r of json.records) {
        for (const c of r.claims) {
          if (!c.isReference) assert.ok(paths.has(c.docId), `claim docId ${c.docId} is an exported path`);
          else assert.match(c.docId, /^[^:]+\.reference\.(csv|json)$/, 'a reference table is named by its workspace path');
        }
      }
    });

    it('writes one CSV row per figure with its record id and status, inferring the format from the file name', async () => {
      const target = vscode.Uri.joinPath(workspaceFolder(), 'export-probe.csv');
      created.push(target);
      const result = (await vscode.commands.executeCommand('crimeAnnotator.exportWorkspace', target)) as ExportResult;
      assert.equal(result.format, 'csv');
      const lines = new TextDecoder()
        .decode(await vscode.workspace.fs.readFile(target))
        .split('\r\n')
        .filter(Boolean);
      assert.equal(lines[0], csvColumns.join(','));
      const figures = api.index.documents().reduce((n, d) => n + (countByKind([d.analysis]).figure ?? 0), 0);
      assert.equal(lines.length - 1, figures);
      assert.equal(result.figures, figures);

      const record = sharedRecord();
      const claim = record.claims.find((c) => !c.isReference)!;
      const path = vscode.workspace.asRelativePath(vscode.Uri.parse(claim.docId), false);
      const row = lines.find((l) => l.startsWith(`${path},${claim.line + 1},${claim.start},${claim.end},`));
      assert.ok(row, `a row for ${path} line ${claim.line + 1}`);
      const fields = [...row.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) => m[1].replace(/^"|"$/g, '').replace(/""/g, '"'));
      const cells = Object.fromEntries(csvColumns.map((c, i) => [c, fields[i]]));
      assert.deepEqual([cells.recordId, cells.recordStatus, cells.reviewState], [record.recordId, record.status, 'unreviewed'], row);
    });

    it('asks for the format when neither the argument nor the file name gives it', async () => {
      const target = vscode.Uri.joinPath(workspaceFolder(), 'export-probe-no-extension');
      created.push(target);
      const result = (await acceptQuickInput(vscode.commands.executeCommand('crimeAnnotator.exportWorkspace', target))) as ExportResult;
      assert.equal(result.format, 'json', 'JSON is offered first');
      const json = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)));
      assert.equal(json.documents.length, api.index.documents().length);
    });

    it('resolves to undefined, writing nothing, when the target is not a file', async () => {
      assert.equal(await vscode.commands.executeCommand('crimeAnnotator.exportWorkspace', 12345, 'json'), undefined);
    });
  });

  describe('toggleHighlights, reindexWorkspace, analyzeDocument', () => {
    it('flips crimeAnnotator.highlights.enabled and back', async () => {
      const read = () => vscode.workspace.getConfiguration('crimeAnnotator').get<boolean>('highlights.enabled');
      const before = read();
      assert.equal(await vscode.commands.executeCommand('crimeAnnotator.toggleHighlights'), !before);
      assert.equal(read(), !before);
      await vscode.commands.executeCommand('crimeAnnotator.toggleHighlights');
      assert.equal(read(), before);
    });

    it('re-indexes the workspace and reports how many documents it holds', async () => {
      const count = await vscode.commands.executeCommand('crimeAnnotator.reindexWorkspace');
      assert.equal(count, api.index.documents().length);
      assert.ok(sampleDocuments(api.index).length >= 10);
    });

    it('analyses a document and counts what the core finds in it', async () => {
      const doc = sampleDocuments(api.index)[3];
      const text = (await vscode.workspace.openTextDocument(doc.uri)).getText();
      const expected = countByKind([analyze(text)]);
      const summary = (await vscode.commands.executeCommand('crimeAnnotator.analyzeDocument', doc.uri)) as {
        figures: number;
        organisations: number;
        legalTerms: number;
      };
      assert.deepEqual(
        { figures: summary.figures, organisations: summary.organisations, legalTerms: summary.legalTerms },
        { figures: expected.figure ?? 0, organisations: expected.organisation ?? 0, legalTerms: expected['legal-term'] ?? 0 },
      );
      assert.ok(summary.figures > 0, 'the sample holds figures');
    });

    it('analyses the active editor when given no document', async () => {
      const doc = sampleDocuments(api.index)[4];
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(doc.uri));
      const summary = (await vscode.commands.executeCommand('crimeAnnotator.analyzeDocument')) as { uri: vscode.Uri; figures: number };
      assert.equal(summary.uri.toString(), doc.uri.toString());
      assert.equal(summary.figures, doc.analysis.annotations.filter((a): a is FigureAnnotation => a.kind === 'figure').length);
    });
  });
});
