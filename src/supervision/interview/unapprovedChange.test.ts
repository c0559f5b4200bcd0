// Tests of unapprovedChange (3.2.5): changes made without approval, and moved milestones.
import { describe, expect, it } from 'vitest';
import { project, reportsUpTo } from '../../../test/fixtures/builders.js';
import { checked, parsed } from '../../../test/fixtures/supervision.js';
import { apart, defined, mentions } from '../../../test/fixtures/wording.js';
import type { InterviewTrigger } from './types.js';
import { unapprovedChange } from './unapprovedChange.js';

describe('3.2.5 unapprovedChange', () => {
  const ms = (id: string, due: string, baselineDue?: string): Record<string, unknown> => ({
    id,
    kind: 'physical',
    name: `节点${id}`,
    due,
    ...(baselineDue !== undefined && { baselineDue }),
  });
  const milestones = [
    ms('e', '2025-07-31', '2025-06-30'),
    ms('c', '2025-06-30', '2025-06-30'),
    ms('b', '2025-07-31', '2025-05-31'),
    ms('a', '2025-06-15', '2025-04-30'),
    ms('m', '2025-06-30'),
  ];
  const change = (on: string, subject: string, approvedByPrincipal: boolean, extra: Record<string, unknown> = {}) => ({
    on,
    subject,
    approvedByPrincipal,
    ...extra,
  });
  const changes = [
    change('2025-05-01', 'scale', false),
    change('2025-05-01', 'content', false, { milestoneId: 'e', from: '2025-06-30', to: '2025-07-31', ref: '文1' }),
    change('2025-05-01', 'content', false, { milestoneId: 'e' }),
    change('2025-03-01', 'milestone', true, { milestoneId: 'a' }),
    change('2025-05-01', 'content', false, { milestoneId: 'e', from: '2025-06-30', to: '2025-07-31' }),
    change('2025-05-01', 'content', false),
    change('2025-03-02', 'scale', true),
    change('2025-05-01', 'content', false, { milestoneId: 'e', from: '2025-06-30' }),
    change('2025-04-01', 'location', false),
  ];
  const row = (on: string, subject: string, milestoneId: string | null, from: string | null, to: string | null, ref: string | null) => ({
    on,
    subject,
    milestoneId,
    from,
    to,
    ref,
  });
  const expected = {
    rule: '3.2.5',
    departmentId: 'D1',
    projectId: 'P',
    evidence: {
      changes: [
        row('2025-04-01', 'location', null, null, null, null),
        row('2025-05-01', 'content', null, null, null, null),
        row('2025-05-01', 'content', 'e', null, null, null),
        row('2025-05-01', 'content', 'e', '2025-06-30', null, null),
        row('2025-05-01', 'content', 'e', '2025-06-30', '2025-07-31', null),
        row('2025-05-01', 'content', 'e', '2025-06-30', '2025-07-31', '文1'),
        row('2025-05-01', 'scale', null, null, null, null),
      ],
      movedMilestones: [
        { milestoneId: 'b', name: '节点b', baselineDue: '2025-05-31', due: '2025-07-31' },
        { milestoneId: 'e', name: '节点e', baselineDue: '2025-06-30', due: '2025-07-31' },
      ],
    },
  };
  const run = (ms: Record<string, unknown>[], cs: Record<string, unknown>[]) =>
    unapprovedChange(parsed(project('P', reportsUpTo(9), { milestones: ms, changes: cs })));

  it('lists unapproved changes by content and moved milestones without an approved change naming them, by id', () => {
    expect(checked(run(milestones, changes))).toStrictEqual(expected);
    expect(checked(run([...milestones].reverse(), [...changes].reverse()))).toStrictEqual(expected);
  });

  it('fires on a moved milestone alone, or on an unapproved change alone', () => {
    expect(checked(run([ms('b', '2025-07-31', '2025-05-31')], []))).toStrictEqual({
      rule: '3.2.5',
      departmentId: 'D1',
      projectId: 'P',
      evidence: { changes: [], movedMilestones: [{ milestoneId: 'b', name: '节点b', baselineDue: '2025-05-31', due: '2025-07-31' }] },
    });
    expect(checked(run([], [change('2025-04-01', 'location', false)]))).toStrictEqual({
      rule: '3.2.5',
      departmentId: 'D1',
      projectId: 'P',
      evidence: { changes: [row('2025-04-01', 'location', null, null, null, null)], movedMilestones: [] },
    });
  });

  it('is silent for approved changes and milestones on their baseline or without one', () => {
    expect(
      run([ms('a', '2025-06-15', '2025-04-30'), ms('c', '2025-06-30', '2025-06-30'), ms('m', '2025-06-30')], [changes[3] ?? {}]),
    ).toBeUndefined();
    expect(run([], [])).toBeUndefined();
    expect(unapprovedChange(parsed(project('P', reportsUpTo(9))))).toBeUndefined();
  });

  describe('messages', () => {
    const change = (on: string, subject: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
      on,
      subject,
      approvedByPrincipal: false,
      ...extra,
    });
    const milestones = [
      { id: 'ma', kind: 'physical', name: '节点ma', due: '2025-06-30' },
      { id: 'mv', kind: 'physical', name: '节点mv', due: '2025-07-31', baselineDue: '2025-05-31' },
    ];
    const run = (changes: Record<string, unknown>[], ms: Record<string, unknown>[] = milestones): InterviewTrigger =>
      defined(unapprovedChange(parsed(project('P', reportsUpTo(9), { milestones: ms, changes }))));

    it('gives every unapproved change its date and subject (the Chinese label in zh), and every moved milestone', () => {
      const msg = run([
        change('2025-06-01', 'location'),
        change('2025-03-01', 'content'),
        change('2025-05-01', 'scale'),
        change('2025-04-01', 'milestone', { milestoneId: 'ma' }),
      ]).message;
      expect(msg.zh).toContain('项目P');
      expect(msg.en).toContain('P');
      mentions(msg, ['2025-03-01', '2025-04-01', '2025-05-01', '2025-06-01', '2025-05-31', '2025-07-31']);
      for (const label of ['建设内容', '进度节点', '建设规模', '建设地点', '节点mv']) expect(msg.zh).toContain(label);
      for (const subject of ['content', 'milestone', 'scale', 'location', 'mv']) expect(msg.en).toContain(subject);
      expect(msg.zh).not.toContain('undefined');
      apart(msg.zh, '建设内容', '2025-04-01');
      apart(msg.zh, '建设地点', '节点mv');
      apart(msg.en, '2025-03-01', '2025-04-01');
      apart(msg.en, '2025-06-01', 'mv');
    });

    it('a moved milestone alone: its name or id, its baseline and its new due date', () => {
      const msg = run([]).message;
      expect(msg.zh).toContain('节点mv');
      expect(msg.en).toContain('mv');
      mentions(msg, ['2025-05-31', '2025-07-31']);
    });

    it('orders same-day changes without a milestone or a ref before those with one, whatever the input order', () => {
      const none = { on: '2025-04-01', subject: 'milestone', milestoneId: null, from: null, to: null, ref: null };
      const expected = { changes: [none, { ...none, milestoneId: 'ma' }], movedMilestones: [] };
      const a = change('2025-04-01', 'milestone');
      const b = change('2025-04-01', 'milestone', { milestoneId: 'ma' });
      expect(run([b, a], milestones.slice(0, 1)).evidence).toEqual(expected);
      expect(run([a, b], milestones.slice(0, 1)).evidence).toEqual(expected);
      const byRef = { changes: [none, { ...none, ref: 'A' }], movedMilestones: [] };
      const r = change('2025-04-01', 'milestone', { ref: 'A' });
      expect(run([r, a], milestones.slice(0, 1)).evidence).toEqual(byRef);
      expect(run([a, r], milestones.slice(0, 1)).evidence).toEqual(byRef);
    });
  });
});
