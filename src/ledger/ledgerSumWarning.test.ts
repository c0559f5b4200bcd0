import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { parsePortfolio, type Project } from '../portfolio/index.js';
import { doc, project } from '../../test/fixtures/builders.js';
import { ledgerSumWarning } from './ledgerSumWarning.js';

const withLedger = (annualPlan: string, amounts: readonly string[]): Project =>
  parsePortfolio(
    doc([
      project('P-1', [], {
        annualPlan,
        ledger: {
          submittedOn: '2025-02-20',
          months: amounts.map((investment, i) => ({ month: `2025-${String(i + 1).padStart(2, '0')}`, investment })),
        },
      }),
    ]),
  ).projects[0] as Project;

describe('ledgerSumWarning (1.1)', () => {
  it('warns with both totals when the months do not add up to the annual plan', () => {
    expect(ledgerSumWarning(withLedger('1560', ['1000', '559.5']))).toMatchObject({
      rule: '1.1',
      severity: 'warning',
      subject: { kind: 'project', id: 'P-1' },
      evidence: { ledgerTotal: '1559.5', annualPlan: '1560' },
    });
  });

  it('says nothing when they do, however the amounts are split', () => {
    expect(ledgerSumWarning(withLedger('1560', ['1000', '559.5', '0.5']))).toBeUndefined();
    expect(ledgerSumWarning(withLedger('0', []))).toBeUndefined();
  });

  test.prop([fc.array(fc.integer({ min: 0, max: 10 ** 9 }), { maxLength: 12 }), fc.integer({ min: 0, max: 10 ** 10 })])(
    'warns exactly when the exact sum of the months differs from the annual plan',
    (cents, plan) => {
      const amounts = cents.map((c) => (c / 100).toFixed(2));
      const sum = cents.reduce((a, b) => a + b, 0);
      const w = ledgerSumWarning(withLedger((plan / 100).toFixed(2), amounts));
      expect(w !== undefined).toBe(sum !== plan);
    },
  );
});
