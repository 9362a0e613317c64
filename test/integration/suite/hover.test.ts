import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CrimeAnnotatorApi } from '../../../src/extension/extension.shared';
import { analysed, hoverMarkdown, rangeOf, releaseA, releaseB, editorCoreHooks, unescape, waitFor } from './editorCore.helpers';

describe('hover cards', function () {
  this.timeout(30_000);
  let api: CrimeAnnotatorApi;
  const scope = editorCoreHooks((a) => (api = a));

  const middle = (r: vscode.Range) => r.start.translate(0, Math.floor((r.end.character - r.start.character) / 2));

  it('shows a figure: value, unit, measure, qualifier, claimant and the other sources with links', async () => {
    const uriB = await scope.write('hover-b.crime.txt', releaseB);
    const doc = (await scope.open(await scope.write('hover-a.crime.txt', releaseA))).document;
    await analysed(api, doc);
    const figure = api.index.get(doc.uri)!.analysis.annotations.find((a) => a.kind === 'figure' && a.text === '120');
    assert.ok(figure && figure.kind === 'figure', 'the core finds 120');
    // Wait until B is in the record with A.
    await waitFor('B in the record of 120', () => api.index.recordForFigure(doc.uri, figure.id)?.claims.some((c) => c.docId === uriB.toString()));
    const { text } = await hoverMarkdown(doc.uri, middle(rangeOf(doc, '120')));
    const seen = unescape(text);
    assert.match(seen, /Figure/);
    assert.ok(seen.includes('120') && seen.includes(figure.unit), seen);
    if (figure.counts) assert.ok(seen.includes(figure.counts), `measure ${figure.counts} in ${seen}`);
    assert.ok(seen.includes(figure.qualifier) || figure.qualifier === 'exact', seen);
    assert.match(seen, /Cross-source record/);
    assert.ok(seen.includes('150 arrests') || seen.includes('150'), `B's claim in ${seen}`);
    // B's claim links to openClaim with B's uri and line.
    const links = [...text.matchAll(/\]\(command:crimeAnnotator\.openClaim\?([^ )]+)/g)].map((m) => JSON.parse(decodeURIComponent(m[1]))[0]);
    assert.ok(
      links.some((l) => l.uri === uriB.toString() && l.line === 0),
      JSON.stringify(links),
    );
  });

  it('shows an organisation: canonical name, type and its mentions across the workspace', async () => {
    await scope.write('hover-b.crime.txt', releaseB);
    const doc = (await scope.open(await scope.write('hover-a.crime.txt', releaseA))).document;
    await analysed(api, doc);
    const org = api.index.get(doc.uri)!.analysis.annotations.find((a) => a.kind === 'organisation' && a.text === 'Kent Police');
    assert.ok(org && org.kind === 'organisation');
    await waitFor('Kent Police mentioned in A and B', () => new Set(api.index.mentionsOf(org.entityId).map((m) => m.uri.toString())).size >= 2);
    const { text } = await hoverMarkdown(doc.uri, middle(rangeOf(doc, 'Kent Police')));
    const seen = unescape(text);
    assert.ok(seen.includes(org.canonical), seen);
    assert.ok(seen.includes(org.orgType), seen);
    // Other suites' files come and go in the background, so the exact count is not fixed here.
    const count = Number(/Mentions across the workspace:\W* \d+ in (\d+) document/.exec(seen)?.[1]);
    assert.ok(count >= 2, `mentions in A and B at least: ${seen}`);
    assert.match(text, /\]\(command:crimeAnnotator\.revealOccurrence\?/);
  });

  it('shows a legal term: plain-English definition, category and statute', async () => {
    const doc = (await scope.open(await scope.write('hover-a.crime.txt', releaseA))).document;
    await analysed(api, doc);
    const term = api.index.get(doc.uri)!.analysis.annotations.find((a) => a.kind === 'legal-term' && /intent to supply/i.test(a.text));
    assert.ok(term && term.kind === 'legal-term', 'the core finds a legal term');
    const { text } = await hoverMarkdown(doc.uri, middle(rangeOf(doc, term.text)));
    const seen = unescape(text);
    assert.match(seen, /Legal term/);
    assert.ok(seen.includes(term.canonical) && seen.includes(term.category), seen);
    if (term.statute) assert.ok(seen.includes(term.statute), seen);
    assert.match(seen, /controlled drug/i, 'the definition from the lexicon');
  });

  it('trusts only its own commands and shows markdown and command links from a document name inert', async () => {
    // A file name is text the user's workspace controls, and it reaches the card as a source label.
    const hostile = '[pwn](command:workbench.action.quit) <img src=x> **b**.crime.txt';
    const uriEvil = await scope.write(hostile, releaseB);
    const doc = (await scope.open(await scope.write('hover-a.crime.txt', releaseA))).document;
    await analysed(api, doc);
    const figure = api.index.get(doc.uri)!.analysis.annotations.find((a) => a.text === '120')!;
    await waitFor('the hostile file in the record', () => api.index.recordForFigure(doc.uri, figure.id)?.claims.some((c) => c.docId === uriEvil.toString()));
    const { text, strings } = await hoverMarkdown(doc.uri, middle(rangeOf(doc, '120')));
    assert.ok(text.includes('\\[pwn\\]\\(command\\:workbench'), `the name is escaped: ${text}`);
    const commands = [...text.matchAll(/\]\((command:[^?)\s]+)/g)].map((m) => m[1]);
    assert.ok(commands.length > 0);
    assert.ok(
      commands.every((c) => c.startsWith('command:crimeAnnotator.')),
      commands.join(', '),
    );
    assert.ok(!/<img/.test(text.replace(/\\</g, '')), 'no raw HTML');
    for (const s of strings) {
      assert.notEqual(s.isTrusted, true, 'never blanket-trusted');
      if (typeof s.isTrusted === 'object') assert.ok(s.isTrusted.enabledCommands.every((c) => c.startsWith('crimeAnnotator.')));
      assert.notEqual(s.supportHtml, true);
    }
  });
});
