import * as z from 'zod';
import { amountSchema, dateSchema, monthSchema, nonNegativeAmountSchema, quarterSchema } from '../policy/_primitives.js';
import { MONEY_UNITS } from '../money/index.js';
import { MAX_ID_LENGTH, MAX_TEXT_LENGTH } from './limits.js';

// Objects are loose: unknown keys are kept in the data and reported as warnings (see unknownKeys.ts).
// Ids and texts are bounded (D41): a name is printed dozens of times across the documents of a month, so
// a pasted file in one cell must not become gigabytes of output.
const id = z.string().min(1).max(MAX_ID_LENGTH);
const text = z.string().max(MAX_TEXT_LENGTH);
const ids = z.array(id);

const leader = z.looseObject({ id, name: text, role: z.enum(['mayor', 'principal', 'cityLeader']) });
const department = z.looseObject({ id, name: text, leaderId: id });

const ledgerMonth = z.looseObject({
  month: monthSchema,
  investment: nonNegativeAmountSchema,
  workload: text.optional(),
  procedures: z.array(text).optional(),
});

const milestone = z.looseObject({
  id,
  kind: z.enum(['start', 'completion', 'procedure', 'physical']),
  name: text,
  due: dateSchema,
  baselineDue: dateSchema.optional(),
  achievedOn: dateSchema.optional(),
});

const report = z.looseObject({
  month: monthSchema,
  submittedOn: dateSchema.optional(),
  investment: amountSchema,
  progress: text.optional(),
  noProgress: z.boolean().optional(),
  achieved: z.record(id, dateSchema).optional(),
});

const change = z.looseObject({
  on: dateSchema,
  subject: z.enum(['content', 'milestone', 'scale', 'location']),
  milestoneId: id.optional(),
  from: text.optional(),
  to: text.optional(),
  approvedByPrincipal: z.boolean(),
  ref: text.optional(),
});

const entry = z.looseObject({ on: dateSchema, text });
const directive = z.looseObject({
  id,
  issuedOn: dateSchema,
  byLeaderId: id,
  requirement: text,
  dueOn: dateSchema.optional(),
  measures: z.array(entry),
  progress: z.array(entry),
});

const stall = z.looseObject({
  since: dateSchema,
  until: dateSchema.optional(),
  cause: z.enum(['insufficientPreliminaryStudy', 'objective', 'other']),
  note: text.optional(),
});

const incident = z.looseObject({ on: dateSchema, severity: z.enum(['minor', 'serious', 'grave']), note: text });

/** Structural zod schema of one project. */
export const projectSchema: z.ZodType = z.looseObject({
  id,
  name: text,
  departmentId: id,
  code: text.optional(),
  constructionUnit: text.optional(),
  majorLivelihood: z.boolean().optional(),
  responsible: z.looseObject({ leader: text, person: text }),
  totalInvestment: nonNegativeAmountSchema.optional(),
  annualPlan: nonNegativeAmountSchema,
  ledger: z.looseObject({ submittedOn: dateSchema.optional(), months: z.array(ledgerMonth) }),
  milestones: z.array(milestone),
  reports: z.array(report),
  changes: z.array(change).optional(),
  directives: z.array(directive).optional(),
  stalls: z.array(stall).optional(),
  incidents: z.array(incident).optional(),
});

const meeting = z.looseObject({
  level: z.enum(['department', 'cityLeader', 'mayor']),
  on: dateSchema,
  chairId: id.optional(),
  departmentIds: ids,
  form: z.enum(['site', 'collective', 'inspection', 'report', 'onsiteOffice']),
  projectIds: ids.optional(),
});

const escalation = z.looseObject({
  departmentId: id,
  raisedOn: dateSchema,
  toLeaderId: id,
  issue: text,
  projectId: id.optional(),
  resolvedOn: dateSchema.optional(),
});

const bureauReview = z.looseObject({
  bureau: z.enum(['finance', 'land', 'approval']),
  on: dateSchema,
  departmentIds: ids.optional(),
  warnings: z.array(z.looseObject({ projectId: id, note: text })).optional(),
});

const notification = z.looseObject({ quarter: quarterSchema, issuedOn: dateSchema, bottom: ids });
const interviewRequest = z.looseObject({ departmentId: id, byLeaderId: id, on: dateSchema, reason: text });
const override = z.looseObject({ projectId: id, month: monthSchema, colour: id, reason: text, by: text });

/** The format tag of version 1 of the portfolio document. */
export const PORTFOLIO_FORMAT = 'sansansan/portfolio@1' as const;

const headerShape = {
  format: z.literal(PORTFOLIO_FORMAT),
  year: z.int().min(1000).max(9998),
  unit: z.enum(MONEY_UNITS as [string, ...string[]]).optional(),
  city: text.optional(),
  leaders: z.array(leader),
  departments: z.array(department),
};
const recordsShape = {
  meetings: z.array(meeting),
  escalations: z.array(escalation).optional(),
  bureauReviews: z.array(bureauReview),
  notifications: z.array(notification).optional(),
  interviewRequests: z.array(interviewRequest).optional(),
  overrides: z.array(override).optional(),
};

/** Structural zod schema of the portfolio document (types, grammars, enums); references are checked apart. */
export const portfolioSchema: z.ZodType = z.looseObject({ ...headerShape, projects: z.array(projectSchema), ...recordsShape });

/** Structural zod schema of the header line of the NDJSON form: the document without `projects`. */
export const headerSchema: z.ZodType = z.looseObject({ ...headerShape, ...recordsShape });
