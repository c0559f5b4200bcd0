/**
 * The configurable policy (政策参数): every threshold and interpretation, as validated JSON data, with
 * named presets whose sources are cited.
 *
 * @packageDocumentation
 */
export type {
  ColourDefinition,
  ColourPolicy,
  InvestmentRule,
  LowerBand,
  Policy,
  RankingDenominator,
  ThresholdStep,
  UpperBand,
} from './types.js';
export { HANDAN_2018, JINHUA, PRESETS, SANYA, TIANJIN_BOND, YINCHUAN } from './presets/index.js';
export type { PresetId } from './presets/index.js';
export { isPresetId, parsePolicy, policyIdOf, safeParsePolicy } from './parsePolicy.js';
export type { SafeParsePolicyResult } from './parsePolicy.js';
export type { HolidayShift } from '../calendar/index.js';
export { policyJsonSchema } from './jsonSchema.js';
export type { JsonSchemaDocument } from './_jsonSchema.js';
