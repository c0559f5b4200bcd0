import {
  evaluatedMonth,
  parseCalendarDate,
  type CalendarDate,
  type DeadlineOptions,
  type WorkingCalendar,
  type YearMonth,
} from './calendar/index.js';
import { compareCodeUnits, compareFindings, type Finding } from './findings/index.js';
import { sumAmounts, type MoneyUnit } from './money/index.js';
import { parsePolicy, policyIdOf, type Policy, type PresetId } from './policy/index.js';
import { knownAt, type Portfolio, type Project } from './portfolio/index.js';
import { reconcileProject, type ProjectEvaluation } from './reconciliation/reconcileProject.js';

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
  /** One line per project, by project id. */
  readonly projects: readonly ProjectEvaluation[];
  /** Every finding, flat, by subject kind, subject id and rule. */
  readonly findings: readonly Finding[];
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
  const month = evaluatedMonth(portfolio.year, asOf, deadlines);
  const known = knownAt(portfolio, asOf);
  const overrides = new Map((known.overrides ?? []).map((o) => [`${o.projectId}\u0000${o.month}`, o] as const));

  const projects = [...known.projects]
    .sort((a, b) => compareCodeUnits(a.id, b.id))
    .map((p) => {
      const override = month === null ? undefined : overrides.get(`${p.id}\u0000${month}`);
      const line = reconcileProject(p, { asOf, month, policy, ...(override && { override }) });
      return { ...line, findings: [...line.findings, ...dataFindings(p)].sort(compareFindings) };
    });

  return {
    asOf,
    year: portfolio.year,
    month,
    policy: policyIdOf(policy),
    unit: portfolio.unit ?? '万元',
    projects,
    findings: projects.flatMap((p) => p.findings).sort(compareFindings),
  };
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
