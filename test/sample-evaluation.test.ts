// The whole evaluation of the bundled sample portfolio, pinned value by value: under every preset policy
// as of 2025-10-15, and under the default policy at four points of the year (before the first report is
// due, mid-year, after the third quarter and after the year end). The reviewed figures of the sample
// (bottom three of each quarter, interview triggers, accountability, compliance gaps) are in these files;
// messages are left out (tests assert values, not wording). Regenerate after a deliberate change with
// `UPDATE_GOLDEN=1 npx vitest run test/sample-evaluation.test.ts` and review the diff.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/evaluate.js';
import { PRESETS, type PresetId } from '../src/policy/index.js';
import { parsePortfolio } from '../src/portfolio/index.js';
import { golden, withoutMessages } from './fixtures/golden.js';

const SAMPLE = readFileSync(new URL('../examples/data/handan-sample-2025.json', import.meta.url), 'utf8');
const DIR = new URL('golden/evaluation/', import.meta.url);

function check(name: string, asOf: string, policy: PresetId): void {
  // Parsed and evaluated inside the test, so that mutation testing sees which test covers which rule.
  const e = evaluate(parsePortfolio(JSON.parse(SAMPLE)), { asOf, policy });
  const actual = `${JSON.stringify(withoutMessages(e), null, 1)}\n`;
  expect(JSON.parse(actual)).toEqual(JSON.parse(golden(DIR, `${name}.json`, actual)));
}

describe('the evaluation of the sample portfolio', () => {
  it.each(Object.keys(PRESETS) as PresetId[])('under the %s policy as of 2025-10-15', (policy) => {
    check(`${policy}-2025-10-15`, '2025-10-15', policy);
  });

  it.each(['2025-02-01', '2025-07-20', '2026-01-20'])('under the default policy as of %s', (asOf) => {
    check(`handan-2018-${asOf}`, asOf, 'handan-2018');
  });
});
