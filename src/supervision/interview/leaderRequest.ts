import { compareCodeUnits } from '../../findings/index.js';
import type { InterviewRequest } from '../../portfolio/index.js';
import type { InterviewTrigger } from './types.js';
import { appendTo } from '../../_lib/append.js';

/**
 * Trigger 3.2.6 (分管市领导认为确需约谈的其他情况): one trigger per department with a known interview
 * request, whoever asked; the evidence lists every request. Pass the requests known at `asOf`.
 * @example
 * ```ts
 * leaderRequest(known.interviewRequests ?? [])[0]?.departmentId; //=> 'D-cg'
 * ```
 * @category Supervision
 */
export function leaderRequest(requests: readonly InterviewRequest[]): InterviewTrigger[] {
  const byDepartment = new Map<string, InterviewRequest[]>();
  for (const r of requests) appendTo(byDepartment, r.departmentId, r);
  return [...byDepartment.keys()].sort(compareCodeUnits).map((departmentId) => {
    const list = (byDepartment.get(departmentId) ?? []).sort(
      (a, b) => compareCodeUnits(a.on, b.on) || compareCodeUnits(a.byLeaderId, b.byLeaderId) || compareCodeUnits(a.reason, b.reason),
    );
    return {
      rule: '3.2.6' as const,
      departmentId,
      evidence: { requests: list.map((r) => ({ on: r.on, byLeaderId: r.byLeaderId, reason: r.reason })) },
      message: {
        zh: `分管市领导要求约谈:${list.map((r) => `${r.on} ${r.reason}`).join(';')}`,
        en: `interview requested: ${list.map((r) => `${r.on} by ${r.byLeaderId}`).join('; ')}`,
      },
    };
  });
}
