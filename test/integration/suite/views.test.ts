import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { analyze } from '../../../src/core';
import type { TallyNode } from '../../../src/extension/features/views/tallyTree';
import type { ChecksNode } from '../../../src/extension/features/views/checksTree';
import {
  acceptQuickInput,
  activateApi,
  closeAllEditors,
  countByKind,
  expectedCounts,
  sampleDocuments,
  setScope,
  withinTime,
  type CrimeAnnotatorApi,
  type KindCounts,
} from './viewsAndCommands.helpers';

describe('sidebar views', function () {
  this.timeout(60_000);
  let api: CrimeAnnotatorApi;

  before(async () => {
    api = await activateApi();
    await setScope('workspace');
  });

  afterEach(async () => {
    await withinTime('clearing the tally filter', vscode.commands.executeCommand('crimeAnnotator.clearTallyFilter'));
    // Only a test that changed the scope writes the workspace setting back: one settings write less per test.
    if (api.views.tally.scope !== 'workspace') await withinTime('setting the tally scope back to workspace', setScope('workspace'));
    await withinTime('closing all editors', closeAllEditors());
  });

  function shownCounts(): KindCounts {
    const counts: KindCounts = {};
    for (const kind of api.views.tally.model()) counts[kind.kind] = kind.count;
    return counts;
  }

  describe('Tally', () => {
    it('counts, in workspace scope, every figure, organisation and legal term the core finds in the indexed documents', () => {
      const docs = api.index.documents();
      assert.ok(sampleDocuments(api.index).length >= 11, `expected the eleven samples in the index, got ${docs.length} documents`);
      const expected = expectedCounts(docs);
      assert.ok((expected.figure ?? 0) > 0, 'the samples should hold figures');
      assert.deepEqual(shownCounts(), expected);
      assert.match(api.views.tallyView.description ?? '', /^Workspace/);
    });

    it('tells the welcome view that the workspace is not empty once the samples are indexed', () => {
      assert.equal(api.views.contextKeys.get('crimeAnnotator.workspaceEmpty'), false);
    });

    it('shows each count as the description of its kind and group, and groups add up to their kind', () => {
      const tally = api.views.tally;
      for (const kindNode of tally.getChildren()) {
        assert.equal(kindNode.type, 'kind');
        if (kindNode.type !== 'kind') continue;
        assert.equal(tally.getTreeItem(kindNode).description, String(kindNode.tally.count));
        const groups = tally.getChildren(kindNode);
        let sum = 0;
        for (const group of groups) {
          assert.equal(group.type, 'group');
          if (group.type !== 'group') continue;
          const n = group.group.occurrences.length;
          sum += n;
          assert.match(String(tally.getTreeItem(group).description), new RegExp(`^${n}\\b`));
          assert.equal(tally.getChildren(group).length, n);
          assert.equal(tally.getParent(group), kindNode);
        }
        assert.equal(sum, kindNode.tally.count, `${kindNode.tally.label}: groups add up to the kind`);
      }
    });

    it('groups organisations by canonical entity, so every occurrence in a group is the same entity', () => {
      const orgs = api.views.tally.model().find((k) => k.kind === 'organisation');
      assert.ok(orgs, 'the samples name organisations');
      for (const group of orgs.groups) {
        for (const o of group.occurrences) {
          assert.equal(o.annotation.kind, 'organisation');
          if (o.annotation.kind === 'organisation') assert.equal(o.annotation.entityId, group.key);
        }
      }
    });

    it('gives each occurrence a reveal command whose range holds exactly the occurrence text, and running it selects it', async () => {
      const tally = api.views.tally;
      const firstLeaf = (kind: string): TallyNode => {
        const k = tally.getChildren().find((n) => n.type === 'kind' && n.tally.kind === kind);
        assert.ok(k, `no ${kind} in the tally`);
        const leaf = tally.getChildren(tally.getChildren(k)[0])[0];
        assert.ok(leaf && leaf.type === 'occurrence');
        return leaf;
      };
      for (const kind of ['figure', 'organisation']) {
        const leaf = firstLeaf(kind);
        const item = tally.getTreeItem(leaf);
        assert.equal(item.command?.command, 'crimeAnnotator.revealOccurrence');
        const [uri, range] = item.command.arguments as [vscode.Uri, vscode.Range];
        const document = await vscode.workspace.openTextDocument(uri);
        assert.equal(document.getText(range), leaf.type === 'occurrence' ? leaf.occurrence.text : '');
        await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
        const editor = vscode.window.activeTextEditor;
        assert.equal(editor?.document.uri.toString(), uri.toString());
        assert.ok(editor.selection.isEqual(range), `selection ${JSON.stringify(editor.selection)} should be ${JSON.stringify(range)}`);
      }
    });

    it('switches to the active file, persisting the scope in the setting', async () => {
      const [doc] = sampleDocuments(api.index);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(doc.uri));
      await setScope('file');
      assert.equal(vscode.workspace.getConfiguration('crimeAnnotator').get('tally.scope'), 'file');
      assert.deepEqual(shownCounts(), expectedCounts([doc]));
      assert.notDeepEqual(shownCounts(), expectedCounts(api.index.documents()), 'one file should count less than the workspace');
      assert.match(api.views.tallyView.description ?? '', /^Current file/);
      for (const kind of api.views.tally.model()) for (const g of kind.groups) for (const o of g.occurrences) assert.equal(o.docId, doc.uri.toString());
    });

    it('follows the active editor in file scope', async () => {
      const [a, b] = sampleDocuments(api.index);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(a.uri));
      await setScope('file');
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(b.uri));
      await waitForCounts(expectedCounts([b]));
    });

    it('counts the open editors in openEditors scope', async () => {
      const docs = sampleDocuments(api.index).slice(0, 3);
      for (const d of docs.slice(0, 2)) await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(d.uri), { preview: false });
      await setScope('openEditors');
      assert.deepEqual(shownCounts(), expectedCounts(docs.slice(0, 2)));
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(docs[2].uri), { preview: false });
      await waitForCounts(expectedCounts(docs));
    });

    it('offers the scopes in a quick pick when given none', async () => {
      const chosen = await acceptQuickInput(vscode.commands.executeCommand('crimeAnnotator.setTallyScope'));
      assert.equal(chosen, 'file', 'the first scope offered is the current file');
      assert.equal(vscode.workspace.getConfiguration('crimeAnnotator').get('tally.scope'), 'file');
    });

    it('asks for nothing and changes nothing when given an unknown scope', async () => {
      const result = await vscode.commands.executeCommand('crimeAnnotator.setTallyScope', 'everything');
      assert.equal(result, undefined, 'the command reports failure by resolving to undefined, not by throwing');
      assert.equal(api.views.tally.scope, 'workspace');
    });

    it('filters by text and clears the filter again', async () => {
      const before = shownCounts();
      const needle = 'arrest';
      const shown = await vscode.commands.executeCommand('crimeAnnotator.filterTally', needle);
      assert.equal(shown, needle);
      const filtered = api.views.tally.model();
      assert.ok(filtered.length > 0, 'the samples mention arrests');
      for (const kind of filtered) {
        for (const g of kind.groups) {
          const groupMatches = g.label.toLowerCase().includes(needle) || g.key.toLowerCase().includes(needle);
          for (const o of g.occurrences) assert.ok(groupMatches || o.text.toLowerCase().includes(needle), `${o.text} (${g.label}) does not match`);
        }
      }
      const all = countByKind(api.index.documents().map((d) => d.analysis));
      assert.ok(filtered.reduce((n, k) => n + k.count, 0) < Object.values(all).reduce((n, c) => n + (c ?? 0), 0));
      assert.match(api.views.tallyView.description ?? '', /“arrest”/);
      assert.equal(api.views.contextKeys.get('crimeAnnotator.tallyFiltered'), true, 'the Clear Filter action is offered');

      await vscode.commands.executeCommand('crimeAnnotator.clearTallyFilter');
      assert.equal(api.views.tally.filter, '');
      assert.equal(api.views.contextKeys.get('crimeAnnotator.tallyFiltered'), false);
      assert.deepEqual(shownCounts(), before);
    });

    it('says why the tally is empty when the filter matches nothing', async () => {
      await vscode.commands.executeCommand('crimeAnnotator.filterTally', 'zzz-no-such-text');
      assert.deepEqual(api.views.tally.model(), []);
      assert.match(api.views.tallyView.message ?? '', /Nothing in the tally matches/);
    });

    it('refreshes when a workspace document changes on disk', async () => {
      const folder = vscode.workspace.workspaceFolders![0].uri;
      const uri = vscode.Uri.joinPath(folder, 'views-probe.crime.txt');
      const text = 'Kent Police made 12 arrests and seized £2,400 in cash under the Misuse of Drugs Act 1971.\n';
      const before = shownCounts();
      try {
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
        const added = countByKind([analyze(text)]);
        const expected: KindCounts = { ...before };
        for (const [k, n] of Object.entries(added)) expected[k as keyof KindCounts] = (before[k as keyof KindCounts] ?? 0) + (n ?? 0);
        await waitForCounts(expected);
      } finally {
        await vscode.workspace.fs.delete(uri);
      }
      await waitForCounts(before);
    });

    async function waitForCounts(expected: KindCounts): Promise<void> {
      const deadline = Date.now() + 10_000;
      while (JSON.stringify(shownCounts()) !== JSON.stringify(normalise(expected))) {
        if (Date.now() > deadline) assert.deepEqual(shownCounts(), normalise(expected), 'the tally did not follow the change on disk');
        await new Promise((r) => setTimeout(r, 100));
      }
    }

    function normalise(c: KindCounts): KindCounts {
      const out: KindCounts = {};
      for (const k of ['figure', 'organisation', 'legal-term'] as const) if (c[k]) out[k] = c[k];
      return out;
    }
  });

  describe('Cross-checks', () => {
    it('lists conflicts first, then warnings, then agreements', () => {
      const ranks = api.views.checks.model().map((c) => ({ conflict: 0, warning: 1, ok: 2 })[c.status]);
      assert.ok(ranks.length > 0, 'the samples plant cross-checks');
      assert.deepEqual(
        ranks,
        [...ranks].sort((a, b) => a - b),
      );
      assert.ok(ranks.includes(0), 'the samples plant conflicts');
    });

    it('lists every record compared across sources and every arithmetic check of the index', () => {
      const model = api.views.checks.model();
      const records = api.index.records().filter((r) => r.status !== 'single-source');
      const checks = api.index.documents().flatMap((d) => api.index.checksFor(d.uri));
      assert.equal(model.filter((c) => c.type === 'record').length, records.length);
      assert.equal(model.filter((c) => c.type === 'arithmetic').length, checks.length);
      const conflicts = api.index.conflicts().length + checks.filter((c) => c.status === 'conflict').length;
      assert.equal(model.filter((c) => c.status === 'conflict').length, conflicts);
    });

    it('gives a record its claims as children that open the exact claim in its source', async () => {
      const checks = api.views.checks;
      const recordNode = checks.getChildren().find((n): n is Extract<ChecksNode, { type: 'check' }> => n.type === 'check' && n.item.type === 'record');
      assert.ok(recordNode, 'a record compared across sources');
      const children = checks.getChildren(recordNode);
      assert.ok(recordNode.item.type === 'record');
      assert.equal(children.length, recordNode.item.record.claims.length);
      for (const child of children) {
        assert.equal(child.type, 'claim');
        if (child.type !== 'claim' || child.claim.isReference) continue;
        const item = checks.getTreeItem(child);
        const [uri, range] = item.command!.arguments as [vscode.Uri, vscode.Range];
        const document = await vscode.workspace.openTextDocument(uri);
        assert.equal(document.getText(range), child.claim.text);
        assert.equal(uri.toString(), child.claim.docId);
      }
    });

    it('gives an arithmetic check its arithmetic, then its operands, as children', () => {
      const checks = api.views.checks;
      const node = checks.getChildren().find((n) => n.type === 'check' && n.item.type === 'arithmetic');
      assert.ok(node && node.type === 'check' && node.item.type === 'arithmetic', 'the samples plant arithmetic');
      const [first, ...operands] = checks.getChildren(node);
      assert.equal(first.type, 'arithmetic');
      assert.equal(checks.getTreeItem(first).label, node.item.check.arithmetic);
      assert.equal(operands.length, node.item.check.operands.length);
      for (const o of operands) assert.equal(checks.getTreeItem(o).command?.command, 'crimeAnnotator.revealOccurrence');
    });

    it('shows the number of conflicts in the view description', () => {
      const conflicts = api.views.checks.model().filter((c) => c.status === 'conflict').length;
      assert.match(api.views.checksView.description ?? '', new RegExp(`^${conflicts} conflict`));
    });
  });
});
