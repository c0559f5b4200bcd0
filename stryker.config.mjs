// Mutation testing of the rule modules (not the CLI, renderers or I/O adapters): `npm run mutation`.
// Incremental: a rerun after a small change only tests the mutants it touches.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts' },
  coverageAnalysis: 'perTest',
  mutate: [
    'src/calendar/**/*.ts',
    'src/money/**/*.ts',
    'src/ledger/**/*.ts',
    'src/reporting/**/*.ts',
    'src/reconciliation/**/*.ts',
    'src/scheduling/**/*.ts',
    'src/supervision/**/*.ts',
    'src/portfolio/**/*.ts',
    'src/policy/**/*.ts',
    'src/findings/**/*.ts',
    'src/evaluate.ts',
    '!src/**/*.test.ts',
    '!src/**/*.test-d.ts',
    '!src/**/index.ts',
  ],
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  concurrency: 2,
  timeoutMS: 20000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 90, low: 85, break: null },
};
