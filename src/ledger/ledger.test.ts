import { describe, expect, it } from 'vitest';
import { doc, project, reportsUpTo } from '../../test/fixtures/builders.js';
import { parseCalendarDate, parseYearMonth } from '../calendar/index.js';
import { parsePortfolio, type Project } from '../portfolio/index.js';
import { ledgerCompliance } from './ledgerCompliance.js';
import { plannedInMonth, plannedToDate } from './plannedToDate.js';

const d = parseCalendarDate;
const ym = parseYearMonth;

function parsed(extra: Parameters<typeof project>[2] = {}): Project {
  const p = parsePortfolio(doc([project('P1', reportsUpTo(2), extra)])).projects[0];
  if (p === undefined) throw new Error('no project');
  return p;
}

describe('plannedToDate and plannedInMonth (clause 1.1)', () => {
  const months = [
    { month: '2025-01', investment: '10' },
    { month: '2025-02', investment: '20.5' },
    { month: '2025-04', investment: '30' },
    { month: '2025-12', investment: '939.5' },
  ];
  const p = parsed({ ledger: { submittedOn: '2025-02-20', months } });

  it('sums the planned months up to and including the month', () => {
    expect(plannedToDate(p, ym('2025-01'))).toBe('10');
    expect(plannedToDate(p, ym('2025-02'))).toBe('30.5');
    expect(plannedToDate(p, ym('2025-03'))).toBe('30.5');
    expect(plannedToDate(p, ym('2025-04'))).toBe('60.5');
    expect(plannedToDate(p, ym('2025-11'))).toBe('60.5');
    expect(plannedToDate(p, ym('2025-12'))).toBe('1000');
  });

  it('counts only months of the same year', () => {
    expect(plannedToDate(p, ym('2024-12'))).toBe('0');
    expect(plannedToDate(p, ym('2026-01'))).toBe('0');
    expect(plannedToDate(p, ym('2026-12'))).toBe('0');
  });

  it('gives the plan of one month, zero for a month without a plan', () => {
    expect(plannedInMonth(p, ym('2025-02'))).toBe('20.5');
    expect(plannedInMonth(p, ym('2025-03'))).toBe('0');
    expect(plannedInMonth(p, ym('2026-02'))).toBe('0');
  });
});

describe('ledgerCompliance (clause 1.1: ledger by the end of February)', () => {
  const withLedger = (submittedOn: string | undefined): Project =>
    parsed({
      ledger: {
        ...(submittedOn !== undefined && { submittedOn }),
        months: Array.from({ length: 12 }, (_, i) => ({ month: `2025-${String(i + 1).padStart(2, '0')}`, investment: '100' })),
      },
    });

  it('accepts a ledger submitted on the last day of February, flags one a day later', () => {
    expect(ledgerCompliance(withLedger('2025-02-28'), 2025, d('2025-10-15'))).toEqual([]);
    expect(ledgerCompliance(withLedger('2025-01-05'), 2025, d('2025-10-15'))).toEqual([]);
    expect(ledgerCompliance(withLedger('2025-03-01'), 2025, d('2025-10-15'))).toEqual([
      { rule: '1.1', kind: 'ledgerLate', subjectId: 'P1', evidence: { due: '2025-02-28', submittedOn: '2025-03-01' } },
    ]);
  });

  it('flags a missing ledger only once the deadline has passed', () => {
    expect(ledgerCompliance(withLedger(undefined), 2025, d('2025-02-28'))).toEqual([]);
    expect(ledgerCompliance(withLedger(undefined), 2025, d('2025-03-01'))).toEqual([
      { rule: '1.1', kind: 'ledgerMissing', subjectId: 'P1', evidence: { due: '2025-02-28' } },
    ]);
  });

  it('uses the 29th in a leap year and a working calendar when given', () => {
    expect(ledgerCompliance(withLedger('2024-02-29'), 2024, d('2024-10-15'))).toEqual([]);
    const weekendsOff = { isWorkingDay: (x: string) => ![0, 6].includes(new Date(`${x}T12:00:00Z`).getUTCDay()) };
    // 2025-02-28 is a Friday; 2026-02-28 a Saturday, shifted to Monday 2026-03-02.
    expect(ledgerCompliance(withLedger('2026-03-02'), 2026, d('2026-10-15'), { calendar: weekendsOff })).toEqual([]);
    expect(ledgerCompliance(withLedger('2026-03-03'), 2026, d('2026-10-15'), { calendar: weekendsOff })[0]?.evidence).toEqual({
      due: '2026-03-02',
      submittedOn: '2026-03-03',
    });
  });
});
