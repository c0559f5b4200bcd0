// Mutation testing of the rule modules (not the CLI, renderers or I/O adapters): `npm run mutation`
// (scripts/mutation.mjs) runs one group of folders at a time against the tests of that group, so that a
// mutant is run against the tests that are meant to catch it, in seconds rather than minutes.
// Incremental: a rerun after a small change only tests the mutants it touches.
import { GROUPS } from './scripts/mutation-groups.mjs';

const name = process.env['MUTATION_GROUP'] ?? 'money';
const group = GROUPS[name];
if (group === undefined) throw new Error(`unknown mutation group ${name}; one of ${Object.keys(GROUPS).join(', ')}`);
// Read by vitest.stryker.config.ts in the test-runner processes, which inherit the environment.
process.env['MUTATION_TESTS'] = group.tests.join(',');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts' },
  coverageAnalysis: 'perTest',
  mutate: [...group.mutate, '!src/**/*.test.ts', '!src/**/*.test-d.ts', '!src/**/index.ts'],
  incremental: true,
  incrementalFile: `reports/stryker-incremental-${name}.json`,
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  concurrency: 2,
  timeoutMS: 5000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 90, low: 85, break: null },
};
