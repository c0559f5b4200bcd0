// The built command on real files in a temporary folder, as a careless user or an attacker would use it:
// an output never destroys an input, a failed run leaves no half-written or emptied file, report names
// never collide, a re-run removes only what the previous run wrote, and every failure exits 1 or 2 with
// a sentence — never 3, a signal or a hang.
import { existsSync, linkSync, lstatSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePortfolio } from '../../src/generate/generatePortfolio.js';
import { filesBelow, runCli, tempFolder, type CliRun } from '../fixtures/cli.js';
import { gbkBytes } from '../fixtures/gbk.js';
import { SAMPLE_TEXT, withIds, withName } from '../fixtures/sampleText.js';

const AS_OF = ['--as-of', '2025-10-15'];
let dir = '';
let remove = (): void => undefined;

beforeAll(() => {
  ({ dir, remove } = tempFolder());
});
afterAll(() => {
  remove();
});

// A fresh folder for one test, inside the suite's temporary folder.
let folders = 0;
function folder(): string {
  folders += 1;
  const d = join(dir, `t${folders}`);
  mkdirSync(d);
  return d;
}

function cli(cwd: string, ...args: string[]): CliRun {
  const r = runCli(args, { cwd, timeoutMs: 60_000 });
  // Never an internal error, a signal or a stack trace.
  expect(r.signal).toBeNull();
  expect([0, 1, 2]).toContain(r.code);
  expect(r.stderr).not.toMatch(/^\s+at \S/m);
  return r;
}

const ndjsonText = (projects: number, seed: number): string => {
  const { projects: list, ...header } = generatePortfolio({ projects, seed });
  return `${[JSON.stringify(header), ...list.map((p) => JSON.stringify(p))].join('\n')}\n`;
};

describe('an output that is an input (item 4)', () => {
  it('refuses `evaluate x.ndjson --ndjson -o x.ndjson` and leaves the input byte for byte', () => {
    const d = folder();
    const text = ndjsonText(5, 1);
    writeFileSync(join(d, 'x.ndjson'), text);
    linkSync(join(d, 'x.ndjson'), join(d, 'hard.ndjson'));
    symlinkSync('x.ndjson', join(d, 'soft.ndjson'));
    mkdirSync(join(d, 'sub'));
    for (const out of ['x.ndjson', './x.ndjson', 'sub/../x.ndjson', join(d, 'x.ndjson'), 'hard.ndjson', 'soft.ndjson']) {
      const r = cli(d, 'evaluate', 'x.ndjson', '--ndjson', ...AS_OF, '-o', out);
      expect([out, r.code]).toEqual([out, 2]);
      expect(readFileSync(join(d, 'x.ndjson'), 'utf8')).toBe(text);
    }
    expect(filesBelow(d)).toEqual(['hard.ndjson', 'soft.ndjson', 'x.ndjson']);
  });

  it('refuses every command whose output is its input: template --from, --format xlsx, import, a policy file', () => {
    const d = folder();
    writeFileSync(join(d, 'p.json'), SAMPLE_TEXT);
    expect(cli(d, 'template', '--from', 'p.json', '-o', 'l.xlsx').code).toBe(0);
    const workbook = readFileSync(join(d, 'l.xlsx'));
    const policy = JSON.stringify({ extends: 'handan-2018' });
    writeFileSync(join(d, 'policy.json'), policy);
    for (const args of [
      ['template', '--from', 'p.json', '-o', 'p.json'],
      ['evaluate', 'p.json', ...AS_OF, '--format', 'xlsx', '-o', 'p.json'],
      ['evaluate', 'p.json', ...AS_OF, '--format', 'json', '-o', 'p.json'],
      ['evaluate', 'p.json', ...AS_OF, '--policy', 'policy.json', '-o', 'policy.json'],
      ['rank', 'p.json', '--quarter', '2025Q3', ...AS_OF, '-o', 'p.json'],
      ['validate', 'p.json', '-o', 'p.json'],
      ['import', 'l.xlsx', '-o', 'l.xlsx'],
    ]) {
      expect([args, cli(d, ...args).code]).toEqual([args, 2]);
    }
    expect(readFileSync(join(d, 'p.json'), 'utf8')).toBe(SAMPLE_TEXT);
    expect(readFileSync(join(d, 'policy.json'), 'utf8')).toBe(policy);
    expect(readFileSync(join(d, 'l.xlsx')).equals(workbook)).toBe(true);
  });

  it('opens the output only after the input: a missing input leaves the output file as it was', () => {
    const d = folder();
    writeFileSync(join(d, 'precious.txt'), 'precious');
    for (const args of [
      ['evaluate', 'missing.ndjson', '--ndjson', ...AS_OF, '-o', 'precious.txt'],
      ['evaluate', 'missing.json', ...AS_OF, '-o', 'precious.txt'],
      ['template', '--from', 'missing.json', '-o', 'precious.txt'],
      ['import', 'missing.xlsx', '-o', 'precious.txt'],
    ]) {
      expect([args, cli(d, ...args).code]).toEqual([args, 2]);
      expect(readFileSync(join(d, 'precious.txt'), 'utf8')).toBe('precious');
    }
    expect(filesBelow(d)).toEqual(['precious.txt']);
  });

  it('leaves no half-written file when the stream fails part-way, and no temporary file', () => {
    const d = folder();
    const lines = ndjsonText(30, 2).split('\n');
    lines[20] = '{ not json';
    writeFileSync(join(d, 'broken.ndjson'), lines.join('\n'));
    writeFileSync(join(d, 'out.ndjson'), 'earlier results');
    const r = cli(d, 'evaluate', 'broken.ndjson', '--ndjson', ...AS_OF, '-o', 'out.ndjson');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[invalid_json]');
    expect(readFileSync(join(d, 'out.ndjson'), 'utf8')).toBe('earlier results');
    expect(cli(d, 'evaluate', 'broken.ndjson', '--ndjson', ...AS_OF, '-o', 'new.ndjson').code).toBe(1);
    expect(filesBelow(d)).toEqual(['broken.ndjson', 'out.ndjson']);
  });
});

describe('report file names (items 5 and 14)', () => {
  // Departments of the sample with interview notices (D-cg, D-gt, D-jt, D-jy) and in 2025Q3's bottom three (D-gt).
  it('gives ids that sanitise alike, or differ only in case, names of their own, and counts what is on disk', () => {
    const d = folder();
    writeFileSync(join(d, 'p.json'), withIds({ 'D-cg': 'D/x', 'D-gt': 'D_x', 'D-jt': 'D_x-2', 'D-jy': 'd_X' }));
    const r = cli(d, 'report', 'p.json', ...AS_OF, '--out', 'out');
    expect(r.code).toBe(0);
    const printed = r.stdout.trim().split('\n');
    const onDisk = filesBelow(join(d, 'out')).filter((f) => f !== '.sansansan-report.json');
    expect(onDisk.length).toBe(printed.length);
    expect(r.stderr).toContain(`wrote ${onDisk.length} files`);
    expect(new Set(onDisk.map((f) => f.toLowerCase())).size).toBe(onDisk.length);
    expect(onDisk.filter((f) => f.startsWith('interviews/interview-notice-')).length).toBe(7);
    for (const p of printed) expect(existsSync(join(d, p))).toBe(true);
  });

  it('cuts a 252-character id (750 bytes in UTF-8) to a name every file system takes, keeping ids apart', () => {
    const d = folder();
    const long = (c: string): string => `D-${c.repeat(250)}`;
    writeFileSync(join(d, 'p.json'), withIds({ 'D-gt': long('长'), 'D-sl': `${long('长')}2`, 'D-jy': long('a') }));
    const r = cli(d, 'report', 'p.json', ...AS_OF, '--out', 'out');
    expect(r.code).toBe(0);
    const onDisk = filesBelow(join(d, 'out'));
    expect(onDisk.length - 1).toBe(r.stdout.trim().split('\n').length);
    for (const f of onDisk) for (const part of f.split('/')) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(255);
  });
});

describe('a report folder written again (item 6)', () => {
  it('removes what the previous run wrote and this one did not, and nothing else', () => {
    const d = folder();
    writeFileSync(join(d, 'p.json'), SAMPLE_TEXT);
    expect(cli(d, 'report', 'p.json', ...AS_OF, '--out', 'out').code).toBe(0);
    expect(existsSync(join(d, 'out/2025Q3/quarterly-notice.md'))).toBe(true);
    // The user's own file, and a file of the first run the user changed since.
    writeFileSync(join(d, 'out/notes.txt'), 'mine');
    writeFileSync(join(d, 'out/2025Q3/ranking.csv'), 'edited by hand');
    // As of July, 2025Q3 cannot be ranked yet: its notice, letters and charts must go.
    const r = cli(d, 'report', 'p.json', '--as-of', '2025-07-20', '--out', 'out');
    expect(r.code).toBe(0);
    const onDisk = filesBelow(join(d, 'out'));
    expect(onDisk).toContain('notes.txt');
    expect(onDisk).toContain('2025Q3/ranking.csv');
    expect(onDisk.filter((f) => f.startsWith('2025Q3/'))).toEqual(['2025Q3/ranking.csv']);
    expect(readFileSync(join(d, 'out/notes.txt'), 'utf8')).toBe('mine');
    expect(r.stderr).toContain('2025Q3');
    const written = r.stdout
      .trim()
      .split('\n')
      .map((p) => relative('out', p));
    expect(onDisk.filter((f) => f !== '.sansansan-report.json' && f !== 'notes.txt' && f !== '2025Q3/ranking.csv').sort()).toEqual(
      [...written].sort(),
    );
  });
});

describe('a tampered report manifest (item 6)', () => {
  it('never removes a file outside the folder, behind a link, or changed since, whatever the manifest says', () => {
    const d = folder();
    writeFileSync(join(d, 'p.json'), SAMPLE_TEXT);
    writeFileSync(join(d, 'outside.txt'), 'outside');
    mkdirSync(join(d, 'out'));
    symlinkSync(join(d, 'outside.txt'), join(d, 'out', 'link.txt'));
    const sha = createHash('sha256').update('outside').digest('hex');
    const files = ['../outside.txt', 'link.txt', join(d, 'outside.txt'), 'a/../../outside.txt'].map((path) => ({ path, sha256: sha }));
    writeFileSync(join(d, 'out', '.sansansan-report.json'), JSON.stringify({ format: 'sansansan/report-manifest@1', files }));
    expect(cli(d, 'report', 'p.json', ...AS_OF, '--out', 'out').code).toBe(0);
    expect(readFileSync(join(d, 'outside.txt'), 'utf8')).toBe('outside');
    expect(lstatSync(join(d, 'out', 'link.txt')).isSymbolicLink()).toBe(true);
  });
});

describe('every format honours -o (item 11)', () => {
  it('writes table, json and md to the file and nothing of it to stdout', () => {
    const d = folder();
    writeFileSync(join(d, 'p.json'), SAMPLE_TEXT);
    for (const format of ['table', 'json', 'md']) {
      const r = cli(d, 'evaluate', 'p.json', ...AS_OF, '--format', format, '-o', `e.${format}`);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`e.${format}\n`);
      expect(statSync(join(d, `e.${format}`)).size).toBeGreaterThan(1000);
    }
    expect((JSON.parse(readFileSync(join(d, 'e.json'), 'utf8')) as { month: string }).month).toBe('2025-09');
    expect(readFileSync(join(d, 'e.md'), 'utf8')).toMatch(/^# 邯郸市/);
    expect(cli(d, 'rank', 'p.json', '--quarter', '2025Q3', ...AS_OF, '--format', 'md', '-o', 'r.md').code).toBe(0);
    expect(readFileSync(join(d, 'r.md'), 'utf8')).toContain('| 名次 |');
    expect(cli(d, 'validate', 'p.json', '--format', 'json', '-o', 'v.json').code).toBe(0);
    expect(JSON.parse(readFileSync(join(d, 'v.json'), 'utf8'))).toMatchObject({ valid: true });
  });

  it('prints JSON with --format json for text that is not JSON, and for bytes that are not UTF-8', () => {
    const d = folder();
    writeFileSync(join(d, 'nope.json'), 'nope');
    writeFileSync(join(d, 'gbk.json'), gbkBytes(SAMPLE_TEXT));
    writeFileSync(join(d, 'utf16.json'), Buffer.from(`\ufeff${SAMPLE_TEXT}`, 'utf16le'));
    for (const [file, code] of [
      ['nope.json', 'invalid_json'],
      ['gbk.json', 'json_encoding_gbk'],
      ['utf16.json', 'json_encoding_utf16'],
    ] as const) {
      const r = cli(d, 'validate', file, '--format', 'json');
      expect(r.code).toBe(1);
      const body = JSON.parse(r.stdout) as { valid: boolean; issues: { code: string }[] };
      expect(body.valid).toBe(false);
      expect(body.issues.map((i) => i.code)).toEqual([code]);
    }
  });
});

describe('what cannot be read or written (items 13, 14, 17, 18)', () => {
  it('exits 1 on a file that is not a workbook', () => {
    const d = folder();
    writeFileSync(join(d, 'p.json'), SAMPLE_TEXT);
    writeFileSync(join(d, 'empty.xlsx'), '');
    // An empty zip (end of central directory only), and a zip cut short.
    writeFileSync(join(d, 'emptyzip.xlsx'), Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]));
    expect(cli(d, 'template', '--from', 'p.json', '-o', 'l.xlsx').code).toBe(0);
    writeFileSync(join(d, 'cut.xlsx'), readFileSync(join(d, 'l.xlsx')).subarray(0, 3000));
    for (const f of ['p.json', 'empty.xlsx', 'emptyzip.xlsx', 'cut.xlsx']) {
      const r = cli(d, 'import', f, '-o', 'out.json');
      expect([f, r.code]).toEqual([f, 1]);
      expect(existsSync(join(d, 'out.json'))).toBe(false);
    }
  });

  it('exits 2, not 3, on paths it cannot read or write', () => {
    const d = folder();
    writeFileSync(join(d, 'p.json'), SAMPLE_TEXT);
    writeFileSync(join(d, 'file'), 'x');
    symlinkSync('/nonexistent/target', join(d, 'dangling'));
    symlinkSync('loop-b', join(d, 'loop-a'));
    symlinkSync('loop-a', join(d, 'loop-b'));
    for (const args of [
      ['report', 'p.json', ...AS_OF, '--out', 'file/below'],
      ['evaluate', 'p.json', ...AS_OF, '-o', 'file/below.txt'],
      ['evaluate', 'p.json', ...AS_OF, '-o', 'dangling'],
      ['evaluate', 'p.json', ...AS_OF, '-o', '.'],
      ['evaluate', 'missing.ndjson', '--ndjson', ...AS_OF],
      ['evaluate', '.', '--ndjson', ...AS_OF],
      ['evaluate', 'loop-a', '--ndjson', ...AS_OF],
      ['evaluate', 'loop-a', ...AS_OF],
      ['validate', '.'],
      ['import', '.', '-o', 'x.json'],
    ]) {
      const r = cli(d, ...args);
      expect([args, r.code]).toEqual([args, 2]);
      expect(r.stderr.length).toBeGreaterThan(0);
    }
    expect(filesBelow(d)).toEqual(['dangling', 'file', 'loop-a', 'loop-b', 'p.json']);
  });

  it('writes to a device as it is: -o /dev/null leaves /dev/null a device', () => {
    const d = folder();
    writeFileSync(join(d, 'p.json'), SAMPLE_TEXT);
    for (const args of [
      ['evaluate', 'p.json', ...AS_OF, '-o', '/dev/null'],
      ['evaluate', 'p.json', ...AS_OF, '--format', 'xlsx', '-o', '/dev/null'],
      ['generate', '--projects', '3', '-o', '/dev/null'],
    ]) {
      expect([args, cli(d, ...args).code]).toEqual([args, 0]);
      expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    }
    expect(filesBelow(d)).toEqual(['p.json']);
  });

  it('answers at once for outputs under /proc instead of spinning', () => {
    const d = folder();
    writeFileSync(join(d, 'p.json'), SAMPLE_TEXT);
    for (const args of [
      ['report', 'p.json', ...AS_OF, '--out', '/proc/nope'],
      ['evaluate', 'p.json', ...AS_OF, '-o', '/proc/nope/x.txt'],
      ['generate', '--projects', '2', '-o', '/proc/nope/g.json'],
    ]) {
      const r = runCli(args, { cwd: d, timeoutMs: 20_000 });
      expect([args, r.signal, r.code]).toEqual([args, null, 2]);
    }
  });

  it('refuses devices and inputs over --max-input, and reads standard input as -', () => {
    const d = folder();
    writeFileSync(join(d, 'p.json'), SAMPLE_TEXT);
    const zero = runCli(['validate', '/dev/zero'], { cwd: d, timeoutMs: 20_000 });
    expect([zero.signal, zero.code]).toEqual([null, 2]);
    expect(zero.peakMiB).toBeLessThan(200);
    expect(cli(d, 'validate', 'p.json', '--max-input', '100KB').code).toBe(2);
    expect(cli(d, 'validate', 'p.json', '--max-input', 'lots').code).toBe(2);
    expect(cli(d, 'validate', 'p.json', '--max-input', '1MB').code).toBe(0);
    const stdin = runCli(['validate', '-'], { cwd: d, input: SAMPLE_TEXT });
    expect(stdin.code).toBe(0);
    expect(stdin.stdout).toContain('40');
    const tooMuch = runCli(['validate', '-', '--max-input', '1KB'], { cwd: d, input: SAMPLE_TEXT });
    expect(tooMuch.code).toBe(2);
  });
});

describe('numbers under unknown keys (item 8)', () => {
  it('names each number that writing the document back would change, at its path', () => {
    const d = folder();
    const doc = JSON.parse(SAMPLE_TEXT) as Record<string, unknown>;
    doc['extra'] = 'numbers';
    writeFileSync(join(d, 'p.json'), JSON.stringify(doc).replace('"numbers"', '[-0, 1e999, 123456789012345678901234567890, 1.5]'));
    const r = cli(d, 'validate', 'p.json');
    expect(r.code).toBe(0);
    const changed = [...r.stdout.matchAll(/^ {2}(\S+) {2}\[unknown_number_changed\]/gm)].map((m) => m[1]);
    expect(changed).toEqual(['$.extra[0]', '$.extra[1]', '$.extra[2]']);
  });
});

describe('amplification (item 18)', () => {
  it('refuses a ten-million-character name before writing any report, instead of writing hundreds of megabytes', () => {
    const d = folder();
    writeFileSync(join(d, 'p.json'), withName('P-012', '市'.repeat(10_000_000)));
    const r = runCli(['report', 'p.json', ...AS_OF, '--out', 'out'], { cwd: d, timeoutMs: 60_000 });
    expect([r.signal, r.code]).toEqual([null, 1]);
    expect(r.stderr).toContain('$.projects[11].name  [text_too_long]');
    expect(r.stderr.length).toBeLessThan(10_000);
    expect(existsSync(join(d, 'out'))).toBe(false);
  });
});

describe('NDJSON bombs (item 16)', () => {
  it('ends a line without a newline at 64 MiB with line_too_long and exit 1, in bounded memory', () => {
    const d = folder();
    const header = ndjsonText(0, 1);
    writeFileSync(join(d, 'bomb.ndjson'), header);
    // 80 MiB on one line after the header, written in pieces.
    const piece = `"${'x'.repeat(1024 * 1024 - 2)}"`;
    for (let i = 0; i < 80; i += 1) writeFileSync(join(d, 'bomb.ndjson'), piece, { flag: 'a' });
    const r = runCli(['evaluate', 'bomb.ndjson', '--ndjson', ...AS_OF], { cwd: d, timeoutMs: 60_000 });
    expect([r.signal, r.code]).toEqual([null, 1]);
    expect(r.stderr).toContain('$.projects[0]  [line_too_long]');
    expect(r.peakMiB).toBeLessThan(400);
  });

  it('names a line that is not UTF-8 by its encoding', () => {
    const d = folder();
    const lines = ndjsonText(3, 4).split('\n');
    const gbkLine = gbkBytes(lines[2]?.replace(/"name":"[^"]*"/, '"name":"市政道路"') ?? '');
    const bytes = Buffer.concat([Buffer.from(`${lines[0] ?? ''}\n${lines[1] ?? ''}\n`), gbkLine, Buffer.from(`\n${lines[3] ?? ''}\n`)]);
    writeFileSync(join(d, 'mixed.ndjson'), bytes);
    const r = cli(d, 'evaluate', 'mixed.ndjson', '--ndjson', ...AS_OF);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('$.projects[1]  [json_encoding_gbk]');
  });
});
