import { isCalendarDate, isQuarter, isYearMonth } from '../calendar/index.js';
import { MONEY_UNITS } from '../money/index.js';
import { isCanonicalText } from '../money/amount.js';
import { MAX_ID_LENGTH, MAX_TEXT_LENGTH } from './limits.js';

// The fast path of validation. `schema.ts` (zod) reads any valid document and reports every problem; most
// documents, though, are already in the form it would return: every key known and in the schema's order,
// every amount a canonical decimal string. For those, zod's output equals the input value, so checking
// that form is enough — and a plain walk over the value is several times faster than zod building a copy.
// A document that is not in that form (an unknown key, a number amount, `"1.50"`, keys in another order, a
// problem of any kind) takes the zod path, which gives the issues. The two paths give equal results:
// see fastPath.test.ts.

type Shape = Readonly<Record<string, readonly [Node, boolean]>>;
type Node =
  | { readonly t: 'id' | 'text' | 'bool' | 'date' | 'month' | 'quarter' | 'amount' | 'nonNegative' }
  | { readonly t: 'enum'; readonly values: ReadonlySet<string> }
  | { readonly t: 'year' }
  | { readonly t: 'array'; readonly of: Node }
  | { readonly t: 'record'; readonly of: Node }
  | { readonly t: 'object'; readonly shape: Shape; readonly keys: readonly string[] };

const leaf = (t: 'id' | 'text' | 'bool' | 'date' | 'month' | 'quarter' | 'amount' | 'nonNegative'): Node => ({ t });
const oneOf = (...values: string[]): Node => ({ t: 'enum', values: new Set(values) });
const arrayOf = (of: Node): Node => ({ t: 'array', of });
const object = (shape: Shape): Node & { readonly t: 'object' } => ({ t: 'object', shape, keys: Object.keys(shape) });
const req = (n: Node): readonly [Node, boolean] => [n, true];
const opt = (n: Node): readonly [Node, boolean] => [n, false];

const ID = leaf('id');
const TEXT = leaf('text');
const BOOL = leaf('bool');
const DATE = leaf('date');
const MONTH = leaf('month');
const IDS = arrayOf(ID);

const entry = object({ on: req(DATE), text: req(TEXT) });
const project = object({
  id: req(ID),
  name: req(TEXT),
  departmentId: req(ID),
  code: opt(TEXT),
  constructionUnit: opt(TEXT),
  majorLivelihood: opt(BOOL),
  responsible: req(object({ leader: req(TEXT), person: req(TEXT) })),
  totalInvestment: opt(leaf('nonNegative')),
  annualPlan: req(leaf('nonNegative')),
  ledger: req(
    object({
      submittedOn: opt(DATE),
      months: req(
        arrayOf(object({ month: req(MONTH), investment: req(leaf('nonNegative')), workload: opt(TEXT), procedures: opt(arrayOf(TEXT)) })),
      ),
    }),
  ),
  milestones: req(
    arrayOf(
      object({
        id: req(ID),
        kind: req(oneOf('start', 'completion', 'procedure', 'physical')),
        name: req(TEXT),
        due: req(DATE),
        baselineDue: opt(DATE),
        achievedOn: opt(DATE),
      }),
    ),
  ),
  reports: req(
    arrayOf(
      object({
        month: req(MONTH),
        submittedOn: opt(DATE),
        investment: req(leaf('amount')),
        progress: opt(TEXT),
        noProgress: opt(BOOL),
        achieved: opt({ t: 'record', of: DATE }),
      }),
    ),
  ),
  changes: opt(
    arrayOf(
      object({
        on: req(DATE),
        subject: req(oneOf('content', 'milestone', 'scale', 'location')),
        milestoneId: opt(ID),
        from: opt(TEXT),
        to: opt(TEXT),
        approvedByPrincipal: req(BOOL),
        ref: opt(TEXT),
      }),
    ),
  ),
  directives: opt(
    arrayOf(
      object({
        id: req(ID),
        issuedOn: req(DATE),
        byLeaderId: req(ID),
        requirement: req(TEXT),
        dueOn: opt(DATE),
        measures: req(arrayOf(entry)),
        progress: req(arrayOf(entry)),
      }),
    ),
  ),
  stalls: opt(
    arrayOf(
      object({
        since: req(DATE),
        until: opt(DATE),
        cause: req(oneOf('insufficientPreliminaryStudy', 'objective', 'other')),
        note: opt(TEXT),
      }),
    ),
  ),
  incidents: opt(arrayOf(object({ on: req(DATE), severity: req(oneOf('minor', 'serious', 'grave')), note: req(TEXT) }))),
});

const headerShape: Shape = {
  format: req(oneOf('sansansan/portfolio@1')),
  year: req({ t: 'year' }),
  unit: opt(oneOf(...MONEY_UNITS)),
  city: opt(TEXT),
  leaders: req(arrayOf(object({ id: req(ID), name: req(TEXT), role: req(oneOf('mayor', 'principal', 'cityLeader')) }))),
  departments: req(arrayOf(object({ id: req(ID), name: req(TEXT), leaderId: req(ID) }))),
  projects: req(arrayOf(project)),
  meetings: req(
    arrayOf(
      object({
        level: req(oneOf('department', 'cityLeader', 'mayor')),
        on: req(DATE),
        chairId: opt(ID),
        departmentIds: req(IDS),
        form: req(oneOf('site', 'collective', 'inspection', 'report', 'onsiteOffice')),
        projectIds: opt(IDS),
      }),
    ),
  ),
  escalations: opt(
    arrayOf(object({ departmentId: req(ID), raisedOn: req(DATE), toLeaderId: req(ID), issue: req(TEXT), resolvedOn: opt(DATE) })),
  ),
  bureauReviews: req(
    arrayOf(
      object({
        bureau: req(oneOf('finance', 'land', 'approval')),
        on: req(DATE),
        departmentIds: opt(IDS),
        warnings: opt(arrayOf(object({ projectId: req(ID), note: req(TEXT) }))),
      }),
    ),
  ),
  notifications: opt(arrayOf(object({ quarter: req(leaf('quarter')), issuedOn: req(DATE), bottom: req(IDS) }))),
  interviewRequests: opt(arrayOf(object({ departmentId: req(ID), byLeaderId: req(ID), on: req(DATE), reason: req(TEXT) }))),
  overrides: opt(arrayOf(object({ projectId: req(ID), month: req(MONTH), colour: req(ID), reason: req(TEXT), by: req(TEXT) }))),
};
const portfolio = object(headerShape);
const { projects: _projects, ...headerOnly } = headerShape;
const header = object(headerOnly);

// A canonical amount, exactly as safeParseAmount writes it (no leading zeros, no trailing fraction zeros,
// no sign on zero, at most 18 integer and 10 fraction digits), read character by character.
function isCanonical(v: unknown, nonNegative: boolean): boolean {
  if (typeof v !== 'string') return false;
  return isCanonicalText(v) && !(nonNegative && v.charCodeAt(0) === 45);
}

type Check = (v: unknown) => boolean;

const isId: Check = (v) => typeof v === 'string' && v !== '' && v.length <= MAX_ID_LENGTH;
const isText: Check = (v) => typeof v === 'string' && v.length <= MAX_TEXT_LENGTH;
const isBool: Check = (v) => typeof v === 'boolean';
const isAmount: Check = (v) => isCanonical(v, false);
const isNonNegative: Check = (v) => isCanonical(v, true);
const isYear: Check = (v) => typeof v === 'number' && Number.isInteger(v) && v >= 1000 && v <= 9998;

// A node as a function that checks a value against it: built once, so that the walk over a document does
// not dispatch on node kinds at every value.
function compile(node: Node): Check {
  switch (node.t) {
    case 'id':
      return isId;
    case 'text':
      return isText;
    case 'bool':
      return isBool;
    case 'date':
      return isCalendarDate;
    case 'month':
      return isYearMonth;
    case 'quarter':
      return isQuarter;
    case 'amount':
      return isAmount;
    case 'nonNegative':
      return isNonNegative;
    case 'enum': {
      const values = node.values;
      return (v) => typeof v === 'string' && values.has(v);
    }
    case 'year':
      return isYear;
    case 'array': {
      const of = compile(node.of);
      return (v) => {
        if (!Array.isArray(v)) return false;
        for (let i = 0; i < v.length; i += 1) if (!of(v[i])) return false;
        return true;
      };
    }
    case 'record': {
      const of = compile(node.of);
      return (v) => {
        if (!isPlainObject(v)) return false;
        for (const k in v) {
          if (k === '' || k === '__proto__' || !of(v[k])) return false;
        }
        return true;
      };
    }
    case 'object':
      return compileObject(node);
  }
}

// Every key known, present keys in the shape's order, required keys present, no undefined values.
function compileObject(node: { readonly shape: Shape; readonly keys: readonly string[] }): Check {
  const { shape, keys } = node;
  const required = keys.map((k) => (shape[k] as readonly [Node, boolean])[1]);
  const checks = keys.map((k) => compile((shape[k] as readonly [Node, boolean])[0]));
  const n = keys.length;
  return (v) => {
    if (!isPlainObject(v)) return false;
    let next = 0;
    for (const k in v) {
      // k must come at or after `next` in the shape's order, found by stepping along it (a key in order is
      // the next one or a few further on); a required key stepped over is missing, a key not found is
      // unknown or out of order.
      let i = next;
      while (i < n && keys[i] !== k) {
        if (required[i] === true) return false;
        i += 1;
      }
      if (i === n || !(checks[i] as Check)(v[k])) return false;
      next = i + 1;
    }
    for (let j = next; j < n; j += 1) if (required[j] === true) return false;
    return true;
  };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

const fitsPortfolio = compile(portfolio);
const fitsHeader = compile(header);
const fitsProject = compile(project);

/** Whether a whole portfolio document is already in the form the schema returns (see the note above). */
export function isSchemaForm(input: unknown): boolean {
  return fitsPortfolio(input);
}

/** Whether the document without its projects is already in the schema's form. */
export function isHeaderSchemaForm(input: unknown): boolean {
  return fitsHeader(input);
}

/** Whether one project is already in the schema's form. */
export function isProjectSchemaForm(input: unknown): boolean {
  return fitsProject(input);
}
