import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileLexicon, findEntities, type CompiledLexicon, type EntityAnnotation } from '../../src/core/lexicon';
import { LineIndex } from '../../src/core/text/lines';
import { splitSentences } from '../../src/core/text/sentences';
import type { LegalTermAnnotation, OrganisationAnnotation } from '../../src/core/types';

const builtIn = compileLexicon();

function entities(text: string, lexicon: CompiledLexicon = builtIn): EntityAnnotation[] {
  return findEntities(text, lexicon, { lineIndex: new LineIndex(text), sentences: splitSentences(text) });
}
const orgs = (text: string, lexicon?: CompiledLexicon) => entities(text, lexicon).filter((e): e is OrganisationAnnotation => e.kind === 'organisation');
const terms = (text: string, lexicon?: CompiledLexicon) => entities(text, lexicon).filter((e): e is LegalTermAnnotation => e.kind === 'legal-term');
const orgMentions = (text: string) => orgs(text).map((o) => `${o.text}=${o.entityId}`);
const termMentions = (text: string) => terms(text).map((t) => `${t.text}=${t.termId}`);

describe('findEntities: organisations', () => {
  it('resolves the ways the Met is written to one entity, with spans that leave out "the" and "’s"', () => {
    const text = 'The Met said the Metropolitan police and Scotland Yard agreed. The Met’s officers, the MPS and Met Police all helped.';
    assert.deepEqual(orgMentions(text), ['Met=met', 'Metropolitan police=met', 'Scotland Yard=met', 'Met=met', 'MPS=met', 'Met Police=met']);
  });

  it('does not take the Met Office, "met with" or "met" in a web address for the Met', () => {
    assert.deepEqual(orgMentions('The Met Office warned of storms. Officers met with residents at www.met.police.uk today.'), ['Met Office=met-office']);
    assert.deepEqual(orgMentions('Met with silence, the officers left.'), []);
  });

  it('leaves web and e-mail addresses alone but keeps hyphenated compounds', () => {
    assert.deepEqual(orgMentions('Young people can use Fearless.org, email NCA@example.org or visit the Met-led hub at www.Crimestoppers.org.'), ['Met=met']);
  });

  it('accepts the misspelt "National Police Chief’s Council" and the plain "Chiefs Council"', () => {
    assert.deepEqual(orgMentions('The National Police Chief’s Council and the National Police Chiefs Council met.'), [
      'National Police Chief’s Council=npcc',
      'National Police Chiefs Council=npcc',
    ]);
  });

  it('annotates "Kent Police\'s" without the possessive, and hyphen or space variants alike', () => {
    const text = "Kent Police's officers joined Dyfed-Powys Police and Dyfed Powys Police.";
    const found = orgs(text);
    assert.deepEqual(
      found.map((o) => [o.text, o.entityId]),
      [
        ['Kent Police', 'kent-police'],
        ['Dyfed-Powys Police', 'dyfed-powys-police'],
        ['Dyfed Powys Police', 'dyfed-powys-police'],
      ],
    );
    assert.equal(found[0].id, `organisation:0-11`);
    assert.equal(found[0].source, 'lexicon');
  });

  it('requires acronyms in capitals and the first word of a name capitalised', () => {
    assert.deepEqual(orgMentions('The nca and the home office were mentioned, but the NCA and the Home Office count.'), ['NCA=nca', 'Home Office=home-office']);
  });

  it('reports lines correctly with CRLF endings and keeps names from running across lines', () => {
    const text = 'Essex Police update\r\n\r\nOfficers from Kent\r\nPolice Scotland joined the NCA.\r\n';
    const found = orgs(text);
    assert.deepEqual(
      found.map((o) => [o.text, o.line]),
      [
        ['Essex Police', 0],
        ['Police Scotland', 3],
        ['NCA', 3],
      ],
    );
  });

  it('copes with text that is all punctuation before a name (more tokens than characters/4)', () => {
    const text = `${'.,;'.repeat(3000)} Kent Police`;
    assert.deepEqual(
      orgs(text).map((o) => [o.text, o.start]),
      [['Kent Police', 9001]],
    );
  });

  it('reads curly and straight apostrophes and quotes alike', () => {
    assert.deepEqual(orgMentions("“The Children’s Society and Barnardo's,” she said, “work with the Prince's Trust.”"), [
      'Children’s Society=childrens-society',
      "Barnardo's=barnardos",
      "Prince's Trust=princes-trust",
    ]);
  });

  it('takes a newspaper for an organisation only where the text says "the Guardian"', () => {
    assert.deepEqual(orgMentions('He told the Guardian that a legal guardian and a Guardian angel were not needed.'), ['Guardian=guardian']);
  });

  it('takes "Kent Police and Crime Commissioner" for the commissioner’s office, not for the force', () => {
    assert.deepEqual(orgMentions('Kent Police and Crime Commissioner Matthew Scott thanked Kent Police and Essex Police.'), [
      'Kent Police and Crime Commissioner=kent-pcc',
      'Kent Police=kent-police',
      'Essex Police=essex-police',
    ]);
    assert.deepEqual(orgMentions("Wessex's Police and Crime Commissioner and the Wessex Police and Crime Panel met."), []);
  });

  it('takes the longest name: "Ministry of Defence Police" is not the Ministry of Defence plus police', () => {
    assert.deepEqual(orgMentions('The Ministry of Defence Police and the Crown Prosecution Service (CPS) charged him.'), [
      'Ministry of Defence Police=mod-police',
      'Crown Prosecution Service=cps',
      'CPS=cps',
    ]);
  });
});

describe('findEntities: organisations no lexicon knows', () => {
  it('finds courts and councils by their head word, with a slug id and a type from the head', () => {
    const found = orgs('Three men appeared at Maidstone Crown Court after Medway Council and the London Borough of Hackney raised concerns.');
    assert.deepEqual(
      found.map((o) => [o.text, o.entityId, o.orgType, o.known, o.source]),
      [
        ['Maidstone Crown Court', 'maidstone-crown-court', 'court', false, 'rule'],
        ['Medway Council', 'medway-council', 'council', false, 'rule'],
        ['London Borough of Hackney', 'london-borough-of-hackney', 'council', false, 'rule'],
      ],
    );
  });

  it('trims titles, articles and possessives from a name', () => {
    assert.deepEqual(orgMentions("The leader of Essex County Council's cabinet spoke, as did The Daily Ledger."), [
      'Essex County Council=essex-county-council',
      'Daily Ledger=daily-ledger',
    ]);
  });

  it('splits two names joined by "and"', () => {
    assert.deepEqual(orgMentions("We work with Wessex Children's Trust."), ["Wessex Children's Trust=wessex-childrens-trust"]);
    assert.deepEqual(orgMentions('Officers from Lambeth Council and Southwark Council attended.'), [
      'Lambeth Council=lambeth-council',
      'Southwark Council=southwark-council',
    ]);
    assert.deepEqual(orgMentions('The London Borough of Lambeth and Birmingham City Council took part.'), [
      'London Borough of Lambeth=london-borough-of-lambeth',
      'Birmingham City Council=birmingham-city-council',
    ]);
    assert.deepEqual(orgMentions('The Department for Work and Pensions helped.'), ['Department for Work and Pensions=dwp']);
  });

  it('ignores sentence-start capitals, title-case headlines, people’s titles and places', () => {
    const text = [
      'Police Raid Homes In Dawn Swoop Across Wessex Town',
      '',
      'Local Police said the raids worked. Police Constable Jane Doe attended. The Manchester City Centre patrols continue.',
      'Further Police activity is planned.',
    ].join('\n');
    assert.deepEqual(orgMentions(text), []);
  });

  it('takes a ranked person whose surname is a head word for a person', () => {
    assert.deepEqual(orgMentions('Detective Constable Emma Court said Cllr Tom Council agreed, as did Inspector Ali Hassan of Wessex County Council.'), [
      'Wessex County Council=wessex-county-council',
    ]);
  });

  it('names what follows "the charity" as a charity', () => {
    const found = orgs('Support came from the charity Oasis, which runs youth clubs.');
    assert.deepEqual(
      found.map((o) => [o.text, o.orgType, o.known]),
      [['Oasis', 'charity', false]],
    );
  });
});

describe('findEntities: legal terms', () => {
  it('annotates offences, statutes and classes, longest first and never nested', () => {
    const text =
      'He admitted possession with intent to supply Class A drugs and conspiracy to supply, contrary to the Misuse of Drugs Act 1971. The 7.6kg of Class A was seized.';
    assert.deepEqual(termMentions(text), [
      'possession with intent to supply Class A drugs=pwits',
      'conspiracy to supply=conspiracy-to-supply',
      'Misuse of Drugs Act 1971=misuse-of-drugs-act-1971',
      'Class A=class-a',
    ]);
  });

  it('carries category and statute, and takes a cited section into a statute span', () => {
    const [pwits, act] = terms('PWITS charges followed under Section 2 of the Modern Slavery Act 2015.');
    assert.deepEqual([pwits.category, pwits.statute], ['offence', 'Misuse of Drugs Act 1971, s.5(3)']);
    assert.equal(act.text, 'Section 2 of the Modern Slavery Act 2015');
    assert.equal(act.category, 'legislation');
  });

  it('matches plurals, acronyms and any case', () => {
    assert.deepEqual(termMentions('Two Drug Dealing Telecommunication Restriction Orders (DDTROs) and slavery and trafficking prevention orders were made.'), [
      'Drug Dealing Telecommunication Restriction Orders=ddtro',
      'DDTROs=ddtro',
      'slavery and trafficking prevention orders=stpo',
    ]);
  });

  it('annotates the court steps but leaves the arrest, safeguarding and jargon alone', () => {
    assert.deepEqual(
      termMentions('He was arrested, charged, convicted and jailed; 110 people were safeguarded and a flat was cuckooed by county lines dealers.'),
      ['charged=charged', 'convicted=convicted', 'jailed=jailed'],
    );
  });

  it('annotates "warrant", bail and named court steps', () => {
    assert.deepEqual(termMentions('Officers executed a warrant. He pleaded guilty, was refused bail and remanded in custody.'), [
      'warrant=search-warrant',
      'pleaded guilty=pleaded-guilty',
      'bail=bail',
      'remanded in custody=remanded-in-custody',
    ]);
  });

  it('does not take the verbs "warrant" and "bail out" for legal terms', () => {
    assert.deepEqual(termMentions('The facts did not warrant charges and no bank would bail out the dealers, but officers executed a warrant.'), [
      'warrant=search-warrant',
    ]);
  });

  it('takes bare "trafficking" only where it names the offence', () => {
    assert.deepEqual(termMentions('They were victims of trafficking. Trafficking routes were mapped.'), ['trafficking=human-trafficking']);
  });

  it('joins a legal term wrapped across a line break mid-sentence', () => {
    assert.deepEqual(termMentions('He was charged with possession with intent\nto supply drugs.'), [
      'charged=charged',
      'possession with intent\nto supply=pwits',
    ]);
  });
});

describe('findEntities: workspace lexicon', () => {
  const lexicon = compileLexicon({
    organisations: [{ id: 'oasis-project', canonical: 'Oasis Project', type: 'charity', aliases: ['Oasis Project', { text: 'OP', match: 'exact' }] }],
    legalTerms: [
      {
        id: 'affray',
        canonical: 'affray',
        category: 'offence',
        definition: 'Using or threatening violence that would frighten a bystander.',
        aliases: ['affray'],
      },
    ],
    ignore: ['Met Police Federation', 'Operation Sceptre Unit'],
  });

  it('annotates workspace entries with their source', () => {
    const found = entities('The Oasis Project (OP) said the affray was over.', lexicon);
    assert.deepEqual(
      found.map((e) => [e.text, e.source]),
      [
        ['Oasis Project', 'workspace-lexicon'],
        ['OP', 'workspace-lexicon'],
        ['affray', 'workspace-lexicon'],
      ],
    );
  });

  it('never annotates ignored phrases, by lexicon or by rule', () => {
    assert.deepEqual(
      orgs('The Met Police Federation and the Operation Sceptre Unit spoke; the Met agreed.', lexicon).map((o) => o.text),
      ['Met'],
    );
  });
});

describe('findEntities on the seed releases', () => {
  const seeds = path.resolve(__dirname, '../../../shared/seeds');
  const files = fs.existsSync(seeds)
    ? fs
        .readdirSync(seeds)
        .filter((f) => f.endsWith('.txt'))
        .sort()
    : [];

  before(function () {
    if (files.length === 0) {
      console.log(`    (skipped: no seed releases at ${seeds})`);
      this.skip();
    }
  });

  it('prints what it finds, for eyeballing precision', () => {
    for (const file of files) {
      const text = fs.readFileSync(path.join(seeds, file), 'utf8');
      const found = entities(text);
      const orgCount = found.filter((e) => e.kind === 'organisation').length;
      console.log(`    ${file}: ${orgCount} organisations, ${found.length - orgCount} legal terms`);
      for (const e of found) console.log(`      ${e.line + 1}: ${e.kind === 'organisation' ? `org  ${e.entityId}` : `law  ${e.termId}`}  "${e.text}"`);
      for (const e of found) assert.equal(text.slice(e.start, e.end), e.text);
    }
  });

  it('finds the Met six times in the Met release (000) and the newspaper that reported it', () => {
    const file = files.find((f) => f.startsWith('000_'));
    if (!file) return;
    const found = orgs(fs.readFileSync(path.join(seeds, file), 'utf8'));
    assert.equal(found.filter((o) => o.entityId === 'met').length, 6);
    assert.deepEqual(
      found.filter((o) => o.entityId !== 'met').map((o) => o.entityId),
      ['guardian'],
    );
  });
});
