import { monthNumber, type YearMonth } from '../../calendar/index.js';
import { NOUGHT, plus, type Figure } from '../../money/figure.js';
import type { Project } from '../../portfolio/index.js';
import type { YearFigures } from '../../portfolio/yearFigures.js';
import type { RankingSums } from './quarterlyRanking.js';

// Sums to the last month of each ranked quarter, of one department (or one project), added to in place.
interface Bucket {
  readonly departmentId: string;
  annualPlan: Figure;
  readonly planned: Figure[];
  readonly completed: Figure[];
}

/** Collects what the quarterly ranking reads of each project, one project at a time. */
export interface RankingBuckets {
  /** Add a project, with its Σ ledger and Σ reported investment to each month of the year (January first). */
  readonly add: (project: Pick<Project, 'departmentId'>, figures: YearFigures) => void;
  /**
   * The sums at the last month of the `k`-th ranked quarter: one per department with projects — or,
   * with `byProject`, one per project (the mean of project rates needs each).
   */
  readonly sums: (k: number) => RankingSums[];
}

/**
 * Buckets for the ranked quarters ending in `ends` (the last months, ascending): the ranking reads of a
 * department only Σ plan to date, Σ annual plan and Σ reported investment at those months.
 */
export function rankingBuckets(ends: readonly YearMonth[], byProject: boolean): RankingBuckets {
  const indexes = ends.map((m) => monthNumber(m) - 1);
  const byDepartment = new Map<string, Bucket>();
  const all: Bucket[] = [];
  const add = (project: Pick<Project, 'departmentId'>, figures: YearFigures): void => {
    let b = byProject ? undefined : byDepartment.get(project.departmentId);
    if (b === undefined) {
      b = { departmentId: project.departmentId, annualPlan: NOUGHT, planned: ends.map(() => NOUGHT), completed: ends.map(() => NOUGHT) };
      if (!byProject) byDepartment.set(project.departmentId, b);
      all.push(b);
    }
    b.annualPlan = plus(b.annualPlan, figures.annualPlan);
    for (let k = 0; k < indexes.length; k += 1) {
      const i = indexes[k] as number;
      b.planned[k] = plus(b.planned[k] as Figure, figures.plannedToDate[i] as Figure);
      b.completed[k] = plus(b.completed[k] as Figure, figures.completedToDate[i] as Figure);
    }
  };
  const sums = (k: number): RankingSums[] =>
    all.map((b) => ({
      departmentId: b.departmentId,
      annualPlan: b.annualPlan,
      plannedToDate: b.planned[k] ?? NOUGHT,
      completedToDate: b.completed[k] ?? NOUGHT,
    }));
  return { add, sums };
}
