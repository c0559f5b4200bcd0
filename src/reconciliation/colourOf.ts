import { monthNumber, type YearMonth } from '../calendar/index.js';
import type { Finding, Severity } from '../findings/index.js';
import { compareShareTo, constantFigure, figureOf, formatShare, shareOf, shareOfRatio, signOfFigure, type Share } from '../money/figure.js';
import type { Amount, Ratio } from '../money/index.js';
import type { ColourPolicy, InvestmentRule, LowerBand, ThresholdStep, UpperBand } from '../policy/index.js';
import type { Milestone, Override, Stall } from '../portfolio/index.js';
import { Progress, type ProgressMetrics } from './progressMetrics.js';

/**
 * The four colours of one project and month (四色评价, clause 1.3). Every enabled rule proposes a colour
 * and **the worst wins**; with no rule applying, the best colour of the scale. A manual override
 * (人工调整) whose colour is in the scale is shown instead of the computed colour.
 *
 * 1. Investment against the plan: the band its measure falls in (`lagPp`, `completionRatio` or
 *    `annualShare`; none while the annual plan is not above 0).
 * 2. Stalled months in a row (连续无进度): the step the run reaches.
 * 3. Each start or completion milestone overdue (节点逾期): the step its month-ends overdue reach.
 * 4. No report for the month (未报账).
 * 5. A recorded stall open at the month's end (停滞).
 *
 * Every decision is pushed to `why` (when given), from which {@link explainColour} words the findings.
 * @internal
 */
export function decideColour(f: ColourFacts, policy: ColourPolicy, why?: ColourDecision[]): ColourVerdict {
  const { scale } = policy;
  let worst = scale[0]?.id ?? '';
  const propose = (d: ColourDecision): void => {
    if (d.colour !== null) worst = worseOf(scale, worst, d.colour);
    why?.push(d);
  };

  propose(investmentDecision(policy.investment, f.progress, f.month));

  if (policy.stall.enabled) {
    const colour = stepColour(policy.stall.steps, f.stallRun, scale);
    if (colour !== undefined) propose({ rule: 'colour.stall', colour, stallRun: f.stallRun });
  }

  if (policy.overdueMilestone.enabled) {
    for (const { milestone, overdueMonths } of f.overdue) {
      if (!policy.overdueMilestone.kinds.includes(milestone.kind as 'start' | 'completion')) continue;
      const colour = stepColour(policy.overdueMilestone.steps, overdueMonths, scale);
      if (colour !== undefined) propose({ rule: 'colour.overdueMilestone', colour, milestone, overdueMonths });
    }
  }

  if (policy.missingReport.enabled && !f.hasReport) propose({ rule: 'colour.missingReport', colour: policy.missingReport.colour });

  if (policy.openStall.enabled) {
    for (const stall of f.openStalls) propose({ rule: 'colour.openStall', colour: policy.openStall.colour, stall });
  }

  const o = f.override;
  if (o === undefined) return { colour: worst, computedColour: worst };
  const applies = rankIn(scale, o.colour) >= 0;
  why?.push({ rule: 'colour.override', colour: applies ? o.colour : null, override: o, computedColour: worst });
  return { colour: applies ? o.colour : worst, computedColour: worst };
}

// The investment rule's decision: the band its measure falls in, or why it does not apply.
function investmentDecision(rule: InvestmentRule, p: Progress, month: YearMonth): ColourDecision {
  if (!p.hasPlan) return { rule: 'colour.investment', colour: null, reason: 'zeroAnnualPlan' };
  let measure: InvestmentMeasure;
  let value: Share | null;
  let bands: readonly Band[];
  if (rule.kind === 'lagPp') {
    measure = 'lagPp';
    value = p.lagPp;
    bands = rule.bands;
  } else if (rule.kind === 'completionRatio') {
    // completedToDate / plannedToDate does not exist while nothing is planned to date.
    measure = 'ratio';
    value = signOfFigure(p.plannedToDate) > 0 ? shareOf(p.completedToDate, p.plannedToDate) : null;
    bands = rule.bands;
  } else {
    measure = 'progressPct';
    value = p.progressPct;
    bands = rule.byMonth[monthNumber(month) - 1] ?? [];
  }
  if (value === null || bands.length === 0) return { rule: 'colour.investment', colour: null, reason: 'nothingPlannedToDate' };
  const band = bandOf(bands, value);
  return { rule: 'colour.investment', colour: band.colour, measure, value, band };
}

/**
 * The band a value falls in (the one place a band is chosen): the first band whose bound the value is
 * within — below `upTo` (or at it, when `inclusive`), or at least `atLeast` — or the first without a
 * bound; the last band when none is.
 */
function bandOf(bands: readonly Band[], value: Share): Band {
  for (const b of bands) {
    if (b.upTo !== undefined) {
      const c = compareShareTo(value, constantFigure(b.upTo));
      if (c < 0 || (c === 0 && b.inclusive === true)) return b;
    } else if (b.atLeast !== undefined) {
      if (compareShareTo(value, constantFigure(b.atLeast)) >= 0) return b;
    } else {
      return b;
    }
  }
  return bands[bands.length - 1] as Band;
}

// The worst colour of the steps reached ("from `atLeast` on, at least `colour`"), whatever their order.
function stepColour(steps: readonly ThresholdStep[], value: number, scale: ColourPolicy['scale']): string | undefined {
  let worst: string | undefined;
  for (const s of steps) if (value >= s.atLeast) worst = worst === undefined ? s.colour : worseOf(scale, worst, s.colour);
  return worst;
}

// `colour` when it is worse than `worst` in the scale, else `worst`.
function worseOf(scale: ColourPolicy['scale'], worst: string, colour: string): string {
  return rankIn(scale, colour) > rankIn(scale, worst) ? colour : worst;
}

// The position of colour `id` in the scale, best first; −1 when it is not in the scale.
function rankIn(scale: ColourPolicy['scale'], id: string): number {
  for (let i = 0; i < scale.length; i += 1) if ((scale[i] as ColourPolicy['scale'][number]).id === id) return i;
  return -1;
}

/**
 * What the colour rules look at for one project and month.
 * @internal
 */
export interface ColourFacts {
  /** The month rated. */
  readonly month: YearMonth;
  /** 进度 — the sums to date, the annual plan and the percentages. */
  readonly progress: Progress;
  /** Consecutive stalled months ending at the month. */
  readonly stallRun: number;
  /** Start/completion milestones overdue at the end of the month, with month-ends overdue. */
  readonly overdue: ColourInput['overdue'];
  /** Whether a report for the month is known. */
  readonly hasReport: boolean;
  /** Stalls open at the end of the month. */
  readonly openStalls: readonly Stall[];
  /** The override for the project and month, if any. */
  readonly override?: Override | undefined;
}

/** The colour shown and the colour the rules give. @internal */
export interface ColourVerdict {
  /** 颜色 — the override's colour when it applies, else the computed colour. */
  readonly colour: string;
  /** 计算颜色 — the worst colour the rules proposed. */
  readonly computedColour: string;
}

type Band = UpperBand & LowerBand;
type InvestmentMeasure = 'lagPp' | 'ratio' | 'progressPct';

/**
 * One decision of {@link decideColour}: the rule, the colour it proposed (null when it did not apply or
 * an override was ignored) and the figures it decided on.
 * @internal
 */
export type ColourDecision =
  | {
      readonly rule: 'colour.investment';
      readonly colour: string;
      readonly measure: InvestmentMeasure;
      readonly value: Share;
      readonly band: Band;
    }
  | { readonly rule: 'colour.investment'; readonly colour: null; readonly reason: 'zeroAnnualPlan' | 'nothingPlannedToDate' }
  | { readonly rule: 'colour.stall'; readonly colour: string; readonly stallRun: number }
  | { readonly rule: 'colour.overdueMilestone'; readonly colour: string; readonly milestone: Milestone; readonly overdueMonths: number }
  | { readonly rule: 'colour.missingReport'; readonly colour: string }
  | { readonly rule: 'colour.openStall'; readonly colour: string; readonly stall: Stall }
  | { readonly rule: 'colour.override'; readonly colour: string | null; readonly override: Override; readonly computedColour: string };

/**
 * The texts the findings quote: the amounts and the percentages as the project's line shows them.
 * @internal
 */
export interface ShownFigures {
  readonly plannedToDate: Amount;
  readonly completedToDate: Amount;
  readonly annualPlan: Amount;
  readonly schedulePct: string | null;
  readonly progressPct: string | null;
  /** The stalled months ending at the month, latest first. */
  readonly stalledMonths: readonly YearMonth[];
}

/**
 * The findings that explain a colour: one per decision of {@link decideColour}, worded in Chinese and
 * English with the numbers decided on.
 * @internal
 */
export function explainColour(
  projectId: string,
  month: YearMonth,
  decisions: readonly ColourDecision[],
  shown: ShownFigures,
  scale: ColourPolicy['scale'],
): Finding[] {
  const label = (id: string): string => scale.find((c) => c.id === id)?.zh ?? id;
  const subject = { kind: 'project', id: projectId } as const;
  return decisions.map((d): Finding => {
    if (d.colour === null) {
      if (d.rule === 'colour.investment') {
        return {
          rule: d.rule,
          subject,
          severity: 'info',
          message:
            d.reason === 'zeroAnnualPlan'
              ? { zh: '年度计划投资为 0,不评价投资进度', en: 'annual plan is 0: investment progress not rated' }
              : { zh: '截至本月无序时计划投资,不评价投资进度', en: 'nothing planned to date: investment progress not rated' },
          evidence: {
            month,
            colour: null,
            reason: d.reason,
            plannedToDate: shown.plannedToDate,
            completedToDate: shown.completedToDate,
            annualPlan: shown.annualPlan,
          },
        };
      }
      const o = d.override;
      return {
        rule: d.rule,
        subject,
        severity: 'warning',
        message: {
          zh: `人工调整的颜色"${o.colour}"不在色阶中,已忽略`,
          en: `override colour "${o.colour}" is not in the policy's scale; ignored`,
        },
        evidence: { month, colour: o.colour, scale: scale.map((c) => c.id), reason: o.reason, by: o.by },
      };
    }
    if (d.rule === 'colour.override') {
      const o = d.override;
      return {
        rule: d.rule,
        subject,
        severity: 'info',
        message: {
          zh: `${o.by} 将颜色由${label(d.computedColour)}调整为${label(d.colour)}:${o.reason}`,
          en: `colour set to ${o.colour} (computed ${d.computedColour}) by ${o.by}: ${o.reason}`,
        },
        evidence: { month, computedColour: d.computedColour, colour: o.colour, reason: o.reason, by: o.by },
      };
    }
    const [zh, en, evidence] = wording(d, month, shown);
    return {
      rule: d.rule,
      subject,
      severity: severityOf(scale, d.colour),
      message: { zh: `${zh},评为${label(d.colour)}`, en: `${en}: ${d.colour}` },
      evidence,
    };
  });
}

type Wording = readonly [zh: string, en: string, evidence: Finding['evidence']];

const KIND_ZH: ReadonlyMap<string, string> = new Map([
  ['start', '开工'],
  ['completion', '竣工'],
]);

// The sentence of a decision, and its evidence: the month and the colour first, then the numbers decided on.
function wording(
  d: Exclude<ColourDecision, { readonly colour: null } | { readonly rule: 'colour.override' }>,
  month: YearMonth,
  shown: ShownFigures,
): Wording {
  const { colour } = d;
  switch (d.rule) {
    case 'colour.investment':
      return investmentWording(d, month, shown);
    case 'colour.stall':
      return [
        `连续 ${d.stallRun} 个月无进度`,
        `${d.stallRun} consecutive months without progress`,
        { month, colour, stallRun: d.stallRun, months: [...shown.stalledMonths].reverse() },
      ];
    case 'colour.overdueMilestone': {
      const { milestone: m, overdueMonths } = d;
      return [
        `${KIND_ZH.get(m.kind) ?? m.kind}节点"${m.name}"(应于 ${m.due})逾期 ${overdueMonths} 个月末`,
        `${m.kind} milestone "${m.id}" due ${m.due} overdue by ${overdueMonths} month-end(s)`,
        { month, colour, milestoneId: m.id, kind: m.kind, due: m.due, overdueMonths },
      ];
    }
    case 'colour.missingReport':
      return [`${month} 无已报送的月报`, `no report known for ${month}`, { month, colour }];
    case 'colour.openStall': {
      const s = d.stall;
      return [
        `项目自 ${s.since} 起停滞`,
        `stalled since ${s.since}`,
        s.note === undefined
          ? { month, colour, since: s.since, cause: s.cause }
          : { month, colour, since: s.since, cause: s.cause, note: s.note },
      ];
    }
  }
}

// The investment decision's sentence and evidence: the measure as rounded for display, and its band.
function investmentWording(
  d: Extract<ColourDecision, { readonly measure: InvestmentMeasure }>,
  month: YearMonth,
  shown: ShownFigures,
): Wording {
  const { colour } = d;
  const { plannedToDate, completedToDate, annualPlan } = shown;
  const band = bandText(d.band);
  switch (d.measure) {
    case 'lagPp': {
      const lag = formatShare(d.value, 2);
      const side = signOfFigure(d.value.numerator);
      const ahead = withoutMinus(lag);
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
          plannedToDate,
          completedToDate,
          annualPlan,
          schedulePct: shown.schedulePct,
          progressPct: shown.progressPct,
          lagPp: lag,
          band,
        },
      ];
    }
    case 'ratio': {
      const ratio = formatShare(d.value, 4);
      return [
        `累计完成投资为序时计划的 ${ratio} 倍`,
        `completed ${ratio} × the plan to date`,
        { month, colour, plannedToDate, completedToDate, annualPlan, ratio, band },
      ];
    }
    case 'progressPct': {
      const share = formatShare(d.value, 2);
      return [
        `累计完成年度计划的 ${share}%`,
        `${share} % of the annual plan completed`,
        { month, colour, plannedToDate, completedToDate, annualPlan, progressPct: share, band },
      ];
    }
  }
}

function severityOf(scale: ColourPolicy['scale'], colour: string): Severity {
  const i = rankIn(scale, colour);
  const n = scale.length;
  if (i <= 0) return 'info';
  if (i === n - 1) return 'critical';
  return i >= n - 2 ? 'warning' : 'info';
}

/**
 * `formatRatio(-r)` from `formatRatio(r)` for a ratio r below 0: the text without its minus sign. Rounding
 * half away from zero is symmetric, and a negative ratio that rounds to zero is written without a sign.
 * @internal
 */
export function withoutMinus(formatted: string): string {
  return formatted.startsWith('-') ? formatted.slice(1) : formatted;
}

function bandText(b: Band): string {
  if (b.upTo !== undefined) return `${b.inclusive === true ? '≤' : '<'} ${b.upTo}`;
  if (b.atLeast !== undefined) return `≥ ${b.atLeast}`;
  return 'otherwise';
}

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
  const m = input.metrics;
  const share = (r: Ratio | null): Share | null => (r === null ? null : shareOfRatio(r));
  const progress = new Progress(figureOf(m.plannedToDate), figureOf(m.completedToDate), figureOf(m.annualPlan), {
    schedulePct: share(m.schedulePct),
    progressPct: share(m.progressPct),
    lagPp: share(m.lagPp),
  });
  const facts: ColourFacts = {
    month: input.month,
    progress,
    stallRun: input.stalledMonths.length,
    overdue: input.overdue,
    hasReport: input.hasReport,
    openStalls: input.openStalls,
  };
  const why: ColourDecision[] = [];
  const { colour } = decideColour(facts, policy, why);
  const pct = (s: Share | null): string | null => (s === null ? null : formatShare(s, 2));
  const shown: ShownFigures = {
    plannedToDate: m.plannedToDate,
    completedToDate: m.completedToDate,
    annualPlan: m.annualPlan,
    schedulePct: pct(progress.schedulePct),
    progressPct: pct(progress.progressPct),
    stalledMonths: input.stalledMonths,
  };
  return { colour, findings: explainColour(input.projectId, input.month, why, shown, policy.scale) };
}
