// The reconciliation rules called directly, each result compared whole (amounts, ratios, colours and
// every finding's rule, subject, severity and evidence), at the edges of every comparison.
import { describe, expect, it } from 'vitest';
import { colourInput, metrics } from '../../test/fixtures/colour.js';
import { doc, project, report, reportsUpTo, type RawProject } from '../../test/fixtures/builders.js';
import { parseCalendarDate, parseYearMonth, type YearMonth } from '../calendar/index.js';
import type { Finding } from '../findings/index.js';
import { parseAmount } from '../money/index.js';
import { HANDAN_2018, JINHUA, SANYA, TIANJIN_BOND, YINCHUAN, type ColourPolicy, type Policy } from '../policy/index.js';
import { parsePortfolio, type Milestone, type Override, type Project, type Report, type Stall } from '../portfolio/index.js';
import { colourOf, type ColourInput, type ColourResult } from './colourOf.js';
import { completedToDate } from './completedToDate.js';
import { forecast, NO_FORECAST } from './forecast.js';
import { milestoneState, overdueMonthsAt } from './milestoneStatus.js';
import { progressMetrics } from './progressMetrics.js';
import { reconcileProject, type ProjectEvaluation, type ReconcileContext } from './reconcileProject.js';
import { isStalledMonth, stalledMonthsEndingAt } from './stallRun.js';

const d = parseCalendarDate;
const ym = parseYearMonth;
const a = parseAmount;
const SEP = ym('2025-09');
const AS_OF = d('2025-10-15'); // evaluated month 2025-09, E(m) = 2025-09-30

function parsed(p: RawProject): Project {
  const first = parsePortfolio(doc([p])).projects[0];
  if (first === undefined) throw new Error('no project');
  return first;
}

/** A ledger planning `amount` in each listed month of 2025 (the others plan 0). */
function ledger(months: readonly number[], amount = '100'): RawProject['ledger'] {
  return { submittedOn: '2025-02-20', months: months.map((m) => ({ month: `2025-${String(m).padStart(2, '0')}`, investment: amount })) };
}

const rep = (month: string, investment: string, extra: Partial<Report> = {}): Report => ({
  month: ym(month),
  investment: a(investment),
  ...extra,
});

type Bare = Omit<Finding, 'message'>;

/** The findings without their messages, after checking each message has distinct, non-empty zh and en. */
function bare(findings: readonly Finding[]): Bare[] {
  return findings.map(({ message, ...rest }) => {
    expect(message.zh).not.toBe('');
    expect(message.en).not.toBe('');
    expect(message.zh).not.toBe(message.en);
    return rest;
  });
}

const bareResult = (r: ColourResult): { colour: string; findings: Bare[] } => ({ colour: r.colour, findings: bare(r.findings) });

const SEVERITY: Readonly<Record<string, string>> = { green: 'info', white: 'info', yellow: 'warning', red: 'critical' };
const sev = (colour: string): string => SEVERITY[colour] ?? 'unknown';

function finding(rule: string, severity: string, evidence: Record<string, unknown>, id = 'P'): Record<string, unknown> {
  return { rule, subject: { kind: 'project', id }, severity, evidence };
}

/** The handan-2018 investment finding for plan 900 to date of an annual 1200 (12 of completed = 1 pp). */
function lagFinding(
  colour: string,
  completed: string,
  progressPct: string,
  lagPp: string,
  band: string,
  o: { planned?: string; schedulePct?: string; annualPlan?: string; month?: string } = {},
): Record<string, unknown> {
  return finding('colour.investment', sev(colour), {
    month: o.month ?? '2025-09',
    colour,
    plannedToDate: o.planned ?? '900',
    completedToDate: completed,
    annualPlan: o.annualPlan ?? '1200',
    schedulePct: o.schedulePct ?? '75.00',
    progressPct,
    lagPp,
    band,
  });
}

function notRated(
  reason: 'zeroAnnualPlan' | 'nothingPlannedToDate',
  planned: string,
  completed: string,
  annualPlan: string,
): Record<string, unknown> {
  return finding('colour.investment', 'info', {
    month: '2025-09',
    colour: null,
    reason,
    plannedToDate: planned,
    completedToDate: completed,
    annualPlan,
  });
}

// ---------------------------------------------------------------------------------------------------

describe('completedToDate', () => {
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

describe('progressMetrics', () => {
  it('gives the two sums, the annual plan and three exact percentages; later months are not summed', () => {
    const p = parsed(project('P', [...reportsUpTo(8), report(9, '-20'), report(10, '5000')]));
    expect(progressMetrics(p, SEP)).toEqual({
      plannedToDate: '900',
      completedToDate: '780',
      annualPlan: '1200',
      schedulePct: { numerator: '90000', denominator: '1200' },
      progressPct: { numerator: '78000', denominator: '1200' },
      lagPp: { numerator: '12000', denominator: '1200' },
    });
    expect(progressMetrics(p, ym('2025-10'))).toEqual({
      plannedToDate: '1000',
      completedToDate: '5780',
      annualPlan: '1200',
      schedulePct: { numerator: '100000', denominator: '1200' },
      progressPct: { numerator: '578000', denominator: '1200' },
      lagPp: { numerator: '-478000', denominator: '1200' },
    });
  });

  it('plans 0 for a ledger month that is not listed', () => {
    const p = parsed(
      project('P', reportsUpTo(2), { ledger: { submittedOn: '2025-02-20', months: [{ month: '2025-03', investment: '300' }] } }),
    );
    expect(progressMetrics(p, ym('2025-02'))).toEqual({
      plannedToDate: '0',
      completedToDate: '200',
      annualPlan: '1200',
      schedulePct: { numerator: '0', denominator: '1200' },
      progressPct: { numerator: '20000', denominator: '1200' },
      lagPp: { numerator: '-20000', denominator: '1200' },
    });
  });

  it('leaves the percentages null when the annual plan is 0, the sums still given', () => {
    const p = parsed(project('P', reportsUpTo(9, '50'), { annualPlan: '0' }));
    expect(progressMetrics(p, SEP)).toEqual({
      plannedToDate: '900',
      completedToDate: '450',
      annualPlan: '0',
      schedulePct: null,
      progressPct: null,
      lagPp: null,
    });
  });
});

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

describe('milestoneState', () => {
  const due = d('2025-06-30');
  it.each([
    [undefined, '2025-06-29', 'pending'],
    [undefined, '2025-06-30', 'pending'], // due day itself: not late yet
    [undefined, '2025-07-01', 'overdue'],
    ['2025-06-20', '2025-06-25', 'met'], // achieved before due and before asOf
    ['2025-06-29', '2025-07-10', 'met'],
    ['2025-06-30', '2025-07-10', 'met'], // achieved on the due day
    ['2025-07-01', '2025-07-10', 'late'],
    ['2025-07-10', '2025-07-10', 'late'], // achieved on asOf: known
    ['2025-07-11', '2025-07-10', 'overdue'], // achieved after asOf: not known yet
    ['2025-07-01', '2025-06-30', 'pending'], // achieved after asOf, due not passed
  ])('achieved %s, asOf %s: %s', (achieved, asOf, state) => {
    expect(milestoneState(due, achieved === undefined ? undefined : d(achieved), d(asOf))).toBe(state);
  });
});

describe('overdueMonthsAt', () => {
  const end = d('2025-09-30');
  it.each([
    ['2025-10-01', undefined, 0], // due after the month end
    ['2025-09-30', undefined, 0], // due on the month end
    ['2025-09-29', undefined, 1],
    ['2025-09-01', undefined, 1],
    ['2025-08-31', undefined, 1],
    ['2025-08-30', undefined, 2],
    ['2025-07-31', undefined, 2],
    ['2025-07-30', undefined, 3],
    ['2025-06-30', undefined, 3],
    ['2025-06-29', undefined, 4],
    ['2025-06-30', '2025-09-30', 0], // achieved on the month end
    ['2025-06-30', '2025-07-15', 0],
    ['2025-06-30', '2025-10-01', 3], // achieved after the month end
  ])('due %s, achieved %s: %i', (due, achieved, n) => {
    expect(overdueMonthsAt(d(due), achieved === undefined ? undefined : d(achieved), end)).toBe(n);
  });

  it('counts month-ends across the year boundary', () => {
    expect(overdueMonthsAt(d('2024-11-30'), undefined, d('2025-01-31'))).toBe(2);
    expect(overdueMonthsAt(d('2024-12-31'), undefined, d('2025-01-31'))).toBe(1);
    expect(overdueMonthsAt(d('2024-12-31'), undefined, d('2025-01-30'))).toBe(0);
  });
});

describe('forecast', () => {
  it.each([
    ['800', '1200', '2025-09', 2, { runRate: '88.89', requiredMonthly: '133.33', projectedYearEnd: '1066.67' }],
    ['800', '1200', '2025-09', 0, { runRate: '89', requiredMonthly: '133', projectedYearEnd: '1067' }],
    ['800', '1200', '2025-09', 4, { runRate: '88.8889', requiredMonthly: '133.3333', projectedYearEnd: '1066.6667' }],
    ['1200', '1200', '2025-12', 2, { runRate: '100', requiredMonthly: null, projectedYearEnd: '1200' }],
    ['1100', '1200', '2025-11', 2, { runRate: '100', requiredMonthly: '100', projectedYearEnd: '1200' }],
    ['300', '1200', '2025-01', 2, { runRate: '300', requiredMonthly: '81.82', projectedYearEnd: '3600' }],
    ['1300', '1200', '2025-10', 2, { runRate: '130', requiredMonthly: '-50', projectedYearEnd: '1560' }],
    ['-1', '0', '2025-08', 2, { runRate: '-0.13', requiredMonthly: '0.25', projectedYearEnd: '-1.5' }], // half away from zero
    ['0.005', '0', '2025-06', 2, { runRate: '0', requiredMonthly: '0', projectedYearEnd: '0.01' }], // never "-0"
  ])('completed %s of %s at %s, %i decimals', (completed, annual, m, decimals, expected) => {
    expect(forecast(a(completed), a(annual), ym(m), decimals)).toEqual(expected);
  });

  it('has an all-null forecast for no evaluated month', () => {
    expect(NO_FORECAST).toEqual({ runRate: null, requiredMonthly: null, projectedYearEnd: null });
  });
});

// ---------------------------------------------------------------------------------------------------

const input = colourInput;

const ON_PLAN = lagFinding('green', '900', '75.00', '0.00', '≤ 0');

function withColour(over: Partial<ColourPolicy>): ColourPolicy {
  return { ...HANDAN_2018.colour, ...over };
}

describe('colourOf: the lag bands of handan-2018', () => {
  // Planned 900 to date of 1200: each 12 of completed investment is 1 pp.
  it.each([
    ['1000', 'green', '83.33', '-8.33', '≤ 0'],
    ['900.000001', 'green', '75.00', '0.00', '≤ 0'], // a hair ahead
    ['900', 'green', '75.00', '0.00', '≤ 0'],
    ['899.999999', 'white', '75.00', '0.00', '< 10'], // a hair behind: white although shown 0.00
    ['899', 'white', '74.92', '0.08', '< 10'],
    ['781', 'white', '65.08', '9.92', '< 10'],
    ['780.000012', 'white', '65.00', '10.00', '< 10'], // 9.999999 pp
    ['780', 'yellow', '65.00', '10.00', '≤ 30'], // exactly 10 pp
    ['779.999988', 'yellow', '65.00', '10.00', '≤ 30'], // 10.000001 pp
    ['540.000012', 'yellow', '45.00', '30.00', '≤ 30'], // 29.999999 pp
    ['540', 'yellow', '45.00', '30.00', '≤ 30'], // exactly 30 pp
    ['539.999988', 'red', '45.00', '30.00', 'otherwise'], // 30.000001 pp
    ['539', 'red', '44.92', '30.08', 'otherwise'],
  ])('completed %s is %s', (completed, colour, progressPct, lagPp, band) => {
    expect(bareResult(colourOf(input({ metrics: metrics('900', completed) }), HANDAN_2018.colour))).toEqual({
      colour,
      findings: [lagFinding(colour, completed, progressPct, lagPp, band)],
    });
  });

  it('says ahead, on or behind schedule with the unsigned lag', () => {
    const msg = (completed: string): { zh: string; en: string } => {
      const f = colourOf(input({ metrics: metrics('900', completed) }), HANDAN_2018.colour).findings[0];
      return f?.message ?? { zh: '', en: '' };
    };
    const ahead = msg('1000');
    const on = msg('900');
    const behind = msg('780');
    const hairAhead = msg('900.000001');
    const hairBehind = msg('899.999999');
    expect(ahead.en).toContain('8.33');
    expect(ahead.en).not.toContain('-8.33');
    expect(ahead.zh).toContain('8.33');
    expect(ahead.zh).not.toContain('-8.33');
    expect(behind.en).toContain('10.00');
    expect(behind.zh).toContain('10.00');
    expect(new Set([on.en, hairAhead.en, hairBehind.en]).size).toBe(3);
    expect(new Set([on.zh, hairAhead.zh, hairBehind.zh]).size).toBe(3);
    expect(new Set([ahead.en, on.en, behind.en]).size).toBe(3);
  });

  it('does not rate the investment when the annual plan is 0; green with no other rule', () => {
    expect(bareResult(colourOf(input({ metrics: metrics('900', '450', '0') }), HANDAN_2018.colour))).toEqual({
      colour: 'green',
      findings: [notRated('zeroAnnualPlan', '900', '450', '0')],
    });
  });

  it('reads the bands from the policy: yinchuan is green below 10 pp, yellow 10–30 inclusive, red above', () => {
    const yc = (completed: string): ColourResult => colourOf(input({ metrics: metrics('900', completed) }), YINCHUAN.colour);
    const ycFinding = (colour: string, completed: string, progressPct: string, lagPp: string, band: string): Record<string, unknown> => ({
      ...lagFinding(colour, completed, progressPct, lagPp, band),
      severity: colour === 'green' ? 'info' : colour === 'yellow' ? 'warning' : 'critical',
    });
    expect(bareResult(yc('780.000012'))).toEqual({
      colour: 'green',
      findings: [ycFinding('green', '780.000012', '65.00', '10.00', '< 10')],
    });
    expect(bareResult(yc('780'))).toEqual({ colour: 'yellow', findings: [ycFinding('yellow', '780', '65.00', '10.00', '≤ 30')] });
    expect(bareResult(yc('540'))).toEqual({ colour: 'yellow', findings: [ycFinding('yellow', '540', '45.00', '30.00', '≤ 30')] });
    expect(bareResult(yc('539.999988'))).toEqual({
      colour: 'red',
      findings: [ycFinding('red', '539.999988', '45.00', '30.00', 'otherwise')],
    });
  });

  it('treats a bound without `inclusive` as exclusive', () => {
    const policy = withColour({
      investment: {
        kind: 'lagPp',
        bands: [{ colour: 'green', upTo: '0' }, { colour: 'yellow', upTo: '10', inclusive: true }, { colour: 'red' }],
      },
    });
    expect(colourOf(input({ metrics: metrics('900', '900.000001') }), policy).colour).toBe('green');
    expect(bareResult(colourOf(input({ metrics: metrics('900', '900') }), policy))).toEqual({
      colour: 'yellow',
      findings: [lagFinding('yellow', '900', '75.00', '0.00', '≤ 10')],
    });
    expect(colourOf(input({ metrics: metrics('900', '780') }), policy).colour).toBe('yellow');
    expect(colourOf(input({ metrics: metrics('900', '779.999988') }), policy).colour).toBe('red');
  });
});

describe('colourOf: ratio presets', () => {
  const ratioFinding = (
    colour: string,
    severity: string,
    completed: string,
    ratio: string,
    band: string,
    planned = '900',
  ): Record<string, unknown> =>
    finding('colour.investment', severity, {
      month: '2025-09',
      colour,
      plannedToDate: planned,
      completedToDate: completed,
      annualPlan: '1200',
      ratio,
      band,
    });

  it.each([
    ['1000', 'green', 'info', '1.1111', '≥ 1'],
    ['900', 'green', 'info', '1.0000', '≥ 1'],
    ['899.99', 'yellow', 'warning', '1.0000', '≥ 0.5'], // just under 1, shown rounded
    ['450', 'yellow', 'warning', '0.5000', '≥ 0.5'],
    ['449.99', 'red', 'critical', '0.5000', 'otherwise'],
  ])('sanya: completed %s of 900 planned is %s', (completed, colour, severity, ratio, band) => {
    expect(bareResult(colourOf(input({ metrics: metrics('900', completed) }), SANYA.colour))).toEqual({
      colour,
      findings: [ratioFinding(colour, severity, completed, ratio, band)],
    });
  });

  it.each([
    ['900', 'green', 'info', '1.0000', '≥ 1'],
    ['630', 'yellow', 'warning', '0.7000', '≥ 0.7'],
    ['629.99', 'red', 'critical', '0.7000', 'otherwise'],
  ])('tianjin-bond: completed %s of 900 planned is %s', (completed, colour, severity, ratio, band) => {
    expect(bareResult(colourOf(input({ metrics: metrics('900', completed) }), TIANJIN_BOND.colour))).toEqual({
      colour,
      findings: [ratioFinding(colour, severity, completed, ratio, band)],
    });
  });

  it('does not apply the ratio with nothing planned to date, nor with a zero annual plan', () => {
    expect(bareResult(colourOf(input({ metrics: metrics('0', '50') }), SANYA.colour))).toEqual({
      colour: 'green',
      findings: [notRated('nothingPlannedToDate', '0', '50', '1200')],
    });
    expect(bareResult(colourOf(input({ metrics: metrics('900', '100', '0') }), SANYA.colour))).toEqual({
      colour: 'green',
      findings: [notRated('zeroAnnualPlan', '900', '100', '0')],
    });
  });
});

describe('colourOf: annual share (jinhua)', () => {
  const shareFinding = (
    colour: string,
    severity: string,
    completed: string,
    progressPct: string,
    band: string,
    month = '2025-09',
  ): Record<string, unknown> =>
    finding('colour.investment', severity, {
      month,
      colour,
      plannedToDate: '900',
      completedToDate: completed,
      annualPlan: '1200',
      progressPct,
      band,
    });

  it.each([
    ['907.2', 'blue', 'info', '75.60', '≥ 75.6'], // exactly 75.6 %
    ['907.19', 'yellow', 'warning', '75.60', '≥ 45'],
    ['540', 'yellow', 'warning', '45.00', '≥ 45'],
    ['539.99', 'red', 'critical', '45.00', 'otherwise'],
  ])('September: completed %s of 1200 is %s', (completed, colour, severity, progressPct, band) => {
    expect(bareResult(colourOf(input({ metrics: metrics('900', completed) }), JINHUA.colour))).toEqual({
      colour,
      findings: [shareFinding(colour, severity, completed, progressPct, band)],
    });
  });

  it("takes the bands of the evaluated month's number", () => {
    const at = (m: string, completed: string): ColourResult =>
      colourOf(input({ month: ym(m), metrics: metrics('900', completed) }), JINHUA.colour);
    expect(bareResult(at('2025-05', '504'))).toEqual({
      colour: 'blue',
      findings: [shareFinding('blue', 'info', '504', '42.00', '≥ 42', '2025-05')],
    });
    expect(bareResult(at('2025-05', '300'))).toEqual({
      colour: 'yellow',
      findings: [shareFinding('yellow', 'warning', '300', '25.00', '≥ 25', '2025-05')],
    });
    expect(at('2025-09', '504').colour).toBe('red');
    expect(bareResult(at('2025-01', '100.8'))).toEqual({
      colour: 'blue',
      findings: [shareFinding('blue', 'info', '100.8', '8.40', '≥ 8.4', '2025-01')],
    });
    expect(bareResult(at('2025-12', '1199.99'))).toEqual({
      colour: 'yellow',
      findings: [shareFinding('yellow', 'warning', '1199.99', '100.00', '≥ 60', '2025-12')],
    });
    expect(at('2025-12', '1200').colour).toBe('blue');
  });

  it('is not applied with a zero annual plan', () => {
    expect(bareResult(colourOf(input({ metrics: metrics('900', '0', '0') }), JINHUA.colour))).toEqual({
      colour: 'blue',
      findings: [notRated('zeroAnnualPlan', '900', '0', '0')],
    });
  });
});

describe('colourOf: severities follow the position in the scale', () => {
  const c = (id: string): ColourPolicy['scale'][number] => ({ id, zh: `色${id}`, en: id, hex: '#000000' });
  const off = {
    stall: { enabled: false, steps: [] },
    overdueMilestone: { enabled: false, kinds: [], steps: [] },
    missingReport: { enabled: false, colour: 'c0' },
    openStall: { enabled: false, colour: 'c0' },
  } as const;
  // annualPlan 100 and planned 100: the lag is 100 − completed.
  const rate = (policy: ColourPolicy, completed: string): { colour: string; severity: string | undefined } => {
    const r = colourOf(input({ metrics: metrics('100', completed, '100') }), policy);
    return { colour: r.colour, severity: r.findings[0]?.severity };
  };

  it('five colours: info, info, info, warning, critical', () => {
    const five: ColourPolicy = {
      scale: [c('c0'), c('c1'), c('c2'), c('c3'), c('c4')],
      investment: {
        kind: 'lagPp',
        bands: [
          { colour: 'c0', upTo: '1' },
          { colour: 'c1', upTo: '2' },
          { colour: 'c2', upTo: '3' },
          { colour: 'c3', upTo: '4' },
          { colour: 'c4' },
        ],
      },
      ...off,
    };
    expect([rate(five, '99.5'), rate(five, '98.5'), rate(five, '97.5'), rate(five, '96.5'), rate(five, '95.5')]).toEqual([
      { colour: 'c0', severity: 'info' },
      { colour: 'c1', severity: 'info' },
      { colour: 'c2', severity: 'info' },
      { colour: 'c3', severity: 'warning' },
      { colour: 'c4', severity: 'critical' },
    ]);
  });

  it('two colours: info, critical; one colour: info', () => {
    const two: ColourPolicy = {
      scale: [c('c0'), c('c1')],
      investment: { kind: 'lagPp', bands: [{ colour: 'c0', upTo: '1' }, { colour: 'c1' }] },
      ...off,
    };
    expect([rate(two, '100'), rate(two, '0')]).toEqual([
      { colour: 'c0', severity: 'info' },
      { colour: 'c1', severity: 'critical' },
    ]);
    const one: ColourPolicy = { scale: [c('c0')], investment: { kind: 'lagPp', bands: [{ colour: 'c0' }] }, ...off };
    expect(rate(one, '0')).toEqual({ colour: 'c0', severity: 'info' });
  });
});

describe('colourOf: stalled months', () => {
  const stall = (months: string[]): ColourInput => input({ stalledMonths: months.map(ym) });
  const stallFinding = (colour: string, months: string[]): Record<string, unknown> =>
    finding('colour.stall', sev(colour), { month: '2025-09', colour, stallRun: months.length, months });

  it.each<[string[], string, string[]]>([
    [[], 'green', []],
    [['2025-09'], 'green', []],
    [['2025-09', '2025-08'], 'yellow', ['2025-08', '2025-09']],
    [['2025-09', '2025-08', '2025-07'], 'red', ['2025-07', '2025-08', '2025-09']],
    [['2025-09', '2025-08', '2025-07', '2025-06'], 'red', ['2025-06', '2025-07', '2025-08', '2025-09']],
  ])('a run of %j is %s', (months, colour, shown) => {
    const i = stall(months);
    expect(bareResult(colourOf(i, HANDAN_2018.colour))).toEqual({
      colour,
      findings: shown.length === 0 ? [ON_PLAN] : [ON_PLAN, stallFinding(colour, shown)],
    });
    expect(i.stalledMonths).toEqual(months); // the input is not reversed in place
  });

  it('picks the highest step reached, whatever the order of the steps', () => {
    const reversed = withColour({
      stall: {
        enabled: true,
        steps: [
          { atLeast: 3, colour: 'red' },
          { atLeast: 2, colour: 'yellow' },
        ],
      },
    });
    expect(colourOf(stall(['2025-09', '2025-08', '2025-07']), reversed).colour).toBe('red');
    expect(colourOf(stall(['2025-09', '2025-08']), reversed).colour).toBe('yellow');
    expect(colourOf(stall(['2025-09']), reversed).colour).toBe('green');
    const tie = withColour({
      stall: {
        enabled: true,
        steps: [
          { atLeast: 2, colour: 'yellow' },
          { atLeast: 2, colour: 'red' },
        ],
      },
    });
    expect(colourOf(stall(['2025-09', '2025-08']), tie).colour).toBe('red');
    const tieReversed = withColour({
      stall: {
        enabled: true,
        steps: [
          { atLeast: 2, colour: 'red' },
          { atLeast: 2, colour: 'yellow' },
        ],
      },
    });
    expect(colourOf(stall(['2025-09', '2025-08']), tieReversed).colour).toBe('red');
  });

  it('gives the worst colour of the steps reached, even when a later step is milder ("at least" this colour)', () => {
    const milderLater = withColour({
      stall: {
        enabled: true,
        steps: [
          { atLeast: 1, colour: 'red' },
          { atLeast: 3, colour: 'yellow' },
        ],
      },
    });
    expect(colourOf(stall(['2025-09', '2025-08', '2025-07']), milderLater).colour).toBe('red');
    expect(colourOf(stall(['2025-09']), milderLater).colour).toBe('red');
    expect(colourOf(stall([]), milderLater).colour).toBe('green');
  });

  it('is silent when disabled', () => {
    const off = withColour({ stall: { ...HANDAN_2018.colour.stall, enabled: false } });
    expect(bareResult(colourOf(stall(['2025-09', '2025-08', '2025-07']), off))).toEqual({ colour: 'green', findings: [ON_PLAN] });
  });
});

describe('colourOf: overdue milestones', () => {
  const ms = (id: string, kind: Milestone['kind'], due: string): Milestone => ({ id, kind, name: `节点${id}`, due: d(due) });
  const overdueFinding = (colour: string, m: Milestone, n: number): Record<string, unknown> =>
    finding('colour.overdueMilestone', sev(colour), {
      month: '2025-09',
      colour,
      milestoneId: m.id,
      kind: m.kind,
      due: m.due,
      overdueMonths: n,
    });
  const s = ms('s', 'start', '2025-06-30');
  const c = ms('c', 'completion', '2025-08-31');

  it.each([
    [0, 'green'],
    [1, 'yellow'],
    [2, 'yellow'],
    [3, 'red'],
    [4, 'red'],
  ])('a start overdue by %i month-ends is %s', (n, colour) => {
    expect(bareResult(colourOf(input({ overdue: [{ milestone: s, overdueMonths: n }] }), HANDAN_2018.colour))).toEqual({
      colour,
      findings: n === 0 ? [ON_PLAN] : [ON_PLAN, overdueFinding(colour, s, n)],
    });
  });

  it('rates every overdue milestone of the kinds the policy names, in order; the worst wins', () => {
    const overdue = [
      { milestone: s, overdueMonths: 3 },
      { milestone: ms('p', 'procedure', '2025-01-31'), overdueMonths: 8 },
      { milestone: c, overdueMonths: 1 },
    ];
    expect(bareResult(colourOf(input({ overdue }), HANDAN_2018.colour))).toEqual({
      colour: 'red',
      findings: [ON_PLAN, overdueFinding('red', s, 3), overdueFinding('yellow', c, 1)],
    });
    // yinchuan looks at start milestones only (green, yellow, red: yellow is a warning there too).
    const yc = bareResult(
      colourOf(
        input({
          overdue: [
            { milestone: c, overdueMonths: 3 },
            { milestone: s, overdueMonths: 1 },
          ],
        }),
        YINCHUAN.colour,
      ),
    );
    expect(yc).toEqual({
      colour: 'yellow',
      findings: [lagFinding('green', '900', '75.00', '0.00', '< 10'), overdueFinding('yellow', s, 1)],
    });
  });

  it('is silent when disabled', () => {
    const off = withColour({ overdueMilestone: { ...HANDAN_2018.colour.overdueMilestone, enabled: false } });
    expect(bareResult(colourOf(input({ overdue: [{ milestone: s, overdueMonths: 5 }] }), off))).toEqual({
      colour: 'green',
      findings: [ON_PLAN],
    });
  });
});

describe('colourOf: missing report and open stalls', () => {
  const stall = (since: string, cause: Stall['cause'], note?: string): Stall => ({
    since: d(since),
    cause,
    ...(note !== undefined && { note }),
  });

  it('no report for the month gives the policy colour; a report, or the rule off, nothing', () => {
    expect(bareResult(colourOf(input({ hasReport: false }), HANDAN_2018.colour))).toEqual({
      colour: 'yellow',
      findings: [ON_PLAN, finding('colour.missingReport', 'warning', { month: '2025-09', colour: 'yellow' })],
    });
    const redIfMissing = withColour({ missingReport: { enabled: true, colour: 'red' } });
    expect(bareResult(colourOf(input({ hasReport: false }), redIfMissing))).toEqual({
      colour: 'red',
      findings: [ON_PLAN, finding('colour.missingReport', 'critical', { month: '2025-09', colour: 'red' })],
    });
    expect(bareResult(colourOf(input({ hasReport: true }), redIfMissing))).toEqual({ colour: 'green', findings: [ON_PLAN] });
    const off = withColour({ missingReport: { enabled: false, colour: 'red' } });
    expect(bareResult(colourOf(input({ hasReport: false }), off))).toEqual({ colour: 'green', findings: [ON_PLAN] });
  });

  it('each open stall gives the policy colour, with its note when it has one', () => {
    const openStalls = [stall('2025-08-01', 'objective'), stall('2025-09-30', 'insufficientPreliminaryStudy', '征地未完成')];
    expect(bareResult(colourOf(input({ openStalls }), HANDAN_2018.colour))).toEqual({
      colour: 'red',
      findings: [
        ON_PLAN,
        finding('colour.openStall', 'critical', { month: '2025-09', colour: 'red', since: '2025-08-01', cause: 'objective' }),
        finding('colour.openStall', 'critical', {
          month: '2025-09',
          colour: 'red',
          since: '2025-09-30',
          cause: 'insufficientPreliminaryStudy',
          note: '征地未完成',
        }),
      ],
    });
    const white = withColour({ openStall: { enabled: true, colour: 'white' } });
    expect(bareResult(colourOf(input({ openStalls: [stall('2025-08-01', 'other')] }), white))).toEqual({
      colour: 'white',
      findings: [ON_PLAN, finding('colour.openStall', 'info', { month: '2025-09', colour: 'white', since: '2025-08-01', cause: 'other' })],
    });
    const off = withColour({ openStall: { enabled: false, colour: 'red' } });
    expect(bareResult(colourOf(input({ openStalls }), off))).toEqual({ colour: 'green', findings: [ON_PLAN] });
  });
});

describe('colourOf: the worst rule wins', () => {
  it('a worse colour proposed first is not undone by a milder one after it', () => {
    const i = input({ metrics: metrics('900', '500'), stalledMonths: [ym('2025-09'), ym('2025-08')], hasReport: false });
    expect(bareResult(colourOf(i, HANDAN_2018.colour))).toEqual({
      colour: 'red',
      findings: [
        lagFinding('red', '500', '41.67', '33.33', 'otherwise'),
        finding('colour.stall', 'warning', { month: '2025-09', colour: 'yellow', stallRun: 2, months: ['2025-08', '2025-09'] }),
        finding('colour.missingReport', 'warning', { month: '2025-09', colour: 'yellow' }),
      ],
    });
  });

  it('a milder investment colour is raised by a worse rule', () => {
    const i = input({ metrics: metrics('900', '899'), stalledMonths: [ym('2025-09'), ym('2025-08')] });
    expect(colourOf(i, HANDAN_2018.colour).colour).toBe('yellow');
    const j = input({ metrics: metrics('900', '780'), openStalls: [{ since: d('2025-09-01'), cause: 'other' }] });
    expect(colourOf(j, HANDAN_2018.colour).colour).toBe('red');
  });
});

describe('colourOf: why the investment was not rated', () => {
  it('gives a different message for a zero annual plan and for nothing planned to date', () => {
    const zero = colourOf(input({ metrics: metrics('0', '0', '0') }), SANYA.colour).findings[0]?.message;
    const nothing = colourOf(input({ metrics: metrics('0', '0') }), SANYA.colour).findings[0]?.message;
    expect(zero?.en).not.toBe(nothing?.en);
    expect(zero?.zh).not.toBe(nothing?.zh);
  });
});

// Shapes the ColourPolicy type allows but parsePolicy rejects (a bounded last band, a month without
// bands, an empty scale): colourOf still answers predictably.
describe('colourOf: unvalidated policies', () => {
  it('falls back to the last band when no band admits the value', () => {
    const upper = withColour({
      investment: {
        kind: 'lagPp',
        bands: [
          { colour: 'green', upTo: '0', inclusive: true },
          { colour: 'yellow', upTo: '10', inclusive: true },
        ],
      },
    });
    expect(bareResult(colourOf(input({ metrics: metrics('900', '600') }), upper))).toEqual({
      colour: 'yellow',
      findings: [lagFinding('yellow', '600', '50.00', '25.00', '≤ 10')],
    });
    const lower = withColour({
      investment: {
        kind: 'completionRatio',
        bands: [
          { colour: 'green', atLeast: '1' },
          { colour: 'yellow', atLeast: '0.5' },
        ],
      },
    });
    expect(bareResult(colourOf(input({ metrics: metrics('900', '360') }), lower))).toEqual({
      colour: 'yellow',
      findings: [
        finding('colour.investment', 'warning', {
          month: '2025-09',
          colour: 'yellow',
          plannedToDate: '900',
          completedToDate: '360',
          annualPlan: '1200',
          ratio: '0.4000',
          band: '≥ 0.5',
        }),
      ],
    });
  });

  it('does not rate a month that has no bands', () => {
    const empty = withColour({
      investment: { kind: 'annualShare', byMonth: Array.from({ length: 12 }, (_, i) => (i === 8 ? [] : [{ colour: 'red' }])) },
    });
    const short = withColour({ investment: { kind: 'annualShare', byMonth: [[{ colour: 'red' }]] } });
    for (const policy of [empty, short]) {
      expect(bareResult(colourOf(input(), policy))).toEqual({
        colour: 'green',
        findings: [notRated('nothingPlannedToDate', '900', '900', '1200')],
      });
    }
    expect(colourOf(input({ month: ym('2025-08') }), empty).colour).toBe('red');
  });

  it('gives the empty colour id with an empty scale', () => {
    expect(bareResult(colourOf(input({ metrics: metrics('0', '0', '0') }), withColour({ scale: [] })))).toEqual({
      colour: '',
      findings: [notRated('zeroAnnualPlan', '0', '0', '0')],
    });
  });
});

// ---------------------------------------------------------------------------------------------------

type BareLine = Omit<ProjectEvaluation, 'findings'> & { findings: Bare[] };

function reconciled(p: Project, ctx: Partial<ReconcileContext> = {}): BareLine {
  const line = reconcileProject(p, { asOf: AS_OF, month: SEP, policy: HANDAN_2018, ...ctx });
  return { ...line, findings: bare(line.findings) };
}

const rp = (p: RawProject, ctx: Partial<ReconcileContext> = {}): BareLine => reconciled(parsed(p), ctx);

describe('reconcileProject', () => {
  const BASE = {
    projectId: 'P',
    name: '项目P',
    departmentId: 'D1',
    colour: 'green',
    computedColour: 'green',
    plannedToDate: '900',
    completedToDate: '900',
    annualPlan: '1200',
    schedulePct: '75.00',
    progressPct: '75.00',
    lagPp: '0.00',
    stallRun: 0,
    forecast: { runRate: '100', requiredMonthly: '100', projectedYearEnd: '1200' },
    milestones: [],
    findings: [ON_PLAN],
  };

  it('gives the whole line of a project on plan; months after m are not summed', () => {
    expect(rp(project('P', reportsUpTo(9)))).toEqual(BASE);
    expect(rp(project('P', [...reportsUpTo(9), report(10, '5000'), report(11, '-3')]))).toEqual(BASE);
  });

  it('shows a hair ahead as 0.00, never -0.00, and rates it green', () => {
    expect(rp(project('P', [...reportsUpTo(8), report(9, '100.000001')]))).toEqual({
      ...BASE,
      completedToDate: '900.000001',
      progressPct: '75.00',
      lagPp: '0.00',
      forecast: { runRate: '100', requiredMonthly: '100', projectedYearEnd: '1200' },
      findings: [lagFinding('green', '900.000001', '75.00', '0.00', '≤ 0')],
    });
  });

  it('gives the whole line of a project behind, with its forecast rounded per the policy', () => {
    const p = project('P', [...reportsUpTo(8), report(9, '0')]);
    const line = {
      ...BASE,
      colour: 'white',
      computedColour: 'white',
      completedToDate: '800',
      progressPct: '66.67',
      lagPp: '8.33',
      stallRun: 1,
      forecast: { runRate: '88.89', requiredMonthly: '133.33', projectedYearEnd: '1066.67' },
      findings: [lagFinding('white', '800', '66.67', '8.33', '< 10')],
    };
    // One stalled month is no rule; white.
    expect(rp(p)).toEqual(line);
    const whole: Policy = { ...HANDAN_2018, forecast: { decimals: 0 } };
    expect(rp(p, { policy: whole })).toEqual({
      ...line,
      forecast: { runRate: '89', requiredMonthly: '133', projectedYearEnd: '1067' },
    });
  });

  it('counts the stall run up to m: 2 months yellow, 3 red', () => {
    const two = project('P', [...reportsUpTo(7), report(8, '100', { noProgress: true }), report(9, '0')]);
    expect(rp(two)).toEqual({
      ...BASE,
      colour: 'yellow',
      computedColour: 'yellow',
      completedToDate: '800',
      progressPct: '66.67',
      lagPp: '8.33',
      stallRun: 2,
      forecast: { runRate: '88.89', requiredMonthly: '133.33', projectedYearEnd: '1066.67' },
      findings: [
        lagFinding('white', '800', '66.67', '8.33', '< 10'),
        finding('colour.stall', 'warning', { month: '2025-09', colour: 'yellow', stallRun: 2, months: ['2025-08', '2025-09'] }),
      ],
    });
    const three = project('P', [...reportsUpTo(6), report(7, '0'), report(8, '0'), report(9, '0')]);
    expect(rp(three)).toEqual({
      ...BASE,
      colour: 'red',
      computedColour: 'red',
      completedToDate: '600',
      progressPct: '50.00',
      lagPp: '25.00',
      stallRun: 3,
      forecast: { runRate: '66.67', requiredMonthly: '200', projectedYearEnd: '800' },
      findings: [
        lagFinding('yellow', '600', '50.00', '25.00', '≤ 30'),
        finding('colour.stall', 'critical', { month: '2025-09', colour: 'red', stallRun: 3, months: ['2025-07', '2025-08', '2025-09'] }),
      ],
    });
  });

  it('without a report for m: yellow, and a report for another month does not count', () => {
    expect(rp(project('P', [...reportsUpTo(8, '112.5'), report(10, '0')]))).toEqual({
      ...BASE,
      colour: 'yellow',
      computedColour: 'yellow',
      forecast: { runRate: '100', requiredMonthly: '100', projectedYearEnd: '1200' },
      findings: [ON_PLAN, finding('colour.missingReport', 'warning', { month: '2025-09', colour: 'yellow' })],
    });
  });

  it('a zero annual plan: null percentages, the sums, green', () => {
    expect(rp(project('P', reportsUpTo(9, '10'), { annualPlan: '0', ledger: ledger([]) }))).toEqual({
      ...BASE,
      plannedToDate: '0',
      completedToDate: '90',
      annualPlan: '0',
      schedulePct: null,
      progressPct: null,
      lagPp: null,
      forecast: { runRate: '10', requiredMonthly: '-30', projectedYearEnd: '120' },
      findings: [notRated('zeroAnnualPlan', '0', '90', '0')],
    });
  });

  describe('milestones', () => {
    const raw = [
      { id: 'b', kind: 'procedure', name: '施工许可', due: '2025-06-30' },
      { id: 'e', kind: 'completion', name: '竣工', due: '2025-10-14' },
      { id: 'a', kind: 'physical', name: '主体封顶', due: '2025-06-30', achievedOn: '2025-06-30' },
      { id: 'd', kind: 'completion', name: '二期竣工', due: '2025-10-15' },
      { id: 'c', kind: 'start', name: '开工', due: '2025-03-31', achievedOn: '2025-04-02' },
      { id: 'f', kind: 'start', name: '二期开工', due: '2025-08-31' },
    ];
    const withMs = (ms: Record<string, unknown>[], reports = reportsUpTo(9)): RawProject => project('P', reports, { milestones: ms });
    const achievedF = [...reportsUpTo(8), report(9, '100', { achieved: { f: '2025-09-30' } })];
    const expected = [
      { id: 'c', kind: 'start', name: '开工', due: '2025-03-31', achievedOn: '2025-04-02', state: 'late' },
      { id: 'a', kind: 'physical', name: '主体封顶', due: '2025-06-30', achievedOn: '2025-06-30', state: 'met' },
      { id: 'b', kind: 'procedure', name: '施工许可', due: '2025-06-30', achievedOn: null, state: 'overdue' },
      { id: 'f', kind: 'start', name: '二期开工', due: '2025-08-31', achievedOn: '2025-09-30', state: 'late' },
      { id: 'e', kind: 'completion', name: '竣工', due: '2025-10-14', achievedOn: null, state: 'overdue' },
      { id: 'd', kind: 'completion', name: '二期竣工', due: '2025-10-15', achievedOn: null, state: 'pending' },
    ];

    it('lists them by due date then id, with state at asOf, whatever the input order; none overdue at E(m)', () => {
      expect(rp(withMs(raw, achievedF))).toEqual({ ...BASE, milestones: expected });
      expect(rp(withMs([...raw].reverse(), achievedF))).toEqual({ ...BASE, milestones: expected });
      const shuffled = [3, 0, 5, 2, 4, 1].flatMap((i) => raw[i] ?? []);
      expect(rp(withMs(shuffled, achievedF))).toEqual({ ...BASE, milestones: expected });
    });

    const start = (due: string, achievedOn?: string): RawProject =>
      withMs([{ id: 's', kind: 'start', name: '开工', due, ...(achievedOn !== undefined && { achievedOn }) }]);
    const overdueLine = (due: string, achievedOn: string | null, state: string, colour: string, n: number): Record<string, unknown> => ({
      ...BASE,
      colour,
      computedColour: colour,
      milestones: [{ id: 's', kind: 'start', name: '开工', due, achievedOn, state }],
      findings:
        n === 0
          ? [ON_PLAN]
          : [
              ON_PLAN,
              finding('colour.overdueMilestone', sev(colour), {
                month: '2025-09',
                colour,
                milestoneId: 's',
                kind: 'start',
                due,
                overdueMonths: n,
              }),
            ],
    });

    it.each([
      ['2025-10-15', 'pending', 'green', 0], // due on asOf: not late yet
      ['2025-10-01', 'overdue', 'green', 0], // overdue at asOf, not at E(m)
      ['2025-09-30', 'overdue', 'green', 0], // due on E(m): not overdue at m
      ['2025-09-29', 'overdue', 'yellow', 1],
      ['2025-08-01', 'overdue', 'yellow', 2],
      ['2025-07-31', 'overdue', 'yellow', 2],
      ['2025-07-30', 'overdue', 'red', 3],
      ['2025-06-30', 'overdue', 'red', 3],
    ])('a start due %s, not achieved: %s, %s', (due, state, colour, n) => {
      expect(rp(start(due))).toEqual(overdueLine(due, null, state, colour, n));
    });

    it('an achievement on or before E(m) clears the overdue; one after it does not', () => {
      expect(rp(start('2025-06-30', '2025-09-30'))).toEqual(overdueLine('2025-06-30', '2025-09-30', 'late', 'green', 0));
      expect(rp(start('2025-06-30', '2025-10-01'))).toEqual(overdueLine('2025-06-30', '2025-10-01', 'late', 'red', 3));
    });

    it('rates a completion milestone too, and never a procedure one', () => {
      const line = rp(
        withMs([
          { id: 'k', kind: 'completion', name: '竣工', due: '2025-09-15' },
          { id: 'p', kind: 'procedure', name: '用地', due: '2025-01-31' },
        ]),
      );
      expect(line.colour).toBe('yellow');
      expect(line.findings).toEqual([
        ON_PLAN,
        finding('colour.overdueMilestone', 'warning', {
          month: '2025-09',
          colour: 'yellow',
          milestoneId: 'k',
          kind: 'completion',
          due: '2025-09-15',
          overdueMonths: 1,
        }),
      ]);
    });

    it('passes only overdue milestones to the rule, even when a step starts at 0', () => {
      const policy: Policy = {
        ...HANDAN_2018,
        colour: {
          ...HANDAN_2018.colour,
          overdueMilestone: {
            ...HANDAN_2018.colour.overdueMilestone,
            steps: [
              { atLeast: 0, colour: 'white' },
              { atLeast: 1, colour: 'yellow' },
            ],
          },
        },
      };
      expect(rp(start('2025-12-31'), { policy })).toEqual(overdueLine('2025-12-31', null, 'pending', 'green', 0));
    });
  });

  describe('open stalls at E(m)', () => {
    const withStalls = (stalls: Record<string, unknown>[]): RawProject => project('P', reportsUpTo(9), { stalls });
    const open = (since: string, cause: string, extra: Record<string, unknown> = {}): Record<string, unknown> =>
      finding('colour.openStall', 'critical', { month: '2025-09', colour: 'red', since, cause, ...extra });

    it.each([
      [{ since: '2025-09-30', cause: 'objective' }, true], // began on E(m)
      [{ since: '2025-10-01', cause: 'objective' }, false], // began after E(m)
      [{ since: '2025-08-01', until: '2025-09-30', cause: 'other' }, false], // resumed on E(m)
      [{ since: '2025-08-01', until: '2025-10-01', cause: 'other' }, true], // resumed after E(m)
      [{ since: '2025-10-01', until: '2025-10-02', cause: 'other' }, false],
    ])('%j open: %s', (s, isOpen) => {
      const line = rp(withStalls([s]));
      expect(line).toEqual(isOpen ? { ...BASE, colour: 'red', computedColour: 'red', findings: [ON_PLAN, open(s.since, s.cause)] } : BASE);
    });

    it('reports each open stall, with its note', () => {
      const line = rp(
        withStalls([
          { since: '2025-03-01', until: '2025-04-01', cause: 'objective' },
          { since: '2025-09-10', cause: 'insufficientPreliminaryStudy', note: '方案调整' },
        ]),
      );
      expect(line.findings).toEqual([ON_PLAN, open('2025-09-10', 'insufficientPreliminaryStudy', { note: '方案调整' })]);
    });
  });

  describe('overrides', () => {
    const o = (colour: string): Override => ({ projectId: 'P', month: SEP, colour, reason: '现场核查', by: '市发改委' });

    it('an override in the scale replaces the colour and keeps the computed one', () => {
      expect(rp(project('P', reportsUpTo(9)), { override: o('yellow') })).toEqual({
        ...BASE,
        colour: 'yellow',
        findings: [
          ON_PLAN,
          finding('colour.override', 'info', {
            month: '2025-09',
            computedColour: 'green',
            colour: 'yellow',
            reason: '现场核查',
            by: '市发改委',
          }),
        ],
      });
      expect(rp(project('P', reportsUpTo(9)), { override: o('green') }).colour).toBe('green');
    });

    it('an override outside the scale is ignored with a warning', () => {
      expect(rp(project('P', reportsUpTo(9)), { override: o('purple') })).toEqual({
        ...BASE,
        findings: [
          ON_PLAN,
          finding('colour.override', 'warning', {
            month: '2025-09',
            colour: 'purple',
            scale: ['green', 'white', 'yellow', 'red'],
            reason: '现场核查',
            by: '市发改委',
          }),
        ],
      });
      // yinchuan has no white.
      const yc = rp(project('P', reportsUpTo(9)), { override: o('white'), policy: YINCHUAN });
      expect(yc.colour).toBe('green');
      expect(yc.computedColour).toBe('green');
      expect(yc.findings[1]).toEqual(
        finding('colour.override', 'warning', {
          month: '2025-09',
          colour: 'white',
          scale: ['green', 'yellow', 'red'],
          reason: '现场核查',
          by: '市发改委',
        }),
      );
    });
  });

  it('without an evaluated month: every figure null, milestones still stated, no finding even with an override', () => {
    const p = project('P', [], {
      milestones: [
        { id: 'x', kind: 'start', name: '开工', due: '2025-02-05' },
        { id: 'w', kind: 'procedure', name: '立项', due: '2025-02-04' },
      ],
    });
    expect(
      rp(p, {
        asOf: d('2025-02-05'),
        month: null,
        override: { projectId: 'P', month: ym('2025-01'), colour: 'red', reason: 'r', by: 'b' },
      }),
    ).toEqual({
      ...BASE,
      colour: null,
      computedColour: null,
      plannedToDate: null,
      completedToDate: null,
      schedulePct: null,
      progressPct: null,
      lagPp: null,
      stallRun: null,
      forecast: { runRate: null, requiredMonthly: null, projectedYearEnd: null },
      milestones: [
        { id: 'w', kind: 'procedure', name: '立项', due: '2025-02-04', achievedOn: null, state: 'overdue' },
        { id: 'x', kind: 'start', name: '开工', due: '2025-02-05', achievedOn: null, state: 'pending' },
      ],
      findings: [],
    });
  });

  it('evaluates January, a stall run not reaching back into the previous year', () => {
    const base = parsed(project('P', []));
    const crossYear: Project = { ...base, reports: [rep('2024-12', '0', { noProgress: true }), rep('2025-01', '0', { noProgress: true })] };
    const jan: YearMonth = ym('2025-01');
    const line = reconciled(crossYear, { asOf: d('2025-02-06'), month: jan });
    expect(line).toEqual({
      ...BASE,
      colour: 'white',
      computedColour: 'white',
      plannedToDate: '100',
      completedToDate: '0',
      schedulePct: '8.33',
      progressPct: '0.00',
      lagPp: '8.33',
      stallRun: 1,
      forecast: { runRate: '0', requiredMonthly: '109.09', projectedYearEnd: '0' },
      findings: [lagFinding('white', '0', '0.00', '8.33', '< 10', { planned: '100', schedulePct: '8.33', month: '2025-01' })],
    });
  });
});
