// Example tests of portfolio validation: every reference, uniqueness, year, ledger and key check reports
// exactly the expected issue (path, code, error or warning), naming the offending value in both languages.
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { doc, project, report, type RawDoc } from '../../test/fixtures/builders.js';
import { achievementDate, isProjectCode, parsePortfolio, safeParsePortfolio, serializePortfolio, type Portfolio } from '../index.js';
import { HANDAN_2018 } from '../policy/index.js';
import type { ValidationIssue } from '../validation.js';
import { unknownKeys } from './unknownKeys.js';

type Seg = string | number;

interface Outcome {
  readonly errors: readonly ValidationIssue[];
  readonly warnings: readonly ValidationIssue[];
}

/** Errors and warnings of a document, whether or not it is valid. */
function check(input: unknown, requireExactSum = false): Outcome {
  const r = safeParsePortfolio(input, requireExactSum ? { policy: { ...HANDAN_2018, ledger: { requireExactSum: true } } } : {});
  return r.success ? { errors: [], warnings: r.warnings } : { errors: r.error.issues, warnings: r.error.warnings };
}

/** Where and what, without the wording. */
const where = (issues: readonly ValidationIssue[]): { segments: readonly Seg[]; code: string }[] =>
  issues.map((i) => ({ segments: i.segments, code: i.code }));

/** Both messages are non-empty text naming every given value. */
function expectNames(issue: ValidationIssue | undefined, ...values: readonly string[]): void {
  expect(issue).toBeDefined();
  if (issue === undefined) return;
  for (const text of [issue.message.zh, issue.message.en]) {
    expect(text).toEqual(expect.any(String));
    expect(text).not.toBe('');
    for (const v of values) expect(text).toContain(v);
  }
}

function at(root: unknown, path: readonly Seg[]): unknown {
  let cur: unknown = root;
  for (const s of path) {
    if (typeof cur !== 'object' || cur === null) throw new Error(`nothing at ${path.join('.')}`);
    cur = (cur as Record<string, unknown>)[String(s)];
  }
  return cur;
}

function setAt(root: unknown, path: readonly Seg[], value: unknown): void {
  const parent = at(root, path.slice(0, -1));
  const key = path[path.length - 1];
  if (typeof parent !== 'object' || parent === null || key === undefined) throw new Error(`cannot set ${path.join('.')}`);
  (parent as Record<string, unknown>)[String(key)] = value;
}

function listAt(root: unknown, path: readonly Seg[]): unknown[] {
  const v = at(root, path);
  if (!Array.isArray(v)) throw new Error(`no list at ${path.join('.')}`);
  return v;
}

/** A valid document using every collection and every reference field once. */
function full(): RawDoc {
  return doc(
    [
      project('P1', [report(1, '100', { achieved: { s: '2025-01-20' } }), report(2, '100')], {
        code: '2411-130402-89-01-637015',
        constructionUnit: '城投公司',
        majorLivelihood: true,
        totalInvestment: '5000',
        milestones: [
          { id: 's', kind: 'start', name: '开工', due: '2025-03-31' },
          { id: 'c', kind: 'completion', name: '竣工', due: '2025-12-31', baselineDue: '2025-11-30' },
        ],
        changes: [
          { on: '2025-02-01', subject: 'content', approvedByPrincipal: true },
          { on: '2025-02-02', subject: 'milestone', milestoneId: 'c', from: '2025-11-30', to: '2025-12-31', approvedByPrincipal: true },
          { on: '2025-02-03', subject: 'scale', approvedByPrincipal: false, ref: '邯发改〔2025〕1号' },
          { on: '2025-02-04', subject: 'location', approvedByPrincipal: true },
        ],
        directives: [
          {
            id: 'DIR1',
            issuedOn: '2025-02-01',
            byLeaderId: 'L2',
            requirement: '加快进度',
            dueOn: '2025-03-01',
            measures: [{ on: '2025-02-05', text: '增加人手' }],
            progress: [{ on: '2025-02-10', text: '已落实' }],
          },
        ],
        stalls: [
          { since: '2025-01-01', until: '2025-01-10', cause: 'insufficientPreliminaryStudy' },
          { since: '2025-02-01', until: '2025-02-10', cause: 'objective', note: '雨季' },
          { since: '2025-03-01', cause: 'other' },
        ],
        incidents: [
          { on: '2025-01-05', severity: 'minor', note: 'a' },
          { on: '2025-01-06', severity: 'serious', note: 'b' },
          { on: '2025-01-07', severity: 'grave', note: 'c' },
        ],
      }),
      project('P2', [], { departmentId: 'D2' }),
    ],
    {
      city: '邯郸市',
      departments: [
        { id: 'D1', name: '市住建局', leaderId: 'L2' },
        { id: 'D2', name: '市交通局', leaderId: 'L2' },
      ],
      meetings: [
        { level: 'cityLeader', on: '2025-01-10', chairId: 'L2', departmentIds: ['D1', 'D2'], form: 'site', projectIds: ['P1', 'P2'] },
      ],
      escalations: [
        { departmentId: 'D1', raisedOn: '2025-02-01', toLeaderId: 'L2', issue: '征地', projectId: 'P1', resolvedOn: '2025-02-20' },
      ],
      bureauReviews: [
        { bureau: 'finance', on: '2025-03-01', departmentIds: ['D1', 'D2'], warnings: [{ projectId: 'P1', note: '拨付慢' }] },
        { bureau: 'land', on: '2025-03-02' },
      ],
      notifications: [{ quarter: '2025Q1', issuedOn: '2025-04-10', bottom: ['D1', 'D2'] }],
      interviewRequests: [{ departmentId: 'D2', byLeaderId: 'L1', on: '2025-04-15', reason: '进度滞后' }],
      overrides: [{ projectId: 'P1', month: '2025-03', colour: 'red', reason: '复核', by: '督查室' }],
    },
  );
}

/** `full()` changed at one place. */
function fullWith(path: readonly Seg[], value: unknown): RawDoc {
  const d = full();
  setAt(d, path, value);
  return d;
}

describe('a document using every collection', () => {
  it('is valid, without a warning, and keeps every field', () => {
    const d = full();
    expect(check(d)).toEqual({ errors: [], warnings: [] });
    const p = parsePortfolio(d);
    expect(p.projects[0]?.changes?.map((c) => c.subject)).toEqual(['content', 'milestone', 'scale', 'location']);
    expect(p.projects[0]?.stalls?.map((s) => s.cause)).toEqual(['insufficientPreliminaryStudy', 'objective', 'other']);
    expect(p.projects[0]?.incidents?.map((i) => i.severity)).toEqual(['minor', 'serious', 'grave']);
    expect(p.projects[0]?.directives?.[0]?.measures).toEqual([{ on: '2025-02-05', text: '增加人手' }]);
    expect(p.bureauReviews[0]?.warnings).toEqual([{ projectId: 'P1', note: '拨付慢' }]);
    expect(p.notifications?.[0]?.bottom).toEqual(['D1', 'D2']);
    expect(p.interviewRequests?.[0]?.byLeaderId).toBe('L1');
    expect(p.overrides?.[0]?.colour).toBe('red');
  });

  // A structural check per nested record: a bad value of a declared field is an error at its path.
  it.each<readonly [string, readonly Seg[], unknown, string]>([
    ['change date', ['projects', 0, 'changes', 0, 'on'], '2025-02-30', 'invalid_date'],
    ['change subject', ['projects', 0, 'changes', 0, 'subject'], 'colour', 'invalid_value'],
    ['directive entry date', ['projects', 0, 'directives', 0, 'measures', 0, 'on'], '2025-13-01', 'invalid_date'],
    ['directive progress text', ['projects', 0, 'directives', 0, 'progress', 0, 'text'], 5, 'invalid_type'],
    ['directive issue date', ['projects', 0, 'directives', 0, 'issuedOn'], 'soon', 'invalid_date'],
    ['stall cause', ['projects', 0, 'stalls', 0, 'cause'], 'weather', 'invalid_value'],
    ['incident severity', ['projects', 0, 'incidents', 0, 'severity'], 'fatal', 'invalid_value'],
    ['meeting form', ['meetings', 0, 'form'], 'dinner', 'invalid_value'],
    ['escalation date', ['escalations', 0, 'raisedOn'], '2025-02-29', 'invalid_date'],
    ['bureau review bureau', ['bureauReviews', 0, 'bureau'], 'police', 'invalid_value'],
    ['bureau warning note', ['bureauReviews', 0, 'warnings', 0, 'note'], false, 'invalid_type'],
    ['notification issue date', ['notifications', 0, 'issuedOn'], '2025-04-31', 'invalid_date'],
    ['interview date', ['interviewRequests', 0, 'on'], '', 'invalid_date'],
    ['override month', ['overrides', 0, 'month'], '2025-3', 'invalid_month'],
  ])('reports a bad %s at its path', (_, path, value, code) => {
    expect(where(check(fullWith(path, value)).errors)).toEqual([{ segments: path, code }]);
  });
});

describe('references', () => {
  const UNKNOWN = 'X-404';
  // Every reference field of the document, each set to an id that does not exist.
  it.each<readonly [string, readonly Seg[]]>([
    ['departments[i].leaderId', ['departments', 1, 'leaderId']],
    ['projects[i].departmentId', ['projects', 1, 'departmentId']],
    ['meetings[i].chairId', ['meetings', 0, 'chairId']],
    ['meetings[i].departmentIds', ['meetings', 0, 'departmentIds', 1]],
    ['meetings[i].projectIds', ['meetings', 0, 'projectIds', 1]],
    ['escalations[i].departmentId', ['escalations', 0, 'departmentId']],
    ['escalations[i].toLeaderId', ['escalations', 0, 'toLeaderId']],
    ['escalations[i].projectId', ['escalations', 0, 'projectId']],
    ['bureauReviews[i].departmentIds', ['bureauReviews', 0, 'departmentIds', 1]],
    ['bureauReviews[i].warnings[j].projectId', ['bureauReviews', 0, 'warnings', 0, 'projectId']],
    ['notifications[i].bottom', ['notifications', 0, 'bottom', 1]],
    ['interviewRequests[i].departmentId', ['interviewRequests', 0, 'departmentId']],
    ['interviewRequests[i].byLeaderId', ['interviewRequests', 0, 'byLeaderId']],
    ['overrides[i].projectId', ['overrides', 0, 'projectId']],
    ['projects[i].directives[j].byLeaderId', ['projects', 0, 'directives', 0, 'byLeaderId']],
    ['projects[i].changes[j].milestoneId', ['projects', 0, 'changes', 1, 'milestoneId']],
  ])('reports an unknown id in %s', (_, path) => {
    const { errors, warnings } = check(fullWith(path, UNKNOWN));
    expect(where(errors)).toEqual([{ segments: path, code: 'unknown_reference' }]);
    expectNames(errors[0], UNKNOWN);
    expect(warnings).toEqual([]);
  });

  it('reports an unknown leader of a later directive at its own index', () => {
    const second = {
      id: 'DIR2',
      issuedOn: '2025-02-02',
      byLeaderId: UNKNOWN,
      requirement: '倒排工期',
      measures: [],
      progress: [],
    };
    const { errors } = check(fullWith(['projects', 0, 'directives', 1], second));
    expect(where(errors)).toEqual([{ segments: ['projects', 0, 'directives', 1, 'byLeaderId'], code: 'unknown_reference' }]);
  });

  it("reports a report's achievement of an unknown milestone at its key", () => {
    const d = fullWith(['projects', 0, 'reports', 1, 'achieved'], { c: '2025-02-10', 'X-404': '2025-02-11' });
    const { errors } = check(d);
    expect(errors.map((i) => [i.path, i.code])).toEqual([["$.projects[0].reports[1].achieved['X-404']", 'unknown_reference']]);
    expectNames(errors[0], 'X-404');
  });

  it('reports nothing more than the type error for an id that is not a non-empty string', () => {
    expect(where(check(fullWith(['projects', 0, 'departmentId'], 7)).errors)).toEqual([
      { segments: ['projects', 0, 'departmentId'], code: 'invalid_type' },
    ]);
    expect(where(check(fullWith(['meetings', 0, 'chairId'], ['L2'])).errors)).toEqual([
      { segments: ['meetings', 0, 'chairId'], code: 'invalid_type' },
    ]);
    expect(where(check(fullWith(['projects', 0, 'departmentId'], '')).errors)).toEqual([
      { segments: ['projects', 0, 'departmentId'], code: 'out_of_range' },
    ]);
  });
});

describe('uniqueness', () => {
  // Each list gets a copy of one of its records appended: the copy's id is the duplicate.
  it.each<readonly [string, readonly Seg[], number, string]>([
    ['leader', ['leaders'], 1, 'L2'],
    ['department', ['departments'], 0, 'D1'],
    ['project', ['projects'], 1, 'P2'],
    ['milestone', ['projects', 0, 'milestones'], 0, 's'],
    ['directive', ['projects', 0, 'directives'], 0, 'DIR1'],
  ])('reports a duplicate %s id on the later record', (_, listPath, copied, id) => {
    const d = full();
    const list = listAt(d, listPath);
    list.push(structuredClone(list[copied]));
    const { errors, warnings } = check(d);
    expect(where(errors)).toEqual([{ segments: [...listPath, list.length - 1, 'id'], code: 'duplicate_id' }]);
    expectNames(errors[0], id);
    expect(warnings).toEqual([]);
  });

  it('does not take records without an id for duplicates', () => {
    const d = full();
    d.leaders.push({ name: 'a', role: 'cityLeader' }, { name: 'b', role: 'cityLeader' }, { id: 5, name: 'c', role: 'cityLeader' });
    expect(where(check(d).errors)).toEqual([
      { segments: ['leaders', 2, 'id'], code: 'missing_key' },
      { segments: ['leaders', 3, 'id'], code: 'missing_key' },
      { segments: ['leaders', 4, 'id'], code: 'invalid_type' },
    ]);
  });

  it.each<readonly [string, readonly Seg[], Record<string, unknown>, string, readonly string[]]>([
    ['ledger month', ['projects', 0, 'ledger', 'months'], { month: '2025-01', investment: '0' }, 'duplicate_month', ['2025-01']],
    ['report month', ['projects', 0, 'reports'], report(2, '5'), 'duplicate_month', ['2025-02']],
    [
      'notification quarter',
      ['notifications'],
      { quarter: '2025Q1', issuedOn: '2025-04-11', bottom: [] },
      'duplicate_notification',
      ['2025Q1'],
    ],
    [
      'override of a project and month',
      ['overrides'],
      { projectId: 'P1', month: '2025-03', colour: 'yellow', reason: 'r', by: 'b' },
      'duplicate_override',
      ['P1', '2025-03'],
    ],
  ])('reports a duplicate %s on the later record', (_, listPath, extra, code, named) => {
    const d = full();
    const list = listAt(d, listPath);
    list.push(extra);
    const field = code === 'duplicate_notification' ? 'quarter' : 'month';
    const { errors, warnings } = check(d);
    expect(where(errors)).toEqual([{ segments: [...listPath, list.length - 1, field], code }]);
    expectNames(errors[0], ...named);
    expect(warnings).toEqual([]);
  });

  it('takes an override for another month or another project as distinct', () => {
    const d = full();
    d['overrides'] = [
      { projectId: 'P1', month: '2025-03', colour: 'red', reason: 'r', by: 'b' },
      { projectId: 'P1', month: '2025-04', colour: 'red', reason: 'r', by: 'b' },
      { projectId: 'P2', month: '2025-03', colour: 'red', reason: 'r', by: 'b' },
    ];
    expect(check(d)).toEqual({ errors: [], warnings: [] });
  });

  it('does not compare months, quarters or project ids that are invalid', () => {
    const d = full();
    const months = listAt(d, ['projects', 0, 'ledger', 'months']);
    months.push({ month: '2025-13', investment: '0' }, { month: '2025-13', investment: '0' });
    d['notifications'] = [
      { quarter: '2025Q5', issuedOn: '2025-04-10', bottom: [] },
      { quarter: '2025Q5', issuedOn: '2025-04-10', bottom: [] },
    ];
    d['overrides'] = [
      { projectId: 'P1', month: '2025-13', colour: 'red', reason: 'r', by: 'b' },
      { projectId: 'P1', month: '2025-13', colour: 'red', reason: 'r', by: 'b' },
      { projectId: '', month: '2025-03', colour: 'red', reason: 'r', by: 'b' },
      { projectId: '', month: '2025-03', colour: 'red', reason: 'r', by: 'b' },
      { month: '2025-04', colour: 'red', reason: 'r', by: 'b' },
      { month: '2025-04', colour: 'red', reason: 'r', by: 'b' },
    ];
    expect(where(check(d).errors)).toEqual([
      { segments: ['notifications', 0, 'quarter'], code: 'invalid_quarter' },
      { segments: ['notifications', 1, 'quarter'], code: 'invalid_quarter' },
      { segments: ['overrides', 0, 'month'], code: 'invalid_month' },
      { segments: ['overrides', 1, 'month'], code: 'invalid_month' },
      { segments: ['overrides', 2, 'projectId'], code: 'out_of_range' },
      { segments: ['overrides', 3, 'projectId'], code: 'out_of_range' },
      { segments: ['overrides', 4, 'projectId'], code: 'missing_key' },
      { segments: ['overrides', 5, 'projectId'], code: 'missing_key' },
      { segments: ['projects', 0, 'ledger', 'months', 12, 'month'], code: 'invalid_month' },
      { segments: ['projects', 0, 'ledger', 'months', 13, 'month'], code: 'invalid_month' },
    ]);
  });

  it('reports every mayor after the first', () => {
    const d = full();
    d.leaders.push({ id: 'L3', name: 'c', role: 'mayor' }, { id: 'L4', name: 'd', role: 'mayor' });
    const { errors } = check(d);
    expect(where(errors)).toEqual([
      { segments: ['leaders', 2, 'role'], code: 'multiple_mayors' },
      { segments: ['leaders', 3, 'role'], code: 'multiple_mayors' },
    ]);
    expectNames(errors[0]);
  });
});

describe('the document year', () => {
  it.each<readonly [string, readonly Seg[], string]>([
    ['ledger month', ['projects', 0, 'ledger', 'months', 0, 'month'], '2024-01'],
    ['report month', ['projects', 0, 'reports', 1, 'month'], '2026-02'],
    ['notification quarter', ['notifications', 0, 'quarter'], '2024Q4'],
    ['override month', ['overrides', 0, 'month'], '2026-01'],
  ])('reports a %s outside the year', (_, path, value) => {
    const { errors } = check(fullWith(path, value));
    expect(where(errors)).toEqual([{ segments: path, code: 'outside_year' }]);
    expectNames(errors[0], value, '2025');
  });

  it.each<readonly [string, unknown]>([
    ['a fraction', 2025.5],
    ['a string', '2025'],
    ['missing', undefined],
  ])('checks no month against a year that is %s', (_, year) => {
    const d = fullWith(['overrides', 0, 'month'], '2024-01');
    if (year === undefined) Reflect.deleteProperty(d, 'year');
    else setAt(d, ['year'], year);
    expect(where(check(d).errors)).toEqual([{ segments: ['year'], code: year === undefined ? 'missing_key' : 'invalid_type' }]);
  });
});

describe('project codes', () => {
  it('warns about a code not in the national format, naming it', () => {
    const { errors, warnings } = check(fullWith(['projects', 0, 'code'], 'HD-0224'));
    expect(errors).toEqual([]);
    expect(where(warnings)).toEqual([{ segments: ['projects', 0, 'code'], code: 'invalid_project_code' }]);
    expectNames(warnings[0], 'HD-0224');
  });

  it('recognises only strings as codes', () => {
    const code = '2411-130402-89-01-637015';
    expect(isProjectCode(code)).toBe(true);
    expect(isProjectCode([code])).toBe(false);
    expect(isProjectCode({ toString: () => code })).toBe(false);
    expect(isProjectCode(241113040289)).toBe(false);
  });
});

describe('reports without a submission date', () => {
  it('warns, naming the month', () => {
    const d = full();
    const r = listAt(d, ['projects', 0, 'reports'])[1];
    Reflect.deleteProperty(r as object, 'submittedOn');
    const { errors, warnings } = check(d);
    expect(errors).toEqual([]);
    expect(where(warnings)).toEqual([{ segments: ['projects', 0, 'reports', 1, 'submittedOn'], code: 'report_without_date' }]);
    expectNames(warnings[0], '2025-02');
  });

  it('does not warn about a report whose month is invalid', () => {
    const d = fullWith(['projects', 0, 'reports', 1], { month: '2025-14', investment: '1' });
    const { errors, warnings } = check(d);
    expect(where(errors)).toEqual([{ segments: ['projects', 0, 'reports', 1, 'month'], code: 'invalid_month' }]);
    expect(warnings).toEqual([]);
  });
});

describe('ledger sums', () => {
  const path = ['projects', 0, 'ledger', 'months'];

  it('warns when the months do not add up to the annual plan, naming both amounts', () => {
    const { errors, warnings } = check(fullWith(['projects', 0, 'annualPlan'], '1300.50'));
    expect(errors).toEqual([]);
    expect(where(warnings)).toEqual([{ segments: path, code: 'ledger_sum_mismatch' }]);
    expectNames(warnings[0], '1200', '1300.5');
  });

  it('makes the mismatch an error when the policy requires an exact sum', () => {
    const { errors, warnings } = check(fullWith(['projects', 0, 'annualPlan'], '1300.50'), true);
    expect(warnings).toEqual([]);
    expect(where(errors)).toEqual([{ segments: path, code: 'ledger_sum_mismatch' }]);
    expectNames(errors[0], '1200', '1300.5');
    expect(check(full(), true)).toEqual({ errors: [], warnings: [] });
  });

  it('does not add up a ledger with an invalid plan or month amount', () => {
    expect(check(fullWith(['projects', 0, 'annualPlan'], 'abc'))).toMatchObject({
      errors: [{ path: '$.projects[0].annualPlan', code: 'amount_grammar' }],
      warnings: [],
    });
    const d = fullWith(['projects', 0, 'ledger', 'months', 0, 'investment'], 'x');
    expect(check(d)).toMatchObject({
      errors: [{ path: '$.projects[0].ledger.months[0].investment', code: 'amount_grammar' }],
      warnings: [],
    });
    expect(check(d).errors).toHaveLength(1);
  });
});

describe('unknown keys', () => {
  // Inside required and optional records alike, at every depth.
  it.each<readonly [readonly Seg[]]>([
    [[]],
    [['leaders', 0]],
    [['departments', 1]],
    [['projects', 0]],
    [['projects', 0, 'responsible']],
    [['projects', 0, 'ledger']],
    [['projects', 0, 'ledger', 'months', 3]],
    [['projects', 0, 'milestones', 1]],
    [['projects', 0, 'reports', 0]],
    [['projects', 0, 'changes', 2]],
    [['projects', 0, 'directives', 0]],
    [['projects', 0, 'directives', 0, 'measures', 0]],
    [['projects', 0, 'directives', 0, 'progress', 0]],
    [['projects', 0, 'stalls', 2]],
    [['projects', 0, 'incidents', 1]],
    [['meetings', 0]],
    [['escalations', 0]],
    [['bureauReviews', 1]],
    [['bureauReviews', 0, 'warnings', 0]],
    [['notifications', 0]],
    [['interviewRequests', 0]],
    [['overrides', 0]],
  ])('warns about an unknown key at %j and keeps it', (base) => {
    const d = full();
    setAt(d, [...base, 'remark'], { note: '备注' });
    const r = safeParsePortfolio(d);
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(where(r.warnings)).toEqual([{ segments: [...base, 'remark'], code: 'unknown_key' }]);
    expectNames(r.warnings[0], 'remark');
    expect(at(r.data, [...base, 'remark'])).toEqual({ note: '备注' });
  });

  it('warns about an unknown "__proto__" key and drops it (D28)', () => {
    const text = JSON.stringify(full())
      .replace('{', '{"__proto__":{"polluted":true},')
      .replace('"responsible":{', '"responsible":{"__proto__":{"polluted":true},"remark":1,');
    const r = safeParsePortfolio(JSON.parse(text));
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(r.warnings.map((w) => [w.path, w.code])).toEqual([
      ['$.__proto__', 'unknown_key'],
      ['$.projects[0].responsible.__proto__', 'unknown_key'],
      ['$.projects[0].responsible.remark', 'unknown_key'],
    ]);
    const [top, nested, kept] = r.warnings;
    expectNames(top, '__proto__');
    expectNames(nested, '__proto__');
    // Dropped, not kept: the message is not the one of a kept key.
    expect(nested?.message.en).not.toBe(kept?.message.en.replace('remark', '__proto__'));
    expect(nested?.message.zh).not.toBe(kept?.message.zh.replace('remark', '__proto__'));
    const responsible = r.data.projects[0]?.responsible;
    for (const o of [r.data, responsible]) {
      expect(Object.prototype.hasOwnProperty.call(o, '__proto__')).toBe(false);
      expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
    }
    expect(at(r.data, ['projects', 0, 'responsible', 'remark'])).toBe(1);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it.each<readonly [string, readonly Seg[], unknown]>([
    ['a string for a record', ['projects', 0, 'responsible'], 'abc'],
    ['a string for a list', ['leaders'], 'L1'],
    ['null for a list element', ['leaders', 0], null],
    ['null for achievements', ['projects', 0, 'reports', 0, 'achieved'], null],
    ['a string for achievements', ['projects', 0, 'reports', 0, 'achieved'], 'abc'],
  ])('reports only the type error for %s', (_, path, value) => {
    const { errors, warnings } = check(fullWith(path, value));
    expect(warnings).toEqual([]);
    expect(where(errors).filter((i) => i.code !== 'unknown_reference')).toEqual([{ segments: path, code: 'invalid_type' }]);
  });
});

describe('unknownKeys', () => {
  const inner = z.looseObject({ a: z.string() });
  const schema = z.looseObject({
    n: inner.nullable(),
    d: inner.default({ a: '' }),
    r: inner.readonly(),
    p: inner.transform((x) => x),
    rec: z.record(z.string(), inner),
  });

  it('walks nullable, default, readonly, piped and record schemas', () => {
    const x = { a: '', x: 1 };
    const found = unknownKeys(schema, { n: x, d: x, r: x, p: x, rec: { k: x, l: { a: '' } } });
    expect(found.map((i) => [i.segments, i.code])).toEqual([
      [['n', 'x'], 'unknown_key'],
      [['d', 'x'], 'unknown_key'],
      [['r', 'x'], 'unknown_key'],
      [['p', 'x'], 'unknown_key'],
      [['rec', 'k', 'x'], 'unknown_key'],
    ]);
    expect(unknownKeys(schema, { n: null, d: undefined, r: 1, p: 'p', rec: null })).toEqual([]);
  });
});

describe('achievements dated under __proto__', () => {
  const withProto = (date: string): RawDoc => {
    const d = full();
    setAt(d, ['projects', 0, 'milestones', 2], { id: '__proto__', kind: 'physical', name: '主体', due: '2025-06-30' });
    setAt(d, ['projects', 0, 'reports', 0, 'achieved'], JSON.parse(`{"__proto__":"${date}","s":"2025-01-20"}`));
    return d;
  };

  it('keeps the date as an own, ordinary property', () => {
    const d = withProto('2025-01-25');
    expect(check(d)).toEqual({ errors: [], warnings: [] });
    const p = parsePortfolio(d);
    const project = p.projects[0];
    const achieved = project?.reports[0]?.achieved;
    expect(Object.getOwnPropertyDescriptor(achieved, '__proto__')).toEqual({
      value: '2025-01-25',
      enumerable: true,
      writable: true,
      configurable: true,
    });
    expect(Object.getPrototypeOf(achieved)).toBe(Object.prototype);
    expect(Object.keys(achieved ?? {}).sort()).toEqual(['__proto__', 's']);
    // Other reports get no such key, whether or not they have achievements.
    expect(project?.reports[1]?.achieved).toBeUndefined();
    expect(Object.keys(p.projects[0]?.reports[0] ?? {})).toContain('achieved');
    const milestone = project?.milestones[2];
    if (project === undefined || milestone === undefined) throw new Error('missing');
    expect(achievementDate(project, milestone)).toBe('2025-01-25');
    const again = parsePortfolio(JSON.parse(serializePortfolio(p)));
    expect(Object.getOwnPropertyDescriptor(again.projects[0]?.reports[0]?.achieved, '__proto__')?.value).toBe('2025-01-25');
    expect(serializePortfolio(p)).toContain('"__proto__":"2025-01-25"');
  });

  it('does not add the key to achievements that lack it', () => {
    const d = full();
    setAt(d, ['projects', 0, 'reports', 1, 'achieved'], { c: '2025-02-10' });
    const p = parsePortfolio(d);
    for (const r of p.projects[0]?.reports ?? []) {
      expect(Object.prototype.hasOwnProperty.call(r.achieved, '__proto__')).toBe(false);
    }
    expect(Object.keys(p.projects[0]?.reports[1]?.achieved ?? {})).toEqual(['c']);
  });

  it('checks the date', () => {
    const { errors, warnings } = check(withProto('2025-02-30'));
    expect(warnings).toEqual([]);
    expect(errors.map((i) => [i.path, i.code])).toEqual([['$.projects[0].reports[0].achieved.__proto__', 'invalid_date']]);
    expectNames(errors[0]);
  });
});

describe('achievementDate', () => {
  // Parsed inside each test, so that mutation testing sees which tests cover the parser.
  const parsed = (): Portfolio =>
    parsePortfolio(
      doc([
        project(
          'P1',
          [
            report(1, '1', { achieved: { m: '2025-03-05' } }),
            report(2, '1', { achieved: { other: '2025-02-01' } }),
            report(3, '1', { achieved: { m: '2025-03-20' } }),
            report(4, '1'),
          ],
          {
            milestones: [
              { id: 'm', kind: 'start', name: 'a', due: '2025-03-31', achievedOn: '2025-03-10' },
              { id: 'other', kind: 'procedure', name: 'b', due: '2025-03-31' },
              { id: 'n', kind: 'completion', name: 'c', due: '2025-12-31' },
              { id: 'constructor', kind: 'physical', name: 'd', due: '2025-12-31' },
            ],
          },
        ),
      ]),
    );
  const date = (id: string): string | undefined => {
    const project0 = parsed().projects[0];
    if (project0 === undefined) throw new Error('missing project');
    const m = project0.milestones.find((x) => x.id === id);
    if (m === undefined) throw new Error(`missing milestone ${id}`);
    return achievementDate(project0, m);
  };

  it('is the earliest of achievedOn and every report, whatever the order', () => {
    expect(date('m')).toBe('2025-03-05');
  });

  it('ignores reports that do not mention the milestone', () => {
    expect(date('other')).toBe('2025-02-01');
    expect(date('n')).toBeUndefined();
    expect(date('constructor')).toBeUndefined();
  });
});

describe('every problem at once', () => {
  it('reports all errors and all warnings of a document together', () => {
    const d = full();
    setAt(d, ['projects', 0, 'departmentId'], 'D9');
    setAt(d, ['projects', 0, 'annualPlan'], '1000');
    setAt(d, ['projects', 0, 'code'], 'bad-code');
    setAt(d, ['projects', 0, 'ledger', 'months', 11, 'month'], '2026-12');
    setAt(d, ['projects', 0, 'reports', 1], { month: '2025-01', investment: '1' });
    setAt(d, ['projects', 0, 'milestones', 1, 'due'], '2025-02-30');
    setAt(d, ['meetings', 0, 'projectIds', 0], 'PX');
    setAt(d, ['interviewRequests', 0, 'byLeaderId'], 'LX');
    setAt(d, ['escalations', 0, 'toLeaderId'], 'LY');
    setAt(d, ['bureauReviews', 0, 'warnings', 0, 'projectId'], 'PY');
    d.leaders.push({ id: 'L1', name: 'x', role: 'principal' });
    d['extra'] = true;
    const { errors, warnings } = check(d);
    expect(errors.map((i) => `${i.path} ${i.code}`)).toEqual([
      '$.bureauReviews[0].warnings[0].projectId unknown_reference',
      '$.escalations[0].toLeaderId unknown_reference',
      '$.interviewRequests[0].byLeaderId unknown_reference',
      '$.leaders[2].id duplicate_id',
      '$.meetings[0].projectIds[0] unknown_reference',
      '$.projects[0].departmentId unknown_reference',
      '$.projects[0].ledger.months[11].month outside_year',
      '$.projects[0].milestones[1].due invalid_date',
      '$.projects[0].reports[1].month duplicate_month',
    ]);
    expect(warnings.map((i) => `${i.path} ${i.code}`)).toEqual([
      '$.extra unknown_key',
      '$.projects[0].code invalid_project_code',
      '$.projects[0].ledger.months ledger_sum_mismatch',
      '$.projects[0].reports[1].submittedOn report_without_date',
    ]);
  });
});
