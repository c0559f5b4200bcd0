import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  arbAmount,
  arbAmountInput,
  arbAsOf,
  arbDate,
  arbDateBetween,
  arbMonth,
  arbPermutedDocument,
  arbPortfolioDocument,
  arbPortfolioWithPermutation,
  compareDecimalStrings,
  sumDecimalStrings,
  type PortfolioDocumentOptions,
  type RawAmount,
  type RawPortfolioDocument,
} from './portfolio.js';

const NUM_RUNS = 100;
const AMOUNT = /^-?\d+(\.\d+)?$/;

// Independent oracles: the JS Date round trip and plain string arithmetic, not the generator's code.
function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match === null) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function nextMonthOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Value × 10^4 as a BigInt, by string surgery (≤ 4 decimals). */
function toTenThousandths(value: string): bigint {
  const [whole = '', fraction = ''] = value.replace('-', '').split('.');
  const units = BigInt(whole + fraction.padEnd(4, '0'));
  return value.startsWith('-') ? -units : units;
}

function decimalsOf(value: string): number {
  return value.split('.')[1]?.length ?? 0;
}

function duplicatesOf(values: readonly string[]): string[] {
  return values.filter((v, i) => values.indexOf(v) !== i);
}

/** Every broken invariant of a generated document, as readable strings (empty when valid). */
function problemsOf(doc: RawPortfolioDocument): string[] {
  const problems: string[] = [];
  const year = doc.year;
  const check = (ok: boolean, what: string): void => {
    if (!ok) problems.push(what);
  };
  const inYear = (date: string | undefined, what: string): void => {
    if (date === undefined) return;
    check(isRealDate(date), `${what}: ${date} is not a real date`);
    check(date.startsWith(`${year}-`), `${what}: ${date} is outside ${year}`);
  };
  const monthInYear = (month: string, what: string): void => {
    check(new RegExp(`^${year}-(0[1-9]|1[0-2])$`).test(month), `${what}: bad month ${month}`);
  };
  const amount = (value: RawAmount | undefined, nonNegative: boolean, what: string): void => {
    if (value === undefined) return;
    const text = typeof value === 'number' ? String(value) : value;
    if (typeof value === 'number') {
      check(Number.isFinite(value) && decimalsOf(text) <= 2, `${what}: number ${text}`);
    }
    check(AMOUNT.test(text) && decimalsOf(text) <= 4, `${what}: amount ${text}`);
    if (nonNegative) check(!text.startsWith('-'), `${what}: negative ${text}`);
  };

  const { format, unit }: { format: string; unit: string } = doc;
  check(format === 'sansansan/portfolio@1' && unit === '万元', 'format/unit');
  const leaderIds = doc.leaders.map((l) => l.id);
  const departmentIds = doc.departments.map((d) => d.id);
  const projectIds = doc.projects.map((p) => p.id);
  check(doc.leaders.length >= 1 && doc.leaders.length <= 3, 'leader count');
  check(doc.departments.length >= 1 && doc.departments.length <= 5, 'department count');
  check(doc.projects.length >= 1 && doc.projects.length <= 8, 'project count');
  for (const [kind, ids] of [
    ['leader', leaderIds],
    ['department', departmentIds],
    ['project', projectIds],
  ] as const) {
    check(duplicatesOf(ids).length === 0, `duplicate ${kind} ids ${duplicatesOf(ids).join()}`);
  }
  check(doc.leaders.filter((l) => l.role === 'mayor').length === 1, 'exactly one mayor');
  check(doc.leaders.filter((l) => l.role === 'principal').length <= 1, 'at most one principal');
  const isLeader = (id: string): boolean => leaderIds.includes(id);
  const isDepartment = (id: string): boolean => departmentIds.includes(id);
  const isProject = (id: string): boolean => projectIds.includes(id);
  for (const d of doc.departments) check(isLeader(d.leaderId), `department ${d.id} leaderId`);

  for (const p of doc.projects) {
    const at = `project ${p.id}`;
    check(isDepartment(p.departmentId), `${at} departmentId`);
    amount(p.annualPlan, true, `${at} annualPlan`);
    amount(p.totalInvestment, true, `${at} totalInvestment`);
    const ledgerMonths = p.ledger.months.map((m) => m.month);
    check(duplicatesOf(ledgerMonths).length === 0, `${at} duplicate ledger months`);
    for (const m of p.ledger.months) {
      monthInYear(m.month, `${at} ledger`);
      amount(m.investment, true, `${at} ledger ${m.month}`);
    }
    if (p.ledger.submittedOn !== undefined) {
      inYear(p.ledger.submittedOn, `${at} ledger submittedOn`);
      check(p.ledger.submittedOn <= `${year}-03-31`, `${at} ledger submitted after March`);
    }
    const milestoneIds = p.milestones.map((m) => m.id);
    check(p.milestones.length <= 3, `${at} milestone count`);
    check(duplicatesOf(milestoneIds).length === 0, `${at} duplicate milestone ids`);
    for (const m of p.milestones) {
      check(['start', 'completion', 'procedure', 'physical'].includes(m.kind), `${at} kind`);
      inYear(m.due, `${at} milestone due`);
      inYear(m.baselineDue, `${at} milestone baselineDue`);
      inYear(m.achievedOn, `${at} milestone achievedOn`);
    }
    const reportMonths = p.reports.map((r) => r.month);
    check(duplicatesOf(reportMonths).length === 0, `${at} duplicate report months`);
    for (const r of p.reports) {
      monthInYear(r.month, `${at} report`);
      amount(r.investment, false, `${at} report ${r.month}`);
      if (r.submittedOn !== undefined) {
        check(isRealDate(r.submittedOn), `${at} report submittedOn ${r.submittedOn}`);
        check(r.submittedOn.startsWith(`${nextMonthOf(r.month)}-`), `${at} report submittedOn month`);
      }
      for (const [milestoneId, date] of Object.entries(r.achieved ?? {})) {
        check(milestoneIds.includes(milestoneId), `${at} achieved key ${milestoneId}`);
        inYear(date, `${at} achieved date`);
      }
    }
    for (const s of p.stalls ?? []) {
      inYear(s.since, `${at} stall since`);
      inYear(s.until, `${at} stall until`);
      if (s.until !== undefined) check(s.until > s.since, `${at} stall until ≤ since`);
    }
    for (const c of p.changes ?? []) {
      inYear(c.on, `${at} change on`);
      if (c.milestoneId !== undefined) {
        check(milestoneIds.includes(c.milestoneId), `${at} change milestoneId`);
        check(c.subject === 'milestone' && isRealDate(c.from ?? '') && isRealDate(c.to ?? ''), `${at} change dates`);
      }
    }
    const directiveIds = (p.directives ?? []).map((d) => d.id);
    check(duplicatesOf(directiveIds).length === 0, `${at} duplicate directive ids`);
    for (const d of p.directives ?? []) {
      check(isLeader(d.byLeaderId), `${at} directive byLeaderId`);
      inYear(d.issuedOn, `${at} directive issuedOn`);
      inYear(d.dueOn, `${at} directive dueOn`);
      for (const e of [...d.measures, ...d.progress]) inYear(e.on, `${at} directive entry`);
    }
    for (const i of p.incidents ?? []) inYear(i.on, `${at} incident`);
  }

  for (const m of doc.meetings) {
    inYear(m.on, 'meeting on');
    check(m.chairId === undefined || isLeader(m.chairId), 'meeting chairId');
    check(m.departmentIds.every(isDepartment), 'meeting departmentIds');
    check((m.projectIds ?? []).every(isProject), 'meeting projectIds');
  }
  for (const e of doc.escalations ?? []) {
    check(isDepartment(e.departmentId) && isLeader(e.toLeaderId), 'escalation references');
    inYear(e.raisedOn, 'escalation raisedOn');
    inYear(e.resolvedOn, 'escalation resolvedOn');
    if (e.resolvedOn !== undefined) check(e.resolvedOn >= e.raisedOn, 'escalation resolved before raised');
  }
  for (const r of doc.bureauReviews) {
    inYear(r.on, 'review on');
    check((r.departmentIds ?? []).every(isDepartment), 'review departmentIds');
    check(
      (r.warnings ?? []).every((w) => isProject(w.projectId)),
      'review warnings projectId',
    );
  }
  const quarters = (doc.notifications ?? []).map((n) => n.quarter);
  check(duplicatesOf(quarters).length === 0, 'duplicate notification quarters');
  for (const n of doc.notifications ?? []) {
    check(new RegExp(`^${year}Q[1-4]$`).test(n.quarter), `notification quarter ${n.quarter}`);
    check(isRealDate(n.issuedOn) && n.issuedOn > `${year}-01-01`, 'notification issuedOn');
    check(n.bottom.length >= 1 && n.bottom.every(isDepartment), 'notification bottom');
  }
  for (const r of doc.interviewRequests ?? []) {
    check(isDepartment(r.departmentId) && isLeader(r.byLeaderId), 'interview request references');
    inYear(r.on, 'interview request on');
  }
  const overrideKeys = (doc.overrides ?? []).map((o) => `${o.projectId} ${o.month}`);
  check(duplicatesOf(overrideKeys).length === 0, 'duplicate overrides per (projectId, month)');
  for (const o of doc.overrides ?? []) {
    check(isProject(o.projectId), 'override projectId');
    monthInYear(o.month, 'override');
    check(['green', 'white', 'yellow', 'red'].includes(o.colour), 'override colour');
  }
  return problems;
}

/** Every list sorted by the JSON of its (canonical) elements: equal iff equal as multisets. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value
      .map(canonical)
      .map((v) => JSON.stringify(v))
      .sort()
      .map((s): unknown => JSON.parse(s));
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

describe('arbAmount', () => {
  it('yields decimal strings of the grammar, with 0–4 decimals, within [min, max]', () => {
    fc.assert(
      fc.property(arbAmount({ min: '-12.5', max: 300, allowNegative: true }), (a) => {
        expect(a).toMatch(AMOUNT);
        expect(decimalsOf(a)).toBeLessThanOrEqual(4);
        expect(toTenThousandths(a) >= -125000n && toTenThousandths(a) <= 3000000n).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('is never negative unless allowed', () => {
    fc.assert(
      fc.property(arbAmount(), (a) => {
        expect(a.startsWith('-')).toBe(false);
      }),
      { numRuns: NUM_RUNS },
    );
    expect(() => arbAmount({ min: -1 })).toThrow(RangeError);
  });

  it('yields only zero values, spelt in any scale, when max is 0', () => {
    fc.assert(
      fc.property(arbAmount({ max: 0 }), (a) => {
        expect(toTenThousandths(a)).toBe(0n);
      }),
      { numRuns: 30 },
    );
  });
});

describe('arbAmountInput', () => {
  it('yields strings of the grammar or finite numbers whose String() is exact with ≤ 2 decimals', () => {
    fc.assert(
      fc.property(arbAmountInput({ allowNegative: true }), (a) => {
        const text = String(a);
        expect(text).toMatch(AMOUNT);
        if (typeof a === 'number') {
          expect(Number.isFinite(a)).toBe(true);
          expect(decimalsOf(text)).toBeLessThanOrEqual(2);
          // The decimal text reads back as the very same number.
          expect(Number(text)).toBe(a);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('yields both strings and numbers', () => {
    const kinds = new Set(fc.sample(arbAmountInput(), { numRuns: 200, seed: 1 }).map((a) => typeof a));
    expect([...kinds].sort()).toEqual(['number', 'string']);
  });
});

describe('calendar arbitraries', () => {
  it('arbDate yields real dates of the year, leap or not', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(1900, 2000, 2024, 2025, 2100).chain((year) => arbDate(year).map((date) => [year, date] as const)),
        ([year, date]) => {
          expect(isRealDate(date)).toBe(true);
          expect(date.startsWith(`${year}-`)).toBe(true);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('arbDateBetween knows 29 February only in leap years', () => {
    const dates = (from: string, to: string): string[] =>
      [...new Set(fc.sample(arbDateBetween(from, to), { numRuns: 200, seed: 7 }))].sort();
    expect(dates('2024-02-28', '2024-03-01')).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
    expect(dates('2025-02-28', '2025-03-01')).toEqual(['2025-02-28', '2025-03-01']);
    expect(dates('2100-02-28', '2100-03-01')).toEqual(['2100-02-28', '2100-03-01']);
    expect(dates('2025-12-31', '2026-01-01')).toEqual(['2025-12-31', '2026-01-01']);
  });

  it('arbMonth yields YYYY-01 … YYYY-12 and arbAsOf stays within year-01-01 … (year+1)-02-28', () => {
    fc.assert(
      fc.property(arbMonth(2025), arbAsOf(2025), (month, asOf) => {
        expect(month).toMatch(/^2025-(0[1-9]|1[0-2])$/);
        expect(isRealDate(asOf)).toBe(true);
        expect(asOf >= '2025-01-01' && asOf <= '2026-02-28').toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('decimal helpers', () => {
  it('sums exactly, keeping the largest scale', () => {
    expect(sumDecimalStrings([])).toBe('0');
    expect(sumDecimalStrings(['0.1', '0.2'])).toBe('0.3');
    expect(sumDecimalStrings(['1.50', '1'])).toBe('2.50');
    expect(sumDecimalStrings(['-0.5', '0.25'])).toBe('-0.25');
    expect(sumDecimalStrings(['-1.5', '1.5'])).toBe('0.0');
    expect(sumDecimalStrings(['99999999999999999999.9999', '0.0001'])).toBe('100000000000000000000.0000');
    expect(() => sumDecimalStrings(['1e3'])).toThrow(RangeError);
  });

  it('sums like integer arithmetic on ten-thousandths', () => {
    fc.assert(
      fc.property(fc.array(arbAmount({ allowNegative: true }), { maxLength: 12 }), (list) => {
        const expected = list.reduce((acc, a) => acc + toTenThousandths(a), 0n);
        expect(toTenThousandths(sumDecimalStrings(list))).toBe(expected);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('compares by value, not by spelling', () => {
    expect(compareDecimalStrings('1.50', '1.5')).toBe(0);
    expect(compareDecimalStrings('-2', '1')).toBe(-1);
    expect(compareDecimalStrings('10', '9.9999')).toBe(1);
  });
});

describe('arbPortfolioDocument', () => {
  const variants: readonly [string, PortfolioDocumentOptions][] = [
    ['core records', {}],
    ['supervision records', { withSupervisionRecords: true }],
    ['numeric amounts, leap year', { numericAmounts: true, year: 2024, withSupervisionRecords: true }],
  ];

  it.each(variants)('yields valid documents (%s): unique ids, resolved references, real dates', (_, options) => {
    fc.assert(
      fc.property(arbPortfolioDocument(options), (doc) => {
        expect(problemsOf(doc)).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('yields plain JSON: no undefined values, survives a JSON round trip', () => {
    fc.assert(
      fc.property(arbPortfolioDocument({ withSupervisionRecords: true, numericAmounts: true }), (doc) => {
        expect(JSON.parse(JSON.stringify(doc))).toStrictEqual(doc);
      }),
      { numRuns: 50 },
    );
  });

  it('makes a ledger-summed annual plan equal to the sum of its ledger months, sometimes "0"', () => {
    const docs = fc.sample(arbPortfolioDocument(), { numRuns: 100, seed: 3 });
    const projects = docs.flatMap((d) => d.projects);
    const sums = projects.filter(
      (p) => compareDecimalStrings(String(p.annualPlan), sumDecimalStrings(p.ledger.months.map((m) => String(m.investment)))) === 0,
    );
    expect(sums.length).toBeGreaterThan(projects.length / 2);
    expect(projects.some((p) => p.annualPlan === '0')).toBe(true);
  });

  it('leaves optional lists out or empty without supervision records', () => {
    fc.assert(
      fc.property(arbPortfolioDocument(), (doc) => {
        expect(doc.meetings).toEqual([]);
        expect(doc.bureauReviews).toEqual([]);
        for (const list of [doc.escalations, doc.notifications, doc.interviewRequests, doc.overrides]) {
          expect(list === undefined || list.length === 0).toBe(true);
        }
        for (const p of doc.projects) {
          for (const list of [p.changes, p.directives, p.incidents]) {
            expect(list === undefined || list.length === 0).toBe(true);
          }
        }
      }),
      { numRuns: 50 },
    );
  });
});

describe('arbPortfolioWithPermutation', () => {
  it('permutes into a valid document with the same multiset of elements in every list', () => {
    fc.assert(
      fc.property(arbPortfolioWithPermutation({ withSupervisionRecords: true }), ([doc, permuted]) => {
        expect(problemsOf(permuted)).toEqual([]);
        expect(canonical(permuted)).toEqual(canonical(doc));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('really reorders lists, and shares no object with the original', () => {
    const pairs = fc.sample(arbPortfolioWithPermutation({ withSupervisionRecords: true }), {
      numRuns: 100,
      seed: 11,
    });
    const reordered = pairs.filter(([doc, permuted]) => doc.projects.map((p) => p.id).join() !== permuted.projects.map((p) => p.id).join());
    expect(reordered.length).toBeGreaterThan(10);
    for (const [doc, permuted] of pairs.slice(0, 10)) {
      expect(permuted.projects[0]).not.toBe(doc.projects.find((p) => p.id === permuted.projects[0]?.id));
    }
  });

  it('arbPermutedDocument keeps a document without optional lists without them', () => {
    fc.assert(
      fc.property(
        arbPortfolioDocument().chain((doc) => arbPermutedDocument(doc).map((p) => [doc, p] as const)),
        ([doc, permuted]) => {
          expect(Object.keys(permuted).sort()).toEqual(Object.keys(doc).sort());
          expect(permuted.projects.map((p) => Object.keys(p).sort())).toEqual(
            permuted.projects.map((p) => Object.keys(doc.projects.find((q) => q.id === p.id) ?? {}).sort()),
          );
        },
      ),
      { numRuns: 50 },
    );
  });
});
