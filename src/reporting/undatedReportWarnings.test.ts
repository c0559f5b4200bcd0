import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { parsePortfolio, type Project } from '../portfolio/index.js';
import { doc, project, report } from '../../test/fixtures/builders.js';
import { undatedReportWarnings } from './undatedReportWarnings.js';

const withReports = (dated: readonly boolean[]): Project =>
  parsePortfolio(
    doc([
      project(
        'P-1',
        dated.map((d, i) => {
          const r = report(i + 1, '100');
          if (!d) delete r['submittedOn'];
          return r;
        }),
      ),
    ]),
  ).projects[0] as Project;

describe('undatedReportWarnings (1.2)', () => {
  it('warns once per report without a submission date, naming its month, in the order of the reports', () => {
    expect(undatedReportWarnings(withReports([true, false, true, false])).map((f) => [f.rule, f.severity, f.evidence])).toEqual([
      ['1.2', 'warning', { month: '2025-02' }],
      ['1.2', 'warning', { month: '2025-04' }],
    ]);
    expect(undatedReportWarnings(withReports([true, true]))).toEqual([]);
  });

  test.prop([fc.array(fc.boolean(), { maxLength: 12 })])('gives as many warnings as there are undated reports', (dated) => {
    expect(undatedReportWarnings(withReports(dated))).toHaveLength(dated.filter((d) => !d).length);
  });
});
