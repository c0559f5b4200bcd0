// A published bulletin reproduced exactly: 开平市 2019, 1—2 月, ranked by the share of the annual plan
// completed (`ranking.denominator: "annualPlan"`), from the library and from the built command.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempFolder } from '../fixtures/cli.js';
import { KAIPING_2019_FEB, kaipingPortfolio } from '../fixtures/kaiping.js';
import { parseCalendarDate, parseYearMonth } from '../../src/calendar/index.js';
import { parsePolicy } from '../../src/policy/index.js';
import { knownAt, parsePortfolio } from '../../src/portfolio/index.js';
import { monthEndRanking } from '../../src/supervision/notification/quarterlyRanking.js';

const expected = KAIPING_2019_FEB.map(([, , , ratePct, rank], i) => ({ departmentId: `D-${i + 1}`, rank, ratePct }));
const policy = { extends: 'handan-2018', ranking: { denominator: 'annualPlan' } };

describe('开平市 2019 年 1—2 月', () => {
  it('ranks the units and prints their rates as the bulletin does', () => {
    const known = knownAt(parsePortfolio(kaipingPortfolio()), parseCalendarDate('2019-03-10'));
    const m = monthEndRanking(known, parseYearMonth('2019-02'), parsePolicy(policy));
    expect(m.ranking.map(({ departmentId, rank, ratePct }) => ({ departmentId, rank, ratePct }))).toEqual(expected);
    // Two months of twelve: 16.67 % of the year; 月山 is 60.06 points ahead of it.
    expect(m.ranking[0]).toMatchObject({ timeProgressPct: '16.67', timeGapPp: '60.06' });
  });

  it('from the command: sansansan rank --through 2019-02', () => {
    const { dir, remove } = tempFolder();
    try {
      writeFileSync(join(dir, 'kaiping.json'), JSON.stringify(kaipingPortfolio()));
      writeFileSync(join(dir, 'policy.json'), JSON.stringify(policy));
      const run = runCli(
        ['rank', 'kaiping.json', '--through', '2019-02', '--as-of', '2019-03-10', '--policy', 'policy.json', '--format', 'json'],
        {
          cwd: dir,
        },
      );
      expect(run.code).toBe(0);
      const out = JSON.parse(run.stdout) as { through: string; ranking: { departmentId: string; rank: number; ratePct: string }[] };
      expect(out.through).toBe('2019-02');
      expect(out.ranking.map(({ departmentId, rank, ratePct }) => ({ departmentId, rank, ratePct }))).toEqual(expected);
    } finally {
      remove();
    }
  });

  it('refuses --through with --quarter, and a month not yet reported at --as-of, with exit 2', () => {
    const { dir, remove } = tempFolder();
    try {
      writeFileSync(join(dir, 'kaiping.json'), JSON.stringify(kaipingPortfolio()));
      const both = runCli(['rank', 'kaiping.json', '--through', '2019-02', '--quarter', '2019Q1', '--as-of', '2019-03-10'], { cwd: dir });
      expect([both.code, both.stdout]).toEqual([2, '']);
      const early = runCli(['rank', 'kaiping.json', '--through', '2019-03', '--as-of', '2019-03-10'], { cwd: dir });
      expect([early.code, early.stdout]).toEqual([2, '']);
      expect(early.stderr).toContain('2019-03');
      const bad = runCli(['rank', 'kaiping.json', '--through', '2019-13', '--as-of', '2019-03-10'], { cwd: dir });
      expect(bad.code).toBe(2);
    } finally {
      remove();
    }
  });
});
