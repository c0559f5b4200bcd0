import { toJsonSchema, type JsonSchemaDocument } from '../policy/_jsonSchema.js';
import { portfolioSchema } from './schema.js';

export type { JsonSchemaDocument } from '../policy/_jsonSchema.js';

// zh · en description of every property name of the document (domain §2).
const DESCRIPTIONS: Readonly<Record<string, string>> = {
  format: '格式版本,固定为 sansansan/portfolio@1 · format tag',
  year: '年度 · the year the document covers',
  unit: '金额单位(默认万元)· money unit of every amount (default 万元)',
  city: '城市 · city',
  leaders: '市领导 · city leaders',
  departments: '责任部门(单位)· responsible departments',
  projects: '市本级政府投资项目 · government-invested projects',
  meetings: '调度会议(三级调度)· scheduling meetings (2.1–2.3)',
  escalations: '向分管市领导、市长报告的问题 · problems raised to the leader in charge (2.1) or by them to the mayor (2.2 → 2.3)',
  bureauReviews: '财政、国土、审批部门双月对接 · bimonthly bureau reviews (1.2)',
  notifications: '已印发的季度通报 · quarterly notices already issued (3.1)',
  interviewRequests: '分管市领导提出的约谈 · interview requests (3.2.6)',
  overrides: '人工调整颜色 · colours set by hand, with the reason',
  id: '标识,在所属范围内唯一 · identifier, unique in its scope',
  name: '名称 · name',
  role: '角色:市长、市政府主要领导、分管市领导 · role: mayor, principal leader, leader in charge',
  leaderId: '分管市领导 id · the leader in charge',
  departmentId: '责任部门 id · responsible department',
  departmentIds: '责任部门 id 列表 · department ids',
  code: '项目代码 NNNN-NNNNNN-NN-NN-NNNNNN · national project code',
  constructionUnit: '项目建设单位 · construction unit',
  majorLivelihood: '重大民心民生工程 · major livelihood project',
  responsible: '牵头责任领导和具体责任人 · responsible leader and person',
  leader: '牵头责任领导 · responsible leader of the department',
  person: '具体责任人 · specific responsible person',
  totalInvestment: '总投资 · total investment',
  annualPlan: '年度计划投资 · planned investment of the year',
  ledger: '月度工作计划台账(1.1)· the monthly plan ledger',
  submittedOn: '报送日期 · submission date',
  months: '逐月计划 · monthly plan rows',
  month: '月份 · month',
  investment: '投资额(月报可为负数以核减)· investment (a report may be negative: a correction)',
  workload: '实物工作量 · physical workload',
  procedures: '前期手续 · pre-construction procedures',
  milestones: '节点 · schedule nodes',
  kind: '类型 · kind',
  due: '计划完成日期 · due date',
  baselineDue: '原计划完成日期 · original due date',
  achievedOn: '实际完成日期 · date achieved',
  reports: '月度报账(1.2)· monthly progress reports',
  progress: '进展情况 · progress',
  noProgress: '本月无进展 · no progress this month',
  achieved: '本月报告完成的节点及日期 · milestones reported achieved, with dates',
  changes: '变更 · changes to the plan (3.2.5)',
  on: '日期 · date',
  subject: '变更对象 · what changed',
  milestoneId: '节点 id · milestone id',
  from: '变更前 · before',
  to: '变更后 · after',
  approvedByPrincipal: '经市政府主要领导同意 · approved by the principal leader',
  ref: '文号 · reference',
  directives: '领导批示 · leaders’ directives (3.2.3)',
  issuedOn: '下达日期 · date issued',
  byLeaderId: '提出领导 id · leader who issued it',
  requirement: '具体要求 · the requirement',
  dueOn: '完成期限 · deadline',
  measures: '落实措施 · measures taken',
  text: '内容 · text',
  stalls: '停滞 · periods the project could not proceed',
  since: '停滞开始日期 · stalled since',
  until: '恢复施工日期 · day work resumed',
  cause: '原因 · cause',
  note: '说明 · note',
  incidents: '事故 · incidents',
  severity: '严重程度 · severity',
  level: '调度层级 · scheduling level',
  chairId: '主持领导 id · chairing leader',
  form: '调度形式 · form of the meeting',
  projectIds: '项目 id 列表 · project ids',
  raisedOn: '报告日期 · date raised',
  toLeaderId: '报告对象(分管市领导)id · leader it was raised to',
  issue: '问题 · the problem',
  resolvedOn: '解决日期 · date resolved',
  bureau: '部门:财政、国土、审批 · bureau',
  warnings: '提示预警 · warnings',
  projectId: '项目 id · project id',
  quarter: '季度 · quarter',
  bottom: '排名后三位的部门 · bottom-three departments',
  reason: '理由 · reason',
  colour: '颜色 · colour id',
  by: '调整人 · set by',
};

/**
 * The JSON Schema (draft 2020-12) of the portfolio document (台账文档的 JSON Schema), generated from the
 * same zod schema that `parsePortfolio` uses, for systems not written in TypeScript.
 *
 * @remarks
 * It checks types, enums, required keys, date, month and quarter formats and the amount grammar. It
 * cannot check references between records, uniqueness of ids and months, months inside the year, the
 * single mayor, the amount digit limits or the ledger sum: `parsePortfolio` does (see docs/json-schema.md).
 * @example
 * ```ts
 * portfolioJsonSchema().$id; //=> 'https://sansansan.dev/schema/portfolio.json'
 * ```
 * @category Portfolio
 */
export function portfolioJsonSchema(): JsonSchemaDocument {
  return toJsonSchema(
    portfolioSchema,
    {
      id: 'https://sansansan.dev/schema/portfolio.json',
      title: 'sansansan 台账文档 · portfolio document (sansansan/portfolio@1)',
      description:
        '邯郸市"三三三"机制(邯政办字〔2018〕141号)一个城市一个年度的项目台账 · one city’s government-invested projects for one year, per Handan’s 3-3-3 mechanism',
    },
    DESCRIPTIONS,
  );
}
