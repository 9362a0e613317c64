import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

// The generator is a plain Node script so `npm run generate` needs no build step.

const generator = require('../../scripts/generate-grammar.js') as { grammarText(): string; outFile: string };

let grammarPromise: Promise<textmate.IGrammar> | undefined;
function loadGrammar(): Promise<textmate.IGrammar> {
  return (grammarPromise ??= (async () => {
    const wasm = fs.readFileSync(path.join(path.dirname(require.resolve('vscode-oniguruma')), 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new textmate.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName: string) =>
        scopeName === 'text.crime-report' ? textmate.parseRawGrammar(fs.readFileSync(generator.outFile, 'utf8'), generator.outFile) : null,
    });
    const grammar = await registry.loadGrammar('text.crime-report');
    if (!grammar) throw new Error('grammar did not load');
    return grammar;
  })());
}

/** The text of every token whose innermost scope starts with `scope`, line by line. */
async function scoped(text: string, scope: string): Promise<string[]> {
  const grammar = await loadGrammar();
  let stack = textmate.INITIAL;
  const found: string[] = [];
  for (const line of text.split('\n')) {
    const result = grammar.tokenizeLine(line, stack);
    let current = '';
    for (const token of result.tokens) {
      const inScope = token.scopes.some((s) => s.startsWith(scope));
      if (inScope) current += line.slice(token.startIndex, token.endIndex);
      else if (current) {
        found.push(current);
        current = '';
      }
    }
    if (current) found.push(current);
    stack = result.ruleStack;
  }
  return found;
}

describe('crime-report grammar', () => {
  it('is up to date with the lexicon data (run `npm run generate` if this fails)', () => {
    assert.equal(fs.readFileSync(generator.outFile, 'utf8'), generator.grammarText());
  });

  it('colours known organisations with the matcher’s case rules', async () => {
    const text =
      'Body line: the Met’s officers and Kent Police joined the NCA. The Met Office and the nca did not. Officers met with the National Police Chief’s Council.';
    assert.deepEqual(await scoped(`Headline\n${text}`, 'entity.name.type.organisation'), [
      'Met',
      'Kent Police',
      'NCA',
      'Met Office',
      'National Police Chief’s Council',
    ]);
  });

  it('colours legal terms, with plurals and in any case', async () => {
    assert.deepEqual(
      await scoped(
        'Headline\nTwo DDTROs and possession with intent to supply Class A drugs; Slavery and Trafficking Prevention Orders too.',
        'support.type.legal-term',
      ),
      ['DDTROs', 'possession with intent to supply Class A drugs', 'Slavery and Trafficking Prevention Orders'],
    );
  });

  it('applies the context conditions: not "did not warrant", not "a legal guardian"', async () => {
    const text = 'Headline\nIt did not warrant action; a warrant was executed. He told the Guardian about a guardian.';
    assert.deepEqual(await scoped(text, 'support.type.legal-term'), ['warrant']);
    assert.deepEqual(await scoped(text, 'entity.name.type.organisation'), ['Guardian']);
  });

  it('colours figures, quotations, bullets, the headline and the dateline', async () => {
    const text = 'Met close down 92 drug lines\nPublished 20 October 2023\n  • £214,568 cash and 7.6kg seized, up 143% to 1,135\nHe said: “We act.” Then left.';
    assert.deepEqual(await scoped(text, 'markup.heading'), ['Met close down 92 drug lines']);
    assert.deepEqual(await scoped(text, 'comment.line.dateline'), ['Published 20 October 2023']);
    assert.deepEqual(await scoped(text, 'punctuation.definition.list'), ['•']);
    assert.deepEqual(await scoped(text, 'constant.numeric'), ['92', '£214,568', '7.6kg', '143%', '1,135']);
    assert.deepEqual(await scoped(text, 'string.quoted'), ['“We act.”']);
  });

  it('leaves dates, years, times and phone numbers uncoloured as figures', async () => {
    const text =
      'Headline\nOn Wednesday 11 October, at 2.30pm, from 9-15 October and since November 2019, officers made 43 arrests.\nCall 101 or 0800 555 111; in 2018 there were 21 arrests on 3/10/2023 and 999 calls.';
    assert.deepEqual(await scoped(text, 'constant.numeric'), ['43', '21', '999']);
    assert.deepEqual(await scoped(text, 'meta.date'), ['11 October', '9-15 October', 'November 2019', '2018', '3/10/2023']);
    assert.deepEqual(await scoped(text, 'meta.phone-number'), ['101', '0800 555 111']);
  });

  it('recognises a date that opens the headline line and a "News • date" line', async () => {
    const text = '20 October 2023 00:01 Met close down 92 drug lines\n\nNews   •   Jun 02, 2020 12:31 BST\nOn 2 June 2020 the Met said so.';
    assert.deepEqual(await scoped(text, 'comment.line.dateline'), ['20 October 2023 00:01', 'News   •   Jun 02, 2020 12:31 BST']);
  });
});
