// Issue 9, item 4 (the core half): a hostile workspace lexicon is bounded, each limit named in its
// message, and it is compiled in steps. The real-host test (test/integration/suite/security.test.ts)
// checks the extension host stays responsive with such a file.
import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { compileLexicon, compileLexiconSteps, LEXICON_LIMITS, validateLexiconExtension } from '../../src/core/lexicon';

const org = (id: string, aliases: unknown[]) => ({ id, canonical: id, type: 'other', aliases });

describe('workspace lexicon limits', () => {
  it('refuses a 10 MB regex-looking alias by its length, without building it', () => {
    const alias = '(' + 'a|b|'.repeat(2_621_440) + ')';
    assert.ok(alias.length > 10_000_000);
    const ext = { organisations: [org('hostile', [alias, 'Eastmoor Trust'])] };
    const problems = validateLexiconExtension(ext);
    assert.equal(problems.length, 1);
    assert.match(problems[0], /^organisations\[0\]\.aliases\[0\]: is 10,485,762 characters long \(limit: aliasLength = 200 characters\)$/);
    const heapBefore = process.memoryUsage().heapUsed;
    const lexicon = compileLexicon(ext);
    assert.ok(process.memoryUsage().heapUsed - heapBefore < 200 * 1024 * 1024, 'compiling does not build the alias');
    assert.equal(lexicon.organisation('hostile'), undefined, 'the entry is skipped');
    assert.deepEqual(lexicon.problems, problems);
  });

  it('refuses a 20,000-word alias, and keeps the valid entries beside it', () => {
    const long = Array.from({ length: 20_000 }, (_, i) => `word${i}`).join(' ');
    const lexicon = compileLexicon({ organisations: [org('long', [long]), org('eastmoor-trust', ['Eastmoor Trust'])] });
    assert.match(lexicon.problems[0], /aliases\[0\]: is [\d,]+ characters long \(limit: aliasLength = 200 characters\)/);
    const found = analyze('The Eastmoor Trust helped 12 young people.', { lexicon }).annotations.find((a) => a.kind === 'organisation');
    assert.equal(found?.kind === 'organisation' && found.entityId, 'eastmoor-trust');
  });

  it('refuses too many entries, and too many aliases, naming the limit', () => {
    const many = Array.from({ length: LEXICON_LIMITS.entries + 1 }, (_, i) => org(`o${i}`, [`Org ${i}`]));
    assert.deepEqual(validateLexiconExtension({ organisations: many }), ['(root): has 5,001 organisations and legal terms (limit: entries = 5,000 entries)']);
    const aliases = Array.from({ length: LEXICON_LIMITS.aliases + 1 }, (_, i) => `Alias ${i}`);
    assert.deepEqual(validateLexiconExtension({ organisations: [org('big', aliases)] }), [
      '(root): has 20,001 aliases and ignore phrases (limit: aliases = 20,000 aliases)',
    ]);
  });

  it('refuses a huge definition and a huge key, quoting neither whole', () => {
    const key = `x${'k'.repeat(1_000_000)}`;
    const problems = validateLexiconExtension({
      legalTerms: [{ id: 't', canonical: 'T', category: 'offence', definition: 'd'.repeat(100_000), aliases: ['tee'], [key]: 1 }],
    });
    assert.ok(problems.some((p) => /legalTerms\[0\]\.definition: is 100,000 characters long \(limit: textLength/.test(p)));
    assert.ok(
      problems.every((p) => p.length < 500),
      'every message is short',
    );
  });

  it('stops adding workspace aliases past the compiled-size limit, and says so', () => {
    // Aliases of 60 short words each (under 200 characters): valid, and within every count.
    // Each alias starts with its own word, so none shares a path: 10,000 of them add 600,000 nodes.
    const alias = (i: number) => [`w${i.toString(36)}`, ...Array.from({ length: 59 }, (_, k) => 'abcdefghijklmnopqrstuvwxyz'[k % 26])].join(' ');
    const entries = Array.from({ length: 100 }, (_, i) =>
      org(
        `many-${i}`,
        Array.from({ length: 100 }, (_, k) => alias(i * 100 + k)),
      ),
    );
    assert.deepEqual(validateLexiconExtension({ organisations: entries }), []);
    const lexicon = compileLexicon({ organisations: entries });
    assert.equal(lexicon.problems.length, 1);
    assert.match(lexicon.problems[0], /more than 250,000 nodes, so the last [\d,]+ were left out \(limit: compiledNodes = 250,000 trie nodes\)/);
  });

  it('compiles in steps, giving what compileLexicon gives', () => {
    const ext = { organisations: Array.from({ length: 300 }, (_, i) => org(`org-${i}`, [`Northshire Unit ${i}`, `NU${i}`])), ignore: ['the unit'] };
    let yields = 0;
    const steps = compileLexiconSteps(ext);
    let r = steps.next();
    for (; !r.done; r = steps.next()) yields++;
    assert.ok(yields >= 10, `${yields} yields`);
    const once = compileLexicon(ext);
    assert.equal(r.value.version, once.version);
    assert.deepEqual(r.value.problems, once.problems);
    const text = 'Officers from Northshire Unit 12 made 4 arrests.';
    assert.deepEqual(analyze(text, { lexicon: r.value }).annotations, analyze(text, { lexicon: once }).annotations);
  });
});
