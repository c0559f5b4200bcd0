// Bundle each browser-safe subpath of the built package for the browser: no Node built-in may be needed.
import assert from 'node:assert/strict';
import process from 'node:process';
import { build } from 'esbuild';

const subpaths = ['sansansan', 'sansansan/calendar', 'sansansan/money', 'sansansan/policy', 'sansansan/render'];
for (const id of subpaths) {
  const result = await build({
    stdin: { contents: `export * from '${id}';`, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs);
  assert.ok(!inputs.some((i) => i.startsWith('node:')), `${id} pulls in a Node built-in`);
  assert.ok(result.outputFiles[0].text.length > 0);
}
console.log(`browser: ${subpaths.length} subpaths bundle for the browser without Node built-ins`);
