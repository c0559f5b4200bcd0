// Tests of approvalWarning (1.2): pending procedures and the bureaus' warnings.
import { describe, expect, it } from 'vitest';
import { project, reportsUpTo } from '../../test/fixtures/builders.js';
import { parsed } from '../../test/fixtures/reporting.js';
import { parseCalendarDate } from '../calendar/index.js';
import type { BureauReview, Project } from '../portfolio/index.js';
import { approvalWarning } from './approvalWarning.js';

const d = parseCalendarDate;

describe('approvalWarning', () => {
  const procedure = (id: string, due: string, achievedOn?: string): Record<string, unknown> => ({
    id,
    kind: 'procedure',
    name: `手续${id}`,
    due,
    ...(achievedOn !== undefined && { achievedOn }),
  });
  const milestone = (kind: string, id: string, due: string, achievedOn?: string): Record<string, unknown> => ({
    ...procedure(id, due, achievedOn),
    kind,
  });

  it('lists every pending procedure by due date then id, marking those already overdue', () => {
    const { project: p } = parsed(
      project('P', reportsUpTo(9), {
        milestones: [
          procedure('c', '2025-11-14'),
          procedure('b', '2025-10-15'),
          procedure('a', '2025-10-15'),
          procedure('z', '2025-10-14'),
          procedure('late', '2025-11-15'),
          procedure('done', '2025-09-01', '2025-09-30'),
          milestone('physical', 'phys', '2025-09-01'),
        ],
      }),
    );
    expect(approvalWarning(p, d('2025-10-15'), 30)).toEqual({
      rule: '1.2',
      kind: 'approvalWarning',
      subjectId: 'P',
      evidence: {
        horizon: '2025-11-14',
        procedures: [
          { milestoneId: 'z', name: '手续z', due: '2025-10-14', overdue: true },
          { milestoneId: 'a', name: '手续a', due: '2025-10-15', overdue: false },
          { milestoneId: 'b', name: '手续b', due: '2025-10-15', overdue: false },
          { milestoneId: 'c', name: '手续c', due: '2025-11-14', overdue: false },
        ],
      },
    });
    expect(approvalWarning(p, d('2025-10-15'), 0)?.evidence['procedures']).toHaveLength(3);
  });

  it('is silent once a start milestone is achieved, but not for a start still pending or another kind achieved', () => {
    const withStart = (start: Record<string, unknown>): Project =>
      parsed(project('P', reportsUpTo(9), { milestones: [procedure('a', '2025-10-01'), start] })).project;
    expect(approvalWarning(withStart(milestone('start', 's', '2025-05-01', '2025-06-01')), d('2025-10-15'), 30)).toBeUndefined();
    expect(approvalWarning(withStart(milestone('start', 's', '2025-05-01')), d('2025-10-15'), 30)?.subjectId).toBe('P');
    expect(approvalWarning(withStart(milestone('physical', 's', '2025-05-01', '2025-06-01')), d('2025-10-15'), 30)?.subjectId).toBe('P');
  });

  it("adds this project's bureau warnings, by date then note, and none when there are none", () => {
    const reviews = [
      {
        bureau: 'approval',
        on: '2025-09-20',
        warnings: [
          { projectId: 'P', note: '乙' },
          { projectId: 'Q', note: '别的项目' },
        ],
      },
      { bureau: 'approval', on: '2025-08-27', warnings: [{ projectId: 'P', note: '丙' }] },
      { bureau: 'land', on: '2025-09-20', warnings: [{ projectId: 'P', note: '甲' }] },
      { bureau: 'finance', on: '2025-09-21' },
    ];
    const { project: p } = parsed(project('P', reportsUpTo(9), { milestones: [procedure('a', '2025-10-01')] }));
    const all = reviews as unknown as readonly BureauReview[];
    // Code-unit order of the notes: 乙 (U+4E59) before 甲 (U+7532).
    expect(approvalWarning(p, d('2025-10-15'), 30, all)?.evidence['bureauWarnings']).toEqual([
      { on: '2025-08-27', note: '丙' },
      { on: '2025-09-20', note: '乙' },
      { on: '2025-09-20', note: '甲' },
    ]);
    expect(approvalWarning(p, d('2025-10-15'), 30, [...all].reverse())?.evidence['bureauWarnings']).toEqual(
      approvalWarning(p, d('2025-10-15'), 30, all)?.evidence['bureauWarnings'],
    );
    expect(approvalWarning(p, d('2025-10-15'), 30, [])?.evidence).not.toHaveProperty('bureauWarnings');
    expect(approvalWarning(p, d('2025-10-15'), 30, [all[3] as BureauReview])?.evidence).not.toHaveProperty('bureauWarnings');
  });
});
