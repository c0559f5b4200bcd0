// Tests of parsePolicy and its companions: presets by id, partial policies extending a preset, the grammar
// and ranges of the fields, every issue at once, and the preset id of a policy.
import { describe, expect, it } from 'vitest';
import { PRESET_IDS } from '../../test/fixtures/presets.js';
import { ValidationError } from '../validation.js';
import { isPresetId, parsePolicy, policyIdOf, safeParsePolicy } from './parsePolicy.js';
import { HANDAN_2018, JINHUA, PRESETS, SANYA, YINCHUAN } from './presets/index.js';
import type { LowerBand, Policy } from './types.js';

/** `path code` of every issue, in the order reported. */
const issues = (input: unknown): string[] => {
  const r = safeParsePolicy(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path} ${i.code}`);
};

/** The policy read from a partial policy extending `handan-2018`. */
const extended = (patch: Record<string, unknown>): Policy => parsePolicy({ extends: 'handan-2018', ...patch });

/** The words of a text: runs of letters, digits, '_' and '-'. */
const words = (text: string): string[] => text.split(/[^\w-]+/).filter((w) => w !== '');

const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** Jinhua's twelve monthly band lists. */
function jinhuaByMonth(): readonly (readonly LowerBand[])[] {
  const inv = JINHUA.colour.investment;
  if (inv.kind !== 'annualShare') throw new Error('jinhua is annualShare');
  return inv.byMonth;
}

function deepArray(depth: number): unknown[] {
  let v: unknown[] = [];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

describe('parsePolicy', () => {
  it('returns the policy, and throws a ValidationError carrying every issue at once', () => {
    expect(parsePolicy('jinhua')).toEqual(JINHUA);
    expect(() => parsePolicy('shanghai')).toThrow(ValidationError);
    let error: unknown;
    try {
      parsePolicy({
        extends: 'sanya',
        reporting: { dueDay: 0, holidayShift: 'later' },
        forecast: { decimals: 11 },
        ranking: { bottomCount: 0, denominator: 'plan' },
        interview: { directiveDays: -1 },
        colour: { stall: { steps: [{ atLeast: 0, colour: 'red' }] } },
        approval: { warnDays: 3661, warnMonths: 1 },
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    if (!(error instanceof ValidationError)) return;
    expect(error.code).toBe('invalid_document');
    expect(error.issues.map((i) => `${i.path} ${i.code}`)).toEqual([
      '$.approval.warnDays out_of_range',
      '$.approval.warnMonths unknown_key',
      '$.colour.stall.steps[0].atLeast out_of_range',
      '$.forecast.decimals out_of_range',
      '$.interview.directiveDays out_of_range',
      '$.ranking.bottomCount out_of_range',
      '$.ranking.denominator invalid_value',
      '$.reporting.dueDay out_of_range',
      '$.reporting.holidayShift invalid_value',
    ]);
    for (const i of error.issues) {
      expect(i.message.zh).not.toBe('');
      expect(i.message.en).not.toBe('');
    }
  });

  it('reports every colour problem at once, once the structure is valid', () => {
    const r = safeParsePolicy({
      extends: 'handan-2018',
      colour: {
        scale: [...HANDAN_2018.colour.scale, HANDAN_2018.colour.scale[1]],
        investment: { kind: 'lagPp', bands: [{ colour: 'green' }, { colour: 'amber', upTo: '5' }, { colour: 'red', upTo: '30' }] },
        stall: { steps: [{ atLeast: 2, colour: 'orange' }] },
        overdueMilestone: {
          steps: [
            { atLeast: 1, colour: 'yellow' },
            { atLeast: 2, colour: 'black' },
          ],
        },
        missingReport: { colour: 'grey' },
        openStall: { colour: 'crimson' },
      },
    });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.issues.map((i) => `${i.path} ${i.code}`)).toEqual([
      '$.colour.investment.bands[0] invalid_value',
      '$.colour.investment.bands[1].colour unknown_colour',
      '$.colour.investment.bands[2] invalid_value',
      '$.colour.missingReport.colour unknown_colour',
      '$.colour.openStall.colour unknown_colour',
      '$.colour.overdueMilestone.steps[1].colour unknown_colour',
      '$.colour.scale[4].id duplicate_colour',
      '$.colour.stall.steps[0].colour unknown_colour',
    ]);
  });

  it('shows the offending colour in unknown_colour and duplicate_colour', () => {
    const r = safeParsePolicy({
      extends: 'yinchuan',
      colour: {
        scale: [...YINCHUAN.colour.scale, { id: 'red', zh: '深红', en: 'dark red', hex: '#880000' }],
        missingReport: { colour: 'white' },
      },
    });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.issues.map((i) => `${i.path} ${i.code}`)).toEqual([
      '$.colour.missingReport.colour unknown_colour',
      '$.colour.scale[3].id duplicate_colour',
    ]);
    const [unknown, duplicate] = r.error.issues;
    for (const text of [unknown?.message.zh ?? '', unknown?.message.en ?? '']) expect(words(text)).toContain('white');
    for (const text of [duplicate?.message.zh ?? '', duplicate?.message.en ?? '']) expect(words(text)).toContain('red');
  });

  describe('unknown presets', () => {
    it('lists every preset id in the message', () => {
      const r = safeParsePolicy('shanghai');
      expect(r.success).toBe(false);
      if (r.success) return;
      expect(r.error.issues).toHaveLength(1);
      const [issue] = r.error.issues;
      expect(issue?.code).toBe('unknown_preset');
      expect(issue?.path).toBe('$');
      for (const text of [issue?.message.zh ?? '', issue?.message.en ?? '']) {
        expect(words(text)).toContain('shanghai');
        for (const id of PRESET_IDS) expect(words(text)).toContain(id);
      }
    });

    it.each<{ what: string; value: unknown; shown: string }>([
      { what: 'a number', value: 42, shown: '42' },
      { what: 'null', value: null, shown: 'null' },
      { what: 'undefined', value: undefined, shown: 'undefined' },
      { what: 'a boolean', value: false, shown: 'false' },
      { what: 'an array naming a preset', value: ['sanya'], shown: 'array' },
      { what: 'a deeply nested array', value: deepArray(100_000), shown: 'array' },
      { what: 'an object', value: { id: 'sanya' }, shown: 'object' },
      { what: 'a null-prototype object', value: Object.create(null), shown: 'object' },
    ])('shows $what in extends as $shown', ({ value, shown }) => {
      const r = safeParsePolicy({ extends: value, reporting: { dueDay: 99 } });
      expect(r.success).toBe(false);
      if (r.success) return;
      // The unknown preset alone: nothing else is checked without a base.
      expect(r.error.issues.map((i) => `${i.path} ${i.code}`)).toEqual(['$.extends unknown_preset']);
      const message = r.error.issues[0]?.message;
      for (const text of [message?.zh ?? '', message?.en ?? '']) {
        expect(words(text)).toContain(shown);
        expect(text).not.toContain('[object');
        for (const id of PRESET_IDS) expect(words(text)).toContain(id);
      }
      expect(message?.zh).toMatch(/\p{Script=Han}/u);
    });
  });

  describe('a partial policy that extends a preset', () => {
    it.each(PRESET_IDS)('takes every omitted field from %s', (id) => {
      const p = parsePolicy({ extends: id, approval: { warnDays: 60 }, colour: { missingReport: { enabled: true } } });
      const base = PRESETS[id];
      expect(p).toEqual({
        ...base,
        approval: { warnDays: 60 },
        colour: { ...base.colour, missingReport: { ...base.colour.missingReport, enabled: true } },
      });
      expect(parsePolicy({ extends: id })).toEqual(base);
      expect(policyIdOf(parsePolicy({ extends: id }))).toBe(id);
    });

    it('merges objects key by key at any depth', () => {
      const p = extended({ reporting: { dueDay: 10 }, colour: { investment: { bands: [{ colour: 'red' }] } } });
      expect(p.reporting).toEqual({ dueDay: 10, holidayShift: 'next' });
      expect(p.colour.investment).toEqual({ kind: 'lagPp', bands: [{ colour: 'red' }] });
      expect(p.colour.scale).toEqual(HANDAN_2018.colour.scale);
    });

    it('replaces arrays whole, never element by element', () => {
      const p = extended({ colour: { stall: { steps: [{ atLeast: 4, colour: 'red' }] }, overdueMilestone: { kinds: ['completion'] } } });
      expect(p.colour.stall.steps).toEqual([{ atLeast: 4, colour: 'red' }]);
      expect(p.colour.overdueMilestone.kinds).toEqual(['completion']);
      expect(extended({ colour: { stall: { steps: [] } } }).colour.stall.steps).toEqual([]);
    });

    it('replaces a scalar with an object, and reports the type', () => {
      expect(issues({ extends: 'handan-2018', source: { zh: '来源' } })).toEqual(['$.source invalid_type']);
      expect(extended({ reporting: { holidayShift: { workdaysAfterMonthEnd: 3 } } }).reporting.holidayShift).toEqual({
        workdaysAfterMonthEnd: 3,
      });
    });

    it.each<[string, unknown]>([
      ['a number', 5],
      ['a string', 'monthly'],
      ['null', null],
      ['an empty array', []],
      ['an array', [{ dueDay: 5 }]],
    ])('replaces an object with %s, and reports the type', (_what, value) => {
      expect(issues({ extends: 'handan-2018', reporting: value })).toEqual(['$.reporting invalid_type']);
      expect(issues({ extends: 'handan-2018', colour: { stall: value } })).toEqual(['$.colour.stall invalid_type']);
    });

    it('replaces an array with an object, and reports the type', () => {
      expect(issues({ extends: 'handan-2018', colour: { scale: { 0: HANDAN_2018.colour.scale[0] } } })).toEqual([
        '$.colour.scale invalid_type',
      ]);
    });

    it('reports unknown keys at any depth', () => {
      expect(issues({ extends: 'jinhua', remark: 'x', colour: { stall: { enabeld: true } } })).toEqual([
        '$.colour.stall.enabeld unknown_key',
        '$.remark unknown_key',
      ]);
    });

    it('never takes a value from a __proto__ key', () => {
      // Switching lagPp to annualShare needs byMonth: a __proto__ key holding one must not provide it.
      const investment = JSON.parse(`{"kind":"annualShare","__proto__":{"byMonth":${JSON.stringify(jinhuaByMonth())}}}`) as unknown;
      expect(issues({ extends: 'handan-2018', colour: { investment } })).toEqual(
        expect.arrayContaining(['$.colour.investment.byMonth missing_key', '$.colour.investment.__proto__ unknown_key']),
      );
      const top = JSON.parse('{"extends":"handan-2018","__proto__":{"reporting":{"dueDay":99},"polluted":true}}') as unknown;
      expect(issues(top)).toEqual(['$.__proto__ unknown_key']);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    });
  });

  describe('the grammar of the policy strings', () => {
    const withUpTo = (upTo: string): unknown => ({
      extends: 'handan-2018',
      colour: { investment: { kind: 'lagPp', bands: [{ colour: 'green', upTo }, { colour: 'red' }] } },
    });

    it.each(['12.25', '-0.5', '007', '0'])('accepts the decimal bound %s', (upTo) => {
      expect(issues(withUpTo(upTo))).toEqual([]);
    });

    it.each(['x5', '5x', '1e5', '.5', '5.', '+5', '', '1.2.3', '５'])('rejects the decimal bound %j', (upTo) => {
      expect(issues(withUpTo(upTo))).toEqual(['$.colour.investment.bands[0].upTo invalid_value']);
    });

    it('reads completionRatio and annualShare bounds with the same grammar', () => {
      expect(
        issues({
          extends: 'sanya',
          colour: { investment: { kind: 'completionRatio', bands: [{ colour: 'green', atLeast: '0.75' }, { colour: 'red' }] } },
        }),
      ).toEqual([]);
      expect(
        issues({
          extends: 'sanya',
          colour: { investment: { kind: 'completionRatio', bands: [{ colour: 'green', atLeast: '0.75%' }, { colour: 'red' }] } },
        }),
      ).toEqual(['$.colour.investment.bands[0].atLeast invalid_value']);
    });

    const withColour = (id: string, hex: string): unknown => ({
      extends: 'handan-2018',
      colour: { scale: [...HANDAN_2018.colour.scale, { id, zh: '紫', en: 'purple', hex }] },
    });

    it.each(['purple', 'P', 'a-1_b', 'Z9'])('accepts the colour id %j', (id) => {
      expect(issues(withColour(id, '#6a1b9a'))).toEqual([]);
    });

    it.each(['1a', '-a', '_a', 'a b', 'a.b', '', 'a\n'])('rejects the colour id %j', (id) => {
      expect(issues(withColour(id, '#6a1b9a'))).toEqual(['$.colour.scale[4].id invalid_value']);
    });

    it.each(['#6a1b9a', '#ABCDEF', '#000000'])('accepts the hex %s', (hex) => {
      expect(issues(withColour('purple', hex))).toEqual([]);
    });

    it.each(['#6a1b9aff', 'x#6a1b9a', '#6a1b9', '6a1b9a', '#gggggg', '#6a1b9a\n', ''])('rejects the hex %j', (hex) => {
      expect(issues(withColour('purple', hex))).toEqual(['$.colour.scale[4].hex invalid_value']);
    });
  });

  describe('the investment rule', () => {
    it('is one of three kinds, each with its own keys', () => {
      const lower = [{ colour: 'green', atLeast: '1' }, { colour: 'red' }];
      const lag = [{ colour: 'green', upTo: '10' }, { colour: 'red' }];
      const year = Array.from({ length: 12 }, () => lower);
      expect(extended({ colour: { investment: { kind: 'lagPp', bands: lag } } }).colour.investment).toEqual({ kind: 'lagPp', bands: lag });
      expect(extended({ colour: { investment: { kind: 'completionRatio', bands: lower } } }).colour.investment).toEqual({
        kind: 'completionRatio',
        bands: lower,
      });
      expect(
        parsePolicy({ ...HANDAN_2018, colour: { ...HANDAN_2018.colour, investment: { kind: 'annualShare', byMonth: year } } }).colour
          .investment,
      ).toEqual({
        kind: 'annualShare',
        byMonth: year,
      });
    });

    it('reports a bad kind at the kind, and each kind its own missing and unknown keys', () => {
      const bare = (investment: unknown): unknown => ({ ...HANDAN_2018, colour: { ...HANDAN_2018.colour, investment } });
      expect(issues(bare({ kind: 'share', bands: [{ colour: 'red' }] }))).toEqual(['$.colour.investment.kind invalid_value']);
      expect(issues(bare({ bands: [{ colour: 'red' }] }))).toEqual(['$.colour.investment.kind invalid_value']);
      expect(issues(bare({ kind: 'lagPp' }))).toEqual(['$.colour.investment.bands missing_key']);
      expect(issues(bare({ kind: 'lagPp', bands: [] }))).toEqual(['$.colour.investment.bands out_of_range']);
      expect(issues(bare({ kind: 'completionRatio', bands: [{ colour: 'red', upTo: '1' }] }))).toEqual([
        '$.colour.investment.bands[0].upTo unknown_key',
      ]);
      expect(issues(bare({ kind: 'completionRatio', bands: [{ colour: 'red' }], byMonth: [] }))).toEqual([
        '$.colour.investment.byMonth unknown_key',
      ]);
      expect(issues(bare({ kind: 'annualShare', byMonth: Array.from({ length: 11 }, () => [{ colour: 'red' }]) }))).toEqual([
        '$.colour.investment.byMonth out_of_range',
      ]);
      expect(issues(bare({ kind: 'annualShare', byMonth: Array.from({ length: 12 }, () => [{ colour: 'red' }]), bands: [] }))).toEqual([
        '$.colour.investment.bands unknown_key',
      ]);
    });
  });

  describe('reporting.holidayShift', () => {
    it.each<unknown>([
      'next',
      'previous',
      'none',
      { workdaysAfterMonthEnd: 1 },
      { workdaysAfterMonthEnd: 15 },
      { workdaysAfterMonthEnd: 31 },
    ])('accepts %j', (holidayShift) => {
      expect(extended({ reporting: { holidayShift } }).reporting).toEqual({ dueDay: 5, holidayShift });
    });

    it.each<[unknown, string]>([
      ['later', '$.reporting.holidayShift invalid_value'],
      ['', '$.reporting.holidayShift invalid_value'],
      [{ workdaysAfterMonthEnd: 0 }, '$.reporting.holidayShift.workdaysAfterMonthEnd out_of_range'],
      [{ workdaysAfterMonthEnd: 32 }, '$.reporting.holidayShift.workdaysAfterMonthEnd out_of_range'],
      [{ workdaysAfterMonthEnd: 3, days: 1 }, '$.reporting.holidayShift.days unknown_key'],
    ])('rejects %j', (holidayShift, found) => {
      expect(issues({ extends: 'handan-2018', reporting: { holidayShift } })).toEqual([found]);
    });
  });

  describe('the ranges of the numbers', () => {
    it.each<[string, string, number, number]>([
      ['reporting', 'dueDay', 1, 28],
      ['forecast', 'decimals', 0, 10],
      ['ranking', 'bottomCount', 1, 100],
      ['interview', 'directiveDays', 0, 3660],
      ['accountability', 'missedMeetingMonths', 1, 12],
      ['accountability', 'inactionMonths', 1, 12],
      ['scheduling', 'escalationDays', 0, 3660],
      ['approval', 'warnDays', 0, 3660],
    ])('%s.%s is an integer %i–%i', (group, key, min, max) => {
      for (const ok of [min, max]) expect(issues({ extends: 'handan-2018', [group]: { [key]: ok } })).toEqual([]);
      for (const bad of [min - 1, max + 1])
        expect(issues({ extends: 'handan-2018', [group]: { [key]: bad } })).toEqual([`$.${group}.${key} out_of_range`]);
      expect(issues({ extends: 'handan-2018', [group]: { [key]: min + 0.5 } })).toEqual([`$.${group}.${key} invalid_type`]);
    });

    it('a step counts from 1 to 1200', () => {
      const steps = (atLeast: number): unknown => ({ extends: 'handan-2018', colour: { stall: { steps: [{ atLeast, colour: 'red' }] } } });
      expect(issues(steps(1))).toEqual([]);
      expect(issues(steps(1200))).toEqual([]);
      expect(issues(steps(0))).toEqual(['$.colour.stall.steps[0].atLeast out_of_range']);
      expect(issues(steps(1201))).toEqual(['$.colour.stall.steps[0].atLeast out_of_range']);
    });
  });
});

describe('safeParsePolicy', () => {
  describe('of a preset id or a non-object', () => {
    it('reads each preset id as that preset', () => {
      for (const id of PRESET_IDS) {
        const r = safeParsePolicy(id);
        expect(r.success && r.data).toEqual(PRESETS[id]);
      }
    });

    it.each<[unknown, string]>([
      [5, '$ invalid_type'],
      [null, '$ invalid_type'],
      [true, '$ invalid_type'],
      [[], '$ invalid_type'],
      [['handan-2018'], '$ invalid_type'],
      [undefined, '$ missing_key'],
    ])('rejects %j as a whole: %s', (input, found) => {
      expect(issues(input)).toEqual([found]);
    });
  });
});

describe('isPresetId', () => {
  it('names exactly the five presets', () => {
    for (const id of PRESET_IDS) expect(isPresetId(id)).toBe(true);
    for (const v of ['shanghai', '', 'Handan-2018', 'toString', 'constructor', '__proto__', 'hasOwnProperty'])
      expect(isPresetId(v)).toBe(false);
  });

  it('is false for a value that only converts to a preset id', () => {
    for (const v of [['sanya'], { toString: (): string => 'sanya' }, 5, null, undefined, true]) expect(isPresetId(v)).toBe(false);
  });
});

describe('policyIdOf', () => {
  it('names a preset from any object equal to it field for field', () => {
    for (const id of PRESET_IDS) {
      expect(policyIdOf(PRESETS[id])).toBe(id);
      expect(policyIdOf(copy(PRESETS[id]))).toBe(id);
    }
  });

  it('ignores the order of keys, inside arrays too', () => {
    const reordered: Policy = {
      approval: { warnDays: 30 },
      colour: {
        openStall: { colour: 'red', enabled: true },
        missingReport: { colour: 'yellow', enabled: true },
        overdueMilestone: {
          steps: [
            { colour: 'yellow', atLeast: 1 },
            { colour: 'red', atLeast: 3 },
          ],
          kinds: ['start', 'completion'],
          enabled: true,
        },
        stall: {
          steps: [
            { colour: 'yellow', atLeast: 2 },
            { colour: 'red', atLeast: 3 },
          ],
          enabled: true,
        },
        investment: {
          bands: [
            { inclusive: true, upTo: '0', colour: 'green' },
            { inclusive: false, upTo: '10', colour: 'white' },
            { inclusive: true, upTo: '30', colour: 'yellow' },
            { colour: 'red' },
          ],
          kind: 'lagPp',
        },
        scale: HANDAN_2018.colour.scale.map(({ id, zh, en, hex }) => ({ hex, en, zh, id })),
      },
      scheduling: HANDAN_2018.scheduling,
      accountability: { inactionMonths: 3, missedMeetingMonths: 2 },
      interview: { directiveFailure: 'missingBoth', directiveDays: 30, twice: 'anyTwoInYear' },
      ranking: { exemptAtOrAbovePlan: false, bottomCount: 3, aggregation: 'sumOfAmounts', denominator: 'ytdLedgerPlan' },
      forecast: HANDAN_2018.forecast,
      ledger: HANDAN_2018.ledger,
      reporting: { holidayShift: 'next', dueDay: 5 },
      source: HANDAN_2018.source,
      name: { en: HANDAN_2018.name.en, zh: HANDAN_2018.name.zh },
    };
    expect(policyIdOf(reordered)).toBe('handan-2018');
  });

  it('ignores a key whose value is undefined', () => {
    const bands = [
      { colour: 'green', atLeast: '1', upTo: undefined },
      { colour: 'yellow', atLeast: '0.5' },
      { colour: 'red', atLeast: undefined },
    ];
    const p = { ...SANYA, colour: { ...SANYA.colour, investment: { kind: 'completionRatio', bands } } } as unknown as Policy;
    expect(policyIdOf(p)).toBe('sanya');
  });

  it.each<[string, Policy]>([
    ['a number', { ...HANDAN_2018, reporting: { ...HANDAN_2018.reporting, dueDay: 6 } }],
    ['a boolean', { ...HANDAN_2018, ledger: { requireExactSum: true } }],
    ['a string', { ...HANDAN_2018, name: { ...HANDAN_2018.name, en: 'Handan' } }],
    ['the source', { ...SANYA, source: '' }],
    [
      'an array element',
      { ...HANDAN_2018, colour: { ...HANDAN_2018.colour, stall: { enabled: true, steps: [{ atLeast: 2, colour: 'yellow' }] } } },
    ],
    ['an array order', { ...YINCHUAN, colour: { ...YINCHUAN.colour, scale: [...YINCHUAN.colour.scale].reverse() } }],
    [
      'a nested array',
      {
        ...JINHUA,
        colour: { ...JINHUA.colour, investment: { kind: 'annualShare', byMonth: [...jinhuaByMonth().slice(0, 11), [{ colour: 'red' }]] } },
      },
    ],
    [
      'an added optional key',
      {
        ...SANYA,
        colour: {
          ...SANYA.colour,
          investment: {
            kind: 'completionRatio',
            bands: [
              { colour: 'green', atLeast: '1' },
              { colour: 'yellow', atLeast: '0.5' },
              { colour: 'red', atLeast: '0' },
            ],
          },
        },
      },
    ],
    ['a kinds list', { ...SANYA, colour: { ...SANYA.colour, overdueMilestone: { ...SANYA.colour.overdueMilestone, kinds: ['start'] } } }],
  ])('is custom when %s differs', (_what, p) => {
    expect(policyIdOf(p)).toBe('custom');
  });
});
