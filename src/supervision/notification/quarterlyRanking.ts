import { lastMonthOf, monthNumber, quartersOfYear, type Quarter, type YearMonth } from '../../calendar/index.js';
import { compareCodeUnits, type Finding } from '../../findings/index.js';
import { plannedToDate } from '../../ledger/plannedToDate.js';
import {
  compareRatios,
  compareRatioTo,
  formatRatio,
  multiplyAmount,
  percentOf,
  ratioOf,
  signOf,
  sumAmounts,
  ZERO,
  type Amount,
  ratioToAmount,
  type Ratio,
} from '../../money/index.js';
import type { Policy } from '../../policy/index.js';
import type { IssuedNotification, Portfolio, Project } from '../../portfolio/index.js';
import { completedToDate } from '../../reconciliation/completedToDate.js';
import { appendTo } from '../../_lib/append.js';

/**
 * A department's line in the quarterly ranking (排名).
 * @example
 * ```ts
 * const r: RankingEntry = { rank: 1, departmentId: 'D-jt', planned: '58000', completed: '61000', ratePct: '105.17' };
 * ```
 * @category Supervision
 */
export interface RankingEntry {
  /** Competition rank by exact rate, highest first; equal rates share a rank (1, 2, 2, 4). */
  readonly rank: number;
  /** The department. */
  readonly departmentId: string;
  /** The denominator: the department's planned investment for the period (per `policy.ranking.denominator`). */
  readonly planned: Amount;
  /** Investment completed to the quarter's last month. */
  readonly completed: Amount;
  /** 完成计划投资率 in percent, 2 decimals, rounded half away from zero from the exact rate. */
  readonly ratePct: string;
}

/**
 * A department left out of the ranking, and why.
 * @example
 * ```ts
 * const x: ExcludedDepartment = { departmentId: 'D-ty', reason: 'noPlan' };
 * ```
 * @category Supervision
 */
export interface ExcludedDepartment {
  /** The department. */
  readonly departmentId: string;
  /** `noPlan`: no projects, or nothing planned for the period. */
  readonly reason: 'noPlan';
}

/**
 * A reminder letter (提醒函) to a bottom-three department, issued by the DRC for the city government.
 * @example
 * ```ts
 * const l: ReminderLetter = { quarter: '2025Q2', departmentId: 'D-sl', rank: 9, ratePct: '71.20', planned: '30000', completed: '21360' };
 * ```
 * @category Supervision
 */
export interface ReminderLetter {
  /** The quarter ranked. */
  readonly quarter: Quarter;
  /** The addressee. */
  readonly departmentId: string;
  /** Its rank. */
  readonly rank: number;
  /** Its completion rate in percent. */
  readonly ratePct: string;
  /** Its planned investment (the denominator). */
  readonly planned: Amount;
  /** Its completed investment. */
  readonly completed: Amount;
}

/**
 * One quarter's notification (季度通报, clause 3.1): every department, ranked or excluded, and the bottom three.
 * @example
 * ```ts
 * evaluation.notifications[0]?.bottom; //=> ['D-cg', 'D-gt', 'D-sl']
 * ```
 * @category Supervision
 */
export interface QuarterlyNotification {
  /** The quarter. */
  readonly quarter: Quarter;
  /** Ranked departments by rank, then id. */
  readonly ranking: readonly RankingEntry[];
  /** The bottom three (every department tied with the third-lowest rate), by id. */
  readonly bottom: readonly string[];
  /** Departments without a plan, by id. */
  readonly excluded: readonly ExcludedDepartment[];
  /** One reminder letter per bottom department, by id. */
  readonly reminderLetters: readonly ReminderLetter[];
}

interface DepartmentRate {
  readonly departmentId: string;
  readonly planned: Amount;
  readonly completed: Amount;
  readonly rate: Ratio | null;
}

// The denominator of a project as an exact fraction planNum / divisor: proRataAnnual is annualPlan × k / 12.
function planNumerator(p: Project, last: YearMonth, policy: Policy): Amount {
  switch (policy.ranking.denominator) {
    case 'ytdLedgerPlan':
      return plannedToDate(p, last);
    case 'annualPlan':
      return p.annualPlan;
    case 'proRataAnnual':
      return multiplyAmount(p.annualPlan, String(monthNumber(last)));
  }
}

function departmentRate(departmentId: string, projects: readonly Project[], last: YearMonth, policy: Policy): DepartmentRate {
  const divisor = (policy.ranking.denominator === 'proRataAnnual' ? '12' : '1') as Amount;
  const rows = projects.map((p) => ({
    plan: planNumerator(p, last, policy),
    ytd: plannedToDate(p, last),
    completed: completedToDate(p, last),
  }));
  const plan = sumAmounts(rows.map((r) => r.plan));
  // Exact, except the pro-rata plan (annualPlan × k / 12), shown rounded like the forecast.
  const planned = divisor === '1' ? plan : ratioToAmount(ratioOf(plan, divisor), policy.forecast.decimals);
  const completed = sumAmounts(rows.map((r) => r.completed));
  const rateOf = (c: Amount, n: Amount): Ratio => ratioOf(multiplyAmount(c, divisor), n);
  if (policy.ranking.aggregation === 'sumOfAmounts') {
    return { departmentId, planned, completed, rate: signOf(plan) > 0 ? rateOf(completed, plan) : null };
  }
  // Mean of the project rates, over projects with something planned to date.
  const eligible = rows.filter((r) => signOf(r.ytd) > 0 && signOf(r.plan) > 0);
  if (eligible.length === 0) return { departmentId, planned, completed, rate: null };
  // Σ nᵢ/dᵢ over k projects = (Σ nᵢ × Πⱼ≠ᵢ dⱼ) / (k × Π dᵢ), exact.
  let num = ZERO;
  let den = '1' as Amount;
  for (const r of eligible.map((x) => rateOf(x.completed, x.plan))) {
    num = sumAmounts([multiplyAmount(num, r.denominator), multiplyAmount(r.numerator, den)]);
    den = multiplyAmount(den, r.denominator);
  }
  return { departmentId, planned, completed, rate: ratioOf(num, multiplyAmount(den, String(eligible.length))) };
}

/**
 * Rank the departments for one quarter (季度通报排队, clause 3.1) by plan-investment completion rate
 * (完成计划投资率) and pick the bottom three (排名后三位).
 *
 * @remarks
 * Per department, `planned` sums its projects' plan to the quarter's last month L (the ledger's plan for
 * the same period — 同期台账确定的投资计划; or the annual plan, or annualPlan × month(L) / 12, per
 * `policy.ranking.denominator`) and `completed` their reported investment to L; rate = completed /
 * planned, exact (or the mean of project rates with `aggregation: "meanOfProjectRates"`). A department
 * with no projects or nothing planned is excluded (`noPlan`). Equal rates share a rank (1, 2, 2, 4).
 * Bottom: the ranked rates ascending, r₃ the `bottomCount`-th (or the highest when fewer are ranked),
 * every department with rate ≤ r₃; with `exemptAtOrAbovePlan`, rates ≥ 100 % are spared.
 * Pass the portfolio known at `asOf`.
 * @example
 * ```ts
 * quarterlyRanking(known, parseQuarter('2025Q1'), HANDAN_2018).bottom; //=> ['D-cg', 'D-gt', 'D-sl']
 * ```
 * @category Supervision
 */
export function quarterlyRanking(portfolio: Portfolio, quarter: Quarter, policy: Policy): QuarterlyNotification {
  const last = lastMonthOf(quarter);
  const byDepartment = new Map<string, Project[]>();
  for (const p of portfolio.projects) appendTo(byDepartment, p.departmentId, p);
  const rated: (DepartmentRate & { rate: Ratio })[] = [];
  const excluded: ExcludedDepartment[] = [];
  for (const d of [...portfolio.departments].sort((a, b) => compareCodeUnits(a.id, b.id))) {
    const projects = byDepartment.get(d.id) ?? [];
    const r = projects.length === 0 ? null : departmentRate(d.id, projects, last, policy);
    if (r?.rate) rated.push({ ...r, rate: r.rate });
    else excluded.push({ departmentId: d.id, reason: 'noPlan' });
  }
  rated.sort((a, b) => compareRatios(b.rate, a.rate) || compareCodeUnits(a.departmentId, b.departmentId));
  const ranking: RankingEntry[] = [];
  rated.forEach((r, i) => {
    const prev = ranking[i - 1];
    const prevRate = rated[i - 1]?.rate;
    const rank = prev && prevRate && compareRatios(prevRate, r.rate) === 0 ? prev.rank : i + 1;
    ranking.push({
      rank,
      departmentId: r.departmentId,
      planned: r.planned,
      completed: r.completed,
      ratePct: formatRatio(percentOf(r.rate.numerator, r.rate.denominator)),
    });
  });
  const ascending = [...rated].reverse();
  const threshold = ascending[Math.min(policy.ranking.bottomCount, ascending.length) - 1]?.rate;
  const bottomRates = threshold
    ? rated.filter(
        (r) => compareRatios(r.rate, threshold) <= 0 && !(policy.ranking.exemptAtOrAbovePlan && compareRatioTo(r.rate, '1') >= 0),
      )
    : [];
  const bottom = bottomRates.map((r) => r.departmentId).sort(compareCodeUnits);
  const entry = new Map(ranking.map((r) => [r.departmentId, r] as const));
  const reminderLetters = bottom.map((departmentId): ReminderLetter => {
    const e = entry.get(departmentId) as RankingEntry;
    return { quarter, departmentId, rank: e.rank, ratePct: e.ratePct, planned: e.planned, completed: e.completed };
  });
  return { quarter, ranking, bottom, excluded, reminderLetters };
}

/**
 * The quarters of the year that are ranked at the evaluated month `m`: those whose last month is ≤ m.
 * @example
 * ```ts
 * rankedQuarters(2025, parseYearMonth('2025-09')); //=> ['2025Q1', '2025Q2', '2025Q3']
 * ```
 * @category Supervision
 */
export function rankedQuarters(year: number, m: YearMonth | null): readonly Quarter[] {
  if (m === null) return [];
  return quartersOfYear(year).filter((q) => lastMonthOf(q) <= m);
}

/**
 * The findings of one quarter's notification: one per bottom-three department (提醒函), with the rank,
 * rate, the number ranked and the bottom of a notice already issued for the quarter; plus, when a notice was
 * issued for the quarter, one finding about the quarter comparing the issued bottom with the recomputed one.
 * @example
 * ```ts
 * bottomFindings(notification).map((f) => f.subject.id); //=> ['D-cg', 'D-gt', 'D-sl']
 * ```
 * @category Supervision
 */
export function bottomFindings(n: QuarterlyNotification, issued?: IssuedNotification): Finding[] {
  const issuedBottom = issued ? [...issued.bottom].sort(compareCodeUnits) : [];
  const same = issued !== undefined && issuedBottom.join('\u0000') === n.bottom.join('\u0000');
  const notice: Finding[] = issued
    ? [
        {
          rule: '3.1',
          subject: { kind: 'portfolio', id: n.quarter },
          severity: same ? 'info' : 'warning',
          message: same
            ? {
                zh: `${n.quarter} 已印发通报的后三位与重新计算的一致`,
                en: `${n.quarter}: the issued notice's bottom three matches the recomputed one`,
              }
            : {
                zh: `${n.quarter} 已印发通报的后三位与重新计算的不一致`,
                en: `${n.quarter}: the issued notice's bottom three differs from the recomputed one`,
              },
          evidence: { quarter: n.quarter, issuedOn: issued.issuedOn, issuedBottom, computedBottom: [...n.bottom] },
        },
      ]
    : [];
  return [
    ...notice,
    ...n.reminderLetters.map((l): Finding => ({
      rule: '3.1' as const,
      subject: { kind: 'department' as const, id: l.departmentId },
      severity: 'warning' as const,
      message: {
        zh: `${n.quarter} 季度完成计划投资率 ${l.ratePct}%,排名第 ${l.rank},列后三位,发提醒函`,
        en: `${n.quarter}: completion rate ${l.ratePct} %, rank ${l.rank}, in the bottom three: reminder letter`,
      },
      evidence: {
        quarter: n.quarter,
        rank: l.rank,
        ratePct: l.ratePct,
        planned: l.planned,
        completed: l.completed,
        ranked: n.ranking.length,
        ...(issued && { issuedNotice: { issuedOn: issued.issuedOn, bottom: issuedBottom } }),
      },
    })),
  ];
}
