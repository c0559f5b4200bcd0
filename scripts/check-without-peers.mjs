// Install the packed package into an empty project without its optional peers (exceljs, chinese-days)
// and prove the core works there, while the peer-backed subpaths fail with a clear error.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';

const root = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'sansansan-no-peers-'));
const npm = (args, cwd) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
try {
  const tarball = npm(['pack', '--silent', '--pack-destination', dir], root).trim().split('\n').pop();
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  npm(['install', '--no-audit', '--no-fund', '--silent', join(dir, tarball)], dir);
  copyFileSync(join(root, 'examples/data/handan-sample-2025.json'), join(dir, 'sample.json'));
  writeFileSync(
    join(dir, 'check.mjs'),
    `
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
const require = createRequire(import.meta.url);
for (const peer of ['exceljs', 'chinese-days']) assert.throws(() => require.resolve(peer), 'the peer must be absent');
const { evaluate, parsePortfolio, workingCalendarFromDates } = await import('sansansan');
const e = evaluate(parsePortfolio(JSON.parse(readFileSync('sample.json', 'utf8'))), { asOf: '2025-10-15' });
assert.equal(e.projects.length, 40);
assert.equal(workingCalendarFromDates({ holidays: ['2025-10-01'] }).isWorkingDay('2025-10-01'), false);
await assert.rejects(import('sansansan/xlsx'), (err) => err.code === 'missing_peer_dependency' && err.message.includes('exceljs'));
const holidays = await import('sansansan/holidays');
assert.throws(() => holidays.chineseDaysCalendar(), (err) => err.code === 'missing_peer_dependency' && err.message.includes('chinese-days'));
assert.throws(() => require('sansansan/xlsx'), (err) => err.code === 'missing_peer_dependency');
console.log('without peers: the core evaluates 40 projects; sansansan/xlsx and chineseDaysCalendar name their missing peer');
`,
  );
  process.stdout.write(execFileSync(process.execPath, ['check.mjs'], { cwd: dir, encoding: 'utf8' }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
