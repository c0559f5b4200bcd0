import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string): string => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

const config: ReturnType<typeof defineConfig> = defineConfig({
  // Examples and guides import the package by name, as users do; here the name maps to the source.
  resolve: {
    alias: [
      { find: /^sansansan$/, replacement: src('index.ts') },
      { find: /^sansansan\/(calendar|money|policy|render)$/, replacement: src('$1/index.ts') },
      { find: /^sansansan\/(holidays|xlsx)$/, replacement: src('io/$1/index.ts') },
    ],
  },
  test: {
    // Property suites run hundreds of evaluations; a slow machine must not fail them on time.
    testTimeout: 60_000,
    // End-to-end suites run the built command (dist/cli.js): build it first when the sources are newer.
    globalSetup: ['test/fixtures/buildCli.ts'],
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/browser/**', 'node_modules/**'],
    typecheck: { enabled: true, include: ['src/**/*.test-d.ts', 'test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
});
export default config;
