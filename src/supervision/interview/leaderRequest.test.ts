// Tests of leaderRequest (3.2.6): a leader's request for an interview.
import { describe, expect, it } from 'vitest';
import { checked, portfolioOf } from '../../../test/fixtures/supervision.js';
import { apart, defined, mentions } from '../../../test/fixtures/wording.js';
import { leaderRequest } from './leaderRequest.js';

describe('3.2.6 leaderRequest', () => {
  const request = (departmentId: string, byLeaderId: string, on: string, reason: string) => ({ departmentId, byLeaderId, on, reason });
  const departments = [
    { id: 'D1', name: '市住建局', leaderId: 'L2' },
    { id: 'D2', name: '市交通局', leaderId: 'L2' },
  ];
  const requests = [
    request('D2', 'L1', '2025-09-01', '甲'),
    request('D1', 'L2', '2025-08-01', '乙'),
    request('D1', 'L1', '2025-08-01', '乙'),
    request('D1', 'L1', '2025-08-01', '丙'),
    request('D1', 'L2', '2025-07-01', '丁'),
  ];
  const expected = [
    {
      rule: '3.2.6',
      departmentId: 'D1',
      evidence: {
        requests: [
          { on: '2025-07-01', byLeaderId: 'L2', reason: '丁' },
          // 丙 (U+4E19) before 乙 (U+4E59).
          { on: '2025-08-01', byLeaderId: 'L1', reason: '丙' },
          { on: '2025-08-01', byLeaderId: 'L1', reason: '乙' },
          { on: '2025-08-01', byLeaderId: 'L2', reason: '乙' },
        ],
      },
    },
    { rule: '3.2.6', departmentId: 'D2', evidence: { requests: [{ on: '2025-09-01', byLeaderId: 'L1', reason: '甲' }] } },
  ];

  it('gives one trigger per department, by id, listing its requests by date, leader and reason', () => {
    const known = (rs: Record<string, unknown>[]) => portfolioOf([], { departments, interviewRequests: rs }).interviewRequests ?? [];
    expect(leaderRequest(known(requests)).map(checked)).toStrictEqual(expected);
    expect(leaderRequest(known([...requests].reverse())).map(checked)).toStrictEqual(expected);
    expect(leaderRequest([])).toEqual([]);
  });

  describe('messages', () => {
    const requests = [
      { departmentId: 'D1', byLeaderId: 'L2', on: '2025-08-01', reason: '乙事由' },
      { departmentId: 'D1', byLeaderId: 'L1', on: '2025-07-01', reason: '甲事由' },
    ];
    const known = portfolioOf([], { interviewRequests: requests }).interviewRequests ?? [];

    it('lists every request: its date and reason (zh), its date and leader (en), each apart from the next', () => {
      const [t] = leaderRequest(known);
      const { zh, en } = defined(t).message;
      mentions(defined(t).message, ['2025-07-01', '2025-08-01']);
      expect(zh).toContain('甲事由');
      expect(zh).toContain('乙事由');
      expect(en).toContain('L1');
      expect(en).toContain('L2');
      apart(zh, '甲事由', '2025-08-01');
      apart(en, 'L1', '2025-08-01');
    });
  });
});
