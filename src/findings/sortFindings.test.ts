// sortFindings writes each finding's evidence out once; its order must be compareFindings' order.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { compareFindings, mergeFindings, sortFindings, type Finding } from './index.js';

// Few distinct values, so that subjects, rules and evidence tie often and every key of the order is reached.
const finding: fc.Arbitrary<Finding> = fc.record({
  rule: fc.constantFrom('1.2', '3.1', 'colour.investment'),
  subject: fc.record({ kind: fc.constantFrom('project', 'department'), id: fc.constantFrom('P-1', 'P-2', 'D-1') }),
  severity: fc.constantFrom('info', 'warning'),
  message: fc.record({ zh: fc.constant('说明'), en: fc.constantFrom('a', 'b', 'c') }),
  evidence: fc.oneof(
    fc.record({ month: fc.constantFrom('2025-01', '2025-02') }),
    fc.record({ month: fc.constantFrom('2025-01', '2025-02'), lagPp: fc.constantFrom('1.00', '12.50') }),
  ),
});

describe('sortFindings', () => {
  test.prop([fc.array(finding, { maxLength: 40 })])('gives the order of sort(compareFindings), in a new array', (xs) => {
    const copy = [...xs];
    const sorted = sortFindings(xs);
    expect(sorted).not.toBe(xs);
    expect(xs).toEqual(copy);
    // Same objects in the same places, not merely equal ones.
    const expected = [...xs].sort(compareFindings);
    expect(sorted.length).toBe(expected.length);
    sorted.forEach((f, i) => {
      expect(f).toBe(expected[i]);
    });
  });

  test.prop([fc.array(finding, { maxLength: 30 }), fc.array(finding, { maxLength: 30 })])(
    'merges two lists in order as sorting them together does, ties from the first list first',
    (xs, ys) => {
      const merged = mergeFindings(sortFindings(xs), sortFindings(ys));
      const expected = sortFindings([...xs, ...ys]);
      expect(merged.length).toBe(expected.length);
      merged.forEach((f, i) => {
        expect(f).toBe(expected[i]);
      });
    },
  );

  test.prop([fc.array(finding, { maxLength: 40 }), fc.nat()])('keeps a list already in order as it is, in a new array', (xs, k) => {
    const ordered = [...xs].sort(compareFindings);
    const sorted = sortFindings(ordered);
    expect(sorted).not.toBe(ordered);
    sorted.forEach((f, i) => {
      expect(f).toBe(ordered[i]);
    });
    // One swap of unequal neighbours makes it out of order: it is sorted again.
    const i = ordered.length < 2 ? 0 : 1 + (k % (ordered.length - 1));
    const [a, b] = [ordered[i - 1], ordered[i]];
    if (a === undefined || b === undefined || compareFindings(a, b) === 0) return;
    const swapped = [...ordered];
    [swapped[i - 1], swapped[i]] = [b, a];
    sortFindings(swapped).forEach((f, j) => {
      expect(f).toBe(ordered[j]);
    });
  });
});
