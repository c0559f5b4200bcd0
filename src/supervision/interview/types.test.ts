// Tests of interviewFinding: the finding of an interview trigger.
import { describe, expect, it } from 'vitest';
import { checked } from '../../../test/fixtures/supervision.js';
import { interviewFinding, type InterviewTrigger } from './types.js';

describe('interviewFinding', () => {
  const t = (projectId?: string): InterviewTrigger => ({
    rule: '3.2.2',
    departmentId: 'D1',
    ...(projectId !== undefined && { projectId }),
    evidence: { milestones: [] },
    message: { zh: '未按时开工', en: 'start missed' },
  });

  it('makes a critical finding about the department, with the project first in the evidence when there is one', () => {
    const withProject = interviewFinding(t('P'));
    expect(checked(withProject)).toStrictEqual({
      rule: '3.2.2',
      subject: { kind: 'department', id: 'D1' },
      severity: 'critical',
      evidence: { projectId: 'P', milestones: [] },
    });
    expect(withProject.message.zh).toContain('未按时开工');
    expect(withProject.message.zh).not.toBe('未按时开工');
    expect(withProject.message.en).toContain('start missed');
    expect(withProject.message.en).not.toBe('start missed');
    expect(checked(interviewFinding(t()))).toStrictEqual({
      rule: '3.2.2',
      subject: { kind: 'department', id: 'D1' },
      severity: 'critical',
      evidence: { milestones: [] },
    });
  });
});
