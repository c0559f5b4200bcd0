// Flat config: typescript-eslint's type-aware rules over src, test, examples and bench.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE = { group: ['node:*'], message: 'Only cli/ and io/ touch Node APIs.' };
const PRIVATE_MONEY = { group: ['**/money/_*'], message: 'How money/ holds figures is private: use money/index.js or money/figure.js.' };

export default tseslint.config(
  { ignores: ['dist/', 'docs/site/', 'docs/api/', 'coverage/', 'reports/', '.stryker-tmp/', 'node_modules/', 'test-output/'] },
  eslint.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.mjs', 'scripts/*.mjs', 'bench/*.mjs', 'test/fixtures/*.mjs'],
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 16,
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  // How money/ holds its figures (money/_*) is its own business: nothing outside it imports those modules.
  {
    files: ['**/*.ts'],
    ignores: ['src/money/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [PRIVATE_MONEY] }] },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**', 'src/io/**', 'src/money/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NODE, PRIVATE_MONEY] }] },
  },
  {
    files: ['src/money/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NODE] }] },
  },
);
