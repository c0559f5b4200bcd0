import { defineConfig, mergeConfig, type ViteUserConfig } from 'vitest/config';
import base from './vitest.config.js';

// Mutation runs: the tests of one group (MUTATION_TESTS, set by stryker.config.mjs from
// scripts/mutation-groups.mjs), no type checking, a fixed fast-check seed (test/setup-seed.ts), and no
// build of the command (the groups' tests do not run it, and instrumented sources do not type-check).
const tests = (process.env['MUTATION_TESTS'] ?? 'src/**/*.test.ts').split(',');
const merged = mergeConfig(
  base as ViteUserConfig,
  defineConfig({ test: { typecheck: { enabled: false }, setupFiles: ['test/setup-seed.ts'] } }),
) as ViteUserConfig;
const config: ViteUserConfig = { ...merged, test: { ...merged.test, globalSetup: [], include: tests, exclude: ['node_modules/**'] } };
export default config;
