// Strings of ten megabytes: amounts, names, ids, codes, keys, months and dates. Amounts must be
// refused as out of range without reading every digit twice.
import { afterAll, describe, expect, it } from 'vitest';
import { caseCount, checkText, checkValue } from './_harness.js';
import { smallDocument } from './_values.js';

afterAll(() => {
  console.log(`hostile ten-megabyte strings: ${caseCount()} cases`);
});

const DOC = smallDocument();
const TEN_MB = 10_000_000;

function withTop(key: string, value: unknown): Record<string, unknown> {
  return { ...DOC, [key]: value };
}

function withProject(patch: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const [first, ...rest] = DOC.projects;
  return { ...DOC, projects: [{ ...first, ...patch }, ...rest] };
}

describe('strings of ten megabytes', () => {
  const digits = '1'.repeat(TEN_MB);

  it.each([
    ['integer digits', digits],
    ['integer digits and a fraction', `${digits}.5`],
    ['negative digits', `-${digits}`],
    ['fractional digits', `0.${digits}`],
  ])('reports an annual plan of ten megabytes of %s as out of range', (_kind, amount) => {
    const r = checkValue(withProject({ annualPlan: amount }));
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues.map((i) => i.code)).toContain('amount_out_of_range');
  });

  it('reports ten megabytes of digits as a JSON number (Infinity) as not finite', () => {
    const text = JSON.stringify(withProject({ annualPlan: 'SENTINEL' })).replace('"SENTINEL"', () => digits);
    const r = checkValue(JSON.parse(text));
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues.map((i) => i.code)).toContain('amount_not_finite');
    checkText(text);
  });

  it('reads ten megabytes of leading or trailing zeros as a short amount', () => {
    for (const amount of [`${'0'.repeat(TEN_MB)}1`, `1.${'0'.repeat(TEN_MB)}`]) {
      const r = checkValue(withProject({ annualPlan: amount }));
      if (r.success) expect(r.data.projects[0]?.annualPlan).toBe('1');
      else expect(r.error.issues.map((i) => i.code)).not.toContain('amount_out_of_range');
    }
  });

  it.each([
    ['amount', { annualPlan: digits }],
    ['name', { name: 'x'.repeat(TEN_MB) }],
    ['id', { id: 'P'.repeat(TEN_MB) }],
    ['department id', { departmentId: 'D'.repeat(TEN_MB) }],
    ['project code', { code: '1'.repeat(TEN_MB) }],
    ['Chinese name', { name: '市'.repeat(TEN_MB) }],
    ['unknown key', { ['k'.repeat(TEN_MB)]: 1 }],
  ])('answers for a ten-megabyte %s in the library and the CLI', (_what, patch) => {
    checkText(JSON.stringify(withProject(patch)));
  });

  it('answers for a ten-megabyte month, date and format', () => {
    checkText(JSON.stringify(withTop('format', 'f'.repeat(TEN_MB))));
    const [first, ...rest] = DOC.projects;
    if (first === undefined) return expect.fail('no project');
    const months = [{ month: `2025-${'0'.repeat(TEN_MB)}1`, investment: '1' }];
    checkText(JSON.stringify({ ...DOC, projects: [{ ...first, ledger: { months } }, ...rest] }));
    const milestones = [{ id: 'm', kind: 'start', name: 's', due: '2'.repeat(TEN_MB) }];
    checkText(JSON.stringify({ ...DOC, projects: [{ ...first, milestones }, ...rest] }));
  });
});
