// Lint: typescript-eslint's recommended rules plus the type-aware rules that catch what review misses (a
// promise nobody awaits, a condition that is always true, a switch that forgets a case). Formatting is
// Prettier's: eslint-config-prettier turns off every rule it owns. `npm run lint`; CI runs it.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // Generated code (SDK types, migrations, builds) is checked by the command that generates it.
  { ignores: ['**/dist/**', '**/node_modules/**', '**/generated/**', 'server/src/migrations/**', 'server/test/fixtures/**', 'data/**'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unnecessary-condition': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      // Dropping fields with a rest destructuring, and Express's four-argument error handler (`_next`), are deliberate.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // The bench, the SDK's codegen plugin and the build scripts are plain Node scripts, CommonJS where they end in .js/.cjs.
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // The explorer's page script runs in the browser.
  { files: ['server/src/explorer/browser/**'], languageOptions: { globals: globals.browser } },
  prettier,
);
