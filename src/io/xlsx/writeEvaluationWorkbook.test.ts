import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, parsePortfolio, type Evaluation } from '../../index.js';
import { malformedParts } from './_zipFixture.js';
import { WorkbookError, writeEvaluationWorkbook } from './index.js';

const sample = parsePortfolio(JSON.parse(readFileSync('examples/data/handan-sample-2025.json', 'utf8')));
const evaluation: Evaluation = evaluate(sample, { asOf: '2025-10-15' });

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (ws === undefined) throw new Error(`no sheet ${name}`);
  return ws;
}

/** The values of a sheet's rows from `from` on, as arrays from column A. */
function rows(ws: ExcelJS.Worksheet, from: number): unknown[][] {
  const out: unknown[][] = [];
  for (let r = from; r <= ws.rowCount; r += 1) {
    const values = ws.getRow(r).values;
    out.push(Array.isArray(values) ? values.slice(1) : []);
  }
  return out;
}

describe('writeEvaluationWorkbook', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = new ExcelJS.Workbook();
    const bytes = await writeEvaluationWorkbook(evaluation);
    await wb.xlsx.load(Buffer.from(bytes) as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  });

  it('has the five sheets', () => {
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['四色评价', '季度排名', '约谈', '问责', '合规']);
  });

  it('fills each project colour cell with the colour of the scale and writes its Chinese label', () => {
    const ws = sheet(wb, '四色评价');
    expect(ws.getCell('A2').value).toBe('项目编号');
    const hex = new Map(evaluation.colours.map((c) => [c.id, `FF${c.hex.slice(1).toUpperCase()}`]));
    const zh = new Map(evaluation.colours.map((c) => [c.id, c.zh]));
    const red = evaluation.projects.findIndex((p) => p.colour === 'red');
    expect(red).toBeGreaterThanOrEqual(0);
    const cell = ws.getCell(`D${red + 3}`);
    expect(ws.getCell(`A${red + 3}`).value).toBe(evaluation.projects[red]?.projectId);
    expect(cell.value).toBe('红');
    expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFC62828');
    evaluation.projects.forEach((p, i) => {
      const c = ws.getCell(`D${i + 3}`);
      expect(c.value).toBe(zh.get(p.colour ?? ''));
      expect((c.fill as ExcelJS.FillPattern).fgColor?.argb).toBe(hex.get(p.colour ?? ''));
    });
  });

  it('writes the numbers of each project, as numbers when exact', () => {
    const ws = sheet(wb, '四色评价');
    const p = evaluation.projects[0];
    const row = ws.getRow(3);
    expect(row.getCell(6).value).toBe(Number(p?.annualPlan));
    expect(row.getCell(11).value).toBe(Number(p?.lagPp));
    expect(row.getCell(11).numFmt).toBe('0.00');
  });

  it('marks exactly the bottom three of each ranked quarter', () => {
    const ws = sheet(wb, '季度排名');
    const name = new Map(evaluation.departments.map((d) => [d.departmentId, d.name]));
    const marked = rows(ws, 1)
      .filter((r) => r[5] === '是')
      .map((r) => r[1]);
    expect(marked).toEqual(
      evaluation.notifications.flatMap((n) =>
        n.ranking.filter((r) => n.bottom.includes(r.departmentId)).map((r) => name.get(r.departmentId)),
      ),
    );
    expect(marked.length).toBeGreaterThanOrEqual(3 * evaluation.notifications.length);
  });

  it('lists every interview trigger, accountability case and compliance gap', () => {
    const triggers = evaluation.interviews.reduce((n, c) => n + c.triggers.length, 0);
    expect(rows(sheet(wb, '约谈'), 3)).toHaveLength(triggers);
    expect(rows(sheet(wb, '问责'), 3)).toHaveLength(evaluation.accountability.length);
    const compliance = rows(sheet(wb, '合规'), 3);
    expect(compliance).toHaveLength(evaluation.compliance.length);
    expect(compliance.map((r) => JSON.parse(String(r[5])) as unknown)).toEqual(evaluation.compliance.map((c) => c.evidence));
  });

  it('says so when there is nothing to list, and leaves the colour of a project without an evaluated month blank', async () => {
    // On 2 January no report deadline has passed: no month, no ranking, no case, no gap.
    const early = evaluate(sample, { asOf: '2025-01-02' });
    expect([early.month, early.notifications.length, early.accountability.length, early.compliance.length]).toEqual([null, 0, 0, 0]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await writeEvaluationWorkbook(early)) as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    expect(sheet(book, '季度排名').getCell('A2').value).toBe('尚无可排名的季度');
    expect(sheet(book, '问责').getCell('A3').value).toBe('没有问责建议');
    expect(sheet(book, '合规').getCell('A3').value).toBe('没有合规问题');
    const colour = sheet(book, '四色评价').getCell('D3');
    expect(colour.value).toBe('—');
    expect((colour.fill as ExcelJS.FillPattern | undefined)?.fgColor).toBeUndefined();
  });

  describe('hostile text', () => {
    // The first project renamed after parsing: the document itself holds no text over 10 000 characters.
    const withName = (name: string): Evaluation =>
      evaluate({ ...sample, projects: sample.projects.map((p, i) => (i === 0 ? { ...p, name } : p)) }, { asOf: '2025-10-15' });

    it('writes control characters, CR, U+FFFE, U+FFFF and a literal _x0041_ as well-formed XML that reads back as given', async () => {
      const name = 'a\u0001b\r\nc\uFFFEd\uFFFF_x0041_';
      const bytes = await writeEvaluationWorkbook(withName(name));
      expect(malformedParts(bytes)).toEqual([]);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(bytes) as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
      expect(sheet(book, '四色评价').getCell('B3').value).toBe(name);
    });

    it('refuses a text over 32 767 characters and a lone surrogate with WorkbookError, naming each cell', async () => {
      for (const [name, code] of [
        ['x'.repeat(32_768), 'text_too_long'],
        ['a\uDC00', 'lone_surrogate'],
      ] as const) {
        const e: unknown = await writeEvaluationWorkbook(withName(name)).then(
          () => undefined,
          (x: unknown) => x,
        );
        expect(e).toBeInstanceOf(WorkbookError);
        expect(e).toMatchObject({ code: 'unwritable_workbook' });
        const issues = (e as WorkbookError).issues;
        expect(issues.length).toBeGreaterThan(0);
        expect(issues[0]).toMatchObject({ cell: '四色评价!B3', code });
        expect(new Set(issues.map((i) => i.code))).toEqual(new Set([code]));
      }
    });
  });
});
