import * as assert from 'node:assert/strict';
import { compileLexicon, findEntities, type EntityAnnotation } from '../../src/core/lexicon';
import { LineIndex } from '../../src/core/text/lines';
import { splitSentences } from '../../src/core/text/sentences';

// Sentences written for these tests, one per category of name that unseen releases use and the
// tuned samples do not: the point is that each category is covered, not each sentence.
const lexicon = compileLexicon();

function entities(text: string): EntityAnnotation[] {
  return findEntities(text, lexicon, { lineIndex: new LineIndex(text), sentences: splitSentences(text) });
}
const orgs = (text: string) =>
  entities(text)
    .filter((e) => e.kind === 'organisation')
    .map((e) => e.text);
const orgIds = (text: string) => entities(text).flatMap((e) => (e.kind === 'organisation' ? [`${e.text}=${e.entityId}`] : []));
const terms = (text: string) => entities(text).flatMap((e) => (e.kind === 'legal-term' ? [`${e.text}=${e.category}`] : []));

describe('findEntities on unseen kinds of release: organisations', () => {
  it('knows the devolved governments and their justice bodies', () => {
    assert.deepEqual(
      orgs('Ministers in the Welsh Government, the Scottish Government and the Northern Ireland Executive were briefed, as was the Department of Justice NI.'),
      ['Welsh Government', 'Scottish Government', 'Northern Ireland Executive', 'Department of Justice NI'],
    );
    assert.deepEqual(
      orgs('Cases go to the Crown Office and Procurator Fiscal Service in Scotland and to the Public Prosecution Service for Northern Ireland.'),
      ['Crown Office and Procurator Fiscal Service', 'Public Prosecution Service for Northern Ireland'],
    );
  });

  it('takes each way of naming a Police and Crime Commissioner’s office for the office of that area', () => {
    const text =
      'The Police and Crime Commissioner for South Wales, the Kent PCC and the Office of the Police and Crime Commissioner for Lancashire ' +
      'backed the bid, with Thames Valley Police and Crime Commissioner Jane Doe and the PCC for Devon and Cornwall.';
    assert.deepEqual(orgIds(text), [
      'Police and Crime Commissioner for South Wales=south-wales-pcc',
      'Kent PCC=kent-pcc',
      'Office of the Police and Crime Commissioner for Lancashire=lancashire-pcc',
      'Thames Valley Police and Crime Commissioner=thames-valley-pcc',
      'PCC for Devon and Cornwall=devon-and-cornwall-pcc',
    ]);
  });

  it('knows the fire and crime commissioners, MOPAC and the Deputy Mayor for Policing and Crime', () => {
    assert.deepEqual(orgIds('Essex Police, Fire and Crime Commissioner Roger Bell spoke; so did Staffordshire PFCC staff.'), [
      'Essex Police, Fire and Crime Commissioner=essex-pcc',
      'Staffordshire PFCC=staffordshire-pcc',
    ]);
    assert.deepEqual(orgIds('The Mayor’s Office for Policing and Crime (MOPAC) and the Deputy Mayor for Policing and Crime agreed.'), [
      'Mayor’s Office for Policing and Crime=mopac',
      'MOPAC=mopac',
      'Deputy Mayor for Policing and Crime=mopac',
    ]);
  });

  it('reads "for the West Midlands" and "Kent’s PCC", and a Deputy Mayor only without "of"', () => {
    assert.deepEqual(orgIds('The Police and Crime Commissioner for the West Midlands and Kent’s PCC met the Deputy Mayor, then the Deputy Mayor of Hackney.'), [
      'Police and Crime Commissioner for the West Midlands=west-midlands-pcc',
      'Kent’s PCC=kent-pcc',
      'Deputy Mayor=mopac',
    ]);
  });

  it('knows UK departments, Parliament and its committees', () => {
    assert.deepEqual(
      orgs(
        'The Home Affairs Committee took evidence from HM Treasury, the Cabinet Office, the DWP and the Ministry of Justice before the House of Commons debated it.',
      ),
      ['Home Affairs Committee', 'HM Treasury', 'Cabinet Office', 'DWP', 'Ministry of Justice', 'House of Commons'],
    );
    assert.deepEqual(orgs('The Treasury signed off the money and Parliament approved it.'), ['Treasury', 'Parliament']);
  });

  it('finds councils, NHS bodies and universities by pattern', () => {
    assert.deepEqual(
      orgs('Officers from the Royal Borough of Greenwich joined staff at the City of York Council and Medway Borough Council for the briefing.'),
      ['Royal Borough of Greenwich', 'City of York Council', 'Medway Borough Council'],
    );
    assert.deepEqual(
      orgs(
        'Doctors working for Barts Health NHS Trust treated the injured teenagers, while NHS England and the North East London Integrated Care Board paid for the extra youth workers in hospital.',
      ),
      ['Barts Health NHS Trust', 'NHS England', 'North East London Integrated Care Board'],
    );
    assert.deepEqual(orgs('Researchers at the University of Bedfordshire and Leeds Beckett University wrote the study.'), [
      'University of Bedfordshire',
      'Leeds Beckett University',
    ]);
  });

  it('finds a council the press writes in lower case, but not a generic or party council', () => {
    assert.deepEqual(orgs('Officers worked with Medway council and Kent county council on the closures, and the county council agreed.'), [
      'Medway council',
      'Kent county council',
    ]);
    assert.deepEqual(orgs('A Labour council and the council leader backed it. The council said the City council would not comment.'), []);
  });

  it('knows forces by their short names, acronyms and Welsh names', () => {
    assert.deepEqual(orgIds('Herts Police, WYP officers and Heddlu Gwent joined the National Police Air Service and CEOP.'), [
      'Herts Police=hertfordshire-constabulary',
      'WYP=west-yorkshire-police',
      'Heddlu Gwent=gwent-police',
      'National Police Air Service=npas',
      'CEOP=ceop',
    ]);
  });

  it('knows Northern Ireland’s cross-border bodies and the London Assembly’s committee', () => {
    assert.deepEqual(
      orgs('Garda officers and the Paramilitary Crime Task Force searched homes; the Police and Crime Committee of the London Assembly asked why.'),
      ['Garda', 'Paramilitary Crime Task Force', 'Police and Crime Committee', 'London Assembly'],
    );
  });

  it('knows national and international agencies and commissioners', () => {
    assert.deepEqual(
      orgs('Europol and Interpol shared intelligence with Border Force, HMRC and the DVLA, and the Victims’ Commissioner and Ofcom commented.'),
      ['Europol', 'Interpol', 'Border Force', 'HMRC', 'DVLA', 'Victims’ Commissioner', 'Ofcom'],
    );
  });

  it('knows more charities, including those with common-word names where the context says charity', () => {
    assert.deepEqual(
      orgs('Referrals went to the charity Mind, to Shelter, to StreetDoctors and to the Railway Children, alongside Barnardo’s and the NSPCC.'),
      ['Mind', 'Shelter', 'StreetDoctors', 'Railway Children', 'Barnardo’s', 'NSPCC'],
    );
  });

  it('knows the national press and finds local papers by their title word', () => {
    assert.deepEqual(orgs('The case was reported by the Independent, the Daily Express, the Liverpool Echo, the Northern Gazette and LBC.'), [
      'Independent',
      'Daily Express',
      'Liverpool Echo',
      'Northern Gazette',
      'LBC',
    ]);
  });

  it('finds regional papers by more title words, and Scottish and Northern Irish outlets by name', () => {
    assert.deepEqual(orgs('It was first reported by the Shropshire Star and the Leicester Mercury, then by STV News, the Daily Record and UTV.'), [
      'Shropshire Star',
      'Leicester Mercury',
      'STV News',
      'Daily Record',
      'UTV',
    ]);
  });

  it('knows the charities that support adult victims of modern slavery', () => {
    assert.deepEqual(orgs('Survivors were supported by the Salvation Army, Migrant Help, Hestia and Justice and Care.'), [
      'Salvation Army',
      'Migrant Help',
      'Hestia',
      'Justice and Care',
    ]);
  });

  it('does not take common words for the organisations that share them', () => {
    const text =
      'Mind you, the night shelter was full. Peace of Mind matters. She stayed in a refuge and an independent review followed. ' +
      'The Member of Parliament walked across Parliament Square. The sun rose over the university town and the committee met.';
    assert.deepEqual(orgs(text), []);
  });

  it('leaves out a sentence-opening preposition, venues and prefixed compounds', () => {
    assert.deepEqual(orgs('At Swansea Crown Court on Friday, the judge spoke. A meeting is at the Civic Centre, and a Multi-Agency review follows.'), [
      'Swansea Crown Court',
    ]);
    assert.deepEqual(orgs('A referral to the Multi-Agency Safeguarding Hub (MASH) was made.'), ['Multi-Agency Safeguarding Hub', 'MASH']);
  });

  it('takes a named committee or college, not a kind of one', () => {
    assert.deepEqual(orgs('The inquiry went to a Select Committee and a Joint Committee, then to the Youth Select Committee at Leeds College of Building.'), [
      'Youth Select Committee',
      'Leeds College of Building',
    ]);
  });

  it('does not take a generic reference for a named body', () => {
    assert.deepEqual(orgs('The government, local authorities, youth offending teams and NHS trusts all took part, as did police forces.'), []);
  });
});

describe('findEntities on unseen kinds of release: legal terms', () => {
  it('annotates safeguarding powers and plans', () => {
    assert.deepEqual(terms('Two boys were taken into police protection and placed on a child protection plan.'), [
      'police protection=safeguarding',
      'child protection plan=safeguarding',
    ]);
    assert.deepEqual(terms('An independent child trafficking guardian was appointed.'), ['independent child trafficking guardian=safeguarding']);
  });

  it('annotates a suspended sentence written either way round, with its requirements', () => {
    assert.deepEqual(
      terms('She got a suspended sentence; he got 18 months’ sentence suspended for two years with a curfew requirement and 150 hours of unpaid work.'),
      ['suspended sentence=sentence', 'sentence suspended=sentence', 'curfew requirement=sentence', 'unpaid work=sentence'],
    );
    assert.deepEqual(terms('The terms will run concurrently and he must serve a minimum term of 19 years.'), [
      'run concurrently=sentence',
      'minimum term=sentence',
    ]);
  });

  it('annotates confiscation and cash powers under the Proceeds of Crime Act', () => {
    assert.deepEqual(terms('A confiscation hearing under the Proceeds of Crime Act 2002 follows the cash seizure and an account freezing order.'), [
      'confiscation hearing=court-process',
      'Proceeds of Crime Act 2002=legislation',
      'cash seizure=police-power',
      'account freezing order=order',
    ]);
  });

  it('annotates the steps of the court process, but not the arrest, the court or the jury', () => {
    assert.deepEqual(terms('He was remanded, then bail conditions were set at a sentencing hearing.'), [
      'remanded=court-process',
      'bail conditions=court-process',
      'sentencing hearing=court-process',
    ]);
    assert.deepEqual(terms('The trial heard the jury had convicted him after the court was told of the arrest; he was jailed and wore a tag.'), [
      'trial=court-process',
      'convicted=court-process',
      'jailed=court-process',
    ]);
  });

  it('annotates out-of-court disposals, protective orders and cannabis-farm offences', () => {
    assert.deepEqual(terms('She received a youth caution. He was given a Domestic Abuse Protection Order after admitting abstracting electricity.'), [
      'youth caution=sentence',
      'Domestic Abuse Protection Order=order',
      'abstracting electricity=offence',
    ]);
  });

  it('annotates violence by section number, cuckooing premises offences and importation conspiracies', () => {
    assert.deepEqual(
      terms('He faces section 18 wounding, permitting premises to be used for the supply of controlled drugs and conspiracy to import class A drugs.'),
      [
        'section 18 wounding=offence',
        'permitting premises to be used for the supply of controlled drugs=offence',
        'conspiracy to import class A drugs=offence',
      ],
    );
  });

  it('annotates the reports, interviews and duties of youth justice and safeguarding', () => {
    assert.deepEqual(terms('A pre-sentence report was ordered; the girl had a return home interview; the Serious Violence Duty applies.'), [
      'pre-sentence report=court-process',
      'return home interview=safeguarding',
      'Serious Violence Duty=legislation',
    ]);
  });

  it('takes a class written after "controlled drugs" into the offence, as a charge sheet words it', () => {
    assert.deepEqual(terms('He was convicted of conspiracy to supply controlled drugs of Class A and possession of a controlled drug of Class B.'), [
      'convicted=court-process',
      'conspiracy to supply controlled drugs of Class A=offence',
      'possession of a controlled drug of Class B=offence',
    ]);
  });

  it('keeps drug names out of a supply offence’s span, as the guideline does', () => {
    assert.deepEqual(terms('They admitted conspiracy to supply heroin and being concerned in the supply of crack cocaine.'), [
      'conspiracy to supply=offence',
      'being concerned in the supply=offence',
    ]);
  });

  it('annotates police powers cited by section', () => {
    assert.deepEqual(terms('Officers used section 1 PACE and section 23 MDA powers, then a section 18 search.'), [
      'section 1 PACE=police-power',
      'section 23 MDA=police-power',
      'section 18 search=police-power',
    ]);
  });

  it('annotates offences by their charging names', () => {
    assert.deepEqual(
      terms('He denied affray, burglary, holding another person in slavery or servitude and requiring a person to perform forced or compulsory labour.'),
      [
        'affray=offence',
        'burglary=offence',
        'holding another person in slavery or servitude=offence',
        'requiring a person to perform forced or compulsory labour=offence',
      ],
    );
    assert.deepEqual(terms('She called Rape Crisis after the rape and visited the Sexual Assault Referral Centre.'), ['rape=offence']);
    assert.deepEqual(terms('She admitted common assault and perverting the course of justice, but not the assault rifle charge.'), [
      'common assault=offence',
      'perverting the course of justice=offence',
    ]);
  });

  it('annotates Scottish, Northern Irish and other statutes', () => {
    assert.deepEqual(
      terms('The Human Trafficking and Exploitation (Scotland) Act 2015, the Criminal Finances Act 2017 and the Sexual Offences Act 2003 apply.'),
      ['Human Trafficking and Exploitation (Scotland) Act 2015=legislation', 'Criminal Finances Act 2017=legislation', 'Sexual Offences Act 2003=legislation'],
    );
  });

  it('leaves ordinary prose that shares words with legal terms alone', () => {
    const text =
      'The community came together for a trial run of the new curfew on the estate. Volunteers do unpaid overtime. ' +
      'Officers confiscated a knife. The oilseed rape field was searched. His licence was checked.';
    assert.deepEqual(terms(text), []);
  });
});
