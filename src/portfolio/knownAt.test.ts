// What is known at a date (domain §3): every dated record after `asOf` is dropped, a record dated
// `asOf` itself is known; a stall's `until`, an escalation's `resolvedOn` and a ledger's `submittedOn`
// after `asOf` have not happened yet. Each boundary is checked the day before, the day and the day after.
import { describe, expect, it } from 'vitest';
import { doc, project, report } from '../../test/fixtures/builders.js';
import { parseCalendarDate } from '../calendar/index.js';
import { knownAt, knownProject } from './knownAt.js';
import { parsePortfolio } from './parsePortfolio.js';
import type { Milestone, Portfolio, Project } from './types.js';

const BEFORE = '2025-06-14';
const DAY = '2025-06-15';
const AFTER = '2025-06-16';

function at(portfolio: Portfolio, asOf: string): Portfolio {
  return knownAt(portfolio, parseCalendarDate(asOf));
}

function only(portfolio: Portfolio): Project {
  const p = portfolio.projects[0];
  if (p === undefined) throw new Error('no project');
  return p;
}

// One project with a record dated on each of the three days, and portfolio records likewise.
const dated = (): Portfolio =>
  parsePortfolio(
    doc(
      [
        project(
          'P',
          [
            { month: '2025-03', investment: '100' },
            report(4, '100', { submittedOn: BEFORE }),
            report(5, '100', { submittedOn: DAY, achieved: { x: BEFORE, y: DAY, z: AFTER } }),
            report(6, '100', { submittedOn: AFTER }),
          ],
          {
            milestones: [
              { id: 'a', kind: 'physical', name: '甲', due: '2025-12-31', achievedOn: BEFORE },
              { id: 'b', kind: 'physical', name: '乙', due: '2025-12-31', achievedOn: DAY },
              { id: 'c', kind: 'physical', name: '丙', due: '2025-12-31', achievedOn: AFTER },
              { id: 'x', kind: 'physical', name: '丁', due: '2025-12-31' },
              { id: 'y', kind: 'physical', name: '戊', due: '2025-12-31' },
              { id: 'z', kind: 'physical', name: '己', due: '2025-12-31' },
            ],
            changes: [
              { on: BEFORE, subject: 'content', approvedByPrincipal: true, ref: 'c-before' },
              { on: DAY, subject: 'scale', approvedByPrincipal: true, ref: 'c-day' },
              { on: AFTER, subject: 'location', approvedByPrincipal: true, ref: 'c-after' },
            ],
            directives: ['d-before', 'd-day', 'd-after'].map((id, i) => ({
              id,
              issuedOn: [BEFORE, DAY, AFTER][i],
              byLeaderId: 'L2',
              requirement: '加快推进',
              measures: [
                { on: BEFORE, text: 'm-before' },
                { on: DAY, text: 'm-day' },
                { on: AFTER, text: 'm-after' },
              ],
              progress: [
                { on: BEFORE, text: 'p-before' },
                { on: DAY, text: 'p-day' },
                { on: AFTER, text: 'p-after' },
              ],
            })),
            stalls: [
              { since: BEFORE, cause: 'other', note: 's-before' },
              { since: DAY, cause: 'other', note: 's-day' },
              { since: AFTER, cause: 'other', note: 's-after' },
              { since: '2025-01-10', until: BEFORE, cause: 'objective', note: 'u-before' },
              { since: '2025-01-10', until: DAY, cause: 'objective', note: 'u-day' },
              { since: '2025-01-10', until: AFTER, cause: 'objective', note: 'u-after' },
            ],
            incidents: [
              { on: BEFORE, severity: 'minor', note: 'i-before' },
              { on: DAY, severity: 'minor', note: 'i-day' },
              { on: AFTER, severity: 'minor', note: 'i-after' },
            ],
          },
        ),
      ],
      {
        meetings: [BEFORE, DAY, AFTER].map((on) => ({ level: 'department', on, departmentIds: ['D1'], form: 'site' })),
        bureauReviews: [BEFORE, DAY, AFTER].map((on) => ({ bureau: 'finance', on })),
        escalations: [
          { departmentId: 'D1', raisedOn: BEFORE, toLeaderId: 'L2', issue: 'e-before' },
          { departmentId: 'D1', raisedOn: DAY, toLeaderId: 'L2', issue: 'e-day' },
          { departmentId: 'D1', raisedOn: AFTER, toLeaderId: 'L2', issue: 'e-after' },
          { departmentId: 'D1', raisedOn: '2025-01-10', toLeaderId: 'L2', issue: 'r-before', resolvedOn: BEFORE },
          { departmentId: 'D1', raisedOn: '2025-01-10', toLeaderId: 'L2', issue: 'r-day', resolvedOn: DAY },
          { departmentId: 'D1', raisedOn: '2025-01-10', toLeaderId: 'L2', issue: 'r-after', resolvedOn: AFTER },
        ],
        notifications: [
          { quarter: '2025Q1', issuedOn: BEFORE, bottom: ['D1'] },
          { quarter: '2025Q2', issuedOn: DAY, bottom: ['D1'] },
          { quarter: '2025Q3', issuedOn: AFTER, bottom: ['D1'] },
        ],
        interviewRequests: [BEFORE, DAY, AFTER].map((on) => ({ departmentId: 'D1', byLeaderId: 'L2', on, reason: `q-${on}` })),
      },
    ),
  );

// A single project whose ledger was submitted on `submittedOn` (or never).
const ledgerOn = (submittedOn?: string): Portfolio => {
  const months = project('P', []).ledger.months;
  return parsePortfolio(doc([project('P', [], { ledger: { months, ...(submittedOn !== undefined && { submittedOn }) } })]));
};

describe('knownAt: project records', () => {
  it('keeps reports submitted up to and including asOf, and undated reports', () => {
    expect(only(at(dated(), BEFORE)).reports.map((r) => r.month)).toEqual(['2025-03', '2025-04']);
    expect(only(at(dated(), DAY)).reports.map((r) => r.month)).toEqual(['2025-03', '2025-04', '2025-05']);
    expect(only(at(dated(), AFTER)).reports.map((r) => r.month)).toEqual(['2025-03', '2025-04', '2025-05', '2025-06']);
  });

  it("keeps a known report's achievements dated up to and including asOf", () => {
    const may = (asOf: string) => only(at(dated(), asOf)).reports.find((r) => r.month === '2025-05');
    expect(may(BEFORE)).toBeUndefined();
    expect(may(DAY)?.achieved).toEqual({ x: BEFORE, y: DAY });
    expect(may(AFTER)?.achieved).toEqual({ x: BEFORE, y: DAY, z: AFTER });
  });

  it('leaves a report without achievements as it is', () => {
    const april = only(at(dated(), DAY)).reports.find((r) => r.month === '2025-04');
    expect(april).toEqual({ month: '2025-04', submittedOn: BEFORE, investment: '100' });
    expect(april !== undefined && 'achieved' in april).toBe(false);
  });

  it('forgets a milestone achievement dated after asOf and keeps the others', () => {
    const achieved = (asOf: string) => Object.fromEntries(only(at(dated(), asOf)).milestones.map((m) => [m.id, m.achievedOn ?? null]));
    expect(achieved(DAY)).toEqual({ a: BEFORE, b: DAY, c: null, x: null, y: null, z: null });
    expect(achieved(BEFORE)).toEqual({ a: BEFORE, b: null, c: null, x: null, y: null, z: null });
    const c = only(at(dated(), DAY)).milestones.find((m) => m.id === 'c');
    expect(c !== undefined && 'achievedOn' in c).toBe(false);
  });

  it('keeps the ledger submission up to and including asOf, and its months whatever the date', () => {
    expect(only(at(ledgerOn(DAY), BEFORE)).ledger.submittedOn).toBeUndefined();
    expect('submittedOn' in only(at(ledgerOn(DAY), BEFORE)).ledger).toBe(false);
    expect(only(at(ledgerOn(DAY), DAY)).ledger.submittedOn).toBe(DAY);
    expect(only(at(ledgerOn(DAY), AFTER)).ledger.submittedOn).toBe(DAY);
    expect(only(at(ledgerOn(BEFORE), DAY)).ledger.submittedOn).toBe(BEFORE);
    expect(only(at(ledgerOn(), DAY)).ledger.submittedOn).toBeUndefined();
    expect(only(at(ledgerOn(AFTER), DAY)).ledger.months).toHaveLength(12);
    expect(only(at(ledgerOn(AFTER), DAY)).ledger.months.every((m) => m.investment === '100')).toBe(true);
  });

  it('keeps changes and incidents dated up to and including asOf', () => {
    expect(only(at(dated(), DAY)).changes?.map((c) => c.ref)).toEqual(['c-before', 'c-day']);
    expect(only(at(dated(), BEFORE)).changes?.map((c) => c.ref)).toEqual(['c-before']);
    expect(only(at(dated(), DAY)).incidents?.map((i) => i.note)).toEqual(['i-before', 'i-day']);
    expect(only(at(dated(), BEFORE)).incidents?.map((i) => i.note)).toEqual(['i-before']);
  });

  it('keeps directives issued up to and including asOf, with their measures and progress up to asOf', () => {
    const known = only(at(dated(), DAY)).directives ?? [];
    expect(known.map((d) => d.id)).toEqual(['d-before', 'd-day']);
    for (const d of known) {
      expect(d.measures.map((e) => e.text)).toEqual(['m-before', 'm-day']);
      expect(d.progress.map((e) => e.text)).toEqual(['p-before', 'p-day']);
    }
    const earlier = only(at(dated(), BEFORE)).directives ?? [];
    expect(earlier.map((d) => d.id)).toEqual(['d-before']);
    expect(earlier[0]?.measures.map((e) => e.text)).toEqual(['m-before']);
    expect(earlier[0]?.progress.map((e) => e.text)).toEqual(['p-before']);
  });

  it('keeps stalls begun up to and including asOf; an end after asOf has not happened yet', () => {
    const stalls = (asOf: string) => (only(at(dated(), asOf)).stalls ?? []).map((s) => [s.note, s.until ?? null]);
    expect(stalls(DAY)).toEqual([
      ['s-before', null],
      ['s-day', null],
      ['u-before', BEFORE],
      ['u-day', DAY],
      ['u-after', null],
    ]);
    expect(stalls(BEFORE)).toEqual([
      ['s-before', null],
      ['u-before', BEFORE],
      ['u-day', null],
      ['u-after', null],
    ]);
    const open = (only(at(dated(), DAY)).stalls ?? []).find((s) => s.note === 'u-after');
    expect(open !== undefined && 'until' in open).toBe(false);
  });
});

describe('knownAt: portfolio records', () => {
  it('keeps meetings and bureau reviews held up to and including asOf', () => {
    expect(at(dated(), DAY).meetings.map((m) => m.on)).toEqual([BEFORE, DAY]);
    expect(at(dated(), BEFORE).meetings.map((m) => m.on)).toEqual([BEFORE]);
    expect(at(dated(), DAY).bureauReviews.map((r) => r.on)).toEqual([BEFORE, DAY]);
    expect(at(dated(), BEFORE).bureauReviews.map((r) => r.on)).toEqual([BEFORE]);
  });

  it('keeps escalations raised up to and including asOf; a resolution after asOf has not happened yet', () => {
    const escalations = (asOf: string) => (at(dated(), asOf).escalations ?? []).map((e) => [e.issue, e.resolvedOn ?? null]);
    expect(escalations(DAY)).toEqual([
      ['e-before', null],
      ['e-day', null],
      ['r-before', BEFORE],
      ['r-day', DAY],
      ['r-after', null],
    ]);
    expect(escalations(BEFORE)).toEqual([
      ['e-before', null],
      ['r-before', BEFORE],
      ['r-day', null],
      ['r-after', null],
    ]);
    const open = (at(dated(), DAY).escalations ?? []).find((e) => e.issue === 'r-after');
    expect(open !== undefined && 'resolvedOn' in open).toBe(false);
  });

  it('keeps notifications issued up to and including asOf', () => {
    expect(at(dated(), DAY).notifications?.map((n) => n.quarter)).toEqual(['2025Q1', '2025Q2']);
    expect(at(dated(), BEFORE).notifications?.map((n) => n.quarter)).toEqual(['2025Q1']);
    expect(at(dated(), AFTER).notifications?.map((n) => n.quarter)).toEqual(['2025Q1', '2025Q2', '2025Q3']);
  });

  it('keeps interview requests made up to and including asOf', () => {
    expect(at(dated(), DAY).interviewRequests?.map((r) => r.on)).toEqual([BEFORE, DAY]);
    expect(at(dated(), BEFORE).interviewRequests?.map((r) => r.on)).toEqual([BEFORE]);
  });

  it('knows everything the day after the last record', () => {
    const all = dated();
    expect(at(all, AFTER)).toEqual(all);
  });

  it('adds no optional list the document lacks', () => {
    const known = at(ledgerOn(DAY), DAY);
    for (const key of ['escalations', 'notifications', 'interviewRequests', 'overrides'] as const) expect(key in known).toBe(false);
    for (const key of ['changes', 'directives', 'stalls', 'incidents'] as const) expect(key in only(known)).toBe(false);
    expect(known.meetings).toEqual([]);
    expect(known.bureauReviews).toEqual([]);
  });
});

describe('knownProject', () => {
  it('drops a later achievement and keeps every other key of the milestone, in order, unknown ones included', () => {
    // A milestone as a document may hold it: an unknown key, and an own `__proto__` key (kept as data).
    const milestone = JSON.parse(
      '{"id":"m","kind":"physical","name":"主体","due":"2025-06-30","achievedOn":"2025-06-16","note":"x","__proto__":"y"}',
    ) as Milestone;
    const p = { ...only(dated()), milestones: [milestone] };
    const known = knownProject(p, parseCalendarDate(DAY)).milestones[0] as Milestone & Record<string, unknown>;
    const { achievedOn: _dropped, ...expected } = milestone;
    expect(Object.keys(known)).toEqual(Object.keys(expected));
    expect(Object.keys(known)).toEqual(['id', 'kind', 'name', 'due', 'note', '__proto__']);
    expect(Object.getPrototypeOf(known)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(known, '__proto__')?.value).toBe('y');
    expect(known).toEqual(expected);
  });
});
