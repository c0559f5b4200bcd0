import { defineConfig } from 'vitest/config';

// The browser suite runs after the documentation site is built, apart from the unit tests.
const config: ReturnType<typeof defineConfig> = defineConfig({
  test: { include: ['test/browser/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 },
});
export default config;
