/**
 * fast-check arbitraries for raw portfolio documents (`sansansan/portfolio@1`, domain §2), as a
 * government system would send them: plain JSON, amounts as decimal strings (or, on request,
 * finite JSON numbers), dates as ISO `YYYY-MM-DD` strings, months as `YYYY-MM`.
 *
 * Every generated document is valid: ids are unique, every reference resolves, months and quarters
 * lie in the document's `year`, dates exist, amounts follow `^-?\d+(\.\d+)?$`. Amounts and dates are
 * built from integers only (BigInt for amounts), never from floating-point arithmetic, and the
 * decimal helpers at the end let tests compute expected totals without the library's own code.
 */
import * as fc from 'fast-check';

// ---------------------------------------------------------------------------------------------
// Raw document shapes (domain §2) — the pre-parse form, before `parsePortfolio` brands anything.
// ---------------------------------------------------------------------------------------------

/** An amount as sent: a decimal string such as `"1250.25"`, or a finite JSON number. */
export type RawAmount = string | number;

/** A leader's role (`principal` = 市政府主要领导). */
export type RawLeaderRole = 'mayor' | 'principal' | 'cityLeader';

/** 市领导. */
export interface RawLeader {
  readonly id: string;
  readonly name: string;
  readonly role: RawLeaderRole;
}

/** 责任单位, with the leader in charge (分管市领导). */
export interface RawDepartment {
  readonly id: string;
  readonly name: string;
  readonly leaderId: string;
}

/** One planned month of the investment ledger (投资台账). */
export interface RawLedgerMonth {
  readonly month: string;
  readonly investment: RawAmount;
  readonly workload?: string;
  readonly procedures?: readonly string[];
}

/** The investment ledger (投资台账). */
export interface RawLedger {
  readonly submittedOn?: string;
  readonly months: readonly RawLedgerMonth[];
}

/** A milestone kind. */
export type RawMilestoneKind = 'start' | 'completion' | 'procedure' | 'physical';

/** A milestone (节点). */
export interface RawMilestone {
  readonly id: string;
  readonly kind: RawMilestoneKind;
  readonly name: string;
  readonly due: string;
  readonly baselineDue?: string;
  readonly achievedOn?: string;
}

/** A monthly progress report (月报). */
export interface RawReport {
  readonly month: string;
  readonly submittedOn?: string;
  readonly investment: RawAmount;
  readonly progress?: string;
  readonly noProgress?: boolean;
  readonly achieved?: Readonly<Record<string, string>>;
}

/** A change to a project (变更). */
export interface RawChange {
  readonly on: string;
  readonly subject: 'content' | 'milestone' | 'scale' | 'location';
  readonly milestoneId?: string;
  readonly from?: string;
  readonly to?: string;
  readonly approvedByPrincipal: boolean;
  readonly ref?: string;
}

/** A dated entry of a directive (a measure or a progress note). */
export interface RawDirectiveEntry {
  readonly on: string;
  readonly text: string;
}

/** A leader's directive (批示). */
export interface RawDirective {
  readonly id: string;
  readonly issuedOn: string;
  readonly byLeaderId: string;
  readonly requirement: string;
  readonly dueOn?: string;
  readonly measures: readonly RawDirectiveEntry[];
  readonly progress: readonly RawDirectiveEntry[];
}

/** Why a project stalled. */
export type RawStallCause = 'insufficientPreliminaryStudy' | 'objective' | 'other';

/** A stall (停工); `until` is the day work resumed. */
export interface RawStall {
  readonly since: string;
  readonly until?: string;
  readonly cause: RawStallCause;
  readonly note?: string;
}

/** A safety or quality incident. */
export interface RawIncident {
  readonly on: string;
  readonly severity: 'minor' | 'serious' | 'grave';
  readonly note: string;
}

/** A project (项目). */
export interface RawProject {
  readonly id: string;
  readonly name: string;
  readonly departmentId: string;
  readonly code?: string;
  readonly constructionUnit?: string;
  readonly majorLivelihood?: boolean;
  readonly responsible: { readonly leader: string; readonly person: string };
  readonly totalInvestment?: RawAmount;
  readonly annualPlan: RawAmount;
  readonly ledger: RawLedger;
  readonly milestones: readonly RawMilestone[];
  readonly reports: readonly RawReport[];
  readonly changes?: readonly RawChange[];
  readonly directives?: readonly RawDirective[];
  readonly stalls?: readonly RawStall[];
  readonly incidents?: readonly RawIncident[];
}

/** A scheduling meeting (调度会). */
export interface RawMeeting {
  readonly level: 'department' | 'cityLeader' | 'mayor';
  readonly on: string;
  readonly chairId?: string;
  readonly departmentIds: readonly string[];
  readonly form: 'site' | 'collective' | 'inspection' | 'report' | 'onsiteOffice';
  readonly projectIds?: readonly string[];
}

/** An issue a department raised to a city leader (提请协调). */
export interface RawEscalation {
  readonly departmentId: string;
  readonly raisedOn: string;
  readonly toLeaderId: string;
  readonly issue: string;
  readonly projectId?: string;
  readonly resolvedOn?: string;
}

/** A bureau review (财政、国土、审批部门 review). */
export interface RawBureauReview {
  readonly bureau: 'finance' | 'land' | 'approval';
  readonly on: string;
  readonly departmentIds?: readonly string[];
  readonly warnings?: readonly {
    readonly projectId: string;
    readonly note: string;
  }[];
}

/** A quarterly notification already issued (通报). */
export interface RawNotification {
  readonly quarter: string;
  readonly issuedOn: string;
  readonly bottom: readonly string[];
}

/** A request to interview a department (约谈申请, rule 3.2.6). */
export interface RawInterviewRequest {
  readonly departmentId: string;
  readonly byLeaderId: string;
  readonly on: string;
  readonly reason: string;
}

/** A colour of the `handan-2018` scale (绿 / 白 / 黄 / 红). */
export type RawColour = 'green' | 'white' | 'yellow' | 'red';

/** A manual colour override for (projectId, month) (§4). */
export interface RawOverride {
  readonly projectId: string;
  readonly month: string;
  readonly colour: RawColour;
  readonly reason: string;
  readonly by: string;
}

/** A whole portfolio document, `format: "sansansan/portfolio@1"`. */
export interface RawPortfolioDocument {
  readonly format: 'sansansan/portfolio@1';
  readonly year: number;
  readonly unit: '万元';
  readonly city?: string;
  readonly leaders: readonly RawLeader[];
  readonly departments: readonly RawDepartment[];
  readonly projects: readonly RawProject[];
  readonly meetings: readonly RawMeeting[];
  readonly escalations?: readonly RawEscalation[];
  readonly bureauReviews: readonly RawBureauReview[];
  readonly notifications?: readonly RawNotification[];
  readonly interviewRequests?: readonly RawInterviewRequest[];
  readonly overrides?: readonly RawOverride[];
}

// ---------------------------------------------------------------------------------------------
// Calendar (integer arithmetic on day numbers; no JS Date).
// ---------------------------------------------------------------------------------------------

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The ISO date of a day number (H. Hinnant's civil_from_days). */
function isoOfDayNumber(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

function dayNumberOfIso(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match === null) throw new RangeError(`not an ISO date: ${date}`);
  const [, y, m, d] = match;
  return dayNumber(Number(y), Number(m), Number(d));
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days of `month` (1–12) in `year`. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function monthKey(year: number, month: number): string {
  return `${year}-${pad2(month)}`;
}

/** The twelve months `YYYY-01` … `YYYY-12` of `year`. */
function monthsOf(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => monthKey(year, i + 1));
}

/** First and last day of the month after `YYYY-MM` (December → January of the next year). */
function nextMonthBounds(month: string): readonly [string, string] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const ny = m === 12 ? y + 1 : y;
  const nm = m === 12 ? 1 : m + 1;
  return [`${monthKey(ny, nm)}-01`, `${monthKey(ny, nm)}-${pad2(daysInMonth(ny, nm))}`];
}

/**
 * An existing ISO date between `from` and `to`, both inclusive.
 *
 * @throws RangeError when a bound is not `YYYY-MM-DD` or `from` is after `to`.
 */
export function arbDateBetween(from: string, to: string): fc.Arbitrary<string> {
  const min = dayNumberOfIso(from);
  const max = dayNumberOfIso(to);
  if (min > max) throw new RangeError(`empty date range ${from} … ${to}`);
  return fc.integer({ min, max }).map(isoOfDayNumber);
}

/** An existing ISO date in `year` (29 February only in leap years). */
export function arbDate(year: number): fc.Arbitrary<string> {
  return arbDateBetween(`${year}-01-01`, `${year}-12-31`);
}

/** A month `YYYY-MM` of `year`. */
export function arbMonth(year: number): fc.Arbitrary<string> {
  return fc.integer({ min: 1, max: 12 }).map((m) => monthKey(year, m));
}

/** An evaluation date from `year`-01-01 to (`year`+1)-02-28, both inclusive. */
export function arbAsOf(year: number): fc.Arbitrary<string> {
  return arbDateBetween(`${year}-01-01`, `${year + 1}-02-28`);
}

// ---------------------------------------------------------------------------------------------
// Exact decimals (BigInt scaled integers; no floats, no decimal.js).
// ---------------------------------------------------------------------------------------------

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

interface Scaled {
  readonly units: bigint;
  readonly scale: number;
}

function parseDecimal(value: string): Scaled {
  const match = DECIMAL.exec(value);
  if (match === null) throw new RangeError(`not a decimal string: ${JSON.stringify(value)}`);
  const [, sign, whole = '', fraction = ''] = match;
  const units = BigInt(whole + fraction);
  return { units: sign === '-' ? -units : units, scale: fraction.length };
}

function rescale(value: Scaled, scale: number): bigint {
  return value.units * 10n ** BigInt(scale - value.scale);
}

function formatScaled(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  return `${negative ? '-' : ''}${whole}${scale > 0 ? `.${fraction}` : ''}`;
}

/**
 * Exact sum of decimal strings, computed on BigInt scaled integers.
 *
 * @remarks The result has as many decimals as the most precise input (`["1.5", "2.25"]` →
 * `"3.75"`, `["1.50", "1"]` → `"2.50"`); the empty sum is `"0"`; zero is never `"-0"`.
 * @throws RangeError when an element does not match `^-?\d+(\.\d+)?$`.
 */
export function sumDecimalStrings(list: readonly string[]): string {
  const parsed = list.map(parseDecimal);
  const scale = Math.max(0, ...parsed.map((p) => p.scale));
  const total = parsed.reduce((acc, p) => acc + rescale(p, scale), 0n);
  return formatScaled(total, scale);
}

/**
 * Exact comparison of two decimal strings by value (`"1.50"` equals `"1.5"`).
 *
 * @returns -1, 0 or 1 as `a` is less than, equal to or greater than `b`.
 * @throws RangeError when an argument does not match `^-?\d+(\.\d+)?$`.
 */
export function compareDecimalStrings(a: string, b: string): -1 | 0 | 1 {
  const pa = parseDecimal(a);
  const pb = parseDecimal(b);
  const scale = Math.max(pa.scale, pb.scale);
  const x = rescale(pa, scale);
  const y = rescale(pb, scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Bounds and sign of {@link arbAmount} / {@link arbAmountInput}. */
export interface AmountOptions {
  /** Smallest value (a decimal string or an exact number, ≤ 4 decimals); default 0, or −max with `allowNegative`. */
  readonly min?: string | number;
  /** Largest value (a decimal string or an exact number, ≤ 4 decimals); default 100000. */
  readonly max?: string | number;
  /** Whether values below zero may occur (a report's correction, 核减); default false. */
  readonly allowNegative?: boolean;
}

const MAX_DECIMALS = 4;
// Weights of 0…4 decimals: whole and two-decimal amounts are what ledgers mostly hold.
const DECIMAL_WEIGHTS = [3, 1, 3, 1, 1] as const;

function boundToScaled(bound: string | number, name: string): bigint {
  const text = typeof bound === 'number' ? String(bound) : bound;
  const parsed = parseDecimal(text);
  if (parsed.scale > MAX_DECIMALS) throw new RangeError(`${name} has more than 4 decimals: ${text}`);
  return rescale(parsed, MAX_DECIMALS);
}

function scaledBounds(options: AmountOptions): readonly [bigint, bigint] {
  const max = boundToScaled(options.max ?? '100000', 'max');
  const allowNegative = options.allowNegative ?? false;
  const min = options.min === undefined ? (allowNegative && max > 0n ? -max : 0n) : boundToScaled(options.min, 'min');
  if (!allowNegative && min < 0n) throw new RangeError('min < 0 needs allowNegative: true');
  if (min > max) throw new RangeError('min > max');
  return [min, max];
}

const ceilDiv = (a: bigint, b: bigint): bigint => (a >= 0n ? (a + b - 1n) / b : a / b);
const floorDiv = (a: bigint, b: bigint): bigint => (a >= 0n ? a / b : (a - b + 1n) / b);

/** Per decimal count d, the range of integers n such that n / 10^d lies in [min, max]. */
function rangesByDecimals(min: bigint, max: bigint, maxDecimals: number): { decimals: number; lo: bigint; hi: bigint }[] {
  const ranges: { decimals: number; lo: bigint; hi: bigint }[] = [];
  for (let decimals = 0; decimals <= maxDecimals; decimals += 1) {
    const factor = 10n ** BigInt(MAX_DECIMALS - decimals);
    const lo = ceilDiv(min, factor);
    const hi = floorDiv(max, factor);
    if (lo <= hi) ranges.push({ decimals, lo, hi });
  }
  return ranges;
}

/**
 * A decimal string amount matching `^-?\d+(\.\d+)?$` with 0–4 decimals, e.g. `"1250.25"`.
 *
 * @remarks Built from a BigInt and a decimal count, never from a float. Trailing zeros may occur
 * (`"1250.20"`): they are part of the grammar.
 * @throws RangeError when the bounds are malformed, empty, or negative without `allowNegative`.
 */
export function arbAmount(options: AmountOptions = {}): fc.Arbitrary<string> {
  const [min, max] = scaledBounds(options);
  const choices = rangesByDecimals(min, max, MAX_DECIMALS).map(({ decimals, lo, hi }) => ({
    weight: DECIMAL_WEIGHTS[decimals] ?? 1,
    arbitrary: fc.bigInt(lo, hi).map((n) => formatScaled(n, decimals)),
  }));
  return fc.oneof(...choices);
}

// Below 10^15 scaled units a decimal has ≤ 15 significant digits, so its double prints back exactly.
const EXACT_NUMBER_LIMIT = 10n ** 15n - 1n;

/**
 * An amount as a JSON system may send it: mostly a decimal string ({@link arbAmount}), sometimes a
 * finite number with ≤ 2 decimals whose `String()` form is exactly its decimal value (`1250.25`).
 *
 * @throws RangeError as {@link arbAmount}.
 */
export function arbAmountInput(options: AmountOptions = {}): fc.Arbitrary<RawAmount> {
  const [min, max] = scaledBounds(options);
  const numeric = rangesByDecimals(min, max, 2)
    .map(({ decimals, lo, hi }) => ({
      decimals,
      lo: lo < -EXACT_NUMBER_LIMIT ? -EXACT_NUMBER_LIMIT : lo,
      hi: hi > EXACT_NUMBER_LIMIT ? EXACT_NUMBER_LIMIT : hi,
    }))
    .filter(({ lo, hi }) => lo <= hi)
    .map(({ decimals, lo, hi }) => ({
      weight: 1,
      arbitrary: fc.bigInt(lo, hi).map((n): number => {
        const value = Number(n) / 10 ** decimals;
        // Invariant of the generator, not of the code under test.
        if (compareDecimalStrings(String(value), formatScaled(n, decimals)) !== 0) {
          throw new Error(`inexact number ${value} for ${formatScaled(n, decimals)}`);
        }
        return value;
      }),
    }));
  const strings: fc.Arbitrary<RawAmount> = arbAmount(options);
  if (numeric.length === 0) return strings;
  return fc.oneof({ weight: 3, arbitrary: strings }, { weight: 1, arbitrary: fc.oneof(...numeric) });
}

// ---------------------------------------------------------------------------------------------
// Small building blocks.
// ---------------------------------------------------------------------------------------------

/** Every permutation of `items` (a shuffled subarray that keeps all of them). */
function shuffled<T>(items: readonly T[]): fc.Arbitrary<T[]> {
  return fc.shuffledSubarray([...items], {
    minLength: items.length,
    maxLength: items.length,
  });
}

/** One value per arbitrary, in order. */
function all<T>(arbs: readonly fc.Arbitrary<T>[]): fc.Arbitrary<T[]> {
  return fc.tuple<T[]>(...arbs);
}

/** `{ [key]: value }` or `{}` — optional keys stay absent, never `undefined`. */
function optional<K extends string, V>(key: K, arb: fc.Arbitrary<V>): fc.Arbitrary<Partial<Record<K, V>>> {
  return fc.option(arb, { nil: undefined, freq: 2 }).map((value): Partial<Record<K, V>> => {
    if (value === undefined) return {};
    const entry: Partial<Record<K, V>> = {};
    entry[key] = value;
    return entry;
  });
}

/** An absent key or a fresh empty list, for optional lists a document may leave out. */
function absentOrEmpty<K extends string, V>(key: K): fc.Arbitrary<Partial<Record<K, readonly V[]>>> {
  return fc.boolean().map((present) => {
    const entry: Partial<Record<K, readonly V[]>> = {};
    if (present) entry[key] = [];
    return entry;
  });
}

// Id tokens mix digits, both letter cases, punctuation and CJK so that UTF-16 ordering matters.
const ID_CHARS = Array.from('0123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz-_市建交水');
const arbIdToken: fc.Arbitrary<string> = fc.string({
  unit: fc.constantFrom(...ID_CHARS),
  minLength: 1,
  maxLength: 5,
});

const PERSONS = ['王建国', '李明', '张伟', '刘洋', '陈静', '杨帆', '赵磊', '黄丽', '周强', '吴敏'];
const DEPARTMENT_NAMES = [
  '市发展改革委',
  '市住房城乡建设局',
  '市交通运输局',
  '市水利局',
  '市生态环境局',
  '市城市管理综合行政执法局',
  '市教育局',
  '市卫生健康委',
  '邯郸经济技术开发区管委会',
  '冀南新区管委会',
];
const PROJECT_NAMES = [
  '东环路快速化改造工程',
  '滏阳河综合治理工程',
  '市第一医院新院区',
  '东污水处理厂提标改造',
  '智慧城市一期',
  '丛台公园提升改造',
  '第二十中学新建工程',
  '保障性租赁住房项目',
  '城区供热管网改造',
  '高铁站前广场综合体',
];
const PROGRESS_TEXTS = ['完成土方开挖', '主体结构施工', '设备安装调试', '已完成招标', '管网铺设完成'];
const NOTES = ['资金未到位', '征地拆迁受阻', '环评未批复', '汛期停工', '设计变更'];
const PROCEDURES = ['立项', '用地预审', '规划许可', '环评批复', '施工许可'];
const MILESTONE_NAMES: Readonly<Record<RawMilestoneKind, readonly string[]>> = {
  start: ['开工', '正式开工'],
  completion: ['竣工', '主体完工'],
  procedure: ['取得施工许可', '环评批复', '用地批复'],
  physical: ['主体封顶', '管网贯通', '设备进场'],
};

const arbPerson: fc.Arbitrary<string> = fc.constantFrom(...PERSONS);
const arbNote: fc.Arbitrary<string> = fc.constantFrom(...NOTES);
const weighted = <T>(weight: number, arbitrary: fc.Arbitrary<T>): fc.WeightedArbitrary<T> => ({
  weight,
  arbitrary,
});

// ---------------------------------------------------------------------------------------------
// Documents.
// ---------------------------------------------------------------------------------------------

/** Options of {@link arbPortfolioDocument}. */
export interface PortfolioDocumentOptions {
  /** The document's `year`; default 2025. */
  readonly year?: number;
  /**
   * Add supervision records: per project `changes`, `directives`, `incidents`; at top level
   * `meetings`, `escalations`, `bureauReviews`, `notifications`, `interviewRequests`, `overrides`.
   * Default false: top-level `meetings` and `bureauReviews` are empty and the other lists are
   * absent or empty.
   */
  readonly withSupervisionRecords?: boolean;
  /** Let amounts sometimes be JSON numbers ({@link arbAmountInput}); default false. */
  readonly numericAmounts?: boolean;
  /** Largest number of projects, 1–8; default 8. */
  readonly maxProjects?: number;
}

interface DocumentContext {
  readonly year: number;
  readonly supervision: boolean;
  readonly amount: (options: AmountOptions) => fc.Arbitrary<RawAmount>;
  readonly leaderIds: readonly string[];
  readonly departmentIds: readonly string[];
  readonly projectIds: readonly string[];
}

const yearStart = (year: number): string => `${year}-01-01`;
const yearEnd = (year: number): string => `${year}-12-31`;

/** A date from `from` to the end of `year` (just `from` when it lies after the year). */
const arbDateFrom = (from: string, year: number): fc.Arbitrary<string> => arbDateBetween(from, from > yearEnd(year) ? from : yearEnd(year));

function arbLedgerMonth(ctx: DocumentContext, month: string, zeroPlan: boolean): fc.Arbitrary<RawLedgerMonth> {
  return fc
    .tuple(
      ctx.amount(zeroPlan ? { max: 0 } : { max: 20000 }),
      optional('workload', fc.constantFrom(...PROGRESS_TEXTS)),
      optional('procedures', fc.subarray(PROCEDURES, { minLength: 1 })),
    )
    .map(([investment, workload, procedures]) => ({
      month,
      investment,
      ...workload,
      ...procedures,
    }));
}

function arbMilestone(year: number, id: string): fc.Arbitrary<RawMilestone> {
  return fc
    .tuple(
      fc.constantFrom<RawMilestoneKind>('start', 'completion', 'procedure', 'physical'),
      fc.nat(),
      arbDate(year),
      // A baseline equal to `due` (never moved) or another date (moved, 3.2.5).
      fc.option(fc.oneof(fc.constant('same'), arbDate(year)), {
        nil: undefined,
        freq: 2,
      }),
      optional('achievedOn', arbDate(year)),
    )
    .map(([kind, nameIndex, due, baseline, achievedOn]) => {
      const names = MILESTONE_NAMES[kind];
      const name = names[nameIndex % names.length] ?? kind;
      const baselineDue = baseline === undefined ? {} : { baselineDue: baseline === 'same' ? due : baseline };
      return { id, kind, name, due, ...baselineDue, ...achievedOn };
    });
}

function arbReport(
  ctx: DocumentContext,
  month: string,
  planned: RawAmount | undefined,
  milestoneIds: readonly string[],
): fc.Arbitrary<RawReport> {
  const [nextFirst, nextLast] = nextMonthBounds(month);
  const investment = fc.oneof(
    ...(planned === undefined ? [] : [weighted(3, fc.constant(planned))]),
    weighted(3, ctx.amount({ max: 20000 })),
    weighted(1, fc.constant<RawAmount>('0')),
    // A correction (核减): a report's investment may be negative.
    weighted(1, ctx.amount({ min: -2000, max: 0, allowNegative: true })),
  );
  const achieved =
    milestoneIds.length === 0
      ? fc.constant({})
      : optional(
          'achieved',
          fc
            .subarray([...milestoneIds], { minLength: 1 })
            .chain((ids) => all(ids.map((id) => arbDate(ctx.year).map((d): [string, string] => [id, d]))))
            .map((entries): Readonly<Record<string, string>> => Object.fromEntries(entries)),
        );
  return fc
    .tuple(
      investment,
      // Most reports carry their submission date; some do not (a warning, still valid).
      fc.option(arbDateBetween(nextFirst, nextLast), {
        nil: undefined,
        freq: 6,
      }),
      optional('progress', fc.constantFrom(...PROGRESS_TEXTS)),
      optional('noProgress', fc.boolean()),
      achieved,
    )
    .map(([inv, submittedOn, progress, noProgress, achievedEntry]) => ({
      month,
      ...(submittedOn === undefined ? {} : { submittedOn }),
      investment: inv,
      ...progress,
      ...noProgress,
      ...achievedEntry,
    }));
}

function arbStall(year: number): fc.Arbitrary<RawStall> {
  return arbDateBetween(yearStart(year), `${year}-12-30`).chain((since) =>
    fc
      .tuple(
        // `until` (the day work resumed) is strictly after `since`.
        optional('until', arbDateBetween(isoOfDayNumber(dayNumberOfIso(since) + 1), yearEnd(year))),
        fc.constantFrom<RawStallCause>('insufficientPreliminaryStudy', 'objective', 'other'),
        optional('note', arbNote),
      )
      .map(([until, cause, note]) => ({ since, ...until, cause, ...note })),
  );
}

function arbChange(year: number, milestones: readonly RawMilestone[]): fc.Arbitrary<RawChange> {
  const subjects = fc.constantFrom<RawChange['subject']>('content', 'milestone', 'scale', 'location');
  return fc
    .tuple(arbDate(year), subjects, fc.boolean(), optional('ref', fc.constantFrom('邯发改投资〔2025〕12号', '市政府常务会纪要')))
    .chain(([on, subject, approvedByPrincipal, ref]): fc.Arbitrary<RawChange> => {
      const base = { on, subject, approvedByPrincipal, ...ref };
      if (subject !== 'milestone' || milestones.length === 0) {
        return optional('to', fc.constantFrom('调整建设内容', '扩大规模', '调整选址')).map((to) => ({ ...base, ...to }));
      }
      // A milestone change moves a due date: `from` and `to` are ISO dates.
      return fc.tuple(fc.constantFrom(...milestones), arbDate(year)).map(([m, to]) => ({
        ...base,
        milestoneId: m.id,
        from: m.baselineDue ?? m.due,
        to,
      }));
    });
}

function arbDirective(ctx: DocumentContext, id: string): fc.Arbitrary<RawDirective> {
  return arbDate(ctx.year).chain((issuedOn) => {
    const entry = fc.tuple(arbDateFrom(issuedOn, ctx.year), fc.constantFrom(...PROGRESS_TEXTS)).map(([on, text]) => ({ on, text }));
    return fc
      .tuple(
        fc.constantFrom(...ctx.leaderIds),
        fc.constantFrom('加快推进征地拆迁', '月底前完成招标', '确保按期开工'),
        optional('dueOn', arbDateFrom(issuedOn, ctx.year)),
        fc.array(entry, { maxLength: 2 }),
        fc.array(entry, { maxLength: 2 }),
      )
      .map(([byLeaderId, requirement, dueOn, measures, progress]) => ({
        id,
        issuedOn,
        byLeaderId,
        requirement,
        ...dueOn,
        measures,
        progress,
      }));
  });
}

function arbIncident(year: number): fc.Arbitrary<RawIncident> {
  return fc
    .tuple(arbDate(year), fc.constantFrom<RawIncident['severity']>('minor', 'serious', 'grave'), arbNote)
    .map(([on, severity, note]) => ({ on, severity, note }));
}

/** How the annual plan relates to the ledger. */
type PlanMode = 'sumOfLedger' | 'independent' | 'zero';

function arbProject(ctx: DocumentContext, id: string): fc.Arbitrary<RawProject> {
  const months = monthsOf(ctx.year);
  return fc
    .record(
      {
        name: fc.constantFrom(...PROJECT_NAMES),
        departmentId: fc.constantFrom(...ctx.departmentIds),
        responsible: fc.record({ leader: arbPerson, person: arbPerson }, { noNullPrototype: true }),
        planMode: fc.oneof(
          weighted(6, fc.constant<PlanMode>('sumOfLedger')),
          weighted(2, fc.constant<PlanMode>('independent')),
          weighted(1, fc.constant<PlanMode>('zero')),
        ),
        ledgerMonths: fc.subarray(months),
        ledgerSubmittedOn: optional('submittedOn', arbDateBetween(yearStart(ctx.year), `${ctx.year}-03-31`)),
        milestoneIds: fc.uniqueArray(
          arbIdToken.map((t) => `M-${t}`),
          { maxLength: 3 },
        ),
        reportMonths: fc.subarray(months),
        extras: fc.tuple(
          optional('code', fc.stringMatching(/^HD-\d{4}$/)),
          optional('constructionUnit', fc.constantFrom('市城投集团', '市交投集团', '市水务集团')),
          optional('majorLivelihood', fc.boolean()),
        ),
      },
      { noNullPrototype: true },
    )
    .chain((s) => {
      const zeroPlan = s.planMode === 'zero';
      return fc
        .record(
          {
            ledgerMonths: all(s.ledgerMonths.map((m) => arbLedgerMonth(ctx, m, zeroPlan))),
            milestones: all(s.milestoneIds.map((mid) => arbMilestone(ctx.year, mid))),
            independentPlan: ctx.amount({ max: 200000 }),
            stalls: fc.oneof(weighted(2, fc.constant(undefined)), weighted(3, fc.array(arbStall(ctx.year), { maxLength: 2 }))),
            totalExtra: optional('totalExtra', arbAmount({ max: 500000 })),
          },
          { noNullPrototype: true },
        )
        .chain((t) => {
          const planned = new Map(t.ledgerMonths.map((lm) => [lm.month, lm.investment]));
          const annualPlan: RawAmount =
            s.planMode === 'zero'
              ? '0'
              : s.planMode === 'independent'
                ? t.independentPlan
                : sumDecimalStrings(t.ledgerMonths.map((lm) => String(lm.investment)));
          const totalInvestment =
            t.totalExtra.totalExtra === undefined
              ? {}
              : {
                  totalInvestment: sumDecimalStrings([String(annualPlan), t.totalExtra.totalExtra]),
                };
          return fc
            .record(
              {
                ledgerOrder: shuffled(t.ledgerMonths),
                milestoneOrder: shuffled(t.milestones),
                reports: all(s.reportMonths.map((m) => arbReport(ctx, m, planned.get(m), s.milestoneIds))).chain(shuffled),
                supervision: arbProjectSupervision(ctx, t.milestones),
              },
              { noNullPrototype: true },
            )
            .map((u): RawProject => ({
              id,
              name: s.name,
              departmentId: s.departmentId,
              ...s.extras[0],
              ...s.extras[1],
              ...s.extras[2],
              responsible: s.responsible,
              ...totalInvestment,
              annualPlan,
              ledger: { ...s.ledgerSubmittedOn, months: u.ledgerOrder },
              milestones: u.milestoneOrder,
              reports: u.reports,
              ...u.supervision,
              ...(t.stalls === undefined ? {} : { stalls: t.stalls }),
            }));
        });
    });
}

interface ProjectSupervision {
  readonly changes?: readonly RawChange[];
  readonly directives?: readonly RawDirective[];
  readonly incidents?: readonly RawIncident[];
}

function arbProjectSupervision(ctx: DocumentContext, milestones: readonly RawMilestone[]): fc.Arbitrary<ProjectSupervision> {
  if (!ctx.supervision) {
    return fc
      .tuple(
        absentOrEmpty<'changes', RawChange>('changes'),
        absentOrEmpty<'directives', RawDirective>('directives'),
        absentOrEmpty<'incidents', RawIncident>('incidents'),
      )
      .map(([c, d, i]) => ({ ...c, ...d, ...i }));
  }
  return fc.record(
    {
      changes: fc.array(arbChange(ctx.year, milestones), { maxLength: 2 }),
      directives: fc
        .uniqueArray(
          arbIdToken.map((t) => `X-${t}`),
          { maxLength: 2 },
        )
        .chain((ids) => all(ids.map((id) => arbDirective(ctx, id)))),
      incidents: fc.array(arbIncident(ctx.year), { maxLength: 1 }),
    },
    { noNullPrototype: true },
  );
}

interface TopLevelLists {
  readonly meetings: readonly RawMeeting[];
  readonly bureauReviews: readonly RawBureauReview[];
  readonly escalations?: readonly RawEscalation[];
  readonly notifications?: readonly RawNotification[];
  readonly interviewRequests?: readonly RawInterviewRequest[];
  readonly overrides?: readonly RawOverride[];
}

function arbMeeting(ctx: DocumentContext): fc.Arbitrary<RawMeeting> {
  return fc
    .tuple(
      fc.constantFrom<RawMeeting['level']>('department', 'cityLeader', 'mayor'),
      arbDate(ctx.year),
      optional('chairId', fc.constantFrom(...ctx.leaderIds)),
      fc.subarray([...ctx.departmentIds], { minLength: 1 }),
      fc.constantFrom<RawMeeting['form']>('site', 'collective', 'inspection', 'report', 'onsiteOffice'),
      optional('projectIds', fc.subarray([...ctx.projectIds])),
    )
    .map(([level, on, chairId, departmentIds, form, projectIds]) => ({
      level,
      on,
      ...chairId,
      departmentIds,
      form,
      ...projectIds,
    }));
}

function arbEscalation(ctx: DocumentContext): fc.Arbitrary<RawEscalation> {
  return arbDate(ctx.year).chain((raisedOn) =>
    fc
      .tuple(
        fc.constantFrom(...ctx.departmentIds),
        fc.constantFrom(...ctx.leaderIds),
        arbNote,
        optional('resolvedOn', arbDateFrom(raisedOn, ctx.year)),
        optional('projectId', fc.constantFrom(...ctx.projectIds)),
      )
      .map(([departmentId, toLeaderId, issue, resolvedOn, projectId]) => ({
        departmentId,
        raisedOn,
        toLeaderId,
        issue,
        ...projectId,
        ...resolvedOn,
      })),
  );
}

function arbBureauReview(ctx: DocumentContext): fc.Arbitrary<RawBureauReview> {
  return fc
    .tuple(
      fc.constantFrom<RawBureauReview['bureau']>('finance', 'land', 'approval'),
      arbDate(ctx.year),
      optional('departmentIds', fc.subarray([...ctx.departmentIds])),
      optional(
        'warnings',
        fc.array(
          fc.record(
            {
              projectId: fc.constantFrom(...ctx.projectIds),
              note: arbNote,
            },
            { noNullPrototype: true },
          ),
          { maxLength: 2 },
        ),
      ),
    )
    .map(([bureau, on, departmentIds, warnings]) => ({
      bureau,
      on,
      ...departmentIds,
      ...warnings,
    }));
}

function arbNotification(ctx: DocumentContext, quarter: number): fc.Arbitrary<RawNotification> {
  // Issued in the month after the quarter (Q4: January of the next year).
  const [first, last] = nextMonthBounds(monthKey(ctx.year, quarter * 3));
  return fc
    .tuple(
      arbDateBetween(first, last),
      fc.subarray([...ctx.departmentIds], {
        minLength: 1,
        maxLength: Math.min(4, ctx.departmentIds.length),
      }),
    )
    .map(([issuedOn, bottom]) => ({
      quarter: `${ctx.year}Q${quarter}`,
      issuedOn,
      bottom,
    }));
}

function arbInterviewRequest(ctx: DocumentContext): fc.Arbitrary<RawInterviewRequest> {
  return fc
    .tuple(
      fc.constantFrom(...ctx.departmentIds),
      fc.constantFrom(...ctx.leaderIds),
      arbDate(ctx.year),
      fc.constantFrom('连续两月进度滞后', '群众反映强烈', '未落实批示'),
    )
    .map(([departmentId, byLeaderId, on, reason]) => ({
      departmentId,
      byLeaderId,
      on,
      reason,
    }));
}

function arbOverrides(ctx: DocumentContext): fc.Arbitrary<RawOverride[]> {
  // Unique (projectId, month) pairs.
  const pairs = ctx.projectIds.flatMap((projectId) => monthsOf(ctx.year).map((month) => ({ projectId, month })));
  return fc.subarray(pairs, { maxLength: 4 }).chain((chosen) =>
    all(
      chosen.map(({ projectId, month }) =>
        fc
          .tuple(
            fc.constantFrom<RawColour>('green', 'white', 'yellow', 'red'),
            fc.constantFrom('已协调解决', '客观原因', '市政府研究同意'),
            arbPerson,
          )
          .map(([colour, reason, by]) => ({
            projectId,
            month,
            colour,
            reason,
            by,
          })),
      ),
    ).chain(shuffled),
  );
}

function arbTopLevelLists(ctx: DocumentContext): fc.Arbitrary<TopLevelLists> {
  if (!ctx.supervision) {
    return fc
      .tuple(
        absentOrEmpty<'escalations', RawEscalation>('escalations'),
        absentOrEmpty<'notifications', RawNotification>('notifications'),
        absentOrEmpty<'interviewRequests', RawInterviewRequest>('interviewRequests'),
        absentOrEmpty<'overrides', RawOverride>('overrides'),
      )
      .map(([e, n, i, o]) => ({
        meetings: [],
        bureauReviews: [],
        ...e,
        ...n,
        ...i,
        ...o,
      }));
  }
  return fc.record(
    {
      meetings: fc.array(arbMeeting(ctx), { maxLength: 8 }),
      bureauReviews: fc.array(arbBureauReview(ctx), { maxLength: 6 }),
      escalations: fc.array(arbEscalation(ctx), { maxLength: 3 }),
      notifications: fc
        .subarray([1, 2, 3, 4])
        .chain((quarters) => all(quarters.map((q) => arbNotification(ctx, q))))
        .chain(shuffled),
      interviewRequests: fc.array(arbInterviewRequest(ctx), { maxLength: 2 }),
      overrides: arbOverrides(ctx),
    },
    { noNullPrototype: true },
  );
}

/**
 * A complete, valid portfolio document (`sansansan/portfolio@1`, unit `万元`) for one year.
 *
 * @remarks 1–3 leaders (exactly one `mayor`, at most one `principal`), 1–5 departments, 1–8
 * projects; every list comes in random order. Each project's `annualPlan` is usually the exact sum
 * of its ledger months, sometimes an independent amount, sometimes `"0"` (with a zero ledger).
 */
export function arbPortfolioDocument(options: PortfolioDocumentOptions = {}): fc.Arbitrary<RawPortfolioDocument> {
  const year = options.year ?? 2025;
  const maxProjects = Math.min(8, Math.max(1, options.maxProjects ?? 8));
  const amount = options.numericAmounts === true ? arbAmountInput : arbAmount;
  return fc
    .record(
      {
        leaderTokens: fc.uniqueArray(arbIdToken, { minLength: 1, maxLength: 3 }),
        withPrincipal: fc.boolean(),
        departmentTokens: fc.uniqueArray(arbIdToken, {
          minLength: 1,
          maxLength: 5,
        }),
        projectTokens: fc.uniqueArray(arbIdToken, {
          minLength: 1,
          maxLength: maxProjects,
        }),
        city: optional('city', fc.constant('邯郸市')),
      },
      { noNullPrototype: true },
    )
    .chain((s) => {
      const ctx: DocumentContext = {
        year,
        supervision: options.withSupervisionRecords ?? false,
        amount,
        leaderIds: s.leaderTokens.map((t) => `L-${t}`),
        departmentIds: s.departmentTokens.map((t) => `D-${t}`),
        projectIds: s.projectTokens.map((t) => `P-${t}`),
      };
      const leaders = all(
        ctx.leaderIds.map((id, i) =>
          arbPerson.map((name): RawLeader => ({
            id,
            name,
            // The first is the mayor; the second may be a principal (市政府主要领导).
            role: i === 0 ? 'mayor' : i === 1 && s.withPrincipal ? 'principal' : 'cityLeader',
          })),
        ),
      ).chain(shuffled);
      const departments = all(
        ctx.departmentIds.map((id) =>
          fc
            .tuple(fc.constantFrom(...DEPARTMENT_NAMES), fc.constantFrom(...ctx.leaderIds))
            .map(([name, leaderId]): RawDepartment => ({ id, name, leaderId })),
        ),
      ).chain(shuffled);
      const projects = all(ctx.projectIds.map((id) => arbProject(ctx, id))).chain(shuffled);
      return fc
        .record(
          {
            leaders,
            departments,
            projects,
            lists: arbTopLevelLists(ctx),
          },
          { noNullPrototype: true },
        )
        .map((r): RawPortfolioDocument => ({
          format: 'sansansan/portfolio@1',
          year,
          unit: '万元',
          ...s.city,
          leaders: r.leaders,
          departments: r.departments,
          projects: r.projects,
          ...r.lists,
        }));
    });
}

// ---------------------------------------------------------------------------------------------
// Permutations.
// ---------------------------------------------------------------------------------------------

/** Each element permuted by `inner`, then the list shuffled. */
function shuffledEach<T>(items: readonly T[], inner: (item: T) => fc.Arbitrary<T>): fc.Arbitrary<T[]> {
  return all(items.map(inner)).chain(shuffled);
}

/** The optional list shuffled, or absent when absent. */
function shuffledOptional<K extends string, T>(
  key: K,
  items: readonly T[] | undefined,
  inner: (item: T) => fc.Arbitrary<T> = fc.constant,
): fc.Arbitrary<Partial<Record<K, readonly T[]>>> {
  if (items === undefined) return fc.constant({});
  return shuffledEach(items, inner).map((list) => {
    const entry: Partial<Record<K, readonly T[]>> = {};
    entry[key] = list;
    return entry;
  });
}

function permutedProject(project: RawProject): fc.Arbitrary<RawProject> {
  return fc
    .tuple(
      shuffled(project.ledger.months),
      shuffled(project.milestones),
      shuffled(project.reports),
      shuffledOptional('changes', project.changes),
      shuffledOptional('directives', project.directives, (d) =>
        fc.tuple(shuffled(d.measures), shuffled(d.progress)).map(([measures, progress]) => ({ ...d, measures, progress })),
      ),
      shuffledOptional('stalls', project.stalls),
      shuffledOptional('incidents', project.incidents),
    )
    .map(([months, milestones, reports, changes, directives, stalls, incidents]) => ({
      ...project,
      ledger: { ...project.ledger, months },
      milestones,
      reports,
      ...changes,
      ...directives,
      ...stalls,
      ...incidents,
    }));
}

function permutedMeeting(meeting: RawMeeting): fc.Arbitrary<RawMeeting> {
  return fc
    .tuple(shuffled(meeting.departmentIds), shuffledOptional('projectIds', meeting.projectIds))
    .map(([departmentIds, projectIds]) => ({
      ...meeting,
      departmentIds,
      ...projectIds,
    }));
}

function permutedReview(review: RawBureauReview): fc.Arbitrary<RawBureauReview> {
  return fc
    .tuple(shuffledOptional('departmentIds', review.departmentIds), shuffledOptional('warnings', review.warnings))
    .map(([departmentIds, warnings]) => ({
      ...review,
      ...departmentIds,
      ...warnings,
    }));
}

/**
 * The same document with every list in another order: leaders, departments, projects, and within
 * each project its ledger months, milestones, reports, changes, directives (and their entries),
 * stalls and incidents; the top-level lists, and the id lists of meetings, reviews and
 * notifications. Free-text lists (`procedures`) keep their order. The result shares no object with
 * `doc`.
 */
export function arbPermutedDocument(doc: RawPortfolioDocument): fc.Arbitrary<RawPortfolioDocument> {
  return fc
    .record(
      {
        leaders: shuffled(doc.leaders),
        departments: shuffled(doc.departments),
        projects: shuffledEach(doc.projects, permutedProject),
        meetings: shuffledEach(doc.meetings, permutedMeeting),
        bureauReviews: shuffledEach(doc.bureauReviews, permutedReview),
        optionalLists: fc.tuple(
          shuffledOptional('escalations', doc.escalations),
          shuffledOptional('notifications', doc.notifications, (n) => shuffled(n.bottom).map((bottom) => ({ ...n, bottom }))),
          shuffledOptional('interviewRequests', doc.interviewRequests),
          shuffledOptional('overrides', doc.overrides),
        ),
      },
      { noNullPrototype: true },
    )
    .map(({ optionalLists: [e, n, i, o], ...lists }) =>
      structuredClone<RawPortfolioDocument>({
        ...doc,
        ...lists,
        ...e,
        ...n,
        ...i,
        ...o,
      }),
    );
}

/**
 * A document and the same document with every list permuted ({@link arbPermutedDocument}), for
 * "is independent of input order" properties.
 */
export function arbPortfolioWithPermutation(
  options: PortfolioDocumentOptions = {},
): fc.Arbitrary<[RawPortfolioDocument, RawPortfolioDocument]> {
  return arbPortfolioDocument(options).chain((doc) =>
    arbPermutedDocument(doc).map((permuted): [RawPortfolioDocument, RawPortfolioDocument] => [doc, permuted]),
  );
}
