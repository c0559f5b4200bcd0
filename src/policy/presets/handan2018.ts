import type { Policy } from '../types.js';
import { GREEN, MECHANISM_141, RED, WHITE, YELLOW } from './_common.js';

/**
 * The default policy, `handan-2018` (邯郸 141号): Handan's four colours 绿 / 白 / 黄 / 红.
 *
 * @remarks
 * 141号 names the four-colour evaluation but publishes no thresholds; these are interpretations:
 * - colours 绿白黄红: Handan's own 重点项目"四色"管理法 (河北新闻网, 2017-09-11);
 * - lag bands (green ≤ 0 pp, white 0–10 pp, yellow 10–30 pp inclusive, red > 30 pp): Yinchuan 2025,
 *   "低于序时进度10~30个百分点(含10~30个百分点)的项目亮黄灯…超过30个百分点项目亮红灯", with a white band for a small lag;
 * - no progress 2 months → yellow, 3 → red: Handan 经开区 2024, "连续两个月没有进度的标'黄'…连续三个月…标'红'";
 * - a missed start or completion → yellow, 3 month-ends later → red: Yinchuan 2025 ("连续3个月…应开工未开工项目亮红灯");
 * - no report for the month → yellow; a recorded stall → red.
 * Procedural numbers (report day 5, ledger by end of February, bottom three) are 141号's own.
 *
 * @example
 * ```ts
 * HANDAN_2018.colour.scale.map((c) => c.id); //=> ['green', 'white', 'yellow', 'red']
 * ```
 * @category Policy
 */
export const HANDAN_2018: Policy = {
  name: { zh: '邯郸市"三三三"推进机制(邯政办字〔2018〕141号)', en: 'Handan "3-3-3" mechanism (141/2018)' },
  source: '邯政办字〔2018〕141号; 河北新闻网 2017-09-11 (四色管理法); 邯郸经开区 2024-03-18; 银川 2025',
  ...MECHANISM_141,
  colour: {
    scale: [GREEN, WHITE, YELLOW, RED],
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
};
