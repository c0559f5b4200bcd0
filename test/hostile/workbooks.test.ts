// Hostile workbooks through the built command, on real files in a temporary folder: bombs that once
// exhausted the heap or ran for minutes, text Excel cannot carry, and files that are not workbooks.
// Each answer is exit 0 or 1 with a sentence, within a bounded time and memory, never a stack trace.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSharedString, appendRows, editPart, unzip, zip } from '../../src/io/xlsx/_zipFixture.js';
import { runCli, tempFolder } from '../fixtures/cli.js';

const SAMPLE = 'examples/data/handan-sample-2025.json';
const folder = tempFolder('sansansan-workbooks-');
const at = (name: string): string => join(folder.dir, name);

/** A run of the command in the temporary folder, with a heap small enough that a bomb shows. */
function cli(args: readonly string[]): ReturnType<typeof runCli> {
  return runCli(args, { cwd: folder.dir, timeoutMs: 30_000, nodeArgs: ['--max-old-space-size=1024'] });
}

function expectNoStackTrace(stderr: string): void {
  expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
}

/** The ledger workbook of the sample, written by the command itself. */
let ledger: Uint8Array;

beforeAll(() => {
  const r = cli(['template', '--from', join(process.cwd(), SAMPLE), '-o', 'ledger.xlsx']);
  expect(r.code).toBe(0);
  ledger = readFileSync(at('ledger.xlsx'));
});

afterAll(() => {
  folder.remove();
});

describe('import of hostile workbooks', () => {
  it('imports a workbook with a blank cell at row 1 048 576 of each sheet like the workbook without it', () => {
    const parts = unzip(ledger);
    for (const name of [...parts.keys()].filter((n) => n.startsWith('xl/worksheets/sheet'))) {
      editPart(parts, name, (xml) => xml.replace('</sheetData>', '<row r="1048576"><c r="A1048576" s="1"/></row></sheetData>'));
    }
    writeFileSync(at('last-row.xlsx'), zip(parts));
    const r = cli(['import', 'last-row.xlsx', '-o', 'last-row.json']);
    expect([r.code, r.signal]).toEqual([0, null]);
    expect(r.peakMiB).toBeLessThan(400);
    expect(cli(['import', 'ledger.xlsx', '-o', 'ledger.json']).code).toBe(0);
    expect(readFileSync(at('last-row.json'), 'utf8')).toBe(readFileSync(at('ledger.json'), 'utf8'));
  });

  it('answers a million rows with exit 1 (too_many_rows) within bounded memory', () => {
    const parts = unzip(ledger);
    const rows: string[] = [];
    for (let r = 100; r < 1_000_100; r += 1) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
    appendRows(parts, '台账', rows.join(''));
    writeFileSync(at('million.xlsx'), zip(parts));
    const r = cli(['import', 'million.xlsx', '-o', 'million.json']);
    expect([r.code, r.signal]).toEqual([1, null]);
    expect(r.stderr).toContain('too_many_rows');
    expect(r.peakMiB).toBeLessThan(700);
    expect(existsSync(at('million.json'))).toBe(false);
    expectNoStackTrace(r.stderr);
  });

  it('answers a 2 MB shared string repeated in 480 cells with exit 1 (text_too_long at each cell)', () => {
    const parts = unzip(ledger);
    const k = addSharedString(parts, '长'.repeat(2_000_000));
    const rows: string[] = [];
    for (let r = 100; r < 580; r += 1) rows.push(`<row r="${r}"><c r="B${r}" t="s"><v>${k}</v></c></row>`);
    appendRows(parts, '项目', rows.join(''));
    writeFileSync(at('repeated.xlsx'), zip(parts));
    const r = cli(['import', 'repeated.xlsx', '-o', 'repeated.json']);
    expect([r.code, r.signal]).toEqual([1, null]);
    expect(r.stderr.match(/text_too_long/g)?.length).toBe(480);
    expect(r.stderr).toContain('项目!B579');
    expect(r.peakMiB).toBeLessThan(400);
    expectNoStackTrace(r.stderr);
  });

  it('answers a 60 MB string with exit 1 (text_too_long) in seconds', () => {
    const parts = unzip(ledger);
    const k = addSharedString(parts, 'x'.repeat(60_000_000));
    appendRows(parts, '项目', `<row r="100"><c r="B100" t="s"><v>${k}</v></c></row>`);
    writeFileSync(at('sixty.xlsx'), zip(parts));
    const started = performance.now();
    const r = cli(['import', 'sixty.xlsx', '-o', 'sixty.json']);
    expect([r.code, r.signal]).toEqual([1, null]);
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(r.stderr).toContain('项目!B100');
    expect(r.peakMiB).toBeLessThan(700);
  });

  it('answers a part claiming 3 GB with exit 1 (workbook_too_large) without inflating it', () => {
    const parts = unzip(ledger);
    writeFileSync(at('claims.xlsx'), zip(parts, { claimedSizes: new Map([['xl/styles.xml', 3_000_000_000]]) }));
    const r = cli(['import', 'claims.xlsx', '-o', 'claims.json']);
    expect([r.code, r.signal]).toEqual([1, null]);
    expect(r.stderr).toContain('workbook_too_large');
  });

  // Needs the command to answer a SansansanError (invalid_workbook) with exit 1: src/cli.
  it.each([
    ['a JSON file', (): Uint8Array => new TextEncoder().encode('{"format":"sansansan/portfolio@1"}')],
    ['an empty file', (): Uint8Array => new Uint8Array()],
    ['random bytes', (): Uint8Array => Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251)],
    ['a truncated workbook', (): Uint8Array => ledger.subarray(0, ledger.length >> 1)],
  ])('answers %s with exit 1 and a sentence', (name, bytes) => {
    const file = `${name.replace(/\s/g, '-')}.xlsx`;
    writeFileSync(at(file), bytes());
    const r = cli(['import', file, '-o', 'out.json']);
    expect([r.code, r.signal]).toEqual([1, null]);
    expect(r.stderr).toContain('invalid_workbook');
    expectNoStackTrace(r.stderr);
    expect(existsSync(at('out.json'))).toBe(false);
  });
});

describe('template --from and evaluate --format xlsx with text Excel cannot carry', () => {
  const sample = JSON.parse(readFileSync(SAMPLE, 'utf8')) as {
    projects: { name: string }[];
    meetings: { departmentIds: string[] }[];
    departments: { id: string }[];
  };
  const withName = (file: string, name: string): void => {
    const doc = structuredClone(sample);
    const first = doc.projects[0];
    if (first !== undefined) first.name = name;
    writeFileSync(at(file), JSON.stringify(doc));
  };

  it('round-trips a name with a literal _x0041_, control characters, CRLF, U+FFFE and U+FFFF through template and import', () => {
    const name = '_x0041_\u0000\u0001\u000B\u007F\u0085\r\n\uFFFE\uFFFF道路';
    withName('controls.json', name);
    expect(cli(['template', '--from', 'controls.json', '-o', 'controls.xlsx']).code).toBe(0);
    const r = cli(['import', 'controls.xlsx', '-o', 'controls-back.json']);
    expect(r.code).toBe(0);
    const back = JSON.parse(readFileSync(at('controls-back.json'), 'utf8')) as typeof sample;
    expect(back.projects[0]?.name).toBe(name);
  });

  // Needs the command to answer a SansansanError (unwritable_workbook) with exit 1: src/cli.
  it('refuses a name with a lone surrogate (exit 1, lone_surrogate) in template --from and evaluate --format xlsx, writing no workbook', () => {
    withName('refused.json', 'a\uD800b');
    const r = cli(['template', '--from', 'refused.json', '-o', 'refused.xlsx']);
    expect([r.code, r.signal]).toEqual([1, null]);
    expect(r.stderr).toContain('lone_surrogate');
    expect(r.stderr).toContain('项目!B2');
    expect(existsSync(at('refused.xlsx'))).toBe(false);
    expectNoStackTrace(r.stderr);
    const e = cli(['evaluate', 'refused.json', '--as-of', '2025-10-15', '--format', 'xlsx', '-o', 'refused-e.xlsx']);
    expect([e.code, e.signal]).toEqual([1, null]);
    expect(e.stderr).toContain('lone_surrogate');
    expect(existsSync(at('refused-e.xlsx'))).toBe(false);
  });

  it('refuses a name of 40 000 characters (exit 1, text_too_long), writing no workbook', () => {
    withName('long.json', 'x'.repeat(40_000));
    const r = cli(['template', '--from', 'long.json', '-o', 'long.xlsx']);
    expect([r.code, r.signal]).toEqual([1, null]);
    expect(r.stderr).toContain('text_too_long');
    expect(existsSync(at('long.xlsx'))).toBe(false);
  });

  it('refuses a department id holding a comma, which a meeting lists (exit 1, separator_in_id)', () => {
    const doc = structuredClone(sample);
    const id = doc.departments[0]?.id ?? '';
    const text = JSON.stringify(doc).replaceAll(`"${id}"`, `"${id},x"`);
    writeFileSync(at('comma.json'), text);
    const r = cli(['template', '--from', 'comma.json', '-o', 'comma.xlsx']);
    expect([r.code, r.signal]).toEqual([1, null]);
    expect(r.stderr).toContain('separator_in_id');
    expect(existsSync(at('comma.xlsx'))).toBe(false);
  });
});
