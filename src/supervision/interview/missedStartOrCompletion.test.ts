// Tests of missedStartOrCompletion (3.2.2): a start or a completion not achieved by its due date.
import { describe, expect, it } from 'vitest';
import { project, report, reportsUpTo } from '../../../test/fixtures/builders.js';
import { checked, parsed } from '../../../test/fixtures/supervision.js';
import { apart, defined, mentions } from '../../../test/fixtures/wording.js';
import { parseCalendarDate } from '../../calendar/index.js';
import type { LocalizedText } from '../../errors.js';
import type { Project } from '../../portfolio/index.js';
import { missedStartOrCompletion } from './missedStartOrCompletion.js';

const d = parseCalendarDate;

const AS_OF = d('2025-10-15');

describe('3.2.2 missedStartOrCompletion', () => {
  const m = (id: string, kind: string, due: string, achievedOn?: string): Record<string, unknown> => ({
    id,
    kind,
    name: `节点${id}`,
    due,
    ...(achievedOn !== undefined && { achievedOn }),
  });
  const milestones = [
    m('s2', 'start', '2025-06-30'),
    m('c', 'completion', '2025-10-14'),
    m('c0', 'completion', '2025-10-15'),
    m('s1', 'start', '2025-06-30', '2025-07-01'),
    m('ontime', 'start', '2025-05-31', '2025-05-31'),
    m('r', 'start', '2025-04-30'),
    m('q', 'completion', '2025-04-30', '2025-05-03'),
    m('pr', 'procedure', '2025-03-01'),
    m('ph', 'physical', '2025-03-01'),
  ];
  const reports = [...reportsUpTo(4), report(5, '100', { achieved: { r: '2025-05-02', q: '2025-04-30' } }), ...reportsUpTo(9).slice(5)];
  const expected = {
    rule: '3.2.2',
    departmentId: 'D1',
    projectId: 'P',
    evidence: {
      milestones: [
        { milestoneId: 'r', kind: 'start', name: '节点r', due: '2025-04-30', achievedOn: '2025-05-02' },
        { milestoneId: 's1', kind: 'start', name: '节点s1', due: '2025-06-30', achievedOn: '2025-07-01' },
        { milestoneId: 's2', kind: 'start', name: '节点s2', due: '2025-06-30', achievedOn: null },
        { milestoneId: 'c', kind: 'completion', name: '节点c', due: '2025-10-14', achievedOn: null },
      ],
    },
  };

  it('lists every start or completion due before asOf and not achieved by its due date, by due then id', () => {
    expect(checked(missedStartOrCompletion(parsed(project('P', reports, { milestones })), AS_OF))).toStrictEqual(expected);
    expect(checked(missedStartOrCompletion(parsed(project('P', reports, { milestones: [...milestones].reverse() })), AS_OF))).toStrictEqual(
      expected,
    );
  });

  it('waits until the due day has passed, and takes an achievement on the due day as on time', () => {
    const one = (ms: Record<string, unknown>[]): Project => parsed(project('P', reportsUpTo(9), { milestones: ms }));
    expect(missedStartOrCompletion(one([m('s', 'start', '2025-10-15')]), AS_OF)).toBeUndefined();
    expect(missedStartOrCompletion(one([m('s', 'start', '2025-10-14')]), AS_OF)?.evidence).toEqual({
      milestones: [{ milestoneId: 's', kind: 'start', name: '节点s', due: '2025-10-14', achievedOn: null }],
    });
    expect(missedStartOrCompletion(one([m('s', 'completion', '2025-06-30', '2025-06-30')]), AS_OF)).toBeUndefined();
    expect(missedStartOrCompletion(one([m('s', 'physical', '2025-06-30'), m('t', 'procedure', '2025-06-30')]), AS_OF)).toBeUndefined();
    expect(missedStartOrCompletion(one([]), AS_OF)).toBeUndefined();
  });

  it('says whether a start or a completion was missed', () => {
    const zh = (kind: string): string | undefined =>
      missedStartOrCompletion(parsed(project('P', reportsUpTo(9), { milestones: [m('x', kind, '2025-06-30')] })), AS_OF)?.message.zh;
    expect(zh('start')).not.toBe(zh('completion'));
  });

  describe('messages', () => {
    const message = (milestones: Record<string, unknown>[]): LocalizedText =>
      defined(missedStartOrCompletion(parsed(project('P', reportsUpTo(9), { milestones })), AS_OF)).message;

    it('gives each missed milestone its name, due date and achieved date, or says it is not achieved', () => {
      const msg = message([m('b', 'start', '2025-06-30'), m('a', 'start', '2025-04-30', '2025-05-02')]);
      expect(msg.zh).toContain('项目P');
      expect(msg.en).toContain('P');
      expect(msg.zh).toContain('节点a');
      expect(msg.zh).toContain('节点b');
      mentions(msg, ['2025-04-30', '2025-05-02', '2025-06-30']);
      expect(msg.zh).toContain('未完成');
      expect(msg.en).toContain('not achieved');
      expect(msg.en).toContain('start');
      expect(msg.zh).not.toContain('null');
      expect(msg.en).not.toContain('null');
      apart(msg.zh, '2025-05-02', '节点b');
      apart(msg.en, '2025-05-02', '2025-06-30');
    });

    it('does not say "not achieved" of a milestone achieved late, and gives its date', () => {
      const msg = message([m('a', 'completion', '2025-04-30', '2025-05-02')]);
      mentions(msg, ['2025-04-30', '2025-05-02']);
      expect(msg.zh).not.toContain('未完成');
      expect(msg.en).not.toContain('not achieved');
      expect(msg.en).toContain('completion');
    });

    it('says 开工 for a missed start, 竣工 for a missed completion, 开工 when a start is among them', () => {
      const start = message([m('s', 'start', '2025-06-30')]).zh;
      expect(start).toContain('开工');
      expect(start).not.toContain('竣工');
      const completion = message([m('c', 'completion', '2025-06-30')]).zh;
      expect(completion).toContain('竣工');
      expect(completion).not.toContain('开工');
      const both = message([m('c', 'completion', '2025-05-31'), m('s', 'start', '2025-06-30')]);
      expect(both.zh).toContain('开工');
      expect(both.en).toContain('start');
      expect(both.en).toContain('completion');
    });
  });
});
