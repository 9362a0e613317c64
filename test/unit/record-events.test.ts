import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { buildRecord, type SourceDocument } from '../../src/core/record';
import { compareProfiles, EventIndex, JOIN_BITS, weighProfiles } from '../../src/core/record/events';
import { profileOf } from '../../src/core/record/profile';
import { bitsOf, chanceOfStatedValue, chanceOfValue } from '../../src/core/record/valueBits';
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

  it("joins two write-ups of one force's story that share only small figures, found by the force they are about", () => {
    const a = doc(
      'paper.txt',
      'Gang who stripped farms of machinery left a mocking note\n\nA gang of four men raided 12 farms across Derbyshire, stealing machinery worth about £1.2 million.\n\n' +
        'The raids caused £300,000 of damage to buildings and fences.\n',
    );
    const b = doc(
      'radio.txt',
      'CCTV shows farm raiders loading a stolen tractor\n\nA gang of four men from Chesterfield raided 12 farms in Derbyshire over two winters.\n\n' +
        'The gang caused £300,000 of damage on top of what they stole.\n',
    );
    const [pa, pb] = [profileOf(a), profileOf(b)];
    assert.equal(pa.scope, 'force:derbyshire-constabulary');
    assert.equal(pb.scope, 'force:derbyshire-constabulary');
    assert.ok(weighProfiles(pa, pb) >= JOIN_BITS, JSON.stringify(compareProfiles(pa, pb)));
    const { events } = buildRecord([a, b]);
    assert.deepEqual(
      events.map((e) => e.documents),
      [['paper.txt', 'radio.txt']],
    );
  });

  it('weighs a duration as written: "12 years" says as little as "12", "six years and five months" as much as 77', () => {
    assert.equal(chanceOfStatedValue(12, 1), chanceOfValue(12));
    assert.ok(Math.abs(chanceOfStatedValue(6.41667, 1 / 12) - chanceOfValue(77)) < 1e-6);
    assert.ok(bitsOf(chanceOfStatedValue(6.41667, 1 / 12)) < 6);
    // Whole numbers are weighed as before.
    assert.equal(chanceOfStatedValue(731_460, 1), chanceOfValue(731_460));
    assert.equal(chanceOfStatedValue(2_600_000, 100_000), chanceOfValue(2_600_000));
    const text = 'Roe was jailed for 12 years. Doe was jailed for 144 months.';
    const values = [...profileOf(doc('d.txt', text)).values.values()];
    assert.deepEqual(
      values.map((v) => [v.text, v.key]),
      [['12 years', 'months:144']],
    );
    assert.equal(values[0].bitsSameMeasure, bitsOf(chanceOfValue(12) * 0.3));
  });

  it('weighs a compound sentence length by its months, not by the six digits it was read to', () => {
    // "six years and five months" is read as 6.41667 years: as 77.00004 months it looked like a £426,040.
    const text = 'Roe was jailed for six years and five months. Doe was jailed for 77 months.';
    const values = [...profileOf(doc('c.txt', text)).values.values()];
    assert.deepEqual(
      values.map((v) => v.key),
      ['months:77'],
    );
    assert.ok(values[0].bitsSameMeasure < 6, String(values[0].bitsSameMeasure));
  });

  it('joins a release and its write-up by the distinctive figures they share, and says so with weights', () => {
    const link = compareProfiles(profileOf(docs[0]), profileOf(docs[1]));
    assert.ok(link.weight >= JOIN_BITS, JSON.stringify(link));
    const figures = link.evidence.filter((e) => e.kind === 'figure').map((e) => e.text);
    assert.ok(figures.includes('£731,460 in both'), figures.join('; '));
    assert.ok(link.evidence.some((e) => e.kind === 'date' && e.text === 'published 1 day apart' && e.weight > 0));
  });

  it("weighs a stated period against another year's, and publication dates years apart", () => {
    const link = compareProfiles(profileOf(docs[0]), profileOf(docs[3]));
    assert.ok(link.weight < 0, JSON.stringify(link));
    assert.ok(link.evidence.some((e) => e.kind === 'date' && e.weight < 0));
  });

  it('weighs a pair without writing its evidence to exactly the weight its listed evidence adds up to', () => {
    const profiles = docs.map((d) => profileOf(d));
    for (const a of profiles)
      for (const b of profiles) {
        if (a === b) continue;
        const link = compareProfiles(a, b);
        assert.equal(weighProfiles(a, b), link.weight, `${a.docId} / ${b.docId}`);
        assert.equal(link.weight, Math.round(link.evidence.reduce((s, e) => s + e.weight, 0) * 10) / 10);
      }
  });

  it("resolves three documents of one week into one event, and the other year's week into its own", () => {
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

  it('keeps the evidence between documents through removals and re-adds: affinity, links and events as a fresh index has them', () => {
    const profiles = docs.map((d) => profileOf(d));
    const fresh = new EventIndex();
    fresh.upsertAll(profiles);
    const churned = new EventIndex();
    churned.upsertAll(profiles);
    // Remove the document joined to both others, then each other one, and bring them back in another order.
    churned.remove('national.txt');
    assert.equal(churned.affinity('national.txt', 'news.txt'), 0, 'a removed document has no evidence left with anyone');
    assert.ok(churned.affinity('news.txt', 'force.txt') === fresh.affinity('news.txt', 'force.txt'));
    churned.remove('force.txt');
    churned.upsertAll([profiles[2], profiles[0]]);
    const ids = docs.map((d) => d.id);
    for (const a of ids)
      for (const b of ids) {
        if (a === b) continue;
        assert.equal(churned.affinity(a, b), fresh.affinity(a, b), `${a} ~ ${b}`);
        assert.equal(fresh.affinity(a, b), fresh.affinity(b, a), 'the same both ways');
      }
    assert.ok(fresh.affinity('national.txt', 'news.txt') >= JOIN_BITS);
    // A pair that shares nothing to compare, or only evidence against, has none for.
    assert.equal(fresh.affinity('national.txt', 'other.txt'), 0);
    assert.deepEqual(fresh.link('national.txt', 'news.txt'), compareProfiles(profiles[0], profiles[1]));
    const summary = (x: EventIndex) => x.all().map((e) => [e.documents, e.links.map((l) => [l.documents, l.weight])]);
    assert.deepEqual(summary(churned), summary(fresh));
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
    const off = doc('off.txt', NEWS.replace('Almost 1,900 held', '1,900 held'));
    const { records } = buildRecord([docs[0], off]);
    const arrests = records.find((r) => r.measure === 'arrests')!;
    assert.equal(arrests.status, 'conflict');
    assert.equal(arrests.rule, 'bare-rounding');
    assert.match(arrests.explanation, /“1,900” .*unhedged rounding/);
    // A headline's 1,950 is no rounding of 1,873 at all: a different value.
    const far = buildRecord([docs[0], doc('far.txt', NEWS.replace('Almost 1,900 held', '1,950 held'))]).records.find((r) => r.measure === 'arrests')!;
    assert.equal(far.status, 'conflict');
    assert.equal(far.rule, 'different-value');
    assert.match(far.explanation, /“1,950” .*different values for the same figure \(4\.1% apart, too far for a rounding\)/);
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

  it('reads a town that is the first name of a person named with an age ("Royston Fenwick, 41,") as no place', () => {
    const text =
      'Copper thieves caught on camera at scrap yards\n\nRoyston Fenwick, 41, and Dale Price, 38, both of Dudley, were filmed taking cable worth £90,000 from yards.\n\n' +
      'The pair struck 14 times over the summer.\n';
    assert.equal(documentScopes(doc('y.txt', text)).document.key, 'force:west-midlands-police');
  });

  it('follows "the force" back to the force last named, and never takes a place named to compare with', () => {
    // A regional write-up of two forces' statistics: each force is named once, then called "the force".
    const text = `Recorded crime rises in the region
Published: 28 April 2025

For Avon and Somerset, recorded crime rose by 7 per cent, with a 14 per cent rise in sexual offences.

Public order offences there were up by 31 per cent on the year before.

Gloucestershire Constabulary also recorded a rise in crime, up 19 per cent.

Like Avon and Somerset, the force recorded a rise in sexual offences, up 22 per cent.

Drug offences in the force area fell by 11 per cent, and weapons offences fell by 26 per cent.
`;
    const d = doc('r.txt', text);
    const scopes = documentScopes(d);
    const scopeOfFigure = (figure: string) => {
      const f = d.analysis.annotations.find((a) => a.kind === 'figure' && a.text.includes(figure));
      assert.ok(f && f.kind === 'figure', figure);
      return scopes.scopeOf(f).key;
    };
    assert.equal(scopeOfFigure('14 per cent'), 'force:avon-and-somerset-constabulary');
    assert.equal(scopeOfFigure('22 per cent'), 'force:gloucestershire-constabulary');
    assert.equal(scopeOfFigure('26 per cent'), 'force:gloucestershire-constabulary');
    const built = buildRecord([d]);
    assert.deepEqual(
      built.records.filter((r) => r.status === 'conflict').map((r) => r.explanation),
      [],
    );
  });

  it('follows "the force" back to a force, never to a town the lines ran from', () => {
    const text =
      'Kent drug lines week: 34 arrests\nPublished: 2 December 2024\n\nKent Police took part in the national week of action against county lines, which ran from 25 November.\n\n' +
      'Many of the lines ran from London into towns across the county.\n\nThe force made 34 arrests and seized £120,000 of drugs.\n';
    const d = doc('k.txt', text);
    const scopes = documentScopes(d);
    const cash = d.analysis.annotations.find((a) => a.kind === 'figure' && a.text === '£120,000');
    assert.ok(cash && cash.kind === 'figure');
    assert.equal(scopes.scopeOf(cash).key, 'force:kent-police');
  });

  it("reads a court report's ages as the age of each person named", () => {
    const text = `Two jailed for running drug line
Published: 3 June 2024

Aiden Marsh, 24, and Kofi Brennan, 31, were jailed at Exeter Crown Court on Monday.

Marsh was sentenced to six years and Brennan to seven years.
`;
    const d = doc('c.txt', text);
    const scopes = documentScopes(d);
    assert.equal(scopes.isCase, true);
    const ages = d.analysis.annotations.filter((a) => a.kind === 'figure' && (a.text === '24' || a.text === '31'));
    assert.deepEqual(
      ages.map((a) => a.kind === 'figure' && scopes.scopeOf(a).key),
      ['person:marsh', 'person:brennan'],
    );
  });
});

/**
 * Two reports of one invented court case: the force's release and a local paper's, published a day apart,
 * both telling the raid of some fourteen months before the sentencing, with the same named people, the
 * same street and the same law.
 */
const CASE_RELEASE = `Pair jailed for running 'Kestrel' drug line from Exeter
Published: 4 June 2024

Aiden Marsh, 24, and Kofi Danso, 31, were jailed at Exeter Crown Court on Monday 3 June 2024 after admitting offences under the Modern Slavery Act 2015.

On 2 April 2023 officers searched a flat in Mill Lane, Exeter, and found 83 wraps of Class A drugs.

Marsh was jailed for six years and Danso for seven years.
`;
const CASE_NEWS = `Exeter drug line pair locked up for 13 years
Published: 5 June 2024

Two men who ran a drug line in Exeter were locked up on Monday at Exeter Crown Court.

Aiden Marsh, 24, and Kofi Danso, 31, had pleaded guilty to exploiting a teenager under the Modern Slavery Act 2015. When police went into a flat in Mill Lane on 2 April 2023 they found 83 wraps of Class A drugs.

Marsh got six years; Danso was given seven years.
`;

describe('record: court cases', () => {
  it('names the people of a case, not the street of its raid or the law it was tried under', () => {
    const p = profileOf(doc('case.txt', CASE_RELEASE));
    assert.equal(p.isCase, true);
    assert.deepEqual(p.people, ['aiden marsh', 'kofi danso']);
    const link = compareProfiles(p, profileOf(doc('news.txt', CASE_NEWS)));
    const named = link.evidence.find((e) => e.kind === 'person');
    assert.equal(named?.text, 'Aiden Marsh, Kofi Danso named in both');
  });

  it('keeps "Two Shrewsbury" and the like out of the names: a number word opens no name', () => {
    const text = `Two jailed after Shrewsbury raid\nPublished: 3 June 2024\n\nTwo Shrewsbury men, Leon Pike, 22, and Ross Tate, 25, were jailed at Shrewsbury Crown Court for drug dealing.\n`;
    assert.deepEqual(profileOf(doc('s.txt', text)).people, ['leon pike', 'ross tate']);
  });

  it("reads each defendant's sentence as that person's, and a sentence stated of several together as the case's", () => {
    const d = doc('news.txt', `${CASE_NEWS}\nMarsh and Danso were both given a further two years, and will serve 15 years between them.\n`);
    const scopes = documentScopes(d);
    const scopeOf = (quote: string, nth = 0) => {
      const f = d.analysis.annotations.filter((a) => a.kind === 'figure' && a.text === quote)[nth];
      assert.ok(f && f.kind === 'figure', quote);
      return scopes.scopeOf(f).key;
    };
    assert.equal(scopeOf('six years'), 'person:marsh');
    assert.equal(scopeOf('seven years'), 'person:danso');
    assert.equal(scopeOf('13 years'), 'case');
    assert.equal(scopeOf('15 years'), 'case');
  });

  it("links each defendant's sentence across the reports of a case, and never with another's or the total", () => {
    const release = CASE_RELEASE.replace('Danso for seven years', 'Danso for seven and a half years');
    const news = CASE_NEWS.replace('Marsh got six years; Danso was given seven years.', 'Danso was jailed for more than seven years. Marsh got six years.');
    const record = buildRecord([doc('case.txt', release), doc('news.txt', news)]);
    const sentence = (text: string) => record.records.filter((r) => r.claims.some((c) => c.text === text));
    const [danso] = sentence('seven and a half years');
    assert.deepEqual(danso.claims.map((c) => c.text).sort(), ['more than seven years', 'seven and a half years']);
    assert.equal(danso.status, 'consistent');
    const [marsh] = sentence('six years');
    assert.deepEqual(marsh.claims.map((c) => c.docId).sort(), ['case.txt', 'news.txt']);
    assert.ok(!sentence('13 years')[0].claims.some((c) => c.text !== '13 years'), "the total is not a defendant's sentence");
    // Within the paper's report, Marsh's six years is not a false "more than seven years" of Danso's.
    const checks = (record.checks['news.txt'] ?? []).filter((c) => c.status !== 'ok');
    assert.deepEqual(
      checks.map((c) => c.message),
      [],
    );
  });

  it('links a dated incident of a case, told months before the sentencing, across the reports of the case', () => {
    const record = buildRecord([doc('case.txt', CASE_RELEASE), doc('news.txt', CASE_NEWS)]);
    const wraps = record.records.filter((r) => r.claims.some((c) => c.text === '83'));
    assert.equal(wraps.length, 1, `one record for the 83 wraps, got ${wraps.map((r) => r.key).join(', ')}`);
    assert.deepEqual(wraps[0].claims.map((c) => c.docId).sort(), ['case.txt', 'news.txt']);
    assert.ok(wraps[0].event, "the wraps are the case event's figure");
  });
});
