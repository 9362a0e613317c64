// Guard rails the architecture relies on, checked first in CI (`npm run lint`):
// - src/core is pure: no `vscode`, no Node built-ins (it runs in a web worker too);
// - the extension and the CLI reach the core only through its public entry points;
// - no import cycles anywhere.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';

/** The core's public entry points: folders with an index.ts, and a few single-file modules. */
const coreEntryPoints = ['corpus', 'review', 'anchoring', 'record', 'lexicon', 'export', 'tally', 'incremental', 'slices'];
const deepCoreImport = `^(\\.\\./)+core/(?!(${coreEntryPoints.join('|')})$).+`;

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test-results/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    languageOptions: { parserOptions: { ecmaVersion: 2022, sourceType: 'module' } },
    settings: { 'import-x/resolver': { node: { extensions: ['.ts', '.js', '.json'] } }, 'import-x/extensions': ['.ts'] },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // Existing code style the recommended sets disagree with; not what these guard rails are for.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
      'no-empty': ['error', { allowEmptyCatch: true }],
      'no-control-regex': 'off',
      // Comma sequences in one-line branches (`if (x) (a = 1), b++`) are the core's style.
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      'prefer-const': ['error', { destructuring: 'all' }],
      // Regexes copied from VS Code's own sources keep its escapes, so they can be compared with it.
      'no-useless-escape': 'off',
      'no-misleading-character-class': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'src/core never imports vscode: it runs in the CLI and in web workers.' },
            ...builtinModules.map((name) => ({ name, message: 'src/core never imports Node built-ins: it runs in a browser web worker too.' })),
          ],
          patterns: [{ regex: '^node:', message: 'src/core never imports Node built-ins: it runs in a browser web worker too.' }],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'src/core runs where there is no process.' },
        { name: 'require', message: 'src/core imports, it does not require.' },
      ],
    },
  },
  {
    // compromise's model is loaded on first use (a bundled module, not a Node built-in): see platform.d.ts.
    files: ['src/core/extract/lemmas.ts'],
    rules: { 'no-restricted-globals': ['error', { name: 'process', message: 'src/core runs where there is no process.' }] },
  },
  {
    files: ['src/extension/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: deepCoreImport, message: `Import the core through its entry points (core, ${coreEntryPoints.map((e) => `core/${e}`).join(', ')}).` },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'scripts/**/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
