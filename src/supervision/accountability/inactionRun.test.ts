import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { YearMonth } from '../../calendar/index.js';
import { parsePortfolio, type Project } from '../../portfolio/index.js';
import { doc, project } from '../../../test/fixtures/builders.js';
import { inactionRun } from './inactionRun.js';

const MONTHS = ['2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09'] as YearMonth[];
const history = (colours: readonly string[]): { month: YearMonth; colour: string }[] =>
  colours.map((colour, i) => ({ month: MONTHS[MONTHS.length - colours.length + i] as YearMonth, colour }));

function withEntries(on: readonly string[]): Project {
  const entries = on.map((d) => ({ on: d, text: '推进' }));
  const directives = [{ id: 'Z1', issuedOn: '2025-03-01', byLeaderId: 'L1', requirement: '加快', measures: entries, progress: [] }];
  return parsePortfolio(doc([project('P-1', [], { directives })])).projects[0] as Project;
}

describe('inactionRun (3.3 不作为)', () => {
  it('gives the last span months when each is the worst colour and no directive entry is dated within them', () => {
    expect(inactionRun(withEntries([]), history(['green', 'red', 'red', 'red']), 'red', 3)).toEqual(['2025-07', '2025-08', '2025-09']);
    expect(inactionRun(withEntries(['2025-06-30']), history(['red', 'red', 'red']), 'red', 3)).toEqual(['2025-07', '2025-08', '2025-09']);
  });

  it('gives nothing when a month of the window is not the worst colour, the history is short, or a directive was acted on', () => {
    expect(inactionRun(withEntries([]), history(['red', 'yellow', 'red']), 'red', 3)).toBeUndefined();
    expect(inactionRun(withEntries([]), history(['red', 'red']), 'red', 3)).toBeUndefined();
    expect(inactionRun(withEntries(['2025-07-01']), history(['red', 'red', 'red']), 'red', 3)).toBeUndefined();
    expect(inactionRun(withEntries(['2025-09-30']), history(['red', 'red', 'red']), 'red', 3)).toBeUndefined();
  });

  test.prop([fc.array(fc.constantFrom('green', 'white', 'yellow', 'red'), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 6 })])(
    'finds a run exactly when the last span months are all the worst colour (no directive activity)',
    (colours, span) => {
      const h = history(colours);
      const run = inactionRun(withEntries([]), h, 'red', span);
      const expected = colours.length >= span && colours.slice(-span).every((c) => c === 'red');
      expect(run !== undefined).toBe(expected);
      if (run) expect(run).toEqual(h.slice(-span).map((x) => x.month));
    },
  );

  test.prop([fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 28 })])(
    'never finds a run when a directive entry is dated in the window: acting removes the run',
    (span, at, day) => {
      const h = history(MONTHS.map(() => 'red'));
      const month = MONTHS[MONTHS.length - 1 - (at % span)] as string;
      expect(inactionRun(withEntries([]), h, 'red', span)).toHaveLength(span);
      expect(inactionRun(withEntries([`${month}-${String(day).padStart(2, '0')}`]), h, 'red', span)).toBeUndefined();
    },
  );
});
