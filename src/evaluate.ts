import type { CalendarDate, WorkingCalendar, YearMonth } from './calendar/index.js';
import { createEvaluationAccumulator, createEvaluationCollector, evaluationSettings } from './accumulateEvaluation.js';
import { compareCodeUnits, type ComplianceFinding, type Finding } from './findings/index.js';
import type { MoneyUnit } from './money/index.js';
import type { ColourDefinition, Policy, PresetId } from './policy/index.js';
import type { Portfolio, Project } from './portfolio/index.js';
import type { ProjectEvaluation } from './reconciliation/reconcileProject.js';
import type { LeaderView } from './meetings/leaderViews.js';
import type { EscalationLine } from './scheduling/escalationLines.js';
import type { DirectiveLine } from './supervision/interview/directiveNotImplemented.js';
import type { AccountabilityCase } from './supervision/accountability/accountabilityCases.js';
import type { InterviewRule, InterviewTrigger } from './supervision/interview/types.js';
import type { MonthEndRanking, QuarterlyNotification } from './supervision/notification/quarterlyRanking.js';

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
  /** 领导视图 — every leader, by id: departments in charge, their projects by colour, open escalations and directives. */
  readonly leaders: readonly LeaderView[];
  /** One line per project, by project id. */
  readonly projects: readonly EvaluatedProject[];
  /** The quarterly notifications (3.1) of every ranked quarter, ascending. */
  readonly notifications: readonly QuarterlyNotification[];
  /** 月度排名 — the month-end ranking through the evaluated month (a report, not a notification), or null without an evaluated month. */
  readonly monthEnd: MonthEndRanking | null;
  /** Departments with at least one interview trigger (3.2), by id. */
  readonly interviews: readonly InterviewCase[];
  /** 问题报告 — every escalation known at `asOf`, at the level it was raised to, by `raisedOn`. */
  readonly escalations: readonly EscalationLine[];
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
  /** 责任人 — the department's leading responsible leader and the specific responsible person. */
  readonly responsible: Project['responsible'];
  /** 领导批示 — the directives known at `asOf`, with where each stands, by `issuedOn` then id. */
  readonly directives: readonly DirectiveLine[];
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
  const accumulator = createEvaluationAccumulator(portfolio, evaluationSettings(options));
  const collector = createEvaluationCollector();
  // In id order, so that the projects' findings come in order and are merged, not sorted.
  for (const p of [...portfolio.projects].sort((a, b) => compareCodeUnits(a.id, b.id))) collector.add(accumulator.add(p));
  return collector.finish(accumulator.finish());
}
