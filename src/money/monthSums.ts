import { plain, type Exact } from './_exact.js';
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
  };
}

/** The sums of a year's months from their text (the decimal.js path, and tests). @internal */
export function monthSumsOf(amounts: readonly Amount[]): MonthSums {
  return { amount: (i) => amounts[i] ?? ZERO, exact: () => undefined };
}
