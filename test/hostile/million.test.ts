// Top-level lists of a million entries. The issue list is as long as the list, and that is accepted;
// an exception, or an answer that never comes, is not (the timeout is the guard). Each document is
// checked once, through `sansansan validate`, which parses it with `safeParsePortfolio` and lists
// every issue with its `$`-path and code.
import { afterAll, describe, expect, it } from 'vitest';
import { caseCount, checkThroughCli, checkValue } from './_harness.js';
import { smallDocument } from './_values.js';

afterAll(() => {
  console.log(`hostile million-entry lists: ${caseCount()} cases`);
});

const HEAVY = { timeout: 120_000 };
const DOC = smallDocument();
const MILLION = 1_000_000;

describe('a million entries in a top-level list', () => {
  it('lists every one of a million numbers given as projects', HEAVY, () => {
    const out = checkThroughCli(JSON.stringify({ ...DOC, projects: Array<number>(MILLION).fill(1) }));
    expect(out.code).toBe(1);
    expect(out.issues).toBeGreaterThanOrEqual(MILLION);
    expect(out.stderrHead).toContain('$.projects[0]  [invalid_type]');
  });

  it('lists every one of a million null meetings', HEAVY, () => {
    const out = checkThroughCli(JSON.stringify({ ...DOC, meetings: Array<null>(MILLION).fill(null) }));
    expect(out.code).toBe(1);
    expect(out.issues).toBe(MILLION);
  });

  it('answers for a list of holes given as projects', HEAVY, () => {
    const r = checkValue({ ...DOC, projects: Array<unknown>(100_000) });
    expect(r.success).toBe(false);
  });
});
