// Tests of completedToDate (1.3): the investment reported for the months of the year up to m.
import { describe, expect, it } from 'vitest';
import { parsed, project, report } from '../../test/fixtures/builders.js';
import { rep } from '../../test/fixtures/reconciliation.js';
import { parseYearMonth } from '../calendar/index.js';
import type { Project } from '../portfolio/index.js';
import { completedToDate } from './completedToDate.js';

const ym = parseYearMonth;
const SEP = ym('2025-09');

describe('completedToDate', () => {
  // ---------------------------------------------------------------------------------------------------

  // Month i reports 2^(i−1): each sum names exactly the months it counted.
  const p = parsed(
    project(
      'P',
      Array.from({ length: 12 }, (_, i) => report(i + 1, String(2 ** i))),
    ),
  );

  it.each([
    ['2025-01', '1'],
    ['2025-02', '3'],
    ['2025-08', '255'],
    ['2025-09', '511'],
    ['2025-12', '4095'],
  ])('at %s sums the months up to and including it: %s', (m, sum) => {
    expect(completedToDate(p, ym(m))).toBe(sum);
  });

  it("counts only the reports of the month's own year", () => {
    const crossYear: Project = {
      ...parsed(project('P', [])),
      reports: [rep('2024-12', '1000'), rep('2025-01', '1'), rep('2025-02', '2'), rep('2026-01', '64')],
    };
    expect(completedToDate(crossYear, ym('2025-03'))).toBe('3');
    expect(completedToDate(crossYear, ym('2025-01'))).toBe('1');
    expect(completedToDate(crossYear, ym('2024-12'))).toBe('1000');
    expect(completedToDate(crossYear, ym('2026-02'))).toBe('64');
  });

  it('sums exactly, corrections included, and is 0 without reports', () => {
    const q = parsed(project('P', [report(1, '0.1'), report(2, '0.2'), report(3, '-0.05'), report(4, '7')]));
    expect(completedToDate(q, ym('2025-03'))).toBe('0.25');
    expect(completedToDate(parsed(project('P', [])), SEP)).toBe('0');
  });
});
