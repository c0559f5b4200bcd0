import type { CalendarDate, Quarter, YearMonth } from '../calendar/index.js';
import type { Amount, MoneyUnit } from '../money/index.js';

declare const portfolioBrand: unique symbol;

/**
 * A city leader (市领导): the mayor (市长), a principal leader (市政府主要领导) or a leader in charge (分管市领导).
 * @remarks The mayor also counts as a principal leader; a document has at most one mayor.
 * @example
 * ```ts
 * const l: Leader = { id: 'L-mayor', name: '王市长', role: 'mayor' };
 * ```
 * @category Portfolio
 */
export interface Leader {
  /** 领导 id, unique in the document. */
  readonly id: string;
  /** 姓名 — the leader's name. */
  readonly name: string;
  /** 职务 — `mayor` (市长), `principal` (市政府主要领导) or `cityLeader` (分管市领导). */
  readonly role: 'mayor' | 'principal' | 'cityLeader';
}

/**
 * A responsible department (责任部门/单位) and the city leader in charge of it.
 * @example
 * ```ts
 * const d: Department = { id: 'D-zj', name: '市住建局', leaderId: 'L-li' };
 * ```
 * @category Portfolio
 */
export interface Department {
  /** 部门 id, unique in the document. */
  readonly id: string;
  /** 部门名称 — the department's name. */
  readonly name: string;
  /** The leader in charge (分管市领导). */
  readonly leaderId: string;
}

/**
 * One month of a project's plan ledger (月度工作计划台账).
 * @example
 * ```ts
 * const m = { month: '2025-03', investment: '1200', workload: '完成桩基 40%' } as LedgerMonth;
 * ```
 * @category Portfolio
 */
export interface LedgerMonth {
  /** 月份 — the month of the document's year this row plans; each month at most once. */
  readonly month: YearMonth;
  /** Investment planned for the month. */
  readonly investment: Amount;
  /** Physical workload (实物工作量). */
  readonly workload?: string;
  /** Pre-construction procedures to prepare or get approved (前期手续). */
  readonly procedures?: readonly string[];
}

/**
 * The project's monthly plan ledger (台账), due by the end of February (clause 1.1).
 * @example
 * ```ts
 * const l = { submittedOn: '2025-02-20', months: [] } as Ledger;
 * ```
 * @category Portfolio
 */
export interface Ledger {
  /** When the ledger was submitted; absent = not submitted. */
  readonly submittedOn?: CalendarDate;
  /** Monthly plan; a month not listed plans 0. */
  readonly months: readonly LedgerMonth[];
}

/**
 * A schedule node (节点): start (开工), completion (竣工), a procedure (手续) or a physical milestone.
 * @example
 * ```ts
 * const m = { id: 'start', kind: 'start', name: '开工', due: '2025-04-30' } as Milestone;
 * ```
 * @category Portfolio
 */
export interface Milestone {
  /** 节点 id, unique within the project. */
  readonly id: string;
  /** 节点类型 — `start` (开工), `completion` (竣工), `procedure` (手续) or `physical` (a physical-progress node). */
  readonly kind: 'start' | 'completion' | 'procedure' | 'physical';
  /** 节点名称 — the milestone's name. */
  readonly name: string;
  /** The current due date. */
  readonly due: CalendarDate;
  /** The due date in the original ledger, when it has been moved. */
  readonly baselineDue?: CalendarDate;
  /** 完成日期 — the day the milestone was achieved; a report's `achieved` may also give it. */
  readonly achievedOn?: CalendarDate;
}

/**
 * A monthly progress report (月报), due by the 5th of the following month (clause 1.2).
 * @example
 * ```ts
 * const r = { month: '2025-03', submittedOn: '2025-04-03', investment: '950' } as Report;
 * ```
 * @category Portfolio
 */
export interface Report {
  /** 报告月份 — the month of the document's year the report covers; each month at most once. */
  readonly month: YearMonth;
  /** 报送日期 — the day the report was submitted; a report without it is known, with a warning. */
  readonly submittedOn?: CalendarDate;
  /** Investment completed in the month; negative for a correction (核减). */
  readonly investment: Amount;
  /** 进展情况 — what progressed in the month. */
  readonly progress?: string;
  /** The report states that nothing progressed this month. */
  readonly noProgress?: boolean;
  /** Milestones achieved, by milestone id, with the date. */
  readonly achieved?: Readonly<Record<string, CalendarDate>>;
}

/**
 * A change to the plan (变更): content, a milestone, scale or location.
 * @example
 * ```ts
 * const c = { on: '2025-05-10', subject: 'content', approvedByPrincipal: false } as Change;
 * ```
 * @category Portfolio
 */
export interface Change {
  /** 变更日期 — the day of the change. */
  readonly on: CalendarDate;
  /** 变更事项 — what changed: `content` (建设内容), `milestone` (进度节点), `scale` (规模) or `location` (地点). */
  readonly subject: 'content' | 'milestone' | 'scale' | 'location';
  /** 节点 id — the milestone of the same project the change names (clause 3.2.5). */
  readonly milestoneId?: string;
  /** 变更前 — the value before the change; an ISO date when the subject is `milestone`. */
  readonly from?: string;
  /** 变更后 — the value after the change; an ISO date when the subject is `milestone`. */
  readonly to?: string;
  /** Whether the principal city leader consented (clause 3.2.5). */
  readonly approvedByPrincipal: boolean;
  /** 文号 — a reference, e.g. the approving document's number. */
  readonly ref?: string;
}

/**
 * A dated entry of a directive: a measure taken or progress made.
 * @example
 * ```ts
 * const e = { on: '2025-06-01', text: '成立专班' } as DirectiveEntry;
 * ```
 * @category Portfolio
 */
export interface DirectiveEntry {
  /** 日期 — the day of the measure or progress. */
  readonly on: CalendarDate;
  /** 内容 — what was done. */
  readonly text: string;
}

/**
 * A leader's specific requirement on a project (领导批示), with the measures and progress recorded.
 * @example
 * ```ts
 * const d = { id: 'd1', issuedOn: '2025-05-01', byLeaderId: 'L-mayor', requirement: '6月底前开工', measures: [], progress: [] } as Directive;
 * ```
 * @category Portfolio
 */
export interface Directive {
  /** 批示 id, unique within the project. */
  readonly id: string;
  /** 批示日期 — the day the directive was issued. */
  readonly issuedOn: CalendarDate;
  /** 批示领导 — id of the leader who issued it. */
  readonly byLeaderId: string;
  /** 具体要求 — what the leader required. */
  readonly requirement: string;
  /** 落实时限 — the deadline; absent = `issuedOn` + `policy.interview.directiveDays` (clause 3.2.3). */
  readonly dueOn?: CalendarDate;
  /** 明确措施 — measures taken, each dated (clause 3.2.3). */
  readonly measures: readonly DirectiveEntry[];
  /** 工作进度 — progress made, each dated (clause 3.2.3). */
  readonly progress: readonly DirectiveEntry[];
}

/**
 * A period in which the project could not proceed (停滞); `until` is the day work resumed.
 * @example
 * ```ts
 * const s = { since: '2025-05-10', cause: 'insufficientPreliminaryStudy' } as Stall;
 * ```
 * @category Portfolio
 */
export interface Stall {
  /** 停滞起始日 — the day the stall began. */
  readonly since: CalendarDate;
  /** 恢复日期 — the day work resumed; absent = still stalled. */
  readonly until?: CalendarDate;
  /** 停滞原因 — `insufficientPreliminaryStudy` (前期论证不充分, clause 3.2.4), `objective` (客观因素) or `other`. */
  readonly cause: 'insufficientPreliminaryStudy' | 'objective' | 'other';
  /** 说明 — a note on the stall. */
  readonly note?: string;
}

/**
 * An incident on the project (事故/事件), by severity.
 * @example
 * ```ts
 * const i = { on: '2025-07-02', severity: 'serious', note: '高处坠落' } as Incident;
 * ```
 * @category Portfolio
 */
export interface Incident {
  /** 发生日期 — the day of the incident. */
  readonly on: CalendarDate;
  /** 严重程度 — `minor`, `serious` or `grave` (a grave incident makes an accountability case grave). */
  readonly severity: 'minor' | 'serious' | 'grave';
  /** 说明 — what happened. */
  readonly note: string;
}

/**
 * A government-invested project (市本级政府投资项目).
 * @example
 * ```ts
 * portfolio.projects[0].annualPlan; //=> '12000'
 * ```
 * @category Portfolio
 */
export interface Project {
  /** 项目 id, unique in the document. */
  readonly id: string;
  /** 项目名称 — the project's name. */
  readonly name: string;
  /** 责任部门 — id of the responsible department. */
  readonly departmentId: string;
  /** National project code (项目代码), `NNNN-NNNNNN-NN-NN-NNNNNN`. */
  readonly code?: string;
  /** Construction unit (项目建设单位). */
  readonly constructionUnit?: string;
  /** A major livelihood project (重大民心民生工程). */
  readonly majorLivelihood?: boolean;
  /** Department's leading responsible leader and the specific responsible person. */
  readonly responsible: {
    /** 牵头责任领导 — the department's leading responsible leader. */
    readonly leader: string;
    /** 具体责任人 — the specific responsible person. */
    readonly person: string;
  };
  /** 总投资 — the project's total investment. */
  readonly totalInvestment?: Amount;
  /** This year's planned investment (年度计划投资). */
  readonly annualPlan: Amount;
  /** 台账 — the monthly plan ledger (clause 1.1). */
  readonly ledger: Ledger;
  /** 节点 — the schedule nodes. */
  readonly milestones: readonly Milestone[];
  /** 月报 — the monthly progress reports (clause 1.2). */
  readonly reports: readonly Report[];
  /** 变更 — changes to the plan (clause 3.2.5). */
  readonly changes?: readonly Change[];
  /** 领导批示 — leaders' requirements on the project (clause 3.2.3). */
  readonly directives?: readonly Directive[];
  /** 停滞 — periods the project could not proceed. */
  readonly stalls?: readonly Stall[];
  /** 事故/事件 — incidents on the project (clause 3.3). */
  readonly incidents?: readonly Incident[];
}

/**
 * A scheduling meeting (调度) of a department, a city leader or the mayor.
 * @example
 * ```ts
 * const m = { level: 'department', on: '2025-03-12', departmentIds: ['D-zj'], form: 'site' } as Meeting;
 * ```
 * @category Portfolio
 */
export interface Meeting {
  /** 调度层级 — `department` (部门月调度), `cityLeader` (分管市领导双月调度) or `mayor` (市长季调度). */
  readonly level: 'department' | 'cityLeader' | 'mayor';
  /** 调度日期 — the day of the meeting. */
  readonly on: CalendarDate;
  /** 主持领导 — id of the leader who chaired it. */
  readonly chairId?: string;
  /** 参会部门 — ids of the departments scheduled. */
  readonly departmentIds: readonly string[];
  /** 调度方式 — `site` (现场调度), `collective` (集中调度), `inspection` (项目观摩), `report` (集体汇报) or `onsiteOffice` (现场办公). */
  readonly form: 'site' | 'collective' | 'inspection' | 'report' | 'onsiteOffice';
  /** 涉及项目 — ids of the projects discussed. */
  readonly projectIds?: readonly string[];
}

/**
 * A problem raised to a leader (问题报告): a department's to its leader in charge (2.1), or a leader in
 * charge's to the mayor (2.2 → 2.3), recorded as a second escalation of the same department with
 * `toLeaderId` the mayor.
 * @example
 * ```ts
 * const e = { departmentId: 'D-zj', raisedOn: '2025-08-01', toLeaderId: 'L-li', issue: '征地受阻' } as Escalation;
 * ```
 * @category Portfolio
 */
export interface Escalation {
  /** 报告部门 — id of the department that raised the problem. */
  readonly departmentId: string;
  /** 报告日期 — the day the problem was raised. */
  readonly raisedOn: CalendarDate;
  /** 分管市领导 — id of the leader it was raised to. */
  readonly toLeaderId: string;
  /** 问题 — the problem raised. */
  readonly issue: string;
  /** 涉及项目 — id of the project concerned, when the problem is one project's. */
  readonly projectId?: string;
  /** 解决日期 — the day it was resolved; absent = still open. */
  readonly resolvedOn?: CalendarDate;
}

/**
 * A bimonthly review by the finance, land or approval bureau (clause 1.2).
 * @example
 * ```ts
 * const r = { bureau: 'finance', on: '2025-02-25' } as BureauReview;
 * ```
 * @category Portfolio
 */
export interface BureauReview {
  /** 职能部门 — `finance` (市财政局), `land` (市国土资源局) or `approval` (市行政审批局). */
  readonly bureau: 'finance' | 'land' | 'approval';
  /** 日期 — the day of the review. */
  readonly on: CalendarDate;
  /** 责任部门 — ids of the responsible departments reviewed. */
  readonly departmentIds?: readonly string[];
  /** Procedure warnings (提示预警): evidence only. */
  readonly warnings?: readonly {
    /** 项目 id — the project warned about. */
    readonly projectId: string;
    /** 预警内容 — what the warning says. */
    readonly note: string;
  }[];
}

/**
 * A quarterly notice already issued (已印发的季度通报).
 * @example
 * ```ts
 * const n = { quarter: '2025Q1', issuedOn: '2025-04-20', bottom: ['D-a', 'D-b', 'D-c'] } as IssuedNotification;
 * ```
 * @category Portfolio
 */
export interface IssuedNotification {
  /** 季度 — the quarter of the document's year notified; each quarter at most once. */
  readonly quarter: Quarter;
  /** 印发日期 — the day the notice was issued. */
  readonly issuedOn: CalendarDate;
  /** 后三位 — ids of the departments named in the bottom three (clause 3.1). */
  readonly bottom: readonly string[];
}

/**
 * A leader's request to interview a department (clause 3.2.6).
 * @example
 * ```ts
 * const r = { departmentId: 'D-zj', byLeaderId: 'L-li', on: '2025-09-12', reason: '推进不力' } as InterviewRequest;
 * ```
 * @category Portfolio
 */
export interface InterviewRequest {
  /** 约谈部门 — id of the department to interview. */
  readonly departmentId: string;
  /** 提出领导 — id of the leader who asked. */
  readonly byLeaderId: string;
  /** 提出日期 — the day of the request. */
  readonly on: CalendarDate;
  /** 约谈事由 — why the interview is needed. */
  readonly reason: string;
}

/**
 * A colour set by hand for a project and month (人工调整), with the reason.
 * @example
 * ```ts
 * const o = { projectId: 'P-001', month: '2025-09', colour: 'yellow', reason: '现场核查', by: '市发改委' } as Override;
 * ```
 * @category Portfolio
 */
export interface Override {
  /** 项目 id — the project whose colour is set. */
  readonly projectId: string;
  /** 月份 — the evaluated month it applies to; one override per project and month. */
  readonly month: YearMonth;
  /** 颜色 — a colour id of the policy's scale; one the scale lacks is ignored with a warning. */
  readonly colour: string;
  /** 调整理由 — why the colour was set by hand. */
  readonly reason: string;
  /** 调整人 — who set it. */
  readonly by: string;
}

/**
 * The portfolio document (项目台账文档), `format: "sansansan/portfolio@1"`: one city, one year.
 * @example
 * ```ts
 * const doc: PortfolioDocument = parsePortfolio(json);
 * ```
 * @category Portfolio
 */
export interface PortfolioDocument {
  /** 文档格式 — always `"sansansan/portfolio@1"`. */
  readonly format: 'sansansan/portfolio@1';
  /** 年度 — the year the document plans and reports. */
  readonly year: number;
  /** Money unit of every amount (default 万元). */
  readonly unit?: MoneyUnit;
  /** 城市 — the city, e.g. 邯郸市. */
  readonly city?: string;
  /** 市领导 — the city leaders. */
  readonly leaders: readonly Leader[];
  /** 责任部门 — the responsible departments. */
  readonly departments: readonly Department[];
  /** 项目 — the government-invested projects of the year. */
  readonly projects: readonly Project[];
  /** 调度 — scheduling meetings of the three levels (clauses 2.1–2.3). */
  readonly meetings: readonly Meeting[];
  /** 问题上报 — problems raised to leaders in charge (clause 2.1). */
  readonly escalations?: readonly Escalation[];
  /** 部门对接 — bimonthly reviews by the finance, land and approval bureaus (clause 1.2). */
  readonly bureauReviews: readonly BureauReview[];
  /** 季度通报 — quarterly notices already issued (clause 3.1). */
  readonly notifications?: readonly IssuedNotification[];
  /** 约谈要求 — leaders' requests to interview a department (clause 3.2.6). */
  readonly interviewRequests?: readonly InterviewRequest[];
  /** 人工调整 — colours set by hand per project and month. */
  readonly overrides?: readonly Override[];
}

/**
 * A validated portfolio: only {@link parsePortfolio} and {@link safeParsePortfolio} make one.
 *
 * @remarks
 * Plain readonly JSON data (amounts and dates are canonical strings), so `JSON.stringify` serialises it
 * and parsing that text again gives an equal portfolio. Unknown keys of the input are kept.
 * @example
 * ```ts
 * const p: Portfolio = parsePortfolio(JSON.parse(text));
 * ```
 * @category Portfolio
 */
export type Portfolio = PortfolioDocument & {
  /** Type-level brand marking a validated portfolio; absent at run time. */
  readonly [portfolioBrand]: true;
};
