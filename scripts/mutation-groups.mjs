// The folders mutated together, and the tests that must catch their mutants. Shared by
// stryker.config.mjs and vitest.stryker.config.ts (through MUTATION_GROUP) and scripts/mutation.mjs.
// The rule folders are also checked end to end by the example tests of `evaluate` and by the pinned
// evaluation of the sample portfolio under every preset. The property tests take minutes per run, too
// long to run per mutant; they run in `npm test`.
const END_TO_END = ['src/evaluate.test.ts', 'test/sample-evaluation.test.ts'];

export const GROUPS = {
  money: { mutate: ['src/money/**/*.ts'], tests: ['src/money/**/*.test.ts'] },
  calendar: { mutate: ['src/calendar/**/*.ts'], tests: ['src/calendar/**/*.test.ts', ...END_TO_END] },
  ledger: { mutate: ['src/ledger/**/*.ts'], tests: ['src/ledger/**/*.test.ts', 'src/reconciliation/**/*.test.ts', ...END_TO_END] },
  reporting: { mutate: ['src/reporting/**/*.ts'], tests: ['src/reporting/**/*.test.ts', ...END_TO_END] },
  reconciliation: {
    mutate: ['src/reconciliation/**/*.ts'],
    tests: ['src/reconciliation/**/*.test.ts', ...END_TO_END],
  },
  scheduling: { mutate: ['src/scheduling/**/*.ts'], tests: ['src/scheduling/**/*.test.ts', ...END_TO_END] },
  // The meetings' materials read an evaluation: the sample's pinned materials check them end to end.
  meetings: {
    mutate: ['src/meetings/**/*.ts'],
    tests: ['src/meetings/**/*.test.ts', 'test/sample-meetings.test.ts', ...END_TO_END],
  },
  supervision: {
    mutate: ['src/supervision/**/*.ts'],
    tests: ['src/supervision/**/*.test.ts', ...END_TO_END],
  },
  // The portfolio document, the policy, and the findings with the orchestration of evaluate. Module-level
  // constants (presets, schema descriptions, the rule catalogue) are "static" mutants that Stryker runs
  // against every test of their group, so each group keeps to the tests that can catch its mutants.
  portfolio: {
    mutate: ['src/portfolio/**/*.ts'],
    tests: ['src/portfolio/**/*.test.ts', 'test/schema.test.ts', ...END_TO_END],
  },
  policy: {
    mutate: ['src/policy/**/*.ts'],
    tests: ['src/policy/**/*.test.ts', 'test/schema.test.ts', ...END_TO_END],
  },
  findings: {
    mutate: ['src/findings/**/*.ts', 'src/evaluate.ts', 'src/evaluateStream.ts', 'src/accumulateEvaluation.ts'],
    tests: ['src/findings/**/*.test.ts', 'src/evaluateStream.test.ts', 'src/accumulateEvaluation.test.ts', ...END_TO_END],
  },
};
