import type { YearMonth } from '../calendar/index.js';
import type { Finding, Severity } from '../findings/index.js';
import { compareRatioTo, formatRatio, ratioOf, signOf, type Ratio } from '../money/index.js';
import { cmp, cmpSmall, exact, mul, smallExact, sub, subSmall, type Exact, type SmallExact } from '../money/_exact.js';
import type { ColourPolicy, LowerBand, ThresholdStep, UpperBand } from '../policy/index.js';
import type { Milestone, Stall } from '../portfolio/index.js';
import type { ProgressMetrics } from './progressMetrics.js';

/**
 * Everything the colour rules look at for one project and month.
 * @example
 * ```ts
 * const input: ColourInput = { projectId: 'P-001', month: m, metrics, stalledMonths: [], overdue: [], hasReport: true, openStalls: [] };
 * ```
 * @category Reconciliation
 */
export interface ColourInput {
  /** 项目 id — the project rated (the subject of the findings). */
  readonly projectId: string;
  /** The evaluated month. */
  readonly month: YearMonth;
  /** 进度指标 — the project's progress figures at `month`. */
  readonly metrics: ProgressMetrics;
  /** Consecutive stalled months ending at `month`, latest first. */
  readonly stalledMonths: readonly YearMonth[];
  /** Start/completion milestones overdue at the end of `month`, with month-ends overdue. */
  readonly overdue: readonly {
    /** 节点 — the overdue milestone. */
    readonly milestone: Milestone;
    /** 逾期月数 — month-ends `x` with `due < x ≤` the end of `month`. */
    readonly overdueMonths: number;
  }[];
  /** Whether a report for `month` is known. */
  readonly hasReport: boolean;
  /** Stalls open at the end of `month`. */
  readonly openStalls: readonly Stall[];
}

/**
 * The colour a project gets and the finding of every rule that fired.
 * @example
 * ```ts
 * const r: ColourResult = colourOf(input, HANDAN_2018.colour); //=> { colour: 'yellow', findings: [...] }
 * ```
 * @category Reconciliation
 */
export interface ColourResult {
  /** 颜色 — the colour id: the worst any rule gave, else the best of the scale. */
  readonly colour: string;
  /** 发现 — one finding per rule that fired. */
  readonly findings: readonly Finding[];
}

function severityOf(scale: ColourPolicy['scale'], colour: string): Severity {
  const i = scale.findIndex((c) => c.id === colour);
  const n = scale.length;
  if (i <= 0) return 'info';
  if (i === n - 1) return 'critical';
  return i >= n - 2 ? 'warning' : 'info';
}

function upperBand(bands: readonly UpperBand[], value: Ratio): UpperBand {
  for (const b of bands) {
    if (b.upTo === undefined) return b;
    const c = compareRatioTo(value, b.upTo);
    if (c < 0 || (c === 0 && b.inclusive === true)) return b;
  }
  return bands[bands.length - 1] as UpperBand;
}

function lowerBand(bands: readonly LowerBand[], value: Ratio): LowerBand {
  for (const b of bands) if (b.atLeast === undefined || compareRatioTo(value, b.atLeast) >= 0) return b;
  return bands[bands.length - 1] as LowerBand;
}

// The position of colour `id` in the scale, best first; −1 when it is not in the scale.
function rankIn(scale: ColourPolicy['scale'], id: string): number {
  for (let i = 0; i < scale.length; i += 1) if ((scale[i] as ColourPolicy['scale'][number]).id === id) return i;
  return -1;
}

// `colour` when it is worse than `worst` in the scale, else `worst`.
function worseOf(scale: ColourPolicy['scale'], worst: string, colour: string): string {
  return rankIn(scale, colour) > rankIn(scale, worst) ? colour : worst;
}

// The worst colour of the steps reached ("from `atLeast` on, at least `colour`"), whatever their order.
function stepColour(steps: readonly ThresholdStep[], value: number, scale: ColourPolicy['scale']): string | undefined {
  let worst: string | undefined;
  for (const s of steps) if (value >= s.atLeast) worst = worst === undefined ? s.colour : worseOf(scale, worst, s.colour);
  return worst;
}

const KIND_ZH: Readonly<Record<string, string>> = { start: '开工', completion: '竣工' };

/**
 * Rate a project's month with the four colours (四色评价, clause 1.3): every enabled rule proposes a
 * colour and **the worst wins**; with no rule applying, the best colour.
 *
 * @remarks
 * `handan-2018`: investment lag ≤ 0 green, < 10 pp white, 10–30 pp yellow, > 30 pp red; two stalled
 * months yellow, three red; a start/completion milestone overdue 1–2 month-ends yellow, 3 red; no
 * report for the month yellow; a recorded stall open at month end red. Thresholds compare exact ratios.
 * @example
 * ```ts
 * colourOf(input, HANDAN_2018.colour).colour; //=> 'yellow'
 * ```
 * @category Reconciliation
 */
export function colourOf(input: ColourInput, policy: ColourPolicy): ColourResult {
  return rate(input, policy, true);
}

/** The percentages of a {@link ColourInput}'s metrics as `formatRatio` writes them (2 decimals). @internal */
export interface ShownPercentages {
  readonly schedulePct: string | null;
  readonly progressPct: string | null;
  readonly lagPp: string | null;
}

/**
 * {@link colourOf}, given the metrics' percentages already written (as `formatRatio` writes them), so
 * that the explanations do not write them again.
 * @internal
 */
export function colourOfShown(input: ColourInput, policy: ColourPolicy, shown: ShownPercentages): ColourResult {
  return rate(input, policy, true, shown);
}

/** The colour alone, as {@link colourOf} gives it, without writing the findings (for colour histories). */
export function colourOnly(input: ColourInput, policy: ColourPolicy): string {
  return rate(input, policy, false).colour;
}

/**
 * The facts besides the sums that {@link colourOfFacts} reads.
 * @internal
 */
export interface ColourFacts {
  /** Whether the annual plan is above 0 (`signOf(annualPlan) > 0`). */
  readonly hasPlan: boolean;
  /** The month's number, 1–12. */
  readonly month: number;
  /** Consecutive stalled months ending at the month. */
  readonly stallRun: number;
  /** As {@link ColourInput}'s `overdue`. */
  readonly overdue: ColourInput['overdue'];
  /** Whether a report for the month is known. */
  readonly hasReport: boolean;
  /** Whether a recorded stall is open at the end of the month. */
  readonly openStall: boolean;
}

/**
 * What {@link colourOfFigures} reads: {@link ColourInput}'s facts with the sums to date as scaled integers.
 * @internal
 */
export interface ColourFigures extends ColourFacts {
  /** Σ ledger investment to the month. */
  readonly planned: Exact;
  /** Σ reported investment to the month. */
  readonly completed: Exact;
  /** The annual plan; only read when `hasPlan`. */
  readonly annualPlan: Exact;
}

/**
 * The colour {@link colourOnly} gives, from the figures alone: no ratio, string or finding is built, so
 * that a year of colour histories costs little. Undefined when a band's bound is not a plain decimal or
 * the annual plan is a zero written otherwise; the caller then takes {@link colourOnly}.
 * @internal
 */
export function colourOfFigures(f: ColourFigures, policy: ColourPolicy): string | undefined {
  if (!f.hasPlan) return colourOfFacts(f, policy, null);
  if (f.annualPlan.m <= 0n) return undefined;
  const colour = investmentColour(policy.investment, f);
  return colour === undefined ? undefined : colourOfFacts(f, policy, colour);
}

/**
 * The colour {@link colourOnly} gives, the investment rule's colour being `investment` (null when that
 * rule does not apply): the worst of it and of the other rules' colours.
 * @internal
 */
export function colourOfFacts(f: ColourFacts, policy: ColourPolicy, investment: string | null): string {
  const { scale } = policy;
  let worst = scale[0]?.id ?? '';
  if (investment !== null) worst = worseOf(scale, worst, investment);
  if (policy.stall.enabled) {
    const colour = stepColour(policy.stall.steps, f.stallRun, scale);
    if (colour !== undefined) worst = worseOf(scale, worst, colour);
  }
  if (policy.overdueMilestone.enabled) {
    for (const { milestone, overdueMonths } of f.overdue) {
      if (!policy.overdueMilestone.kinds.includes(milestone.kind as 'start' | 'completion')) continue;
      const colour = stepColour(policy.overdueMilestone.steps, overdueMonths, scale);
      if (colour !== undefined) worst = worseOf(scale, worst, colour);
    }
  }
  if (policy.missingReport.enabled && !f.hasReport) worst = worseOf(scale, worst, policy.missingReport.colour);
  if (policy.openStall.enabled && f.openStall) worst = worseOf(scale, worst, policy.openStall.colour);
  return worst;
}

/**
 * The investment rule's colour as {@link colourOfFigures} finds it, from sums held in doubles: Σ ledger `p`
 * and Σ reported `c` to month `month` (1–12) and the annual plan `a` (above 0), each a safe integer of
 * 10^-(its scale) units. Null when the rule does not apply; undefined when a bound is not a plain decimal of
 * at most 15 digits or a product leaves the safe integers (then use the scaled integers).
 * @internal
 */
export function investmentColourSmall(
  rule: ColourPolicy['investment'],
  month: number,
  p: number,
  pe: number,
  c: number,
  ce: number,
  a: number,
  ae: number,
): string | null | undefined {
  if (rule.kind === 'lagPp') {
    // As investmentColour: compare (p − c) × 100 with t × a.
    const lag = subSmall(p, pe, c, ce) * 100;
    const le = Math.max(pe, ce);
    for (const b of rule.bands) {
      if (b.upTo === undefined) return b.colour;
      const t = smallBound(b.upTo);
      if (t === undefined) return undefined;
      const x = cmpSmall(lag, le, t.n * a, t.e + ae);
      if (Number.isNaN(x)) return undefined;
      if (x < 0 || (x === 0 && b.inclusive === true)) return b.colour;
    }
    return (rule.bands[rule.bands.length - 1] as UpperBand).colour;
  }
  if (rule.kind === 'completionRatio') {
    if (p <= 0) return null;
    return lowerBandColourSmall(rule.bands, c, ce, p, pe);
  }
  const bands = rule.byMonth[month - 1] ?? [];
  return bands.length === 0 ? null : lowerBandColourSmall(bands, c * 100, ce, a, ae);
}

// lowerBandColour in doubles: the first band with v / per ≥ its bound; undefined when that cannot be told exactly.
function lowerBandColourSmall(bands: readonly LowerBand[], v: number, ve: number, per: number, pe: number): string | undefined {
  for (const b of bands) {
    if (b.atLeast === undefined) return b.colour;
    const t = smallBound(b.atLeast);
    if (t === undefined) return undefined;
    const x = cmpSmall(v, ve, t.n * per, t.e + pe);
    if (Number.isNaN(x)) return undefined;
    if (x >= 0) return b.colour;
  }
  return (bands[bands.length - 1] as LowerBand).colour;
}

const HUNDRED: Exact = { m: 100n, e: 0 };

// The bands' bounds as scaled integers and in doubles, each read once: a policy has a few dozen bounds at
// most, and a string's value never changes; a cache is emptied should it ever grow large.
const BOUNDS = new Map<string, Exact | undefined>();
const SMALL_BOUNDS = new Map<string, SmallExact | undefined>();

function cachedRead<T>(cache: Map<string, T | undefined>, text: string, read: (s: string) => T | undefined): T | undefined {
  if (cache.has(text)) return cache.get(text);
  if (cache.size >= 1024) cache.clear();
  const x = read(text);
  cache.set(text, x);
  return x;
}

const bound = (text: string): Exact | undefined => cachedRead(BOUNDS, text, exact);
const smallBound = (text: string): SmallExact | undefined => cachedRead(SMALL_BOUNDS, text, smallExact);

// The investment band's colour as `rate` finds it (annual plan above 0); null when the rule does not
// apply, undefined when a bound is not plain.
function investmentColour(rule: ColourPolicy['investment'], f: ColourFigures): string | null | undefined {
  const a = f.annualPlan;
  if (rule.kind === 'lagPp') {
    // lagPp = (planned − completed) × 100 / a against each bound t: compare (planned − completed) × 100 with t × a.
    const lag = mul(sub(f.planned, f.completed), HUNDRED);
    for (const b of rule.bands) {
      if (b.upTo === undefined) return b.colour;
      const t = bound(b.upTo);
      if (t === undefined) return undefined;
      const c = cmp(lag, mul(t, a));
      if (c < 0 || (c === 0 && b.inclusive === true)) return b.colour;
    }
    return (rule.bands[rule.bands.length - 1] as UpperBand).colour;
  }
  if (rule.kind === 'completionRatio') {
    // completed / planned against t, planned above 0: compare completed with t × planned.
    if (f.planned.m <= 0n) return null;
    return lowerBandColour(rule.bands, f.completed, f.planned);
  }
  const bands = rule.byMonth[f.month - 1] ?? [];
  // progressPct = completed × 100 / a against t: compare completed × 100 with t × a.
  return bands.length === 0 ? null : lowerBandColour(bands, mul(f.completed, HUNDRED), a);
}

// The first band with value / per ≥ its bound (per above 0), as lowerBand finds it; undefined when a bound is not plain.
function lowerBandColour(bands: readonly LowerBand[], value: Exact, per: Exact): string | undefined {
  for (const b of bands) {
    if (b.atLeast === undefined) return b.colour;
    const t = bound(b.atLeast);
    if (t === undefined) return undefined;
    if (cmp(value, mul(t, per)) >= 0) return b.colour;
  }
  return (bands[bands.length - 1] as LowerBand).colour;
}

type Explanation = readonly [zh: string, en: string, evidence: Finding['evidence']];

function rate(input: ColourInput, policy: ColourPolicy, explain: boolean, shown?: ShownPercentages): ColourResult {
  const { scale } = policy;
  const label = (id: string): string => scale.find((c) => c.id === id)?.zh ?? id;
  const findings: Finding[] = [];
  let worst = scale[0]?.id ?? '';
  const state = { investmentRated: false };
  // `explanation` gets the month and colour, the first two keys of the evidence it writes.
  const propose = (colour: string, rule: Finding['rule'], explanation: (month: YearMonth, colour: string) => Explanation): void => {
    worst = worseOf(scale, worst, colour);
    if (rule === 'colour.investment') state.investmentRated = true;
    if (!explain) return;
    const [zh, en, evidence] = explanation(input.month, colour);
    findings.push({
      rule,
      subject: { kind: 'project', id: input.projectId },
      severity: severityOf(scale, colour),
      message: { zh: `${zh},评为${label(colour)}`, en: `${en}: ${colour}` },
      evidence,
    });
  };

  const m = input.metrics;
  const inv = policy.investment;
  if (inv.kind === 'lagPp') {
    const lagPp = m.lagPp;
    if (lagPp) {
      const band = upperBand(inv.bands, lagPp);
      propose(band.colour, 'colour.investment', (month, colour) => {
        const lag = shown?.lagPp ?? formatRatio(lagPp);
        const side = compareRatioTo(lagPp, '0');
        const ahead = side < 0 ? withoutMinus(lag) : '';
        return [
          side < 0
            ? `累计完成投资领先序时进度 ${ahead} 个百分点`
            : side === 0
              ? '累计完成投资与序时进度持平'
              : `累计完成投资落后序时进度 ${lag} 个百分点`,
          side < 0
            ? `investment ${ahead} pp ahead of schedule`
            : side === 0
              ? 'investment on schedule'
              : `investment ${lag} pp behind schedule`,
          {
            month,
            colour,
            plannedToDate: m.plannedToDate,
            completedToDate: m.completedToDate,
            annualPlan: m.annualPlan,
            schedulePct: shown ? shown.schedulePct : fmt(m.schedulePct),
            progressPct: shown ? shown.progressPct : fmt(m.progressPct),
            lagPp: lag,
            band: bandText(band),
          },
        ];
      });
    }
  } else if (inv.kind === 'completionRatio') {
    // Not applied while nothing is planned to date (the ratio is undefined) or the annual plan is 0.
    if (m.lagPp !== null && signOf(m.plannedToDate) > 0) {
      const r = ratioOf(m.completedToDate, m.plannedToDate);
      const band = lowerBand(inv.bands, r);
      propose(band.colour, 'colour.investment', (month, colour) => {
        const ratio = formatRatio(r, 4);
        return [
          `累计完成投资为序时计划的 ${ratio} 倍`,
          `completed ${ratio} × the plan to date`,
          {
            month,
            colour,
            plannedToDate: m.plannedToDate,
            completedToDate: m.completedToDate,
            annualPlan: m.annualPlan,
            ratio,
            band: bandText(band),
          },
        ];
      });
    }
  } else if (m.progressPct) {
    const progressPct = m.progressPct;
    const month = Number(input.month.slice(5, 7));
    const bands = inv.byMonth[month - 1] ?? [];
    if (bands.length > 0) {
      const band = lowerBand(bands, progressPct);
      propose(band.colour, 'colour.investment', (month, colour) => {
        const share = shown?.progressPct ?? formatRatio(progressPct);
        return [
          `累计完成年度计划的 ${share}%`,
          `${share} % of the annual plan completed`,
          {
            month,
            colour,
            plannedToDate: m.plannedToDate,
            completedToDate: m.completedToDate,
            annualPlan: m.annualPlan,
            progressPct: share,
            band: bandText(band),
          },
        ];
      });
    }
  }

  if (explain && !state.investmentRated) {
    // The investment rule could not apply; say so, so that the colour still has its explanation.
    const reason = signOf(m.annualPlan) <= 0 ? 'zeroAnnualPlan' : 'nothingPlannedToDate';
    findings.push({
      rule: 'colour.investment',
      subject: { kind: 'project', id: input.projectId },
      severity: 'info',
      message:
        reason === 'zeroAnnualPlan'
          ? { zh: '年度计划投资为 0,不评价投资进度', en: 'annual plan is 0: investment progress not rated' }
          : { zh: '截至本月无序时计划投资,不评价投资进度', en: 'nothing planned to date: investment progress not rated' },
      evidence: {
        month: input.month,
        colour: null,
        reason,
        plannedToDate: m.plannedToDate,
        completedToDate: m.completedToDate,
        annualPlan: m.annualPlan,
      },
    });
  }

  if (policy.stall.enabled) {
    const run = input.stalledMonths.length;
    const colour = stepColour(policy.stall.steps, run, scale);
    if (colour !== undefined) {
      propose(colour, 'colour.stall', (month, c) => [
        `连续 ${run} 个月无进度`,
        `${run} consecutive months without progress`,
        { month, colour: c, stallRun: run, months: [...input.stalledMonths].reverse() },
      ]);
    }
  }

  if (policy.overdueMilestone.enabled) {
    for (const { milestone, overdueMonths } of input.overdue) {
      if (!policy.overdueMilestone.kinds.includes(milestone.kind as 'start' | 'completion')) continue;
      const colour = stepColour(policy.overdueMilestone.steps, overdueMonths, scale);
      if (colour === undefined) continue;
      propose(colour, 'colour.overdueMilestone', (month, c) => [
        `${KIND_ZH[milestone.kind] ?? milestone.kind}节点"${milestone.name}"(应于 ${milestone.due})逾期 ${overdueMonths} 个月末`,
        `${milestone.kind} milestone "${milestone.id}" due ${milestone.due} overdue by ${overdueMonths} month-end(s)`,
        { month, colour: c, milestoneId: milestone.id, kind: milestone.kind, due: milestone.due, overdueMonths },
      ]);
    }
  }

  if (policy.missingReport.enabled && !input.hasReport) {
    propose(policy.missingReport.colour, 'colour.missingReport', (month, colour) => [
      `${input.month} 无已报送的月报`,
      `no report known for ${input.month}`,
      { month, colour },
    ]);
  }

  if (policy.openStall.enabled) {
    for (const s of input.openStalls) {
      propose(policy.openStall.colour, 'colour.openStall', (month, colour) => [
        `项目自 ${s.since} 起停滞`,
        `stalled since ${s.since}`,
        s.note === undefined
          ? { month, colour, since: s.since, cause: s.cause }
          : { month, colour, since: s.since, cause: s.cause, note: s.note },
      ]);
    }
  }
  return { colour: worst, findings };
}

/**
 * `formatRatio(-r)` from `formatRatio(r)` for a ratio r below 0: the text without its minus sign. Rounding
 * half away from zero is symmetric, and a negative ratio that rounds to zero is written without a sign.
 * @internal
 */
export function withoutMinus(formatted: string): string {
  return formatted.startsWith('-') ? formatted.slice(1) : formatted;
}

function fmt(r: Ratio | null): string | null {
  return r === null ? null : formatRatio(r);
}

function bandText(b: { readonly upTo?: string; readonly inclusive?: boolean; readonly atLeast?: string }): string {
  if (b.upTo !== undefined) return `${b.inclusive === true ? '≤' : '<'} ${b.upTo}`;
  if (b.atLeast !== undefined) return `≥ ${b.atLeast}`;
  return 'otherwise';
}
