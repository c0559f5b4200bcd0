// Hand-built hostile documents: deep nesting, prototype keys, extreme numbers, impossible dates, lone
// surrogates, byte-order marks and duplicate keys. Each goes through the library and through
// `sansansan validate` (see _harness.ts for what every case must satisfy).
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluate, safeParsePortfolio, serializePortfolio } from '../../src/index.js';
import { AS_OF, caseCount, checkEvaluateCli, checkText, checkValue, expectNoPollution } from './_harness.js';
import {
  deepArrayText,
  deepObjectText,
  pathsOf,
  PROTO_TEXTS,
  smallDocument,
  textWith as textAt,
  textWithMembers,
  valueAt,
  type Path,
} from './_values.js';

afterAll(() => {
  console.log(`hostile documents: ${caseCount()} cases`);
});

const DOC = smallDocument();
/** The JSON text of `DOC` (or `doc`) with the raw JSON `raw` at `path`. */
function textWith(path: Path, raw: string, doc: unknown = DOC): string {
  return textAt(doc, path, raw);
}

const paths = pathsOf(DOC);
const isString = (p: Path): boolean => typeof valueAt(DOC, p) === 'string';
const last = (p: Path): string | number | undefined => p[p.length - 1];
const objectPaths = paths.filter((p) => {
  const v = valueAt(DOC, p);
  return typeof v === 'object' && v !== null && !Array.isArray(v);
});
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;
const datePaths = paths.filter((p) => isString(p) && DATE.test(valueAt(DOC, p) as string));
const monthPaths = paths.filter((p) => isString(p) && MONTH.test(valueAt(DOC, p) as string));
const amountPaths = paths.filter((p) => ['annualPlan', 'totalInvestment', 'investment'].includes(String(last(p))));
const namePaths = paths.filter((p) => isString(p) && /(?:^id|Id|^name)$/.test(String(last(p))));

describe('deeply nested JSON (10 000 levels)', () => {
  const deep = [deepArrayText(10_000), deepObjectText(10_000), deepArrayText(10_000, '"2025-01-01"')];
  it.each(['array', 'object', 'array around a date'].map((k, i) => [k, deep[i] as string]))(
    'answers with issues for a whole document that is a deep %s',
    (_kind, text) => {
      expect(checkText(text).code).toBe(1);
    },
  );

  const places: readonly (readonly [string, Path])[] = [
    ['an unknown top-level key', ['zz']],
    ['an unknown key of a project', ['projects', 0, 'zz']],
    ['an unknown key of a ledger month', ['projects', 0, 'ledger', 'months', 0, 'zz']],
    ["a project's name", ['projects', 0, 'name']],
    ["a project's id", ['projects', 0, 'id']],
    ["a project's annual plan", ['projects', 0, 'annualPlan']],
    ["a milestone's due date", ['projects', 0, 'milestones', 0, 'due']],
    ["a report's achievements", ['projects', 0, 'reports', 0, 'achieved']],
    ['the projects', ['projects']],
    ['the year', ['year']],
    ['the format', ['format']],
  ];
  it.each(places)('answers for a deep value as %s', (_where, path) => {
    for (const raw of deep) checkText(textWith(path, raw));
  });

  it('keeps a deep value under an unknown key and still evaluates', () => {
    const r = safeParsePortfolio(JSON.parse(textWith(['zz'], deepObjectText(10_000))));
    expect(r.success).toBe(true);
    if (!r.success) return expect.fail('a deep value under an unknown key is valid');
    expect(r.warnings.map((w) => w.code)).toContain('unknown_key');
    expect(() => evaluate(r.data, { asOf: AS_OF })).not.toThrow();
    const text = serializePortfolio(r.data);
    expect(text.length).toBeGreaterThan(60_000);
    const again = safeParsePortfolio(JSON.parse(text));
    expect(again.success && serializePortfolio(again.data)).toBe(text);
  });
});

describe('deep values under unknown keys of the sample portfolio', () => {
  it('evaluates with one in every object, the evaluation serialises and carries none of them', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i += 1) deep = { a: deep };
    const sample = JSON.parse(readFileSync(new URL('../../examples/data/handan-sample-2025.json', import.meta.url), 'utf8')) as {
      projects: { changes?: Record<string, unknown>[] }[];
    };
    // Two changes alike in every known field, so ordering them has to look past the known fields.
    const withChanges = sample.projects.find((p) => (p.changes ?? []).length > 0);
    const change = withChanges?.changes?.[0];
    if (withChanges === undefined || change === undefined) return expect.fail('the sample has changes');
    withChanges.changes = [...(withChanges.changes ?? []), { ...change }];
    let objects = 0;
    // Every object but a report's `achieved` record, whose keys are milestone ids.
    const visit = (v: unknown, key: string): void => {
      if (Array.isArray(v)) {
        for (const x of v) visit(x, key);
      } else if (typeof v === 'object' && v !== null && key !== 'achieved') {
        for (const [k, x] of Object.entries(v)) visit(x, k);
        (v as Record<string, unknown>)['zz'] = deep;
        objects += 1;
      }
    };
    visit(sample, '');
    const r = checkValue(sample);
    if (!r.success) return expect.fail(r.error.issues.map((i) => `${i.path} ${i.code}`).join('; '));
    expect(r.warnings.filter((w) => w.code === 'unknown_key').length).toBeGreaterThan(objects / 2);
    const text = JSON.stringify(evaluate(r.data, { asOf: AS_OF }));
    expect(text).not.toContain('"zz"');
  });
});

describe('__proto__, constructor and prototype keys', () => {
  const members = [
    '"__proto__":{"polluted":"yes"}',
    '"constructor":{"prototype":{"polluted":"yes"}}',
    '"prototype":{"polluted":"yes"}',
    '"__proto__":{"id":"P-evil","annualPlan":"1","polluted":"yes"}',
    '"__proto__":null',
  ];

  it.each(members)('never pollutes with %s in any one object of the document', (member) => {
    for (const p of objectPaths) checkText(textWithMembers(DOC, member, p));
  });

  it.each(members)('never pollutes with %s in every object at once', (member) => {
    const text = textWithMembers(DOC, member);
    expect(text).toContain(member);
    checkText(text);
  });

  it('reads an own __proto__ key as an unknown key and keeps it out of the data', () => {
    const r = safeParsePortfolio(JSON.parse(textWithMembers(DOC, members[0] as string)));
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(r.warnings.filter((w) => w.code === 'unknown_key').length).toBe(objectPaths.length);
    const data = r.data as unknown as Record<string, unknown>;
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(data['polluted']).toBeUndefined();
    expectNoPollution();
  });

  it.each(PROTO_TEXTS)('answers for %s in place of any value', (raw) => {
    for (const p of paths) checkText(textWith(p, raw));
  });

  it.each(['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'])(
    'accepts %s as the id of every leader, department, project and milestone',
    (name) => {
      let text = JSON.stringify(DOC);
      const ids = paths.filter((p) => last(p) === 'id').map((p) => valueAt(DOC, p) as string);
      ids.forEach((id, i) => {
        text = text.split(JSON.stringify(id)).join(JSON.stringify(`${name}${i === 0 ? '' : String(i)}`));
      });
      checkText(text);
      expect(checkEvaluateCli(text)).toBe(0);
      expect(checkEvaluateCli(text, '9999-12-31')).toBe(0);
    },
  );

  it.each(['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__'])(
    'never reads the achievement of milestone %s from Object.prototype',
    (name) => {
      const doc = structuredClone(DOC);
      const project = doc.projects[0];
      if (project === undefined) return expect.fail('no project');
      const milestone = { id: name, kind: 'physical' as const, name: '主体封顶', due: '2025-06-30' };
      const report = { month: '2025-01', submittedOn: '2025-02-03', investment: '0', achieved: {} };
      const withMilestone = { ...project, milestones: [...project.milestones, milestone], reports: [...project.reports, report] };
      const r = checkValue({ ...doc, projects: [withMilestone, ...doc.projects.slice(1)] });
      if (!r.success) return expect.fail(r.error.issues.map((i) => `${i.path} ${i.code}`).join('; '));
      const e = evaluate(r.data, { asOf: AS_OF });
      const m = e.projects[0]?.milestones.find((x) => x.id === name);
      expect(m?.achievedOn).toBeNull();
      expect(m?.state).toBe('overdue');
    },
  );

  it.each(['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__'])(
    'keeps the achievement of milestone %s, round-trips it and refuses an invalid date for it',
    (name) => {
      const doc = structuredClone(DOC);
      const project = doc.projects[0];
      if (project === undefined) return expect.fail('no project');
      const milestone = { id: name, kind: 'physical' as const, name: '主体封顶', due: '2025-06-30' };
      const achieved = (date: string): unknown => JSON.parse(`{${JSON.stringify(name)}:${JSON.stringify(date)}}`);
      const withDate = (date: string): unknown => ({
        ...doc,
        projects: [
          {
            ...project,
            milestones: [...project.milestones, milestone],
            reports: [...project.reports, { month: '2025-01', submittedOn: '2025-02-03', investment: '0', achieved: achieved(date) }],
          },
          ...doc.projects.slice(1),
        ],
      });
      const r = checkValue(withDate('2025-05-20'));
      if (!r.success) return expect.fail(r.error.issues.map((i) => `${i.path} ${i.code}`).join('; '));
      const m = evaluate(r.data, { asOf: AS_OF }).projects[0]?.milestones.find((x) => x.id === name);
      expect(m?.achievedOn).toBe('2025-05-20');
      expect(m?.state).toBe('met');
      const again = safeParsePortfolio(JSON.parse(serializePortfolio(r.data)));
      expect(again.success && again.data).toEqual(r.data);
      const bad = checkValue(withDate('2025-02-30'));
      expect(bad.success ? [] : bad.error.issues.map((i) => [i.path, i.code])).toEqual([
        [`$.projects[0].reports[${String(project.reports.length)}].achieved.${name}`, 'invalid_date'],
      ]);
    },
  );

  it('answers for prototype keys in a report achievement record', () => {
    for (const key of ['__proto__', 'constructor', 'prototype', 'toString']) {
      checkText(textWith(['projects', 0, 'reports', 0, 'achieved'], `{${JSON.stringify(key)}:"2025-01-01"}`));
    }
  });
});

describe('extreme numbers', () => {
  const numbers = [
    '1e308',
    '-0',
    '1e-400',
    '-1e-400',
    '1e21',
    '1e400',
    '1.7976931348623157e308',
    '5e-324',
    '1234567890123456789012345678901234567890',
    '"1234567890123456789012345678901234567890"',
    '"0.1234567890123456789012345678901234567890"',
    '999999999999999999',
    '"999999999999999999.9999999999"',
    '"-0"',
    '"-0.0"',
    '0.1',
  ];
  it.each(numbers)('answers for %s as every amount and as the year', (raw) => {
    for (const p of [...amountPaths, ['year'] as Path]) checkText(textWith(p, raw));
  });

  it.each([
    '1e308',
    '1e21',
    '1.7976931348623157e308',
    '1234567890123456789012345678901234567890',
    '"1234567890123456789012345678901234567890"',
  ])('reports %s as an annual plan out of range', (raw) => {
    const r = checkValue(JSON.parse(textWith(['projects', 0, 'annualPlan'], raw)));
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues.map((i) => i.code)).toContain('amount_out_of_range');
  });

  it.each(['-0', '1e-400'])('reads %s as an amount of zero', (raw) => {
    const doc = structuredClone(DOC);
    const project = doc.projects[0];
    if (project === undefined) return expect.fail('no project');
    const months = project.ledger.months.map((m) => ({ ...m, investment: '0' }));
    const text = textWith(['projects', 0, 'annualPlan'], raw, {
      ...doc,
      projects: [{ ...project, ledger: { ...project.ledger, months } }],
    });
    const r = checkValue(JSON.parse(text));
    if (!r.success) return expect.fail(r.error.issues.map((i) => `${i.path} ${i.code}`).join('; '));
    expect(r.data.projects[0]?.annualPlan).toBe('0');
  });

  it.each(['1e308', '-0', '1e21', '1.7976931348623157e308', '0', '999', '9999', '1000.5', '"2025"'])(
    'reports the year %s out of range or of the wrong type',
    (raw) => {
      const r = checkValue(JSON.parse(textWith(['year'], raw)));
      expect(r.success).toBe(false);
    },
  );
});

describe('impossible and extreme dates', () => {
  const dates = [
    '2025-02-29',
    '0000-01-01',
    '2025-1-5',
    '2025-13-01',
    '9999-12-31',
    '0001-01-01',
    '2024-02-29',
    '2025-04-31',
    '2025-10-15T00:00:00Z',
    ' 2025-10-15',
  ];
  it.each(dates)('answers for %s as every date of the document', (date) => {
    for (const p of datePaths) checkText(textWith(p, JSON.stringify(date)));
  });

  it.each(['2025-02-29', '0000-01-01', '2025-1-5', '2025-13-01'])('reports %s as an invalid date', (date) => {
    const r = checkValue(JSON.parse(textWith(datePaths[0] ?? [], JSON.stringify(date))));
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues.map((i) => i.code)).toContain('invalid_date');
  });

  it.each(['2025-00', '2025-13', '0000-01', '9999-12', '2025-1', '2025-001'])('answers for %s as every month of the document', (month) => {
    for (const p of monthPaths) checkText(textWith(p, JSON.stringify(month)));
  });

  it.each(['2025Q0', '2025Q5', '0000Q1', '9999Q4', '2025q1'])('answers for the quarter %s', (quarter) => {
    const doc = { ...DOC, notifications: [{ quarter, issuedOn: '2025-04-03', bottom: [DOC.departments[0]?.id ?? 'D'] }] };
    checkText(JSON.stringify(doc));
  });
});

describe('the last and first days the model holds', () => {
  it.each(['9999-12-31', '9999-12-30', '9999-12-01', '0001-01-01'])('evaluates at %s with every date of the document near it', (asOf) => {
    for (const p of datePaths) {
      for (const date of ['9999-12-31', '9999-12-30', '9999-12-02', '0001-01-01']) {
        const r = checkValue(JSON.parse(textWith(p, JSON.stringify(date))));
        if (r.success) expect(() => evaluate(r.data, { asOf })).not.toThrow();
      }
    }
    expect(checkEvaluateCli(JSON.stringify(DOC), asOf)).toBe(0);
  });
});

describe('lone surrogates and byte-order marks', () => {
  const values = ['\ud800', '\udc00', 'P-\ud800', '\udfff\ud800', '\ufeff', '\ufeffP-1', 'P-1\ufeff', '\u0000', '\u2028'];
  it.each(values.map((v) => [JSON.stringify(v), v]))('answers for %s as every id and name', (_shown, value) => {
    for (const p of namePaths) checkText(textWith(p, JSON.stringify(value)));
  });

  it.each(values.map((v) => [JSON.stringify(v), v]))('accepts %s in every id when every reference follows', (_shown, value) => {
    let text = JSON.stringify(DOC);
    const ids = paths.filter((p) => last(p) === 'id').map((p) => valueAt(DOC, p) as string);
    ids.forEach((id, i) => {
      text = text.split(JSON.stringify(id)).join(JSON.stringify(`${value}${String(i)}`));
    });
    checkText(text);
  });

  it('answers for raw lone surrogate code units in the text', () => {
    const text = JSON.stringify(DOC).replace(`"name":"`, '"name":"\ud800');
    expect(text).toContain('\ud800');
    checkText(text);
  });

  it('reads a document behind one byte-order mark and refuses two', () => {
    expect(checkText(`\ufeff${JSON.stringify(DOC)}`).code).toBe(0);
    expect(checkText(`\ufeff\ufeff${JSON.stringify(DOC)}`).code).toBe(1);
    expect(checkText(JSON.stringify(DOC).replace(',', ',\ufeff')).code).toBe(1);
  });
});

describe('duplicate keys and broken text', () => {
  const text = JSON.stringify(DOC);
  const duplicates = [
    `{"format":"nope",${text.slice(1)}`,
    `${text.slice(0, -1)},"format":"nope"}`,
    `${text.slice(0, -1)},"projects":[1,2,3]}`,
    `${text.slice(0, -1)},"projects":{}}`,
    `${text.slice(0, -1)},"year":"2025","year":2025}`,
    `${text.slice(0, -1)},"__proto__":{},"__proto__":{"polluted":"yes"}}`,
    text.replace('"id":', '"id":"first","id":'),
    text.replace('"annualPlan":', '"annualPlan":"1","annualPlan":'),
  ];
  it.each(duplicates.map((t, i) => [i, t]))('answers for duplicate keys (%i)', (_i, t) => {
    checkText(t);
  });

  const broken = [
    '',
    ' ',
    'null',
    '0',
    '"text"',
    '[]',
    '{',
    '}',
    '\ufeff',
    '{"format":',
    deepArrayText(10_000).slice(0, -1),
    `"${'x'.repeat(1000)}`,
    'NaN',
    "{'a':1}",
    text.slice(0, -1),
  ];
  it.each(broken.map((t) => [t.slice(0, 20), t]))('answers for the broken or non-document text %j', (_head, t) => {
    expect(checkText(t).code).toBe(1);
  });
});
