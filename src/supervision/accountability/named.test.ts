// evaluate and evaluateStream give accountability (3.3) only the projects it may name — with a 不作为 run,
// an interview trigger of their own or an incident — reduced to what it reads. The cases must be those of
// all the projects, whatever the runs, the triggers and the threshold.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { arbAsOf, arbPortfolioDocument } from '../../../test/arbitraries/portfolio.js';
import { parseCalendarDate, type YearMonth } from '../../calendar/index.js';
import { accountabilitySkeleton, mayBeNamed } from '../../evaluate.js';
import { knownAt, parsePortfolio } from '../../portfolio/index.js';
import type { InterviewTrigger } from '../interview/types.js';
import { accountabilityCases, type TriggerKey } from './accountabilityCases.js';

const RULES = ['3.2.2', '3.2.3', '3.2.4', '3.2.5'] as const;
const MONTHS = ['2025-05', '2025-06', '2025-07', '2025-08', '2025-09'] as YearMonth[];

describe('accountability from the projects it may name', () => {
  test.prop([
    arbPortfolioDocument({ withSupervisionRecords: true }).chain((d) => fc.tuple(fc.constant(d), arbAsOf(d.year))),
    fc.array(fc.tuple(fc.nat(5), fc.nat(4), fc.boolean()), { minLength: 1 }),
    fc.integer({ min: 1, max: 4 }),
    fc.boolean(),
  ])('gives the cases of all the projects', ([doc, asOf], draws, inactionMonths, departmentTrigger) => {
    const known = knownAt(parsePortfolio(doc), parseCalendarDate(asOf));
    const redRuns = new Map<string, readonly YearMonth[]>();
    const own = new Map<string, TriggerKey[]>();
    known.projects.forEach((p, i) => {
      const [run, rule, trigger] = draws[i % draws.length] ?? [0, 0, false];
      if (run > 0) redRuns.set(p.id, MONTHS.slice(-run));
      if (trigger) own.set(p.id, [{ departmentId: p.departmentId, rule: RULES[rule % RULES.length] ?? '3.2.2', projectId: p.id }]);
    });
    const first = known.departments[0];
    const triggers: TriggerKey[] = [
      ...(departmentTrigger && first !== undefined ? [{ departmentId: first.id, rule: '3.2.6' as const }] : []),
      ...[...own.values()].flat(),
    ];
    const input = { missedMeetingMonths: new Map(), redRuns, triggers, threshold: 2, inactionMonths };
    const named = known.projects
      .filter((p) => {
        const run = redRuns.get(p.id);
        const part = { triggers: (own.get(p.id) ?? []) as unknown as InterviewTrigger[], ...(run !== undefined && { redRun: run }) };
        return mayBeNamed(p, part);
      })
      .map(accountabilitySkeleton);
    expect(accountabilityCases({ ...known, projects: named }, input)).toEqual(accountabilityCases(known, input));
  });
});
