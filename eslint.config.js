// Lint for the TypeScript tree (Python has pyflakes, see scripts/lint-python.sh).
// Layout is Prettier's business: eslint-config-prettier turns off every rule it owns.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import storybook from 'eslint-plugin-storybook';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'coverage/',
      'test/browser/output/',
      '.sim-logs/',
      'live-script/',
      'node_modules/',
      '!.storybook/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
  },
  {
    files: ['**/*.tsx', '**/*.ts'],
    ...reactHooks.configs.flat.recommended,
  },
  ...storybook.configs['flat/recommended'],
  {
    // vitest types its asymmetric matchers (`expect.any(Number)`, `expect.objectContaining(...)`) as
    // `any`, so placing one in an expected object would be an "unsafe assignment" in every test
    files: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
);
