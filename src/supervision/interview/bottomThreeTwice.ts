import type { Quarter } from '../../calendar/index.js';
import { compareCodeUnits } from '../../findings/index.js';
import type { IssuedNotification } from '../../portfolio/index.js';
import type { InterviewTrigger } from './types.js';
import { appendTo } from '../../_lib/append.js';

/**
 * The bottom three of one quarter, and where it comes from.
 * @example
 * ```ts
 * const b: QuarterBottom = { quarter: '2025Q1', bottom: ['D-cg', 'D-gt', 'D-sl'], source: 'issued' };
 * ```
 * @category Supervision
 */
export interface QuarterBottom {
  /** The quarter. */
  readonly quarter: Quarter;
  /** Its bottom-three departments. */
  readonly bottom: readonly string[];
  /** `issued`: from a notice already issued (known at asOf); `computed`: from the ranking. */
  readonly source: 'issued' | 'computed';
}

/**
 * The bottoms 3.2.1 counts: the ranked quarters plus any with a known issued notice; an issued notice's
 * `bottom` replaces the recomputed one for its quarter.
 * @example
 * ```ts
 * countedBottoms([{ quarter: '2025Q1', bottom: ['D-a'] }], [{ quarter: '2025Q1', issuedOn: '2025-04-20', bottom: ['D-b'] }]);
 * //=> [{ quarter: '2025Q1', bottom: ['D-b'], source: 'issued' }]
 * ```
 * @category Supervision
 */
export function countedBottoms(
  ranked: readonly { readonly quarter: Quarter; readonly bottom: readonly string[] }[],
  issued: readonly IssuedNotification[],
): QuarterBottom[] {
  const byQuarter = new Map<string, QuarterBottom>();
  for (const r of ranked) byQuarter.set(r.quarter, { quarter: r.quarter, bottom: r.bottom, source: 'computed' });
  for (const n of issued) byQuarter.set(n.quarter, { quarter: n.quarter, bottom: [...n.bottom].sort(compareCodeUnits), source: 'issued' });
  return [...byQuarter.values()].sort((a, b) => compareCodeUnits(a.quarter, b.quarter));
}

const quarterIndex = (q: Quarter): number => Number(q.slice(0, 4)) * 4 + Number(q.slice(5));

/**
 * Trigger 3.2.1 (两次通报均排在后三位): a department in the bottom three of two notifications of the year —
 * any two (`"anyTwoInYear"`, the default: 141号 does not say 连续) or two consecutive quarters (`"consecutive"`).
 * @example
 * ```ts
 * bottomThreeTwice(bottoms, 'anyTwoInYear').map((t) => t.departmentId); //=> ['D-gt', 'D-sl', 'D-wlt']
 * ```
 * @category Supervision
 */
export function bottomThreeTwice(bottoms: readonly QuarterBottom[], twice: 'anyTwoInYear' | 'consecutive'): InterviewTrigger[] {
  const quartersOf = new Map<string, QuarterBottom[]>();
  for (const b of bottoms) for (const d of b.bottom) appendTo(quartersOf, d, b);
  const out: InterviewTrigger[] = [];
  for (const departmentId of [...quartersOf.keys()].sort(compareCodeUnits)) {
    const list = (quartersOf.get(departmentId) ?? []).sort((a, b) => compareCodeUnits(a.quarter, b.quarter));
    const fires =
      twice === 'anyTwoInYear'
        ? list.length >= 2
        : list.some((b, i) => i > 0 && quarterIndex(b.quarter) - quarterIndex((list[i - 1] as QuarterBottom).quarter) === 1);
    if (!fires) continue;
    const quarters = list.map((b) => b.quarter);
    out.push({
      rule: '3.2.1',
      departmentId,
      evidence: { twice, quarters: list.map((b) => ({ quarter: b.quarter, source: b.source })) },
      message: {
        zh: `${quarters.join('、')} 季度通报均排在后三位`,
        en: `in the bottom three in ${quarters.join(', ')}`,
      },
    });
  }
  return out;
}
