import type { Policy } from '../types.js';
import { HANDAN_2018 } from './handan2018.js';
import { JINHUA, SANYA, TIANJIN_BOND, YINCHUAN } from './others.js';

export { HANDAN_2018 } from './handan2018.js';
export { JINHUA, SANYA, TIANJIN_BOND, YINCHUAN } from './others.js';

/**
 * The id of a named preset (预设).
 * @example
 * ```ts
 * const id: PresetId = 'yinchuan';
 * ```
 * @category Policy
 */
export type PresetId = 'handan-2018' | 'yinchuan' | 'sanya' | 'tianjin-bond' | 'jinhua';

/**
 * Every named preset by id; `handan-2018` is the default.
 * @example
 * ```ts
 * Object.keys(PRESETS); //=> ['handan-2018', 'yinchuan', 'sanya', 'tianjin-bond', 'jinhua']
 * ```
 * @category Policy
 */
export const PRESETS: Readonly<Record<PresetId, Policy>> = {
  'handan-2018': HANDAN_2018,
  yinchuan: YINCHUAN,
  sanya: SANYA,
  'tianjin-bond': TIANJIN_BOND,
  jinhua: JINHUA,
};
