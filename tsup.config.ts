import type { Options } from 'tsup';
import pkg from './package.json' with { type: 'json' };

// Library: one entry per public subpath, ESM (.js) + CJS (.cjs) with matching .d.ts / .d.cts.
// TS 6 deprecates baseUrl, which tsup's d.ts step sets internally, hence ignoreDeprecations.
const library: Options = {
  entry: {
    index: 'src/index.ts',
    calendar: 'src/calendar/index.ts',
    money: 'src/money/index.ts',
    policy: 'src/policy/index.ts',
    render: 'src/render/index.ts',
    holidays: 'src/io/holidays/index.ts',
    xlsx: 'src/io/xlsx/index.ts',
  },
  format: ['esm', 'cjs'],
  target: 'node20',
  // io/ adapters load optional peers with createRequire(import.meta.url), which the CJS build needs shimmed.
  shims: true,
  // The optional peers stay outside the bundle.
  external: ['exceljs', 'chinese-days'],
  dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
  clean: false,
  // Shared chunks: one copy of each module across subpaths, so `instanceof SansansanError` holds everywhere.
  splitting: true,
  treeshake: true,
};

// The `sansansan` command: ESM only, no types.
const cli: Options = {
  entry: { cli: 'src/cli/bin.ts' },
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  banner: { js: '#!/usr/bin/env node' },
  define: { __VERSION__: JSON.stringify(pkg.version) },
  splitting: false,
};

const config: Options[] = [library, cli];
export default config;
