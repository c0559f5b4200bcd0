// A fixed fast-check seed, so that mutation scores repeat from run to run.
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env['FC_SEED'] ?? 20181031), numRuns: 50 });
