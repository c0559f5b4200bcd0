// More bad entries inside one list element than zod can hand on: zod passes an element's issues up
// with `push(...issues)`, which overflows the stack past about 100 000 arguments. The parsers must
// still answer, with every issue.
import { afterAll, describe, expect, it } from 'vitest';
import { safeParsePolicy } from '../../src/index.js';
import { HANDAN_2018 } from '../../src/policy/index.js';
import { caseCount, checkPolicy, checkValue } from './_harness.js';
import { smallDocument } from './_values.js';

afterAll(() => {
  console.log(`hostile issue overflows: ${caseCount()} cases`);
});

const HEAVY = { timeout: 120_000 };
const DOC = smallDocument();
// Past the point at which one list element overflows zod, yet quick to check.
const OVERFLOW = 150_000;

function withProject(patch: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const [first, ...rest] = DOC.projects;
  return { ...DOC, projects: [{ ...first, ...patch }, ...rest] };
}

describe('a list element with more issues than zod can hand on', () => {
  it('reports every bad milestone and every bad achievement of a project', HEAVY, () => {
    const achieved = Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`m${String(i)}`, i]));
    const reports = [{ month: '2025-01', investment: '0', achieved }];
    const doc = withProject({ milestones: Array<null>(OVERFLOW).fill(null), reports });
    const r = checkValue(doc);
    expect(r.success).toBe(false);
    if (r.success) return;
    const at = (prefix: string, code: string): number => r.error.issues.filter((i) => i.path.startsWith(prefix) && i.code === code).length;
    expect(at('$.projects[0].milestones[', 'invalid_type')).toBe(OVERFLOW);
    expect(at('$.projects[0].reports[0].achieved.m', 'invalid_type')).toBe(5_000);
    expect(r.error.issues.some((i) => i.path === '$.projects[0].milestones[149999]')).toBe(true);
  });

  it('reports every bad procedure of a ledger month', HEAVY, () => {
    const months = [{ month: '2025-01', investment: '0', procedures: Array<number>(OVERFLOW).fill(1) }];
    const doc = withProject({ ledger: { months } });
    const r = checkValue(doc);
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.issues.filter((i) => i.code === 'invalid_type').length).toBe(OVERFLOW);
  });

  it('reports every bad band of a policy month, and the unknown keys around it', HEAVY, () => {
    const byMonth = [Array<null>(OVERFLOW).fill(null), ...Array.from({ length: 11 }, () => [{ colour: 'green' }])];
    const input = { ...HANDAN_2018, surplus: 1, colour: { ...HANDAN_2018.colour, investment: { kind: 'annualShare', byMonth } } };
    checkPolicy(input);
    const r = safeParsePolicy(input);
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.issues.filter((i) => i.path.startsWith('$.colour.investment.byMonth[0][')).length).toBe(OVERFLOW);
    expect(r.error.issues.filter((i) => i.code === 'unknown_key').map((i) => i.path)).toEqual(['$.surplus']);
  });
});
