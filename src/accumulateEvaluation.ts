import {
  evaluatedMonth,
  lastMonthOf,
  ledgerDue,
  monthsOfYear,
  parseCalendarDate,
  type CalendarDate,
  type DeadlineOptions,
  type WorkingCalendar,
  type YearMonth,
} from './calendar/index.js';
import type { EvaluatedProject, EvaluateOptions, Evaluation, InterviewCase } from './evaluate.js';
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
import { parsePolicy, policyIdOf, type Policy } from './policy/index.js';
import type { Override, Portfolio, PortfolioDocument, Project } from './portfolio/index.js';
import { knownProject, knownRecords } from './portfolio/knownAt.js';
import type { YearFigures } from './portfolio/yearFigures.js';
import { reconcileTimeline } from './reconciliation/reconcileProject.js';
import { approvalWarning } from './reporting/approvalWarning.js';
import { closedReportMonths, reportGaps, type ClosedMonth } from './reporting/reportCompliance.js';
import { reviewCompliance } from './reporting/reviewCompliance.js';
import { undatedReportWarnings } from './reporting/undatedReportWarnings.js';
import { escalationCompliance } from './scheduling/escalationCompliance.js';
import { escalationLines } from './scheduling/escalationLines.js';
import { leaderViews, type ProjectColour } from './meetings/leaderViews.js';
import { cityLeaderMeetingGaps, departmentMeetingGaps, mayorMeetingGaps } from './scheduling/meetingCompliance.js';
import {
  accountabilityCasesOf,
  accountabilityFinding,
  type AccountableProject,
  type TriggerKey,
} from './supervision/accountability/accountabilityCases.js';
import { inactionRun } from './supervision/accountability/inactionRun.js';
import { bottomThreeTwice, countedBottoms } from './supervision/interview/bottomThreeTwice.js';
import { directiveLines, directiveNotImplemented, type DirectiveLine } from './supervision/interview/directiveNotImplemented.js';
import { insufficientPreliminaryStudy } from './supervision/interview/insufficientPreliminaryStudy.js';
import { leaderRequest } from './supervision/interview/leaderRequest.js';
import { missedStartOrCompletion } from './supervision/interview/missedStartOrCompletion.js';
import { interviewFinding, type InterviewTrigger } from './supervision/interview/types.js';
import { unapprovedChange } from './supervision/interview/unapprovedChange.js';
import { bottomFindings, monthEndRankingOfSums, rankedQuarters, rankingOfSums } from './supervision/notification/quarterlyRanking.js';
import { rankingBuckets } from './supervision/notification/rankingBuckets.js';
import { appendTo } from './_lib/append.js';

// The one orchestration behind `evaluate` and `evaluateStream`: an accumulator takes the projects one at a
// time and then gives the portfolio-level part; a collector assembles the parts into an `Evaluation`.

/** The options of an evaluation, read once: the day, the policy and the working calendar. */
export interface EvaluationSettings {
  readonly asOf: CalendarDate;
  readonly policy: Policy;
  readonly calendar?: WorkingCalendar;
}

/**
 * The settings of {@link EvaluateOptions}: `asOf` read, then the policy.
 * @throws `SansansanError` `invalid_date` when `asOf` is not a date; `ValidationError` when the policy is invalid.
 */
export function evaluationSettings(options: EvaluateOptions): EvaluationSettings {
  const asOf = parseCalendarDate(options.asOf);
  const policy = parsePolicy(options.policy ?? 'handan-2018');
  return { asOf, policy, ...(options.calendar && { calendar: options.calendar }) };
}

/** A portfolio's records besides its projects: the header of its NDJSON form. */
export type PortfolioRecords = Omit<PortfolioDocument, 'projects'>;

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

/** The context of an evaluation of the records `known` (known at `settings.asOf`). */
export function evaluationContext(
  known: Pick<Portfolio, 'year' | 'leaders' | 'bureauReviews' | 'overrides'>,
  settings: EvaluationSettings,
): EvaluationContext {
  const { asOf, policy } = settings;
  const deadlines: DeadlineOptions = {
    dueDay: policy.reporting.dueDay,
    holidayShift: policy.reporting.holidayShift,
    ...(settings.calendar && { calendar: settings.calendar }),
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

/** What one project adds to an evaluation, as `evaluateStream` gives it. */
export interface ProjectResult {
  /** Its line, with history and findings. */
  readonly project: EvaluatedProject;
  /** Its compliance gaps (1.1 ledger, 1.2 reports and approval warning). */
  readonly compliance: readonly ComplianceFinding[];
  /** Its interview triggers (3.2.2 to 3.2.5). */
  readonly triggers: readonly InterviewTrigger[];
  /** The findings it adds to the flat list: its line's (as in `project`), then its compliance gaps' and its triggers'. */
  readonly findings: readonly Finding[];
}

/** A project's result, with what the portfolio-level part reads of it. */
export interface ProjectPart extends ProjectResult {
  /** The months of its 不作为 run (3.3), when it has one. */
  readonly redRun?: readonly YearMonth[];
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
    // The known keys only: a document's unknown keys never reach the result.
    responsible: { leader: p.responsible.leader, person: p.responsible.person },
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
    directives: directiveLines(p, asOf, policy.interview.directiveDays, policy.interview.directiveFailure),
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

  const findings: Finding[] = [...line.findings];
  for (const c of compliance) findings.push(complianceFinding(c));
  for (const t of triggers) findings.push(interviewFinding(t));
  return { project: line, compliance, triggers, findings, ...(redRun && { redRun }), figures };
}

/** Whether accountability (3.3) may name project `p`: it has a 不作为 run, an interview trigger or an incident. */
export function mayBeNamed(p: Pick<Project, 'incidents'>, part: Pick<ProjectPart, 'redRun' | 'triggers'>): boolean {
  return part.redRun !== undefined || part.triggers.length > 0 || (p.incidents ?? []).length > 0;
}

/** What accountability (3.3) reads of `p`, and nothing else, so that the rest of the project is not kept. */
export function accountableProject(p: Project): AccountableProject {
  return {
    id: p.id,
    name: p.name,
    departmentId: p.departmentId,
    ...(p.majorLivelihood !== undefined && { majorLivelihood: p.majorLivelihood }),
    ...(p.incidents !== undefined && { incidents: p.incidents }),
  };
}

/**
 * Takes the projects of one evaluation one at a time, then gives its portfolio-level part: what
 * `evaluate` and `evaluateStream` both run.
 */
export interface EvaluationAccumulator {
  /** Evaluate a project (as the document gives it; it is taken as known at asOf here) and keep what the portfolio-level part reads of it. */
  readonly add: (project: Project) => ProjectResult;
  /**
   * The portfolio-level part of the evaluation, once every project has been added: departments,
   * notifications, department-level interview triggers (3.2.1, 3.2.6), accountability, the compliance of
   * reviews, meetings and escalations, and the findings of those (not the projects' own).
   */
  readonly finish: () => Omit<Evaluation, 'projects'>;
}

/**
 * An accumulator for the portfolio whose records (everything but the projects) are `records`.
 *
 * @remarks
 * Each project's part is taken apart as soon as it is added, so that only what the portfolio-level part
 * reads stays alive: the sums to date go into the ranking's buckets, accountability keeps only the
 * projects it may name (reduced to what it reads), and of the rest only the departments with projects,
 * the triggers and the 不作为 runs.
 */
export function createEvaluationAccumulator(records: PortfolioRecords, settings: EvaluationSettings): EvaluationAccumulator {
  const { asOf, policy } = settings;
  const known = knownRecords(records, asOf);
  const ctx = evaluationContext(known, settings);
  // The sums at each ranked quarter's end, then at the evaluated month (for its month-end ranking).
  const buckets = rankingBuckets(
    [...ctx.quarterEnds, ...(ctx.month === null ? [] : [ctx.month])],
    policy.ranking.aggregation === 'meanOfProjectRates',
  );
  const withProjects = new Set<string>();
  const triggers: TriggerKey[] = [];
  const redRuns = new Map<string, readonly YearMonth[]>();
  const named: AccountableProject[] = [];
  // What each leader's view reads: every project's colour, and the directives still open.
  const colours: ProjectColour[] = [];
  const openDirectives: DirectiveLine[] = [];

  const add = (raw: Project): ProjectResult => {
    const p = knownProject(raw, asOf);
    const part = evaluateProject(p, ctx);
    buckets.add(p, part.figures);
    withProjects.add(p.departmentId);
    // Only what accountability reads of a trigger: its evidence and messages go out with the project.
    for (const t of part.triggers) triggers.push(triggerKey(t));
    if (part.redRun) redRuns.set(p.id, part.redRun);
    if (mayBeNamed(p, part)) named.push(accountableProject(p));
    colours.push({ projectId: p.id, departmentId: p.departmentId, colour: part.project.colour });
    for (const d of part.project.directives) if (d.status !== 'met') openDirectives.push(d);
    return part;
  };

  const finish = (): Omit<Evaluation, 'projects'> => {
    const { year, month } = ctx;
    const departmentIds = known.departments.map((d) => d.id);

    // 1.2, 2.x: compliance of closed periods.
    const compliance: ComplianceFinding[] = [
      ...reviewCompliance(known.bureauReviews, year, asOf),
      ...departmentMeetingGaps(known, withProjects, asOf),
      ...cityLeaderMeetingGaps(known, withProjects, asOf),
      ...mayorMeetingGaps(known, asOf),
      ...escalationCompliance(known.escalations ?? [], asOf, policy.scheduling.escalationDays),
    ].sort(compareCompliance);
    const escalations = escalationLines(known.escalations ?? [], known.leaders, asOf, policy.scheduling.escalationDays);

    // 3.1: quarterly ranking and reminder letters.
    const notifications = rankedQuarters(year, month).map((q, k) => rankingOfSums(departmentIds, buckets.sums(k), q, policy));
    // The month-end ranking (月度排名) through the evaluated month: a report, as bulletins print it.
    const monthEnd = month === null ? null : monthEndRankingOfSums(departmentIds, buckets.sums(ctx.quarterEnds.length), month, policy);

    // 3.2.1 and 3.2.6: the interview triggers of a department (the projects' came with them).
    const departmentTriggers: InterviewTrigger[] = [
      ...bottomThreeTwice(countedBottoms(notifications, known.notifications ?? []), policy.interview.twice),
      ...leaderRequest(known.interviewRequests ?? []),
    ];

    // 3.3: advisory accountability.
    const missedMeetingMonths = new Map<string, YearMonth[]>();
    for (const c of compliance) {
      if (c.rule === '2.1' && c.kind === 'meetingMissing' && c.period !== undefined) {
        appendTo(missedMeetingMonths, c.subjectId, c.period as YearMonth);
      }
    }
    const accountability = accountabilityCasesOf(departmentIds, named, {
      missedMeetingMonths,
      redRuns,
      triggers: [...departmentTriggers, ...triggers],
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
      ...departmentTriggers.map(interviewFinding),
      ...accountability.map(accountabilityFinding),
    ]);

    return {
      asOf,
      year,
      month,
      policy: policyIdOf(policy),
      unit: records.unit ?? '万元',
      city: records.city ?? null,
      colours: policy.colour.scale,
      departments: [...records.departments]
        .sort((a, b) => compareCodeUnits(a.id, b.id))
        .map((d) => ({
          departmentId: d.id,
          name: d.name,
          leaderId: d.leaderId,
          leaderName: records.leaders.find((l) => l.id === d.leaderId)?.name ?? d.leaderId,
        })),
      leaders: leaderViews(
        known.leaders,
        known.departments,
        policy.colour.scale.map((c) => c.id),
        colours,
        escalations,
        openDirectives,
      ),
      notifications,
      monthEnd,
      interviews: interviewCases(departmentTriggers),
      escalations,
      accountability,
      compliance,
      findings,
    };
  };

  return { add, finish };
}

/** Assembles an {@link Evaluation} from the projects' results and the portfolio-level part. */
export interface EvaluationCollector {
  /** Take one project's result (in any order). */
  readonly add: (result: ProjectResult) => void;
  /** The evaluation: the projects' results with the portfolio-level part, every list in order. */
  readonly finish: (portfolio: Omit<Evaluation, 'projects'>) => Evaluation;
}

/** A collector: what `evaluate` and `collectEvaluation` both run. */
export function createEvaluationCollector(): EvaluationCollector {
  const projects: EvaluatedProject[] = [];
  const compliance: ComplianceFinding[] = [];
  const findings: Finding[] = [];
  const triggers: InterviewTrigger[] = [];

  const add = (r: ProjectResult): void => {
    projects.push(r.project);
    for (const c of r.compliance) compliance.push(c);
    for (const t of r.triggers) triggers.push(t);
    // A project's findings in order, so that the projects', in id order, are in order too: its line's are
    // in order already, and only the others (after them) are sorted before one merge.
    const own = r.project.findings;
    const ordered = startsWith(r.findings, own) ? mergeFindings(own, sortFindings(r.findings.slice(own.length))) : sortFindings(r.findings);
    for (const f of ordered) findings.push(f);
  };

  const finish = (e: Omit<Evaluation, 'projects'>): Evaluation => ({
    asOf: e.asOf,
    year: e.year,
    month: e.month,
    policy: e.policy,
    unit: e.unit,
    city: e.city,
    colours: e.colours,
    departments: e.departments,
    leaders: e.leaders,
    projects: projects.sort((a, b) => compareCodeUnits(a.projectId, b.projectId)),
    notifications: e.notifications,
    monthEnd: e.monthEnd,
    interviews: interviewCases([
      ...e.interviews.flatMap((c) => c.triggers.map((t): InterviewTrigger => ({ departmentId: c.departmentId, ...t }))),
      ...triggers,
    ]),
    escalations: e.escalations,
    accountability: e.accountability,
    compliance: [...e.compliance, ...compliance].sort(compareCompliance),
    // Both lists are in order (the projects' already when they come in id order): one merge.
    findings: mergeFindings(e.findings, sortFindings(findings)),
  });

  return { add, finish };
}

function startsWith(list: readonly Finding[], head: readonly Finding[]): boolean {
  if (list.length < head.length) return false;
  for (let i = 0; i < head.length; i += 1) if (list[i] !== head[i]) return false;
  return true;
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

/** The order of compliance gaps: by rule, kind, subject and period. */
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

function triggerKey(t: InterviewTrigger): TriggerKey {
  return { departmentId: t.departmentId, rule: t.rule, ...(t.projectId !== undefined && { projectId: t.projectId }) };
}

const optional = <T>(x: T | undefined): readonly T[] => (x === undefined ? [] : [x]);
