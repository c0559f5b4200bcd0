// The order of issues: by path segment by segment (indexes as numbers), then code, then message, whatever
// order the checks found them in.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareIssues, makeIssue, sortIssues, type IssueCode, type ValidationIssue } from './validation.js';

type Seg = string | number;

const issue = (segments: readonly Seg[], code: IssueCode = 'invalid_value', en = 'x'): ValidationIssue =>
  makeIssue(segments, code, { zh: en, en });

const paths = (issues: readonly ValidationIssue[]): string[] => issues.map((i) => i.path);

describe('sortIssues', () => {
  it('orders indexes as numbers: [1] < [2] < [10]', () => {
    const sorted = sortIssues([issue(['projects', 10]), issue(['projects', 2]), issue(['projects', 1])]);
    expect(paths(sorted)).toEqual(['$.projects[1]', '$.projects[2]', '$.projects[10]']);
  });

  it('orders the deeper keys of an index by the index first: [2].id < [10].code', () => {
    const sorted = sortIssues([issue(['projects', 10, 'code']), issue(['projects', 2, 'id'])]);
    expect(paths(sorted)).toEqual(['$.projects[2].id', '$.projects[10].code']);
  });

  it('puts a path before the paths it is a prefix of: $ < $.a < $.a.b < $.a[0]… in segment order', () => {
    const sorted = sortIssues([issue(['a', 'b']), issue(['a']), issue([]), issue(['b']), issue(['a', 'b', 0])]);
    expect(paths(sorted)).toEqual(['$', '$.a', '$.a.b', '$.a.b[0]', '$.b']);
  });

  it('puts a number segment before a string segment at the same place', () => {
    const sorted = sortIssues([issue(['a', '0']), issue(['a', 'z']), issue(['a', 5])]);
    expect(sorted.map((i) => i.segments)).toEqual([
      ['a', 5],
      ['a', '0'],
      ['a', 'z'],
    ]);
  });

  it('orders string segments by UTF-16 code units, as the path text did', () => {
    const sorted = sortIssues([issue(['b']), issue(['B']), issue(['a b']), issue(['a'])]);
    expect(sorted.map((i) => i.segments)).toEqual([['B'], ['a'], ['a b'], ['b']]);
  });

  it('breaks ties of path by code, then by the English message', () => {
    const sorted = sortIssues([issue(['a'], 'unknown_key', 'b'), issue(['a'], 'unknown_key', 'a'), issue(['a'], 'invalid_type', 'z')]);
    expect(sorted.map((i) => [i.code, i.message.en])).toEqual([
      ['invalid_type', 'z'],
      ['unknown_key', 'a'],
      ['unknown_key', 'b'],
    ]);
  });

  it('does not modify its input', () => {
    const input = [issue(['b']), issue(['a'])];
    sortIssues(input);
    expect(paths(input)).toEqual(['$.b', '$.a']);
  });

  describe('properties', () => {
    const segment: fc.Arbitrary<Seg> = fc.oneof(fc.nat({ max: 20 }), fc.constantFrom('a', 'b', 'projects', 'id', 'a b', '0', '10', ''));
    const codes: readonly IssueCode[] = ['invalid_type', 'missing_key', 'unknown_key', 'invalid_value'];
    const anIssue: fc.Arbitrary<ValidationIssue> = fc
      .tuple(fc.array(segment, { maxLength: 4 }), fc.constantFrom(...codes), fc.constantFrom('a', 'b', 'c'))
      .map(([segments, code, en]) => issue(segments, code, en));
    const issues = fc.array(anIssue, { maxLength: 30 });
    const key = (i: ValidationIssue): string => JSON.stringify([i.segments, i.code, i.message.en]);

    it('is independent of input order', () => {
      fc.assert(
        fc.property(
          issues.chain((list) =>
            fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length })),
          ),
          ([list, shuffled]) => {
            expect(sortIssues(shuffled).map(key)).toEqual(sortIssues(list).map(key));
          },
        ),
      );
    });

    it('is a permutation of its input', () => {
      fc.assert(
        fc.property(issues, (list) => {
          const sorted = sortIssues(list);
          expect(sorted).toHaveLength(list.length);
          expect([...sorted].map(key).sort()).toEqual([...list].map(key).sort());
          for (const i of list) expect(sorted).toContain(i);
        }),
      );
    });

    it('orders every adjacent pair under compareIssues', () => {
      fc.assert(
        fc.property(issues, (list) => {
          const sorted = sortIssues(list);
          for (let k = 1; k < sorted.length; k++)
            expect(compareIssues(sorted[k - 1] as ValidationIssue, sorted[k] as ValidationIssue)).toBeLessThanOrEqual(0);
        }),
      );
    });

    it('compareIssues is antisymmetric and zero only for equal keys', () => {
      fc.assert(
        fc.property(anIssue, anIssue, (a, b) => {
          expect(Math.sign(compareIssues(a, b)) + Math.sign(compareIssues(b, a))).toBe(0);
          expect(compareIssues(a, b) === 0).toBe(key(a) === key(b));
        }),
      );
    });
  });
});
