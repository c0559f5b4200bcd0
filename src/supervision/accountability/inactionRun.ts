import { firstDayOfMonth, lastDayOfMonth, type CalendarDate, type YearMonth } from '../../calendar/index.js';
import type { Project } from '../../portfolio/index.js';

/**
 * A project's run of inaction (不作为, clause 3.3): the months of the last `span` months of its colour
 * history when every one of them shows `worst` (the last colour of the scale) and no directive measure or
 * progress of the project is dated within them; undefined otherwise.
 *
 * @remarks 3.3: "对工作不作为……的" — a project left in the worst colour month after month with nobody
 * acting on the leaders' directives. `span` is `policy.accountability.inactionMonths`.
 * @example
 * ```ts
 * inactionRun(project, [{ month: '2025-08', colour: 'red' }, { month: '2025-09', colour: 'red' }], 'red', 2);
 * //=> ['2025-08', '2025-09'] when no directive entry is dated in August or September
 * ```
 * @category Supervision
 */
export function inactionRun(
  project: Project,
  history: readonly { readonly month: YearMonth; readonly colour: string | null }[],
  worst: string | undefined,
  span: number,
): readonly YearMonth[] | undefined {
  const window = history.slice(-span);
  const first = window[0];
  const last = window[window.length - 1];
  if (first === undefined || last === undefined || window.length !== span || !window.every((h) => h.colour === worst)) return undefined;
  return directiveActivity(project, firstDayOfMonth(first.month), lastDayOfMonth(last.month)) ? undefined : window.map((h) => h.month);
}

// Whether a measure or progress entry of any directive of the project is dated from `from` to `to`.
function directiveActivity(p: Project, from: CalendarDate, to: CalendarDate): boolean {
  return (p.directives ?? []).some((d) => [...d.measures, ...d.progress].some((e) => e.on >= from && e.on <= to));
}
