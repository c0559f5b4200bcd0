// Tests of reportCompliance (1.2): missing and late monthly reports.
import { describe, expect, it } from 'vitest';
import { project, report } from '../../test/fixtures/builders.js';
import { parsed } from '../../test/fixtures/reporting.js';
import { parseCalendarDate } from '../calendar/index.js';
import { reportCompliance } from './reportCompliance.js';

const d = parseCalendarDate;

describe('reportCompliance', () => {
  it('lists each missing and late month whole, in month order, and stops at the first month not yet due', () => {
    const { project: p } = parsed(
      project('P', [report(1, '100', { submittedOn: '2025-02-06' }), report(2, '100', { submittedOn: '2025-03-05' }), report(4, '100')]),
    );
    expect(reportCompliance(p, 2025, d('2025-05-06'))).toEqual([
      { rule: '1.2', kind: 'reportLate', subjectId: 'P', period: '2025-01', evidence: { due: '2025-02-05', submittedOn: '2025-02-06' } },
      { rule: '1.2', kind: 'reportMissing', subjectId: 'P', period: '2025-03', evidence: { due: '2025-04-05' } },
    ]);
    expect(reportCompliance(p, 2025, d('2025-05-05'))).toHaveLength(2);
    expect(reportCompliance(p, 2025, d('2025-04-05'))).toHaveLength(1);
    expect(reportCompliance(p, 2025, d('2025-02-05'))).toEqual([]);
  });

  it('takes the due day from the options', () => {
    const { project: p } = parsed(project('P', [report(1, '100', { submittedOn: '2025-02-06' })]));
    expect(reportCompliance(p, 2025, d('2025-02-20'), { dueDay: 10 })).toEqual([]);
    expect(reportCompliance(p, 2025, d('2025-02-20'), { dueDay: 5 })[0]?.kind).toBe('reportLate');
  });
});
