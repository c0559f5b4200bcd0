declare const dateBrand: unique symbol;
declare const monthBrand: unique symbol;
declare const bimonthBrand: unique symbol;
declare const quarterBrand: unique symbol;

/**
 * A calendar day in China's local calendar (日期), as an ISO string `YYYY-MM-DD`.
 *
 * @remarks
 * Dates are days, not instants: there is no time of day and no time zone. Being ISO strings, two dates
 * compare correctly with `<`, and a parsed portfolio serialises unchanged.
 *
 * @example
 * ```ts
 * const d: CalendarDate = parseCalendarDate('2025-03-05');
 * ```
 * @category Calendar
 */
export type CalendarDate = string & {
  /** Type-level brand marking a valid date; absent at run time. */
  readonly [dateBrand]: 'CalendarDate';
};

/**
 * A calendar month (月份), `YYYY-MM`.
 *
 * @example
 * ```ts
 * const m: YearMonth = parseYearMonth('2025-09');
 * ```
 * @category Calendar
 */
export type YearMonth = string & {
  /** Type-level brand marking a valid month; absent at run time. */
  readonly [monthBrand]: 'YearMonth';
};

/**
 * A two-month period (双月) of a year, `YYYY-B1` (Jan–Feb) … `YYYY-B6` (Nov–Dec).
 *
 * @example
 * ```ts
 * const b: Bimonth = parseBimonth('2025-B3'); // May–June
 * ```
 * @category Calendar
 */
export type Bimonth = string & {
  /** Type-level brand marking a valid bimonth; absent at run time. */
  readonly [bimonthBrand]: 'Bimonth';
};

/**
 * A quarter (季度), `YYYYQ1` … `YYYYQ4`.
 *
 * @example
 * ```ts
 * const q: Quarter = parseQuarter('2025Q2');
 * ```
 * @category Calendar
 */
export type Quarter = string & {
  /** Type-level brand marking a valid quarter; absent at run time. */
  readonly [quarterBrand]: 'Quarter';
};
