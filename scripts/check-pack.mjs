// The tarball holds only what users need: dist/, the JSON Schemas, README, CHANGELOG and LICENSE.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';

const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' });
const files = JSON.parse(out)[0].files.map((f) => f.path);
const tops = [...new Set(files.map((f) => f.split('/')[0]))].sort();
assert.deepEqual(tops, ['CHANGELOG.md', 'LICENSE', 'README.md', 'dist', 'package.json', 'schema']);
for (const f of ['schema/portfolio.json', 'schema/policy.json', 'dist/index.js', 'dist/index.cjs', 'dist/cli.js'])
  assert.ok(files.includes(f), f);
console.log(`pack: ${files.length} files, only ${tops.join(', ')}`);
