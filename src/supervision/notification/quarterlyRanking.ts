import { lastMonthOf, monthNumber, quartersOfYear, yearOf, type Quarter, type YearMonth } from '../../calendar/index.js';
import { compareCodeUnits, type Finding } from '../../findings/index.js';
import {
  compareFigures,
  compareShares,
  type Figure,
  figureOf,
  formatShare,
  minus,
  NOUGHT,
  percentShare,
  plus,
  roundShare,
  type Share,
  shareOf,
  times,
  toAmount,
} from '../../money/figure.js';
import type { Amount } from '../../money/index.js';
import type { Policy } from '../../policy/index.js';
import type { IssuedNotification, Portfolio } from '../../portfolio/index.js';
import { yearFigures } from '../../portfolio/yearFigures.js';
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
  /** Rank, highest rate first; units compared equal share a rank, the next one `competition` (1, 2, 2, 4, the default) or `dense` (1, 2, 2, 3) per `policy.ranking.ties`. */
  readonly rank: number;
  /** The department. */
  readonly departmentId: string;
  /** The denominator: the department's planned investment for the period (per `policy.ranking.denominator`). */
  readonly planned: Amount;
  /** Investment completed to the quarter's last month. */
  readonly completed: Amount;
  /** 完成计划投资率 in percent, rounded half away from zero from the exact rate to `policy.ranking.rateDecimals` decimals (2 by default). */
  readonly ratePct: string;
  /** 时间进度 — the share of the year elapsed at the ranked month (k / 12), in percent, with the same decimals. */
  readonly timeProgressPct: string;
  /** 快于(+)/慢于(−)时间进度 — completed ÷ annual plan minus the time progress, in percentage points, same decimals; null when the annual plan is 0. */
  readonly timeGapPp: string | null;
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
 * The city as a whole in a ranking (全市合计): every project of every department, ranked or not.
 * @example
 * ```ts
 * const t: RankingTotal = { annualPlan: '120000', completed: '21000', progressPct: '17.50', timeProgressPct: '16.67', timeGapPp: '0.83' };
 * ```
 * @category Supervision
 */
export interface RankingTotal {
  /** Σ annual plan. */
  readonly annualPlan: Amount;
  /** Σ investment completed to the ranked month. */
  readonly completed: Amount;
  /** 完成年度计划 — completed × 100 ÷ annual plan, with the ranking's decimals; null when the annual plan is 0. */
  readonly progressPct: string | null;
  /** 时间进度 — as on each row. */
  readonly timeProgressPct: string;
  /** 快于(+)/慢于(−)时间进度 — progressPct minus the time progress, in points; null when the annual plan is 0. */
  readonly timeGapPp: string | null;
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
  /** 全市合计 — the city as a whole, with its gap to the time schedule. */
  readonly total: RankingTotal;
  /** The bottom three (every department tied with the third-lowest rate), by id. */
  readonly bottom: readonly string[];
  /** Departments without a plan, by id. */
  readonly excluded: readonly ExcludedDepartment[];
  /** One reminder letter per bottom department, by id. */
  readonly reminderLetters: readonly ReminderLetter[];
}

/**
 * What the quarterly ranking (3.1) reads of one department — or of one project, as the mean of project
 * rates needs each (排名数据): its annual plan, and its plan and reported investment to the quarter's last month.
 * @internal
 */
export interface RankingSums {
  /** The department. */
  readonly departmentId: string;
  /** 年度计划投资 — Σ annual plan. */
  readonly annualPlan: Figure;
  /** 序时计划投资 — Σ ledger investment of the year's months up to the quarter's last month. */
  readonly plannedToDate: Figure;
  /** 累计完成投资 — Σ reported investment of the year's months up to the quarter's last month. */
  readonly completedToDate: Figure;
}

interface DepartmentRate {
  readonly departmentId: string;
  readonly planned: Amount;
  readonly completed: Amount;
  readonly rate: Share | null;
  /** Σ annual plan and Σ completed, for the gap to the time schedule. */
  readonly annualPlan: Figure;
  readonly completedToDate: Figure;
}

const ONE = figureOf('1');
const TWELVE = figureOf('12');
const HUNDRED = figureOf('100');
const TWELVE_HUNDRED = figureOf('1200');
const AT_PLAN: Share = shareOf(ONE, ONE);

// The denominator of a row as an exact fraction plan / divisor: proRataAnnual is annualPlan × k / 12.
function planNumerator(r: RankingSums, last: YearMonth, policy: Policy): Figure {
  switch (policy.ranking.denominator) {
    case 'ytdLedgerPlan':
      return r.plannedToDate;
    case 'annualPlan':
      return r.annualPlan;
    case 'proRataAnnual':
      return times(r.annualPlan, figureOf(String(monthNumber(last))));
  }
}

const isAboveNought = (f: Figure): boolean => compareFigures(f, NOUGHT) > 0;

// With `sumOfAmounts` the rows may be a department's projects or its sums: the rate reads only their totals.
function departmentRate(departmentId: string, rows: readonly RankingSums[], last: YearMonth, policy: Policy): DepartmentRate {
  const divisor = policy.ranking.denominator === 'proRataAnnual' ? TWELVE : ONE;
  let plan = NOUGHT;
  let completed = NOUGHT;
  let annualPlan = NOUGHT;
  for (const r of rows) {
    plan = plus(plan, planNumerator(r, last, policy));
    completed = plus(completed, r.completedToDate);
    annualPlan = plus(annualPlan, r.annualPlan);
  }
  const sums = { annualPlan, completedToDate: completed };
  // Exact, except the pro-rata plan (annualPlan × k / 12), shown rounded like the forecast.
  const planned = toAmount(divisor === ONE ? plan : roundShare(shareOf(plan, divisor), policy.forecast.decimals));
  const done = toAmount(completed);
  const rateOf = (c: Figure, n: Figure): Share => shareOf(times(c, divisor), n);
  if (policy.ranking.aggregation === 'sumOfAmounts') {
    return { departmentId, planned, completed: done, rate: isAboveNought(plan) ? rateOf(completed, plan) : null, ...sums };
  }
  // Mean of the project rates, over projects with something planned to date.
  // Σ nᵢ/dᵢ over k projects = (Σ nᵢ × Πⱼ≠ᵢ dⱼ) / (k × Π dᵢ), exact.
  let num = NOUGHT;
  let den = ONE;
  let eligible = 0;
  for (const r of rows) {
    const n = planNumerator(r, last, policy);
    if (!isAboveNought(r.plannedToDate) || !isAboveNought(n)) continue;
    const rate = rateOf(r.completedToDate, n);
    num = plus(times(num, rate.denominator), times(rate.numerator, den));
    den = times(den, rate.denominator);
    eligible += 1;
  }
  if (eligible === 0) return { departmentId, planned, completed: done, rate: null, ...sums };
  return { departmentId, planned, completed: done, rate: shareOf(num, times(den, figureOf(String(eligible)))), ...sums };
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
 * with no projects or nothing planned is excluded (`noPlan`). Departments are compared on the exact rate,
 * or with `compareOn: "displayed"` on the rate as printed (rounded to `rateDecimals`); equal ones share a
 * rank (`ties`: 1, 2, 2, 4 or 1, 2, 2, 3). Bottom: the compared rates ascending, r₃ the `bottomCount`-th
 * (or the highest when fewer are ranked), every department compared ≤ r₃; with `exemptAtOrAbovePlan`,
 * rates ≥ 100 % are spared.
 * Pass the portfolio known at `asOf`.
 * @example
 * ```ts
 * quarterlyRanking(known, parseQuarter('2025Q1'), HANDAN_2018).bottom; //=> ['D-cg', 'D-gt', 'D-sl']
 * ```
 * @category Supervision
 */
export function quarterlyRanking(portfolio: Portfolio, quarter: Quarter, policy: Policy): QuarterlyNotification {
  const last = lastMonthOf(quarter);
  return rankingOfSums(
    portfolio.departments.map((d) => d.id),
    portfolio.projects.map((p) => sumsAt(p, last)),
    quarter,
    policy,
  );
}

/**
 * A month-end ranking (月度排名, as cities' progress bulletins print them: 1—2 月, 1—10 月): every
 * department ranked cumulatively from January through a month, by the same rule and options as the
 * quarterly notification (3.1). A report, not a notification: no reminder letters, and 3.2.1 still counts
 * quarters only.
 * @example
 * ```ts
 * const m: MonthEndRanking = monthEndRanking(known, parseYearMonth('2025-02'), HANDAN_2018);
 * m.ranking[0]; //=> { rank: 1, departmentId: 'D-jt', planned: '…', completed: '…', ratePct: '…', timeProgressPct: '16.67', timeGapPp: '…' }
 * ```
 * @category Supervision
 */
export interface MonthEndRanking {
  /** The last month ranked (cumulative from January). */
  readonly through: YearMonth;
  /** Ranked departments by rank, then id. */
  readonly ranking: readonly RankingEntry[];
  /** 全市合计 — the city as a whole, with its gap to the time schedule. */
  readonly total: RankingTotal;
  /** The departments compared at or below the `bottomCount`-th lowest, by id. */
  readonly bottom: readonly string[];
  /** Departments without a plan, by id. */
  readonly excluded: readonly ExcludedDepartment[];
}

/**
 * Rank the departments cumulatively from January through month `through` (月度排名): as
 * {@link quarterlyRanking} does at a quarter's end, with the same denominators, aggregation, ties,
 * comparison and decimals. Pass the portfolio known at `asOf`.
 * @example
 * ```ts
 * monthEndRanking(known, parseYearMonth('2025-02'), HANDAN_2018).through; //=> '2025-02'
 * ```
 * @category Supervision
 */
export function monthEndRanking(portfolio: Portfolio, through: YearMonth, policy: Policy): MonthEndRanking {
  return monthEndRankingOfSums(
    portfolio.departments.map((d) => d.id),
    portfolio.projects.map((p) => sumsAt(p, through)),
    through,
    policy,
  );
}

/** {@link monthEndRanking} of `departmentIds` from their sums through month `through` (as {@link rankingOfSums}). @internal */
export function monthEndRankingOfSums(
  departmentIds: readonly string[],
  sums: readonly RankingSums[],
  through: YearMonth,
  policy: Policy,
): MonthEndRanking {
  return { through, ...rankThrough(departmentIds, sums, through, policy) };
}

// What the ranking reads of one project through month `last`.
function sumsAt(p: Portfolio['projects'][number], last: YearMonth): RankingSums {
  const f = yearFigures(p, yearOf(last));
  const k = monthNumber(last) - 1;
  return {
    departmentId: p.departmentId,
    annualPlan: f.annualPlan,
    plannedToDate: f.plannedToDate[k] as Figure,
    completedToDate: f.completedToDate[k] as Figure,
  };
}

/**
 * The quarterly ranking (3.1) of `departmentIds` from their sums at the quarter's last month: one row per
 * project, or — unless `policy.ranking.aggregation` is `"meanOfProjectRates"` — one per department. A
 * department without a row has no projects. {@link quarterlyRanking} is this on a portfolio's projects.
 * @internal
 */
export function rankingOfSums(
  departmentIds: readonly string[],
  sums: readonly RankingSums[],
  quarter: Quarter,
  policy: Policy,
): QuarterlyNotification {
  const { ranking, total, bottom, excluded } = rankThrough(departmentIds, sums, lastMonthOf(quarter), policy);
  const entry = new Map(ranking.map((r) => [r.departmentId, r] as const));
  const reminderLetters = bottom.map((departmentId): ReminderLetter => {
    const e = entry.get(departmentId) as RankingEntry;
    return { quarter, departmentId, rank: e.rank, ratePct: e.ratePct, planned: e.planned, completed: e.completed };
  });
  return { quarter, ranking, total, bottom, excluded, reminderLetters };
}

/**
 * The ranking (排名) of `departmentIds` on their sums cumulated from January through month `last`, at a
 * quarter's end (3.1) or any month-end: rows, the bottom and the excluded. The one ranking rule.
 */
function rankThrough(
  departmentIds: readonly string[],
  sums: readonly RankingSums[],
  last: YearMonth,
  policy: Policy,
): Pick<QuarterlyNotification, 'ranking' | 'total' | 'bottom' | 'excluded'> {
  const byDepartment = new Map<string, RankingSums[]>();
  for (const s of sums) appendTo(byDepartment, s.departmentId, s);
  const rated: (DepartmentRate & { rate: Share })[] = [];
  const excluded: ExcludedDepartment[] = [];
  for (const id of [...departmentIds].sort(compareCodeUnits)) {
    const rows = byDepartment.get(id);
    const r = rows === undefined ? null : departmentRate(id, rows, last, policy);
    if (r?.rate) rated.push({ ...r, rate: r.rate });
    else excluded.push({ departmentId: id, reason: 'noPlan' });
  }
  // What the ranking compares: the exact rate, or the rate as displayed (rounded to rateDecimals, in %).
  const decimals = policy.ranking.rateDecimals ?? 2;
  const displayed = (r: Share): Share => shareOf(roundShare(percentShare(r.numerator, r.denominator), decimals), ONE);
  const keyed = rated.map((r) => ({ ...r, key: policy.ranking.compareOn === 'displayed' ? displayed(r.rate) : r.rate }));
  keyed.sort((a, b) => compareShares(b.key, a.key) || compareCodeUnits(a.departmentId, b.departmentId));
  // 时间进度: k / 12 of the year; each unit's gap is completed ÷ annual plan minus it, exact, then rounded once.
  const k = figureOf(String(monthNumber(last)));
  const timeProgress = shareOf(times(k, HUNDRED), TWELVE);
  const gapOf = (r: Pick<DepartmentRate, 'annualPlan' | 'completedToDate'>): string | null =>
    isAboveNought(r.annualPlan)
      ? formatShare(
          shareOf(minus(times(r.completedToDate, TWELVE_HUNDRED), times(times(k, HUNDRED), r.annualPlan)), times(r.annualPlan, TWELVE)),
          decimals,
        )
      : null;
  // Equal keys share a rank; the next unit is ranked after all of them (competition: 1, 2, 2, 4) or next (dense: 1, 2, 2, 3).
  const ranking: RankingEntry[] = [];
  keyed.forEach((r, i) => {
    const prev = ranking[i - 1];
    const tied = prev !== undefined && compareShares((keyed[i - 1] as (typeof keyed)[number]).key, r.key) === 0;
    const rank = prev === undefined ? 1 : tied ? prev.rank : policy.ranking.ties === 'dense' ? prev.rank + 1 : i + 1;
    ranking.push({
      rank,
      departmentId: r.departmentId,
      planned: r.planned,
      completed: r.completed,
      ratePct: formatShare(percentShare(r.rate.numerator, r.rate.denominator), decimals),
      timeProgressPct: formatShare(timeProgress, decimals),
      timeGapPp: gapOf(r),
    });
  });
  // The bottom: every unit compared at or below the `bottomCount`-th lowest, repeats included.
  const ascending = [...keyed].reverse();
  const threshold = ascending[Math.min(policy.ranking.bottomCount, ascending.length) - 1]?.key;
  const bottomRates = threshold
    ? keyed.filter(
        (r) => compareShares(r.key, threshold) <= 0 && !(policy.ranking.exemptAtOrAbovePlan && compareShares(r.rate, AT_PLAN) >= 0),
      )
    : [];
  // The city as a whole: every project, ranked or not.
  let annualPlan = NOUGHT;
  let completedToDate = NOUGHT;
  for (const r of sums) {
    annualPlan = plus(annualPlan, r.annualPlan);
    completedToDate = plus(completedToDate, r.completedToDate);
  }
  const total: RankingTotal = {
    annualPlan: toAmount(annualPlan),
    completed: toAmount(completedToDate),
    progressPct: isAboveNought(annualPlan) ? formatShare(percentShare(completedToDate, annualPlan), decimals) : null,
    timeProgressPct: formatShare(timeProgress, decimals),
    timeGapPp: gapOf({ annualPlan, completedToDate }),
  };
  return { ranking, total, bottom: bottomRates.map((r) => r.departmentId).sort(compareCodeUnits), excluded };
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
export function bottomFindings(
  n: Pick<QuarterlyNotification, 'quarter' | 'ranking' | 'bottom' | 'reminderLetters'>,
  issued?: IssuedNotification,
): Finding[] {
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
