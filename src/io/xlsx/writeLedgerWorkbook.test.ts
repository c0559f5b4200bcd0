import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { parsePortfolio, safeParsePortfolio, type Portfolio } from '../../index.js';
import { malformedParts } from './_zipFixture.js';
import { readLedgerWorkbook, WorkbookError, writeLedgerWorkbook, type WorkbookIssue } from './index.js';

/** A small valid document; `text` fills names, ids and free text. */
function documentWith(text: { name?: string; id?: string; progress?: string; city?: string; ids?: readonly string[] }): unknown {
  const departmentId = text.id ?? 'D-1';
  return {
    format: 'sansansan/portfolio@1',
    year: 2025,
    ...(text.city === undefined ? {} : { city: text.city }),
    leaders: [{ id: 'L-1', name: text.name ?? '王', role: 'mayor' }],
    departments: [{ id: departmentId, name: text.name ?? '市住建局', leaderId: 'L-1' }],
    projects: [
      {
        id: 'P-1',
        name: text.name ?? '道路',
        departmentId,
        responsible: { leader: '甲', person: '乙' },
        annualPlan: '100',
        ledger: { months: [{ month: '2025-01', investment: '100' }] },
        milestones: [],
        reports: [
          {
            month: '2025-01',
            submittedOn: '2025-02-03',
            investment: '5',
            ...(text.progress === undefined ? {} : { progress: text.progress }),
          },
        ],
      },
    ],
    meetings: [{ level: 'department', on: '2025-03-10', departmentIds: text.ids ?? [departmentId], form: 'site' }],
    bureauReviews: [],
  };
}

async function refusal(p: Portfolio): Promise<readonly WorkbookIssue[]> {
  const e: unknown = await writeLedgerWorkbook(p).then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(WorkbookError);
  expect(e).toMatchObject({ name: 'WorkbookError', code: 'unwritable_workbook' });
  return (e as WorkbookError).issues;
}

const WRITE_CODES = new Set(['lone_surrogate', 'text_too_long', 'untrimmed_text', 'separator_in_id']);

describe('writeLedgerWorkbook', () => {
  it('keeps a literal _x0041_, control characters, CR LF, U+0085, U+FFFE and U+FFFF, and writes well-formed XML', async () => {
    const name = '_x0041_ a\u0000b\u0001c\u000Bd\u007Fe\u0085f\r\ng\uFFFEh\uFFFF_x005F_';
    const bytes = await writeLedgerWorkbook(parsePortfolio(documentWith({ name, progress: `x\ry`, city: '_xFFFF_市' })));
    expect(malformedParts(bytes)).toEqual([]);
    const r = await readLedgerWorkbook(bytes);
    if (!r.success) throw new Error(JSON.stringify(r.issues));
    expect(r.portfolio.projects[0]?.name).toBe(name);
    expect(r.portfolio.leaders[0]?.name).toBe(name);
    expect(r.portfolio.projects[0]?.reports[0]?.progress).toBe('x\ry');
    expect(r.portfolio.city).toBe('_xFFFF_市');
  });

  it('refuses a lone surrogate with lone_surrogate at its cell and path, before writing', async () => {
    const issues = await refusal(parsePortfolio(documentWith({ name: 'a\uD800b' })));
    expect(issues.map((i) => [i.cell, i.path, i.code])).toEqual([
      ['市领导!B2', '$.leaders[0].name', 'lone_surrogate'],
      ['责任部门!B2', '$.departments[0].name', 'lone_surrogate'],
      ['项目!B2', '$.projects[0].name', 'lone_surrogate'],
    ]);
  });

  // The document itself holds no text over 10 000 characters (MAX_TEXT_LENGTH); the writer still
  // checks Excel's own limit, for a portfolio made some other way.
  it('refuses a text over 32 767 characters with text_too_long, and writes exactly 32 767', async () => {
    const withProgress = (progress: string): Portfolio => {
      const p = parsePortfolio(documentWith({}));
      return { ...p, projects: p.projects.map((x) => ({ ...x, reports: x.reports.map((r) => ({ ...r, progress })) })) };
    };
    const issues = await refusal(withProgress('x'.repeat(32_768)));
    expect(issues.map((i) => [i.cell, i.path, i.code])).toEqual([['报账!E2', '$.projects[0].reports[0].progress', 'text_too_long']]);
    expect((await writeLedgerWorkbook(withProgress('x'.repeat(32_767)))).length).toBeGreaterThan(0);
  });

  it('refuses an id holding a list separator in a list of ids with separator_in_id, naming the id in the list', async () => {
    for (const id of ['D,1', 'D，1', 'D、1', 'D;1', 'D；1']) {
      const issues = await refusal(parsePortfolio(documentWith({ id })));
      expect(issues.map((i) => [i.cell, i.path, i.code])).toEqual([['调度!D2', '$.meetings[0].departmentIds[0]', 'separator_in_id']]);
    }
  });

  it('refuses text with surrounding white space, which importing would trim, with untrimmed_text', async () => {
    const issues = await refusal(parsePortfolio(documentWith({ city: ' 邯郸市', progress: '' })));
    expect(issues.map((i) => [i.cell, i.path, i.code])).toEqual([
      ['基本信息!B5', '$.city', 'untrimmed_text'],
      ['报账!E2', '$.projects[0].reports[0].progress', 'untrimmed_text'],
    ]);
  });

  describe('properties', () => {
    // Arbitrary UTF-16 (lone surrogates included), and strings dense in controls and escape-like runs.
    const arbText = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.string({
        unit: fc.constantFrom(
          '_',
          'x',
          '0',
          '4',
          '1',
          'D',
          'F',
          '\r',
          '\n',
          '\u0000',
          '\u000B',
          '\u0085',
          '\uFFFE',
          '\uFFFF',
          '\uD800',
          ' ',
          ',',
        ),
        maxLength: 20,
      }),
    );
    test.prop([arbText], { numRuns: 60 })(
      'round-trips names, ids and text exactly, or refuses them with a coded issue and writes nothing',
      async (s) => {
        const parsed = safeParsePortfolio(documentWith({ name: s, progress: s, city: s, ...(s === '' ? {} : { id: s }) }));
        if (!parsed.success) return;
        let bytes: Uint8Array;
        try {
          bytes = await writeLedgerWorkbook(parsed.data);
        } catch (e) {
          expect(e).toBeInstanceOf(WorkbookError);
          const issues = (e as WorkbookError).issues;
          expect(issues.length).toBeGreaterThan(0);
          for (const i of issues) expect(WRITE_CODES.has(i.code)).toBe(true);
          return;
        }
        expect(malformedParts(bytes)).toEqual([]);
        const r = await readLedgerWorkbook(bytes);
        if (!r.success) throw new Error(JSON.stringify(r.issues.map((i) => [i.cell, i.code])));
        expect([
          r.portfolio.city,
          r.portfolio.leaders[0]?.name,
          r.portfolio.projects[0]?.name,
          r.portfolio.projects[0]?.reports[0]?.progress,
        ]).toEqual([s, s, s, s]);
        expect([r.portfolio.departments[0]?.id, r.portfolio.meetings[0]?.departmentIds]).toEqual([
          parsed.data.departments[0]?.id,
          [parsed.data.departments[0]?.id],
        ]);
      },
    );
  });
});
