import { describe, expect, it } from 'vitest';
import { doc, project, reportsUpTo } from '../../test/fixtures/builders.js';
import { evaluate } from '../evaluate.js';
import { parsePortfolio } from '../portfolio/index.js';
import { reportFiles } from './reportFiles.js';

describe('reportFiles', () => {
  it('turns ids into safe, distinct file names', () => {
    const departments = ['../etc', '.._etc', 'D/1'].map((id) => ({ id, name: id, leaderId: 'L2' }));
    const projects = departments.map((d, i) =>
      project(`P${i}`, reportsUpTo(i + 1), {
        departmentId: d.id,
        milestones: [{ id: 's', kind: 'start', name: '开工', due: '2025-01-31' }],
      }),
    );
    const files = reportFiles(evaluate(parsePortfolio(doc(projects, { departments })), { asOf: '2025-10-15' }));
    const paths = files.map((f) => f.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const p of paths) {
      expect(p.split('/').includes('..')).toBe(false);
      expect(p.startsWith('/')).toBe(false);
    }
    expect(paths.filter((p) => p.startsWith('interviews/interview-notice-')).sort()).toEqual([
      'interviews/interview-notice-D_1.md',
      'interviews/interview-notice-___etc-2.md',
      'interviews/interview-notice-___etc.md',
    ]);
  });
});
