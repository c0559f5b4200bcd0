import type { CalendarDate } from '../calendar/index.js';
import type { Milestone, Project } from './types.js';

/**
 * When a milestone was achieved (节点完成日期), as far as known: its `achievedOn`, or the earliest date
 * any report's `achieved` gives for it (whatever that report's month); `undefined` when not achieved.
 * Pass a project filtered by `knownAt`.
 * @example
 * ```ts
 * achievementDate(project, project.milestones[0]); //=> '2025-04-28'
 * ```
 * @category Portfolio
 */
export function achievementDate(project: Project, milestone: Milestone): CalendarDate | undefined {
  let best = milestone.achievedOn;
  for (const r of project.reports) {
    // Own keys only: a milestone id such as "constructor" must not read Object.prototype.
    const d =
      r.achieved !== undefined && Object.prototype.hasOwnProperty.call(r.achieved, milestone.id) ? r.achieved[milestone.id] : undefined;
    if (d !== undefined && (best === undefined || d < best)) best = d;
  }
  return best;
}
