import { monthNumber, yearOf, type YearMonth } from '../calendar/index.js';
import { minus, percentShare, ratioOfShare, signOfFigure, toAmount, type Figure, type Share } from '../money/figure.js';
import type { Amount, Ratio } from '../money/index.js';
import type { Project } from '../portfolio/index.js';
import { yearFigures, type YearFigures } from '../portfolio/yearFigures.js';

/**
 * The progress of a project at month `k` (1–12) of its year figures (进度指标, clause 1.3): the sums to
 * date and the annual plan, and the three percentages of the annual plan, exact. Each percentage is
 * worked out when first read, from the amounts — `lagPp` from the difference of the amounts, not from
 * two rounded percentages — and is null when the annual plan is not above 0.
 * @internal
 */
export class Progress {
  private schedule: Share | null | undefined;
  private progress: Share | null | undefined;
  private lag: Share | null | undefined;
  /** Whether the annual plan is above 0 (the percentages exist). */
  readonly hasPlan: boolean;

  constructor(
    /** 序时计划投资 — Σ ledger investment to the month. */
    readonly plannedToDate: Figure,
    /** 累计完成投资 — Σ reported investment to the month. */
    readonly completedToDate: Figure,
    /** 年度计划投资. */
    readonly annualPlan: Figure,
    /** The percentages when they are given rather than worked out (a caller's own metrics). */
    given?: { readonly schedulePct: Share | null; readonly progressPct: Share | null; readonly lagPp: Share | null },
  ) {
    this.hasPlan = signOfFigure(annualPlan) > 0;
    if (given !== undefined) {
      this.schedule = given.schedulePct;
      this.progress = given.progressPct;
      this.lag = given.lagPp;
    }
  }

  /** 序时进度 = plannedToDate × 100 / annualPlan. */
  get schedulePct(): Share | null {
    if (this.schedule === undefined) this.schedule = this.hasPlan ? percentShare(this.plannedToDate, this.annualPlan) : null;
    return this.schedule;
  }

  /** 投资完成进度 = completedToDate × 100 / annualPlan. */
  get progressPct(): Share | null {
    if (this.progress === undefined) this.progress = this.hasPlan ? percentShare(this.completedToDate, this.annualPlan) : null;
    return this.progress;
  }

  /** 落后序时进度 = (plannedToDate − completedToDate) × 100 / annualPlan, in percentage points; negative = ahead. */
  get lagPp(): Share | null {
    if (this.lag === undefined) {
      this.lag = this.hasPlan ? percentShare(minus(this.plannedToDate, this.completedToDate), this.annualPlan) : null;
    }
    return this.lag;
  }
}

/** The progress at month `k` (1–12) of the year figures. @internal */
export function progressAt(f: YearFigures, k: number): Progress {
  return new Progress(f.plannedToDate[k - 1] as Figure, f.completedToDate[k - 1] as Figure, f.annualPlan);
}

/**
 * The progress figures of a project at a month (进度指标), as exact ratios.
 * @example
 * ```ts
 * const m: ProgressMetrics = progressMetrics(project, parseYearMonth('2025-09'));
 * formatRatio(m.lagPp!); //=> '12.50'
 * ```
 * @category Reconciliation
 */
export interface ProgressMetrics {
  /** 序时计划投资 — Σ ledger investment over the months up to the month. */
  readonly plannedToDate: Amount;
  /** 累计完成投资 — Σ reported investment over the months up to the month. */
  readonly completedToDate: Amount;
  /** 年度计划投资 — the project's annual plan. */
  readonly annualPlan: Amount;
  /** 序时进度 = plannedToDate × 100 / annualPlan; null when annualPlan is 0. */
  readonly schedulePct: Ratio | null;
  /** 投资完成进度 = completedToDate × 100 / annualPlan; null when annualPlan is 0. */
  readonly progressPct: Ratio | null;
  /** 落后序时进度 = (plannedToDate − completedToDate) × 100 / annualPlan, in percentage points; negative = ahead. */
  readonly lagPp: Ratio | null;
}

/**
 * Reconcile a project's reports against its ledger at month `m` (定期对账, clause 1.3).
 *
 * @remarks
 * Each percentage is one exact quotient; `lagPp` is computed from the difference of the amounts, not
 * from two rounded percentages. Pass a project filtered by `knownAt`.
 * @example
 * ```ts
 * // annualPlan 1000, planned to date 600, completed 475
 * formatRatio(progressMetrics(project, m).lagPp!); //=> '12.50'
 * ```
 * @category Reconciliation
 */
export function progressMetrics(project: Project, m: YearMonth): ProgressMetrics {
  return metricsOfProgress(progressAt(yearFigures(project, yearOf(m)), monthNumber(m)));
}

/** The public form of a {@link Progress}: amounts and ratios as text. @internal */
export function metricsOfProgress(p: Progress): ProgressMetrics {
  const ratio = (s: Share | null): Ratio | null => (s === null ? null : ratioOfShare(s));
  return {
    plannedToDate: toAmount(p.plannedToDate),
    completedToDate: toAmount(p.completedToDate),
    annualPlan: toAmount(p.annualPlan),
    schedulePct: ratio(p.schedulePct),
    progressPct: ratio(p.progressPct),
    lagPp: ratio(p.lagPp),
  };
}
