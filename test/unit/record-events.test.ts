import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { buildRecord, type SourceDocument } from '../../src/core/record';
import { compareProfiles, JOIN_BITS, weighProfiles } from '../../src/core/record/events';
import { bitsOf, chanceOfValue, profileOf } from '../../src/core/record/profile';
import { documentScopes } from '../../src/core/record/scope';

/**
 * Events and scope on the real pipeline (analyze() then the record), with invented documents: a national
 * release of a week of action, a newspaper's write-up of it, a force's release of its own share, and the
 * national release of another year's week that shares nothing distinctive with them.
 */
const NATIONAL = `Nationwide drugs week ends with 1,873 arrests
Published: 24 May 2025

Police forces across England and Wales arrested 1,873 people during a week of action against drug lines, the National Police Chiefs' Council said.

Between 12 and 18 May officers closed 512 deal lines, seized £731,460 in cash and safeguarded 1,206 vulnerable people, including 744 children.
`;
const NEWS = `Almost 1,900 held in drug lines week
Published: 25 May 2025

Some 1,873 people were held during the seven days, and £731,460 in cash was taken, according to police chiefs.

More than 500 lines were shut down.
`;
const FORCE = `Dorset Police make 41 arrests in drug lines week
Published: 23 May 2025

Dorset Police made 41 arrests during the national week of action from 12 to 18 May.

In Dorset officers closed 9 deal lines and seized £12,300 in cash.
`;
const OTHER_YEAR = `Police make 1,240 arrests in drug lines week
Published: 10 November 2023

Forces across England and Wales arrested 1,240 people in a week of action from 30 October to 5 November.

Officers closed 389 deal lines and seized £512,000 in cash.
`;

function doc(id: string, text: string): SourceDocument {
  return { id, text, analysis: analyze(text) };
}

describe('record: events', () => {
  const docs = [doc('national.txt', NATIONAL), doc('news.txt', NEWS), doc('force.txt', FORCE), doc('other.txt', OTHER_YEAR)];

  it('weighs a shared value by how surprising it is: £731,460 is strong evidence, 12 or £500,000 little', () => {
    assert.ok(bitsOf(chanceOfValue(731_460)) >= 11, 'an exact five-figure sum');
    assert.ok(bitsOf(chanceOfValue(1_873)) > bitsOf(chanceOfValue(1_900)));
    assert.ok(bitsOf(chanceOfValue(12)) < 3);
    assert.ok(bitsOf(chanceOfValue(500_000)) < 3);
  });

  it('joins a release and its write-up by the distinctive figures they share, and says so with weights', () => {
    const link = compareProfiles(profileOf(docs[0]), profileOf(docs[1]));
    assert.ok(link.weight >= JOIN_BITS, JSON.stringify(link));
    const figures = link.evidence.filter((e) => e.kind === 'figure').map((e) => e.text);
    assert.ok(figures.includes('£731,460 in both'), figures.join('; '));
    assert.ok(link.evidence.some((e) => e.kind === 'date' && e.text === 'published 1 day apart' && e.weight > 0));
  });

  it('weighs a stated period against another year\'s, and publication dates years apart', () => {
    const link = compareProfiles(profileOf(docs[0]), profileOf(docs[3]));
    assert.ok(link.weight < 0, JSON.stringify(link));
    assert.ok(link.evidence.some((e) => e.kind === 'date' && e.weight < 0));
  });

  it('weighs a pair without writing its evidence to exactly the weight its listed evidence adds up to', () => {
    const profiles = docs.map((d) => profileOf(d));
    for (const a of profiles) for (const b of profiles) {
      if (a === b) continue;
      const link = compareProfiles(a, b);
      assert.equal(weighProfiles(a, b), link.weight, `${a.docId} / ${b.docId}`);
      assert.equal(link.weight, Math.round(link.evidence.reduce((s, e) => s + e.weight, 0) * 10) / 10);
    }
  });

  it('resolves three documents of one week into one event, and the other year\'s week into its own', () => {
    const { events } = buildRecord(docs);
    const week = events.find((e) => e.documents.includes('national.txt'))!;
    assert.deepEqual(week.documents, ['force.txt', 'national.txt', 'news.txt']);
    assert.equal(week.period, '2025-05-12..2025-05-18');
    assert.match(week.label, /12-18 May 2025$/);
    // A spanning tree: each joined document is reached by one link that clears the threshold.
    assert.equal(week.links.length, 2);
    assert.ok(week.links.every((l) => l.weight >= JOIN_BITS));
    const other = events.find((e) => e.documents.includes('other.txt'))!;
    assert.deepEqual(other.documents, ['other.txt']);
  });

  it('links figures of one event by what they count and their scope, not by who is credited', () => {
    const { records } = buildRecord(docs);
    const arrests = records.find((r) => r.measure === 'arrests' && r.claims.some((c) => c.docId === 'news.txt'))!;
    // The newspaper credits "police chiefs" and the release the NPCC: one record all the same.
    assert.deepEqual([...new Set(arrests.claims.map((c) => c.docId))].sort(), ['national.txt', 'news.txt']);
    assert.equal(arrests.scope, 'national');
    assert.equal(arrests.status, 'consistent');
    assert.match(arrests.joinedBy ?? '', /same event .*count arrests and are national/);
    // The force's 41 arrests are its own scope: never a restatement of the national 1,873.
    const dorset = records.find((r) => r.claims.some((c) => c.docId === 'force.txt' && c.text === '41'))!;
    assert.equal(dorset.scope, 'force:dorset-police');
    assert.ok(dorset.claims.every((c) => c.docId === 'force.txt'));
    // The other year's national arrests are another record though measure and scope are the same.
    const other = records.find((r) => r.claims.some((c) => c.docId === 'other.txt' && c.text === '1,240'))!;
    assert.ok(other.claims.every((c) => c.docId === 'other.txt'));
    assert.notEqual(other.event, arrests.event);
  });

  it('keeps a hedge that holds as agreement and a rounding headline checked against the body', () => {
    const { records } = buildRecord(docs);
    const lines = records.find((r) => r.measure === 'drug lines closed' && r.claims.some((c) => c.docId === 'news.txt'))!;
    assert.deepEqual(lines.claims.map((c) => c.text).sort(), ['512', 'More than 500']);
    assert.equal(lines.status, 'consistent');
  });

  it('raises a conflict between documents of one event when a bare headline is more than 1% off', () => {
    const off = doc('off.txt', NEWS.replace('Almost 1,900 held', '1,950 held'));
    const { records } = buildRecord([docs[0], off]);
    const arrests = records.find((r) => r.measure === 'arrests')!;
    assert.equal(arrests.status, 'conflict');
    assert.equal(arrests.rule, 'bare-rounding');
    assert.match(arrests.explanation, /“1,950” .*unhedged rounding/);
  });
});

describe('record: scope', () => {
  it('reads a national release as national and a force release as its force', () => {
    assert.equal(documentScopes(doc('n.txt', NATIONAL)).document.key, 'national');
    assert.equal(documentScopes(doc('f.txt', FORCE)).document.key, 'force:dorset-police');
  });

  it('moves a section that opens on a place to that place ("In Dorset, ...")', () => {
    const text = `${NATIONAL}\nIn Dorset, officers made 41 arrests and closed nine deal lines during the same seven days.\n`;
    const d = doc('n.txt', text);
    const scopes = documentScopes(d);
    const f = d.analysis.annotations.find((a) => a.kind === 'figure' && a.text === '41');
    assert.ok(f && f.kind === 'figure');
    assert.equal(scopes.scopeOf(f).key, 'force:dorset-police');
    // The national figures of the lede stay national.
    const lede = d.analysis.annotations.find((a) => a.kind === 'figure' && a.text === '512');
    assert.ok(lede && lede.kind === 'figure');
    assert.equal(scopes.scopeOf(lede).key, 'national');
  });

  it('reads a court report\'s ages as the age of each person named', () => {
    const text = `Two jailed for running drug line
Published: 3 June 2024

Aiden Marsh, 24, and Kofi Brennan, 31, were jailed at Exeter Crown Court on Monday.

Marsh was sentenced to six years and Brennan to seven years.
`;
    const d = doc('c.txt', text);
    const scopes = documentScopes(d);
    assert.equal(scopes.isCase, true);
    const ages = d.analysis.annotations.filter((a) => a.kind === 'figure' && (a.text === '24' || a.text === '31'));
    assert.deepEqual(ages.map((a) => a.kind === 'figure' && scopes.scopeOf(a).key), ['person:marsh', 'person:brennan']);
  });
});
