// Hostile policies: `safeParsePolicy` answers with data and `parsePolicy` throws nothing but a
// `ValidationError`, whatever the input: hostile values anywhere in a preset or in a partial policy
// that `extends` one, prototype keys, deep nesting, arbitrary values; and `--policy` in the CLI.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { HANDAN_2018, PRESETS, safeParsePolicy } from '../../src/policy/index.js';
import { caseCount, checkPolicy, expectNoPollution, runWithPolicy } from './_harness.js';
import {
  ALL_HOSTILE,
  arbHostileValue,
  deepArrayText,
  deepObjectText,
  pathsOf,
  PROTO_TEXTS,
  replaceAt,
  smallDocument,
  textWithMembers,
} from './_values.js';

afterAll(() => {
  console.log(`hostile policies: ${caseCount()} cases`);
});

const HEAVY = { timeout: 120_000 };
const HOSTILE = [...ALL_HOSTILE];
const presetPaths = pathsOf(HANDAN_2018);

describe('hostile values', () => {
  it.each(HOSTILE)('answers for %s as the whole policy and as the preset it extends', (_name, value) => {
    checkPolicy(value);
    checkPolicy({ extends: value });
  });

  it.each(HOSTILE)('answers for %s anywhere in a complete policy', HEAVY, (_name, value) => {
    for (const p of presetPaths) checkPolicy(replaceAt(HANDAN_2018, p, value));
  });

  it.each(HOSTILE)('answers for %s anywhere in a partial policy that extends a preset', HEAVY, (_name, value) => {
    for (const p of presetPaths.filter((x) => x.length > 0)) {
      checkPolicy({ extends: 'handan-2018', ...(replaceAt(HANDAN_2018, p, value) as Record<string, unknown>) });
    }
  });

  it('answers for generated values and for presets with one generated sub-value', HEAVY, () => {
    const arbPresetPath = fc
      .constantFrom(...(Object.keys(PRESETS) as (keyof typeof PRESETS)[]))
      .chain((id) => fc.tuple(fc.constant(id), fc.constantFrom(...pathsOf(PRESETS[id]))));
    fc.assert(
      fc.property(arbHostileValue, arbPresetPath, (value, [id, path]) => {
        checkPolicy(value);
        checkPolicy(replaceAt(PRESETS[id], path, value));
        checkPolicy({ extends: id, ...(replaceAt(PRESETS[id], path.slice(0, 1), value) as Record<string, unknown>) });
      }),
      { numRuns: 200 },
    );
  });
});

describe('prototype keys and deep nesting', () => {
  const objects = presetPaths.filter((p) => {
    const v = p.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], HANDAN_2018);
    return typeof v === 'object' && v !== null && !Array.isArray(v);
  });
  const members = ['"__proto__":{"polluted":"yes"}', '"constructor":{"prototype":{"polluted":"yes"}}', '"prototype":{"polluted":"yes"}'];

  it.each(members)('never pollutes with %s in any object of a policy, complete or extending', (member) => {
    for (const p of objects) {
      checkPolicy(JSON.parse(textWithMembers(HANDAN_2018, member, p)));
      checkPolicy(JSON.parse(textWithMembers({ extends: 'handan-2018', ...HANDAN_2018 }, member, p)));
    }
    const everywhere = JSON.parse(textWithMembers({ extends: 'handan-2018', ...HANDAN_2018 }, member)) as unknown;
    checkPolicy(everywhere);
    expect(safeParsePolicy(everywhere).success).toBe(false);
    expectNoPollution();
  });

  it.each(PROTO_TEXTS)('answers for %s as a policy and as a patch of each section', (text) => {
    checkPolicy(JSON.parse(text));
    for (const key of Object.keys(HANDAN_2018)) checkPolicy(JSON.parse(`{"extends":"handan-2018",${JSON.stringify(key)}:${text}}`));
  });

  it('answers for nesting 10 000 levels deep, whole and under each section of a patch', () => {
    for (const text of [deepArrayText(10_000), deepObjectText(10_000)]) {
      checkPolicy(JSON.parse(text));
      checkPolicy(JSON.parse(`{"extends":${text}}`));
      for (const key of Object.keys(HANDAN_2018)) checkPolicy(JSON.parse(`{"extends":"handan-2018",${JSON.stringify(key)}:${text}}`));
    }
  });
});

describe('--policy in the CLI', () => {
  const doc = JSON.stringify(smallDocument());
  const preset = JSON.stringify(HANDAN_2018);
  const texts = [
    preset,
    textWithMembers(HANDAN_2018, '"__proto__":{"polluted":"yes"}'),
    textWithMembers({ extends: 'handan-2018', colour: { missingReport: { enabled: false } } }, '"__proto__":{"polluted":"yes"}'),
    `{"extends":"handan-2018","colour":${deepObjectText(10_000)}}`,
    `{"extends":${deepArrayText(10_000)}}`,
    '{"extends":"__proto__"}',
    '{"extends":"constructor"}',
    `\ufeff${preset}`,
    '',
    '{',
    'null',
    `"${'x'.repeat(1000)}"`,
  ];
  it.each(texts.map((t) => [t.slice(0, 40), t]))('answers for the policy file %j', (_head, text) => {
    runWithPolicy(doc, text);
  });
});
