import { strict as assert } from 'node:assert';
import { analyze, findPeople, type Person } from '../../src/core';

function people(text: string): Person[] {
  const a = analyze(text);
  return [...findPeople({ text, sentences: a.sentences, annotations: a.annotations }).people];
}
const named = (text: string) => people(text).filter((p) => p.name);
const byName = (text: string, name: string) => {
  const p = people(text).find((x) => x.name === name);
  assert.ok(p, `no person named ${name}`);
  return p;
};
const roles = (p: Person) => [...new Set(p.roles.map((r) => r.role))].sort();

describe('people: names', () => {
  it('takes a first name and surname as a person, not a street, a place or an organisation', () => {
    const text = 'Kelly Marsh, 31, of Quarry Lane, Dudley, was charged by West Midlands Police. She lives near Abu Dhabi Road.';
    assert.deepEqual(
      named(text).map((p) => p.name),
      ['Kelly Marsh'],
    );
  });

  it('takes an unknown first name when an age, a title or "named as" marks it', () => {
    assert.deepEqual(
      named('Zoltek Varga, 44, was arrested.').map((p) => p.name),
      ['Zoltek Varga'],
    );
    assert.deepEqual(
      named('The man was named as Orrin Quayle.').map((p) => p.name),
      ['Orrin Quayle'],
    );
    assert.deepEqual(
      named('Detective Sergeant Wren Ashby said the inquiry continues.').map((p) => p.name),
      ['Wren Ashby'],
    );
  });

  it('does not take a capitalised label before a first name as part of the name', () => {
    assert.deepEqual(
      named('Ringleader Owen Pike, 40, was jailed.').map((p) => p.name),
      ['Owen Pike'],
    );
  });

  it('does not take "so-called" names or a capitalised place after "in" as people', () => {
    assert.deepEqual(named('Gangs run so-called County Lines in Greater Manchester.'), []);
  });

  it('joins later mentions by surname, by honorific and by first name to the person', () => {
    const p = byName('Nadia Brook, 19, gave evidence. Miss Brook said she was afraid. Brook left the court. Nadia cried.', 'Nadia Brook');
    assert.deepEqual(
      p.mentions.filter((m) => m.kind !== 'pronoun').map((m) => m.text),
      ['Nadia Brook', 'Miss Brook', 'Brook', 'Nadia'],
    );
  });

  it('leaves a surname two people share unjoined', () => {
    const text = 'Ian Dale, 40, and Ruth Dale, 38, were charged. Dale was remanded.';
    for (const p of named(text)) assert.equal(p.mentions.filter((m) => m.text === 'Dale').length, 0);
  });
});

describe('people: age, place and sex', () => {
  it('reads the age and home town from the apposition after the first naming', () => {
    const p = byName('Reuben Ashe, 16, of Elmtree Close, Barnsley, appeared in court.', 'Reuben Ashe');
    assert.equal(p.age, 16);
    assert.equal(p.minor, true);
    assert.equal(p.place, 'Barnsley');
    assert.equal(p.gender, 'male');
  });

  it('reads "aged N", "(N)" and a hyphenated age before the name', () => {
    assert.equal(byName('Mia Holt, aged 15, was bailed.', 'Mia Holt').age, 15);
    assert.equal(byName('Mia Holt (15) was bailed.', 'Mia Holt').age, 15);
    assert.equal(byName('17-year-old Mia Holt was bailed.', 'Mia Holt').age, 17);
  });

  it('makes a person appearing in the youth court a child without a stated age', () => {
    assert.equal(byName('Toby Fenn appeared at Hull Youth Court charged with theft.', 'Toby Fenn').minor, true);
  });
});

describe('people: descriptions and pronouns', () => {
  it('joins a description right before or after the name to the person', () => {
    const p = byName('A 15-year-old boy, Leon Swift, was arrested.', 'Leon Swift');
    assert.equal(p.age, 15);
    const q = byName('Police named the woman as Grace Obi. The woman, named in court as Grace Obi, gave evidence.', 'Grace Obi');
    assert.equal(q.gender, 'female');
  });

  it('joins "the 16-year-old" only to a person of that age', () => {
    const text = 'Eli Stone, 16, was charged. The 16-year-old was remanded.';
    assert.ok(byName(text, 'Eli Stone').mentions.some((m) => m.text === 'The 16-year-old'));
    const victim = 'Amos Reed was stabbed in the street. The 15-year-old who attacked him was convicted.';
    assert.ok(!byName(victim, 'Amos Reed').mentions.some((m) => m.kind === 'description'));
  });

  it('joins an unnamed defendant in the lede to the defendant named next, but never a victim to an accused', () => {
    const text = 'A man has been charged after a shop was robbed.\n\nCarl Vine, 33, of Hove, was charged with robbery.';
    assert.ok(byName(text, 'Carl Vine').mentions.some((m) => m.text === 'A man'));
    const victim = 'A woman was attacked in a park.\n\nCarl Vine, 33, was charged with assault.';
    assert.ok(!byName(victim, 'Carl Vine').mentions.some((m) => m.text === 'A woman'));
  });

  it('resolves "he" to the one man just mentioned, and not when two could be meant', () => {
    const one = byName('Omar Sayed was arrested on Friday. He was later charged.', 'Omar Sayed');
    assert.deepEqual(roles(one), ['charged', 'suspect']);
    const two = 'Omar Sayed met Liam Frost. He was later charged.';
    for (const p of named(two)) assert.ok(!p.roles.some((r) => r.role === 'charged'));
  });
});

describe('people: roles', () => {
  it('gives the cue to the person before a passive verb and after an active one', () => {
    assert.deepEqual(roles(byName('Jon Pratt, 22, was jailed for three years.', 'Jon Pratt')), ['convicted']);
    assert.deepEqual(roles(byName('Officers arrested Jon Pratt at his home.', 'Jon Pratt')), ['suspect']);
  });

  it('shares a cue between people joined by "and"', () => {
    const text = 'Ivy Lark, 30, and Pete Moss, 31, were charged with fraud.';
    for (const p of named(text)) assert.deepEqual(roles(p), ['charged']);
  });

  it('gives the subject of a relative clause the cue, not a person inside the clause', () => {
    const text = 'Dean Cobb, 22, who sold pills to Amy Kerr near the stage, was arrested on Sunday.';
    assert.deepEqual(roles(byName(text, 'Dean Cobb')), ['suspect']);
    assert.deepEqual(roles(byName(text, 'Amy Kerr')), []);
  });

  it('does not give a reported event to the person who reports it', () => {
    const text = 'Rosa Quint, a senior prosecutor, said the boys were trafficked.';
    assert.deepEqual(roles(byName(text, 'Rosa Quint')), ['officer']);
  });

  it('marks officers by title and officials by apposition', () => {
    assert.deepEqual(roles(byName('PC Ada Finch said the driver was arrested.', 'Ada Finch')), ['officer']);
    assert.deepEqual(roles(byName('Ben Hale, from the National Crime Agency, said more arrests would follow.', 'Ben Hale')), ['officer']);
  });

  it('marks a conviction in an earlier case as previous', () => {
    const p = byName('Gus Tate, 40, was charged with burglary. Tate was jailed in 2019 for theft.', 'Gus Tate');
    assert.ok(p.roles.find((r) => r.role === 'convicted')?.previous);
  });

  it('reads a victim from "his victim, X" and from the object of an offence verb', () => {
    assert.deepEqual(roles(byName('His victim, Lily Shore, was 19.', 'Lily Shore')), ['victim']);
    assert.deepEqual(roles(byName('He groomed Lily Shore online.', 'Lily Shore')), ['victim']);
  });
});

describe('people: searching only sentences that hold a trigger word', () => {
  // The word-index search must find exactly what a scan of the whole text finds, on every text we have.
  const fs = require('node:fs') as typeof import('node:fs');
  const path = require('node:path') as typeof import('node:path');
  const { findCues, previousConvictionSpans } = require('../../src/core/people/roles') as typeof import('../../src/core/people/roles');
  const { findDescriptions, sentenceFinder } = require('../../src/core/people/mentions') as typeof import('../../src/core/people/mentions');
  const { buildWordIndex } = require('../../src/core/people/wordIndex') as typeof import('../../src/core/people/wordIndex');
  const { REPORTING_RULES } = require('../../src/core') as typeof import('../../src/core');
  const dirs = [path.join(__dirname, '../fixtures/reporting/drafts'), path.join(__dirname, '../../samples')];
  const texts = [
    ...dirs.flatMap((d) =>
      fs
        .readdirSync(d)
        .filter((f) => f.endsWith('.txt'))
        .map((f) => fs.readFileSync(path.join(d, f), 'utf8')),
    ),
    ...REPORTING_RULES.map((r) => r.example),
  ];

  it(`finds the same cues, previous convictions and descriptions as a whole-text scan (${texts.length} texts)`, () => {
    for (const text of texts) {
      const a = analyze(text);
      const sentenceOf = sentenceFinder(a.sentences);
      const words = buildWordIndex(text, a.sentences);
      const headline = new Set([0]);
      const prev = previousConvictionSpans(text, a.sentences);
      assert.deepEqual(previousConvictionSpans(text, a.sentences, words), prev);
      assert.deepEqual(findCues(text, a.sentences, headline, prev, words), findCues(text, a.sentences, headline, prev));
      const entities = a.annotations.filter((x) => x.kind !== 'figure');
      assert.deepEqual(findDescriptions(text, sentenceOf, entities, { sentences: a.sentences, words }), findDescriptions(text, sentenceOf, entities));
    }
  });
});
