// Tests of reviewCompliance (1.2): the bureaus' bimonthly reviews.
import { describe, expect, it } from 'vitest';
import { project } from '../../test/fixtures/builders.js';
import { parsed } from '../../test/fixtures/reporting.js';
import { parseCalendarDate } from '../calendar/index.js';
import { reviewCompliance } from './reviewCompliance.js';

const d = parseCalendarDate;

describe('reviewCompliance', () => {
  const review = (bureau: string, on: string): Record<string, unknown> => ({ bureau, on });

  it('counts a review on the first and on the last day of the bimonth, not the day before or after', () => {
    const inside = [review('finance', '2025-01-01'), review('land', '2025-02-28'), review('approval', '2025-01-31')];
    expect(reviewCompliance(parsed(project('P', []), inside).reviews, 2025, d('2025-03-01'))).toEqual([]);
    const outside = [review('finance', '2024-12-31'), review('land', '2025-03-01'), review('approval', '2025-02-28')];
    expect(reviewCompliance(parsed(project('P', []), outside).reviews, 2025, d('2025-03-02'))).toEqual([
      { rule: '1.2', kind: 'reviewMissing', subjectId: 'finance', period: '2025-B1', evidence: { from: '2025-01-01', to: '2025-02-28' } },
      { rule: '1.2', kind: 'reviewMissing', subjectId: 'land', period: '2025-B1', evidence: { from: '2025-01-01', to: '2025-02-28' } },
    ]);
  });

  it('asks only about closed bimonths, each bureau in turn', () => {
    expect(reviewCompliance([], 2025, d('2025-02-28'))).toEqual([]);
    expect(reviewCompliance([], 2025, d('2025-05-01')).map((c) => `${c.subjectId} ${c.period ?? ''}`)).toEqual([
      'finance 2025-B1',
      'land 2025-B1',
      'approval 2025-B1',
      'finance 2025-B2',
      'land 2025-B2',
      'approval 2025-B2',
    ]);
  });
});
