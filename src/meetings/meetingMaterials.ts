import {
  addMonths,
  bimonthOf,
  firstDayOf,
  lastDayOfMonth,
  monthOf,
  quarterOf,
  yearOf,
  type Bimonth,
  type CalendarDate,
  type Quarter,
  type YearMonth,
} from '../calendar/index.js';
import type { EvaluatedProject, Evaluation, InterviewCase } from '../evaluate.js';
import { SansansanError } from '../errors.js';
import { compareCodeUnits, isReason, type ComplianceFinding, type Finding } from '../findings/index.js';
import type { MilestoneResult } from '../reconciliation/reconcileProject.js';
import type { EscalationLine } from '../scheduling/escalationLines.js';
import type { DirectiveLine } from '../supervision/interview/directiveNotImplemented.js';
import type { QuarterlyNotification } from '../supervision/notification/quarterlyRanking.js';

// The materials of a scheduling meeting are what the evaluation already says, cut to the meeting's
// scope and period: nothing here judges a project again.

/**
 * The materials of one scheduling meeting (调度会议材料) for its scope, from an evaluation (clauses 2.1–2.3):
 *
 * - `department` (二(一), monthly): one department; the period is the evaluated month.
 * - `cityLeader` (二(二), every two months): the departments in a leader's charge; the bimonth of the evaluated month.
 * - `mayor` (二(三), quarterly): every department; the quarter of the evaluated month.
 *
 * They hold the colour counts and the moves since the end of the previous period (from the colour
 * history); the problem list (every project of the scale's two worst colours, and any project with a
 * listed escalation, directive or milestone); the escalations raised to this level that are open, and
 * those closed since the period began; the directives due before the next meeting or unmet; the
 * milestones due before the next meeting and those overdue; the scope's interview triggers and
 * compliance gaps; and, for the mayor, the latest quarterly ranking. Every item names its clause.
 *
 * @remarks
 * The next meeting is taken to be one cadence after `asOf`: a month (department), two months (city
 * leader) or three (mayor). Pure: the same evaluation and scope give the same materials.
 * @throws {@link SansansanError} `unknown_reference` when the scope names a department or leader the evaluation lacks.
 * @example
 * ```ts
 * const m = meetingMaterials(evaluation, { level: 'cityLeader', leaderId: 'L-zhao' });
 * m.problems.map((p) => p.projectId); //=> ['P-010', 'P-011', …]
 * ```
 * @category Meetings
 */
export function meetingMaterials(evaluation: Evaluation, scope: MeetingScope): MeetingMaterials {
  const e = evaluation;
  const { subject, departmentIds } = scopeOf(e, scope);
  const inScope = new Set(departmentIds);
  const projects = e.projects.filter((p) => inScope.has(p.departmentId));
  const projectIds = new Set(projects.map((p) => p.projectId));
  const level = scope.level;
  const period = e.month === null ? null : periodOf(level, e.month);
  const comparedWith = period === null ? null : previousMonth(period, e.year);
  const since = period === null ? (`${e.year}-01-01` as CalendarDate) : firstDayOf(period);
  const nextMeetingBy = addMonthsToDate(e.asOf, CADENCE[level]);

  const escalations = e.escalations.filter((x) => raisedTo(x, level, subject.id, inScope));
  const openEscalations = escalations.filter((x) => x.open).map(escalationItem);
  const closedEscalations = escalations.filter((x) => x.resolvedOn !== null && x.resolvedOn >= since).map(escalationItem);
  const directives = projects.flatMap((p) =>
    p.directives.filter((d) => d.status === 'unmet' || (d.status === 'pending' && d.deadline <= nextMeetingBy)).map(directiveItem),
  );
  const milestones = projects.flatMap((p) =>
    p.milestones.filter((m) => m.state === 'overdue' || (m.state === 'pending' && m.due <= nextMeetingBy)).map((m) => milestoneItem(p, m)),
  );

  // A project is a problem for its colour (one of the scale's two worst, never the best), or for an item
  // of it listed here.
  const rank = new Map(e.colours.map((c, i) => [c.id, i]));
  const worst = new Set(e.colours.slice(Math.max(1, e.colours.length - 2)).map((c) => c.id));
  const escalated = new Set([...openEscalations, ...closedEscalations].map((x) => x.projectId));
  const directed = new Set(directives.map((d) => d.projectId));
  const timed = new Set(milestones.map((m) => m.projectId));
  const problems = projects
    .map((p) => {
      const listedFor: ProblemItem['listedFor'][number][] = [];
      if (worst.has(p.colour ?? '')) listedFor.push('colour');
      if (escalated.has(p.projectId)) listedFor.push('escalation');
      if (directed.has(p.projectId)) listedFor.push('directive');
      if (timed.has(p.projectId)) listedFor.push('milestone');
      return { p, listedFor };
    })
    .filter((x) => x.listedFor.length > 0)
    .map(({ p, listedFor }) => problemItem(p, listedFor))
    .sort(
      (a, b) =>
        (rank.get(b.colour ?? '') ?? -1) - (rank.get(a.colour ?? '') ?? -1) ||
        compareCodeUnits(a.departmentId, b.departmentId) ||
        compareCodeUnits(a.projectId, b.projectId),
    );

  return {
    level,
    clause: CLAUSE[level],
    asOf: e.asOf,
    month: e.month,
    period,
    comparedWith,
    since,
    nextMeetingBy,
    subject,
    departmentIds,
    projectIds: [...projectIds],
    colours: colourCounts(e, projects, comparedWith),
    moves: colourMoves(projects, comparedWith, rank),
    problems,
    escalations: { open: openEscalations, closed: closedEscalations },
    directives,
    milestones,
    interviews: e.interviews.filter((c) => inScope.has(c.departmentId)),
    compliance: e.compliance.filter((c) => complianceInScope(c, level, subject.id, inScope, projectIds)),
    ranking: level === 'mayor' ? (e.notifications.at(-1) ?? null) : null,
  };
}

const CLAUSE = { department: '2.1', cityLeader: '2.2', mayor: '2.3' } as const;
const CADENCE = { department: 1, cityLeader: 2, mayor: 3 } as const;

function scopeOf(e: Evaluation, scope: MeetingScope): { subject: MeetingSubject; departmentIds: string[] } {
  switch (scope.level) {
    case 'department': {
      const d = e.departments.find((x) => x.departmentId === scope.departmentId);
      if (d === undefined) throw unknown('department', scope.departmentId);
      return { subject: { id: d.departmentId, name: d.name }, departmentIds: [d.departmentId] };
    }
    case 'cityLeader': {
      const l = e.leaders.find((x) => x.leaderId === scope.leaderId);
      if (l === undefined) throw unknown('leader', scope.leaderId);
      return { subject: { id: l.leaderId, name: l.name }, departmentIds: [...l.departmentIds] };
    }
    case 'mayor': {
      const m = e.leaders.find((x) => x.role === 'mayor');
      return {
        subject: m === undefined ? { id: 'mayor', name: '市长' } : { id: m.leaderId, name: m.name },
        departmentIds: e.departments.map((d) => d.departmentId),
      };
    }
  }
}

function unknown(kind: 'department' | 'leader', id: string): SansansanError {
  const zh = kind === 'department' ? '部门' : '领导';
  return new SansansanError('unknown_reference', { zh: `评价结果中没有${zh} ${id}`, en: `the evaluation has no ${kind} ${id}` });
}

/** The period of a level's meeting that holds month `m`. */
function periodOf(level: MeetingLevel, m: YearMonth): YearMonth | Bimonth | Quarter {
  return level === 'department' ? m : level === 'cityLeader' ? bimonthOf(m) : quarterOf(m);
}

/** The last month before `period`, when it is in the same year. */
function previousMonth(period: YearMonth | Bimonth | Quarter, year: number): YearMonth | null {
  const before = addMonths(monthOf(firstDayOf(period)), -1);
  return yearOf(before) === year ? before : null;
}

/** `date` plus `n` months, on the same day or the last day of a shorter month. */
function addMonthsToDate(date: CalendarDate, n: number): CalendarDate {
  const m = addMonths(monthOf(date), n);
  const last = lastDayOfMonth(m);
  const day = date.slice(8);
  return (day > last.slice(8) ? last : `${m}-${day}`) as CalendarDate;
}

/** Whether an escalation is one this level's meeting answers. */
function raisedTo(x: EscalationLine, level: MeetingLevel, subjectId: string, departments: ReadonlySet<string>): boolean {
  if (level === 'department') return departments.has(x.departmentId);
  if (level === 'cityLeader') return x.toLeaderId === subjectId;
  return x.level === 'mayor';
}

/** Whether a compliance gap is about this scope: its projects, its departments, its leader, or anything for the mayor. */
function complianceInScope(
  c: ComplianceFinding,
  level: MeetingLevel,
  subjectId: string,
  departments: ReadonlySet<string>,
  projects: ReadonlySet<string>,
): boolean {
  if (level === 'mayor') return true;
  if (c.kind === 'reviewMissing' || c.rule === '2.3') return false;
  if (c.rule === '2.2') return level === 'cityLeader' && c.subjectId === subjectId;
  if (c.rule === '2.1') return departments.has(c.subjectId);
  return projects.has(c.subjectId);
}

function colourCounts(e: Evaluation, projects: readonly EvaluatedProject[], comparedWith: YearMonth | null): ColourCount[] {
  const before = (p: EvaluatedProject): string | null | undefined =>
    comparedWith === null ? undefined : (p.history.find((h) => h.month === comparedWith)?.colour ?? null);
  const count = (colour: string | null): ColourCount => ({
    colour,
    count: projects.filter((p) => p.colour === colour).length,
    previous: comparedWith === null ? null : projects.filter((p) => before(p) === colour).length,
  });
  const known = new Set(e.colours.map((c) => c.id));
  const others = projects.some((p) => !known.has(p.colour ?? ''));
  return [...e.colours.map((c) => count(c.id)), ...(others ? [count(null)] : [])];
}

// With a month to compare with there is an evaluated month: every project has a colour then and now.
function colourMoves(
  projects: readonly EvaluatedProject[],
  comparedWith: YearMonth | null,
  rank: ReadonlyMap<string, number>,
): ColourMove[] {
  const moves: ColourMove[] = [];
  for (const p of projects) {
    const from = p.history.find((h) => h.month === comparedWith)?.colour ?? null;
    if (from === null || p.colour === null || from === p.colour) continue;
    const worse = (rank.get(p.colour) ?? 0) > (rank.get(from) ?? 0);
    moves.push({
      rule: '1.3',
      projectId: p.projectId,
      departmentId: p.departmentId,
      from,
      to: p.colour,
      direction: worse ? 'worse' : 'better',
    });
  }
  return moves.sort((x, y) => compareCodeUnits(y.direction, x.direction) || compareCodeUnits(x.projectId, y.projectId));
}

function problemItem(p: EvaluatedProject, listedFor: ProblemItem['listedFor']): ProblemItem {
  return {
    rule: '1.3',
    projectId: p.projectId,
    name: p.name,
    departmentId: p.departmentId,
    colour: p.colour,
    listedFor,
    responsible: p.responsible,
    lagPp: p.lagPp,
    reasons: p.findings.filter(isReason),
  };
}

function escalationItem(x: EscalationLine): EscalationItem {
  return { rule: x.level === 'mayor' ? '2.3' : '2.2', ...x };
}

function directiveItem(d: DirectiveLine): DirectiveItem {
  return { rule: '3.2.3', ...d };
}

function milestoneItem(p: EvaluatedProject, m: MilestoneResult): MilestoneItem {
  const missed = m.state === 'overdue' && (m.kind === 'start' || m.kind === 'completion');
  return {
    rule: missed ? '3.2.2' : '1.1',
    projectId: p.projectId,
    departmentId: p.departmentId,
    milestoneId: m.id,
    kind: m.kind,
    name: m.name,
    due: m.due,
    state: m.state === 'overdue' ? 'overdue' : 'due',
  };
}

/**
 * The three levels of scheduling (三级调度): `department` (2.1), `cityLeader` (2.2) and `mayor` (2.3).
 * @example
 * ```ts
 * const l: MeetingLevel = 'cityLeader';
 * ```
 * @category Meetings
 */
export type MeetingLevel = 'department' | 'cityLeader' | 'mayor';

/**
 * Whose meeting the materials are for: a department, a leader in charge, or the mayor.
 * @example
 * ```ts
 * const s: MeetingScope = { level: 'department', departmentId: 'D-sl' };
 * ```
 * @category Meetings
 */
export type MeetingScope =
  | {
      /** 责任部门月调度 (2.1). */
      readonly level: 'department';
      /** The department whose meeting it is. */
      readonly departmentId: string;
    }
  | {
      /** 分管市领导双月调度 (2.2). */
      readonly level: 'cityLeader';
      /** The leader in charge whose meeting it is. */
      readonly leaderId: string;
    }
  | {
      /** 市长季调度 (2.3): the whole city. */
      readonly level: 'mayor';
    };

/**
 * Who holds the meeting: the department, the leader in charge, or the mayor (`{ id: 'mayor', name: '市长' }`
 * when the document names none).
 * @example
 * ```ts
 * const s: MeetingSubject = { id: 'L-zhao', name: '赵明轩' };
 * ```
 * @category Meetings
 */
export interface MeetingSubject {
  /** Department or leader id. */
  readonly id: string;
  /** 名称 or 姓名. */
  readonly name: string;
}

/**
 * The materials of one scheduling meeting: see {@link meetingMaterials}.
 * @example
 * ```ts
 * const m: MeetingMaterials = meetingMaterials(evaluation, { level: 'mayor' });
 * m.ranking?.bottom; //=> ['D-gt', 'D-sl', 'D-wlt']
 * ```
 * @category Meetings
 */
export interface MeetingMaterials {
  /** The meeting's level. */
  readonly level: MeetingLevel;
  /** Its clause: `2.1`, `2.2` or `2.3`. */
  readonly clause: '2.1' | '2.2' | '2.3';
  /** 评价日期. */
  readonly asOf: CalendarDate;
  /** The evaluated month, or null. */
  readonly month: YearMonth | null;
  /** 本期 — the month, bimonth or quarter of the evaluated month; null without one. */
  readonly period: YearMonth | Bimonth | Quarter | null;
  /** The last month of the previous period, whose colours the moves start from; null when it is not in the year. */
  readonly comparedWith: YearMonth | null;
  /** The first day of the period (of the year without one): escalations closed since then are listed. */
  readonly since: CalendarDate;
  /** 下次会议前 — one cadence after `asOf`: what falls due by then is listed. */
  readonly nextMeetingBy: CalendarDate;
  /** Who holds the meeting. */
  readonly subject: MeetingSubject;
  /** The departments of the scope, by id. */
  readonly departmentIds: readonly string[];
  /** Every project of the scope, by id. */
  readonly projectIds: readonly string[];
  /** 颜色分布 — projects per colour, now and at `comparedWith`: every colour of the scale, best first, then null for projects without one (only when there are). */
  readonly colours: readonly ColourCount[];
  /** 颜色变化 — the projects whose colour changed since `comparedWith`: worse first, then better, each by project id. */
  readonly moves: readonly ColourMove[];
  /** 问题清单 — worst colour first, then by department and project id. */
  readonly problems: readonly ProblemItem[];
  /** 问题报告 — raised to this level (for a department: raised by it): open, and closed since `since`. */
  readonly escalations: {
    /** Not resolved at `asOf`, by `raisedOn`. */
    readonly open: readonly EscalationItem[];
    /** Resolved on or after `since`, by `raisedOn`. */
    readonly closed: readonly EscalationItem[];
  };
  /** 领导批示 — due by `nextMeetingBy` and still pending, or unmet past their deadline; by project, then date. */
  readonly directives: readonly DirectiveItem[];
  /** 节点 — due by `nextMeetingBy` and not achieved, or overdue; by project, then due date. */
  readonly milestones: readonly MilestoneItem[];
  /** 约谈情形 — the interview cases (3.2) of the scope's departments. */
  readonly interviews: readonly InterviewCase[];
  /** 履职情况 — the compliance gaps (1.1, 1.2, 2.x) of the scope. */
  readonly compliance: readonly ComplianceFinding[];
  /** 季度排名 — for the mayor, the latest ranked quarter's notification (3.1); null otherwise or before Q1 is ranked. */
  readonly ranking: QuarterlyNotification | null;
}

/**
 * How many projects of a scope have a colour, now and at the end of the previous period.
 * @example
 * ```ts
 * const c: ColourCount = { colour: 'red', count: 2, previous: 1 };
 * ```
 * @category Meetings
 */
export interface ColourCount {
  /** Colour id, or null for projects without a colour. */
  readonly colour: string | null;
  /** Projects with it now. */
  readonly count: number;
  /** Projects with it at `comparedWith`, or null without a previous period. */
  readonly previous: number | null;
}

/**
 * A project whose displayed colour changed since the previous period (转黄、转红、好转).
 * @example
 * ```ts
 * const m: ColourMove = { rule: '1.3', projectId: 'P-011', departmentId: 'D-sl', from: 'yellow', to: 'red', direction: 'worse' };
 * ```
 * @category Meetings
 */
export interface ColourMove {
  /** 一(三) 定期对账. */
  readonly rule: '1.3';
  /** 项目 id. */
  readonly projectId: string;
  /** 责任部门 id. */
  readonly departmentId: string;
  /** The colour at `comparedWith`. */
  readonly from: string;
  /** The colour now. */
  readonly to: string;
  /** `worse` or `better`, by the order of the scale. */
  readonly direction: 'worse' | 'better';
}

/**
 * A project of the problem list (问题清单): its colour, the findings that explain it, and who answers for it.
 * @example
 * ```ts
 * const p = materials.problems[0]; p.responsible.person; //=> '王磊'
 * ```
 * @category Meetings
 */
export interface ProblemItem {
  /** 一(三) 定期对账. */
  readonly rule: '1.3';
  /** 项目 id. */
  readonly projectId: string;
  /** 项目名称. */
  readonly name: string;
  /** 责任部门 id. */
  readonly departmentId: string;
  /** The displayed colour. */
  readonly colour: string | null;
  /** Why it is listed: its colour (one of the scale's two worst), and any escalation, directive or milestone of it listed in the materials. */
  readonly listedFor: readonly ('colour' | 'escalation' | 'directive' | 'milestone')[];
  /** 责任领导、责任人. */
  readonly responsible: EvaluatedProject['responsible'];
  /** 落后序时 (percentage points), or null. */
  readonly lagPp: string | null;
  /** The findings that explain the colour, each with its clause and numbers. */
  readonly reasons: readonly Finding[];
}

/**
 * An escalation in the materials, with the clause of the meeting that answers it (2.2 or 2.3).
 * @example
 * ```ts
 * materials.escalations.open.map((x) => [x.rule, x.days]); //=> [['2.3', 35]]
 * ```
 * @category Meetings
 */
export interface EscalationItem extends EscalationLine {
  /** `2.2` raised to a leader in charge, `2.3` raised to the mayor. */
  readonly rule: '2.2' | '2.3';
}

/**
 * A directive in the materials (3.2.3).
 * @example
 * ```ts
 * materials.directives.map((d) => [d.status, d.deadline]); //=> [['pending', '2025-11-10'], …]
 * ```
 * @category Meetings
 */
export interface DirectiveItem extends DirectiveLine {
  /** 三(二) 3: a leader's requirement and its implementation. */
  readonly rule: '3.2.3';
}

/**
 * A milestone in the materials: due before the next meeting, or overdue.
 * @example
 * ```ts
 * const m: MilestoneItem = {
 *   rule: '3.2.2', projectId: 'P-011', departmentId: 'D-sl', milestoneId: 'M-start', kind: 'start',
 *   name: '开工', due: '2025-06-30', state: 'overdue',
 * };
 * ```
 * @category Meetings
 */
export interface MilestoneItem {
  /** `3.2.2` for an overdue start or completion, `1.1` (the ledger's time nodes) otherwise. */
  readonly rule: '1.1' | '3.2.2';
  /** 项目 id. */
  readonly projectId: string;
  /** 责任部门 id. */
  readonly departmentId: string;
  /** 节点 id. */
  readonly milestoneId: string;
  /** 节点类型. */
  readonly kind: MilestoneResult['kind'];
  /** 节点名称. */
  readonly name: string;
  /** 计划完成日期. */
  readonly due: CalendarDate;
  /** `due` (by the next meeting) or `overdue`. */
  readonly state: 'due' | 'overdue';
}
