import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { analyze, REPORTING_RULES, REPORTING_RULE_IDS, type ReportingFinding } from '../../src/core';
import { REPORTING_MAX_LENGTH } from '../../src/core/analyze';
import { findingsOf, loadDrafts, precision, recall, scoreDrafts } from '../support/reporting-drafts';

const finds = (text: string) => findingsOf(text).map((f) => `${f.rule}:${f.text}`);
const only = (text: string, rule: string) => findingsOf(text).filter((f) => f.rule === rule);
const apply = (text: string, f: ReportingFinding) => text.slice(0, f.fix!.start) + f.fix!.replacement + text.slice(f.fix!.end);

describe('reporting rules: data', () => {
  const dataDir = path.join(__dirname, '../../src/core/lexicon/data');
  it('reporting.json satisfies its schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const schema = JSON.parse(fs.readFileSync(path.join(dataDir, 'reporting.schema.json'), 'utf8'));
    const data = JSON.parse(fs.readFileSync(path.join(dataDir, 'reporting.json'), 'utf8'));
    assert.ok(ajv.validate(schema, data), ajv.errorsText());
  });

  it('has one rule entry per rule the engine runs', () => {
    assert.deepEqual(REPORTING_RULES.map((r) => r.id).sort(), [...REPORTING_RULE_IDS].sort());
  });

  it('cites statutes the lexicon has a card for', () => {
    const terms = new Set((JSON.parse(fs.readFileSync(path.join(dataDir, 'legal-terms.json'), 'utf8')).legalTerms as { id: string }[]).map((t) => t.id));
    for (const rule of REPORTING_RULES) for (const id of rule.statuteTerms) assert.ok(terms.has(id), `${rule.id}: ${id}`);
  });

  it('raises each rule on its own example', () => {
    for (const rule of REPORTING_RULES) assert.ok(only(rule.example, rule.id).length > 0, `${rule.id}: ${rule.example}`);
  });

  it('the generated name table is up to date with compromise (run `npm run generate` if this fails)', () => {
    const generator = require('../../scripts/generate-names.js') as { namesText(): string; outFile: string };
    assert.equal(fs.readFileSync(generator.outFile, 'utf8'), generator.namesText());
  });
});

describe('reporting rules: youth-anonymity', () => {
  it('flags every naming of a child defendant in the youth court, as an error with s.49', () => {
    const text = 'Rory Doyle, 15, of Kirkby, appeared at Liverpool Youth Court charged with robbery. Doyle was remanded.';
    const found = only(text, 'youth-anonymity');
    assert.deepEqual(
      found.map((f) => f.text),
      ['Rory Doyle', 'Doyle'],
    );
    assert.equal(found[0].severity, 'error');
    assert.match(found[0].statute, /Children and Young Persons Act 1933, s\.49/);
    assert.match(found[0].message, /automatic/);
  });

  it('says a s.45 direction may apply in an adult court', () => {
    const [f] = only('Rory Doyle, 17, appeared at Liverpool Crown Court charged with robbery.', 'youth-anonymity');
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /s\.45 Youth Justice and Criminal Evidence Act 1999/);
  });

  it('offers a description built from the text as the fix', () => {
    const text = 'Rory Doyle, 15, of Elm Road, Kirkby, appeared at Liverpool Youth Court charged with robbery. Doyle was remanded.';
    const [first, later] = only(text, 'youth-anonymity');
    assert.equal(apply(text, first), 'A 15-year-old boy from Kirkby appeared at Liverpool Youth Court charged with robbery. Doyle was remanded.');
    assert.equal(apply(text, later), 'Rory Doyle, 15, of Elm Road, Kirkby, appeared at Liverpool Youth Court charged with robbery. The boy was remanded.');
  });

  it('raises nothing for an adult, an unnamed child, a child victim or restrictions lifted', () => {
    assert.deepEqual(finds('Rory Doyle, 19, appeared at Liverpool Crown Court charged with robbery.'), []);
    assert.deepEqual(finds('A 15-year-old boy, who cannot be named for legal reasons, was charged with robbery.'), []);
    assert.deepEqual(finds('Ella Voss, 12, was robbed of her phone. A man was arrested.'), []);
    assert.deepEqual(finds('Rory Doyle, 17, who can be named after reporting restrictions were lifted, was jailed for robbery.'), []);
  });
});

describe('reporting rules: victim-anonymity', () => {
  it('flags a named complainant of a sexual offence', () => {
    const text = 'Ken Lowe, 50, denies rape. The complainant, Tess Marr, 24, gave evidence. Tess said she was scared.';
    assert.deepEqual(
      only(text, 'victim-anonymity').map((f) => f.text),
      ['Tess Marr', 'Tess'],
    );
  });

  it('flags a named victim of trafficking, and fixes without the home town', () => {
    const text = 'Police say Ana Lupu, 30, of Spalding, was trafficked to work in a factory.';
    const [f] = only(text, 'victim-anonymity');
    assert.equal(f.text, 'Ana Lupu');
    assert.equal(f.fix!.replacement.trim(), 'a 30-year-old woman');
  });

  it('raises nothing for a victim of a non-sexual offence, drug trafficking, or one who waived anonymity', () => {
    assert.deepEqual(finds('Ken Lowe, 50, is accused of punching Tess Marr, 24, in a bar. Lowe will appear in court.'), []);
    assert.deepEqual(finds('The gang trafficked cocaine across the county. Ken Lowe, 50, was jailed for drug trafficking.'), []);
    assert.deepEqual(only('Tess Marr, who has waived her right to anonymity, was sexually assaulted in 2019.', 'victim-anonymity'), []);
  });
});

describe('reporting rules: active-proceedings', () => {
  it('flags a guilt noun beside the name of a person charged', () => {
    assert.deepEqual(
      only('Drug dealer Vic Oates, 33, was charged with supplying cocaine.', 'active-proceedings').map((f) => f.text),
      ['Drug dealer'],
    );
    assert.deepEqual(
      only('Vic Oates, 33, a notorious burglar, was arrested on Friday.', 'active-proceedings').map((f) => f.text),
      ['notorious burglar'],
    );
  });

  it('flags a relative clause that states the act, and previous convictions', () => {
    assert.deepEqual(
      only('Vic Oates, 33, who stabbed the shopkeeper, was arrested.', 'active-proceedings').map((f) => f.text),
      ['who stabbed the shopkeeper'],
    );
    assert.deepEqual(
      only('Vic Oates was charged with theft. Oates has previous convictions for burglary.', 'active-proceedings').map((f) => f.text),
      ['has previous convictions'],
    );
  });

  it('raises nothing once the case is over, for hedged wording, or for what a court heard', () => {
    assert.deepEqual(finds('Drug dealer Vic Oates, 33, was jailed for six years. He has previous convictions for supply.'), []);
    assert.deepEqual(finds('Vic Oates, 33, who allegedly stabbed the shopkeeper, was charged.'), []);
    assert.deepEqual(finds('Vic Oates, 33, denies murder. The jury heard Oates stabbed the shopkeeper.'), []);
  });
});

describe('reporting rules: charge-conviction-mismatch', () => {
  it('flags a headline that says jailed above a body that says charged', () => {
    const text = "Hove man jailed over robbery\n\nNiall Crane, 27, has been charged with robbery and will appear at Brighton Magistrates' Court on Monday.";
    const found = only(text, 'charge-conviction-mismatch');
    assert.deepEqual(
      found.map((f) => f.text),
      ['jailed'],
    );
    assert.match(found[0].message, /headline/i);
  });

  it('raises nothing for a sentencing story that tells the case history, or a conviction awaiting sentence', () => {
    assert.deepEqual(finds('Hove man jailed over robbery\n\nNiall Crane, 27, was jailed for four years. He had been arrested in May and charged.'), []);
    assert.deepEqual(finds('Niall Crane, 27, was found guilty of robbery. He will be sentenced next month.'), []);
  });
});

describe('reporting rules: robustness', () => {
  it('survives empty, odd and long text', () => {
    for (const text of ['', '\u0000\u0001', 'A'.repeat(10000), 'Mr\r\nJones\r\n, 15,', '🙂 Zoë Ångström, 15, was charged. 🙂'])
      assert.doesNotThrow(() => findingsOf(text));
  });

  it('reports spans that are exactly the text they name, in CRLF text too', () => {
    const text = 'Boy jailed\r\n\r\nRory Doyle, 15, appeared at Leeds Youth Court.\r\nDoyle has been charged and will appear again.';
    const found = findingsOf(text);
    assert.ok(found.length > 0);
    for (const f of found) assert.equal(text.slice(f.start, f.end), f.text);
  });
});

describe('reporting rules: the synthetic drafts', () => {
  const drafts = loadDrafts();
  it('has at least 30 drafts, covering every rule and drafts that raise nothing', () => {
    assert.ok(drafts.length >= 30);
    for (const id of REPORTING_RULE_IDS)
      assert.ok(
        drafts.some((d) => d.expected.some((e) => e.rule === id)),
        id,
      );
    assert.ok(drafts.filter((d) => d.expected.length === 0).length >= 10);
  });

  it('finds the expected findings with precision and recall of at least 0.9 per rule', () => {
    const { perRule, errors } = scoreDrafts(drafts);
    const report = errors.flatMap((e) => [
      ...e.missed.map((m) => `missed ${e.id}: ${m.rule} “${m.text}”`),
      ...e.spurious.map((f) => `spurious ${e.id}: ${f.rule} “${f.text}”`),
    ]);
    for (const id of REPORTING_RULE_IDS) {
      const s = perRule.get(id)!;
      assert.ok(precision(s) >= 0.9 && recall(s) >= 0.9, `${id}: P ${precision(s).toFixed(2)} R ${recall(s).toFixed(2)}\n${report.join('\n')}`);
    }
  });
});

describe('reporting rules: long documents', () => {
  it('are not checked past the limit, and a notice says so', () => {
    const text =
      'Rory Doyle, 15, appeared at Leeds Youth Court charged with robbery.\n\n' +
      'Officers patrolled the town centre.\n\n'.repeat(Math.ceil(REPORTING_MAX_LENGTH / 36));
    const a = analyze(text);
    assert.equal(a.findings, undefined);
    assert.ok(a.notices.some((n) => /Pre-publication checks run on documents of up to/.test(n.message)));
  });

  it('flag a named suspect stated as the subject of the act', () => {
    assert.deepEqual(
      only('Vic Oates, 33, was arrested on Friday. Oates stabbed the shopkeeper twice.', 'active-proceedings').map((f) => f.text),
      ['stabbed the shopkeeper twice'],
    );
  });
});
