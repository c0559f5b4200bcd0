import { monthNumber, type YearMonth } from '../../calendar/index.js';
import { addAmounts, subtractAmounts, ZERO, type Amount } from '../../money/index.js';
import { add, exact, plain, type Exact } from '../../money/_exact.js';
import type { MonthSums } from '../../money/monthSums.js';
import type { Project } from '../../portfolio/index.js';

// A running sum: a scaled integer while every amount added is plain, else the decimal.js sum's text.
type Sum = Exact | Amount;

const NOTHING: Sum = { m: 0n, e: 0 };

function plus(sum: Sum, a: Amount): Sum {
  if (typeof sum === 'string') return addAmounts(sum, a);
  const x = exact(a);
  return x === undefined ? addAmounts(plain(sum) as Amount, a) : add(sum, x);
}

// sum + Σ to month i, without writing that Σ out while both are scaled integers.
function plusMonth(sum: Sum, sums: MonthSums, i: number): Sum {
  const x = typeof sum === 'string' ? undefined : sums.exact(i);
  return x === undefined || typeof sum === 'string' ? plus(sum, sums.amount(i)) : add(sum, x);
}

function text(sum: Sum): Amount {
  return typeof sum === 'string' ? sum : (plain(sum) as Amount);
}

// Sums to the last month of each ranked quarter, of one department (or one project).
interface Bucket {
  readonly id: string;
  readonly departmentId: string;
  annualPlan: Sum;
  readonly planned: Sum[];
  readonly completed: Sum[];
}

/** Collects what the quarterly ranking reads of each project, one project at a time. */
export interface RankingBuckets {
  /** Add a project, with its Σ ledger and Σ reported investment to each month of the year (January first). */
  readonly add: (project: Project, planned: MonthSums, completed: MonthSums) => void;
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
  const add = (project: Project, planned: MonthSums, completed: MonthSums): void => {
    const key = byProject ? `${project.departmentId}\u0000${project.id}` : project.departmentId;
    let b = buckets.get(key);
    if (b === undefined) {
      b = {
        id: key,
        departmentId: project.departmentId,
        annualPlan: NOTHING,
        planned: ends.map(() => NOTHING),
        completed: ends.map(() => NOTHING),
      };
      buckets.set(key, b);
    }
    const bucket = b;
    bucket.annualPlan = plus(bucket.annualPlan, project.annualPlan);
    ends.forEach((last, k) => {
      const i = monthNumber(last) - 1;
      bucket.planned[k] = plusMonth(bucket.planned[k] ?? NOTHING, planned, i);
      bucket.completed[k] = plusMonth(bucket.completed[k] ?? NOTHING, completed, i);
    });
  };
  const projects = (): Project[] => [...buckets.values()].map((b) => bucketProject(b, ends));
  return { add, projects };
}

// A project whose plan and reported investment to each quarter's last month are the bucket's sums.
function bucketProject(b: Bucket, ends: readonly YearMonth[]): Project {
  const delta = (list: readonly Sum[], k: number): Amount =>
    subtractAmounts(text(list[k] ?? NOTHING), k === 0 ? ZERO : text(list[k - 1] ?? NOTHING));
  return {
    id: b.id,
    name: b.id,
    departmentId: b.departmentId,
    responsible: { leader: '', person: '' },
    annualPlan: text(b.annualPlan),
    ledger: { months: ends.map((month, k) => ({ month, investment: delta(b.planned, k) })) },
    milestones: [],
    reports: ends.map((month, k) => ({ month, investment: delta(b.completed, k) })),
  };
}
