// The SHA-256 of what the built command prints for a fixed set of evaluations: the bundled sample under
// every preset at four dates of the year, and two generated documents. A change that must not change any
// result (a faster representation, a reorganised core) leaves every hash as it was.
//
//   node scripts/result-hashes.mjs            print the hashes (builds nothing: run `npm run build` first)
//   node scripts/result-hashes.mjs --check F  compare with the hashes in F; exit 1 on any difference
//   … --without k1,k2                         leave out the keys k1, k2 wherever they stand in the JSON first
//                                             (to show that a change adds fields and changes nothing else)
import { execFileSync } from 'node:child_process';
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist', 'cli.js');
const sample = join(root, 'examples', 'data', 'handan-sample-2025.json');
const PRESETS = ['handan-2018', 'yinchuan', 'sanya', 'tianjin-bond', 'jinhua'];
const DATES = ['2025-03-20', '2025-06-15', '2025-10-15', '2026-01-20'];

const run = (args) =>
  execFileSync(process.execPath, [cli, ...args], { cwd: root, maxBuffer: 1024 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
const w = process.argv.indexOf('--without');
const without = new Set(w === -1 ? [] : (process.argv[w + 1] ?? '').split(','));
// The printed JSON with the keys of `without` left out, written back as the command writes it (2 spaces).
const strip = (bytes) =>
  without.size === 0
    ? bytes
    : Buffer.from(
        `${JSON.stringify(
          JSON.parse(bytes.toString('utf8'), (k, v) => (without.has(k) ? undefined : v)),
          null,
          2,
        )}\n`,
      );
const sha = (bytes) => createHash('sha256').update(strip(bytes)).digest('hex');

const rows = [];
for (const preset of PRESETS)
  for (const asOf of DATES)
    rows.push([`sample ${preset} ${asOf}`, sha(run(['evaluate', sample, '--as-of', asOf, '--policy', preset, '--format', 'json']))]);

const dir = mkdtempSync(join(tmpdir(), 'sansansan-hashes-'));
try {
  for (const [projects, seed] of [
    [1000, 1],
    [10000, 2],
  ]) {
    const file = join(dir, `generated-${projects}.json`);
    run(['generate', '--projects', String(projects), '--seed', String(seed), '-o', file]);
    rows.push([`generated ${projects} seed ${seed} 2025-10-15`, sha(run(['evaluate', file, '--as-of', '2025-10-15', '--format', 'json']))]);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const text = `${rows.map(([name, hash]) => `${hash}  ${name}`).join('\n')}\n`;
const at = process.argv.indexOf('--check');
if (at === -1) {
  process.stdout.write(text);
} else {
  const expected = readFileSync(process.argv[at + 1] ?? '', 'utf8');
  const want = new Map(
    expected
      .trim()
      .split('\n')
      .map((l) => [l.slice(66), l.slice(0, 64)]),
  );
  let differ = 0;
  for (const [name, hash] of rows) {
    const ok = want.get(name) === hash;
    if (!ok) differ += 1;
    process.stdout.write(`${ok ? 'same  ' : 'DIFFER'}  ${name}\n`);
  }
  process.stdout.write(`${rows.length - differ} of ${rows.length} hashes are the same\n`);
  process.exitCode = differ === 0 ? 0 : 1;
}
