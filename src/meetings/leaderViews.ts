import { compareCodeUnits } from '../findings/index.js';
import type { Department, Leader } from '../portfolio/index.js';
import type { EscalationLine } from '../scheduling/escalationLines.js';
import type { DirectiveLine } from '../supervision/interview/directiveNotImplemented.js';
import { appendTo } from '../_lib/append.js';

/**
 * Each leader's view (领导视图): per leader of the document, the departments in their charge, those
 * departments' projects by displayed colour, the escalations raised to them that are still open, and the
 * directives they issued that are still open (`pending`, or `unmet` past their deadline). What a host
 * system shows on a leader's page without recomputing anything.
 *
 * @param colours - the colour ids of the policy's scale, best first.
 * @param projects - every project's id, department and displayed colour, in any order.
 * @example
 * ```ts
 * leaderViews(leaders, departments, ['green', 'white', 'yellow', 'red'], projects, escalations, directives)[0]?.leaderId; //=> 'L-chen'
 * ```
 * @category Scheduling
 */
export function leaderViews(
  leaders: readonly Leader[],
  departments: readonly Department[],
  colours: readonly string[],
  projects: Iterable<ProjectColour>,
  escalations: readonly EscalationLine[],
  directives: readonly DirectiveLine[],
): LeaderView[] {
  const leaderOf = new Map(departments.map((d) => [d.id, d.leaderId]));
  // One pass: each project's id into its leader's list for its colour (unrated: any colour not in the scale).
  const byLeader = new Map<string, Map<string | null, string[]>>();
  const known = new Set(colours);
  for (const p of projects) {
    // A project of a department the document lacks (none in a valid one) goes to no leader.
    const leaderId = leaderOf.get(p.departmentId) ?? '';
    let mine = byLeader.get(leaderId);
    if (mine === undefined) byLeader.set(leaderId, (mine = new Map<string | null, string[]>()));
    appendTo(mine, p.colour !== null && known.has(p.colour) ? p.colour : null, p.projectId);
  }
  return [...leaders]
    .sort((a, b) => compareCodeUnits(a.id, b.id))
    .map((l) => {
      const mine = byLeader.get(l.id);
      const ids = (colour: string | null): string[] => inOrder(mine?.get(colour) ?? []);
      const unrated = ids(null);
      return {
        leaderId: l.id,
        name: l.name,
        role: l.role,
        departmentIds: departments
          .filter((d) => d.leaderId === l.id)
          .map((d) => d.id)
          .sort(compareCodeUnits),
        projects: [
          ...colours.map((colour) => ({ colour, projectIds: ids(colour) })),
          ...(unrated.length === 0 ? [] : [{ colour: null, projectIds: unrated }]),
        ],
        escalations: escalations.filter((e) => e.open && e.toLeaderId === l.id),
        directives: directives.filter((d) => d.status !== 'met' && d.byLeaderId === l.id).sort(compareDirectiveLines),
      };
    });
}

// Ids by code units; those of `evaluate` come in that order already, and are only checked.
function inOrder(ids: string[]): string[] {
  for (let i = 1; i < ids.length; i += 1) if (compareCodeUnits(ids[i - 1] ?? '', ids[i] ?? '') > 0) return ids.sort(compareCodeUnits);
  return ids;
}

const compareDirectiveLines = (a: DirectiveLine, b: DirectiveLine): number =>
  compareCodeUnits(a.projectId, b.projectId) || compareCodeUnits(a.issuedOn, b.issuedOn) || compareCodeUnits(a.directiveId, b.directiveId);

/**
 * What {@link leaderViews} reads of a project: its id, department and displayed colour.
 * @example
 * ```ts
 * const p: ProjectColour = { projectId: 'P-010', departmentId: 'D-sl', colour: 'red' };
 * ```
 * @category Scheduling
 */
export interface ProjectColour {
  /** 项目 id. */
  readonly projectId: string;
  /** 责任部门 id. */
  readonly departmentId: string;
  /** The displayed colour, or null without an evaluated month. */
  readonly colour: string | null;
}

/**
 * One leader's view of the evaluation (领导视图): see {@link leaderViews}.
 * @example
 * ```ts
 * evaluation.leaders.find((l) => l.leaderId === 'L-zhao')?.projects.at(-1); //=> { colour: 'red', projectIds: ['P-010', 'P-011'] }
 * ```
 * @category Evaluation
 */
export interface LeaderView {
  /** 领导 id. */
  readonly leaderId: string;
  /** 姓名. */
  readonly name: string;
  /** 职务 — `mayor`, `principal` or `cityLeader`. */
  readonly role: Leader['role'];
  /** 分管部门 — the departments whose leader in charge this is, by id. */
  readonly departmentIds: readonly string[];
  /** Those departments' projects by displayed colour: every colour of the scale, best first, then `null` for projects without one (only when there are). */
  readonly projects: readonly {
    /** Colour id, or null for projects without one. */
    readonly colour: string | null;
    /** The projects with it, by id. */
    readonly projectIds: readonly string[];
  }[];
  /** 待协调问题 — the escalations raised to this leader and open at `asOf`, by `raisedOn`. */
  readonly escalations: readonly EscalationLine[];
  /** 待落实批示 — the directives this leader issued that are `pending` or `unmet`, by project then `issuedOn`. */
  readonly directives: readonly DirectiveLine[];
}
