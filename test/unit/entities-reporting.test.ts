import * as assert from 'node:assert/strict';
import { compileLexicon, findEntities, type EntityAnnotation } from '../../src/core/lexicon';
import { LineIndex } from '../../src/core/text/lines';
import { splitSentences } from '../../src/core/text/sentences';
import type { LegalTermAnnotation, OrganisationAnnotation } from '../../src/core/types';

// Synthetic wording for the kinds of crime reporting beyond county lines: statistics bulletins, court
// reports with several defendants, fraud and asset recovery, other police operations.
const lexicon = compileLexicon();
const entities = (text: string): EntityAnnotation[] => findEntities(text, lexicon, { lineIndex: new LineIndex(text), sentences: splitSentences(text) });
const terms = (text: string) => entities(text).filter((e): e is LegalTermAnnotation => e.kind === 'legal-term');
const termTexts = (text: string) => terms(text).map((t) => t.text);
const orgTexts = (text: string) =>
  entities(text)
    .filter((e): e is OrganisationAnnotation => e.kind === 'organisation')
    .map((o) => `${o.text}=${o.canonical}`);

describe('legal terms of courts and statistics', () => {
  it('reads offence categories as statistics write them', () => {
    assert.deepEqual(
      termTexts('Police recorded more sexual offences and fewer public order crimes, while violence with injury and theft from the person were flat.'),
      ['sexual offences', 'public order crimes', 'violence with injury', 'theft from the person'],
    );
  });
  it('takes a coordinated phrase as one term, but not the tail of a longer term', () => {
    assert.deepEqual(termTexts('Drug and weapons offences fell; robbery and burglary offences rose.'), [
      'Drug and weapons offences',
      'robbery and burglary offences',
    ]);
    assert.deepEqual(termTexts('The court made confiscation and forfeiture orders.'), ['confiscation and forfeiture orders']);
    assert.deepEqual(termTexts('He admitted possession with intent to supply and supply of class A drugs.'), [
      'possession with intent to supply',
      'supply of class A drugs',
    ]);
  });
  it('keeps a weapon prefix and a defining postmodifier with the offence', () => {
    assert.deepEqual(termTexts('Knife-enabled homicides were steady, but robberies involving a knife or sharp instrument rose.'), [
      'Knife-enabled homicides',
      'robberies involving a knife or sharp instrument',
    ]);
  });
  it('names what a conspiracy agreed to, unless the lexicon already names it', () => {
    assert.deepEqual(termTexts('Two men denied conspiracy to steal catalytic converters between May and July.'), ['conspiracy to steal catalytic converters']);
    assert.deepEqual(termTexts('She admitted conspiracy to supply heroin.'), ['conspiracy to supply']);
  });
  it('reads offence verbs and the bare names of offences where they name one', () => {
    assert.deepEqual(termTexts('The pair burgled a warehouse and assaulted a guard; the profits went into laundering.'), [
      'burgled',
      'assaulted',
      'laundering',
    ]);
    assert.deepEqual(termTexts('Victims of modern-day slavery were freed.'), ['modern-day slavery']);
  });
  it('gives each court step the place in the process it puts the person', () => {
    const found = terms('She was charged, bailed, tried, convicted and sentenced; an inquest later found he was unlawfully killed.');
    assert.deepEqual(
      found.map((t) => [t.text, t.stage]),
      [
        ['charged', 'charge'],
        ['bailed', 'pre-trial'],
        ['convicted', 'verdict'],
        ['sentenced', 'sentence'],
        ['inquest', 'inquest'],
        ['unlawfully killed', 'inquest'],
      ],
    );
    for (const t of found) assert.ok(lexicon.legalTerm(t.termId)!.definition.length > 40, `${t.termId} has a definition`);
  });
  it('reads "life" and "fine" only where a court gives them', () => {
    assert.deepEqual(termTexts('He was sentenced to life with a minimum term of 20 years.'), ['sentenced', 'life', 'minimum term']);
    assert.deepEqual(termTexts('Life in the village was fine until the burglaries.'), ['burglaries']);
    assert.deepEqual(termTexts('Drivers face an unlimited fine and disqualification from driving.'), ['fine', 'disqualification from driving']);
  });
  it('reads police powers as they are reported', () => {
    assert.deepEqual(termTexts('Officers made 40 stop checks, 12 stop searches and 300 breath tests at vehicle stops.'), [
      'stop checks',
      'stop searches',
      'breath tests',
      'vehicle stops',
    ]);
  });
  it('does not trust a term the end of an excerpt may have cut short', () => {
    assert.deepEqual(termTexts('Officers carried out breath test'), []);
  });
  it('leaves the arrest, the noun "charges", a clinical trial and a previous conviction record alone', () => {
    assert.deepEqual(termTexts('After the arrest, charges were read. A drug trial run found previous convictions on file.'), []);
  });
});

describe('organisations of all crime reporting', () => {
  it('knows the statistics bodies and the modern-slavery decision makers', () => {
    assert.deepEqual(orgTexts('Figures from the Office for National Statistics (ONS) and the Single Competent Authority (SCA) were published.'), [
      'Office for National Statistics=Office for National Statistics',
      'ONS=Office for National Statistics',
      'Single Competent Authority=Single Competent Authority',
      'SCA=Single Competent Authority',
    ]);
  });
  it('finds force departments, teams and prisons by rule, but not a generic kind', () => {
    assert.deepEqual(orgTexts('Detectives from the Economic Crime Hub and the Rural Burglary Team worked with CID. He was sent to HMP Wandsworth.'), [
      'Economic Crime Hub=Economic Crime Hub',
      'Rural Burglary Team=Rural Burglary Team',
      'CID=Criminal Investigation Department',
      'HMP Wandsworth=HMP Wandsworth',
    ]);
    assert.deepEqual(orgTexts('A Working Group met. They ran an Organised Crime Group.'), []);
  });
  it('never takes a street address for a court', () => {
    assert.deepEqual(orgTexts('Jones, 31, of 12 Ruskin Court, Leeds, appeared before a judge sitting at Leeds Crown Court yesterday morning.'), [
      'Leeds Crown Court=Leeds Crown Court',
    ]);
  });
  it('reads "the Government" with a capital as HM Government, and not as a modifier', () => {
    assert.deepEqual(orgTexts('In June the Government launched a strategy. See the Government statistics calendar.'), ['Government=HM Government (UK)']);
    assert.deepEqual(orgTexts('Critics said the government was slow.'), []);
  });
  it('finds the outlet that publishes a story and the picture agency in a credit', () => {
    assert.deepEqual(orgTexts('Image: PA\n\nHarbourside Free Press:\n\nREAD MORE: ...'), ['PA=PA Media', 'Harbourside Free Press=Harbourside Free Press']);
  });
  it('does not trust a name found by rule that the end of an excerpt cuts short', () => {
    assert.deepEqual(orgTexts('Data published by the Office for Statist'), []);
  });
  it('names companies and unions in retail-crime stories', () => {
    assert.deepEqual(orgTexts('Staff at Boots and Tesco told the union USDAW of abuse.'), ['Boots=Boots', 'Tesco=Tesco', 'USDAW=USDAW']);
  });
});
