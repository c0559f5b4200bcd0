import { plain, plainOfSmall, type Exact, type SmallRun } from './_exact.js';
import { ZERO, type Amount } from './amount.js';

/**
 * Σ investment to each month of a year (January = 0), written out as text only when read: most of the
 * twelve are only ever compared, never shown.
 * @internal
 */
export interface MonthSums {
  /** Σ to month `i`, as `sumAmounts` writes it; `0` outside 0–11. */
  readonly amount: (i: number) => Amount;
  /** The same as a scaled integer; undefined when an amount is not a plain decimal (then read `amount`). */
  readonly exact: (i: number) => Exact | undefined;
  /** The same as a safe integer of 10^-{@link scale} units; NaN when the sums are not held in doubles (then read `exact`). */
  readonly small: (i: number) => number;
  /** The number of decimals of {@link small}'s integers. */
  readonly scale: number;
}

/** The sums of a year's months from their scaled integers (twelve of them), each written on first read. @internal */
export function monthSumsOfExact(totals: readonly Exact[]): MonthSums {
  const written: (Amount | undefined)[] = [];
  return {
    amount: (i) => {
      const x = totals[i];
      if (x === undefined) return ZERO;
      return (written[i] ??= plain(x) as Amount);
    },
    exact: (i) => totals[i],
    small: () => Number.NaN,
    scale: 0,
  };
}

/**
 * The sums of a year's months from their safe integers in doubles (D36): the text and the bigint of a
 * month are each made on first read.
 * @internal
 */
export function monthSumsOfSmall(run: SmallRun): MonthSums {
  return new SmallMonthSums(run.totals, run.e);
}

// An object with its methods on the prototype rather than four closures: one of these is made per
// project and series. The text and the bigint are each kept for the last month read (an evaluation reads
// one month's, the evaluated month's, several times): the same string for the same month.
class SmallMonthSums implements MonthSums {
  private writtenAt = -1;
  private written: Amount = ZERO;
  private exactAt = -1;
  private exactValue: Exact | undefined;

  constructor(
    private readonly totals: readonly number[],
    readonly scale: number,
  ) {}

  amount(i: number): Amount {
    const n = this.totals[i];
    if (n === undefined) return ZERO;
    if (i !== this.writtenAt) {
      this.written = plainOfSmall(n, this.scale) as Amount;
      this.writtenAt = i;
    }
    return this.written;
  }

  exact(i: number): Exact | undefined {
    const n = this.totals[i];
    if (n === undefined) return undefined;
    if (i !== this.exactAt || this.exactValue === undefined) {
      this.exactValue = { m: BigInt(n), e: this.scale };
      this.exactAt = i;
    }
    return this.exactValue;
  }

  small(i: number): number {
    return this.totals[i] ?? Number.NaN;
  }
}

/** The sums of a year's months from their text (the decimal.js path, and tests). @internal */
export function monthSumsOf(amounts: readonly Amount[]): MonthSums {
  return { amount: (i) => amounts[i] ?? ZERO, exact: () => undefined, small: () => Number.NaN, scale: 0 };
}
