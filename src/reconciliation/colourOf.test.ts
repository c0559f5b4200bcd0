// Tests of colourOf (1.3, 四色评价): the colour of a project for a month under each rule of the policy, and
// the messages of its findings.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { colourInput, metrics } from '../../test/fixtures/colour.js';
import { D } from '../../test/fixtures/decimalOracle.js';
import {
  type Bare,
  bare,
  expectContains,
  finding,
  lagFinding,
  notRated,
  ON_PLAN,
  only,
  sev,
  withColour,
} from '../../test/fixtures/reconciliation.js';
import { parseCalendarDate, parseYearMonth } from '../calendar/index.js';
import type { Finding } from '../findings/index.js';
import { formatRatio, parseAmount, ratioOf, type Amount } from '../money/index.js';
import {
  HANDAN_2018,
  JINHUA,
  PRESETS,
  SANYA,
  TIANJIN_BOND,
  YINCHUAN,
  type ColourPolicy,
  type LowerBand,
  type UpperBand,
} from '../policy/index.js';
import type { Milestone, Stall } from '../portfolio/index.js';
import { colourOf, withoutMinus, type ColourInput, type ColourResult } from './colourOf.js';

const d = parseCalendarDate;
const ym = parseYearMonth;
const SEP = ym('2025-09');

const input = colourInput;

const bareResult = (r: ColourResult): { colour: string; findings: Bare[] } => ({ colour: r.colour, findings: bare(r.findings) });

const messageOf = (r: ColourResult, rule: Finding['rule']): Finding['message'] => only(r.findings, rule).message;

/** The message with the given values blanked out, to compare the wording around them. */
function template(message: Finding['message'], values: readonly string[]): { zh: string; en: string } {
  const blank = (s: string): string => values.reduce((acc, v) => acc.split(v).join('#'), s);
  return { zh: blank(message.zh), en: blank(message.en) };
}

describe('colourOf', () => {
  describe('the lag bands of handan-2018', () => {
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

  describe('ratio presets', () => {
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

  describe('annual share (jinhua)', () => {
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

  describe('severities follow the position in the scale', () => {
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

  describe('stalled months', () => {
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

  describe('overdue milestones', () => {
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

  describe('missing report and open stalls', () => {
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
        findings: [
          ON_PLAN,
          finding('colour.openStall', 'info', { month: '2025-09', colour: 'white', since: '2025-08-01', cause: 'other' }),
        ],
      });
      const off = withColour({ openStall: { enabled: false, colour: 'red' } });
      expect(bareResult(colourOf(input({ openStalls }), off))).toEqual({ colour: 'green', findings: [ON_PLAN] });
    });
  });

  describe('the worst rule wins', () => {
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

  describe('why the investment was not rated', () => {
    it('gives a different message for a zero annual plan and for nothing planned to date', () => {
      const zero = colourOf(input({ metrics: metrics('0', '0', '0') }), SANYA.colour).findings[0]?.message;
      const nothing = colourOf(input({ metrics: metrics('0', '0') }), SANYA.colour).findings[0]?.message;
      expect(zero?.en).not.toBe(nothing?.en);
      expect(zero?.zh).not.toBe(nothing?.zh);
    });
  });

  // Shapes the ColourPolicy type allows but parsePolicy rejects (a bounded last band, a month without
  // bands, an empty scale): colourOf still answers predictably.

  describe('unvalidated policies', () => {
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

  describe('messages: investment lag (handan-2018)', () => {
    // Planned 900 to date of 1200: each 12 of completed investment is 1 pp.
    const rate = (completed: string): ColourResult => colourOf(input({ metrics: metrics('900', completed) }), HANDAN_2018.colour);

    it.each([
      ['960', '5.00', 'green', '绿'], // ahead
      ['840', '5.00', 'white', '白'], // behind
      ['600', '25.00', 'yellow', '黄'],
      ['480', '35.00', 'red', '红'],
    ])('completed %s shows %s pp and the colour %s', (completed, shown, colour, zh) => {
      const m = messageOf(rate(completed), 'colour.investment');
      expectContains(m, [shown, zh, '序时'], [shown, colour, 'schedule']);
      expect(m.zh).not.toContain(`-${shown}`);
      expect(m.en).not.toContain(`-${shown}`);
    });

    it('on schedule names the schedule and its colour', () => {
      expectContains(messageOf(rate('900'), 'colour.investment'), ['序时', '绿'], ['schedule', 'green']);
    });

    it('says ahead, on schedule and behind differently', () => {
      const ahead = template(messageOf(rate('960'), 'colour.investment'), ['5.00', '绿', 'green']);
      const on = template(messageOf(rate('900'), 'colour.investment'), ['0.00', '绿', 'green']);
      const behind = template(messageOf(rate('840'), 'colour.investment'), ['5.00', '白', 'white']);
      for (const [x, y] of [
        [ahead, on],
        [ahead, behind],
        [on, behind],
      ] as const) {
        expect(x.zh).not.toBe(y.zh);
        expect(x.en).not.toBe(y.en);
      }
    });
  });

  describe('messages: investment ratio and annual share', () => {
    it.each([
      ['450', '0.5000', 'yellow', '黄'],
      ['1000', '1.1111', 'green', '绿'],
      ['449.99', '0.5000', 'red', '红'],
    ])('sanya: completed %s of 900 shows the ratio %s and %s', (completed, shown, colour, zh) => {
      const m = messageOf(colourOf(input({ metrics: metrics('900', completed) }), SANYA.colour), 'colour.investment');
      expectContains(m, [shown, zh], [shown, colour]);
    });

    it.each([
      ['540', '45.00', 'yellow', '黄'],
      ['907.2', '75.60', 'blue', '蓝'],
    ])('jinhua: completed %s of 1200 shows %s %% and %s', (completed, shown, colour, zh) => {
      const m = messageOf(colourOf(input({ metrics: metrics('900', completed) }), JINHUA.colour), 'colour.investment');
      expectContains(m, [shown, zh], [shown, colour]);
    });
  });

  describe('messages: investment not rated', () => {
    // Worked out inside each test, so that a failure is a failed test rather than a suite that cannot load.
    const zeroAndNone = (): readonly [Finding['message'], Finding['message']] => [
      messageOf(colourOf(input({ metrics: metrics('900', '100', '0') }), SANYA.colour), 'colour.investment'),
      messageOf(colourOf(input({ metrics: metrics('0', '50') }), SANYA.colour), 'colour.investment'),
    ];

    it('tells a zero annual plan from nothing planned to date', () => {
      const [zero, none] = zeroAndNone();
      expect(zero.zh).not.toBe(none.zh);
      expect(zero.en).not.toBe(none.en);
    });

    it('names the annual plan and its 0 only when the annual plan is 0', () => {
      const [zero, none] = zeroAndNone();
      expectContains(zero, ['年度', '0'], ['annual', '0']);
      expect(none.zh).not.toContain('年度');
      expect(none.en).not.toContain('annual');
    });

    it('gives the same reason the same message under every investment rule', () => {
      const [zero, none] = zeroAndNone();
      expect(messageOf(colourOf(input({ metrics: metrics('900', '100', '0') }), HANDAN_2018.colour), 'colour.investment')).toEqual(zero);
      expect(messageOf(colourOf(input({ metrics: metrics('0', '50') }), SANYA.colour), 'colour.investment')).toEqual(none);
    });
  });

  describe('messages: stalls, milestones, missing report, open stalls', () => {
    it.each([
      [['2025-09', '2025-08'], '2', 'yellow', '黄'],
      [['2025-09', '2025-08', '2025-07'], '3', 'red', '红'],
    ])('a stall run of %j shows %s and %s', (months, run, colour, zh) => {
      const m = messageOf(colourOf(input({ stalledMonths: months.map(ym) }), HANDAN_2018.colour), 'colour.stall');
      expectContains(m, [run, zh], [run, colour]);
    });

    const ms = (id: string, kind: Milestone['kind'], name: string, due: string): Milestone => ({ id, kind, name, due: d(due) });

    it('an overdue start names 开工, the milestone, its due date and the month-ends overdue', () => {
      const m = ms('pile', 'start', '桩基施工', '2025-07-31');
      const msg = messageOf(
        colourOf(input({ overdue: [{ milestone: m, overdueMonths: 2 }] }), HANDAN_2018.colour),
        'colour.overdueMilestone',
      );
      expectContains(msg, ['开工', '桩基施工', '2025-07-31', '2', '黄'], ['start', 'pile', '2025-07-31', '2', 'yellow']);
      expect(msg.zh).not.toContain('竣工');
      expect(msg.zh).not.toContain('start');
    });

    it('an overdue completion names 竣工', () => {
      const m = ms('handover', 'completion', '主体交付', '2025-06-30');
      const msg = messageOf(
        colourOf(input({ overdue: [{ milestone: m, overdueMonths: 3 }] }), HANDAN_2018.colour),
        'colour.overdueMilestone',
      );
      expectContains(msg, ['竣工', '主体交付', '2025-06-30', '3', '红'], ['completion', 'handover', '2025-06-30', '3', 'red']);
      expect(msg.zh).not.toContain('开工');
      expect(msg.zh).not.toContain('completion');
    });

    it('a missing report names the evaluated month', () => {
      const msg = messageOf(colourOf(input({ month: ym('2025-08'), hasReport: false }), HANDAN_2018.colour), 'colour.missingReport');
      expectContains(msg, ['2025-08', '黄'], ['2025-08', 'yellow']);
    });

    it('an open stall names its start date, and its evidence has no note key without a note', () => {
      const s: Stall = { since: d('2025-09-10'), cause: 'objective' };
      const r = colourOf(input({ openStalls: [s] }), HANDAN_2018.colour);
      const f = only(r.findings, 'colour.openStall');
      expectContains(f.message, ['2025-09-10', '红'], ['2025-09-10', 'red']);
      expect(bare([f])).toStrictEqual([
        {
          rule: 'colour.openStall',
          subject: { kind: 'project', id: 'P' },
          severity: 'critical',
          evidence: { month: '2025-09', colour: 'red', since: '2025-09-10', cause: 'objective' },
        },
      ]);
    });
  });

  describe('colours outside the scale (unvalidated policies)', () => {
    const purpleStall = (steps: ColourPolicy['stall']['steps'], over: Partial<ColourPolicy> = {}): ColourPolicy =>
      withColour({ stall: { enabled: true, steps }, ...over });
    const stallFinding = (colour: string): Bare => ({
      rule: 'colour.stall',
      subject: { kind: 'project', id: 'P' },
      severity: 'info',
      evidence: { month: '2025-09', colour, stallRun: 1, months: ['2025-09'] },
    });

    it('a step colour outside the scale is still proposed, named by its id, without changing the colour', () => {
      const r = colourOf(input({ stalledMonths: [SEP] }), purpleStall([{ atLeast: 1, colour: 'purple' }]));
      expect({ colour: r.colour, findings: bare(r.findings) }).toEqual({ colour: 'green', findings: [ON_PLAN, stallFinding('purple')] });
      expectContains(messageOf(r, 'colour.stall'), ['purple'], ['purple']);
    });

    it('of two steps of equal rank, the first reached is kept', () => {
      const r = colourOf(
        input({ stalledMonths: [SEP] }),
        purpleStall([
          { atLeast: 1, colour: 'purple' },
          { atLeast: 1, colour: 'orange' },
        ]),
      );
      expect({ colour: r.colour, findings: bare(r.findings) }).toEqual({ colour: 'green', findings: [ON_PLAN, stallFinding('purple')] });
    });

    it('with an empty scale, a colour outside it does not replace the empty colour', () => {
      const r = colourOf(
        input({ metrics: metrics('0', '0', '0'), stalledMonths: [SEP] }),
        purpleStall([{ atLeast: 1, colour: 'purple' }], { scale: [] }),
      );
      expect({ colour: r.colour, findings: bare(r.findings) }).toEqual({
        colour: '',
        findings: [
          {
            rule: 'colour.investment',
            subject: { kind: 'project', id: 'P' },
            severity: 'info',
            evidence: {
              month: '2025-09',
              colour: null,
              reason: 'zeroAnnualPlan',
              plannedToDate: '0',
              completedToDate: '0',
              annualPlan: '0',
            },
          },
          stallFinding('purple'),
        ],
      });
    });

    it('does not rate the investment of metrics whose measure is missing, and does not throw', () => {
      const full = metrics('900', '840');
      const r = colourOf(input({ metrics: { ...full, lagPp: null } }), HANDAN_2018.colour);
      expect(r.colour).toBe('green');
      expect(r.findings.map((f) => [f.rule, f.evidence['reason']])).toEqual([['colour.investment', 'nothingPlannedToDate']]);
    });

    it('shows null percentages of lag-only metrics as null', () => {
      const full = metrics('900', '840');
      const r = colourOf(input({ metrics: { ...full, schedulePct: null, progressPct: null } }), HANDAN_2018.colour);
      expect({ colour: r.colour, findings: bare(r.findings) }).toEqual({
        colour: 'white',
        findings: [
          {
            ...ON_PLAN,
            evidence: {
              ...ON_PLAN.evidence,
              colour: 'white',
              completedToDate: '840',
              schedulePct: null,
              progressPct: null,
              lagPp: '5.00',
              band: '< 10',
            },
          },
        ],
      });
    });
  });
});

describe('properties', () => {
  const amount: fc.Arbitrary<Amount> = fc
    .oneof(
      fc.constantFrom('0', '100', '1000', '600', '500', '400', '900', '1', '0.01', '-50'),
      fc.integer({ min: -2000, max: 200000 }).map((n) => (n / 100).toString()),
      fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map((n) => new D(n.toString()).div(1e4).toFixed()),
    )
    .map((s) => parseAmount(s));
  // Bounds that make ties with the amounts likely (a lag of exactly 10 or 30 pp, a ratio of exactly 1).
  const bound = fc.constantFrom('0', '10', '30', '1', '0.5', '12.5', '-5');
  // Sums that sit exactly on a bound: a lag of t pp, a ratio of t, or a share of t % of the annual plan.
  const onBound: fc.Arbitrary<readonly [Amount, Amount, Amount]> = fc
    .tuple(bound, fc.constantFrom('1000', '400', '800', '0.5', '900719925474099'), amount, fc.constantFrom('lag', 'ratio', 'share'))
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
  const steps = fc.array(fc.record({ atLeast: fc.integer({ min: 0, max: 4 }), colour }), { maxLength: 3 });
  const policy: fc.Arbitrary<ColourPolicy> = fc.record({
    scale: fc.constantFrom(...Object.values(PRESETS)).map((p) => p.colour.scale),
    investment: fc.oneof(
      upperBands.map((bands) => ({ kind: 'lagPp' as const, bands })),
      lowerBands.map((bands) => ({ kind: 'completionRatio' as const, bands })),
      fc
        .array(fc.oneof(lowerBands, fc.constant([])), { minLength: 12, maxLength: 12 })
        .map((byMonth) => ({ kind: 'annualShare' as const, byMonth })),
    ),
    stall: fc.record({ enabled: fc.boolean(), steps }),
    overdueMilestone: fc.record({ enabled: fc.boolean(), steps, kinds: fc.subarray(['start', 'completion'] as const) }),
    missingReport: fc.record({ enabled: fc.boolean(), colour }),
    openStall: fc.record({ enabled: fc.boolean(), colour }),
  });
  const milestone = (kind: Milestone['kind']): Milestone =>
    ({ id: kind, kind, name: kind, due: '2025-03-31', baselineDue: '2025-03-31' }) as unknown as Milestone;
  const openStall = { since: '2025-05-01', cause: 'other' } as unknown as Stall;

  // The contract read independently, in decimal.js: each rule's colour, the worst of the scale winning.
  function expectedColour(
    p: ColourPolicy,
    [planned, completed, annual]: readonly [Amount, Amount, Amount],
    i: ColourInput,
    month: number,
  ): string {
    const rank = (id: string): number => p.scale.findIndex((c) => c.id === id);
    const proposed: string[] = [];
    const [pl, co, an] = [new D(planned), new D(completed), new D(annual)];
    const upper = (bands: readonly UpperBand[], v: InstanceType<typeof D>): string =>
      (bands.find((b) => b.upTo === undefined || v.lt(b.upTo) || (b.inclusive === true && v.eq(b.upTo))) ?? bands[bands.length - 1])
        ?.colour ?? '';
    const lower = (bands: readonly LowerBand[], v: InstanceType<typeof D>): string =>
      (bands.find((b) => b.atLeast === undefined || v.gte(b.atLeast)) ?? bands[bands.length - 1])?.colour ?? '';
    if (an.gt(0)) {
      const inv = p.investment;
      if (inv.kind === 'lagPp') proposed.push(upper(inv.bands, pl.minus(co).times(100).div(an)));
      else if (inv.kind === 'completionRatio' && pl.gt(0)) proposed.push(lower(inv.bands, co.div(pl)));
      else if (inv.kind === 'annualShare' && (inv.byMonth[month - 1] ?? []).length > 0)
        proposed.push(lower(inv.byMonth[month - 1] ?? [], co.times(100).div(an)));
    }
    const step = (steps: readonly { atLeast: number; colour: string }[], n: number): void => {
      for (const s of steps) if (n >= s.atLeast) proposed.push(s.colour);
    };
    if (p.stall.enabled) step(p.stall.steps, i.stalledMonths.length);
    if (p.overdueMilestone.enabled) {
      for (const o of i.overdue)
        if ((p.overdueMilestone.kinds as readonly string[]).includes(o.milestone.kind)) step(p.overdueMilestone.steps, o.overdueMonths);
    }
    if (p.missingReport.enabled && !i.hasReport) proposed.push(p.missingReport.colour);
    if (p.openStall.enabled && i.openStalls.length > 0) proposed.push(p.openStall.colour);
    return proposed.reduce((worst, c) => (rank(c) > rank(worst) ? c : worst), p.scale[0]?.id ?? '');
  }

  test.prop(
    [
      policy,
      sums,
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 0, max: 5 }),
      fc.array(fc.record({ kind: fc.constantFrom('start', 'completion', 'physical'), months: fc.integer({ min: 1, max: 5 }) }), {
        maxLength: 2,
      }),
      fc.boolean(),
      fc.boolean(),
    ],
    { numRuns: 1000 },
  )(
    'gives the colour the contract gives in decimal.js, ties on every bound included',
    (p, figures, month, stallRun, overdue, hasReport, stalled) => {
      const m = ym(`2025-${String(month).padStart(2, '0')}`);
      const i = input({
        month: m,
        metrics: metrics(figures[0], figures[1], figures[2]),
        stalledMonths: Array.from({ length: stallRun }, () => m),
        overdue: overdue.map((o) => ({ milestone: milestone(o.kind), overdueMonths: o.months })),
        hasReport,
        openStalls: stalled ? [openStall] : [],
      });
      expect(colourOf(i, p).colour).toBe(expectedColour(p, figures, i, month));
    },
  );

  // Numerators from one digit to past 2^53, so that both calculators of money/ are reached.
  const numerator = fc
    .tuple(fc.bigInt({ min: 1n, max: 10n ** 17n }), fc.integer({ min: 0, max: 6 }))
    .map(([n, e]) => parseAmount(new D(n.toString()).div(new D(10).pow(e)).toFixed()));
  const denominator = fc
    .tuple(fc.bigInt({ min: 1n, max: 10n ** 12n }), fc.integer({ min: 0, max: 4 }))
    .map(([n, e]) => parseAmount(new D(n.toString()).div(new D(10).pow(e)).toFixed()));

  test.prop([numerator, denominator, fc.integer({ min: 0, max: 6 })], { numRuns: 1000 })(
    'withoutMinus gives formatRatio of the negated ratio from formatRatio of a ratio below 0',
    (n, d, decimals) => {
      expect(withoutMinus(formatRatio(ratioOf(parseAmount(`-${n}`), d), decimals))).toBe(formatRatio(ratioOf(n, d), decimals));
    },
  );

  it('writes a ratio that rounds to zero without a sign, and keeps the digits of one that does not', () => {
    expect(withoutMinus(formatRatio(ratioOf(parseAmount('-1'), parseAmount('1000'))))).toBe('0.00');
    expect(withoutMinus(formatRatio(ratioOf(parseAmount('-5'), parseAmount('1000'))))).toBe('0.01');
    expect(withoutMinus('-12.35')).toBe('12.35');
  });
});
