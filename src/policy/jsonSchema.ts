import { toJsonSchema, type JsonSchemaDocument } from './_jsonSchema.js';
import { policySchema } from './schema.js';

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  name: '名称 · name',
  source: '口径来源 · where the numbers come from',
  reporting: '按月报账 · monthly reporting (1.2)',
  dueDay: '次月报送日(1–28)· day of the next month reports are due',
  holidayShift: '节假日顺延方式 · how a due date on a holiday moves',
  ledger: '台账 · ledger (1.1)',
  requireExactSum: '台账各月合计须等于年度计划 · ledger months must sum to the annual plan',
  colour: '四色评价 · colour rules (1.3)',
  scale: '色阶(由好到差)· colours, best first',
  investment: '投资进度口径 · investment measure and bands',
  stall: '连续无进度 · consecutive months without progress',
  overdueMilestone: '节点逾期 · overdue start/completion milestones',
  missingReport: '当月未报账 · no report for the month',
  openStall: '停滞 · a recorded stall',
  forecast: '年底预测 · year-end forecast',
  decimals: '小数位数 · decimals',
  ranking: '季度通报排名 · quarterly ranking (3.1)',
  denominator: '完成计划投资率的分母 · the rate’s denominator',
  aggregation: '部门汇总方式 · how project figures roll up',
  bottomCount: '后几位发提醒函 · places from the bottom that get a letter',
  exemptAtOrAbovePlan: '完成率达 100% 的不发提醒函 · spare departments at or above plan',
  ties: '并列名次:competition 为 1、2、2、4,dense 为 1、2、2、3 · tied ranks: competition 1, 2, 2, 4 or dense 1, 2, 2, 3',
  compareOn: '按精确完成率(exact)或按显示的完成率(displayed)排名 · rank on the exact or the displayed rate',
  rateDecimals: '完成率的小数位数(0–4)· decimals of the printed rate (0–4)',
  interview: '约谈 · interviews (3.2)',
  twice: '两次通报后三位的口径 · any two or two consecutive quarters',
  directiveDays: '批示无期限时的默认期限(天)· default directive deadline in days',
  directiveFailure: '批示落实不力的判定 · when a directive counts as failed',
  accountability: '问责 · accountability (3.3)',
  missedMeetingMonths: '不调度的月数 · months without a meeting that make a ground',
  inactionMonths: '不作为的连续红色月数 · consecutive red months that make a ground',
  scheduling: '调度 · scheduling (2.x)',
  escalationDays: '上报问题未解决的天数 · days an escalation may stay open',
  approval: '手续预警 · approval warnings (1.2)',
  warnDays: '提前预警天数 · days ahead to warn',
};

/**
 * The JSON Schema (draft 2020-12) of a complete policy (政策参数的 JSON Schema), generated from the zod
 * schema `parsePolicy` uses. A policy file may also be partial with `extends`, which this schema does not
 * describe; colours referenced by the rules must exist in the scale, which JSON Schema cannot check.
 * @example
 * ```ts
 * policyJsonSchema().$id; //=> 'https://sansansan.dev/schema/policy.json'
 * ```
 * @category Policy
 */
export function policyJsonSchema(): JsonSchemaDocument {
  return toJsonSchema(
    policySchema,
    {
      id: 'https://sansansan.dev/schema/policy.json',
      title: 'sansansan 政策参数 · policy',
      description: '四色评价、通报、约谈、问责和合规检查的全部阈值与口径 · every threshold and interpretation of the rules',
    },
    DESCRIPTIONS,
  );
}
