// A fixed fast-check seed, so that mutation scores repeat from run to run, and 20 runs per property:
// each mutant reruns every test that covers it, and the examples are what pin the rules.
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env['FC_SEED'] ?? 20181031), numRuns: 20 });
