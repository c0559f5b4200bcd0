import type { Finding } from '../findings/index.js';
import { sumAmounts } from '../money/index.js';
import type { Project } from '../portfolio/index.js';

/**
 * The warning that a project's ledger months do not add up to its annual plan (台账合计与年度计划不符,
 * clause 1.1), or undefined when they do.
 *
 * @remarks A note on the data beside the rules: it changes no colour (the plan to date is the ledger's
 * own sum). The same check is a validation warning, `ledger_sum_mismatch`, or an error with
 * `policy.ledger.requireExactSum`.
 * @example
 * ```ts
 * ledgerSumWarning(project)?.evidence; //=> { ledgerTotal: '1559.5', annualPlan: '1560' }
 * ```
 * @category Ledger
 */
export function ledgerSumWarning(p: Project): Finding | undefined {
  const total = sumAmounts(p.ledger.months.map((m) => m.investment));
  if (total === p.annualPlan) return undefined;
  return {
    rule: '1.1',
    subject: { kind: 'project', id: p.id },
    severity: 'warning',
    message: {
      zh: `台账各月投资合计 ${total} 与年度计划 ${p.annualPlan} 不一致`,
      en: `the ledger months sum to ${total}, not the annual plan ${p.annualPlan}`,
    },
    evidence: { ledgerTotal: total, annualPlan: p.annualPlan },
  };
}
