import type { LowerBand, Policy } from '../types.js';
import { BLUE, GREEN, MECHANISM_141, RED, RULES_OFF, YELLOW } from './_common.js';

/**
 * Preset `yinchuan` (银川 2025, 市本级政府投资项目): green below a 10 pp lag, yellow 10–30 pp inclusive,
 * red above 30 pp; a missed start is yellow, red after three months.
 *
 * @remarks
 * Source: Yinchuan 2025, "低于序时进度10~30个百分点(含10~30个百分点)的项目亮黄灯…超过30个百分点项目亮红灯";
 * "计划当月开工但无正当理由未及时开工项目亮黄灯…连续3个月…应开工未开工项目亮红灯". Only start milestones count.
 * @example
 * ```ts
 * YINCHUAN.colour.scale.map((c) => c.zh); //=> ['绿', '黄', '红']
 * ```
 * @category Policy
 */
export const YINCHUAN: Policy = {
  name: { zh: '银川市政府投资项目亮灯管理', en: 'Yinchuan traffic-light management' },
  source: '银川 2025, 市本级政府投资项目',
  ...MECHANISM_141,
  colour: {
    scale: [GREEN, YELLOW, RED],
    investment: {
      kind: 'lagPp',
      bands: [{ colour: 'green', upTo: '10', inclusive: false }, { colour: 'yellow', upTo: '30', inclusive: true }, { colour: 'red' }],
    },
    ...RULES_OFF,
    overdueMilestone: {
      enabled: true,
      kinds: ['start'],
      steps: [
        { atLeast: 1, colour: 'yellow' },
        { atLeast: 3, colour: 'red' },
      ],
    },
  },
};

/**
 * Preset `sanya` (三亚 2022): the ratio completed / planned-to-date; ≥ 1 green, ≥ 0.5 yellow, else red.
 *
 * @remarks
 * Source: 海南日报 2022-05-13, "超过或等于计划投资额序时进度的,亮绿牌;低于…序时进度50%以内的(含50%),亮黄牌;…50%以上的,亮红牌".
 * Not applied while nothing is planned to date.
 * @example
 * ```ts
 * SANYA.colour.investment.kind; //=> 'completionRatio'
 * ```
 * @category Policy
 */
export const SANYA: Policy = {
  name: { zh: '三亚市重点项目红黄绿牌', en: 'Sanya red-yellow-green cards' },
  source: '海南日报 2022-05-13',
  ...MECHANISM_141,
  colour: {
    scale: [GREEN, YELLOW, RED],
    investment: {
      kind: 'completionRatio',
      bands: [{ colour: 'green', atLeast: '1' }, { colour: 'yellow', atLeast: '0.5' }, { colour: 'red' }],
    },
    ...RULES_OFF,
  },
};

/**
 * Preset `tianjin-bond` (天津 2022, 专项债券项目): completed / expected ≥ 1 green, ≥ 0.7 yellow, else red.
 *
 * @remarks Source: Tianjin 2022 special bonds, "低于预期进度30%及以下…黄色;…30%以上…红色".
 * @example
 * ```ts
 * TIANJIN_BOND.colour.investment.kind; //=> 'completionRatio'
 * ```
 * @category Policy
 */
export const TIANJIN_BOND: Policy = {
  name: { zh: '天津市专项债券项目预警', en: 'Tianjin special-bond project warnings' },
  source: '天津 2022, 专项债券项目',
  ...MECHANISM_141,
  colour: {
    scale: [GREEN, YELLOW, RED],
    investment: {
      kind: 'completionRatio',
      bands: [{ colour: 'green', atLeast: '1' }, { colour: 'yellow', atLeast: '0.7' }, { colour: 'red' }],
    },
    ...RULES_OFF,
  },
};

// Jinhua published one checkpoint: at the end of May, blue ≥ 42 % and yellow ≥ 25 % of the annual plan.
// Other months scale it linearly (42 / 5 = 8.4 and 25 / 5 = 5 points a month, capped at 100): an interpretation.
function jinhuaMonth(k: number): readonly LowerBand[] {
  const cap = (x: number): string => String(Math.min(100, Math.round(x * 10) / 10));
  return [{ colour: 'blue', atLeast: cap(8.4 * k) }, { colour: 'yellow', atLeast: cap(5 * k) }, { colour: 'red' }];
}

/**
 * Preset `jinhua` (金华 2020): the share of the annual plan completed, against thresholds per month:
 * 蓝 / 黄 / 红.
 *
 * @remarks
 * Source: Jinhua 2020, at the end of May blue ≥ 42 %, yellow 25–42 %, red < 25 %. The other months are
 * a linear interpretation (8.4 and 5 points a month, capped at 100 %), kept as data so a user can replace it.
 * @example
 * ```ts
 * JINHUA.colour.scale.map((c) => c.zh); //=> ['蓝', '黄', '红']
 * ```
 * @category Policy
 */
export const JINHUA: Policy = {
  name: { zh: '金华市重大项目蓝黄红', en: 'Jinhua blue-yellow-red' },
  source: '金华 2020',
  ...MECHANISM_141,
  colour: {
    scale: [BLUE, YELLOW, RED],
    investment: { kind: 'annualShare', byMonth: Array.from({ length: 12 }, (_, i) => jinhuaMonth(i + 1)) },
    ...RULES_OFF,
  },
};
