import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileLexicon, findEntities, type EntityAnnotation } from '../../src/core/lexicon';
import { aliasText, type AliasSpec } from '../../src/core/lexicon/entries';
import { LineIndex } from '../../src/core/text/lines';
import { splitSentences } from '../../src/core/text/sentences';

// Whole categories of names, checked against the data rather than a handful of sentences, so a
// force, office or term added later without its siblings shows up here.
const lexiconDir = path.resolve(__dirname, '../../src/core/lexicon');
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(lexiconDir, file), 'utf8'));

interface Org {
  id: string;
  canonical: string;
  type: string;
  region?: string;
  aliases: AliasSpec[];
}
interface Term {
  id: string;
  category: string;
  statute?: string;
  aliases: AliasSpec[];
}
const organisations = readJson('data/organisations.json').organisations as Org[];
const legalTerms = readJson('data/legal-terms.json').legalTerms as Term[];
const lexicon = compileLexicon();

function entities(text: string): EntityAnnotation[] {
  return findEntities(text, lexicon, { lineIndex: new LineIndex(text), sentences: splitSentences(text) });
}
const orgIds = (text: string) => entities(text).flatMap((e) => (e.kind === 'organisation' ? [`${e.text}=${e.entityId}`] : []));

/** The 41 force areas of England and Wales with a Police and Crime Commissioner or a mayor in that role. */
const pccForces = organisations.filter(
  (o) => o.type === 'police-force' && o.region && !['Scotland', 'Northern Ireland'].includes(o.region) && !['met', 'city-of-london-police'].includes(o.id),
);
/** The area a force polices, as its commissioner's title names it. */
function areaOf(force: Org): string {
  if (force.id === 'gmp') return 'Greater Manchester';
  if (force.id === 'hampshire-constabulary') return 'Hampshire and Isle of Wight';
  return force.canonical.replace(/ (Police|Constabulary)$/, '');
}
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-');
const pccOf = (force: Org) => organisations.find((o) => o.id === `${slug(areaOf(force))}-pcc`);

describe('lexicon coverage: Police and Crime Commissioners', () => {
  it('lists one commissioner’s office for each of the 41 force areas outside London', () => {
    assert.equal(pccForces.length, 41);
    const offices = organisations.filter((o) => o.id.endsWith('-pcc'));
    assert.equal(offices.length, 41);
    for (const force of pccForces) assert.ok(pccOf(force), `no commissioner's office for ${force.canonical}`);
  });

  it('resolves "<force> and Crime Commissioner", "PCC for <area>" and "<area> OPCC" to the office, for every force area', () => {
    for (const force of pccForces) {
      const office = pccOf(force)!;
      const area = areaOf(force);
      for (const alias of force.aliases.map(aliasText).filter((a) => / Police$/.test(a))) {
        const text = `Yesterday ${alias} and Crime Commissioner Sam Rivers visited the estate.`;
        assert.deepEqual(orgIds(text), [`${alias} and Crime Commissioner=${office.id}`], text);
      }
      assert.deepEqual(orgIds(`Funding from the PCC for ${area} was agreed.`), [`PCC for ${area}=${office.id}`]);
      assert.deepEqual(orgIds(`Staff at the ${area} OPCC said so.`), [`${area} OPCC=${office.id}`]);
    }
  });

  it('still ignores the title for an area the data does not know', () => {
    assert.deepEqual(orgIds('Wessex Police and Crime Commissioner Ann Lee spoke.'), []);
  });
});

describe('lexicon coverage: acronyms', () => {
  // All-capital headlines ("TWO YEARS AGO THE MEN WERE JAILED") spell ordinary words in capitals,
  // so a one-word acronym alias must not be one of them.
  const headlineWords = new Set(
    (
      'a ago all and any are bad ban big boy boys but can car cash child city court crime cut day deal drug end few for gang get gun had has ' +
      'her his hit home how jail job key kids knife law led line lot man may men met mix new nips not now off old one our out pay raid run ' +
      'say see set six sun tax ten the top town two use van war was who why win won yes yet'
    )
      .toUpperCase()
      .split(' '),
  );
  it('has no one-word capital acronym that is a common headline word', () => {
    for (const entry of [...organisations, ...legalTerms]) {
      for (const alias of entry.aliases) {
        const text = aliasText(alias);
        assert.ok(!headlineWords.has(text), `${entry.id}: "${text}" reads as a word in an all-capital headline`);
      }
    }
    assert.deepEqual(orgIds('TWO YEARS AGO THE MEN WERE JAILED FOR THE RAID'), []);
  });
});

describe('lexicon coverage: legal terms', () => {
  it('gives every order, police power and sentence the statute it comes from', () => {
    for (const term of legalTerms.filter((t) => ['order', 'police-power', 'sentence'].includes(t.category))) {
      assert.ok(term.statute && term.statute.length > 4, `${term.id} has no statute`);
    }
  });

  it('keeps the arrest, bare harm words and jargon out of the aliases, as the guideline says', () => {
    // Court steps ("charged", "convicted", "jailed", "trial") are legal terms; the arrest, the court and the jury are not.
    const banned = new Set([
      'arrest',
      'arrested',
      'charge',
      'charges',
      'prosecution',
      'court',
      'admitted',
      'behind bars',
      'locked up',
      'serious violence',
      'child exploitation',
      'jury',
      'curfew',
      'tag',
      'community',
      'exploitation',
      'violence',
      'abuse',
      'county lines',
      'cuckooing',
      'drug dealing',
      'drug supply',
      'safeguarding',
      'safeguarded',
      'confiscation',
      'licence',
      'first appearance',
    ]);
    for (const term of legalTerms) {
      for (const alias of term.aliases)
        assert.ok(!banned.has(aliasText(alias).toLowerCase()), `${term.id}: "${aliasText(alias)}" is a bare word the guideline leaves out`);
    }
  });

  it('annotates nothing in prose about a day out that shares words with the lexicon', () => {
    const text = [
      'The community centre held a trial of its new opening hours and the jury is still out on the curfew for the bouncy castle.',
      'Mind you, the night shelter was busy; one volunteer said she did unpaid overtime to keep the refuge for stray cats open.',
      'A sentence on the noticeboard asked children to tag a friend, and the independent café down the road sold oilseed rape honey.',
      'Parliament Square was quiet, the sun came out, and a man was remanded by his wife for forgetting the picnic.',
    ].join('\n');
    const found = entities(text).map((e) => e.text);
    // The matcher cannot tell a joke from a courtroom: "remanded", and the bare court words the guideline
    // now counts ("sentence"), are matched wherever they stand; a "trial of" a timetable is, too.
    assert.deepEqual(found, ['trial', 'sentence', 'remanded']);
  });
});
