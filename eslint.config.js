// Lint rules, including the layer boundaries of ../shared/house-style.md:
// entrypoints → extension → ui → dom → core; the widget uses ui, dom and core, never extension.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }],
});

export default tseslint.config(
  { ignores: ['node_modules/', '.output/', 'dist/', '.wxt/', 'coverage/', 'tests/e2e/screenshots/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/core/**'],
    rules: restrict(
      ['**/dom/**', '**/ui/**', '**/extension/**', '**/widget/**', '**/cli/**', '**/import/**', 'wxt', 'wxt/*', 'preact', 'preact/*'],
      'src/core is pure TypeScript: no DOM, UI, extension, CLI or importer code.',
    ),
  },
  {
    files: ['src/import/**'],
    rules: restrict(['**/dom/**', '**/ui/**', '**/extension/**', '**/widget/**', '**/cli/**', 'wxt', 'wxt/*'], 'src/import may use core only.'),
  },
  {
    files: ['src/dom/**'],
    rules: restrict(['**/ui/**', '**/extension/**', '**/widget/**', '**/cli/**', 'wxt', 'wxt/*', 'preact', 'preact/*'], 'src/dom may use core only.'),
  },
  {
    files: ['src/ui/**'],
    rules: restrict(['**/extension/**', '**/widget/**', '**/cli/**', 'wxt', 'wxt/*'], 'src/ui may use dom and core, never browser.* or WXT.'),
  },
  {
    files: ['src/widget/**'],
    rules: restrict(['**/extension/**', '**/cli/**', 'wxt', 'wxt/*'], 'The widget uses ui, dom and core, never extension code.'),
  },
);
