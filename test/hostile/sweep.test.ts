// Hostile values of every shape at every position of a valid document: the root, each list, each
// record and each scalar. Values JSON can carry also go through `sansansan validate`. (Dates, months,
// quarters and amounts are swept over the positions that hold them in documents.test.ts.)
import { afterAll, describe, expect, it } from 'vitest';
import { caseCount, checkText, checkValue } from './_harness.js';
import { JSON_HOSTILE_TEXTS, NON_JSON_HOSTILE, pathsOf, PROTO_TEXTS, replaceAt, smallDocument, textWith } from './_values.js';

afterAll(() => {
  console.log(`hostile sweep: ${caseCount()} cases`);
});

const HEAVY = { timeout: 120_000 };
const DOC = smallDocument();
const PATHS = pathsOf(DOC);
const SHAPES = new Set([
  'deep array',
  'deep array around a date',
  'deep object',
  ...PROTO_TEXTS,
  '-0',
  '1e308',
  '1e-400 (reads as 0)',
  '1e400 (reads as Infinity)',
  '40-digit number',
  '40 digits',
  '9999-12-31',
  'lone high surrogate',
  'BOM-prefixed id',
  'empty string',
  '"__proto__"',
  '"constructor"',
  '100 kB of digits',
  'null',
  'true',
  'empty array',
  'empty object',
  '1000 nulls',
]);
const SWEPT = [...JSON_HOSTILE_TEXTS].filter(([name]) => SHAPES.has(name));

describe('hostile values of every shape at every position of a document', () => {
  it('sweeps every chosen value', () => {
    expect(SWEPT.length).toBe(SHAPES.size);
  });

  it.each(SWEPT)('answers for %s at every position, in the library and the CLI', HEAVY, (_name, raw) => {
    for (const p of PATHS) checkText(textWith(DOC, p, raw));
  });

  it.each([...NON_JSON_HOSTILE])('answers for %s at every position', HEAVY, (_name, value) => {
    for (const p of PATHS) checkValue(replaceAt(DOC, p, value));
  });
});
