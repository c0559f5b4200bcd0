import { bimonthsOfYear, firstDayOf, isClosed, lastDayOf, type CalendarDate } from '../calendar/index.js';
import type { ComplianceFinding } from '../findings/compliance.js';
import type { BureauReview } from '../portfolio/index.js';

/** The three bureaus that review every two months (clause 1.2). @category Reporting
 * @example
 * ```ts
 * BUREAUS; //=> ['finance', 'land', 'approval']
 * ```
 */
export const BUREAUS: readonly BureauReview['bureau'][] = ['finance', 'land', 'approval'];

/**
 * Bureau review compliance (clause 1.2): the finance bureau (资金), the land bureau (土地) and the
 * administrative approval bureau (手续) each review at least once every two months; `reviewMissing` per
 * bureau and closed bimonth of the year (from B1) with no review of that bureau dated in it.
 *
 * @remarks Pass the reviews known at `asOf`.
 * @example
 * ```ts
 * reviewCompliance([], 2025, parseCalendarDate('2025-03-01')).length; //=> 3 (B1 for each bureau)
 * ```
 * @category Reporting
 */
export function reviewCompliance(reviews: readonly BureauReview[], year: number, asOf: CalendarDate): ComplianceFinding[] {
  const out: ComplianceFinding[] = [];
  for (const b of bimonthsOfYear(year)) {
    if (!isClosed(b, asOf)) break;
    const from = firstDayOf(b);
    const to = lastDayOf(b);
    for (const bureau of BUREAUS) {
      if (!reviews.some((r) => r.bureau === bureau && r.on >= from && r.on <= to)) {
        out.push({ rule: '1.2', kind: 'reviewMissing', subjectId: bureau, period: b, evidence: { from, to } });
      }
    }
  }
  return out;
}
