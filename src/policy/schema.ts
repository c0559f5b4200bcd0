import * as z from 'zod';
import { issueParams } from './_primitives.js';
import type { Policy } from './types.js';

const DECIMAL = /^-?\d+(?:\.\d+)?$/;
const text = z.string().min(1);
const decimal = z.string().regex(DECIMAL);
const localized = z.strictObject({ zh: z.string(), en: z.string() });

const colourDefinition = z.strictObject({
  id: z.string().regex(/^[A-Za-z][\w-]*$/),
  zh: text,
  en: text,
  hex: z.string().regex(/^#[0-9a-fA-F]{6}$/),
});
const upperBand = z.strictObject({ colour: text, upTo: decimal.optional(), inclusive: z.boolean().optional() });
const lowerBand = z.strictObject({ colour: text, atLeast: decimal.optional() });
const step = z.strictObject({ atLeast: z.int().min(1).max(1200), colour: text });

const investment = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('lagPp'), bands: z.array(upperBand).min(1) }),
  z.strictObject({ kind: z.literal('completionRatio'), bands: z.array(lowerBand).min(1) }),
  z.strictObject({ kind: z.literal('annualShare'), byMonth: z.array(z.array(lowerBand).min(1)).length(12) }),
]);

const holidayShift = z.union([z.enum(['next', 'previous', 'none']), z.strictObject({ workdaysAfterMonthEnd: z.int().min(1).max(31) })]);

const day = z.int().min(0).max(3660);

/** The zod schema of a complete {@link Policy}. */
export const policySchema: z.ZodType<Policy> = z
  .strictObject({
    name: localized,
    source: z.string(),
    reporting: z.strictObject({ dueDay: z.int().min(1).max(28), holidayShift }),
    ledger: z.strictObject({ requireExactSum: z.boolean() }),
    colour: z.strictObject({
      scale: z.array(colourDefinition).min(1),
      investment,
      stall: z.strictObject({ enabled: z.boolean(), steps: z.array(step) }),
      overdueMilestone: z.strictObject({
        enabled: z.boolean(),
        kinds: z.array(z.enum(['start', 'completion'])),
        steps: z.array(step),
      }),
      missingReport: z.strictObject({ enabled: z.boolean(), colour: text }),
      openStall: z.strictObject({ enabled: z.boolean(), colour: text }),
    }),
    forecast: z.strictObject({ decimals: z.int().min(0).max(10) }),
    ranking: z.strictObject({
      denominator: z.enum(['ytdLedgerPlan', 'annualPlan', 'proRataAnnual']),
      aggregation: z.enum(['sumOfAmounts', 'meanOfProjectRates']),
      bottomCount: z.int().min(1).max(100),
      exemptAtOrAbovePlan: z.boolean(),
      ties: z.enum(['competition', 'dense']).optional(),
      compareOn: z.enum(['exact', 'displayed']).optional(),
      rateDecimals: z.int().min(0).max(4).optional(),
    }),
    interview: z.strictObject({
      twice: z.enum(['anyTwoInYear', 'consecutive']),
      directiveDays: day,
      directiveFailure: z.enum(['missingBoth', 'missingEither']),
    }),
    accountability: z.strictObject({ missedMeetingMonths: z.int().min(1).max(12), inactionMonths: z.int().min(1).max(12) }),
    scheduling: z.strictObject({ escalationDays: day }),
    approval: z.strictObject({ warnDays: day }),
  })
  .superRefine((p, ctx) => {
    const ids = new Set<string>();
    p.colour.scale.forEach((c, i) => {
      if (ids.has(c.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['colour', 'scale', i, 'id'],
          input: c.id,
          params: issueParams('duplicate_colour', `颜色重复:${c.id}`, `duplicate colour: ${c.id}`),
        });
      }
      ids.add(c.id);
    });
    const known = (colour: string, path: (string | number)[]): void => {
      if (!ids.has(colour)) {
        ctx.addIssue({
          code: 'custom',
          path,
          input: colour,
          params: issueParams('unknown_colour', `颜色不在色阶中:${colour}`, `colour not in the scale: ${colour}`),
        });
      }
    };
    const checkBands = (
      bands: readonly { colour: string; upTo?: string | undefined; atLeast?: string | undefined }[],
      base: (string | number)[],
    ): void => {
      bands.forEach((b, i) => {
        known(b.colour, [...base, i, 'colour']);
        const bound = b.upTo ?? b.atLeast;
        const last = i === bands.length - 1;
        if (last !== (bound === undefined)) {
          ctx.addIssue({
            code: 'custom',
            path: [...base, i],
            input: b,
            params: issueParams(
              'invalid_value',
              last ? '最后一档不应设界限' : '除最后一档外每档须设界限',
              last ? 'the last band must have no bound' : 'every band but the last needs a bound',
            ),
          });
        }
      });
    };
    const inv = p.colour.investment;
    if (inv.kind === 'annualShare')
      inv.byMonth.forEach((bands, m) => {
        checkBands(bands, ['colour', 'investment', 'byMonth', m]);
      });
    else checkBands(inv.bands, ['colour', 'investment', 'bands']);
    p.colour.stall.steps.forEach((s, i) => {
      known(s.colour, ['colour', 'stall', 'steps', i, 'colour']);
    });
    p.colour.overdueMilestone.steps.forEach((s, i) => {
      known(s.colour, ['colour', 'overdueMilestone', 'steps', i, 'colour']);
    });
    known(p.colour.missingReport.colour, ['colour', 'missingReport', 'colour']);
    known(p.colour.openStall.colour, ['colour', 'openStall', 'colour']);
  }) as unknown as z.ZodType<Policy>;
