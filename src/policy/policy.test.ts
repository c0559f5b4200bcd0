import { describe, expect, it } from 'vitest';
import { HANDAN_2018, PRESETS } from './presets/index.js';
import { parsePolicy, policyIdOf, safeParsePolicy } from './parsePolicy.js';

const codes = (input: unknown): string[] => {
  const r = safeParsePolicy(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path} ${i.code}`);
};

describe('presets', () => {
  it('are all valid policies and identify themselves', () => {
    for (const [id, p] of Object.entries(PRESETS)) {
      expect(safeParsePolicy(p).success).toBe(true);
      expect(policyIdOf(parsePolicy(id))).toBe(id);
    }
  });

  it('handan-2018 fixes the contract defaults', () => {
    expect(HANDAN_2018.reporting).toEqual({ dueDay: 5, holidayShift: 'next' });
    expect(HANDAN_2018.ledger.requireExactSum).toBe(false);
    expect(HANDAN_2018.ranking).toEqual({
      denominator: 'ytdLedgerPlan',
      aggregation: 'sumOfAmounts',
      bottomCount: 3,
      exemptAtOrAbovePlan: false,
      ties: 'competition',
      compareOn: 'exact',
      rateDecimals: 2,
    });
    expect(HANDAN_2018.interview).toEqual({ twice: 'anyTwoInYear', directiveDays: 30, directiveFailure: 'missingBoth' });
    expect(HANDAN_2018.accountability.missedMeetingMonths).toBe(2);
    expect(HANDAN_2018.scheduling.escalationDays).toBe(30);
    expect(HANDAN_2018.approval.warnDays).toBe(30);
    expect(HANDAN_2018.colour.scale.map((c) => c.zh)).toEqual(['绿', '白', '黄', '红']);
  });
});

describe('parsePolicy', () => {
  it('extends a preset, merging objects and replacing arrays', () => {
    const p = parsePolicy({ extends: 'handan-2018', interview: { twice: 'consecutive' } });
    expect(p.interview).toEqual({ twice: 'consecutive', directiveDays: 30, directiveFailure: 'missingBoth' });
    expect(policyIdOf(p)).toBe('custom');
    expect(policyIdOf(parsePolicy({ extends: 'sanya' }))).toBe('sanya');
  });

  it('accepts a user-defined colour scale with its own names', () => {
    const p = parsePolicy({
      extends: 'handan-2018',
      colour: {
        scale: [
          { id: 'ok', zh: '正常', en: 'on track', hex: '#00aa00' },
          { id: 'late', zh: '滞后', en: 'late', hex: '#aa0000' },
        ],
        investment: { kind: 'lagPp', bands: [{ colour: 'ok', upTo: '5', inclusive: true }, { colour: 'late' }] },
        stall: { enabled: true, steps: [{ atLeast: 2, colour: 'late' }] },
        overdueMilestone: { enabled: false, kinds: [], steps: [] },
        missingReport: { enabled: true, colour: 'late' },
        openStall: { enabled: true, colour: 'late' },
      },
    });
    expect(p.colour.scale.map((c) => c.id)).toEqual(['ok', 'late']);
  });

  it('reports every problem: unknown colours, bad bands, unknown keys, bad numbers', () => {
    const found = codes({
      extends: 'handan-2018',
      reporting: { dueDay: 31 },
      colour: {
        missingReport: { enabled: true, colour: 'purple' },
        investment: {
          kind: 'lagPp',
          bands: [
            { colour: 'green', upTo: '0' },
            { colour: 'red', upTo: '10' },
          ],
        },
      },
      interview: { twise: 'consecutive' },
    });
    expect(found).toEqual(
      expect.arrayContaining([
        '$.reporting.dueDay out_of_range',
        '$.colour.missingReport.colour unknown_colour',
        '$.colour.investment.bands[1] invalid_value',
        '$.interview.twise unknown_key',
      ]),
    );
  });

  it('refuses an unknown preset', () => {
    expect(codes('shanghai')).toEqual(['$ unknown_preset']);
    expect(codes({ extends: 'shanghai' })).toEqual(['$.extends unknown_preset']);
  });

  it('rejects duplicate colours', () => {
    expect(
      codes({
        extends: 'handan-2018',
        colour: { scale: [HANDAN_2018.colour.scale[0], HANDAN_2018.colour.scale[0], ...HANDAN_2018.colour.scale.slice(1)] },
      }),
    ).toContain('$.colour.scale[1].id duplicate_colour');
  });

  it('reports a __proto__, constructor or prototype key of a patch as unknown, and never lets it reach a prototype', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const patch: unknown = JSON.parse(`{"extends":"handan-2018","${key}":{"polluted":true},"colour":{"${key}":{"polluted":true}}}`);
      expect(codes(patch).sort()).toEqual([`$.${key} unknown_key`, `$.colour.${key} unknown_key`].sort());
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    }
  });
});
