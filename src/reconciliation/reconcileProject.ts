import { lastDayOfMonth, monthNumber, yearOf, type CalendarDate, type YearMonth } from '../calendar/index.js';
import { compareCodeUnits, type Finding } from '../findings/index.js';
import { formatShare, toAmount, type Share } from '../money/figure.js';
import type { Amount } from '../money/index.js';
import type { Policy } from '../policy/index.js';
import { achievementDate, type Milestone, type Override, type Project, type Stall } from '../portfolio/index.js';
import { yearFigures, type YearFigures } from '../portfolio/yearFigures.js';
import { decideColour, explainColour, type ColourDecision, type ColourFacts } from './colourOf.js';
import { forecast, NO_FORECAST, type Forecast } from './forecast.js';
import { milestoneState, overdueMonthsAt, type MilestoneState } from './milestoneStatus.js';
import { progressAt } from './progressMetrics.js';
import { monthsOfRun, stallRunAt } from './stallRun.js';

/**
 * A milestone in the evaluation: its due date and state at `asOf`.
 * @example
 * ```ts
 * const m: MilestoneResult = { id: 'start', kind: 'start', name: '开工', due: '2025-04-30', achievedOn: '2025-04-28', state: 'met' };
 * ```
 * @category Reconciliation
 */
export interface MilestoneResult {
  /** 节点 id, unique within the project. */
  readonly id: string;
  /** 节点类型 — `start` (开工), `completion` (竣工), `procedure` (手续) or `physical`. */
  readonly kind: 'start' | 'completion' | 'procedure' | 'physical';
  /** 节点名称 — the milestone's name. */
  readonly name: string;
  /** 计划完成日期 — the current due date (not `baselineDue`). */
  readonly due: CalendarDate;
  /** 实际完成日期 — when it was achieved as known at `asOf`, or null. */
  readonly achievedOn: CalendarDate | null;
  /** 节点状态 — `met`, `late`, `overdue` or `pending` at `asOf`. */
  readonly state: MilestoneState;
}

/**
 * One project's line of the evaluation (项目评价): colour, the numbers behind it, milestones, forecast
 * and findings. Amounts and percentages are decimal strings; percentages have exactly 2 decimals.
 * @example
 * ```ts
 * evaluation.projects[0].colour; //=> 'yellow'
 * ```
 * @category Reconciliation
 */
export interface ProjectEvaluation {
  /** 项目 id. */
  readonly projectId: string;
  /** 项目名称 — the project's name. */
  readonly name: string;
  /** 责任部门 — id of the responsible department. */
  readonly departmentId: string;
  /** The displayed colour: an override's when there is one, else the computed one. */
  readonly colour: string | null;
  /** 计算颜色 — the colour the rules give, before any override; null without an evaluated month. */
  readonly computedColour: string | null;
  /** 序时计划投资 — Σ ledger investment up to the evaluated month; null without one. */
  readonly plannedToDate: Amount | null;
  /** 累计完成投资 — Σ reported investment up to the evaluated month; null without one. */
  readonly completedToDate: Amount | null;
  /** 年度计划投资 — the project's annual plan. */
  readonly annualPlan: Amount;
  /** 序时进度 — plannedToDate × 100 / annualPlan, 2 decimals; null when annualPlan is 0 or without an evaluated month. */
  readonly schedulePct: string | null;
  /** 投资完成进度 — completedToDate × 100 / annualPlan, 2 decimals; null when annualPlan is 0 or without an evaluated month. */
  readonly progressPct: string | null;
  /** 落后序时进度 — (plannedToDate − completedToDate) × 100 / annualPlan pp, 2 decimals, negative = ahead; null like `schedulePct`. */
  readonly lagPp: string | null;
  /** Consecutive stalled months ending at the evaluated month. */
  readonly stallRun: number | null;
  /** 年底预测 — the year-end forecast; all null without an evaluated month. */
  readonly forecast: Forecast;
  /** 节点 — the milestones, by due date then id. */
  readonly milestones: readonly MilestoneResult[];
  /** 发现 — the findings about the project. */
  readonly findings: readonly Finding[];
}

/**
 * What {@link reconcileProject} needs besides the project.
 * @example
 * ```ts
 * const c: ReconcileContext = { asOf, month: parseYearMonth('2025-09'), policy: HANDAN_2018 };
 * ```
 * @category Reconciliation
 */
export interface ReconcileContext {
  /** 评价日期 — the day of the evaluation. */
  readonly asOf: CalendarDate;
  /** The evaluated month, or null before the first report deadline of the year has passed. */
  readonly month: YearMonth | null;
  /** 政策参数 — the policy whose rules apply. */
  readonly policy: Policy;
  /** The override for this project and month, if any. */
  readonly override?: Override;
}

/**
 * Reconcile one project (定期对账, clause 1.3): metrics, four-colour rating with the worst rule winning,
 * override, forecast and milestone states. Pass a project filtered by `knownAt(…, asOf)`.
 * @example
 * ```ts
 * reconcileProject(known.projects[0], { asOf, month, policy: HANDAN_2018 }).colour; //=> 'white'
 * ```
 * @category Reconciliation
 */
export function reconcileProject(project: Project, ctx: ReconcileContext): ProjectEvaluation {
  const figures = ctx.month === null ? undefined : yearFigures(project, yearOf(ctx.month));
  return lineOf(new ProjectYear(project, figures), ctx);
}

/**
 * A project's line at the evaluated month and the colour shown at each of `months` (of `year`; the
 * evaluated month among them), from one set of year figures: each month is rated by the same rule as
 * the line, {@link decideColour}.
 * @internal
 */
export function reconcileTimeline(
  project: Project,
  ctx: ReconcileContext,
  months: readonly YearMonth[],
  overrideFor: (month: YearMonth) => Override | undefined,
  year: number,
): {
  readonly line: ProjectEvaluation;
  readonly history: readonly MonthColourEntry[];
  /** The project's year figures (the sums to date of every month, for the ranking). */
  readonly figures: YearFigures;
} {
  const figures = yearFigures(project, year);
  const py = new ProjectYear(project, figures);
  const line = lineOf(py, ctx);
  const history = months.map((month) => ({
    month,
    colour: month === ctx.month ? line.colour : decideColour(py.facts(month, overrideFor(month)), ctx.policy.colour).colour,
  }));
  return { line, history, figures };
}

// A project with its year figures and its milestones' achievement dates, each worked out once.
class ProjectYear {
  // Each milestone's achievement date, in the order of the milestones.
  private readonly dates: (CalendarDate | undefined)[] = [];

  constructor(
    readonly project: Project,
    readonly figures: YearFigures | undefined,
  ) {
    for (const m of project.milestones) this.dates.push(achievementDate(project, m));
  }

  /** When a milestone was achieved as far as known (that of the last milestone with its id, which validation makes unique). */
  achieved(m: Milestone): CalendarDate | undefined {
    const { milestones } = this.project;
    for (let i = milestones.length - 1; i >= 0; i -= 1) if ((milestones[i] as Milestone).id === m.id) return this.dates[i];
    return undefined;
  }

  /** What the colour rules look at for `month` (of the figures' year). */
  facts(month: YearMonth, override: Override | undefined): ColourFacts {
    const f = this.figures as YearFigures;
    const k = monthNumber(month);
    const end = lastDayOfMonth(month);
    return {
      month,
      progress: progressAt(f, k),
      stallRun: stallRunAt(f, k),
      overdue: this.overdueAt(end),
      hasReport: f.report[k - 1] !== undefined,
      openStalls: this.openAt(end),
      override,
    };
  }

  // The start and completion milestones overdue at `end`, with their month-ends overdue.
  private overdueAt(end: CalendarDate): ColourFacts['overdue'] {
    let out: { milestone: Milestone; overdueMonths: number }[] | undefined;
    for (const m of this.project.milestones) {
      if (m.kind !== 'start' && m.kind !== 'completion') continue;
      const overdueMonths = overdueMonthsAt(m.due, this.achieved(m), end);
      if (overdueMonths > 0) (out ??= []).push({ milestone: m, overdueMonths });
    }
    return out ?? NONE;
  }

  // The recorded stalls open at `end`.
  private openAt(end: CalendarDate): readonly Stall[] {
    let out: Stall[] | undefined;
    for (const s of this.project.stalls ?? NONE) if (s.since <= end && (s.until === undefined || s.until > end)) (out ??= []).push(s);
    return out ?? NONE;
  }
}

const NONE: readonly never[] = [];

function lineOf(py: ProjectYear, ctx: ReconcileContext): ProjectEvaluation {
  const { asOf, month, policy } = ctx;
  const { project } = py;
  const milestones = byDueDate(project.milestones).map((m) => {
    const achieved = py.achieved(m);
    return { id: m.id, kind: m.kind, name: m.name, due: m.due, achievedOn: achieved ?? null, state: milestoneState(m.due, achieved, asOf) };
  });
  if (month === null) {
    return line(
      project,
      {
        colour: null,
        computedColour: null,
        plannedToDate: null,
        completedToDate: null,
        schedulePct: null,
        progressPct: null,
        lagPp: null,
        stallRun: null,
        forecast: NO_FORECAST,
      },
      milestones,
      [],
    );
  }
  const facts = py.facts(month, ctx.override);
  const why: ColourDecision[] = [];
  const verdict = decideColour(facts, policy.colour, why);
  const p = facts.progress;
  const pct = (s: Share | null): string | null => (s === null ? null : formatShare(s, 2));
  const shown = {
    plannedToDate: toAmount(p.plannedToDate),
    completedToDate: toAmount(p.completedToDate),
    annualPlan: project.annualPlan,
    schedulePct: pct(p.schedulePct),
    progressPct: pct(p.progressPct),
    lagPp: pct(p.lagPp),
    stalledMonths: monthsOfRun(month, facts.stallRun),
  };
  return line(
    project,
    {
      colour: verdict.colour,
      computedColour: verdict.computedColour,
      plannedToDate: shown.plannedToDate,
      completedToDate: shown.completedToDate,
      schedulePct: shown.schedulePct,
      progressPct: shown.progressPct,
      lagPp: shown.lagPp,
      stallRun: facts.stallRun,
      forecast: forecast(shown.completedToDate, project.annualPlan, month, policy.forecast.decimals),
    },
    milestones,
    explainColour(project.id, month, why, shown, policy.colour.scale),
  );
}

type MonthColourEntry = { readonly month: YearMonth; readonly colour: string | null };

type Figures = Omit<ProjectEvaluation, 'projectId' | 'name' | 'departmentId' | 'annualPlan' | 'milestones' | 'findings'>;

// Keys in the order of the documented result, so the JSON reads top-down.
function line(project: Project, f: Figures, milestones: readonly MilestoneResult[], findings: readonly Finding[]): ProjectEvaluation {
  return {
    projectId: project.id,
    name: project.name,
    departmentId: project.departmentId,
    colour: f.colour,
    computedColour: f.computedColour,
    plannedToDate: f.plannedToDate,
    completedToDate: f.completedToDate,
    annualPlan: project.annualPlan,
    schedulePct: f.schedulePct,
    progressPct: f.progressPct,
    lagPp: f.lagPp,
    stallRun: f.stallRun,
    forecast: f.forecast,
    milestones,
    findings,
  };
}

// The milestones by due date then id; the list itself when it is in that order already (a stable sort
// leaves such a list as it is).
function byDueDate(milestones: readonly Milestone[]): readonly Milestone[] {
  const order = (a: Milestone, b: Milestone): number => compareCodeUnits(a.due, b.due) || compareCodeUnits(a.id, b.id);
  for (let i = 1; i < milestones.length; i += 1) {
    if (order(milestones[i - 1] as Milestone, milestones[i] as Milestone) > 0) return [...milestones].sort(order);
  }
  return milestones;
}
