import type { CalendarDate } from '../calendar/index.js';
import { addDaysSaturating } from '../calendar/date.js';
import { compareCodeUnits } from '../findings/index.js';
import type { ComplianceFinding } from '../findings/compliance.js';
import { achievementDate, type BureauReview, type Milestone, type Project } from '../portfolio/index.js';

/**
 * The approval warning for one project (提示预警, clause 1.2): a project not yet started (its `start`
 * milestone not achieved at `asOf`, or no start milestone: 前期项目) with a `procedure` milestone not
 * achieved at `asOf` and due on or before `asOf + warnDays` — overdue or due soon.
 *
 * @remarks Forward-looking, so not limited to closed periods. The approval bureau's own warnings on the
 * project are added as evidence. Pass the project and reviews known at `asOf`.
 * @example
 * ```ts
 * approvalWarning(project, parseCalendarDate('2025-10-15'), 30, reviews)?.kind; //=> 'approvalWarning'
 * ```
 * @category Reporting
 */
export function approvalWarning(
  project: Project,
  asOf: CalendarDate,
  warnDays: number,
  reviews: readonly BureauReview[] = [],
): ComplianceFinding | undefined {
  const achieved = (m: Milestone): CalendarDate | undefined => achievementDate(project, m);
  const started = project.milestones.some((m) => m.kind === 'start' && achieved(m) !== undefined);
  if (started) return undefined;
  const horizon = addDaysSaturating(asOf, warnDays);
  const pending = project.milestones
    .filter((m) => m.kind === 'procedure' && achieved(m) === undefined && m.due <= horizon)
    .sort((x, y) => compareCodeUnits(x.due, y.due) || compareCodeUnits(x.id, y.id))
    .map((m) => ({ milestoneId: m.id, name: m.name, due: m.due, overdue: m.due < asOf }));
  if (pending.length === 0) return undefined;
  const bureauWarnings = reviews
    .flatMap((r) => (r.warnings ?? []).filter((w) => w.projectId === project.id).map((w) => ({ on: r.on, note: w.note })))
    .sort((x, y) => compareCodeUnits(x.on, y.on) || compareCodeUnits(x.note, y.note));
  return {
    rule: '1.2',
    kind: 'approvalWarning',
    subjectId: project.id,
    evidence: { horizon, procedures: pending, ...(bureauWarnings.length > 0 && { bureauWarnings }) },
  };
}
