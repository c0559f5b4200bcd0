import { defineConfig, mergeConfig, type ViteUserConfig } from 'vitest/config';
import base from './vitest.config.js';

// Mutation runs: the rule tests and properties only, no type checking, a fixed fast-check seed (test/setup-seed.ts).
const config: ReturnType<typeof defineConfig> = mergeConfig(
  base as ViteUserConfig,
  defineConfig({
    test: {
      include: ['src/**/*.test.ts', 'test/properties/**/*.test.ts'],
      exclude: ['src/cli/**', 'src/render/**', 'src/io/**', 'node_modules/**'],
      typecheck: { enabled: false },
      setupFiles: ['test/setup-seed.ts'],
    },
  }),
);
export default config;
