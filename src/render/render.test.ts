import { test } from '@fast-check/vitest';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { evaluate, parsePortfolio, RULES, type Evaluation } from '../index.js';
import { doc, project, report, reportsUpTo, type RawDoc } from '../../test/fixtures/builders.js';
import {
  arbAsOf,
  arbPortfolioDocument,
  compareDecimalStrings,
  sumDecimalStrings,
  type RawPortfolioDocument,
} from '../../test/arbitraries/portfolio.js';
import { escapeHtml } from './_html.js';
import { chineseDate, chinesePeriod, chineseQuarter, mdLine, mdText, sumDecimals, timeGapZh, worstFirst } from './_text.js';
import {
  complianceCsv,
  interviewNoticeMarkdown,
  interviewNoticesHtml,
  monthlyBriefHtml,
  monthlyBriefMarkdown,
  projectsCsv,
  quarterlyNoticeHtml,
  quarterlyNoticeMarkdown,
  rankingCsv,
  reminderLetterMarkdown,
  reminderLettersHtml,
} from './index.js';

// ---------------------------------------------------------------------------------------------
// A small fixed portfolio: five ranked departments' worth of colours, one without a plan, a late
// report, a missed start, a missed meeting and review, an override, and names that need escaping.
// ---------------------------------------------------------------------------------------------

const MONTHS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'];
const DEPARTMENTS = ['D1', 'D2', 'D3', 'D5'];

function fixture(): RawDoc {
  const monthly = (departmentIds: string[], skip?: string) =>
    MONTHS.slice(0, 9).map((m) => ({
      level: 'department',
      on: `2025-${m}-10`,
      departmentIds: m === skip ? departmentIds.filter((d) => d !== 'D3') : departmentIds,
      form: 'site',
    }));
  return doc(
    [
      project('P-01', reportsUpTo(9, '100'), { name: '东环路快速化改造工程' }),
      project(
        'P-02',
        [
          ...[1, 2, 3, 4].map((m) => report(m, '90')),
          report(5, '90', { submittedOn: '2025-06-09' }),
          ...[6, 7, 8, 9].map((m) => report(m, '90')),
        ],
        { name: '"滏阳河" 综合治理 & <二期>' },
      ),
      project('P-03', reportsUpTo(9, '70'), { departmentId: 'D2', name: '市第一医院新院区' }),
      project('P-04', reportsUpTo(9, '40'), { departmentId: 'D3', name: "东武仕水库除险加固工程's 配套" }),
      project('P-05', reportsUpTo(9, '95'), {
        departmentId: 'D3',
        name: '支漳河分洪道清淤整治工程',
        milestones: [{ id: 'start', kind: 'start', name: '开工', due: '2025-06-30' }],
      }),
      project('P-06', reportsUpTo(9, '105'), { departmentId: 'D5', name: '邯郸博物馆展陈提升工程' }),
    ],
    {
      city: '邯郸市',
      leaders: [
        { id: 'L1', name: '王市长', role: 'mayor' },
        { id: 'L2', name: '李副市长', role: 'cityLeader' },
      ],
      departments: [
        { id: 'D1', name: '市住建局', leaderId: 'L2' },
        { id: 'D2', name: '市卫健委 & <医保>', leaderId: 'L2' },
        { id: 'D3', name: '市水利局', leaderId: 'L2' },
        { id: 'D4', name: '市体育局', leaderId: 'L2' },
        { id: 'D5', name: '市文广旅局', leaderId: 'L2' },
      ],
      meetings: [
        ...monthly(DEPARTMENTS, '08'),
        ...['02', '04', '06', '08'].map((m) => ({
          level: 'cityLeader',
          on: `2025-${m}-20`,
          chairId: 'L2',
          departmentIds: DEPARTMENTS,
          form: 'collective',
        })),
        ...['03', '06', '09'].map((m) => ({
          level: 'mayor',
          on: `2025-${m}-25`,
          chairId: 'L1',
          departmentIds: DEPARTMENTS,
          form: 'inspection',
        })),
      ],
      bureauReviews: ['finance', 'land', 'approval'].flatMap((bureau) =>
        ['02', '04', '06', '08']
          .filter((m) => !(bureau === 'land' && m === '06'))
          .map((m) => ({ bureau, on: `2025-${m}-26`, departmentIds: DEPARTMENTS })),
      ),
      overrides: [{ projectId: 'P-06', month: '2025-09', colour: 'white', reason: '现场核查发现实物量滞后', by: '市发展改革委' }],
    },
  );
}

const run = (d: unknown, asOf: string): Evaluation => evaluate(parsePortfolio(d), { asOf });
const E = run(fixture(), '2025-10-15');

// Snapshot the renderer's own markup; the charts have their own tests.
const withoutCharts = (html: string): string => html.replace(/<svg[\s\S]*?<\/svg>/g, '<svg><!-- chart --></svg>');

// ---------------------------------------------------------------------------------------------
// Reading the documents back.
// ---------------------------------------------------------------------------------------------

const unescapeMd = (s: string): string => s.replace(/\\(.)/g, '$1');

/** The rows of the Markdown table that follows the heading containing `heading`, as unescaped cells. */
function tableAfter(md: string, heading: string): string[][] {
  const lines = md.split('\n');
  const start = lines.findIndex((l) => l.startsWith('#') && l.includes(heading));
  if (start < 0) throw new Error(`no heading ${heading}`);
  const first = lines.findIndex((l, i) => i > start && l.startsWith('| '));
  const rows: string[][] = [];
  for (let i = first + 2; i < lines.length && (lines[i] ?? '').startsWith('| '); i++) {
    rows.push((lines[i] ?? '').slice(2, -2).split(' | ').map(unescapeMd));
  }
  return rows;
}

/** An RFC 4180 reader: rows of fields, and whether every record ended with CRLF. */
function readCsv(text: string): { rows: string[][]; crlf: boolean } {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let crlf = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\n' || text[i + 1] !== '\n') crlf = false;
      if (c === '\r') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    crlf = false;
    rows.push([...row, field]);
  }
  return { rows, crlf };
}

// The suite's XML checker; its deprecation points to a separate package this project does not install.
// eslint-disable-next-line @typescript-eslint/no-deprecated
const wellFormed = (html: string): unknown => XMLValidator.validate(html);

// ---------------------------------------------------------------------------------------------

describe('golden documents of a small fixed evaluation', () => {
  it('evaluates the fixture as the goldens expect: ranked quarters, bottom three, interviews, gaps', () => {
    expect(E.month).toBe('2025-09');
    expect(E.notifications.map((n) => n.quarter)).toEqual(['2025Q1', '2025Q2', '2025Q3']);
    expect(E.notifications[2]?.excluded).toEqual([{ departmentId: 'D4', reason: 'noPlan' }]);
    expect(E.notifications[2]?.reminderLetters.length).toBe(3);
    expect(E.interviews.length).toBeGreaterThan(0);
    expect(E.compliance.map((c) => c.kind)).toEqual(expect.arrayContaining(['reportLate', 'meetingMissing', 'reviewMissing']));
  });

  it('monthly brief (Markdown)', async () => {
    await expect(monthlyBriefMarkdown(E)).toMatchFileSnapshot('../../test/golden/monthly-brief.md');
  });
  it('monthly brief (HTML)', async () => {
    await expect(withoutCharts(monthlyBriefHtml(E))).toMatchFileSnapshot('../../test/golden/monthly-brief.html');
  });
  it('quarterly notice (Markdown, HTML)', async () => {
    await expect(quarterlyNoticeMarkdown(E, '2025Q3')).toMatchFileSnapshot('../../test/golden/quarterly-notice.md');
    await expect(withoutCharts(quarterlyNoticeHtml(E, '2025Q3'))).toMatchFileSnapshot('../../test/golden/quarterly-notice.html');
  });
  it('quarterly notice of a quarter not ranked', async () => {
    await expect(quarterlyNoticeMarkdown(E, '2025Q4')).toMatchFileSnapshot('../../test/golden/quarterly-notice-unranked.md');
  });
  it('reminder letters (Markdown, HTML)', async () => {
    await expect(reminderLetterMarkdown(E, '2025Q3', 'D3')).toMatchFileSnapshot('../../test/golden/reminder-letter.md');
    await expect(reminderLettersHtml(E, '2025Q3')).toMatchFileSnapshot('../../test/golden/reminder-letters.html');
  });
  it('interview notices (Markdown, HTML)', async () => {
    await expect(interviewNoticeMarkdown(E, 'D3')).toMatchFileSnapshot('../../test/golden/interview-notice.md');
    await expect(interviewNoticesHtml(E)).toMatchFileSnapshot('../../test/golden/interview-notices.html');
  });
  it('CSV tables', async () => {
    await expect(projectsCsv(E)).toMatchFileSnapshot('../../test/golden/projects.csv');
    await expect(rankingCsv(E, '2025Q3')).toMatchFileSnapshot('../../test/golden/ranking.csv');
    await expect(complianceCsv(E)).toMatchFileSnapshot('../../test/golden/compliance.csv');
  });
});

describe('monthly brief (月度专报)', () => {
  it('titles the brief with the city and the evaluated month', () => {
    expect(monthlyBriefMarkdown(E).split('\n')[0]).toBe('# 邯郸市市本级政府投资项目建设月度专报（2025年9月）');
  });

  it('states the exact totals of annual plan, plan to date and completed', () => {
    const md = monthlyBriefMarkdown(E);
    const stated = (label: string): string => new RegExp(`${label}(-?\\d+(?:\\.\\d+)?)万元`).exec(md)?.[1] ?? 'none';
    expect(compareDecimalStrings(stated('年度计划投资'), sumDecimalStrings(E.projects.map((p) => p.annualPlan)))).toBe(0);
    expect(compareDecimalStrings(stated('序时计划投资'), sumDecimalStrings(E.projects.map((p) => p.plannedToDate ?? '0')))).toBe(0);
    expect(compareDecimalStrings(stated('累计完成投资'), sumDecimalStrings(E.projects.map((p) => p.completedToDate ?? '0')))).toBe(0);
  });

  it('counts every colour of the scale, best first', () => {
    const rows = tableAfter(monthlyBriefMarkdown(E), '总体情况');
    expect(rows.map((r) => r[0])).toEqual(E.colours.map((c) => c.zh));
    expect(rows.map((r) => Number(r[1]))).toEqual(E.colours.map((c) => E.projects.filter((p) => p.colour === c.id).length));
  });

  it('lists the projects of the two worst colours with their reasons, override included', () => {
    const md = monthlyBriefMarkdown(E);
    const red = tableAfter(md, '红色项目');
    expect(red.map((r) => r[0])).toEqual(E.projects.filter((p) => p.colour === 'red').map((p) => p.projectId));
    const overridden = tableAfter(md, '项目评价明细').find((r) => r[0] === 'P-06');
    expect(overridden?.[10]).toContain('现场核查发现实物量滞后');
  });

  it('reads without an evaluated month: dashes, no colours', () => {
    const early = run(fixture(), '2025-01-02');
    expect(early.month).toBeNull();
    const md = monthlyBriefMarkdown(early);
    expect(md).toContain('尚无评价月份');
    expect(tableAfter(md, '项目评价明细').every((r) => r[5] === '—' && r[3] === '—')).toBe(true);
    expect(wellFormed(monthlyBriefHtml(early))).toBe(true);
  });
});

describe('quarterly notice, letters and interview notices', () => {
  it('ranks the departments in rank order with their numbers', () => {
    const n = E.notifications[2];
    const rows = tableAfter(quarterlyNoticeMarkdown(E, '2025Q3'), '排名情况');
    expect(rows.map((r) => [Number(r[0]), r[2], r[3], r[4]])).toEqual(n?.ranking.map((r) => [r.rank, r.planned, r.completed, r.ratePct]));
  });

  it('says so when the quarter is not ranked', () => {
    const md = quarterlyNoticeMarkdown(E, '2025Q4');
    expect(md).toContain('2025年第四季度尚未排名');
    expect(md).not.toContain('| 排名 |');
  });

  it('writes the reminder letter with the department, its rank of n, rate, planned and completed', () => {
    const n = E.notifications[2];
    const letter = n?.reminderLetters.find((l) => l.departmentId === 'D3');
    const md = reminderLetterMarkdown(E, '2025Q3', 'D3');
    expect(md).toContain('\n市水利局：\n');
    expect(md).toContain('邯政办字〔2018〕141号');
    expect(md).toContain(`在参加排名的${n?.ranking.length ?? 0}个责任部门（单位）中排名第${letter?.rank ?? 0}位`);
    for (const v of [letter?.ratePct, letter?.planned, letter?.completed]) expect(md).toContain(v ?? 'x');
    expect(md).toContain('邯郸市发展和改革委员会');
    expect(md).toContain(chineseDate(E.asOf));
  });

  it('puts one letter on each page', () => {
    const html = reminderLettersHtml(E, '2025Q3');
    expect(html.match(/<section class="sheet">/g)?.length).toBe(E.notifications[2]?.reminderLetters.length);
    expect(html).toContain('break-after: page');
  });

  it('cites each interview trigger by its clause, with its message and blanks for the time and place', () => {
    for (const c of E.interviews) {
      const md = interviewNoticeMarkdown(E, c.departmentId);
      for (const t of c.triggers) {
        expect(md).toContain(RULES[t.rule].clause);
        expect(md).toContain(mdText(t.message.zh.replace(/[。．.；;，,\s]+$/, '')));
      }
      expect(md).toContain('____年__月__日');
    }
    expect(interviewNoticesHtml(E).match(/<section class="sheet">/g)?.length).toBe(E.interviews.length);
  });

  it('gives a note, not a letter, to a department without one', () => {
    expect(reminderLetterMarkdown(E, '2025Q3', 'D5')).toContain('无提醒函');
    expect(interviewNoticeMarkdown(E, 'D4')).toContain('无约谈');
  });
});

describe('HTML pages', () => {
  const pages = (): string[] => [
    monthlyBriefHtml(E),
    quarterlyNoticeHtml(E, '2025Q3'),
    quarterlyNoticeHtml(E, '2025Q4'),
    reminderLettersHtml(E, '2025Q3'),
    reminderLettersHtml(E, '2025Q4'),
    interviewNoticesHtml(E),
  ];

  it('are self-contained A4 pages: no scripts, links, external resources or fetched fonts', () => {
    for (const html of pages()) {
      expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN"')).toBe(true);
      expect(html).toContain('<meta charset="utf-8" />');
      expect(html).toContain('@page { size: A4; margin: 25mm 20mm; }');
      // Only references inside the page (a chart's url(#pattern)) are allowed.
      expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|@font-face|url\((?!#)|\b(?:src|href)\s*=\s*["'](?!#)/i);
    }
  });

  it('escape every name: & < > " \' never reach the markup raw', () => {
    const html = monthlyBriefHtml(E);
    expect(html).toContain('&quot;滏阳河&quot; 综合治理 &amp; &lt;二期&gt;');
    expect(html).toContain('市卫健委 &amp; &lt;医保&gt;');
    expect(html).toContain('东武仕水库除险加固工程&#39;s 配套');
    expect(escapeHtml('a\u0000b\uD800c')).toBe('abc');
  });

  it('are well-formed XML', () => {
    for (const html of pages()) expect(wellFormed(html)).toBe(true);
  });

  it('embed the charts inline', () => {
    expect(monthlyBriefHtml(E).match(/<svg[\s>]/g)?.length).toBe(2);
    expect(quarterlyNoticeHtml(E, '2025Q3').match(/<svg[\s>]/g)?.length).toBe(1);
  });
});

describe('CSV', () => {
  it('starts with the BOM, ends every record with CRLF and has one row per project', () => {
    const text = projectsCsv(E);
    expect(text.startsWith('\uFEFF项目编号,')).toBe(true);
    const { rows, crlf } = readCsv(text.slice(1));
    expect(crlf).toBe(true);
    expect(rows.slice(1).map((r) => r[0])).toEqual(E.projects.map((p) => p.projectId));
    expect(rows.every((r) => r.length === rows[0]?.length)).toBe(true);
  });

  it('round-trips a field with a comma, a quote and a newline', () => {
    const name = '甲,乙"丙\n丁\r\n戊';
    const e = run(doc([project('P-1', reportsUpTo(3), { name })]), '2025-04-15');
    const { rows, crlf } = readCsv(projectsCsv(e).slice(1));
    expect(crlf).toBe(true);
    expect(rows[1]?.[1]).toBe(name);
  });

  it('keeps a formula-looking text from running in a spreadsheet', () => {
    const e = run(doc([project('P-1', reportsUpTo(3), { name: '=HYPERLINK("x")' })]), '2025-04-15');
    expect(readCsv(projectsCsv(e).slice(1)).rows[1]?.[1]).toBe('\'=HYPERLINK("x")');
  });

  it('writes the ranking in rank order, then the departments left out', () => {
    const { rows } = readCsv(rankingCsv(E, '2025Q3').slice(1));
    const n = E.notifications[2];
    expect(rows.slice(1).map((r) => r[2])).toEqual([
      ...(n?.ranking ?? []).map((r) => r.departmentId),
      ...(n?.excluded ?? []).map((x) => x.departmentId),
    ]);
    expect(readCsv(rankingCsv(E, '2025Q4').slice(1)).rows.length).toBe(1);
  });

  it('writes one row per compliance gap', () => {
    const { rows } = readCsv(complianceCsv(E).slice(1));
    expect(rows.slice(1).map((r) => [r[1], r[2], r[4], r[6]])).toEqual(
      E.compliance.map((c) => [c.rule, c.kind, c.subjectId, c.period ?? '']),
    );
  });
});

describe('text helpers', () => {
  it('adds decimal strings exactly, never through a float', () => {
    expect(sumDecimals(['0.1', '0.2'])).toBe('0.3');
    expect(sumDecimals(['1.50', '2.5'])).toBe('4');
    expect(sumDecimals(['-3.25', '1'])).toBe('-2.25');
    expect(sumDecimals(['0.05', '-0.05'])).toBe('0');
    expect(sumDecimals(['123456789012345678.9', '0.1'])).toBe('123456789012345679');
    expect(sumDecimals([])).toBe('0');
    expect(sumDecimals(['1e3'])).toBeUndefined();
  });

  it('writes dates, quarters and periods in Chinese', () => {
    expect(chineseDate('2025-10-05')).toBe('2025年10月5日');
    expect(chineseQuarter('2025Q1')).toBe('2025年第一季度');
    expect(chinesePeriod('2025-B3')).toBe('2025年5—6月');
    expect(chinesePeriod('2025-07')).toBe('2025年7月');
  });

  it('escapes Markdown, but leaves a blank to fill in alone', () => {
    expect(mdText('a|b*c_d <e>\nf')).toBe('a\\|b\\*c_d \\<e\\> f');
    expect(mdText('_x_')).toBe('\\_x\\_');
    expect(mdText('于____年__月')).toBe('于____年__月');
    expect(mdLine('# 1')).toBe('\\# 1');
    expect(mdLine('1. 局：')).toBe('1\\. 局：');
    expect(mdLine('    - x')).toBe('\\- x');
  });
});

describe('properties', () => {
  const arbDoc = arbPortfolioDocument({ withSupervisionRecords: true });
  const params = { numRuns: 40 };
  const evalOf = (d: RawPortfolioDocument, asOf: string): Evaluation => run(d, asOf);
  const dash = (s: string | null): string => s ?? '—';

  test.prop([arbDoc, arbAsOf(2025)], params)('the brief lists every project of the evaluation exactly once', (d, asOf) => {
    const e = evalOf(d, asOf);
    const ids = tableAfter(monthlyBriefMarkdown(e), '项目评价明细').map((r) => r[0]);
    expect([...ids].sort()).toEqual(e.projects.map((p) => p.projectId).sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  test.prop([arbDoc, arbAsOf(2025)], params)(
    "every number of a brief's project row is the evaluation's number for that project",
    (d, asOf) => {
      const e = evalOf(d, asOf);
      for (const r of tableAfter(monthlyBriefMarkdown(e), '项目评价明细')) {
        const p = e.projects.find((x) => x.projectId === r[0]);
        expect(r.slice(4, 10)).toEqual([
          p?.annualPlan,
          dash(p?.plannedToDate ?? null),
          dash(p?.completedToDate ?? null),
          dash(p?.schedulePct ?? null),
          dash(p?.progressPct ?? null),
          dash(p?.lagPp ?? null),
        ]);
      }
    },
  );

  test.prop([arbDoc, arbAsOf(2025)], params)('the brief states the exact sum of the annual plans', (d, asOf) => {
    const e = evalOf(d, asOf);
    const stated = /年度计划投资(-?\d+(?:\.\d+)?)/.exec(monthlyBriefMarkdown(e))?.[1] ?? 'none';
    expect(compareDecimalStrings(stated, sumDecimalStrings(e.projects.map((p) => p.annualPlan)))).toBe(0);
  });

  test.prop([arbDoc, arbAsOf(2025)], params)('the notice lists the departments in rank order', (d, asOf) => {
    const e = evalOf(d, asOf);
    for (const n of e.notifications) {
      const rows = tableAfter(quarterlyNoticeMarkdown(e, n.quarter), '排名情况');
      const name = (id: string): string => e.departments.find((x) => x.departmentId === id)?.name ?? id;
      expect(rows.map((r) => [Number(r[0]), r[1]])).toEqual(n.ranking.map((r) => [r.rank, name(r.departmentId)]));
    }
  });

  test.prop([arbDoc, arbAsOf(2025)], { numRuns: 25 })('every HTML page is well-formed XML', (d, asOf) => {
    const e = evalOf(d, asOf);
    const quarters = [...e.notifications.map((n) => n.quarter), '2025Q4'];
    const pages = [
      monthlyBriefHtml(e),
      interviewNoticesHtml(e),
      ...quarters.flatMap((q) => [quarterlyNoticeHtml(e, q), reminderLettersHtml(e, q)]),
    ];
    for (const html of pages) expect(wellFormed(html)).toBe(true);
  });

  test.prop([arbDoc, arbAsOf(2025)], params)('every CSV reads back with one row per project and records ending in CRLF', (d, asOf) => {
    const e = evalOf(d, asOf);
    const { rows, crlf } = readCsv(projectsCsv(e).slice(1));
    expect(crlf).toBe(true);
    expect(rows.length).toBe(e.projects.length + 1);
  });
});

describe('the gap to the time schedule and the bottom, as notices word and list them', () => {
  it('says 快于, 慢于 or 持平 from the shown gap', () => {
    expect(timeGapZh('4.60')).toBe('快于时间进度 4.60 个百分点');
    expect(timeGapZh('-1.2')).toBe('慢于时间进度 1.2 个百分点');
    expect([timeGapZh('0.00'), timeGapZh('0')]).toEqual(['与时间进度持平', '与时间进度持平']);
    expect(timeGapZh(null)).toBe('无年度计划，不比较时间进度');
  });

  it('lists the last place first, ties by id', () => {
    const rows = [
      { rank: 2, departmentId: 'B' },
      { rank: 4, departmentId: 'D' },
      { rank: 4, departmentId: 'C' },
      { rank: 1, departmentId: 'A' },
    ];
    expect(worstFirst(rows).map((r) => r.departmentId)).toEqual(['C', 'D', 'B', 'A']);
  });
});
