import type { CalendarDate } from '../../calendar/index.js';
import { addDaysSaturating } from '../../calendar/date.js';
import { compareCodeUnits } from '../../findings/index.js';
import type { Directive, DirectiveEntry, Leader, Project } from '../../portfolio/index.js';
import type { InterviewTrigger } from './types.js';

/**
 * Where a leader's directive stands at `asOf` (批示落实情况), the test of 3.2.3 read for any leader: its
 * deadline D — `dueOn`, else `issuedOn + directiveDays` — and whether a measure and a progress entry are
 * dated ≤ D. `pending` while D is not before `asOf`; after it, `unmet` with neither (`"missingBoth"`, the
 * default reading of "没有…和…") or lacking either (`"missingEither"`), else `met`.
 * @example
 * ```ts
 * directiveStanding(project.directives[0], parseCalendarDate('2025-10-15'), 30, 'missingBoth').status; //=> 'unmet'
 * ```
 * @category Supervision
 */
export function directiveStanding(
  d: Directive,
  asOf: CalendarDate,
  directiveDays: number,
  failure: 'missingBoth' | 'missingEither',
): DirectiveStanding {
  const deadline = d.dueOn ?? addDaysSaturating(d.issuedOn, directiveDays);
  const measureByDeadline = d.measures.some((e) => e.on <= deadline);
  const progressByDeadline = d.progress.some((e) => e.on <= deadline);
  const missing = failure === 'missingBoth' ? !measureByDeadline && !progressByDeadline : !measureByDeadline || !progressByDeadline;
  const status = deadline >= asOf ? 'pending' : missing ? 'unmet' : 'met';
  return { deadline, measureByDeadline, progressByDeadline, status };
}

/**
 * Where a directive stands: see {@link directiveStanding}.
 * @example
 * ```ts
 * const s: DirectiveStanding = { deadline: '2025-08-10', measureByDeadline: false, progressByDeadline: false, status: 'unmet' };
 * ```
 * @category Supervision
 */
export interface DirectiveStanding {
  /** 办理期限 — `dueOn`, else `issuedOn + directiveDays`. */
  readonly deadline: CalendarDate;
  /** A measure is dated on or before the deadline. */
  readonly measureByDeadline: boolean;
  /** A progress entry is dated on or before the deadline. */
  readonly progressByDeadline: boolean;
  /** `pending` (the deadline is not past), `met` or `unmet` (落实不力) once it is. */
  readonly status: 'pending' | 'met' | 'unmet';
}

/**
 * Trigger 3.2.3 (对市政府主要领导的具体要求落实不力,没有明确措施和明显工作进度): a directive by a principal
 * leader (or the mayor) that is `unmet` by {@link directiveStanding}: its deadline is before `asOf` with
 * neither a measure nor a progress entry dated on or before it (or lacking either, `"missingEither"`).
 * Pass the project as known at `asOf`.
 * @example
 * ```ts
 * directiveNotImplemented(project, leaders, parseCalendarDate('2025-10-15'), 30, 'missingBoth')?.rule; //=> '3.2.3'
 * ```
 * @category Supervision
 */
export function directiveNotImplemented(
  project: Project,
  leaders: readonly Leader[],
  asOf: CalendarDate,
  directiveDays: number,
  failure: 'missingBoth' | 'missingEither',
): InterviewTrigger | undefined {
  const directives = project.directives;
  if (directives === undefined || directives.length === 0) return undefined;
  const principal = new Set(leaders.filter((l) => l.role === 'principal' || l.role === 'mayor').map((l) => l.id));
  const failed = directives
    .filter((d) => principal.has(d.byLeaderId))
    .sort((a, b) => compareCodeUnits(a.issuedOn, b.issuedOn) || compareCodeUnits(a.id, b.id))
    .map((d) => ({ d, ...directiveStanding(d, asOf, directiveDays, failure) }))
    .filter((x) => x.status === 'unmet');
  if (failed.length === 0) return undefined;
  return {
    rule: '3.2.3',
    departmentId: project.departmentId,
    projectId: project.id,
    evidence: {
      directiveFailure: failure,
      directives: failed.map((x) => ({
        directiveId: x.d.id,
        byLeaderId: x.d.byLeaderId,
        issuedOn: x.d.issuedOn,
        deadline: x.deadline,
        requirement: x.d.requirement,
        measureByDeadline: x.measureByDeadline,
        progressByDeadline: x.progressByDeadline,
      })),
    },
    message: {
      zh: `${project.name}:市政府主要领导要求(${failed.map((x) => `${x.d.requirement},期限 ${x.deadline}`).join(';')})到期无明确措施和明显进度`,
      en: `${project.id}: principal leader's directive${failed.length > 1 ? 's' : ''} ${failed.map((x) => `${x.d.id} (due ${x.deadline})`).join(', ')} without measures or progress by the deadline`,
    },
  };
}

/**
 * A project's directives known at `asOf` as the evaluation gives them (领导批示), each with where it stands
 * by {@link directiveStanding} and the measures and progress known so far; by `issuedOn`, then id.
 * @example
 * ```ts
 * directiveLines(project, parseCalendarDate('2025-10-15'), 30, 'missingBoth').map((d) => d.status); //=> ['unmet']
 * ```
 * @category Supervision
 */
export function directiveLines(
  project: Pick<Project, 'id' | 'departmentId' | 'directives'>,
  asOf: CalendarDate,
  directiveDays: number,
  failure: 'missingBoth' | 'missingEither',
): DirectiveLine[] {
  if (project.directives === undefined || project.directives.length === 0) return [];
  return [...project.directives]
    .sort((a, b) => compareCodeUnits(a.issuedOn, b.issuedOn) || compareCodeUnits(a.id, b.id))
    .map((d) => ({
      projectId: project.id,
      departmentId: project.departmentId,
      directiveId: d.id,
      byLeaderId: d.byLeaderId,
      issuedOn: d.issuedOn,
      requirement: d.requirement,
      ...directiveStanding(d, asOf, directiveDays, failure),
      measures: entries(d.measures),
      progress: entries(d.progress),
    }));
}

// The known keys only (a document's unknown keys never reach the result), by date then text.
const entries = (list: readonly DirectiveEntry[]): DirectiveEntry[] =>
  list.map((e) => ({ on: e.on, text: e.text })).sort((a, b) => compareCodeUnits(a.on, b.on) || compareCodeUnits(a.text, b.text));

/**
 * A leader's directive on a project as the evaluation gives it (领导批示): the record, its deadline and
 * where it stands at `asOf`.
 * @example
 * ```ts
 * const d: DirectiveLine = {
 *   projectId: 'P-022', departmentId: 'D-wlt', directiveId: 'DIR-1', byLeaderId: 'L-sun', issuedOn: '2025-07-10',
 *   requirement: '8月10日前完成展陈大纲专家评审', deadline: '2025-08-10', measureByDeadline: false,
 *   progressByDeadline: false, status: 'unmet', measures: [], progress: [],
 * };
 * ```
 * @category Supervision
 */
export interface DirectiveLine extends DirectiveStanding {
  /** 项目 id. */
  readonly projectId: string;
  /** 责任部门 id. */
  readonly departmentId: string;
  /** 批示 id, unique within the project. */
  readonly directiveId: string;
  /** 批示领导 id. */
  readonly byLeaderId: string;
  /** 批示日期. */
  readonly issuedOn: CalendarDate;
  /** 具体要求. */
  readonly requirement: string;
  /** 明确措施 known at `asOf`, by date then text. */
  readonly measures: readonly DirectiveEntry[];
  /** 工作进度 known at `asOf`, by date then text. */
  readonly progress: readonly DirectiveEntry[];
}
