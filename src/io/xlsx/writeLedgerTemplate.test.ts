import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readLedgerWorkbook, writeLedgerTemplate } from './index.js';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  return wb;
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (ws === undefined) throw new Error(`no sheet ${name}`);
  return ws;
}

const headers = (ws: ExcelJS.Worksheet): unknown[] => {
  const out: unknown[] = [];
  ws.getRow(1).eachCell((c) => out.push(c.value));
  return out;
};

describe('writeLedgerTemplate', () => {
  it('has the twelve sheets in order', async () => {
    const wb = await load(await writeLedgerTemplate({ year: 2025 }));
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([
      '说明',
      '基本信息',
      '市领导',
      '责任部门',
      '项目',
      '台账',
      '报账',
      '节点',
      '节点完成',
      '停滞',
      '调度',
      '颜色调整',
    ]);
  });

  it('has the header row of every record sheet', async () => {
    const wb = await load(await writeLedgerTemplate());
    expect(headers(sheet(wb, '市领导'))).toEqual(['id', '姓名', '角色']);
    expect(headers(sheet(wb, '责任部门'))).toEqual(['id', '名称', '分管市领导id']);
    expect(headers(sheet(wb, '项目'))).toEqual([
      'id',
      '名称',
      '责任部门id',
      '项目代码',
      '建设单位',
      '重大民生工程',
      '牵头责任领导',
      '具体责任人',
      '总投资',
      '年度计划投资',
      '台账报送日期',
    ]);
    expect(headers(sheet(wb, '台账'))).toEqual(['项目id', ...Array.from({ length: 12 }, (_, i) => `${i + 1}月`)]);
    expect(headers(sheet(wb, '报账'))).toEqual(['项目id', '月份', '报送日期', '本月完成投资', '进展情况', '无进展']);
    expect(headers(sheet(wb, '节点'))).toEqual(['项目id', '节点id', '类型', '名称', '计划完成日期', '原计划日期', '实际完成日期']);
    expect(headers(sheet(wb, '调度'))).toEqual(['层级', '日期', '主持领导id', '部门id', '形式', '项目id']);
  });

  it('fills 基本信息 with the format, the year and the unit (万元 by default)', async () => {
    const info = sheet(await load(await writeLedgerTemplate({ year: 2026 })), '基本信息');
    expect([2, 3, 4, 5].map((r) => [info.getCell(`A${r}`).value, info.getCell(`B${r}`).value])).toEqual([
      ['格式版本', 'sansansan/portfolio@1'],
      ['年度', 2026],
      ['金额单位', '万元'],
      ['城市', null],
    ]);
    const yuan = sheet(await load(await writeLedgerTemplate({ unit: '元' })), '基本信息');
    expect([yuan.getCell('B3').value, yuan.getCell('B4').value]).toEqual([null, '元']);
  });

  it('puts drop-down lists on the enumerations and yes/no columns, over a thousand rows', async () => {
    const wb = await load(await writeLedgerTemplate({ year: 2025 }));
    const list = (name: string, address: string): unknown => {
      const v = sheet(wb, name).getCell(address).dataValidation as ExcelJS.DataValidation | undefined;
      return v === undefined ? undefined : { type: v.type, formulae: v.formulae };
    };
    expect(list('市领导', 'C2')).toEqual({ type: 'list', formulae: ['"mayor,principal,cityLeader"'] });
    expect(list('市领导', 'C1000')).toEqual({ type: 'list', formulae: ['"mayor,principal,cityLeader"'] });
    expect(list('节点', 'C2')).toEqual({ type: 'list', formulae: ['"start,completion,procedure,physical"'] });
    expect(list('调度', 'A2')).toEqual({ type: 'list', formulae: ['"department,cityLeader,mayor"'] });
    expect(list('调度', 'E2')).toEqual({ type: 'list', formulae: ['"site,collective,inspection,report,onsiteOffice"'] });
    expect(list('项目', 'F2')).toEqual({ type: 'list', formulae: ['"是,否"'] });
    expect(list('报账', 'F2')).toEqual({ type: 'list', formulae: ['"是,否"'] });
    expect(list('基本信息', 'B4')).toEqual({ type: 'list', formulae: ['"元,万元,亿元"'] });
    expect(list('市领导', 'C1')).toBeUndefined();
    expect(list('市领导', 'A2')).toBeUndefined();
  });

  it('freezes the header rows and formats id, date and month columns as text', async () => {
    const wb = await load(await writeLedgerTemplate({ year: 2025 }));
    for (const name of ['基本信息', '市领导', '责任部门', '项目', '台账', '报账', '节点', '调度']) {
      expect(sheet(wb, name).views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    }
    expect(sheet(wb, '台账').views[0]).toMatchObject({ xSplit: 1 });
    const reports = sheet(wb, '报账');
    expect([reports.getColumn('A').numFmt, reports.getColumn('B').numFmt, reports.getColumn('C').numFmt]).toEqual(['@', '@', '@']);
    expect(reports.getColumn('D').width).toBeGreaterThan(8);
  });

  it('explains every sheet in 说明, in Chinese and English', async () => {
    const guide = sheet(await load(await writeLedgerTemplate()), '说明');
    const sheetsNamed = new Set<unknown>();
    guide.eachRow((row) => sheetsNamed.add(row.getCell(1).value));
    for (const name of ['基本信息', '市领导', '责任部门', '项目', '台账', '报账', '节点', '调度']) expect(sheetsNamed).toContain(name);
  });

  it('reads back, empty, as a valid document with empty lists', async () => {
    const r = await readLedgerWorkbook(await writeLedgerTemplate({ year: 2025 }));
    expect(r.success && r.document).toEqual({
      format: 'sansansan/portfolio@1',
      year: 2025,
      unit: '万元',
      leaders: [],
      departments: [],
      projects: [],
      meetings: [],
      bureauReviews: [],
    });
  });

  it('reads back without a year as an error at 基本信息!B3', async () => {
    const r = await readLedgerWorkbook(await writeLedgerTemplate());
    expect(r.success ? [] : r.issues.map((i) => [i.cell, i.code, i.path])).toEqual([['基本信息!B3', 'missing_key', '$.year']]);
  });
});
