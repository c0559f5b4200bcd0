// The one orchestration: evaluate and evaluateStream both run the accumulator and the collector, so the
// stream assembled is the whole-document evaluation; and what the accumulator keeps of each project is
// enough for the portfolio-level part.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { arbAsOf, arbPortfolioDocument } from '../test/arbitraries/portfolio.js';
import { accountableProject, createEvaluationAccumulator, createEvaluationCollector, mayBeNamed } from './accumulateEvaluation.js';
import { parseCalendarDate, type YearMonth } from './calendar/index.js';
import { evaluate } from './evaluate.js';
import { collectEvaluation, evaluateStream } from './evaluateStream.js';
import { PRESETS, type Policy, type PresetId } from './policy/index.js';
import { knownAt, parsePortfolio } from './portfolio/index.js';
import { accountabilityCases, accountabilityCasesOf, type TriggerKey } from './supervision/accountability/accountabilityCases.js';
import { monthEndRanking, quarterlyRanking } from './supervision/notification/quarterlyRanking.js';
import type { InterviewTrigger } from './supervision/interview/types.js';

/** The NDJSON lines of a document: the header (everything but `projects`), then one project per line. */
function lines(doc: unknown): string[] {
  const { projects, ...header } = doc as { projects: unknown[] };
  return [JSON.stringify(header), ...projects.map((p) => JSON.stringify(p))];
}

// Every ranking option, on every preset.
const arbPolicy: fc.Arbitrary<Policy> = fc
  .tuple(
    fc.constantFrom(...(Object.keys(PRESETS) as PresetId[])),
    fc.constantFrom<Policy['ranking']['denominator']>('ytdLedgerPlan', 'annualPlan', 'proRataAnnual'),
    fc.constantFrom<Policy['ranking']['aggregation']>('sumOfAmounts', 'meanOfProjectRates'),
    fc.constantFrom<'competition' | 'dense'>('competition', 'dense'),
    fc.constantFrom<'exact' | 'displayed'>('exact', 'displayed'),
  )
  .map(([id, denominator, aggregation, ties, compareOn]) => ({
    ...PRESETS[id],
    ranking: { ...PRESETS[id].ranking, denominator, aggregation, ties, compareOn },
  }));

const arbCase = arbPortfolioDocument({ withSupervisionRecords: true }).chain((d) => fc.tuple(fc.constant(d), arbAsOf(d.year), arbPolicy));

describe('properties', () => {
  test.prop([arbCase])('collectEvaluation(evaluateStream(lines)) deep-equals evaluate(document)', async ([doc, asOf, policy]) => {
    const streamed = await collectEvaluation(evaluateStream(lines(doc), { asOf, policy }));
    expect(streamed).toStrictEqual(evaluate(parsePortfolio(doc, { policy }), { asOf, policy }));
  });

  test.prop([arbCase.chain(([doc, asOf, policy]) => fc.tuple(fc.constant(doc), fc.constant(asOf), fc.constant(policy), fc.boolean()))])(
    'is independent of the order the projects are added in',
    ([doc, asOf, policy, reversed]) => {
      const portfolio = parsePortfolio(doc, { policy });
      const settings = { asOf: parseCalendarDate(asOf), policy };
      const accumulator = createEvaluationAccumulator(portfolio, settings);
      const collector = createEvaluationCollector();
      const projects = reversed ? [...portfolio.projects].reverse() : portfolio.projects;
      for (const p of projects) collector.add(accumulator.add(p));
      expect(collector.finish(accumulator.finish())).toStrictEqual(evaluate(portfolio, { asOf, policy }));
    },
  );
});

const RULES = ['3.2.2', '3.2.3', '3.2.4', '3.2.5'] as const;
const MONTHS = ['2025-05', '2025-06', '2025-07', '2025-08', '2025-09'] as YearMonth[];

// Accountability (3.3) is given only the projects it may name — with a 不作为 run, an interview trigger of
// their own or an incident — reduced to what it reads. The cases must be those of all the projects, whatever
// the runs, the triggers and the threshold.
describe('the rankings from department sums', () => {
  test.prop([arbCase])(
    'equal the public rankings of the projects known at asOf: each quarter, and the evaluated month',
    ([doc, asOf, policy]) => {
      const portfolio = parsePortfolio(doc);
      const e = evaluate(portfolio, { asOf, policy });
      const known = knownAt(portfolio, parseCalendarDate(asOf));
      for (const n of e.notifications) expect(n).toEqual(quarterlyRanking(known, n.quarter, policy));
      expect(e.monthEnd).toEqual(e.month === null ? null : monthEndRanking(known, e.month, policy));
    },
  );
});

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
      .map(accountableProject);
    const departmentIds = known.departments.map((d) => d.id);
    expect(accountabilityCasesOf(departmentIds, named, input)).toEqual(accountabilityCases(known, input));
  });
});
