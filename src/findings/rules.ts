import type { LocalizedText } from '../errors.js';

/**
 * Every rule a finding can cite (规则): a clause id of 141号 or a policy rule id.
 *
 * @example
 * ```ts
 * const r: RuleId = '3.2.2';
 * ```
 * @category Findings
 */
export type RuleId =
  | '1.1'
  | '1.2'
  | '1.3'
  | '2.1'
  | '2.2'
  | '2.3'
  | '3.1'
  | '3.2.1'
  | '3.2.2'
  | '3.2.3'
  | '3.2.4'
  | '3.2.5'
  | '3.2.6'
  | '3.3'
  | 'colour.investment'
  | 'colour.stall'
  | 'colour.overdueMilestone'
  | 'colour.missingReport'
  | 'colour.openStall'
  | 'colour.override';

/**
 * A catalogue entry: where a rule comes from and what it is called.
 * @example
 * ```ts
 * RULES['3.2.2'].clause; //=> '三(二)二'
 * ```
 * @category Findings
 */
export interface RuleInfo {
  /** The rule id. */
  readonly id: RuleId;
  /** Chinese numbering of the clause in 141号 it rests on. */
  readonly clause: string;
  /** Short title. */
  readonly title: LocalizedText;
}

const rule = (id: RuleId, clause: string, zh: string, en: string): RuleInfo => ({ id, clause, title: { zh, en } });

/**
 * The rule catalogue (规则目录): clause → Chinese numbering and zh/en titles.
 * @example
 * ```ts
 * RULES['1.3'].title.zh; //=> '定期对账(四色评价)'
 * ```
 * @category Findings
 */
export const RULES: Readonly<Record<RuleId, RuleInfo>> = {
  '1.1': rule('1.1', '一(一)', '建立台账', 'Build the ledger'),
  '1.2': rule('1.2', '一(二)', '按月报账', 'Report monthly'),
  '1.3': rule('1.3', '一(三)', '定期对账(四色评价)', 'Reconcile (four-colour evaluation)'),
  '2.1': rule('2.1', '二(一)', '责任部门月调度', 'Department monthly scheduling'),
  '2.2': rule('2.2', '二(二)', '分管市领导双月调度', 'City leader bimonthly scheduling'),
  '2.3': rule('2.3', '二(三)', '市长季调度', 'Mayor quarterly scheduling'),
  '3.1': rule('3.1', '三(一)', '季度通报', 'Quarterly notification'),
  '3.2.1': rule('3.2.1', '三(二)一', '两次通报排在后三位', 'Bottom three in two notifications'),
  '3.2.2': rule('3.2.2', '三(二)二', '应开工、竣工而未按时开工、竣工', 'Start or completion missed'),
  '3.2.3': rule('3.2.3', '三(二)三', '主要领导要求落实不力', 'Principal leader requirement not implemented'),
  '3.2.4': rule('3.2.4', '三(二)四', '前期论证不充分导致无法实施', 'Insufficient preliminary study'),
  '3.2.5': rule('3.2.5', '三(二)五', '擅自变更建设内容或进度节点', 'Unapproved change'),
  '3.2.6': rule('3.2.6', '三(二)六', '分管市领导认为确需约谈', 'Interview requested by the leader in charge'),
  '3.3': rule('3.3', '三(三)', '问责', 'Accountability'),
  'colour.investment': rule('colour.investment', '一(三)', '投资进度', 'Investment progress'),
  'colour.stall': rule('colour.stall', '一(三)', '连续无进度', 'Consecutive months without progress'),
  'colour.overdueMilestone': rule('colour.overdueMilestone', '一(三)', '节点逾期', 'Overdue milestone'),
  'colour.missingReport': rule('colour.missingReport', '一(三)', '当月未报账', 'No report for the month'),
  'colour.openStall': rule('colour.openStall', '一(三)', '项目停滞', 'Project stalled'),
  'colour.override': rule('colour.override', '一(三)', '人工调整颜色', 'Colour set by hand'),
};
