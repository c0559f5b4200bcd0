import { monthNumber, type YearMonth } from '../../calendar/index.js';
import { NOUGHT, plus, toAmount, type Figure } from '../../money/figure.js';
import { subtractAmounts, ZERO, type Amount } from '../../money/index.js';
import type { Project } from '../../portfolio/index.js';
import type { YearFigures } from '../../portfolio/yearFigures.js';

// A running sum, added to in place.
class Sum {
  private total: Figure = NOUGHT;

  add(x: Figure): void {
    this.total = plus(this.total, x);
  }

  value(): Amount {
    return toAmount(this.total);
  }
}

// Sums to the last month of each ranked quarter, of one department (or one project).
interface Bucket {
  readonly id: string;
  readonly departmentId: string;
  readonly annualPlan: Sum;
  readonly planned: readonly Sum[];
  readonly completed: readonly Sum[];
}

/** Collects what the quarterly ranking reads of each project, one project at a time. */
export interface RankingBuckets {
  /** Add a project, with its Σ ledger and Σ reported investment to each month of the year (January first). */
  readonly add: (project: Project, figures: YearFigures) => void;
  /**
   * Projects on which {@link quarterlyRanking} gives the same result as on the projects added: one per
   * department whose plan, annual plan and reported investment to each ranked quarter's last month are
   * the department's sums — or, with `byProject`, one per project (the mean of project rates needs each).
   */
  readonly projects: () => Project[];
}

/**
 * Buckets for the ranked quarters ending in `ends` (the last months, ascending): the ranking reads of a
 * department only Σ plan to date, Σ annual plan and Σ reported investment at those months.
 */
export function rankingBuckets(ends: readonly YearMonth[], byProject: boolean): RankingBuckets {
  const buckets = new Map<string, Bucket>();
  const add = (project: Project, figures: YearFigures): void => {
    const key = byProject ? `${project.departmentId}\u0000${project.id}` : project.departmentId;
    let b = buckets.get(key);
    if (b === undefined) {
      b = {
        id: key,
        departmentId: project.departmentId,
        annualPlan: new Sum(),
        planned: ends.map(() => new Sum()),
        completed: ends.map(() => new Sum()),
      };
      buckets.set(key, b);
    }
    b.annualPlan.add(figures.annualPlan);
    for (let k = 0; k < ends.length; k += 1) {
      const i = monthNumber(ends[k] as YearMonth) - 1;
      (b.planned[k] as Sum).add(figures.plannedToDate[i] as Figure);
      (b.completed[k] as Sum).add(figures.completedToDate[i] as Figure);
    }
  };
  const projects = (): Project[] => [...buckets.values()].map((b) => bucketProject(b, ends));
  return { add, projects };
}

// A project whose plan and reported investment to each quarter's last month are the bucket's sums.
function bucketProject(b: Bucket, ends: readonly YearMonth[]): Project {
  const value = (list: readonly Sum[], k: number): Amount => list[k]?.value() ?? ZERO;
  const delta = (list: readonly Sum[], k: number): Amount => subtractAmounts(value(list, k), k === 0 ? ZERO : value(list, k - 1));
  return {
    id: b.id,
    name: b.id,
    departmentId: b.departmentId,
    responsible: { leader: '', person: '' },
    annualPlan: b.annualPlan.value(),
    ledger: { months: ends.map((month, k) => ({ month, investment: delta(b.planned, k) })) },
    milestones: [],
    reports: ends.map((month, k) => ({ month, investment: delta(b.completed, k) })),
  };
}
