import type { LocalizedText } from '../errors.js';
import type { HolidayShift } from '../calendar/index.js';

/**
 * One colour of a colour scale (颜色), e.g. Handan's 绿 / 白 / 黄 / 红.
 * @example
 * ```ts
 * const green: ColourDefinition = { id: 'green', zh: '绿', en: 'green', hex: '#2e7d32' };
 * ```
 * @category Policy
 */
export interface ColourDefinition {
  /** Identifier used in results and overrides, e.g. `"green"`. */
  readonly id: string;
  /** Chinese label, e.g. `"绿"`. */
  readonly zh: string;
  /** English label. */
  readonly en: string;
  /** Display colour, `#rrggbb`. */
  readonly hex: string;
}

/**
 * A band of a measure where larger is worse (the lag): the value belongs to the first band whose
 * bound admits it (`value < upTo`, or `≤` when `inclusive`); the last band has no bound.
 * @example
 * ```ts
 * const b: UpperBand = { colour: 'white', upTo: '10', inclusive: false };
 * ```
 * @category Policy
 */
export interface UpperBand {
  /** 颜色 — the colour id of the band. */
  readonly colour: string;
  /** Upper bound as a decimal string; absent on the last band. */
  readonly upTo?: string;
  /** Whether the bound itself belongs to this band. */
  readonly inclusive?: boolean;
}

/**
 * A band of a measure where larger is better (a ratio or share): the value belongs to the first band
 * with `value ≥ atLeast`; the last band has no bound.
 * @example
 * ```ts
 * const b: LowerBand = { colour: 'green', atLeast: '1' };
 * ```
 * @category Policy
 */
export interface LowerBand {
  /** 颜色 — the colour id of the band. */
  readonly colour: string;
  /** Lower bound as a decimal string; absent on the last band. */
  readonly atLeast?: string;
}

/**
 * How the investment measure picks a colour (投资进度评价口径).
 *
 * @remarks
 * - `lagPp`: bands on `lagPp` = (plannedToDate − completedToDate) × 100 / annualPlan, in percentage points;
 * - `completionRatio`: bands on completedToDate / plannedToDate (not applied while plannedToDate is 0);
 * - `annualShare`: bands on progressPct (completedToDate × 100 / annualPlan), one list per month 1–12.
 * None applies when annualPlan is 0.
 * @example
 * ```ts
 * const r: InvestmentRule = { kind: 'completionRatio', bands: [{ colour: 'green', atLeast: '1' }, { colour: 'red' }] };
 * ```
 * @category Policy
 */
export type InvestmentRule =
  | {
      /** 落后序时进度 — bands on `lagPp`, in percentage points. */
      readonly kind: 'lagPp';
      /** The bands, smallest lag first. */
      readonly bands: readonly UpperBand[];
    }
  | {
      /** 完成率 — bands on completedToDate / plannedToDate. */
      readonly kind: 'completionRatio';
      /** The bands, highest ratio first. */
      readonly bands: readonly LowerBand[];
    }
  | {
      /** 年度计划完成比例 — bands on progressPct, per month. */
      readonly kind: 'annualShare';
      /** The bands of each month, January first (12 lists), highest share first. */
      readonly byMonth: readonly (readonly LowerBand[])[];
    };

/**
 * A step of a counting rule: from `atLeast` on, the colour is at least `colour`.
 * @example
 * ```ts
 * const s: ThresholdStep = { atLeast: 3, colour: 'red' };
 * ```
 * @category Policy
 */
export interface ThresholdStep {
  /** 起始值 — the count from which the step applies. */
  readonly atLeast: number;
  /** 颜色 — the colour id the count forces at least. */
  readonly colour: string;
}

/**
 * The colour rules of a policy (四色评价规则): a scale (best → worst) and the rules that force a colour;
 * the worst colour any rule gives wins.
 * @example
 * ```ts
 * HANDAN_2018.colour.scale.map((c) => c.zh); //=> ['绿', '白', '黄', '红']
 * ```
 * @category Policy
 */
export interface ColourPolicy {
  /** The colours, best first. */
  readonly scale: readonly ColourDefinition[];
  /** The investment measure and its bands. */
  readonly investment: InvestmentRule;
  /** Consecutive stalled months ending at the evaluated month (无进度月数). */
  readonly stall: {
    /** Whether the rule applies. */
    readonly enabled: boolean;
    /** 阈值 — colour steps by the number of stalled months. */
    readonly steps: readonly ThresholdStep[];
  };
  /** Month-ends a `start`/`completion` milestone is overdue by (节点逾期). */
  readonly overdueMilestone: {
    /** Whether the rule applies. */
    readonly enabled: boolean;
    /** 节点类型 — the milestone kinds the rule looks at. */
    readonly kinds: readonly ('start' | 'completion')[];
    /** 阈值 — colour steps by the number of month-ends overdue. */
    readonly steps: readonly ThresholdStep[];
  };
  /** No known report for the evaluated month (未报账). */
  readonly missingReport: {
    /** Whether the rule applies. */
    readonly enabled: boolean;
    /** 颜色 — the colour id a missing report forces at least. */
    readonly colour: string;
  };
  /** A recorded stall open at the end of the evaluated month (停滞). */
  readonly openStall: {
    /** Whether the rule applies. */
    readonly enabled: boolean;
    /** 颜色 — the colour id an open stall forces at least. */
    readonly colour: string;
  };
}

/**
 * Where the quarterly completion rate's denominator comes from (完成计划投资率口径).
 * @example
 * ```ts
 * const d: RankingDenominator = 'ytdLedgerPlan';
 * ```
 * @category Policy
 */
export type RankingDenominator = 'ytdLedgerPlan' | 'annualPlan' | 'proRataAnnual';

/**
 * The whole configurable policy (政策参数): every threshold, window and interpretation the rules use.
 *
 * @remarks
 * Plain JSON data, validated by {@link parsePolicy}. The default is {@link HANDAN_2018}.
 * @example
 * ```ts
 * const p: Policy = { ...HANDAN_2018, interview: { ...HANDAN_2018.interview, twice: 'consecutive' } };
 * ```
 * @category Policy
 */
export interface Policy {
  /** Human name of the policy. */
  readonly name: LocalizedText;
  /** Where its numbers come from. */
  readonly source: string;
  /** 按月报账 — monthly report deadlines (clause 1.2). */
  readonly reporting: {
    /** Day of the following month a monthly report is due (1–28). */
    readonly dueDay: number;
    /** How a due date on a non-working day moves (used with a working calendar). */
    readonly holidayShift: HolidayShift;
  };
  /** 台账 — ledger validation (clause 1.1). */
  readonly ledger: {
    /** Whether a ledger whose months do not sum to annualPlan is an error (else a warning). */
    readonly requireExactSum: boolean;
  };
  /** 四色评价 — the colour scale and rules (clause 1.3). */
  readonly colour: ColourPolicy;
  /** 年底预测 — the year-end forecast. */
  readonly forecast: {
    /** Decimals of the forecast amounts (rounded half away from zero). */
    readonly decimals: number;
  };
  /** 通报排名 — the quarterly ranking (clause 3.1). */
  readonly ranking: {
    /** 完成计划投资率分母 — where the rate's denominator comes from (default `ytdLedgerPlan`). */
    readonly denominator: RankingDenominator;
    /** 汇总方式 — sum the department's amounts (default `sumOfAmounts`), or average the rates of its projects with plannedToDate > 0. */
    readonly aggregation: 'sumOfAmounts' | 'meanOfProjectRates';
    /** How many places from the bottom receive a reminder letter (3). */
    readonly bottomCount: number;
    /** Whether departments at or above 100 % are spared the reminder letter. */
    readonly exemptAtOrAbovePlan: boolean;
    /** 并列名次 — equal rates share a rank and the next gets `competition` 1, 2, 2, 4 (default) or `dense` 1, 2, 2, 3. */
    readonly ties?: 'competition' | 'dense';
    /** 比较口径 — rank on the `exact` rate (default) or on the rate as `displayed`, rounded to `rateDecimals`. */
    readonly compareOn?: 'exact' | 'displayed';
    /** 完成率小数位 — decimals of `ratePct` in every output, and of the displayed rate (0–4, default 2). */
    readonly rateDecimals?: number;
  };
  /** 约谈 — the interview triggers (clause 3.2). */
  readonly interview: {
    /** 3.2.1: any two bottom-three quarters of the year, or two consecutive ones. */
    readonly twice: 'anyTwoInYear' | 'consecutive';
    /** 3.2.3: days after issue a directive without `dueOn` is due. */
    readonly directiveDays: number;
    /** 3.2.3: a directive fails when it has neither measures nor progress, or when it lacks either. */
    readonly directiveFailure: 'missingBoth' | 'missingEither';
  };
  /** 问责 — the accountability grounds (clause 3.3). */
  readonly accountability: {
    /** 不调度: closed months without a department meeting that make a ground. */
    readonly missedMeetingMonths: number;
    /** 不作为: consecutive red months, up to the evaluated month, without directive activity. */
    readonly inactionMonths: number;
  };
  /** 调度 — scheduling rules (clause 2.1 escalations). */
  readonly scheduling: {
    /** 2.1: days an escalation may stay unresolved. */
    readonly escalationDays: number;
  };
  /** 提示预警 — the approval bureau's procedure warnings (clause 1.2). */
  readonly approval: {
    /** 1.2: procedure milestones due within this many days after asOf are warned about. */
    readonly warnDays: number;
  };
}
