import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { compileLexicon, validateLexiconExtension } from '../../src/core/lexicon';
import { aliasText, type AliasSpec } from '../../src/core/lexicon/entries';
import { TokenFlag, tokenize } from '../../src/core/lexicon/tokens';

const lexiconDir = path.resolve(__dirname, '../../src/core/lexicon');
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(lexiconDir, file), 'utf8'));

function schemaValidator() {
  const ajv = new Ajv({ allErrors: true });
  for (const file of ['organisations.schema.json', 'legal-terms.schema.json', 'lexicon-extension.schema.json']) ajv.addSchema(readJson(`schema/${file}`));
  return ajv;
}

/** The key sequence the matcher looks an alias up by. */
function aliasKey(alias: AliasSpec): string {
  const tokens = tokenize(aliasText(alias));
  const keys: string[] = [];
  for (let i = 0; i < tokens.count; i++) if (!(tokens.flags[i] & TokenFlag.Newline)) keys.push(tokens.key[i]);
  return keys.join(' ');
}

describe('lexicon data', () => {
  const ajv = schemaValidator();

  it('organisations.json and legal-terms.json satisfy their schemas', () => {
    for (const [file, schema] of [
      ['data/organisations.json', 'organisations.schema.json'],
      ['data/legal-terms.json', 'legal-terms.schema.json'],
    ]) {
      const validate = ajv.getSchema(schema)!;
      assert.ok(validate(readJson(file)), `${file}: ${ajv.errorsText(validate.errors)}`);
    }
  });

  it('lists every territorial police force of the UK (43 in England and Wales, Scotland, Northern Ireland) and the special forces', () => {
    const forces = readJson('data/organisations.json').organisations.filter((o: { type: string }) => o.type === 'police-force');
    const ids = new Set(forces.map((o: { id: string }) => o.id));
    for (const id of ['met', 'city-of-london-police', 'kent-police', 'gmp', 'dyfed-powys-police', 'police-scotland', 'psni', 'btp', 'mod-police', 'cnc'])
      assert.ok(ids.has(id), id);
    // An Garda Síochána polices the Republic of Ireland: listed for cross-border operations, not a UK force.
    const territorial = forces.filter((o: { id: string }) => !['police-scotland', 'psni', 'btp', 'mod-police', 'cnc', 'garda'].includes(o.id));
    assert.equal(territorial.length, 43);
  });

  it('gives no alias to two entities, and no entity an id twice', () => {
    for (const [file, key] of [
      ['data/organisations.json', 'organisations'],
      ['data/legal-terms.json', 'legalTerms'],
    ] as const) {
      const owners = new Map<string, string>();
      const ids = new Set<string>();
      for (const entry of readJson(file)[key] as { id: string; aliases: AliasSpec[] }[]) {
        assert.ok(!ids.has(entry.id), `${file}: duplicate id ${entry.id}`);
        ids.add(entry.id);
        for (const alias of entry.aliases) {
          const k = aliasKey(alias);
          const owner = owners.get(k);
          assert.ok(owner === undefined || owner === entry.id, `${file}: alias "${aliasText(alias)}" belongs to both ${owner} and ${entry.id}`);
          owners.set(k, entry.id);
        }
      }
    }
  });

  it('gives every legal term a definition in a sentence or two', () => {
    for (const term of readJson('data/legal-terms.json').legalTerms as { id: string; definition: string }[]) {
      assert.ok(term.definition.length >= 20 && term.definition.length <= 300, term.id);
      assert.ok(/[.)]$/.test(term.definition), `${term.id}: definition should end with a full stop`);
    }
  });
});

describe('validateLexiconExtension', () => {
  const ajv = schemaValidator();
  const validExtension = {
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
    ignore: ['Operation Sceptre'],
  };
  const cases: [string, unknown, RegExp | null][] = [
    ['a valid extension', validExtension, null],
    ['an empty object', {}, null],
    ['a non-object', ['x'], /^\(root\): must be an object/],
    ['an unknown top-level key', { organizations: [] }, /^\(root\)\.organizations: is not a known property/],
    [
      'aliases that are not an array',
      { organisations: [{ id: 'x', canonical: 'X', type: 'charity', aliases: 'X' }] },
      /^organisations\[0\]\.aliases: must be an array/,
    ],
    [
      'a bad alias',
      { organisations: [{ id: 'x', canonical: 'X', type: 'charity', aliases: ['X', 3] }] },
      /^organisations\[0\]\.aliases\[1\]: must be a non-empty string/,
    ],
    [
      'a bad match mode',
      { organisations: [{ id: 'x', canonical: 'X', type: 'charity', aliases: [{ text: 'X', match: 'loose' }] }] },
      /aliases\[0\]\.match: must be "exact" or "insensitive"/,
    ],
    ['a bad organisation type', { organisations: [{ id: 'x', canonical: 'X', type: 'club', aliases: [] }] }, /^organisations\[0\]\.type: must be one of/],
    [
      'an id that is not a slug',
      { organisations: [{ id: 'Kent Police', canonical: 'X', type: 'charity', aliases: [] }] },
      /^organisations\[0\]\.id: must be a lower-case slug/,
    ],
    [
      'a legal term without definition',
      { legalTerms: [{ id: 'x', canonical: 'x', category: 'offence', aliases: [] }] },
      /^legalTerms\[0\]\.definition: must be a non-empty string/,
    ],
    [
      'a bad category',
      { legalTerms: [{ id: 'x', canonical: 'x', category: 'crime', definition: 'd', aliases: [] }] },
      /^legalTerms\[0\]\.category: must be one of/,
    ],
    ['ignore of the wrong type', { ignore: [''] }, /^ignore\[0\]: must be a non-empty string/],
    ['an http url', { organisations: [{ id: 'x', canonical: 'X', type: 'charity', aliases: [], url: 'http://x' }] }, /url: must be an https:\/\/ address/],
  ];
  for (const [name, value, expected] of cases) {
    it(`agrees with the JSON Schema on ${name}`, () => {
      const problems = validateLexiconExtension(value);
      const schemaValid = ajv.getSchema('lexicon-extension.schema.json')!(value) as boolean;
      assert.equal(problems.length === 0, schemaValid, `runtime: ${problems.join('; ')} / ajv: ${ajv.errorsText()}`);
      if (expected)
        assert.ok(
          problems.some((p) => expected.test(p)),
          problems.join('\n'),
        );
    });
  }
});

describe('compileLexicon', () => {
  it('keeps valid workspace entries, skips invalid ones and reports them', () => {
    const lexicon = compileLexicon({
      organisations: [
        { id: 'oasis-project', canonical: 'Oasis Project', type: 'charity', aliases: ['Oasis Project'] },
        { id: 'broken', canonical: 'Broken', type: 'charity', aliases: 'Broken' },
      ],
    });
    assert.equal(lexicon.organisation('oasis-project')?.canonical, 'Oasis Project');
    assert.equal(lexicon.organisation('broken'), undefined);
    assert.deepEqual(lexicon.problems, ['organisations[1].aliases: must be an array of strings or alias objects']);
    assert.ok(lexicon.organisation('met'), 'built-in entries stay');
  });

  it('lets a workspace entry replace a built-in entry with the same id', () => {
    const lexicon = compileLexicon({ organisations: [{ id: 'met', canonical: 'The Met', type: 'police-force', aliases: ['Met'] }] });
    assert.equal(lexicon.organisation('met')?.canonical, 'The Met');
    assert.equal(lexicon.organisations.filter((o) => o.id === 'met').length, 1);
  });

  it('gives a different version to a different extension, and the same to the same', () => {
    const a = compileLexicon({ ignore: ['x'] });
    assert.notEqual(a.version, compileLexicon().version);
    assert.equal(a.version, compileLexicon({ ignore: ['x'] }).version);
  });
});
