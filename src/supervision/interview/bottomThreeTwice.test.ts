// Tests of bottomThreeTwice (3.2.1): the quarters a department was in the bottom three, and the trigger.
import { describe, expect, it } from 'vitest';
import { checked } from '../../../test/fixtures/supervision.js';
import { apart, defined, mentions } from '../../../test/fixtures/wording.js';
import { parseCalendarDate, parseQuarter } from '../../calendar/index.js';
import { HANDAN_2018 } from '../../policy/index.js';
import { bottomThreeTwice, countedBottoms, type QuarterBottom } from './bottomThreeTwice.js';

const d = parseCalendarDate;

describe('3.2.1 countedBottoms', () => {
  it('takes the ranked quarters, replaces them by issued notices (sorted), adds issued quarters, in quarter order', () => {
    const q = parseQuarter;
    const ranked = [
      { quarter: q('2025Q3'), bottom: ['A', 'C'] },
      { quarter: q('2025Q1'), bottom: ['B'] },
    ];
    const issued = [
      { quarter: q('2025Q3'), issuedOn: d('2025-10-20'), bottom: ['E', 'A'] },
      { quarter: q('2025Q2'), issuedOn: d('2025-07-20'), bottom: ['D', 'A'] },
    ];
    expect(countedBottoms(ranked, issued)).toEqual([
      { quarter: '2025Q1', bottom: ['B'], source: 'computed' },
      { quarter: '2025Q2', bottom: ['A', 'D'], source: 'issued' },
      { quarter: '2025Q3', bottom: ['A', 'E'], source: 'issued' },
    ]);
    expect(countedBottoms(ranked, [])).toEqual([
      { quarter: '2025Q1', bottom: ['B'], source: 'computed' },
      { quarter: '2025Q3', bottom: ['A', 'C'], source: 'computed' },
    ]);
    expect(countedBottoms([], [])).toEqual([]);
  });
});

describe('3.2.1 bottomThreeTwice', () => {
  const b = (quarter: string, bottom: string[], source: 'issued' | 'computed' = 'computed'): QuarterBottom => ({
    quarter: parseQuarter(quarter),
    bottom,
    source,
  });
  const bottoms = [
    b('2025Q4', ['G', 'F', 'E']),
    b('2025Q2', ['D']),
    b('2025Q3', ['G', 'E', 'C', 'A'], 'issued'),
    b('2025Q1', ['G', 'C', 'B', 'A']),
  ];
  const fired = (departmentId: string, twice: 'anyTwoInYear' | 'consecutive', quarters: [string, 'issued' | 'computed'][]) => ({
    rule: '3.2.1',
    departmentId,
    evidence: { twice, quarters: quarters.map(([quarter, source]) => ({ quarter, source })) },
  });

  it('anyTwoInYear (the default): every department in two or more bottoms, by id, its quarters in order', () => {
    expect(HANDAN_2018.interview.twice).toBe('anyTwoInYear');
    expect(bottomThreeTwice(bottoms, 'anyTwoInYear').map(checked)).toStrictEqual([
      fired('A', 'anyTwoInYear', [
        ['2025Q1', 'computed'],
        ['2025Q3', 'issued'],
      ]),
      fired('C', 'anyTwoInYear', [
        ['2025Q1', 'computed'],
        ['2025Q3', 'issued'],
      ]),
      fired('E', 'anyTwoInYear', [
        ['2025Q3', 'issued'],
        ['2025Q4', 'computed'],
      ]),
      fired('G', 'anyTwoInYear', [
        ['2025Q1', 'computed'],
        ['2025Q3', 'issued'],
        ['2025Q4', 'computed'],
      ]),
    ]);
  });

  it('consecutive: only two quarters in a row count, wherever they are in the list', () => {
    expect(bottomThreeTwice(bottoms, 'consecutive').map(checked)).toStrictEqual([
      fired('E', 'consecutive', [
        ['2025Q3', 'issued'],
        ['2025Q4', 'computed'],
      ]),
      fired('G', 'consecutive', [
        ['2025Q1', 'computed'],
        ['2025Q3', 'issued'],
        ['2025Q4', 'computed'],
      ]),
    ]);
    expect(bottomThreeTwice([b('2025Q2', ['A']), b('2025Q1', ['A'])], 'consecutive').map((t) => t.departmentId)).toEqual(['A']);
    expect(bottomThreeTwice([b('2025Q2', ['A']), b('2025Q4', ['A'])], 'consecutive')).toEqual([]);
    expect(bottomThreeTwice([b('2024Q4', ['A']), b('2025Q1', ['A'])], 'consecutive').map((t) => t.departmentId)).toEqual(['A']);
    expect(bottomThreeTwice([b('2024Q4', ['A']), b('2025Q2', ['A'])], 'consecutive')).toEqual([]);
  });

  it('needs two bottoms: one is not enough, none gives nothing', () => {
    expect(bottomThreeTwice([b('2025Q1', ['A', 'B'])], 'anyTwoInYear')).toEqual([]);
    expect(bottomThreeTwice([b('2025Q1', ['A'])], 'consecutive')).toEqual([]);
    expect(bottomThreeTwice([], 'anyTwoInYear')).toEqual([]);
  });

  describe('messages', () => {
    const b = (quarter: string, bottom: string[]): QuarterBottom => ({ quarter: parseQuarter(quarter), bottom, source: 'computed' });

    it('names every quarter the department was in the bottom three, each apart from the next', () => {
      const [t] = bottomThreeTwice([b('2025Q3', ['A']), b('2025Q1', ['A', 'B'])], 'anyTwoInYear');
      const message = defined(t).message;
      mentions(message, ['2025Q1', '2025Q3']);
      apart(message.zh, '2025Q1', '2025Q3');
      apart(message.en, '2025Q1', '2025Q3');
    });
  });
});
