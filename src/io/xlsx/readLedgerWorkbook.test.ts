import { readFileSync } from 'node:fs';
import { fc, test } from '@fast-check/vitest';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { arbPortfolioDocument } from '../../../test/arbitraries/portfolio.js';
import { parsePortfolio, safeParsePortfolio, type Portfolio } from '../../index.js';
import { SansansanError } from '../../errors.js';
import { LIMITS } from './_package.js';
import { addSharedString, appendRows, editPart, sheetPartOf, unzip, zip } from './_zipFixture.js';
import { readLedgerWorkbook, writeLedgerTemplate, writeLedgerWorkbook, type ReadLedgerWorkbookResult } from './index.js';

type XlsxInput = Parameters<ExcelJS.Xlsx['load']>[0];

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as XlsxInput);
  return wb;
}

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (ws === undefined) throw new Error(`no sheet ${name}`);
  return ws;
}

/** Write a row of values from column A. */
function fill(wb: ExcelJS.Workbook, name: string, row: number, values: readonly ExcelJS.CellValue[]): void {
  const ws = sheet(wb, name);
  values.forEach((v, i) => {
    ws.getCell(row, i + 1).value = v;
  });
}

function success(r: ReadLedgerWorkbookResult): Extract<ReadLedgerWorkbookResult, { success: true }> {
  if (!r.success) throw new Error(r.issues.map((i) => `${i.cell} ${i.code} ${i.message.en}`).join('\n'));
  return r;
}

/**
 * The keys a ledger workbook carries: every record that decides a colour. Not carried: per project
 * `changes`, `directives`, `incidents` and the `workload` and `procedures` of ledger months; at top level
 * `escalations`, `bureauReviews`, `notifications` and `interviewRequests`. Ledger months come back in
 * calendar order; an empty meeting `projectIds`, and empty `stalls`, `overrides` or `achieved`, come back absent.
 */
function carried(p: Portfolio): unknown {
  const { escalations: _e, bureauReviews: _b, notifications: _n, interviewRequests: _i, overrides, ...doc } = p;
  return {
    ...doc,
    ...(overrides !== undefined && overrides.length > 0 && { overrides }),
    projects: doc.projects.map(({ changes: _c, directives: _d, incidents: _x, stalls, ...project }) => ({
      ...project,
      ledger: {
        ...project.ledger,
        months: project.ledger.months.map(({ month, investment }) => ({ month, investment })).sort((x, y) => (x.month < y.month ? -1 : 1)),
      },
      ...(stalls !== undefined && stalls.length > 0 && { stalls }),
      reports: project.reports.map(({ achieved, ...r }) =>
        achieved === undefined || Object.keys(achieved).length === 0 ? r : { ...r, achieved },
      ),
    })),
    meetings: doc.meetings.map(({ projectIds, ...m }) => (projectIds === undefined || projectIds.length === 0 ? m : { ...m, projectIds })),
  };
}

const sample = parsePortfolio(JSON.parse(readFileSync('examples/data/handan-sample-2025.json', 'utf8')));

describe('readLedgerWorkbook', () => {
  describe('properties', () => {
    const arbDocument = fc.oneof(
      arbPortfolioDocument({ withSupervisionRecords: true }),
      arbPortfolioDocument({ numericAmounts: true }),
      arbPortfolioDocument({ year: 2026, maxProjects: 3 }),
    );
    // Workbooks take tens of milliseconds each way: few runs.
    test.prop([arbDocument], { numRuns: 20 })('round-trips: read(write(p)) equals p on every key the workbook carries', async (raw) => {
      const parsed = safeParsePortfolio(raw);
      if (!parsed.success) throw parsed.error;
      const r = success(await readLedgerWorkbook(await writeLedgerWorkbook(parsed.data)));
      expect(carried(r.portfolio)).toEqual(carried(parsed.data));
      expect(r.warnings.map((w) => w.code).sort()).toEqual(parsed.warnings.map((w) => w.code).sort());
    });
  });

  it('round-trips the sample portfolio and keeps its two warnings, located', async () => {
    const r = success(await readLedgerWorkbook(await writeLedgerWorkbook(sample)));
    expect(carried(r.portfolio)).toEqual(carried(sample));
    expect(r.document).toEqual(r.portfolio);
    expect(r.warnings.map((w) => [w.cell, w.code, w.path])).toEqual([
      ['台账!A31', 'ledger_sum_mismatch', '$.projects[29].ledger.months'],
      ['报账!C17', 'report_without_date', '$.projects[1].reports[3].submittedOn'],
    ]);
  });

  it('writes amounts as numbers only when exact, and reads both forms back exactly', async () => {
    const doc = {
      format: 'sansansan/portfolio@1',
      year: 2025,
      leaders: [{ id: 'L-1', name: '王', role: 'mayor' }],
      departments: [{ id: 'D-1', name: '市住建局', leaderId: 'L-1' }],
      projects: [
        {
          id: 'P-1',
          name: '道路',
          departmentId: 'D-1',
          responsible: { leader: '甲', person: '乙' },
          totalInvestment: '123456789012345678.25',
          annualPlan: '1234.56',
          ledger: { months: [{ month: '2025-01', investment: '0.0000001' }] },
          milestones: [],
          reports: [{ month: '2025-01', submittedOn: '2025-02-03', investment: '-12.5' }],
        },
      ],
      meetings: [],
      bureauReviews: [],
    };
    const bytes = await writeLedgerWorkbook(parsePortfolio(doc));
    const wb = await load(bytes);
    expect(sheet(wb, '项目').getCell('I2').value).toBe('123456789012345678.25');
    expect(sheet(wb, '项目').getCell('J2').value).toBe(1234.56);
    expect(sheet(wb, '台账').getCell('B2').value).toBe('0.0000001');
    expect(sheet(wb, '报账').getCell('D2').value).toBe(-12.5);
    const p = success(await readLedgerWorkbook(bytes)).portfolio.projects[0];
    expect([p?.totalInvestment, p?.annualPlan, p?.ledger.months[0]?.investment, p?.reports[0]?.investment]).toEqual([
      '123456789012345678.25',
      '1234.56',
      '0.0000001',
      '-12.5',
    ]);
  });

  describe('cells as people type them', () => {
    async function typed(): Promise<ReadLedgerWorkbookResult> {
      const wb = await load(await writeLedgerTemplate({ year: 2025 }));
      fill(wb, '市领导', 2, ['L-1', '王', '市长']);
      fill(wb, '责任部门', 2, ['D-1', '市住建局', 'L-1']);
      // 1234.56 as a number cell; the ledger date as an Excel date cell.
      fill(wb, '项目', 2, ['P-1', '道路', 'D-1', null, null, '是', '  甲  ', '乙', null, 1234.56, new Date(Date.UTC(2025, 1, 20))]);
      sheet(wb, '项目').getCell('K2').numFmt = 'yyyy-mm-dd';
      // Thousands separators, padded text, a number computed by a formula.
      fill(wb, '台账', 2, ['P-1', '1,234.50', ' 0012.300 ', { formula: '1000+234.56', result: 1234.56 }, 0.3]);
      // The month typed as a date; the date as a serial number in a text-formatted column (45750 = 2025-04-03).
      fill(wb, '报账', 2, ['P-1', new Date(Date.UTC(2025, 2, 1)), 45750, { formula: 'B2', result: 7 }, '开挖', false]);
      sheet(wb, '报账').getCell('B2').numFmt = 'yyyy-mm';
      fill(wb, '节点', 2, ['P-1', 'start', '开工', '开工', '2025-03-31']);
      fill(wb, '调度', 2, ['市长', '2025-03-31', 'L-1', 'D-1， D-1', '现场办公', null]);
      return readLedgerWorkbook(await bytesOf(wb));
    }

    it('reads a number cell 1234.56 as "1234.56", a formula as its result, text amounts exactly', async () => {
      const p = success(await typed()).portfolio.projects[0];
      expect(p?.annualPlan).toBe('1234.56');
      expect(p?.ledger.months).toEqual([
        { month: '2025-01', investment: '1234.5' },
        { month: '2025-02', investment: '12.3' },
        { month: '2025-03', investment: '1234.56' },
        { month: '2025-04', investment: '0.3' },
      ]);
      expect(p?.reports[0]?.investment).toBe('7');
    });

    it('reads Excel dates and serial numbers as the day, and a date in a month column as its month', async () => {
      const p = success(await typed()).portfolio.projects[0];
      expect(p?.ledger.submittedOn).toBe('2025-02-20');
      expect([p?.reports[0]?.month, p?.reports[0]?.submittedOn]).toEqual(['2025-03', '2025-04-03']);
    });

    it('reads Chinese labels of enumerations, booleans and both kinds of comma, and trims text', async () => {
      const r = success(await typed());
      expect(r.portfolio.leaders[0]?.role).toBe('mayor');
      expect(r.portfolio.projects[0]?.majorLivelihood).toBe(true);
      expect(r.portfolio.projects[0]?.responsible.leader).toBe('甲');
      expect(r.portfolio.projects[0]?.reports[0]?.noProgress).toBe(false);
      expect(r.portfolio.projects[0]?.milestones[0]?.kind).toBe('start');
      expect(r.portfolio.meetings).toEqual([
        { level: 'mayor', on: '2025-03-31', chairId: 'L-1', departmentIds: ['D-1', 'D-1'], form: 'onsiteOffice' },
      ]);
    });
  });

  it('never rounds a float: a cell holding 0.1 + 0.2 reads as 0.30000000000000004, beyond 10 decimals', async () => {
    const wb = await load(await writeLedgerTemplate({ year: 2025 }));
    fill(wb, '市领导', 2, ['L-1', '王', 'mayor']);
    fill(wb, '责任部门', 2, ['D-1', '市住建局', 'L-1']);
    fill(wb, '项目', 2, ['P-1', '道路', 'D-1', null, null, null, '甲', '乙', null, 0.1 + 0.2]);
    const r = await readLedgerWorkbook(await bytesOf(wb));
    expect(r.success ? [] : r.issues.map((i) => [i.cell, i.code, i.message.en])).toEqual([
      ['项目!J2', 'amount_out_of_range', 'amount out of range (at most 18 integer and 10 fractional digits): 0.30000000000000004'],
    ]);
  });

  it('reports every problem of every sheet at once, each at its cell', async () => {
    const wb = await load(await writeLedgerTemplate({ year: 2025 }));
    fill(wb, '基本信息', 4, ['金额单位', '美元']);
    fill(wb, '市领导', 2, ['L-1', '王', 'mayor']);
    fill(wb, '市领导', 3, ['L-1', '李', 'cityLeader']);
    fill(wb, '市领导', 4, ['L-2', '张', 'boss']);
    fill(wb, '责任部门', 2, ['D-1', '市住建局', 'L-1']);
    fill(wb, '责任部门', 3, ['D-2', '市交通运输局', 'L-9']);
    fill(wb, '项目', 2, ['P-1', '道路', 'D-1', null, null, null, '甲', '乙', null, 1200, '2025-02-20']);
    fill(wb, '项目', 3, ['P-2', '桥梁', 'D-x', null, null, null, '丙', null, null, '12x']);
    fill(wb, '台账', 2, ['P-1', 100, 100, 100, 'abc', 100, 100, 100, 100, 100, 100, 100, 100]);
    fill(wb, '台账', 3, ['P-9']);
    fill(wb, '台账', 4, ['P-1', 'x']);
    fill(wb, '报账', 2, ['P-1', '2025-13', null, 100]);
    fill(wb, '报账', 3, ['P-1', '2025-03', '2025-02-30', 50]);
    fill(wb, '报账', 4, ['P-1', '2024-12', '2025-01-03', 10]);
    fill(wb, '报账', 5, ['P-1', '2025-03', '2025-04-02']);
    fill(wb, '节点', 2, ['P-1', 'start', 'go', '开工', '2025-04-30']);
    fill(wb, '节点', 3, ['P-1', 'M-2', 'completion', '竣工']);
    fill(wb, '调度', 2, ['department', '2025-03-10', null, 'D-1,D-x', 'site']);
    fill(wb, '调度', 3, ['weekly', '2025-03-10', 'L-1', 'D-1', '现场调度']);
    const r = await readLedgerWorkbook(await bytesOf(wb));
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues.map((i) => `${i.cell} ${i.code}`)).toEqual([
      '基本信息!B4 invalid_value',
      '市领导!A3 duplicate_id',
      '市领导!C4 invalid_value',
      '责任部门!C3 unknown_reference',
      '项目!C3 unknown_reference',
      '项目!H3 missing_key',
      '项目!J3 amount_grammar',
      '台账!E2 amount_grammar',
      '台账!A3 unknown_reference',
      '台账!A4 duplicate_id',
      '台账!B4 amount_grammar',
      '报账!B2 invalid_month',
      '报账!C3 invalid_date',
      '报账!B4 outside_year',
      '报账!B5 duplicate_month',
      '报账!D5 missing_key',
      '节点!C2 invalid_value',
      '节点!E3 missing_key',
      '调度!D2 unknown_reference',
      '调度!A3 invalid_value',
    ]);
    const at = (cell: string): (typeof r.issues)[number] | undefined => r.issues.find((i) => i.cell === cell);
    expect(at('报账!C3')).toMatchObject({ sheet: '报账', row: 3, column: 'C', path: '$.projects[0].reports[1].submittedOn' });
    expect(at('台账!E2')?.path).toBe('$.projects[0].ledger.months[3].investment');
    expect(at('调度!D2')?.path).toBe('$.meetings[0].departmentIds[1]');
    expect(at('项目!C3')?.path).toBe('$.projects[1].departmentId');
    expect(at('台账!A3')?.path).toBe('$');
    for (const i of r.issues) expect(i.message.zh.length * i.message.en.length).toBeGreaterThan(0);
    expect(r.warnings.map((w) => `${w.cell} ${w.code}`)).toEqual(['台账!A2 ledger_sum_mismatch']);
  });

  it('reads the records that decide a colour: milestones reported achieved, stalls and overrides, each problem at its cell', async () => {
    const wb = await load(await writeLedgerTemplate({ year: 2025 }));
    fill(wb, '市领导', 2, ['L-1', '王', 'mayor']);
    fill(wb, '责任部门', 2, ['D-1', '市住建局', 'L-1']);
    fill(wb, '项目', 2, ['P-1', '道路', 'D-1', null, null, null, '甲', '乙', null, 1200]);
    fill(wb, '报账', 2, ['P-1', '2025-03', '2025-04-02', 100]);
    fill(wb, '节点', 2, ['P-1', 'start', '开工', '开工', '2025-03-31']);
    fill(wb, '节点完成', 2, ['P-1', '2025-03', 'start', '2025-03-28']);
    fill(wb, '节点完成', 3, ['P-1', '2025-04', 'start', '2025-04-01']);
    fill(wb, '节点完成', 4, ['P-1', '2025-03', 'start', '2025-03-29']);
    fill(wb, '停滞', 2, ['P-1', '2025-05-10', null, '前期论证不充分', '溶洞']);
    fill(wb, '停滞', 3, ['P-1', '2025-06-01', null, 'weather']);
    fill(wb, '颜色调整', 2, ['P-1', '2025-03', 'yellow', '核查', '市发展改革委']);
    const bad = await readLedgerWorkbook(await bytesOf(wb));
    expect(bad.success).toBe(false);
    if (bad.success) return;
    expect(bad.issues.map((i) => `${i.cell} ${i.code}`)).toEqual([
      '节点完成!B3 unknown_reference',
      '节点完成!C4 duplicate_id',
      '停滞!D3 invalid_value',
    ]);
    fill(wb, '节点完成', 3, [null, null, null, null]);
    fill(wb, '节点完成', 4, [null, null, null, null]);
    fill(wb, '停滞', 3, [null, null, null, null]);
    const r = success(await readLedgerWorkbook(await bytesOf(wb)));
    const p = r.portfolio.projects[0];
    expect(p?.reports[0]?.achieved).toEqual({ start: '2025-03-28' });
    expect(p?.stalls).toEqual([{ since: '2025-05-10', cause: 'insufficientPreliminaryStudy', note: '溶洞' }]);
    expect(r.portfolio.overrides).toEqual([{ projectId: 'P-1', month: '2025-03', colour: 'yellow', reason: '核查', by: '市发展改革委' }]);
  });

  it('finds columns by their header text, wherever they stand, and reports a missing required column once', async () => {
    const wb = await load(await writeLedgerTemplate({ year: 2025 }));
    const leaders = sheet(wb, '市领导');
    leaders.spliceColumns(1, 0, ['备注', '说明文字']);
    fill(wb, '市领导', 2, ['x', 'L-1', '王', 'mayor']);
    const reports = sheet(wb, '报账');
    reports.getCell('D1').value = '完成投资';
    fill(wb, '项目', 2, ['P-1', '道路', 'D-1', null, null, null, '甲', '乙', null, 1200]);
    fill(wb, '责任部门', 2, ['D-1', '市住建局', 'L-1']);
    fill(wb, '报账', 2, ['P-1', '2025-01', '2025-02-03', 5]);
    fill(wb, '报账', 3, ['P-1', '2025-02', '2025-03-03', 6]);
    const r = await readLedgerWorkbook(await bytesOf(wb));
    expect(r.success ? [] : r.issues.map((i) => `${i.cell} ${i.code}`)).toEqual(['报账!A1 missing_key']);
  });

  it('reports a missing sheet at its A1', async () => {
    const wb = await load(await writeLedgerTemplate({ year: 2025 }));
    wb.removeWorksheet(sheet(wb, '节点').id);
    const r = await readLedgerWorkbook(await bytesOf(wb));
    expect(r.success ? [] : r.issues.map((i) => `${i.cell} ${i.code}`)).toEqual(['节点!A1 missing_key']);
  });

  it('throws invalid_workbook for bytes that are not an .xlsx file', async () => {
    await expect(readLedgerWorkbook(new TextEncoder().encode('not a workbook'))).rejects.toMatchObject({ code: 'invalid_workbook' });
  });

  it('accepts an ArrayBuffer as well as a Uint8Array', async () => {
    const bytes = await writeLedgerTemplate({ year: 2025 });
    const copy = bytes.slice().buffer;
    expect((await readLedgerWorkbook(copy)).success).toBe(true);
  });

  describe('hostile workbooks', () => {
    const template = writeLedgerTemplate({ year: 2025 });
    const codes = (r: ReadLedgerWorkbookResult): string[] => (r.success ? [] : r.issues.map((i) => `${i.cell} ${i.code}`));

    it('reads a workbook whose every sheet has a blank cell at row 1 048 576 without visiting a million rows', async () => {
      const parts = unzip(await template);
      for (const name of [...parts.keys()].filter((n) => n.startsWith('xl/worksheets/sheet'))) {
        editPart(parts, name, (xml) => xml.replace('</sheetData>', '<row r="1048576"><c r="A1048576" s="1"/></row></sheetData>'));
      }
      const started = performance.now();
      const r = await readLedgerWorkbook(zip(parts));
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(r.success).toBe(true);
    });

    it('reports a sheet over 100 000 data rows as too_many_rows without loading it', async () => {
      const parts = unzip(await template);
      const rows: string[] = [];
      for (let r = 2; r <= LIMITS.rows + 2; r += 1) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
      appendRows(parts, '台账', rows.join(''));
      expect(codes(await readLedgerWorkbook(zip(parts)))).toEqual([`台账!A${LIMITS.rows + 2} too_many_rows`]);
    });

    it('reports a row over 1 024 cells as too_many_cells', async () => {
      const parts = unzip(await template);
      const cells = Array.from({ length: LIMITS.cellsPerRow + 1 }, (_, i) => `<c><v>${i}</v></c>`).join('');
      appendRows(parts, '项目', `<row r="2">${cells}</row>`);
      expect(codes(await readLedgerWorkbook(zip(parts)))).toEqual(['项目!A2 too_many_cells']);
    });

    it('reports each cell of a shared string over 32 767 characters as text_too_long, and an unused one at its part', async () => {
      const parts = unzip(await template);
      const k = addSharedString(parts, 'x'.repeat(40_000));
      appendRows(parts, '项目', `<row r="2"><c r="A2" t="s"><v>${k}</v></c><c r="B2" t="s"><v>${k}</v></c></row>`);
      expect(codes(await readLedgerWorkbook(zip(parts)))).toEqual(['项目!A2 text_too_long', '项目!B2 text_too_long']);
      const unused = unzip(await template);
      addSharedString(unused, '&amp;'.repeat(40_000));
      expect(codes(await readLedgerWorkbook(zip(unused)))).toEqual(['xl/sharedStrings.xml!A1 text_too_long']);
      // 32 767 characters written as 163 835 bytes of entities are within the bound.
      const entities = unzip(await template);
      addSharedString(entities, '&amp;'.repeat(32_767));
      expect((await readLedgerWorkbook(zip(entities))).success).toBe(true);
    });

    it('reports an inline string over 32 767 characters as text_too_long', async () => {
      const parts = unzip(await template);
      appendRows(parts, '市领导', `<row r="2"><c r="B2" t="inlineStr"><is><t>${'y'.repeat(32_768)}</t></is></c></row>`);
      expect(codes(await readLedgerWorkbook(zip(parts)))).toEqual(['市领导!B2 text_too_long']);
    });

    it('decodes _xHHHH_ exactly once in shared strings, inline strings and formula results', async () => {
      const parts = unzip(await template);
      const shared = addSharedString(parts, '_x005F_x0041_ and _x0042_');
      appendRows(
        parts,
        '市领导',
        `<row r="2"><c r="A2" t="inlineStr"><is><t>L_x002D_1</t></is></c><c r="B2" t="s"><v>${shared}</v></c>` +
          '<c r="C2" t="str"><f>"mayor"</f><v>may&amp;lt;_x006F_r</v></c></row>',
      );
      appendRows(
        parts,
        '责任部门',
        '<row r="2"><c r="A2" t="inlineStr"><is><t>D-1</t></is></c><c r="B2" t="inlineStr"><is><t>_x005F_x0041_</t></is></c><c r="C2" t="inlineStr"><is><r><t>L_x002D_1</t></r></is></c></row>',
      );
      const r = await readLedgerWorkbook(zip(parts));
      expect(codes(r)).toEqual(['市领导!C2 invalid_value']);
      if (r.success) return;
      expect(r.issues[0]?.message.en).toContain('may&lt;or');
      const ok = unzip(await template);
      appendRows(
        ok,
        '市领导',
        `<row r="2"><c r="A2" t="inlineStr"><is><t>L_x002D_1</t></is></c><c r="B2" t="s"><v>${addSharedString(ok, '_x005F_x0041_ and _x0042_')}</v></c><c r="C2" t="inlineStr"><is><t>mayor</t></is></c></row>`,
      );
      appendRows(
        ok,
        '责任部门',
        '<row r="2"><c r="A2" t="inlineStr"><is><t>D-1</t></is></c><c r="B2" t="inlineStr"><is><t>_x005F_x0041_</t></is></c><c r="C2" t="inlineStr"><is><r><t>L_x002D_1</t></r></is></c></row>',
      );
      const read = await readLedgerWorkbook(zip(ok));
      if (!read.success) throw new Error(codes(read).join());
      expect(read.portfolio.leaders).toEqual([{ id: 'L-1', name: '_x0041_ and B', role: 'mayor' }]);
      expect(read.portfolio.departments).toEqual([{ id: 'D-1', name: '_x0041_', leaderId: 'L-1' }]);
    });

    it('scans unclosed tags and unterminated attributes in linear time', async () => {
      const parts = unzip(await template);
      appendRows(parts, '台账', `<row r="2">${'<c r="A2'.repeat(200_000)}${'<v>'.repeat(100_000)}</row>`);
      addSharedString(parts, `</t>${'<si><t>'.repeat(200_000)}${'<rPh>'.repeat(100_000)}`);
      const started = performance.now();
      const answer: unknown = await readLedgerWorkbook(zip(parts)).catch((e: unknown) => e);
      expect(performance.now() - started).toBeLessThan(3_000);
      expect(answer instanceof SansansanError || !(answer as ReadLedgerWorkbookResult).success).toBe(true);
    });

    it('reports a part claiming more than its bound as workbook_too_large without inflating it', async () => {
      const parts = unzip(await template);
      const styles = zip(parts, { claimedSizes: new Map([['xl/styles.xml', 3_000_000_000]]) });
      expect(codes(await readLedgerWorkbook(styles))).toEqual(['xl/styles.xml!A1 workbook_too_large']);
      const sheet = sheetPartOf(parts, '台账');
      const big = zip(parts, { claimedSizes: new Map([[sheet, LIMITS.sheetPart + 1]]) });
      expect(codes(await readLedgerWorkbook(big))).toEqual([`${sheet}!A1 workbook_too_large`]);
    });

    it('refuses a part that inflates beyond the size it claims (a zip bomb) with invalid_workbook', async () => {
      const parts = unzip(await template);
      editPart(parts, 'xl/styles.xml', (xml) => xml.replace('</styleSheet>', `<!--${' '.repeat(5_000_000)}--></styleSheet>`));
      const lying = zip(parts, { claimedSizes: new Map([['xl/styles.xml', 1_000]]) });
      await expect(readLedgerWorkbook(lying)).rejects.toMatchObject({ name: 'SansansanError', code: 'invalid_workbook' });
    });

    it.each([
      ['a JSON file', new TextEncoder().encode('{"format":"sansansan/portfolio@1"}')],
      ['an empty file', new Uint8Array()],
      ['an empty zip', Uint8Array.from([0x50, 0x4b, 0x05, 0x06, ...Array<number>(18).fill(0)])],
      ['a zip without a workbook', zip(new Map([['a.txt', new TextEncoder().encode('hello')]]))],
    ])('rejects %s with SansansanError invalid_workbook', async (_, bytes) => {
      await expect(readLedgerWorkbook(bytes)).rejects.toMatchObject({ name: 'SansansanError', code: 'invalid_workbook' });
    });

    it('rejects a truncated workbook with SansansanError invalid_workbook', async () => {
      const bytes = await template;
      for (const n of [10, 100, bytes.length >> 1, bytes.length - 1]) {
        await expect(readLedgerWorkbook(bytes.subarray(0, n))).rejects.toMatchObject({ name: 'SansansanError', code: 'invalid_workbook' });
      }
    });

    describe('properties', () => {
      const settle = async (bytes: Uint8Array): Promise<void> => {
        try {
          const r = await readLedgerWorkbook(bytes);
          expect(typeof r.success).toBe('boolean');
        } catch (e) {
          expect(e).toBeInstanceOf(SansansanError);
          expect((e as SansansanError).code).toBe('invalid_workbook');
        }
      };
      test.prop([fc.uint8Array({ maxLength: 2_000 })], { numRuns: 200 })(
        'answers arbitrary bytes with issues or a SansansanError, nothing else',
        settle,
      );

      const mutation = fc.oneof(
        fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
        fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
        fc.record({ kind: fc.constant('byte' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
      );
      test.prop([fc.array(mutation, { minLength: 1, maxLength: 4 })], { numRuns: 60 })(
        'answers a mutated workbook (bits flipped, bytes changed, truncated) with issues or a SansansanError',
        async (mutations) => {
          let bytes = (await template).slice();
          for (const m of mutations) {
            const at = m.at % bytes.length;
            if (m.kind === 'truncate') bytes = bytes.slice(0, at);
            else if (m.kind === 'flip') bytes[at] = (bytes[at] ?? 0) ^ (1 << m.bit);
            else bytes[at] = m.value;
            if (bytes.length === 0) break;
          }
          await settle(bytes);
        },
      );

      // Inside a sound zip: the XML of one part damaged, so that exceljs meets it.
      test.prop([fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 3 })], { numRuns: 40 })(
        'answers a workbook whose XML is damaged (bits flipped, bytes changed, truncated) with issues or a SansansanError',
        async (which, mutations) => {
          const parts = unzip(await template);
          const names = [...parts.keys()].filter((n) => n.endsWith('.xml'));
          const name = names[which % names.length] ?? 'xl/workbook.xml';
          let xml = (parts.get(name) ?? new Uint8Array()).slice();
          for (const m of mutations) {
            if (xml.length === 0) break;
            const at = m.at % xml.length;
            if (m.kind === 'truncate') xml = xml.slice(0, at);
            else if (m.kind === 'flip') xml[at] = (xml[at] ?? 0) ^ (1 << m.bit);
            else xml[at] = m.value;
          }
          parts.set(name, xml);
          await settle(zip(parts));
        },
      );
    });
  });
});
