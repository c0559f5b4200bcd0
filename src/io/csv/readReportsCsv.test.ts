import { readFileSync } from 'node:fs';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../_lib/decodeText.js';
import { safeParsePortfolio } from '../../portfolio/index.js';
import { withUtf8OnlyDecoder } from '../../../test/fixtures/gbk.js';
import { mergeReports, readReportsCsv, type CsvIssue, type ReadReportsCsvResult, type ReportsCsvRow } from './readReportsCsv.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const withBom = (text: string): Uint8Array => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);

// GBK bytes of the characters the tests use (GB 2312 block: 项 = CF EE, 目 = C4 BF, …), so no encoder is needed.
const GBK: Readonly<Record<string, readonly [number, number]>> = {
  项: [0xcf, 0xee],
  目: [0xc4, 0xbf],
  月: [0xd4, 0xc2],
  份: [0xb7, 0xdd],
  报: [0xb1, 0xa8],
  送: [0xcb, 0xcd],
  日: [0xc8, 0xd5],
  期: [0xc6, 0xda],
  本: [0xb1, 0xbe],
  完: [0xcd, 0xea],
  成: [0xb3, 0xc9],
  投: [0xcd, 0xb6],
  资: [0xd7, 0xca],
  进: [0xbd, 0xf8],
  展: [0xd5, 0xb9],
  情: [0xc7, 0xe9],
  况: [0xbf, 0xf6],
  主: [0xd6, 0xf7],
  体: [0xcc, 0xe5],
  结: [0xbd, 0xe1],
  构: [0xb9, 0xb9],
  施: [0xca, 0xa9],
  工: [0xb9, 0xa4],
};
function gbk(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) out.push(code);
    else {
      const bytes = GBK[ch];
      if (!bytes) throw new Error(`no GBK bytes for ${ch} in the test table`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

const HEADER = '项目id,月份,报送日期,本月完成投资,进展情况,无进展';
const SHEET = `${HEADER}\r\nP-022,2025-09,2025-10-08,1350.5,"主体结构施工,完成 60%",否\r\nP-001,2025-11,2025-12-04,1800,,是\r\n`;

function rowsOf(r: ReadReportsCsvResult): readonly ReportsCsvRow[] {
  if (!r.success) throw new Error(`unexpected issues: ${r.issues.map((i) => i.message.en).join('; ')}`);
  return r.rows;
}
function issuesOf(r: ReadReportsCsvResult): readonly CsvIssue[] {
  if (r.success) throw new Error('expected issues');
  return r.issues;
}
const where = (issues: readonly CsvIssue[]): string[] =>
  issues.map((i) => `${i.cell ?? (i.row === undefined ? '-' : `row ${i.row}`)} ${i.code}`);

describe('readReportsCsv', () => {
  const expected: readonly ReportsCsvRow[] = [
    {
      row: 2,
      projectIdCell: 'A2',
      projectId: 'P-022',
      report: { month: '2025-09', submittedOn: '2025-10-08', investment: '1350.5', progress: '主体结构施工,完成 60%', noProgress: false },
    } as ReportsCsvRow,
    {
      row: 3,
      projectIdCell: 'A3',
      projectId: 'P-001',
      report: { month: '2025-11', submittedOn: '2025-12-04', investment: '1800', noProgress: true },
    } as ReportsCsvRow,
  ];

  it('reads a UTF-8 file without a byte order mark', () => {
    const r = readReportsCsv(utf8(SHEET));
    expect(rowsOf(r)).toEqual(expected);
    expect(r.success && r.warnings).toEqual([]);
  });

  it('reads a UTF-8 file with a byte order mark (Excel "CSV UTF-8") the same', () => {
    expect(rowsOf(readReportsCsv(withBom(SHEET)))).toEqual(expected);
  });

  it('reads LF line ends, English headers in any case and any column order the same', () => {
    const english =
      'NOPROGRESS,projectid,Month,investment,submittedOn,progress\nfalse,P-022,2025-09,1350.5,2025-10-08,"主体结构施工,完成 60%"\nTRUE,P-001,2025-11,1800,2025-12-04,\n';
    const rows = rowsOf(readReportsCsv(utf8(english)));
    expect(rows.map((r) => r.report)).toEqual(expected.map((r) => r.report));
    expect(rows.map((r) => r.projectIdCell)).toEqual(['B2', 'B3']);
  });

  it('refuses a GBK/GB18030 file (Chinese Excel "CSV") with csv_encoding_gbk and how to re-save it', () => {
    const bytes = gbk(`项目id,月份,报送日期,本月完成投资,进展情况\r\nP-022,2025-09,2025-10-08,1350.5,主体结构施工\r\n`);
    expect([...bytes.slice(0, 4)]).toEqual([0xcf, 0xee, 0xc4, 0xbf]);
    const issues = issuesOf(readReportsCsv(bytes));
    expect(issues.map((i) => i.code)).toEqual(['csv_encoding_gbk']);
    const [issue] = issues;
    expect(issue?.message.zh).toMatch(/GBK\/GB18030/);
    expect(issue?.message.zh).toMatch(/UTF-8/);
    expect(issue?.message.en).toMatch(/GBK\/GB18030/);
    expect(issue?.message.en).toMatch(/CSV UTF-8/);
  });

  it('refuses UTF-16 and bytes that are no known encoding with csv_encoding', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from('id,month').flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(issuesOf(readReportsCsv(utf16)).map((i) => i.code)).toEqual(['csv_encoding']);
    expect(issuesOf(readReportsCsv(new Uint8Array([0x41, 0xff, 0xff, 0x0a]))).map((i) => i.code)).toEqual(['csv_encoding']);
  });

  it('names UTF-16 without a byte-order mark too, rather than reading its NUL bytes as text', () => {
    for (const order of ['le', 'be'] as const) {
      const bytes = new Uint8Array(
        Array.from(SHEET.replace(/[^\x20-\x7e\r\n]/g, 'x')).flatMap((c) => (order === 'le' ? [c.charCodeAt(0), 0] : [0, c.charCodeAt(0)])),
      );
      const issues = issuesOf(readReportsCsv(bytes));
      expect(issues.map((i) => i.code)).toEqual(['csv_encoding']);
      expect(issues[0]?.message.en).toContain('UTF-16');
    }
  });

  // The CSV reader and the document reader judge bytes alike: both through decodeText.
  test.prop([
    fc.oneof(
      fc.uint8Array({ maxLength: 40 }),
      fc.string({ unit: 'binary' }).map((s) => new TextEncoder().encode(s)),
    ),
  ])('refuses exactly the bytes decodeText refuses, with the matching code', (bytes) => {
    const decoded = decodeText(bytes);
    const r = readReportsCsv(bytes);
    const encodingCodes = r.success ? [] : r.issues.map((i) => i.code).filter((c) => c.startsWith('csv_encoding'));
    if (decoded.ok) expect(encodingCodes).toEqual([]);
    else expect(encodingCodes).toEqual([decoded.encoding === 'gbk' ? 'csv_encoding_gbk' : 'csv_encoding']);
  });

  it('follows RFC 4180: quoted commas, doubled quotes, line breaks inside quotes (one spreadsheet row)', () => {
    const text = `${HEADER}\r\nP-1,2025-01,2025-02-03,1,"say ""hi"", then
go on
and on",否\r\nP-2,2025-01,2025-02-03,2,"",\r\nP-3,2025-01,,3,plain,\r\n`;
    const r = readReportsCsv(utf8(text));
    const rows = rowsOf(r);
    expect(rows.map((x) => [x.row, x.report.progress])).toEqual([
      [2, 'say "hi", then\ngo on\nand on'],
      [3, undefined],
      [4, 'plain'],
    ]);
    expect(r.success && where(r.warnings)).toEqual(['C4 report_without_date']);
  });

  it('reports every problem at once, each with its cell address', () => {
    const text = [
      HEADER, //                                                           row 1
      'P-1,2025-01,2025-02-03,100,,否', //                                 row 2 fine
      'P-1,2025-13,2025-03-03,100,,', //                                   row 3 month
      'P-1,2025-03,2025-02-30,100,,', //                                   row 4 date
      'P-1,2025-04,2025-05-05,1.2.3,,', //                                 row 5 amount
      ',2025-05,2025-06-05,100,,', //                                      row 6 project id
      'P-1,2025-01,2025-02-04,90,,', //                                    row 7 same month as row 2
      'P-1,2024-12,2025-01-05,100,,', //                                   row 8 other year
      'P-1,2025-06,2025-07-05,100,,maybe', //                              row 9 无进展
      'P-1,2025-07,2025-08-05,,,', //                                      row 10 no amount
      'P-1,2025-08,2025-09-05,100,,,extra', //                             row 11 beyond the header
    ].join('\r\n');
    const issues = issuesOf(readReportsCsv(utf8(text), { year: 2025 }));
    expect(where(issues)).toEqual([
      'B3 invalid_month',
      'C4 invalid_date',
      'D5 amount_grammar',
      'A6 missing_key',
      'B7 duplicate_month',
      'B8 outside_year',
      'F9 invalid_value',
      'D10 missing_key',
      'G11 csv_syntax',
    ]);
    for (const i of issues) {
      expect(i.message.zh.startsWith(`${i.cell ?? ''}:`)).toBe(true);
      expect(i.message.en.startsWith(`${i.cell ?? ''}: `)).toBe(true);
    }
    expect(issues[4]?.message.en).toContain('row 2');
  });

  it('reports missing and duplicate columns on the header row, and ignores unknown columns with a warning', () => {
    const r = readReportsCsv(utf8('项目id,报送日期,备注,报送日期\nP-1,2025-02-03,x,2025-02-03\n'));
    expect(where(issuesOf(r))).toEqual(['row 1 missing_key', 'row 1 missing_key', 'D1 csv_header']);
    expect(issuesOf(r)[0]?.message.zh).toContain('月份');
    expect(!r.success && where(r.warnings)).toEqual(['C1 unknown_key']);
  });

  it('reports an unterminated quote and text after a closing quote as csv_syntax', () => {
    expect(where(issuesOf(readReportsCsv(utf8(`${HEADER}\nP-1,2025-01,2025-02-03,"100"x,,\n`))))).toEqual(['D2 csv_syntax']);
    expect(where(issuesOf(readReportsCsv(utf8(`${HEADER}\nP-1,2025-01,2025-02-03,100,"open\n`))))).toEqual(['E2 csv_syntax']);
  });

  it('refuses an empty file (csv_header) and accepts a header without rows', () => {
    expect(where(issuesOf(readReportsCsv(new Uint8Array())))).toEqual(['row 1 csv_header']);
    expect(rowsOf(readReportsCsv(withBom(`${HEADER}\r\n`)))).toEqual([]);
  });

  it('skips blank rows but keeps counting them, as a spreadsheet shows the file', () => {
    const rows = rowsOf(readReportsCsv(utf8(`${HEADER}\n\n,,,,,\nP-1,2025-01,2025-02-03,1,,\n`)));
    expect(rows.map((r) => r.row)).toEqual([4]);
  });

  it('reads amounts exactly as text, thousands separators included, never through a float', () => {
    const text = `${HEADER}\nP-1,2025-01,2025-02-03,0.1,,\nP-1,2025-02,2025-03-03,"12,345,678.905",,\nP-1,2025-03,2025-04-03,-0.30,,\nP-1,2025-04,2025-05-03,99999999999999.999999,,\nP-1,2025-05,2025-06-03,"1,23",,\n`;
    const r = readReportsCsv(utf8(text));
    expect(where(issuesOf(r))).toEqual(['D6 amount_grammar']);
    const ok = rowsOf(readReportsCsv(utf8(text.split('\n').slice(0, 5).join('\n'))));
    expect(ok.map((x) => x.report.investment)).toEqual(['0.1', '12345678.905', '-0.3', '99999999999999.999999']);
  });

  it('reads the month and date forms Chinese Excel writes', () => {
    const text = `${HEADER}\nP-1,2025年9月,2025/10/8,1,,\nP-1,2025/8,2025年9月5日,1,,\nP-1,2025-7,2025.8.5,1,,\n`;
    expect(rowsOf(readReportsCsv(utf8(text))).map((r) => [r.report.month, r.report.submittedOn])).toEqual([
      ['2025-09', '2025-10-08'],
      ['2025-08', '2025-09-05'],
      ['2025-07', '2025-08-05'],
    ]);
    expect(where(issuesOf(readReportsCsv(utf8(`${HEADER}\nP-1,2025/9/1,2025/10/8,1,,\n`))))).toEqual(['B2 invalid_month']);
    expect(where(issuesOf(readReportsCsv(utf8(`${HEADER}\nP-1,2025-09,2025/10-8,1,,\n`))))).toEqual(['C2 invalid_date']);
  });

  describe('properties', () => {
    const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;
    test.prop([fc.string({ unit: fc.constantFrom('a', '中', ',', '"', '\n', '\r\n', ' ', '进') })])(
      'reads back any progress text written with RFC 4180 quoting',
      (progress) => {
        const text = `${HEADER}\r\nP-1,2025-01,2025-02-03,1,${quote(progress)},\r\n`;
        const [row] = rowsOf(readReportsCsv(withBom(text)));
        const trimmed = progress.trim();
        expect(row?.report.progress).toBe(trimmed === '' ? undefined : trimmed);
      },
    );
  });
});

describe('mergeReports', () => {
  const sample: unknown = JSON.parse(readFileSync(new URL('../../../examples/data/handan-sample-2025.json', import.meta.url), 'utf8'));
  type RawProject = { id: string; reports: Record<string, unknown>[] };
  const projectOf = (document: unknown, id: string): RawProject | undefined =>
    (document as { projects: RawProject[] }).projects.find((p) => p.id === id);

  // P-022 has no September report in the sample; P-015's April report carries an achieved start.
  const csv = `${HEADER}\r\nP-022,2025-09,2025/10/8,"1,350.5",配套管线及附属设施,否\r\nP-015,2025-04,2025-05-02,1200,场地平整及临建,\r\n`;

  it('puts the CSV reports into the sample, which then validates', () => {
    const before = JSON.stringify(sample);
    const merged = mergeReports(sample, rowsOf(readReportsCsv(withBom(csv), { year: 2025 })));
    if (!merged.success) throw new Error('merge failed');
    expect(JSON.stringify(sample)).toBe(before); // the input is untouched

    const parsed = safeParsePortfolio(merged.document);
    if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path} ${i.code}`).join('; '));
    const p022 = parsed.data.projects.find((p) => p.id === 'P-022');
    expect(p022?.reports).toHaveLength(12);
    expect(p022?.reports.find((r) => r.month === '2025-09')).toEqual({
      month: '2025-09',
      submittedOn: '2025-10-08',
      investment: '1350.5',
      progress: '配套管线及附属设施',
      noProgress: false,
    });
  });

  it('replaces the report of the same month, keeping its achieved milestones', () => {
    const merged = mergeReports(sample, rowsOf(readReportsCsv(utf8(csv))));
    if (!merged.success) throw new Error('merge failed');
    const reports = projectOf(merged.document, 'P-015')?.reports ?? [];
    expect(reports.filter((r) => r['month'] === '2025-04')).toEqual([
      { month: '2025-04', submittedOn: '2025-05-02', investment: '1200', progress: '场地平整及临建', achieved: { start: '2025-04-18' } },
    ]);
    expect(reports).toHaveLength(projectOf(sample, 'P-015')?.reports.length ?? -1);
  });

  it('reports a project id the document does not have as unknown_reference at its cell', () => {
    const rows = rowsOf(readReportsCsv(utf8(`${HEADER}\nP-022,2025-09,,1,,\nP-999,2025-09,,1,,\n`)));
    const merged = mergeReports(sample, rows);
    expect(merged.success).toBe(false);
    if (!merged.success) expect(where(merged.issues)).toEqual(['A3 unknown_reference']);
  });

  it('refuses rows giving the same project and month twice, and a document without projects', () => {
    const [row] = rowsOf(readReportsCsv(utf8(`${HEADER}\nP-022,2025-09,,1,,\n`)));
    if (!row) throw new Error('no row');
    const twice = mergeReports(sample, [row, { ...row, row: 9, projectIdCell: 'A9' }]);
    expect(!twice.success && where(twice.issues)).toEqual(['A9 duplicate_month']);
    const none = mergeReports({ format: 'sansansan/portfolio@1' }, [row]);
    expect(!none.success && where(none.issues)).toEqual(['- invalid_type']);
  });

  it('creates the reports list of a project that has none', () => {
    const [row] = rowsOf(readReportsCsv(utf8(`${HEADER}\nP-1,2025-09,,1,,\n`)));
    if (!row) throw new Error('no row');
    const merged = mergeReports({ projects: [{ id: 'P-1' }] }, [row]);
    expect(merged.success && merged.document).toEqual({ projects: [{ id: 'P-1', reports: [{ month: '2025-09', investment: '1' }] }] });
  });
});

describe('readReportsCsv on a runtime without the GB18030 decoder', () => {
  it('still recognises a GBK file by its byte structure', () => {
    withUtf8OnlyDecoder(() => {
      expect(issuesOf(readReportsCsv(gbk('项目id,月份\r\nP-1,2025-09\r\n'))).map((i) => i.code)).toEqual(['csv_encoding_gbk']);
      expect(issuesOf(readReportsCsv(new Uint8Array([0x41, 0xff, 0xff]))).map((i) => i.code)).toEqual(['csv_encoding']);
    });
  });
});
