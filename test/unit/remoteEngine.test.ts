import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core';
import { prepareSource } from '../../src/core/record';
import { builtInLexicon, createInProcessEngine } from '../../src/core/corpus';
import { createRemoteEngine, serveEngine, type MessageChannelLike } from '../../src/core/corpus/remoteEngine';

/** Two ends of a channel whose messages are structured-cloned and delivered later, as a worker's are. */
function pair(): [MessageChannelLike & { sent: number }, MessageChannelLike] {
  const listeners: [((m: unknown) => void)[], ((m: unknown) => void)[]] = [[], []];
  const end = (me: 0 | 1) => ({
    sent: 0,
    postMessage(m: unknown) {
      this.sent++;
      const copy = structuredClone(m);
      setImmediate(() => listeners[1 - me].forEach((l) => l(copy)));
    },
    onMessage: (l: (m: unknown) => void) => void listeners[me].push(l),
  });
  return [end(0), end(1)];
}

const paragraph = (i: number) =>
  `Kent Police made ${100 + i} arrests during a week of action in March ${2000 + (i % 20)}. The CPS charged ${(i % 9) + 2} people with possession with intent to supply.`;
const long = Array.from({ length: 400 }, (_, i) => paragraph(i)).join('\n\n') + '\n';

describe('analysis across threads (remote engine)', () => {
  it('gives what analyze() gives, for a short document and a long one through edits, re-sending only changed paragraphs', async () => {
    const [host, worker] = pair();
    serveEngine(worker);
    const engine = createRemoteEngine(host, 'test worker');
    const short = paragraph(1);
    assert.deepEqual((await engine.analyse({ uri: 'a', text: short, lexicon: builtInLexicon })).analysis, analyze(short));
    const first = await engine.analyse({ uri: 'b', text: long, lexicon: builtInLexicon });
    assert.deepEqual(first.analysis.annotations, analyze(long).annotations);
    const chunksBefore = first.chunkViews()!;
    const edited = long.replace('made 150 arrests', 'made 1,150 arrests');
    const second = await engine.analyse({ uri: 'b', text: edited, lexicon: builtInLexicon });
    assert.deepEqual(second.analysis.annotations, analyze(edited).annotations);
    const reused = second.chunkViews()!.filter((c) => chunksBefore.some((b) => b.local === c.local)).length;
    assert.ok(reused >= chunksBefore.length - 3, `${reused} of ${chunksBefore.length} paragraphs kept their analysis`);
    // The host's share is handling the replies (placing re-sent paragraphs), not analysing: the worker
    // spent longer on the first analysis than the host on any reply.
    assert.ok(Number.isFinite(second.longestBlockMs) && second.longestBlockMs >= 0);
    assert.ok(second.longestBlockMs < engine.workerLongestMs, `host ${second.longestBlockMs} ms, worker ${engine.workerLongestMs} ms`);
    engine.dispose();
  });

  it("prepares a short document's record source in the worker when asked, as the host would", async () => {
    const [host, worker] = pair();
    serveEngine(worker);
    const engine = createRemoteEngine(host, 'test worker');
    const text = `${paragraph(3)}\n\n${paragraph(4)}\n`;
    const asked = await engine.analyse({ uri: 'file:///a.crime.txt', text, lexicon: builtInLexicon, prepare: true });
    const analysis = analyze(text);
    assert.ok(asked.prepared && asked.prepared.claims.length > 0);
    assert.deepEqual(asked.prepared, structuredClone(prepareSource({ id: 'file:///a.crime.txt', text, analysis, meta: analysis.meta })));
    // Not asked (an editor's document, which the index upserts itself): nothing extra crosses.
    assert.equal((await engine.analyse({ uri: 'file:///a.crime.txt', text, lexicon: builtInLexicon })).prepared, undefined);
    engine.dispose();
  });

  it('matches the in-process engine on the same requests', async () => {
    const [host, worker] = pair();
    serveEngine(worker);
    const remote = createRemoteEngine(host, 'test worker');
    const local = createInProcessEngine({ budgetMs: 40, now: () => Date.now(), yieldNow: () => Promise.resolve() });
    const lexicon = {
      key: 'x',
      extension: { organisations: [{ id: 'kdu', canonical: 'Kent Drugs Unit', type: 'regional-unit', aliases: [{ text: 'KDU', match: 'exact' }] }] },
    } as never;
    const text = long + '\nThe KDU seized 3kg of cocaine.\n';
    const [r, l] = await Promise.all([remote.analyse({ uri: 'c', text, lexicon }), local.analyse({ uri: 'c', text, lexicon })]);
    assert.deepEqual(r.analysis, l.analysis);
    remote.dispose();
  });

  it('skips the pre-publication checks only when asked, for a whole document and an incremental one', async () => {
    const engine = createInProcessEngine({ budgetMs: 40, now: () => Date.now(), yieldNow: () => Promise.resolve() });
    // A named child in a youth court case is a finding of the checks; the figures are the same without them.
    const named = 'Aidan Frost, 15, of Elm Road, Hull, appeared at Hull Youth Court charged with robbery after 3 shops were raided.\n';
    for (const [uri, text] of [
      ['whole', named],
      ['incremental', long + '\n' + named],
    ]) {
      const without = await engine.analyse({ uri, text, lexicon: builtInLexicon, reportingChecks: false });
      assert.equal(without.analysis.findings, undefined, uri);
      const checked = await engine.analyse({ uri, text, lexicon: builtInLexicon });
      assert.ok(
        checked.analysis.findings?.some((f) => f.rule === 'youth-anonymity'),
        uri,
      );
      assert.deepEqual(without.analysis.annotations, checked.analysis.annotations, uri);
    }
    engine.dispose();
  });
});
