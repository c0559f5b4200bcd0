// colourOfFigures rates a month from exact sums without building ratios or findings, and
// investmentColourSmall from sums in doubles; for every policy whose bounds are plain decimals each must
// give colourOnly's colour, ties on a bound included.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { parseYearMonth } from '../calendar/index.js';
import { D } from '../money/_decimal.js';
import { exact, smallExact, type Exact, type SmallExact } from '../money/_exact.js';
import { formatRatio, parseAmount, ratioOf, signOf, type Amount } from '../money/index.js';
import { PRESETS, type ColourPolicy, type LowerBand, type UpperBand } from '../policy/index.js';
import type { Milestone, Stall } from '../portfolio/index.js';
import { colourOfFacts, colourOfFigures, colourOnly, investmentColourSmall, withoutMinus, type ColourInput } from './colourOf.js';
import { metricsOf } from './progressMetrics.js';

const amount: fc.Arbitrary<Amount> = fc
  .oneof(
    fc.constantFrom('0', '100', '1000', '600', '500', '400', '900', '1', '0.01', '-50'),
    fc.integer({ min: -2000, max: 200000 }).map((n) => (n / 100).toString()),
  )
  .map((s) => parseAmount(s));
// Bounds that make ties with the amounts above likely (lag of exactly 10 or 30 pp, ratio exactly 1).
const bound = fc.constantFrom('0', '10', '30', '1', '0.5', '12.5');
// Sums that sit exactly on a bound: a lag of t pp, a ratio of t, or a share of t % of the annual plan.
const onBound: fc.Arbitrary<readonly [Amount, Amount, Amount]> = fc
  .tuple(bound, fc.constantFrom('1000', '400', '800', '0.5'), amount, fc.constantFrom('lag', 'ratio', 'share'))
  .map(([t, a, planned, kind]) => {
    const completed =
      kind === 'lag'
        ? new D(planned).minus(new D(t).times(a).div(100))
        : kind === 'ratio'
          ? new D(t).times(planned)
          : new D(t).times(a).div(100);
    return [planned, parseAmount(completed.toFixed()), parseAmount(a)] as const;
  });
const sums = fc.oneof(fc.tuple(amount, amount, amount), onBound);
const colour = fc.constantFrom('green', 'white', 'yellow', 'red', 'purple');
const upperBands: fc.Arbitrary<UpperBand[]> = fc
  .tuple(fc.array(fc.record({ colour, upTo: bound, inclusive: fc.boolean() }), { maxLength: 4 }), colour)
  .map(([bs, last]) => [...bs, { colour: last }]);
const lowerBands: fc.Arbitrary<LowerBand[]> = fc
  .tuple(fc.array(fc.record({ colour, atLeast: bound }), { maxLength: 4 }), colour)
  .map(([bs, last]) => [...bs, { colour: last }]);
const investment: fc.Arbitrary<ColourPolicy['investment']> = fc.oneof(
  upperBands.map((bands) => ({ kind: 'lagPp' as const, bands })),
  lowerBands.map((bands) => ({ kind: 'completionRatio' as const, bands })),
  fc.array(fc.oneof(lowerBands, fc.constant([])), { minLength: 12, maxLength: 12 }).map((byMonth) => ({
    kind: 'annualShare' as const,
    byMonth,
  })),
);
const steps = fc.array(fc.record({ atLeast: fc.integer({ min: 0, max: 4 }), colour }), { maxLength: 3 });
const policy: fc.Arbitrary<ColourPolicy> = fc
  .record({
    base: fc.constantFrom(...Object.values(PRESETS)).map((p) => p.colour),
    investment,
    stall: fc.record({ enabled: fc.boolean(), steps }),
    overdue: fc.record({ enabled: fc.boolean(), steps, kinds: fc.subarray(['start', 'completion'] as const) }),
    missingReport: fc.record({ enabled: fc.boolean(), colour }),
    openStall: fc.record({ enabled: fc.boolean(), colour }),
  })
  .map((r) => ({
    scale: r.base.scale,
    investment: r.investment,
    stall: r.stall,
    overdueMilestone: r.overdue,
    missingReport: r.missingReport,
    openStall: r.openStall,
  }));

// A plain decimal of at most 15 digits in a double (every amount here is one).
function smallOf(s: string): SmallExact {
  const x = smallExact(s);
  if (x === undefined) throw new Error(`not small: ${s}`);
  return x;
}

// A plain decimal's scaled integer (every amount here is one).
function exactOf(s: string): Exact {
  const x = exact(s);
  if (x === undefined) throw new Error(`not plain: ${s}`);
  return x;
}

const milestone = (kind: Milestone['kind']): Milestone =>
  ({ id: kind, kind, name: kind, due: '2025-03-31', baselineDue: '2025-03-31' }) as unknown as Milestone;
const stall = { since: '2025-05-01', cause: 'other' } as unknown as Stall;

describe('colourOfFigures', () => {
  test.prop(
    [
      policy,
      sums,
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 0, max: 5 }),
      fc.array(
        fc.record({
          kind: fc.constantFrom('start', 'completion', 'physical'),
          months: fc.integer({ min: 1, max: 5 }),
        }),
        {
          maxLength: 2,
        },
      ),
      fc.boolean(),
      fc.boolean(),
    ],
    { numRuns: 1000 },
  )('gives colourOnly’s colour', (p, [planned, completed, annualPlan], month, stallRun, overdue, hasReport, openStall) => {
    const m = parseYearMonth(`2025-${String(month).padStart(2, '0')}`);
    const input: ColourInput = {
      projectId: 'P-1',
      month: m,
      metrics: metricsOf(planned, completed, annualPlan),
      stalledMonths: Array.from({ length: stallRun }, () => m),
      overdue: overdue.map((o) => ({ milestone: milestone(o.kind), overdueMonths: o.months })),
      hasReport,
      openStalls: openStall ? [stall] : [],
    };
    const fast = colourOfFigures(
      {
        planned: exactOf(planned),
        completed: exactOf(completed),
        annualPlan: exactOf(annualPlan),
        hasPlan: signOf(annualPlan) > 0,
        month,
        stallRun,
        overdue: input.overdue,
        hasReport,
        openStall,
      },
      p,
    );
    expect(fast).toBe(colourOnly(input, p));
    // The same colour from the sums in doubles, whenever they decide it.
    const [sp, sc, sa] = [smallOf(planned), smallOf(completed), smallOf(annualPlan)];
    const facts = { hasPlan: signOf(annualPlan) > 0, month, stallRun, overdue: input.overdue, hasReport, openStall };
    const investment = facts.hasPlan ? investmentColourSmall(p.investment, month, sp.n, sp.e, sc.n, sc.e, sa.n, sa.e) : null;
    if (investment !== undefined) expect(colourOfFacts(facts, p, investment)).toBe(colourOnly(input, p));
  });

  test('leaves to the scaled integers what doubles cannot hold exactly', () => {
    const handan = PRESETS['handan-2018'].colour;
    const lag = handan.investment;
    // 30 × 900719925474099 passes 2^53: the lag bound cannot be scaled in doubles.
    const a = smallOf('900719925474099');
    expect(investmentColourSmall(lag, 9, a.n, a.e, 0, 0, a.n, a.e)).toBeUndefined();
    // Exactly on a bound, the sums in doubles still tell the tie: a lag of exactly 10 pp.
    const [p, c, plan] = [smallOf('100'), smallOf('90'), smallOf('100')];
    expect(investmentColourSmall(lag, 9, p.n, p.e, c.n, c.e, plan.n, plan.e)).toBe(
      colourOfFigures(
        {
          planned: exactOf('100'),
          completed: exactOf('90'),
          annualPlan: exactOf('100'),
          hasPlan: true,
          month: 9,
          stallRun: 0,
          overdue: [],
          hasReport: true,
          openStall: false,
        },
        handan,
      ),
    );
  });

  test('leaves a bound that is not a plain decimal to colourOnly', () => {
    const base = PRESETS['handan-2018'].colour;
    const p: ColourPolicy = { ...base, investment: { kind: 'lagPp', bands: [{ colour: 'white', upTo: '1e1' }, { colour: 'red' }] } };
    const x = exactOf('100');
    const figures = {
      planned: x,
      completed: exactOf('0'),
      annualPlan: exactOf('1000'),
      hasPlan: true,
      month: 1,
      stallRun: 0,
      overdue: [],
      hasReport: true,
      openStall: false,
    };
    expect(colourOfFigures(figures, p)).toBeUndefined();
  });
});

describe('withoutMinus', () => {
  // Numerators from one digit to past 2^53 (the bigint and decimal.js paths of formatRatio too).
  const numerator = fc
    .tuple(fc.bigInt({ min: 1n, max: 10n ** 17n }), fc.integer({ min: 0, max: 6 }))
    .map(([n, e]) => parseAmount(new D(n.toString()).div(new D(10).pow(e)).toFixed()));
  const denominator = fc
    .tuple(fc.bigInt({ min: 1n, max: 10n ** 12n }), fc.integer({ min: 0, max: 4 }))
    .map(([n, e]) => parseAmount(new D(n.toString()).div(new D(10).pow(e)).toFixed()));

  test.prop([numerator, denominator, fc.integer({ min: 0, max: 6 })], { numRuns: 1000 })(
    'gives formatRatio of the negated ratio from formatRatio of a ratio below 0',
    (n, d, decimals) => {
      const negative = ratioOf(parseAmount(`-${n}`), d);
      const positive = ratioOf(n, d);
      expect(withoutMinus(formatRatio(negative, decimals))).toBe(formatRatio(positive, decimals));
    },
  );

  test('writes a ratio that rounds to zero without a sign, and keeps the digits of one that does not', () => {
    expect(withoutMinus(formatRatio(ratioOf(parseAmount('-1'), parseAmount('1000'))))).toBe('0.00');
    expect(withoutMinus(formatRatio(ratioOf(parseAmount('-5'), parseAmount('1000'))))).toBe('0.01');
    expect(withoutMinus('-12.35')).toBe('12.35');
  });
});
