import {
  evaluatedMonth,
  monthsOfYear,
  firstDayOfMonth,
  lastDayOfMonth,
  parseCalendarDate,
  type CalendarDate,
  type DeadlineOptions,
  type WorkingCalendar,
  type YearMonth,
} from './calendar/index.js';
import { compareCodeUnits, compareFindings, complianceFinding, type ComplianceFinding, type Finding } from './findings/index.js';
import { ledgerCompliance } from './ledger/ledgerCompliance.js';
import { sumAmounts, type MoneyUnit } from './money/index.js';
import { parsePolicy, policyIdOf, type ColourDefinition, type Policy, type PresetId } from './policy/index.js';
import { knownAt, type Override, type Portfolio, type Project } from './portfolio/index.js';
import { reconcileTimeline, type ProjectEvaluation } from './reconciliation/reconcileProject.js';
import { approvalWarning } from './reporting/approvalWarning.js';
import { reportCompliance } from './reporting/reportCompliance.js';
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
import { unapprovedChange } from './supervision/interview/unapprovedChange.js';
import {
  bottomFindings,
  quarterlyRanking,
  rankedQuarters,
  type QuarterlyNotification,
} from './supervision/notification/quarterlyRanking.js';
import { appendTo } from './_lib/append.js';

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
  const policy = parsePolicy(options.policy ?? 'handan-2018');
  const deadlines: DeadlineOptions = {
    dueDay: policy.reporting.dueDay,
    holidayShift: policy.reporting.holidayShift,
    ...(options.calendar && { calendar: options.calendar }),
  };
  const year = portfolio.year;
  const month = evaluatedMonth(year, asOf, deadlines);
  const known = knownAt(portfolio, asOf);
  const sorted = [...known.projects].sort((a, b) => compareCodeUnits(a.id, b.id));
  const overrides = new Map((known.overrides ?? []).map((o) => [`${o.projectId}\u0000${o.month}`, o] as const));
  const overrideFor = (p: Project, m: YearMonth): Override | undefined => overrides.get(`${p.id}\u0000${m}`);

  // 1.3: the monthly four-colour reconciliation, and each month's colour up to it.
  const months = month === null ? [] : monthsOfYear(year).filter((x) => x <= month);
  const projects: EvaluatedProject[] = sorted.map((p) => {
    const override = month === null ? undefined : overrideFor(p, month);
    const { line: full, history } = reconcileTimeline(p, { asOf, month, policy, ...(override && { override }) }, months, (x) =>
      overrideFor(p, x),
    );
    const { findings, ...line } = full;
    return { ...line, history, findings: [...findings, ...dataFindings(p)].sort(compareFindings) };
  });

  // 1.1, 1.2, 2.x: compliance of closed periods (approval warnings look ahead).
  const compliance: ComplianceFinding[] = [
    ...sorted.flatMap((p) => [...ledgerCompliance(p, year, asOf, deadlines), ...reportCompliance(p, year, asOf, deadlines)]),
    ...sorted.flatMap((p) => approvalWarning(p, asOf, policy.approval.warnDays, known.bureauReviews) ?? []),
    ...reviewCompliance(known.bureauReviews, year, asOf),
    ...departmentMeetingCompliance(known, asOf),
    ...cityLeaderMeetingCompliance(known, asOf),
    ...mayorMeetingCompliance(known, asOf),
    ...escalationCompliance(known.escalations ?? [], asOf, policy.scheduling.escalationDays),
  ].sort(compareCompliance);

  // 3.1: quarterly ranking and reminder letters.
  const notifications = rankedQuarters(year, month).map((q) => quarterlyRanking(known, q, policy));

  // 3.2: the six interview triggers.
  const triggers: InterviewTrigger[] = [
    ...bottomThreeTwice(countedBottoms(notifications, known.notifications ?? []), policy.interview.twice),
    ...sorted
      .flatMap((p) => [
        missedStartOrCompletion(p, asOf),
        directiveNotImplemented(p, known.leaders, asOf, policy.interview.directiveDays, policy.interview.directiveFailure),
        insufficientPreliminaryStudy(p, asOf),
        unapprovedChange(p),
      ])
      .filter((t): t is InterviewTrigger => t !== undefined),
    ...leaderRequest(known.interviewRequests ?? []),
  ];
  const interviews = interviewCases(triggers);

  // 3.3: advisory accountability.
  const missedMeetingMonths = new Map<string, YearMonth[]>();
  for (const c of compliance) {
    if (c.rule === '2.1' && c.kind === 'meetingMissing' && c.period !== undefined) {
      appendTo(missedMeetingMonths, c.subjectId, c.period as YearMonth);
    }
  }
  // 不作为: shown in the worst colour for the last `inactionMonths` months, with no directive activity then.
  const redRuns = new Map<string, YearMonth[]>();
  const worst = policy.colour.scale[policy.colour.scale.length - 1]?.id;
  const span = policy.accountability.inactionMonths;
  projects.forEach((line, i) => {
    const window = line.history.slice(-span);
    const p = sorted[i] as Project;
    if (window.length === span && window.every((h) => h.colour === worst)) {
      const from = firstDayOfMonth((window[0] as MonthColour).month);
      if (!directiveActivity(p, from, lastDayOfMonth((window[window.length - 1] as MonthColour).month)))
        redRuns.set(
          p.id,
          window.map((h) => h.month),
        );
    }
  });
  const accountability = accountabilityCases(known, {
    missedMeetingMonths,
    redRuns,
    triggers,
    threshold: policy.accountability.missedMeetingMonths,
    inactionMonths: policy.accountability.inactionMonths,
  });

  const findings: Finding[] = [
    ...projects.flatMap((p) => p.findings),
    ...compliance.map(complianceFinding),
    ...notifications.flatMap((n) =>
      bottomFindings(
        n,
        (known.notifications ?? []).find((x) => x.quarter === n.quarter),
      ),
    ),
    ...triggers.map(interviewFinding),
    ...accountability.map(accountabilityFinding),
  ].sort(compareFindings);

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
    projects,
    notifications,
    interviews,
    accountability,
    compliance,
    findings,
  };
}

function directiveActivity(p: Project, from: CalendarDate, to: CalendarDate): boolean {
  return (p.directives ?? []).some((d) => [...d.measures, ...d.progress].some((e) => e.on >= from && e.on <= to));
}

function compareCompliance(a: ComplianceFinding, b: ComplianceFinding): number {
  return (
    compareCodeUnits(a.rule, b.rule) ||
    compareCodeUnits(a.kind, b.kind) ||
    compareCodeUnits(a.subjectId, b.subjectId) ||
    compareCodeUnits(a.period ?? '', b.period ?? '')
  );
}

function interviewCases(triggers: readonly InterviewTrigger[]): InterviewCase[] {
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

// Notes on the data that do not change a colour: warnings beside the rules (§2 validation warnings).
function dataFindings(p: Project): Finding[] {
  const out: Finding[] = [];
  {
    const total = sumAmounts(p.ledger.months.map((m) => m.investment));
    if (total !== p.annualPlan) {
      out.push({
        rule: '1.1',
        subject: { kind: 'project', id: p.id },
        severity: 'warning',
        message: {
          zh: `台账各月投资合计 ${total} 与年度计划 ${p.annualPlan} 不一致`,
          en: `the ledger months sum to ${total}, not the annual plan ${p.annualPlan}`,
        },
        evidence: { ledgerTotal: total, annualPlan: p.annualPlan },
      });
    }
    for (const r of p.reports) {
      if (r.submittedOn === undefined) {
        out.push({
          rule: '1.2',
          subject: { kind: 'project', id: p.id },
          severity: 'warning',
          message: { zh: `${r.month} 月报未填报送日期,视为已知`, en: `the ${r.month} report has no submission date; treated as known` },
          evidence: { month: r.month },
        });
      }
    }
  }
  return out;
}
