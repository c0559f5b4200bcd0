import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { evaluate, parsePortfolio, type Evaluation } from '../../src/index.js';
import { addDays, parseCalendarDate } from '../../src/calendar/index.js';
import {
  arbAsOf,
  arbPortfolioDocument,
  compareDecimalStrings,
  sumDecimalStrings,
  type RawPortfolioDocument,
} from '../arbitraries/portfolio.js';

const arbDoc = arbPortfolioDocument({ withSupervisionRecords: true });
const run = (d: RawPortfolioDocument, asOf: string): Evaluation => evaluate(parsePortfolio(d), { asOf });
// Compare two exact rates n1/d1 and n2/d2 given as decimal strings, with BigInt.
const scale = (s: string): bigint => {
  const [i = '0', f = ''] = s.replace('-', '').split('.');
  const v = BigInt(i + f.padEnd(12, '0'));
  return s.startsWith('-') ? -v : v;
};
const cmpRate = (a: { completed: string; planned: string }, b: { completed: string; planned: string }): number => {
  const x = scale(a.completed) * scale(b.planned);
  const y = scale(b.completed) * scale(a.planned);
  return x < y ? -1 : x > y ? 1 : 0;
};

describe('properties of the quarterly ranking (3.1)', () => {
  test.prop([arbDoc, arbAsOf(2025)])('ranks every department or excludes it, never both', (d, asOf) => {
    for (const n of run(d, asOf).notifications) {
      const ranked = n.ranking.map((r) => r.departmentId);
      const excluded = n.excluded.map((x) => x.departmentId);
      expect([...ranked, ...excluded].sort()).toEqual(d.departments.map((x) => x.id).sort());
      expect(new Set(ranked).size).toBe(ranked.length);
    }
  });

  test.prop([arbDoc, arbAsOf(2025)])('sorts by exact rate, highest first, with competition ranks for ties', (d, asOf) => {
    for (const n of run(d, asOf).notifications) {
      n.ranking.forEach((r, i) => {
        const higher = n.ranking.filter((x) => cmpRate(x, r) > 0).length;
        expect(r.rank).toBe(higher + 1);
        const next = n.ranking[i + 1];
        if (next) expect(cmpRate(r, next)).toBeGreaterThanOrEqual(0);
      });
    }
  });

  test.prop([arbDoc, arbAsOf(2025)])(
    'bottom three has at least min(3, n) departments and every department tied with one inside',
    (d, asOf) => {
      for (const n of run(d, asOf).notifications) {
        expect(n.bottom.length).toBeGreaterThanOrEqual(Math.min(3, n.ranking.length));
        const inside = n.ranking.filter((r) => n.bottom.includes(r.departmentId));
        for (const r of n.ranking) {
          if (inside.some((b) => cmpRate(b, r) === 0)) expect(n.bottom).toContain(r.departmentId);
          if (n.bottom.includes(r.departmentId)) expect(n.ranking.filter((x) => cmpRate(x, r) < 0).length).toBeLessThan(3);
        }
        expect(n.reminderLetters.map((l) => l.departmentId)).toEqual(n.bottom);
      }
    },
  );

  test.prop([arbDoc, arbAsOf(2025)])('conserves totals: a department’s amounts are the sums of its projects’', (d, asOf) => {
    const e = run(d, asOf);
    for (const n of e.notifications) {
      const last = `${n.quarter.slice(0, 4)}-${String(Number(n.quarter.slice(5)) * 3).padStart(2, '0')}`;
      for (const r of n.ranking) {
        const projects = d.projects.filter((p) => p.departmentId === r.departmentId);
        const planned = projects.flatMap((p) => p.ledger.months.filter((m) => m.month <= last).map((m) => String(m.investment)));
        const completed = projects.flatMap((p) =>
          p.reports
            .filter((x) => x.month <= last && (x.submittedOn === undefined || x.submittedOn <= asOf))
            .map((x) => String(x.investment)),
        );
        expect(compareDecimalStrings(r.planned, sumDecimalStrings(planned))).toBe(0);
        expect(compareDecimalStrings(r.completed, sumDecimalStrings(completed))).toBe(0);
      }
    }
  });

  test.prop([
    arbDoc.chain((d) =>
      fc.tuple(
        fc.constant(d),
        fc.nat({ max: d.projects.length - 1 }),
        fc.integer({ min: 1, max: 12 }),
        fc.bigInt({ min: 1n, max: 10n ** 7n }),
      ),
    ),
    arbAsOf(2025),
  ])(
    'raising a department’s completed investment never lowers its rank nor moves it into the bottom three',
    ([d, index, month, extra], asOf) => {
      const target = d.projects[index];
      if (!target) return;
      const mm = `2025-${String(month).padStart(2, '0')}`;
      const more: RawPortfolioDocument = {
        ...d,
        projects: d.projects.map((p, i) =>
          i === index
            ? {
                ...p,
                reports: p.reports.map((r) =>
                  r.month === mm ? { ...r, investment: sumDecimalStrings([String(r.investment), String(extra)]) } : r,
                ),
              }
            : p,
        ),
      };
      const before = run(d, asOf).notifications;
      const after = run(more, asOf).notifications;
      before.forEach((n, qi) => {
        const a = after[qi];
        const rb = n.ranking.find((r) => r.departmentId === target.departmentId);
        const ra = a?.ranking.find((r) => r.departmentId === target.departmentId);
        if (!rb || !ra) return;
        expect(ra.rank).toBeLessThanOrEqual(rb.rank);
        if (!n.bottom.includes(target.departmentId)) expect(a?.bottom).not.toContain(target.departmentId);
      });
    },
  );
});

describe('properties of the interview triggers (3.2)', () => {
  test.prop([arbDoc, arbAsOf(2025)])('every trigger’s evidence refers to records that exist and were known at asOf', (d, asOf) => {
    const e = run(d, asOf);
    const ranked = new Set(e.notifications.map((n) => n.quarter));
    for (const i of e.interviews) {
      expect(d.departments.some((x) => x.id === i.departmentId)).toBe(true);
      for (const t of i.triggers) {
        const project = d.projects.find((p) => p.id === t.projectId);
        if (t.projectId !== undefined) expect(project?.departmentId).toBe(i.departmentId);
        const ev = t.evidence as Record<string, readonly Record<string, unknown>[]>;
        switch (t.rule) {
          case '3.2.1':
            for (const q of ev['quarters'] ?? []) {
              if (q['source'] === 'computed') expect(ranked.has(q['quarter'] as never)).toBe(true);
              else expect(d.notifications?.some((n) => n.quarter === q['quarter'] && n.issuedOn <= asOf)).toBe(true);
            }
            break;
          case '3.2.2':
            for (const m of ev['milestones'] ?? [])
              expect(project?.milestones.some((x) => x.id === m['milestoneId'] && x.due < asOf)).toBe(true);
            break;
          case '3.2.3':
            for (const x of ev['directives'] ?? [])
              expect(project?.directives?.some((y) => y.id === x['directiveId'] && y.issuedOn <= asOf)).toBe(true);
            break;
          case '3.2.4':
            for (const s of ev['stalls'] ?? []) expect(project?.stalls?.some((y) => y.since === s['since'] && y.since <= asOf)).toBe(true);
            break;
          case '3.2.5':
            for (const c of ev['changes'] ?? [])
              expect(project?.changes?.some((y) => y.on === c['on'] && y.on <= asOf && !y.approvedByPrincipal)).toBe(true);
            for (const m of ev['movedMilestones'] ?? []) expect(project?.milestones.some((y) => y.id === m['milestoneId'])).toBe(true);
            break;
          case '3.2.6':
            for (const r of ev['requests'] ?? [])
              expect(d.interviewRequests?.some((y) => y.departmentId === i.departmentId && y.on === r['on'] && y.on <= asOf)).toBe(true);
            break;
        }
      }
    }
  });

  // The latest date anywhere in a document.
  const latestDate = (d: unknown): string => {
    let max = '0001-01-01';
    const walk = (v: unknown): void => {
      if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && v > max) max = v;
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(d);
    return max;
  };

  test.prop([arbDoc, fc.integer({ min: 1, max: 400 })])(
    'once every record is known, moving asOf later never removes a 3.2.2, 3.2.4 or 3.2.5 trigger',
    (d, days) => {
      const early = addDays(parseCalendarDate(latestDate(d)), 1);
      const late = addDays(early, days);
      const keys = (e: Evaluation): string[] =>
        e.interviews.flatMap((i) =>
          i.triggers.filter((t) => ['3.2.2', '3.2.4', '3.2.5'].includes(t.rule)).map((t) => `${t.rule} ${t.projectId ?? ''}`),
        );
      const before = keys(run(d, early));
      const after = keys(run(d, late));
      for (const k of before) expect(after).toContain(k);
    },
  );
});

describe('properties of compliance (1.1, 1.2, 2.x)', () => {
  const lastDay = (period: string): string => {
    const y = Number(period.slice(0, 4));
    const lastMonth = period.includes('Q')
      ? Number(period.slice(5)) * 3
      : period.includes('-B')
        ? Number(period.slice(6)) * 2
        : Number(period.slice(5, 7));
    return new Date(Date.UTC(y, lastMonth, 0)).toISOString().slice(0, 10);
  };

  test.prop([arbDoc, arbAsOf(2025)])('judges closed periods only, and gives a period exactly to the periodic kinds', (d, asOf) => {
    for (const c of run(d, asOf).compliance) {
      const periodic = !['ledgerMissing', 'ledgerLate', 'approvalWarning', 'escalationOpen'].includes(c.kind);
      expect(c.period !== undefined).toBe(periodic);
      if (c.period !== undefined) expect(lastDay(c.period) < asOf).toBe(true);
      if (c.kind === 'reportMissing' || c.kind === 'reportLate') expect((c.evidence['due'] as string) < asOf).toBe(true);
    }
  });

  test.prop([arbDoc, arbAsOf(2025), fc.integer({ min: 1, max: 200 })])(
    'keeps a meeting or review gap of a closed period as asOf moves on',
    (d, asOf, days) => {
      // Anything that could fill the gap is dated inside the closed period, so it was already known at asOf.
      const key = (e: Evaluation): string[] =>
        e.compliance
          .filter((c) => c.kind === 'meetingMissing' || c.kind === 'reviewMissing')
          .map((c) => `${c.rule} ${c.subjectId} ${c.period ?? ''}`);
      const after = key(run(d, addDays(parseCalendarDate(asOf), days)));
      for (const k of key(run(d, asOf))) expect(after).toContain(k);
    },
  );
});
