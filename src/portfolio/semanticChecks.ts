import { compareFigures, figureOf, sumOf } from '../money/figure.js';
import { isCalendarDate, isQuarter, isYearMonth, monthNumber, yearOf } from '../calendar/index.js';
import { sumAmounts, type Amount } from '../money/index.js';
import { amountOf } from '../money/amount.js';
import { makeIssue, type IssueCode, type ValidationIssue } from '../validation.js';
import { isProjectCode } from './projectCode.js';

type Path = readonly (string | number)[];
type Rec = Readonly<Record<string, unknown>>;

const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const NONE: readonly unknown[] = [];
const list = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : NONE);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const own = (o: Rec, k: string): unknown => (Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);

/** Call `f` with each entry of a list that is an object, and its index; anything but a list has none. */
function eachRecord(v: unknown, f: (r: Rec, i: number) => void): void {
  if (!Array.isArray(v)) return;
  for (let i = 0; i < v.length; i += 1) {
    const r: unknown = v[i];
    if (isRec(r)) f(r, i);
  }
}

const KIND_ZH: Readonly<Record<string, string>> = {
  leader: '市领导',
  department: '部门',
  project: '项目',
  milestone: '节点',
  directive: '批示',
};

/** What the checks of the parts of a document share: the ids seen so far and the issues found. */
export interface SemanticScope {
  readonly year: number | undefined;
  readonly requireExactSum: boolean;
  readonly leaderIds: ReadonlySet<string>;
  readonly departmentIds: ReadonlySet<string>;
  readonly errors: ValidationIssue[];
  readonly warnings: ValidationIssue[];
}

// The helpers of a scope, made once per scope rather than once per project.
const TOOLS = new WeakMap<SemanticScope, ReturnType<typeof makeTools>>();

function tools(scope: SemanticScope): ReturnType<typeof makeTools> {
  let t = TOOLS.get(scope);
  if (t === undefined) {
    t = makeTools(scope);
    TOOLS.set(scope, t);
  }
  return t;
}

function makeTools(scope: SemanticScope) {
  const { errors, year } = scope;
  const push = (segments: Path, code: IssueCode, zh: string, en: string): void => {
    errors.push(makeIssue(segments, code, { zh, en }));
  };
  const collectIds = (items: unknown, base: Path, kind: string): Set<string> => {
    const seen = new Set<string>();
    const records = list(items);
    for (let i = 0; i < records.length; i += 1) {
      const r: unknown = records[i];
      const v = isRec(r) ? str(own(r, 'id')) : undefined;
      if (v === undefined) continue;
      if (seen.has(v)) push([...base, i, 'id'], 'duplicate_id', `${KIND_ZH[kind] ?? kind} id 重复:"${v}"`, `duplicate ${kind} id "${v}"`);
      seen.add(v);
    }
    return seen;
  };
  const unknownReference = (segments: Path, v: string, kind: string): void => {
    push(segments, 'unknown_reference', `引用了不存在的${KIND_ZH[kind] ?? kind} "${v}"`, `refers to an unknown ${kind} "${v}"`);
  };
  const ref = (value: unknown, known: ReadonlySet<string>, segments: () => Path, kind: string): void => {
    const v = unknownIn(value, known);
    if (v !== undefined) unknownReference(segments(), v, kind);
  };
  const refs = (value: unknown, known: ReadonlySet<string>, segments: Path, kind: string): void => {
    list(value).forEach((v, i) => {
      ref(v, known, () => [...segments, i], kind);
    });
  };
  const inYear = (value: unknown, segments: () => Path, what: 'month' | 'quarter'): void => {
    if (year === undefined) return;
    const ok = what === 'month' ? isYearMonth(value) : isQuarter(value);
    if (ok && Number((value as string).slice(0, 4)) !== year) {
      push(
        segments(),
        'outside_year',
        `${what === 'month' ? '月份' : '季度'} ${String(value)} 不在文档年度 ${year} 内`,
        `${what} ${String(value)} is outside the document's year ${year}`,
      );
    }
  };
  const uniqueBy = (
    items: unknown,
    key: (r: Rec) => string | undefined,
    base: Path,
    field: string,
    code: IssueCode,
    zh: string,
    en: string,
  ): void => {
    const seen = new Set<string>();
    eachRecord(items, (r, i) => {
      const k = key(r);
      if (k === undefined) return;
      if (seen.has(k)) push([...base, i, field], code, `${zh}重复:${k}`, `duplicate ${en}: ${k}`);
      seen.add(k);
    });
  };
  // Months of a ledger or of reports: each unique (by its text) and in the document's year. Months of the
  // year are told apart by a bit each, others through a set.
  const uniqueMonths = (items: unknown, base: Path, list: readonly string[], zh: string, en: string): void => {
    if (!Array.isArray(items)) return;
    let mask = 0;
    let others: Set<string> | undefined;
    for (let j = 0; j < items.length; j += 1) {
      const r: unknown = items[j];
      if (!isRec(r)) continue;
      const m = own(r, 'month');
      if (!isYearMonth(m)) continue;
      let duplicate: boolean;
      if (yearOf(m) === year) {
        const bit = 1 << (monthNumber(m) - 1);
        duplicate = (mask & bit) !== 0;
        mask |= bit;
      } else {
        others ??= new Set<string>();
        duplicate = others.has(m);
        others.add(m);
        inYear(m, () => [...base, ...list, j, 'month'], 'month');
      }
      if (duplicate) push([...base, ...list, j, 'month'], 'duplicate_month', `${zh}重复:${m}`, `duplicate ${en}: ${m}`);
    }
  };
  return { push, unknownReference, collectIds, ref, refs, inYear, uniqueBy, uniqueMonths };
}

const LEDGER_MONTHS: readonly string[] = ['ledger', 'months'];
const REPORTS: readonly string[] = ['reports'];

/**
 * The checks JSON structure cannot express, run on the raw input so that they report even when other
 * parts of the document are malformed: references, uniqueness, months and quarters outside the year,
 * the single mayor, ledger sums and undated reports.
 */
export function semanticChecks(input: unknown, requireExactSum: boolean): { errors: ValidationIssue[]; warnings: ValidationIssue[] } {
  if (!isRec(input)) return { errors: [], warnings: [] };
  const scope = headerChecks(input, requireExactSum);
  const projects = input['projects'];
  const projectIds = tools(scope).collectIds(projects, ['projects'], 'project');
  eachRecord(projects, (p, i) => {
    projectChecks(p, i, scope);
  });
  projectReferenceChecks(input, projectIds, scope);
  return { errors: scope.errors, warnings: scope.warnings };
}

/** The checks of everything but the projects; the scope they return carries the leader and department ids. */
export function headerChecks(input: Rec, requireExactSum: boolean): SemanticScope {
  const year = typeof input['year'] === 'number' && Number.isInteger(input['year']) ? input['year'] : undefined;
  const partial = { year, requireExactSum, leaderIds: new Set<string>(), departmentIds: new Set<string>(), errors: [], warnings: [] };
  const t = tools(partial);
  const leaders = input['leaders'];
  const departments = input['departments'];
  const scope: SemanticScope = {
    ...partial,
    leaderIds: t.collectIds(leaders, ['leaders'], 'leader'),
    departmentIds: t.collectIds(departments, ['departments'], 'department'),
  };
  const { push, ref, refs, inYear, uniqueBy } = tools(scope);
  const { leaderIds, departmentIds } = scope;

  let mayors = 0;
  eachRecord(leaders, (r, i) => {
    if (own(r, 'role') !== 'mayor') return;
    mayors += 1;
    if (mayors > 1) push(['leaders', i, 'role'], 'multiple_mayors', '文档中只能有一位市长', 'a document has at most one mayor');
  });

  eachRecord(departments, (d, i) => {
    ref(own(d, 'leaderId'), leaderIds, () => ['departments', i, 'leaderId'], 'leader');
  });

  eachRecord(input['meetings'], (m, i) => {
    ref(own(m, 'chairId'), leaderIds, () => ['meetings', i, 'chairId'], 'leader');
    refs(own(m, 'departmentIds'), departmentIds, ['meetings', i, 'departmentIds'], 'department');
  });
  eachRecord(input['escalations'], (e, i) => {
    ref(own(e, 'departmentId'), departmentIds, () => ['escalations', i, 'departmentId'], 'department');
    ref(own(e, 'toLeaderId'), leaderIds, () => ['escalations', i, 'toLeaderId'], 'leader');
  });
  eachRecord(input['bureauReviews'], (r, i) => {
    refs(own(r, 'departmentIds'), departmentIds, ['bureauReviews', i, 'departmentIds'], 'department');
  });
  const notifications = input['notifications'];
  uniqueBy(
    notifications,
    (n) => (isQuarter(own(n, 'quarter')) ? (own(n, 'quarter') as string) : undefined),
    ['notifications'],
    'quarter',
    'duplicate_notification',
    '通报季度',
    'notification quarter',
  );
  eachRecord(notifications, (n, i) => {
    inYear(own(n, 'quarter'), () => ['notifications', i, 'quarter'], 'quarter');
    refs(own(n, 'bottom'), departmentIds, ['notifications', i, 'bottom'], 'department');
  });
  eachRecord(input['interviewRequests'], (r, i) => {
    ref(own(r, 'departmentId'), departmentIds, () => ['interviewRequests', i, 'departmentId'], 'department');
    ref(own(r, 'byLeaderId'), leaderIds, () => ['interviewRequests', i, 'byLeaderId'], 'leader');
  });
  const overrides = input['overrides'];
  uniqueBy(
    overrides,
    (o) =>
      str(own(o, 'projectId')) !== undefined && isYearMonth(own(o, 'month'))
        ? `${String(own(o, 'projectId'))} ${String(own(o, 'month'))}`
        : undefined,
    ['overrides'],
    'month',
    'duplicate_override',
    '人工调整(项目、月份)',
    'override (project, month)',
  );
  eachRecord(overrides, (o, i) => {
    inYear(own(o, 'month'), () => ['overrides', i, 'month'], 'month');
  });
  return scope;
}

/** The references to projects from outside them, once every project id is known. */
export function projectReferenceChecks(input: Rec, projectIds: ReadonlySet<string>, scope: SemanticScope): void {
  const { ref, refs } = tools(scope);
  eachRecord(input['meetings'], (m, i) => {
    refs(own(m, 'projectIds'), projectIds, ['meetings', i, 'projectIds'], 'project');
  });
  eachRecord(input['bureauReviews'], (r, i) => {
    eachRecord(own(r, 'warnings'), (w, j) => {
      ref(own(w, 'projectId'), projectIds, () => ['bureauReviews', i, 'warnings', j, 'projectId'], 'project');
    });
  });
  eachRecord(input['overrides'], (o, i) => {
    ref(own(o, 'projectId'), projectIds, () => ['overrides', i, 'projectId'], 'project');
  });
  eachRecord(input['escalations'], (e, i) => {
    ref(own(e, 'projectId'), projectIds, () => ['escalations', i, 'projectId'], 'project');
  });
}

/** The checks of project `i` (its id's uniqueness among projects is checked by the caller). */
export function projectChecks(p: Rec, i: number, scope: SemanticScope): void {
  const { push, collectIds, uniqueMonths, unknownReference: unknownAt } = tools(scope);
  const { warnings, leaderIds, departmentIds } = scope;
  // Loops rather than callbacks, and paths written only for an issue: this runs once per project.
  const at = (...tail: (string | number)[]): Path => ['projects', i, ...tail];
  const unknownReference = (v: string, kind: string, ...tail: (string | number)[]): void => {
    unknownAt(at(...tail), v, kind);
  };
  const department = unknownIn(own(p, 'departmentId'), departmentIds);
  if (department !== undefined) unknownReference(department, 'department', 'departmentId');
  const code = own(p, 'code');
  if (typeof code === 'string' && !isProjectCode(code)) {
    warnings.push(
      makeIssue(at('code'), 'invalid_project_code', {
        zh: `项目代码格式应为 NNNN-NNNNNN-NN-NN-NNNNNN:${code}`,
        en: `a project code looks like NNNN-NNNNNN-NN-NN-NNNNNN: ${code}`,
      }),
    );
  }
  const milestones = own(p, 'milestones');
  const milestoneIds = Array.isArray(milestones) && milestones.length > 0 ? collectIds(milestones, at('milestones'), 'milestone') : NO_IDS;
  const directives = own(p, 'directives');
  if (Array.isArray(directives) && directives.length > 0) collectIds(directives, at('directives'), 'directive');

  const ledger = own(p, 'ledger');
  const months = isRec(ledger) ? own(ledger, 'months') : undefined;
  const base: Path = ['projects', i];
  uniqueMonths(months, base, LEDGER_MONTHS, '台账月份', 'ledger month');

  const reports = own(p, 'reports');
  uniqueMonths(reports, base, REPORTS, '月报月份', 'report month');
  const reportList = list(reports);
  for (let j = 0; j < reportList.length; j += 1) {
    const r: unknown = reportList[j];
    if (!isRec(r)) continue;
    const achieved = own(r, 'achieved');
    if (isRec(achieved)) {
      for (const k of Object.keys(achieved)) {
        const m = unknownIn(k, milestoneIds);
        if (m !== undefined) unknownReference(m, 'milestone', 'reports', j, 'achieved', k);
      }
      // The schema's record type skips an own `__proto__` key, so its date is checked here (and kept by
      // parsePortfolio.ts): a milestone may be called `__proto__`.
      const proto = own(achieved, '__proto__');
      if (proto !== undefined && !isCalendarDate(proto)) {
        push(
          at('reports', j, 'achieved', '__proto__'),
          'invalid_date',
          '日期无效,应为 YYYY-MM-DD',
          'not a valid date, expected YYYY-MM-DD',
        );
      }
    }
    if (own(r, 'submittedOn') === undefined && isYearMonth(own(r, 'month'))) {
      warnings.push(
        makeIssue(at('reports', j, 'submittedOn'), 'report_without_date', {
          zh: `${String(own(r, 'month'))} 月报未填报送日期`,
          en: `the ${String(own(r, 'month'))} report has no submission date`,
        }),
      );
    }
  }
  const changes = list(own(p, 'changes'));
  for (let j = 0; j < changes.length; j += 1) {
    const c: unknown = changes[j];
    if (!isRec(c)) continue;
    const m = unknownIn(own(c, 'milestoneId'), milestoneIds);
    if (m !== undefined) unknownReference(m, 'milestone', 'changes', j, 'milestoneId');
  }
  const directiveList = list(directives);
  for (let j = 0; j < directiveList.length; j += 1) {
    const d: unknown = directiveList[j];
    if (!isRec(d)) continue;
    const l = unknownIn(own(d, 'byLeaderId'), leaderIds);
    if (l !== undefined) unknownReference(l, 'leader', 'directives', j, 'byLeaderId');
  }

  // 1.1: the ledger's months should add up to the annual plan.
  const plan = amountOf(own(p, 'annualPlan'));
  const amounts: Amount[] = [];
  let allAmounts = true;
  for (const m of list(months)) {
    if (!isRec(m)) continue;
    const a = amountOf(own(m, 'investment'));
    if (a !== undefined) amounts.push(a);
    else allAmounts = false;
  }
  if (plan !== undefined && allAmounts && compareFigures(sumOf(amounts), figureOf(plan)) !== 0) {
    const total = sumAmounts(amounts);
    const issue = makeIssue(at('ledger', 'months'), 'ledger_sum_mismatch', {
      zh: `台账各月投资合计 ${total} 与年度计划 ${plan} 不一致`,
      en: `the ledger months sum to ${total}, not the annual plan ${plan}`,
    });
    (scope.requireExactSum ? scope.errors : warnings).push(issue);
  }
}

const NO_IDS: ReadonlySet<string> = new Set<string>();

// The value when it is an id (a non-empty string) not among `known`.
function unknownIn(value: unknown, known: ReadonlySet<string>): string | undefined {
  const v = str(value);
  return v !== undefined && !known.has(v) ? v : undefined;
}
