// Tests of the stall run (1.3): stalled months and the run of them ending at a month.
import { describe, expect, it } from 'vitest';
import { parsed, project, report, reportsUpTo } from '../../test/fixtures/builders.js';
import { ledger, rep } from '../../test/fixtures/reconciliation.js';
import { parseYearMonth } from '../calendar/index.js';
import type { Project } from '../portfolio/index.js';
import { isStalledMonth, stalledMonthsEndingAt } from './stallRun.js';

const ym = parseYearMonth;

describe('isStalledMonth', () => {
  // The ledger plans 100 in every month but June, October and November.
  const p = parsed(
    project(
      'P',
      [
        report(1, '100'),
        report(2, '100', { noProgress: true }),
        report(3, '0'),
        report(4, '-5'),
        report(5, '0.01'),
        report(6, '0'),
        report(7, '100', { noProgress: false }),
        report(9, '0', { noProgress: false }),
        report(10, '-1'),
        report(11, '50', { noProgress: true }),
      ],
      { ledger: ledger([1, 2, 3, 4, 5, 7, 8, 9, 12]) },
    ),
  );

  it.each([
    ['2025-01', false], // invested, nothing said
    ['2025-02', true], // says no progress, whatever it invested
    ['2025-03', true], // 0 against a plan of 100
    ['2025-04', true], // a correction against a plan of 100
    ['2025-05', false], // a hair above 0
    ['2025-06', false], // 0 while nothing is planned
    ['2025-07', false], // noProgress false and invested
    ['2025-08', false], // no report
    ['2025-09', true], // noProgress false, 0 against a plan
    ['2025-10', false], // a correction while nothing is planned
    ['2025-11', true], // says no progress while nothing is planned
    ['2025-12', false], // no report although something is planned
  ])('%s stalled: %s', (m, stalled) => {
    expect(isStalledMonth(p, ym(m))).toBe(stalled);
  });
});

describe('stalledMonthsEndingAt', () => {
  const p = parsed(
    project('P', [
      ...reportsUpTo(4),
      report(5, '0'),
      report(6, '0'),
      report(7, '0', { noProgress: true }),
      report(8, '100'),
      report(9, '0'),
      report(10, '0'),
      report(12, '0'),
    ]),
  );

  it.each([
    ['2025-04', []],
    ['2025-05', ['2025-05']],
    ['2025-06', ['2025-06', '2025-05']],
    ['2025-07', ['2025-07', '2025-06', '2025-05']],
    ['2025-08', []],
    ['2025-09', ['2025-09']],
    ['2025-10', ['2025-10', '2025-09']],
    ['2025-11', []], // no report
    ['2025-12', ['2025-12']], // the missing November ends the run
  ])('at %s: %j', (m, run) => {
    expect(stalledMonthsEndingAt(p, ym(m))).toEqual(run);
  });

  it('runs back to January and stops at the year boundary', () => {
    const q = parsed(project('P', [report(1, '0'), report(2, '0'), report(3, '0')]));
    expect(stalledMonthsEndingAt(q, ym('2025-03'))).toEqual(['2025-03', '2025-02', '2025-01']);
    const crossYear: Project = { ...q, reports: [rep('2024-12', '0', { noProgress: true }), rep('2025-01', '0', { noProgress: true })] };
    expect(isStalledMonth(crossYear, ym('2024-12'))).toBe(true);
    expect(stalledMonthsEndingAt(crossYear, ym('2025-01'))).toEqual(['2025-01']);
  });
});
