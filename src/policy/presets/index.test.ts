// Tests of the presets: their names, the procedural numbers of 141号 and the colour rules of each source.
import { describe, expect, it } from 'vitest';
import { PRESET_IDS } from '../../../test/fixtures/presets.js';
import { parsePolicy } from '../parsePolicy.js';
import { HANDAN_2018, JINHUA, PRESETS, SANYA, TIANJIN_BOND, YINCHUAN, type PresetId } from './index.js';

// The non-colour fields every preset shares (docs/policies.md §1–2, domain.md).
const MECHANISM = {
  reporting: { dueDay: 5, holidayShift: 'next' },
  ledger: { requireExactSum: false },
  forecast: { decimals: 2 },
  ranking: {
    denominator: 'ytdLedgerPlan',
    aggregation: 'sumOfAmounts',
    bottomCount: 3,
    exemptAtOrAbovePlan: false,
    ties: 'competition',
    compareOn: 'exact',
    rateDecimals: 2,
  },
  interview: { twice: 'anyTwoInYear', directiveDays: 30, directiveFailure: 'missingBoth' },
  accountability: { missedMeetingMonths: 2, inactionMonths: 3 },
  scheduling: { escalationDays: 30 },
  approval: { warnDays: 30 },
};

const OFF = { enabled: false };

// The colour rules the contract fixes for each preset (domain.md §4, docs/policies.md §2, D13, D14).
const JINHUA_BLUE = ['8.4', '16.8', '25.2', '33.6', '42', '50.4', '58.8', '67.2', '75.6', '84', '92.4', '100'];
const JINHUA_YELLOW = ['5', '10', '15', '20', '25', '30', '35', '40', '45', '50', '55', '60'];
const COLOUR_RULES: Readonly<Record<PresetId, { scale: string[]; zh: string[]; rules: Record<string, unknown> }>> = {
  'handan-2018': {
    scale: ['green', 'white', 'yellow', 'red'],
    zh: ['绿', '白', '黄', '红'],
    rules: {
      investment: {
        kind: 'lagPp',
        bands: [
          { colour: 'green', upTo: '0', inclusive: true },
          { colour: 'white', upTo: '10', inclusive: false },
          { colour: 'yellow', upTo: '30', inclusive: true },
          { colour: 'red' },
        ],
      },
      stall: {
        enabled: true,
        steps: [
          { atLeast: 2, colour: 'yellow' },
          { atLeast: 3, colour: 'red' },
        ],
      },
      overdueMilestone: {
        enabled: true,
        kinds: ['start', 'completion'],
        steps: [
          { atLeast: 1, colour: 'yellow' },
          { atLeast: 3, colour: 'red' },
        ],
      },
      missingReport: { enabled: true, colour: 'yellow' },
      openStall: { enabled: true, colour: 'red' },
    },
  },
  yinchuan: {
    scale: ['green', 'yellow', 'red'],
    zh: ['绿', '黄', '红'],
    rules: {
      investment: {
        kind: 'lagPp',
        bands: [{ colour: 'green', upTo: '10', inclusive: false }, { colour: 'yellow', upTo: '30', inclusive: true }, { colour: 'red' }],
      },
      stall: OFF,
      overdueMilestone: {
        enabled: true,
        kinds: ['start'],
        steps: [
          { atLeast: 1, colour: 'yellow' },
          { atLeast: 3, colour: 'red' },
        ],
      },
      missingReport: OFF,
      openStall: OFF,
    },
  },
  sanya: {
    scale: ['green', 'yellow', 'red'],
    zh: ['绿', '黄', '红'],
    rules: {
      investment: {
        kind: 'completionRatio',
        bands: [{ colour: 'green', atLeast: '1' }, { colour: 'yellow', atLeast: '0.5' }, { colour: 'red' }],
      },
      stall: OFF,
      overdueMilestone: OFF,
      missingReport: OFF,
      openStall: OFF,
    },
  },
  'tianjin-bond': {
    scale: ['green', 'yellow', 'red'],
    zh: ['绿', '黄', '红'],
    rules: {
      investment: {
        kind: 'completionRatio',
        bands: [{ colour: 'green', atLeast: '1' }, { colour: 'yellow', atLeast: '0.7' }, { colour: 'red' }],
      },
      stall: OFF,
      overdueMilestone: OFF,
      missingReport: OFF,
      openStall: OFF,
    },
  },
  jinhua: {
    scale: ['blue', 'yellow', 'red'],
    zh: ['蓝', '黄', '红'],
    rules: {
      investment: {
        kind: 'annualShare',
        byMonth: JINHUA_BLUE.map((blue, i) => [
          { colour: 'blue', atLeast: blue },
          { colour: 'yellow', atLeast: JINHUA_YELLOW[i] },
          { colour: 'red' },
        ]),
      },
      stall: OFF,
      overdueMilestone: OFF,
      missingReport: OFF,
      openStall: OFF,
    },
  },
};

describe('presets', () => {
  it('are the five named ones, handan-2018 first', () => {
    expect(Object.keys(PRESETS)).toEqual(PRESET_IDS);
    expect([PRESETS['handan-2018'], PRESETS.yinchuan, PRESETS.sanya, PRESETS['tianjin-bond'], PRESETS.jinhua]).toEqual([
      HANDAN_2018,
      YINCHUAN,
      SANYA,
      TIANJIN_BOND,
      JINHUA,
    ]);
  });

  it.each(PRESET_IDS)('%s shares the procedural numbers of 141号', (id) => {
    expect(PRESETS[id]).toMatchObject(MECHANISM);
  });

  it.each(PRESET_IDS)('%s has the colour rules of its source', (id) => {
    const p = PRESETS[id];
    const fixed = COLOUR_RULES[id];
    expect(p.colour.scale.map((c) => c.id)).toEqual(fixed.scale);
    expect(p.colour.scale.map((c) => c.zh)).toEqual(fixed.zh);
    expect(p.colour).toMatchObject(fixed.rules);
  });

  it.each<[PresetId, string, string, string[]]>([
    ['handan-2018', '邯郸', 'Handan', ['141号', '2017-09-11', '2024-03-18', '2025']],
    ['yinchuan', '银川', 'Yinchuan', ['银川', '2025']],
    ['sanya', '三亚', 'Sanya', ['2022-05-13']],
    ['tianjin-bond', '天津', 'Tianjin', ['天津', '2022']],
    ['jinhua', '金华', 'Jinhua', ['金华', '2020']],
  ])('%s is named after its city and cites its source', (id, cityZh, cityEn, cited) => {
    const p = PRESETS[id];
    expect(p.name.zh).toContain(cityZh);
    expect(p.name.en).toContain(cityEn);
    for (const c of cited) expect(p.source).toContain(c);
  });

  it('handan-2018 is named after 141号', () => {
    expect(HANDAN_2018.name.zh).toContain('141号');
    expect(HANDAN_2018.name.en).toContain('141/2018');
  });

  it('every colour has a distinct #rrggbb hex and a label in each language', () => {
    for (const p of Object.values(PRESETS)) {
      for (const c of p.colour.scale) {
        expect(c.hex).toMatch(/^#[0-9a-fA-F]{6}$/);
        expect(c.zh).not.toBe('');
        expect(c.en).not.toBe('');
      }
      expect(new Set(p.colour.scale.map((c) => c.hex)).size).toBe(p.colour.scale.length);
    }
  });

  it.each(['yinchuan', 'sanya', 'tianjin-bond', 'jinhua'] as const)(
    '%s switches on a rule it keeps off with extends, with the default kinds',
    (id) => {
      const p = parsePolicy({
        extends: id,
        colour: {
          stall: { enabled: true, steps: [{ atLeast: 2, colour: 'red' }] },
          overdueMilestone: { enabled: true, steps: [{ atLeast: 1, colour: 'red' }] },
          missingReport: { enabled: true },
          openStall: { enabled: true },
        },
      });
      expect(p.colour.stall).toEqual({ enabled: true, steps: [{ atLeast: 2, colour: 'red' }] });
      expect(p.colour.overdueMilestone.steps).toEqual([{ atLeast: 1, colour: 'red' }]);
      expect(p.colour.overdueMilestone.kinds).toEqual(id === 'yinchuan' ? ['start'] : ['start', 'completion']);
      expect(p.colour.missingReport).toEqual({ enabled: true, colour: 'yellow' });
      expect(p.colour.openStall).toEqual({ enabled: true, colour: 'red' });
    },
  );
});
