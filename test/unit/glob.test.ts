import * as assert from 'node:assert/strict';
import { globToRegExp, matchesAny } from '../../src/core/corpus/glob';

describe('globToRegExp', () => {
  const cases: [string, string, boolean][] = [
    ['**/node_modules/**', 'node_modules/x/a.txt', true],
    ['**/node_modules/**', 'a/node_modules/b.md', true],
    ['**/node_modules/**', 'a/node_modulesx/b.md', false],
    ['**/*.{crime,txt,md}', 'samples/a.crime.txt', true],
    ['**/*.{crime,txt,md}', 'a.md', true],
    ['**/*.{crime,txt,md}', 'a.json', false],
    ['**/*.reference.{csv,json}', 'ref/x.reference.csv', true],
    ['docs/?.md', 'docs/a.md', true],
    ['docs/?.md', 'docs/ab.md', false],
    ['*.txt', 'dir/a.txt', false],
    ['**/[ab].txt', 'x/b.txt', true],
    ['a.(b).txt', 'a.(b).txt', true],
  ];
  for (const [glob, path, expected] of cases) {
    it(`${glob} ${expected ? 'matches' : 'does not match'} ${path}`, () => assert.equal(globToRegExp(glob).test(path), expected));
  }

  it('matches a path against any of several globs', () => {
    assert.ok(matchesAny('dist/x.txt', ['**/out/**', '**/dist/**']));
    assert.ok(!matchesAny('src/x.txt', ['**/out/**', '**/dist/**']));
  });
});
