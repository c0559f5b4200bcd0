import { lastDayOfMonth, monthNumber, yearMonth, yearOf, type CalendarDate, type YearMonth } from '../calendar/index.js';
import { compareCodeUnits, type Finding } from '../findings/index.js';
import { formatRatio, signOf, type Amount, type Ratio } from '../money/index.js';
import { runningExact, runningSums } from '../money/amount.js';
import { monthSumsOf, monthSumsOfExact, monthSumsOfSmall, type MonthSums } from '../money/monthSums.js';
import { exact, mul, plain, plainOfSmall, runningSmall, smallExact, sub, subSmall, type Exact, type SmallExact } from '../money/_exact.js';
import type { Policy } from '../policy/index.js';
import { achievementDate, type Milestone, type Override, type Project, type Stall } from '../portfolio/index.js';
import {
  colourOfFacts,
  colourOfFigures,
  colourOfShown,
  colourOnly,
  investmentColourSmall,
  type ColourFacts,
  type ColourInput,
} from './colourOf.js';
import { forecast, NO_FORECAST, type Forecast } from './forecast.js';
import { milestoneState, overdueMonthsAt, type MilestoneState } from './milestoneStatus.js';
import { metricsOf, type ProgressMetrics } from './progressMetrics.js';
import { plannedInMonth } from '../ledger/plannedToDate.js';

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
  return reconcileWith(project, ctx, new ProjectFacts(project));
}

function reconcileWith(project: Project, ctx: ReconcileContext, facts: Facts): ProjectEvaluation {
  const { asOf, month, policy } = ctx;
  const milestones = byDueDate(project.milestones).map((m) => {
    const achieved = facts.achieved(m);
    return {
      id: m.id,
      kind: m.kind,
      name: m.name,
      due: m.due,
      achievedOn: achieved ?? null,
      state: milestoneState(m.due, achieved, asOf),
    };
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
  const input = colourInput(project, month, facts);
  const { metrics, stalledMonths } = input;
  const pct = (r: typeof metrics.lagPp): string | null => (r === null ? null : formatRatio(r));
  const shown = { schedulePct: pct(metrics.schedulePct), progressPct: pct(metrics.progressPct), lagPp: pct(metrics.lagPp) };
  const rated = colourOfShown(input, policy.colour, shown);
  const findings: Finding[] = [...rated.findings];
  let colour = rated.colour;
  const o = ctx.override;
  if (o) {
    const known = policy.colour.scale.find((c) => c.id === o.colour);
    if (known) {
      colour = o.colour;
      findings.push({
        rule: 'colour.override',
        subject: { kind: 'project', id: project.id },
        severity: 'info',
        message: {
          zh: `${o.by} 将颜色由${label(policy, rated.colour)}调整为${known.zh}:${o.reason}`,
          en: `colour set to ${o.colour} (computed ${rated.colour}) by ${o.by}: ${o.reason}`,
        },
        evidence: { month, computedColour: rated.colour, colour: o.colour, reason: o.reason, by: o.by },
      });
    } else {
      findings.push({
        rule: 'colour.override',
        subject: { kind: 'project', id: project.id },
        severity: 'warning',
        message: {
          zh: `人工调整的颜色"${o.colour}"不在色阶中,已忽略`,
          en: `override colour "${o.colour}" is not in the policy's scale; ignored`,
        },
        evidence: { month, colour: o.colour, scale: policy.colour.scale.map((c) => c.id), reason: o.reason, by: o.by },
      });
    }
  }
  return line(
    project,
    {
      colour,
      computedColour: rated.colour,
      plannedToDate: metrics.plannedToDate,
      completedToDate: metrics.completedToDate,
      schedulePct: shown.schedulePct,
      progressPct: shown.progressPct,
      lagPp: shown.lagPp,
      stallRun: stalledMonths.length,
      forecast: forecast(metrics.completedToDate, project.annualPlan, month, policy.forecast.decimals),
    },
    milestones,
    findings,
  );
}

/**
 * A project's line at the evaluated month and the colour shown at each of `months` (the evaluated month
 * among them), computed together: the sums to date, stalled months and achievements are worked out
 * once for all months. Equal, month by month, to {@link reconcileProject}'s colour (see the tests).
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
  /** Σ ledger and Σ reported investment to each month of `year`, January first. */
  readonly sums: YearSums;
} {
  const facts = new ProjectFacts(project);
  const line = reconcileWith(project, ctx, facts);
  const scale = ctx.policy.colour.scale;
  const history = months.map((month) => {
    if (month === ctx.month) return monthColour(month, line.colour);
    const computed = historyColour(project, month, facts, ctx.policy.colour);
    const o = overrideFor(month);
    return monthColour(month, o !== undefined && scale.some((c) => c.id === o.colour) ? o.colour : computed);
  });
  return { line, history, sums: facts.sums(year) };
}

// One frozen entry per month and colour, shared by every history that has it (D37): otherwise these pairs
// would be nine of the twenty-odd objects of each project's line. A policy has a handful of colours; each
// level of the cache is emptied should it ever grow large.
type MonthColourEntry = { readonly month: YearMonth; readonly colour: string | null };

const MONTH_COLOURS = new Map<YearMonth, Map<string | null, MonthColourEntry>>();

function monthColour(month: YearMonth, colour: string | null): MonthColourEntry {
  let byColour = MONTH_COLOURS.get(month);
  if (byColour === undefined) {
    if (MONTH_COLOURS.size >= 1024) MONTH_COLOURS.clear();
    byColour = new Map();
    MONTH_COLOURS.set(month, byColour);
  }
  let entry = byColour.get(colour);
  if (entry === undefined) {
    if (byColour.size >= 64) byColour.clear();
    entry = Object.freeze({ month, colour });
    byColour.set(colour, entry);
  }
  return entry;
}

// The colour the rules give at `month` (no override), as colourOnly gives it: from the sums in doubles
// when they are held there (D36), else from the exact sums when every amount is plain, else through
// colourOnly itself.
function historyColour(project: Project, month: YearMonth, facts: Facts, policy: Policy['colour']): string {
  const year = yearOf(month);
  const k = monthNumber(month);
  const sums = facts.sums(year);
  const end = lastDayOfMonth(month);
  const stalled = facts.stalled(year);
  let stallRun = 0;
  for (let i = k; i >= 1 && stalled[i - 1] === true; i -= 1) stallRun += 1;
  const hasPlan = signOf(project.annualPlan) > 0;
  const known: ColourFacts = {
    hasPlan,
    month: k,
    stallRun,
    overdue: overdueAt(project, facts, end),
    hasReport: hasReport(project, month),
    openStall: project.stalls !== undefined && project.stalls.some((s) => isOpenAt(s, end)),
  };
  const p = sums.planned.small(k - 1);
  const c = sums.completed.small(k - 1);
  const a = facts.annualPlanSmall;
  if (!Number.isNaN(p) && !Number.isNaN(c) && a !== undefined && (!hasPlan || a.n > 0)) {
    const investment = hasPlan
      ? investmentColourSmall(policy.investment, k, p, sums.planned.scale, c, sums.completed.scale, a.n, a.e)
      : null;
    if (investment !== undefined) return colourOfFacts(known, policy, investment);
  }
  const planned = sums.planned.exact(k - 1);
  const completed = sums.completed.exact(k - 1);
  const annualPlan = facts.annualPlan();
  if (planned !== undefined && completed !== undefined && annualPlan !== undefined) {
    const colour = colourOfFigures({ ...known, planned, completed, annualPlan }, policy);
    if (colour !== undefined) return colour;
  }
  return colourOnly(colourInput(project, month, facts), policy);
}

// What every month's colour of a project needs, worked out once.
interface Facts {
  /** When a milestone of the project was achieved, as far as known (that of the last milestone with its id). */
  readonly achieved: (m: Milestone) => CalendarDate | undefined;
  /** Σ ledger and Σ reported investment to each month of a year, January first. */
  readonly sums: (year: number) => YearSums;
  /** Whether each month of a year is stalled, January first. */
  readonly stalled: (year: number) => readonly boolean[];
  /** The annual plan as a scaled integer, when it is plain (made on first call). */
  readonly annualPlan: () => Exact | undefined;
  /** The annual plan in a double, when it is a plain decimal of at most 15 digits. */
  readonly annualPlanSmall: SmallExact | undefined;
}

/** Σ ledger and Σ reported investment to each month of a year. */
export interface YearSums {
  readonly planned: MonthSums;
  readonly completed: MonthSums;
}

// Facts as one object with its methods on the prototype, made once per project.
class ProjectFacts implements Facts {
  readonly annualPlanSmall: SmallExact | undefined;
  // Each milestone's achievement date, in the order of the milestones; looked up by id from the last, so
  // that a repeated id (which validation rejects) reads the date of the last milestone with that id.
  private readonly dates: (CalendarDate | undefined)[] = [];
  // One year is asked for in all but the rarest evaluations: the last year's figures are kept.
  private sumsYear = Number.NaN;
  private yearSums: YearSums | undefined;
  private stalledYear = Number.NaN;
  private stalledMonths: readonly boolean[] | undefined;
  private annualPlanRead = false;
  private annualPlanExact: Exact | undefined;

  constructor(private readonly project: Project) {
    for (const m of project.milestones) this.dates.push(achievementDate(project, m));
    this.annualPlanSmall = smallExact(project.annualPlan);
  }

  achieved(m: Milestone): CalendarDate | undefined {
    const { milestones } = this.project;
    for (let i = milestones.length - 1; i >= 0; i -= 1) if ((milestones[i] as Milestone).id === m.id) return this.dates[i];
    return undefined;
  }

  sums(year: number): YearSums {
    if (this.yearSums === undefined || year !== this.sumsYear) {
      this.yearSums = yearSums(this.project, year);
      this.sumsYear = year;
    }
    return this.yearSums;
  }

  stalled(year: number): readonly boolean[] {
    if (this.stalledMonths === undefined || year !== this.stalledYear) {
      this.stalledMonths = stalledInYear(this.project, year);
      this.stalledYear = year;
    }
    return this.stalledMonths;
  }

  annualPlan(): Exact | undefined {
    if (!this.annualPlanRead) {
      this.annualPlanExact = exact(this.project.annualPlan);
      this.annualPlanRead = true;
    }
    return this.annualPlanExact;
  }
}

// Whether each month of `year` is stalled, January first, as isStalledMonth says: one pass over the
// reports (the first report of a month counts, as `find` gives it).
function stalledInYear(project: Project, year: number): boolean[] {
  const out: boolean[] = [false, false, false, false, false, false, false, false, false, false, false, false];
  const seen: boolean[] = [false, false, false, false, false, false, false, false, false, false, false, false];
  for (const r of project.reports) {
    if (yearOf(r.month) !== year) continue;
    const k = monthNumber(r.month) - 1;
    if (seen[k] === true) continue;
    seen[k] = true;
    out[k] = r.noProgress === true || (signOf(r.investment) <= 0 && signOf(plannedInMonth(project, r.month)) > 0);
  }
  return out;
}

// The amounts of `year` grouped by month, January first (the general path's input).
function cumulative(entries: readonly { readonly month: YearMonth; readonly investment: Amount }[], year: number): Amount[][] {
  const byMonth: Amount[][] = [[], [], [], [], [], [], [], [], [], [], [], []];
  for (const e of entries) if (yearOf(e.month) === year) byMonth[monthNumber(e.month) - 1]?.push(e.investment);
  return byMonth;
}

// Σ investment of the entries of `year` to each month, January first: in doubles while that is exact
// (D36), else in bigints; undefined when an amount is not plain.
function runningTotals(
  entries: readonly { readonly month: YearMonth; readonly investment: Amount }[],
  year: number,
): MonthSums | undefined {
  const small = runningSmall(
    entries.length,
    (i) => (entries[i] as { readonly investment: Amount }).investment,
    (i) => {
      const m = (entries[i] as { readonly month: YearMonth }).month;
      return yearOf(m) === year ? monthNumber(m) - 1 : -1;
    },
  );
  if (small !== undefined) return monthSumsOfSmall(small);
  const totals = runningExact(cumulative(entries, year));
  return totals === undefined ? undefined : monthSumsOfExact(totals);
}

// Σ to each month, as sumAmounts gives it, and the same as scaled integers when every amount is plain.
function yearSums(project: Project, year: number): YearSums {
  const planned = runningTotals(project.ledger.months, year);
  const completed = runningTotals(project.reports, year);
  if (planned === undefined || completed === undefined) {
    return {
      planned: monthSumsOf(runningSums(cumulative(project.ledger.months, year))),
      completed: monthSumsOf(runningSums(cumulative(project.reports, year))),
    };
  }
  return { planned, completed };
}

function colourInput(project: Project, month: YearMonth, facts: Facts): ColourInput {
  const end = lastDayOfMonth(month);
  const year = yearOf(month);
  const k = monthNumber(month);
  const stalled = facts.stalled(year);
  const stalledMonths: YearMonth[] = [];
  for (let i = k; i >= 1 && stalled[i - 1] === true; i -= 1) stalledMonths.push(yearMonth(year, i));
  return {
    projectId: project.id,
    month,
    metrics: metricsAt(project, facts, year, k),
    stalledMonths,
    overdue: overdueAt(project, facts, end),
    hasReport: hasReport(project, month),
    openStalls: project.stalls === undefined ? NONE : project.stalls.filter((s) => isOpenAt(s, end)),
  };
}

// Whether the project has a report for `month`.
function hasReport(project: Project, month: YearMonth): boolean {
  for (const r of project.reports) if (r.month === month) return true;
  return false;
}

function isOpenAt(s: Stall, end: CalendarDate): boolean {
  return s.since <= end && (s.until === undefined || s.until > end);
}

const NONE: readonly never[] = [];
const HUNDRED: Exact = { m: 100n, e: 0 };

// metricsOf at month k of `year`, from the sums in doubles or the exact sums when every amount is plain
// (the ratios are those percentOf gives: numerator × 100 and denominator, each written plain).
function metricsAt(project: Project, facts: Facts, year: number, k: number): ProgressMetrics {
  const s = facts.sums(year);
  const planned = s.planned.amount(k - 1);
  const completed = s.completed.amount(k - 1);
  if (signOf(project.annualPlan) > 0) {
    const small = smallMetrics(project, s, k, facts.annualPlanSmall);
    if (small !== undefined) return small;
  }
  const p = s.planned.exact(k - 1);
  const c = s.completed.exact(k - 1);
  const a = facts.annualPlan();
  if (p === undefined || c === undefined || a === undefined || a.m <= 0n || signOf(project.annualPlan) <= 0) {
    return metricsOf(planned, completed, project.annualPlan);
  }
  const denominator = plain(a) as Amount;
  const percent = (x: Exact): Ratio => ({ numerator: plain(mul(x, HUNDRED)) as Amount, denominator });
  return {
    plannedToDate: planned,
    completedToDate: completed,
    annualPlan: project.annualPlan,
    schedulePct: percent(p),
    progressPct: percent(c),
    lagPp: percent(sub(p, c)),
  };
}

// metricsAt from the sums in doubles (annual plan above 0); undefined when a figure leaves the safe integers.
function smallMetrics(project: Project, s: YearSums, k: number, a: SmallExact | undefined): ProgressMetrics | undefined {
  const p = s.planned.small(k - 1);
  const c = s.completed.small(k - 1);
  if (a === undefined || a.n <= 0 || Number.isNaN(p) || Number.isNaN(c)) return undefined;
  const pe = s.planned.scale;
  const ce = s.completed.scale;
  const lag = subSmall(p, pe, c, ce) * 100;
  if (!Number.isSafeInteger(p * 100) || !Number.isSafeInteger(c * 100) || !Number.isSafeInteger(lag)) return undefined;
  const denominator = plainOfSmall(a.n, a.e) as Amount;
  return {
    plannedToDate: s.planned.amount(k - 1),
    completedToDate: s.completed.amount(k - 1),
    annualPlan: project.annualPlan,
    schedulePct: { numerator: plainOfSmall(p * 100, pe) as Amount, denominator },
    progressPct: { numerator: plainOfSmall(c * 100, ce) as Amount, denominator },
    lagPp: { numerator: plainOfSmall(lag, Math.max(pe, ce)) as Amount, denominator },
  };
}

// The start and completion milestones overdue at `end`, with their month-ends overdue.
function overdueAt(project: Project, facts: Facts, end: CalendarDate): ColourInput['overdue'] {
  let out: { milestone: Milestone; overdueMonths: number }[] | undefined;
  for (const m of project.milestones) {
    if (m.kind !== 'start' && m.kind !== 'completion') continue;
    const overdueMonths = overdueMonthsAt(m.due, facts.achieved(m), end);
    if (overdueMonths > 0) (out ??= []).push({ milestone: m, overdueMonths });
  }
  return out ?? NONE;
}

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

function label(policy: Policy, id: string): string {
  return policy.colour.scale.find((c) => c.id === id)?.zh ?? id;
}
