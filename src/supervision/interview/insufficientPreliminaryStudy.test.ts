// Tests of insufficientPreliminaryStudy (3.2.4): projects that cannot proceed for want of preliminary study.
import { describe, expect, it } from 'vitest';
import { project, reportsUpTo } from '../../../test/fixtures/builders.js';
import { checked, parsed } from '../../../test/fixtures/supervision.js';
import { apart, defined, mentions } from '../../../test/fixtures/wording.js';
import { parseCalendarDate } from '../../calendar/index.js';
import { insufficientPreliminaryStudy } from './insufficientPreliminaryStudy.js';
import type { InterviewTrigger } from './types.js';

const d = parseCalendarDate;

const AS_OF = d('2025-10-15');

describe('3.2.4 insufficientPreliminaryStudy', () => {
  const stall = (since: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    since,
    cause: 'insufficientPreliminaryStudy',
    ...extra,
  });
  const stalls = [
    stall('2025-10-16'),
    stall('2025-05-10', { until: '2025-06-01', note: '甲' }),
    stall('2025-10-15'),
    stall('2025-05-10', { until: '2025-06-01' }),
    stall('2025-05-10', { until: '2025-06-01', note: '乙' }),
    stall('2025-01-01', { cause: 'objective' }),
    stall('2025-01-02', { cause: 'other' }),
    stall('2025-05-10'),
    stall('2025-03-01', { until: '2025-04-01', note: 'x' }),
  ];
  const expected = {
    rule: '3.2.4',
    departmentId: 'D1',
    projectId: 'P',
    evidence: {
      stalls: [
        { since: '2025-03-01', until: '2025-04-01', note: 'x' },
        { since: '2025-05-10', until: null, note: null },
        { since: '2025-05-10', until: '2025-06-01', note: null },
        // Code-unit order: 乙 (U+4E59) before 甲 (U+7532).
        { since: '2025-05-10', until: '2025-06-01', note: '乙' },
        { since: '2025-05-10', until: '2025-06-01', note: '甲' },
        { since: '2025-10-15', until: null, note: null },
      ],
    },
  };

  it('lists every such stall begun on or before asOf, by since, until and note', () => {
    expect(checked(insufficientPreliminaryStudy(parsed(project('P', reportsUpTo(9), { stalls })), AS_OF))).toStrictEqual(expected);
    expect(
      checked(insufficientPreliminaryStudy(parsed(project('P', reportsUpTo(9), { stalls: [...stalls].reverse() })), AS_OF)),
    ).toStrictEqual(expected);
  });

  it('is silent for other causes, for a stall beginning after asOf, and without stalls', () => {
    const only = (ss: Record<string, unknown>[]) =>
      insufficientPreliminaryStudy(parsed(project('P', reportsUpTo(9), { stalls: ss })), AS_OF);
    expect(only([stall('2025-01-01', { cause: 'objective' }), stall('2025-01-01', { cause: 'other' })])).toBeUndefined();
    expect(only([stall('2025-10-16')])).toBeUndefined();
    expect(only([])).toBeUndefined();
    expect(insufficientPreliminaryStudy(parsed(project('P', reportsUpTo(9))), AS_OF)).toBeUndefined();
  });

  describe('messages', () => {
    const stall = (since: string, note?: string): Record<string, unknown> => ({
      since,
      cause: 'insufficientPreliminaryStudy',
      ...(note !== undefined && { note }),
    });
    const run = (stalls: Record<string, unknown>[]): InterviewTrigger =>
      defined(insufficientPreliminaryStudy(parsed(project('P', reportsUpTo(9), { stalls })), AS_OF));

    it('names every date since which the project cannot proceed, each apart from the next', () => {
      const msg = run([stall('2025-07-01'), stall('2025-05-01')]).message;
      expect(msg.zh).toContain('项目P');
      expect(msg.en).toContain('P');
      mentions(msg, ['2025-05-01', '2025-07-01']);
      apart(msg.zh, '2025-05-01', '2025-07-01');
      apart(msg.en, '2025-05-01', '2025-07-01');
    });

    it('puts a stall without a note before one with a note on the same day, whatever the input order', () => {
      const expected = {
        stalls: [
          { since: '2025-05-01', until: null, note: null },
          { since: '2025-05-01', until: null, note: 'A' },
        ],
      };
      expect(run([stall('2025-05-01', 'A'), stall('2025-05-01')]).evidence).toEqual(expected);
      expect(run([stall('2025-05-01'), stall('2025-05-01', 'A')]).evidence).toEqual(expected);
    });
  });
});
