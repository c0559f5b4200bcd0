import type { ComplianceFinding, ComplianceKind } from './compliance.js';
import type { Finding, FindingSubject, Severity } from './finding.js';

const TEXT: Readonly<Record<ComplianceKind, { zh: string; en: string; severity: Severity }>> = {
  ledgerMissing: { zh: '未按期报送月度工作计划台账', en: 'ledger not submitted', severity: 'warning' },
  ledgerLate: { zh: '台账逾期报送', en: 'ledger submitted late', severity: 'info' },
  reportMissing: { zh: '未按月报账', en: 'monthly report missing', severity: 'warning' },
  reportLate: { zh: '月报逾期报送', en: 'monthly report late', severity: 'info' },
  reviewMissing: { zh: '双月对接未开展', en: 'bimonthly review missing', severity: 'warning' },
  approvalWarning: { zh: '前期手续办理慢,提示预警', en: 'slow pre-construction procedures', severity: 'warning' },
  meetingMissing: { zh: '未按期调度', en: 'scheduling meeting missing', severity: 'warning' },
  escalationOpen: { zh: '上报问题逾期未解决', en: 'escalated problem unresolved', severity: 'warning' },
};

function subjectOf(c: ComplianceFinding): FindingSubject {
  switch (c.kind) {
    case 'reviewMissing':
      return { kind: 'bureau', id: c.subjectId };
    case 'meetingMissing':
      return { kind: c.rule === '2.1' ? 'department' : 'leader', id: c.subjectId };
    case 'escalationOpen':
      return { kind: 'department', id: c.subjectId };
    default:
      return { kind: 'project', id: c.subjectId };
  }
}

/**
 * A compliance gap as a {@link Finding}, so that the flat list of findings holds everything.
 * @example
 * ```ts
 * complianceFinding({ rule: '1.2', kind: 'reportMissing', subjectId: 'P-022', period: '2025-09', evidence: { due: '2025-10-05' } }).severity; //=> 'warning'
 * ```
 * @category Findings
 */
export function complianceFinding(c: ComplianceFinding): Finding {
  const t = TEXT[c.kind];
  const period = c.period === undefined ? '' : `(${c.period})`;
  return {
    rule: c.rule,
    subject: subjectOf(c),
    severity: t.severity,
    message: { zh: `${t.zh}${period}`, en: `${t.en}${c.period === undefined ? '' : ` (${c.period})`}` },
    evidence: { kind: c.kind, ...(c.period !== undefined && { period: c.period }), ...c.evidence },
  };
}
