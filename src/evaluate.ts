import {
  evaluatedMonth,
  monthsOfYear,
  lastMonthOf,
  ledgerDue,
  parseCalendarDate,
  type CalendarDate,
  type DeadlineOptions,
  type WorkingCalendar,
  type YearMonth,
} from './calendar/index.js';
import {
  compareCodeUnits,
  complianceFinding,
  mergeFindings,
  sortFindings,
  type ComplianceFinding,
  type Finding,
} from './findings/index.js';
import { ledgerGaps } from './ledger/ledgerCompliance.js';
import { ledgerSumWarning } from './ledger/ledgerSumWarning.js';
import { undatedReportWarnings } from './reporting/undatedReportWarnings.js';
import { inactionRun } from './supervision/accountability/inactionRun.js';
import { ZERO, type MoneyUnit } from './money/index.js';
import type { YearFigures } from './portfolio/yearFigures.js';
import { parsePolicy, policyIdOf, type ColourDefinition, type Policy, type PresetId } from './policy/index.js';
import { knownAt, type Override, type Portfolio, type Project } from './portfolio/index.js';
import { knownProject } from './portfolio/knownAt.js';
import { reconcileTimeline, type ProjectEvaluation } from './reconciliation/reconcileProject.js';
import { approvalWarning } from './reporting/approvalWarning.js';
import { closedReportMonths, reportGaps, type ClosedMonth } from './reporting/reportCompliance.js';
import { reviewCompliance } from './reporting/reviewCompliance.js';
import { escalationCompliance } from './scheduling/escalationCompliance.js';
import { cityLeaderMeetingCompliance, departmentMeetingCompliance, mayorMeetingCompliance } from './scheduling/meetingCompliance.js';
import { accountabilityCases, accountabilityFinding, type AccountabilityCase } from './supervision/accountability/accountabilityCases.js';
import { bottomThreeTwice, countedBottoms } from './supervision/interview/bottomThreeTwice.js';
import { directiveNotImplemented } from './supervision/interview/directiveNotImplemented.js';
import { insufficientPreliminaryStudy } from './supervision/interview/insufficientPreliminaryStudy.js';
import { leaderRequest } from './supervision/interview/leaderRequest.js';
import { missedStartOrCompletion } from './supervision/interview/missedStartOrCompletion.js';
import { interviewFinding, type InterviewRule, type InterviewTrigger } from './supervision/interview/types.js';
import type { TriggerKey } from './supervision/accountability/accountabilityCases.js';
import { unapprovedChange } from './supervision/interview/unapprovedChange.js';
import {
  bottomFindings,
  quarterlyRanking,
  rankedQuarters,
  type QuarterlyNotification,
} from './supervision/notification/quarterlyRanking.js';
import { appendTo } from './_lib/append.js';
import { rankingBuckets } from './supervision/notification/rankingBuckets.js';

/**
 * Options of {@link evaluate}.
 * @example
 * ```ts
 * const o: EvaluateOptions = { asOf: '2025-10-15', policy: 'handan-2018' };
 * ```
 * @category Evaluation
 */
export interface EvaluateOptions {
  /** The day of the evaluation, `YYYY-MM-DD`: only what is known on that day counts. */
  readonly asOf: string;
  /** A policy or a preset id (default `handan-2018`). */
  readonly policy?: Policy | PresetId;
  /** A working calendar, so that deadlines on non-working days move. */
  readonly calendar?: WorkingCalendar;
}

/**
 * The result of {@link evaluate} (评价结果): plain readonly JSON data, every list sorted.
 * @example
 * ```ts
 * const e: Evaluation = evaluate(portfolio, { asOf: '2025-10-15' });
 * e.month; //=> '2025-09'
 * ```
 * @category Evaluation
 */
export interface Evaluation {
  /** 评价日期 — the day of the evaluation. */
  readonly asOf: CalendarDate;
  /** 年度 — the document's year. */
  readonly year: number;
  /** The evaluated month, or null before the first report deadline of the year has passed. */
  readonly month: YearMonth | null;
  /** The preset id of the policy used, or `"custom"`. */
  readonly policy: PresetId | 'custom';
  /** The money unit of every amount. */
  readonly unit: MoneyUnit;
  /** The city, as the document names it. */
  readonly city: string | null;
  /** The policy's colour scale, best first: ids, labels and display colours for readers of the result. */
  readonly colours: readonly ColourDefinition[];
  /** Every department with its name and leader in charge, by id: what letters and notices are addressed to. */
  readonly departments: readonly DepartmentLine[];
  /** One line per project, by project id. */
  readonly projects: readonly EvaluatedProject[];
  /** The quarterly notifications (3.1) of every ranked quarter, ascending. */
  readonly notifications: readonly QuarterlyNotification[];
  /** Departments with at least one interview trigger (3.2), by id. */
  readonly interviews: readonly InterviewCase[];
  /** Advisory accountability cases (3.3), by department id. */
  readonly accountability: readonly AccountabilityCase[];
  /** Compliance gaps (1.1, 1.2, 2.x) of closed periods, by rule, kind, subject and period. */
  readonly compliance: readonly ComplianceFinding[];
  /** Every finding, flat, by subject kind, subject id and rule. */
  readonly findings: readonly Finding[];
}

/**
 * A department as the result names it (责任部门).
 * @example
 * ```ts
 * const d: DepartmentLine = { departmentId: 'D-sl', name: '市水利局', leaderId: 'L-sun', leaderName: '孙国强' };
 * ```
 * @category Evaluation
 */
export interface DepartmentLine {
  /** 部门 id. */
  readonly departmentId: string;
  /** 部门名称. */
  readonly name: string;
  /** 分管市领导 id. */
  readonly leaderId: string;
  /** 分管市领导姓名, or the id when the leader is unknown. */
  readonly leaderName: string;
}

/**
 * The displayed colour of one month (月度颜色), override included.
 * @example
 * ```ts
 * const c: MonthColour = { month: '2025-09', colour: 'red' };
 * ```
 * @category Evaluation
 */
export interface MonthColour {
  /** 月份. */
  readonly month: YearMonth;
  /** 当月显示的颜色 — the colour shown for that month with what is known at `asOf`. */
  readonly colour: string | null;
}

/**
 * A project's line of the evaluation with its colour history (颜色记录).
 * @example
 * ```ts
 * evaluation.projects[0]?.history.map((h) => h.colour); //=> ['green', 'green', 'white', …]
 * ```
 * @category Evaluation
 */
export interface EvaluatedProject extends ProjectEvaluation {
  /** The displayed colour of every month of the year up to the evaluated month, January first, as judged with what is known at `asOf`. */
  readonly history: readonly MonthColour[];
}

/**
 * A department to interview (约谈) and every trigger that makes it so.
 * @example
 * ```ts
 * evaluation.interviews[0]; //=> { departmentId: 'D-cg', triggers: [{ rule: '3.2.6', evidence: {…}, message: {…} }] }
 * ```
 * @category Evaluation
 */
export interface InterviewCase {
  /** The department. */
  readonly departmentId: string;
  /** Its triggers, by rule then project id. */
  readonly triggers: readonly {
    /** The condition of 3.2 that holds. */
    readonly rule: InterviewRule;
    /** The project concerned (absent for 3.2.1 and 3.2.6). */
    readonly projectId?: string;
    /** The records behind it. */
    readonly evidence: InterviewTrigger['evidence'];
    /** What happened, in Chinese and English. */
    readonly message: InterviewTrigger['message'];
  }[];
}

/**
 * Evaluate a portfolio as of a date (评价): the one orchestration of the mechanism.
 *
 * @remarks
 * Pure: the same portfolio, date, policy and calendar give the same result, whatever the order of the
 * input lists. Only what is known at `asOf` counts (see `knownAt`). The evaluated month is the latest
 * month of the document's year whose report deadline has passed. Valid input never throws.
 *
 * @throws {@link SansansanError} `invalid_date` when `asOf` is not a date; {@link ValidationError} when
 * `policy` is not a valid policy or preset id.
 * @example
 * ```ts
 * const result = evaluate(parsePortfolio(json), { asOf: '2025-10-15' });
 * result.projects.map((p) => p.colour); //=> ['green', 'yellow', …]
 * ```
 * @category Evaluation
 */
export function evaluate(portfolio: Portfolio, options: EvaluateOptions): Evaluation {
  const asOf = parseCalendarDate(options.asOf);
  const known = knownAt({ ...portfolio, projects: [] }, asOf);
  const ctx = evaluationContext(known, options);
  const sorted = [...portfolio.projects].sort((a, b) => compareCodeUnits(a.id, b.id));
  const buckets = rankingBuckets(ctx.quarterEnds, ctx.policy.ranking.aggregation === 'meanOfProjectRates');
  // Each project is taken as known at asOf, and its part taken apart, as soon as it is reached, so that
  // only what the result keeps stays alive: the sums to date go into the ranking's buckets and are
  // dropped, and accountability keeps only the projects it may name.
  const lines: EvaluatedProject[] = [];
  const compliance: ComplianceFinding[] = [];
  const findings: Finding[] = [];
  const triggers: InterviewTrigger[] = [];
  const redRuns = new Map<string, readonly YearMonth[]>();
  const named: Project[] = [];
  for (const raw of sorted) {
    const p = knownProject(raw, asOf);
    const part = evaluateProject(p, ctx);
    buckets.add(p, part.figures);
    lines.push(part.line);
    for (const c of part.compliance) compliance.push(c);
    // Each project's findings in order, so that the projects' findings, in id order, are in order too: its
    // line's are in order already, and only its compliance gaps' (after them) are sorted before one merge.
    const own = part.line.findings;
    for (const f of mergeFindings(own, sortFindings(part.findings.slice(own.length)))) findings.push(f);
    for (const t of part.triggers) triggers.push(t);
    if (part.redRun) redRuns.set(p.id, part.redRun);
    if (mayBeNamed(p, part)) named.push(accountabilitySkeleton(p));
  }
  const rest = evaluatePortfolio(portfolio, known, ctx, {
    rankingProjects: buckets.projects(),
    accountabilityProjects: named,
    projectTriggers: triggers,
    accountabilityTriggers: triggers,
    redRuns,
  });
  return {
    asOf: rest.asOf,
    year: rest.year,
    month: rest.month,
    policy: rest.policy,
    unit: rest.unit,
    city: rest.city,
    colours: rest.colours,
    departments: rest.departments,
    projects: lines,
    notifications: rest.notifications,
    interviews: rest.interviews,
    accountability: rest.accountability,
    compliance: [...rest.compliance, ...compliance].sort(compareCompliance),
    // Both lists are in order (the projects' already when each project's is): one merge, no sort.
    findings: mergeFindings(rest.findings, sortFindings(findings)),
  };
}

/** Whether accountability (3.3) may name project `p`: it has a 不作为 run, an interview trigger or an incident. */
export function mayBeNamed(p: Project, part: Pick<ProjectPart, 'redRun' | 'triggers'>): boolean {
  return part.redRun !== undefined || part.triggers.length > 0 || (p.incidents ?? []).length > 0;
}

/** A project with only what accountability (3.3) reads: id, name, department, the livelihood flag, incidents. */
export function accountabilitySkeleton(p: Project): Project {
  return {
    id: p.id,
    name: p.name,
    departmentId: p.departmentId,
    ...(p.majorLivelihood !== undefined && { majorLivelihood: p.majorLivelihood }),
    responsible: { leader: '', person: '' },
    annualPlan: ZERO,
    ledger: { months: [] },
    milestones: [],
    reports: [],
    ...(p.incidents !== undefined && { incidents: p.incidents }),
  };
}

/** What every part of one evaluation shares: the date, policy, deadlines, evaluated month and overrides. */
export interface EvaluationContext {
  readonly asOf: CalendarDate;
  readonly policy: Policy;
  readonly deadlines: DeadlineOptions;
  readonly year: number;
  readonly month: YearMonth | null;
  /** The months of the year up to the evaluated month. */
  readonly months: readonly YearMonth[];
  /** The last months of the ranked quarters (3.1). */
  readonly quarterEnds: readonly YearMonth[];
  /** The ledger deadline of the year (1.1). */
  readonly ledgerDue: CalendarDate;
  /** The months whose report deadline has passed, with their deadlines (1.2). */
  readonly closedMonths: readonly ClosedMonth[];
  /** The overrides, by project id, then by month. */
  readonly overrides: ReadonlyMap<string, ReadonlyMap<YearMonth, Override>>;
  /** The leaders (for 3.2.3). */
  readonly leaders: Portfolio['leaders'];
  /** The bureau reviews known at asOf (for 1.2 approval warnings). */
  readonly bureauReviews: Portfolio['bureauReviews'];
}

/** The context of an evaluation of `known` (a portfolio, or only its header, known at asOf). */
export function evaluationContext(
  known: Pick<Portfolio, 'year' | 'leaders' | 'bureauReviews' | 'overrides'>,
  options: EvaluateOptions,
): EvaluationContext {
  const asOf = parseCalendarDate(options.asOf);
  const policy = parsePolicy(options.policy ?? 'handan-2018');
  const deadlines: DeadlineOptions = {
    dueDay: policy.reporting.dueDay,
    holidayShift: policy.reporting.holidayShift,
    ...(options.calendar && { calendar: options.calendar }),
  };
  const year = known.year;
  const month = evaluatedMonth(year, asOf, deadlines);
  return {
    asOf,
    policy,
    deadlines,
    year,
    month,
    months: month === null ? [] : monthsOfYear(year).filter((x) => x <= month),
    quarterEnds: rankedQuarters(year, month).map(lastMonthOf),
    ledgerDue: ledgerDue(year, deadlines),
    closedMonths: closedReportMonths(year, asOf, deadlines),
    overrides: overridesByProject(known.overrides ?? []),
    leaders: known.leaders,
    bureauReviews: known.bureauReviews,
  };
}

/** What one project adds to an evaluation. */
export interface ProjectPart {
  /** Its line, with history and findings. */
  readonly line: EvaluatedProject;
  /** Its compliance gaps (1.1 ledger, 1.2 reports and approval warning). */
  readonly compliance: readonly ComplianceFinding[];
  /** Its interview triggers (3.2.2 to 3.2.5). */
  readonly triggers: readonly InterviewTrigger[];
  /** The months of its 不作为 run (3.3), when it has one. */
  readonly redRun?: readonly YearMonth[];
  /** The findings it adds to the flat list: its line's (as in {@link ProjectPart.line}), then its compliance gaps'. */
  readonly findings: readonly Finding[];
  /** Its year figures: Σ ledger and Σ reported investment known at asOf to each month (for the ranking). */
  readonly figures: YearFigures;
}

/** Evaluate one project known at asOf: everything of the result that depends on this project alone. */
export function evaluateProject(p: Project, ctx: EvaluationContext): ProjectPart {
  const { asOf, policy, month, months, year } = ctx;
  const overrides = ctx.overrides.get(p.id);
  const overrideFor = (m: YearMonth): Override | undefined => overrides?.get(m);

  // 1.3: the monthly four-colour reconciliation, and each month's colour up to it.
  const override = month === null ? undefined : overrideFor(month);
  const {
    line: full,
    history,
    figures,
  } = reconcileTimeline(p, { asOf, month, policy, ...(override && { override }) }, months, overrideFor, year);
  // The line with its history before its findings, keys in the documented order.
  const line: EvaluatedProject = {
    projectId: full.projectId,
    name: full.name,
    departmentId: full.departmentId,
    colour: full.colour,
    computedColour: full.computedColour,
    plannedToDate: full.plannedToDate,
    completedToDate: full.completedToDate,
    annualPlan: full.annualPlan,
    schedulePct: full.schedulePct,
    progressPct: full.progressPct,
    lagPp: full.lagPp,
    stallRun: full.stallRun,
    forecast: full.forecast,
    milestones: full.milestones,
    history,
    // Notes on the data beside the rules (1.1, 1.2), which change no colour.
    findings: sortFindings([...full.findings, ...optional(ledgerSumWarning(p)), ...undatedReportWarnings(p)]),
  };

  // 1.1, 1.2: compliance of closed periods (approval warnings look ahead).
  const compliance: ComplianceFinding[] = [...ledgerGaps(p, ctx.ledgerDue, asOf), ...reportGaps(p, ctx.closedMonths)];
  const warning = approvalWarning(p, asOf, policy.approval.warnDays, ctx.bureauReviews);
  if (warning !== undefined) compliance.push(warning);

  // 3.2.2 to 3.2.5: the interview triggers of one project.
  const triggers = [
    missedStartOrCompletion(p, asOf),
    directiveNotImplemented(p, ctx.leaders, asOf, policy.interview.directiveDays, policy.interview.directiveFailure),
    insufficientPreliminaryStudy(p, asOf),
    unapprovedChange(p),
  ].filter((t): t is InterviewTrigger => t !== undefined);

  // 3.3 不作为: the worst colour for the last `inactionMonths` months, with no directive activity then.
  const redRun = inactionRun(p, history, policy.colour.scale[policy.colour.scale.length - 1]?.id, policy.accountability.inactionMonths);
  return {
    line,
    compliance,
    triggers,
    ...(redRun && { redRun }),
    findings: [...line.findings, ...compliance.map(complianceFinding)],
    figures,
  };
}

/** What the portfolio-level part needs from the projects. */
export interface ProjectsSummary {
  /** Projects to rank departments by (3.1) and to find the departments with projects (2.1, 2.2). */
  readonly rankingProjects: readonly Project[];
  /** Projects that accountability (3.3) may name: with a red run, an incident or a trigger (or all). */
  readonly accountabilityProjects: readonly Project[];
  /** The projects' interview triggers to list in `interviews` and `findings` (all of them, or none in a stream). */
  readonly projectTriggers: readonly InterviewTrigger[];
  /** Every project's interview triggers, as accountability (3.3) reads them. */
  readonly accountabilityTriggers: readonly TriggerKey[];
  /** The 不作为 runs, by project id. */
  readonly redRuns: ReadonlyMap<string, readonly YearMonth[]>;
}

/**
 * The portfolio-level part of an evaluation: departments, notifications, interviews, accountability, the
 * compliance of reviews, meetings and escalations, and the findings of those (not the projects' own).
 */
export function evaluatePortfolio(
  portfolio: Omit<Portfolio, 'projects'>,
  known: Omit<Portfolio, 'projects'>,
  ctx: EvaluationContext,
  summary: ProjectsSummary,
): Omit<Evaluation, 'projects'> {
  const { asOf, policy, year, month } = ctx;
  const withProjects = (projects: readonly Project[]): Portfolio => ({ ...known, projects });
  const ranking = withProjects(summary.rankingProjects);

  // 1.2, 2.x: compliance of closed periods.
  const compliance: ComplianceFinding[] = [
    ...reviewCompliance(known.bureauReviews, year, asOf),
    ...departmentMeetingCompliance(ranking, asOf),
    ...cityLeaderMeetingCompliance(ranking, asOf),
    ...mayorMeetingCompliance(ranking, asOf),
    ...escalationCompliance(known.escalations ?? [], asOf, policy.scheduling.escalationDays),
  ].sort(compareCompliance);

  // 3.1: quarterly ranking and reminder letters.
  const notifications = rankedQuarters(year, month).map((q) => quarterlyRanking(ranking, q, policy));

  // 3.2: the six interview triggers.
  const departmentTriggers: InterviewTrigger[] = [
    ...bottomThreeTwice(countedBottoms(notifications, known.notifications ?? []), policy.interview.twice),
    ...leaderRequest(known.interviewRequests ?? []),
  ];
  const triggers = [...departmentTriggers, ...summary.projectTriggers];
  const interviews = interviewCases(triggers);

  // 3.3: advisory accountability.
  const missedMeetingMonths = new Map<string, YearMonth[]>();
  for (const c of compliance) {
    if (c.rule === '2.1' && c.kind === 'meetingMissing' && c.period !== undefined) {
      appendTo(missedMeetingMonths, c.subjectId, c.period as YearMonth);
    }
  }
  const accountability = accountabilityCases(withProjects(summary.accountabilityProjects), {
    missedMeetingMonths,
    redRuns: summary.redRuns,
    triggers: [...departmentTriggers, ...summary.accountabilityTriggers],
    threshold: policy.accountability.missedMeetingMonths,
    inactionMonths: policy.accountability.inactionMonths,
  });

  const findings: Finding[] = sortFindings([
    ...compliance.map(complianceFinding),
    ...notifications.flatMap((n) =>
      bottomFindings(
        n,
        (known.notifications ?? []).find((x) => x.quarter === n.quarter),
      ),
    ),
    ...triggers.map(interviewFinding),
    ...accountability.map(accountabilityFinding),
  ]);

  return {
    asOf,
    year,
    month,
    policy: policyIdOf(policy),
    unit: portfolio.unit ?? '万元',
    city: portfolio.city ?? null,
    colours: policy.colour.scale,
    departments: [...portfolio.departments]
      .sort((a, b) => compareCodeUnits(a.id, b.id))
      .map((d) => ({
        departmentId: d.id,
        name: d.name,
        leaderId: d.leaderId,
        leaderName: portfolio.leaders.find((l) => l.id === d.leaderId)?.name ?? d.leaderId,
      })),
    notifications,
    interviews,
    accountability,
    compliance,
    findings,
  };
}

function overridesByProject(overrides: readonly Override[]): Map<string, Map<YearMonth, Override>> {
  const out = new Map<string, Map<YearMonth, Override>>();
  for (const o of overrides) {
    let byMonth = out.get(o.projectId);
    if (byMonth === undefined) out.set(o.projectId, (byMonth = new Map<YearMonth, Override>()));
    byMonth.set(o.month, o);
  }
  return out;
}

export function compareCompliance(a: ComplianceFinding, b: ComplianceFinding): number {
  return (
    compareCodeUnits(a.rule, b.rule) ||
    compareCodeUnits(a.kind, b.kind) ||
    compareCodeUnits(a.subjectId, b.subjectId) ||
    compareCodeUnits(a.period ?? '', b.period ?? '')
  );
}

/** The interview cases of triggers: by department, each department's triggers by rule then project. */
export function interviewCases(triggers: readonly InterviewTrigger[]): InterviewCase[] {
  const byDepartment = new Map<string, InterviewTrigger[]>();
  for (const t of triggers) appendTo(byDepartment, t.departmentId, t);
  return [...byDepartment.keys()].sort(compareCodeUnits).map((departmentId) => ({
    departmentId,
    triggers: (byDepartment.get(departmentId) ?? [])
      .sort((a, b) => compareCodeUnits(a.rule, b.rule) || compareCodeUnits(a.projectId ?? '', b.projectId ?? ''))
      .map((t) => ({
        rule: t.rule,
        ...(t.projectId !== undefined && { projectId: t.projectId }),
        evidence: t.evidence,
        message: t.message,
      })),
  }));
}

const optional = <T>(x: T | undefined): readonly T[] => (x === undefined ? [] : [x]);
