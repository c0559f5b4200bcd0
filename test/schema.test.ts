// The shipped JSON Schemas agree with the zod schemas, checked with an independent validator (ajv).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeEach, describe, expect, it } from 'vitest';
import { policyJsonSchema, portfolioJsonSchema, PRESETS, safeParsePolicy, safeParsePortfolio } from '../src/index.js';
import { arbPortfolioDocument, type RawPortfolioDocument } from './arbitraries/portfolio.js';

const ROOT = join(import.meta.dirname, '..');
// Compiled in each test (not at load), so that mutation testing sees which tests cover the schema code.
function validators(): { portfolio: ValidateFunction; policy: ValidateFunction } {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats.default(ajv, { mode: 'full', formats: ['date'] });
  return { portfolio: ajv.compile(portfolioJsonSchema()), policy: ajv.compile(policyJsonSchema()) };
}

describe('the shipped schema files', () => {
  it('are the ones the zod schemas generate (npm run schema)', () => {
    expect(JSON.parse(readFileSync(join(ROOT, 'schema/portfolio.json'), 'utf8'))).toEqual(portfolioJsonSchema());
    expect(JSON.parse(readFileSync(join(ROOT, 'schema/policy.json'), 'utf8'))).toEqual(policyJsonSchema());
  });

  it('accept the bundled sample and every preset', () => {
    const { portfolio: validPortfolio, policy: validPolicy } = validators();
    expect(validPortfolio(JSON.parse(readFileSync(join(ROOT, 'examples/data/handan-sample-2025.json'), 'utf8')))).toBe(true);
    for (const p of Object.values(PRESETS)) expect(validPolicy(p)).toBe(true);
  });
});

type Doc = Record<string, unknown> & RawPortfolioDocument;
type Mutation = (d: Doc, pick: number) => boolean;
const at = <T>(xs: readonly T[], pick: number): T | undefined => xs[pick % Math.max(1, xs.length)];
const set = (o: unknown, key: string, value: unknown): boolean => {
  if (o === null || typeof o !== 'object') return false;
  (o as Record<string, unknown>)[key] = value;
  return true;
};
const drop = (o: unknown, key: string): boolean => {
  if (o === null || typeof o !== 'object') return false;
  return Reflect.deleteProperty(o, key);
};

// Reasons JSON Schema can express: required keys, types, enums, formats, the amount grammar.
const MUTATIONS: Readonly<Record<string, Mutation>> = {
  'drop a required root key': (d, k) =>
    drop(d, at(['format', 'year', 'leaders', 'departments', 'projects', 'meetings', 'bureauReviews'], k) ?? 'year'),
  'wrong format tag': (d) => set(d, 'format', 'sansansan/portfolio@2'),
  'fractional year': (d) => set(d, 'year', 2025.5),
  'unknown unit': (d) => set(d, 'unit', '千元'),
  'unknown leader role': (d, k) => set(at(d.leaders, k), 'role', 'king'),
  'number as a name': (d, k) => set(at(d.projects, k), 'name', 42),
  'drop responsible': (d, k) => drop(at(d.projects, k), 'responsible'),
  'amount with an exponent': (d, k) => set(at(d.projects, k), 'annualPlan', '1e5'),
  'amount that is text': (d, k) => set(at(d.projects, k), 'annualPlan', 'abc'),
  'negative annual plan': (d, k) => set(at(d.projects, k), 'annualPlan', -5),
  'boolean amount': (d, k) => set(at(at(d.projects, k)?.reports ?? [], k), 'investment', true),
  'month 13': (d, k) => set(at(at(d.projects, k)?.ledger.months ?? [], k), 'month', '2025-13'),
  'February 30th': (d, k) => set(at(at(d.projects, k)?.reports ?? [], k), 'submittedOn', '2025-02-30'),
  'date without padding': (d, k) => set(at(at(d.projects, k)?.milestones ?? [], k), 'due', '2025-1-5'),
  'unknown milestone kind': (d, k) => set(at(at(d.projects, k)?.milestones ?? [], k), 'kind', 'begin'),
  'string as a boolean': (d, k) => set(at(d.projects, k), 'majorLivelihood', 'yes'),
  'object as a list': (d) => set(d, 'meetings', {}),
  'empty id': (d, k) => set(at(d.departments, k), 'id', ''),
};

describe('properties: JSON Schema and zod agree', () => {
  const arbDoc = arbPortfolioDocument({ withSupervisionRecords: true, numericAmounts: true });
  let compiled: ReturnType<typeof validators> | undefined;
  // Compiled once per test, by its first run.
  beforeEach(() => {
    compiled = undefined;
  });
  const validPortfolio = (d: unknown): boolean => (compiled ??= validators()).portfolio(d);
  const portfolioErrors = (): unknown => compiled?.portfolio.errors;

  test.prop([arbDoc])('every generated valid document passes both', (d) => {
    expect(safeParsePortfolio(d).success).toBe(true);
    expect(validPortfolio(d), JSON.stringify(portfolioErrors())).toBe(true);
  });

  test.prop([arbDoc, fc.constantFrom(...Object.keys(MUTATIONS)), fc.nat()])(
    'every mutation zod rejects for an expressible reason fails both',
    (d, name, pick) => {
      const doc = structuredClone(d) as Doc;
      const mutate = MUTATIONS[name];
      if (!mutate?.(doc, pick)) return; // nothing to mutate in this document (e.g. no reports)
      expect(safeParsePortfolio(doc).success).toBe(false);
      expect(validPortfolio(doc)).toBe(false);
    },
  );

  it('agrees on policies: presets pass, broken ones fail both', () => {
    const validPolicy = validators().policy;
    const broken = [
      { ...PRESETS['handan-2018'], reporting: { dueDay: 40, holidayShift: 'next' } },
      { ...PRESETS['handan-2018'], ranking: { ...PRESETS['handan-2018'].ranking, denominator: 'whatever' } },
      { ...PRESETS['handan-2018'], extra: true },
      { ...PRESETS.sanya, forecast: {} },
    ];
    for (const p of broken) {
      expect(safeParsePolicy(p).success).toBe(false);
      expect(validPolicy(p)).toBe(false);
    }
  });
});
