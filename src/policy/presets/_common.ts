import type { ColourDefinition, Policy } from '../types.js';

export const GREEN: ColourDefinition = { id: 'green', zh: '绿', en: 'green', hex: '#2e7d32' };
export const WHITE: ColourDefinition = { id: 'white', zh: '白', en: 'white', hex: '#f5f5f5' };
export const YELLOW: ColourDefinition = { id: 'yellow', zh: '黄', en: 'yellow', hex: '#f9a825' };
export const RED: ColourDefinition = { id: 'red', zh: '红', en: 'red', hex: '#c62828' };
export const BLUE: ColourDefinition = { id: 'blue', zh: '蓝', en: 'blue', hex: '#1565c0' };

/** The parts of 141号 every preset shares: only the colour rules differ between cities. */
export const MECHANISM_141: Omit<Policy, 'name' | 'source' | 'colour'> = {
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

export const RULES_OFF: Pick<Policy['colour'], 'stall' | 'overdueMilestone' | 'missingReport' | 'openStall'> = {
  stall: { enabled: false, steps: [] },
  overdueMilestone: { enabled: false, kinds: ['start', 'completion'], steps: [] },
  missingReport: { enabled: false, colour: 'yellow' },
  openStall: { enabled: false, colour: 'red' },
};
