import { monthNumber, type YearMonth } from '../../calendar/index.js';
import { addAmounts, subtractAmounts, ZERO, type Amount } from '../../money/index.js';
import { add, addSmall, exact, plain, plainOfSmall, smallExact, type Exact } from '../../money/_exact.js';
import type { MonthSums } from '../../money/monthSums.js';
import type { Project } from '../../portfolio/index.js';

// A running sum, added to in place: in doubles while every value added is held there and the sum stays a
// safe integer (D36), then a scaled integer while every amount added is plain, else decimal.js's text.
// Every mode is exact, so the text it ends with is the same whichever mode it ends in.
class Sum {
  private n = 0;
  private e = 0;
  private big: Exact | undefined;
  private text: Amount | undefined;

  /** Add the safe integer `n` of 10^-e units. */
  addSmall(n: number, e: number): void {
    if (this.text !== undefined) {
      this.text = addAmounts(this.text, plainOfSmall(n, e) as Amount);
      return;
    }
    if (this.big === undefined) {
      const t = addSmall(this.n, this.e, n, e);
      if (!Number.isNaN(t)) {
        this.n = t;
        this.e = Math.max(this.e, e);
        return;
      }
      this.big = { m: BigInt(this.n), e: this.e };
    }
    this.big = add(this.big, { m: BigInt(n), e });
  }

  /** Add a scaled integer. */
  addExact(x: Exact): void {
    if (this.text !== undefined) {
      this.text = addAmounts(this.text, plain(x) as Amount);
      return;
    }
    this.big = add(this.big ?? { m: BigInt(this.n), e: this.e }, x);
  }

  /** Add an amount in any form. */
  addAmount(a: Amount): void {
    const small = this.text === undefined ? smallExact(a) : undefined;
    if (small !== undefined) {
      this.addSmall(small.n, small.e);
      return;
    }
    const x = this.text === undefined ? exact(a) : undefined;
    if (x !== undefined) {
      this.addExact(x);
      return;
    }
    this.text = addAmounts(this.value(), a);
  }

  /** Add Σ to month `i` of `sums`, in the form they hold it. */
  addMonth(sums: MonthSums, i: number): void {
    const n = sums.small(i);
    if (!Number.isNaN(n)) {
      this.addSmall(n, sums.scale);
      return;
    }
    const x = sums.exact(i);
    if (x !== undefined) {
      this.addExact(x);
      return;
    }
    this.addAmount(sums.amount(i));
  }

  /** The sum as text, as `sumAmounts` writes it. */
  value(): Amount {
    if (this.text !== undefined) return this.text;
    return (this.big === undefined ? plainOfSmall(this.n, this.e) : plain(this.big)) as Amount;
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
        annualPlan: new Sum(),
        planned: ends.map(() => new Sum()),
        completed: ends.map(() => new Sum()),
      };
      buckets.set(key, b);
    }
    b.annualPlan.addAmount(project.annualPlan);
    for (let k = 0; k < ends.length; k += 1) {
      const i = monthNumber(ends[k] as YearMonth) - 1;
      (b.planned[k] as Sum).addMonth(planned, i);
      (b.completed[k] as Sum).addMonth(completed, i);
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
