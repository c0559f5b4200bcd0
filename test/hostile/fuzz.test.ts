// Generated hostile input: arbitrary JSON, arbitrary JavaScript values (null prototypes, Maps, Sets,
// functions, symbols, boxed values, typed arrays, sparse arrays) and valid documents with one
// sub-value replaced by something hostile.
import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import { arbPortfolioDocument } from '../arbitraries/portfolio.js';
import { caseCount, checkText, checkValue, jsonText } from './_harness.js';
import { arbHostileValue, pathsOf, replaceAt } from './_values.js';

afterAll(() => {
  console.log(`hostile generated inputs: ${caseCount()} cases`);
});

const RUNS = { numRuns: 200 };
const HEAVY = { timeout: 120_000 };

const arbOddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(Symbol('hostile')),
  fc.func(fc.anything()),
  fc.bigInt(),
  fc.constant(Object.create(null) as unknown),
  fc.anything().map((v) => new Map([['projects', v]])),
  fc
    .anything()
    .map((v) =>
      Object.assign(Object.create(null) as Record<string, unknown>, { format: 'sansansan/portfolio@1', year: 2025, projects: v }),
    ),
);

/** A document-shaped object whose keys are the document's own, holding arbitrary values. */
const arbDocumentLike: fc.Arbitrary<Record<string, unknown>> = fc.dictionary(
  fc.constantFrom(
    'format',
    'year',
    'unit',
    'leaders',
    'departments',
    'projects',
    'meetings',
    'bureauReviews',
    'notifications',
    'overrides',
    '__proto__',
    'constructor',
  ),
  fc.oneof(arbHostileValue, arbOddValue),
);

describe('arbitrary input', () => {
  it('answers for arbitrary JSON, in the library and the CLI', HEAVY, () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        checkText(JSON.stringify(v));
      }),
      RUNS,
    );
  });

  it('answers for arbitrary JavaScript values passed directly', HEAVY, () => {
    fc.assert(
      fc.property(fc.oneof(arbHostileValue, arbOddValue), (v) => {
        checkValue(v);
      }),
      RUNS,
    );
  });

  it('answers for objects with the document keys holding arbitrary values', HEAVY, () => {
    fc.assert(
      fc.property(arbDocumentLike, (v) => {
        checkValue(v);
        const text = jsonText(v);
        if (text !== undefined) checkText(text);
      }),
      RUNS,
    );
  });
});

describe('valid documents with one hostile sub-value', () => {
  const arbMutation = arbPortfolioDocument({ withSupervisionRecords: true, maxProjects: 3 }).chain((doc) => {
    const paths = pathsOf(doc);
    return fc.tuple(fc.constant(doc), fc.constantFrom(...paths), fc.oneof(arbHostileValue, arbOddValue));
  });

  it('answers when any sub-value is replaced, in the library and the CLI', HEAVY, () => {
    fc.assert(
      fc.property(arbMutation, ([doc, path, value]) => {
        const mutated = replaceAt(doc, path, value);
        checkValue(mutated);
        const text = jsonText(mutated);
        if (text !== undefined) checkText(text);
      }),
      RUNS,
    );
  });

  it('answers when any sub-value is replaced with arbitrary JSON', HEAVY, () => {
    const arb = arbPortfolioDocument({ withSupervisionRecords: true, maxProjects: 3 }).chain((doc) =>
      fc.tuple(fc.constant(doc), fc.constantFrom(...pathsOf(doc)), fc.jsonValue()),
    );
    fc.assert(
      fc.property(arb, ([doc, path, value]) => {
        checkText(JSON.stringify(replaceAt(doc, path, value)));
      }),
      RUNS,
    );
  });
});
