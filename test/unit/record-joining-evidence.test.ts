import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { buildRecord, conflictMessageOf, joiningEvidenceOf, type SourceDocument } from '../../src/core/record';

/**
 * A conflict names the evidence that joined its claims: invented releases of one week that share a
 * distinctive sum and the dated week, and disagree on the arrests.
 */
const RELEASE = `Wessex week of action ends with 212 arrests
Published: 14 June 2025

Wessex Police made 212 arrests between 2 and 8 June, and officers seized £318,745 in cash.
`;
const REPORT = `Hundreds held in Wessex drugs week
Published: 15 June 2025

Wessex Police made 221 arrests between 2 and 8 June and seized £318,745 in cash, the force said.
`;
const doc = (id: string, text: string): SourceDocument => ({ id, text, analysis: analyze(text) });

describe('record: the evidence a conflict names', () => {
  const built = buildRecord([doc('release', RELEASE), doc('report', REPORT)]);
  const conflict = built.records.find((r) => r.status === 'conflict' && r.measure === 'arrests');
  const event = built.events.find((e) => e.id === conflict?.event);

  it('joins the two reports of the week in one event and raises their different arrests', () => {
    assert.ok(conflict, `records: ${built.records.map((r) => `${r.measure} ${r.status}`).join(', ')}`);
    assert.ok(event && event.documents.length === 2);
  });

  it('names the strongest agreeing evidence between the two documents, not a weight or an id', () => {
    const evidence = joiningEvidenceOf(conflict!, event)!;
    assert.match(evidence, /£318,745 in both/);
    assert.match(evidence, /2-8 June 2025 in both/);
    assert.doesNotMatch(evidence, /ev-|bits/);
    const message = conflictMessageOf(conflict!.explanation, conflict!, event);
    assert.ok(message.startsWith(conflict!.explanation));
    assert.match(message, /Joined as one event by: .*£318,745 in both/);
  });

  it('keeps the sentence off the record itself, whose JSON holds only its claims’ texts', () => {
    assert.doesNotMatch(JSON.stringify(conflict), /£318,745 in both/);
  });

  it('says nothing more without the event, or for another event', () => {
    assert.equal(conflictMessageOf(conflict!.explanation, conflict!, undefined), conflict!.explanation);
    assert.equal(joiningEvidenceOf(conflict!, { ...event!, id: 'ev-other' }), undefined);
  });

  it('names the event when its documents were joined through another document', () => {
    const noLink = { ...event!, links: [] };
    assert.equal(joiningEvidenceOf(conflict!, noLink), undefined);
    assert.equal(conflictMessageOf('Different.', conflict!, noLink), `Different. Joined as one event: ${event!.label}.`);
  });
});
