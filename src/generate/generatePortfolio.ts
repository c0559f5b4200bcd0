import { addDays, calendarDate, lastDayOfMonth, yearMonth, type CalendarDate } from '../calendar/index.js';
import type { Amount } from '../money/index.js';
import type {
  BureauReview,
  Change,
  Department,
  Directive,
  Escalation,
  Incident,
  InterviewRequest,
  IssuedNotification,
  Leader,
  LedgerMonth,
  Meeting,
  Milestone,
  Override,
  PortfolioDocument,
  Project,
  Report,
  Stall,
} from '../portfolio/index.js';
import {
  AREAS,
  BUREAUS,
  DIRECTIVES,
  ESCALATIONS,
  FAMILY_NAMES,
  GIVEN_NAMES,
  NAME_ENDINGS,
  PROCEDURES,
  STALL_NOTES,
  WORKLOADS,
} from './names.js';
import { mix, random, type Random } from './random.js';

/** Options of the synthetic portfolio generator. */
export interface GenerateOptions {
  /** How many projects. */
  readonly projects: number;
  /** The seed: the same seed and options give the same document (default 1). */
  readonly seed?: number;
  /** The year (default 2025). */
  readonly year?: number;
}

/** Everything of a portfolio document but its projects: the header line of the NDJSON form. */
export type PortfolioHeader = Omit<PortfolioDocument, 'projects'>;

const DEPARTMENTS = AREAS.length * BUREAUS.length;
const CITY_LEADERS = 10;
const HEADER_STREAM = 0x7fffffff;

// Reports for each month, ledger S-curve weights (per mille of the year, January first).
const WEIGHTS: readonly number[] = [30, 40, 80, 90, 100, 100, 95, 95, 100, 100, 90, 80];

const date = (year: number, month: number, day: number): CalendarDate => calendarDate(year, month, day);
const amount = (cents: number): Amount => {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100);
  const frac = abs % 100;
  return `${sign}${whole}${frac === 0 ? '' : frac % 10 === 0 ? `.${frac / 10}` : `.${String(frac).padStart(2, '0')}`}` as Amount;
};

function person(r: Random): string {
  return r.pick(FAMILY_NAMES) + r.pick(GIVEN_NAMES);
}

function departmentId(k: number): string {
  return `D-${String(k + 1).padStart(3, '0')}`;
}

function projectId(i: number): string {
  return `P-${String(i + 1).padStart(7, '0')}`;
}

function leaderId(k: number): string {
  return `L-${String(k + 1).padStart(2, '0')}`;
}

function departmentOf(i: number, seed: number): number {
  // Every department has projects from N = 200 on; beyond that, departments differ in size.
  if (i < DEPARTMENTS) return i;
  const r = random(mix(seed, -1 - i));
  const big = r.chance(0.4);
  return big ? r.int(0, 39) : r.int(0, DEPARTMENTS - 1);
}

/**
 * The document without its projects (领导、部门、调度、对接、通报、约谈要求、人工调整), for `projects` projects.
 * Meetings, reviews and escalations span the whole year; some months, bimonths and quarters lack a
 * meeting or a review, so that the compliance rules fire.
 */
export function generateHeader(options: GenerateOptions): PortfolioHeader {
  const seed = options.seed ?? 1;
  const year = options.year ?? 2025;
  const n = options.projects;
  const r = random(mix(seed, HEADER_STREAM));
  const leaders: Leader[] = [
    { id: 'L-mayor', name: person(r), role: 'mayor' },
    { id: 'L-principal', name: person(r), role: 'principal' },
    ...Array.from({ length: CITY_LEADERS }, (_, k): Leader => ({ id: leaderId(k), name: person(r), role: 'cityLeader' })),
  ];
  const departments: Department[] = [];
  AREAS.forEach(([, prefix], a) => {
    BUREAUS.forEach(([bureau], b) => {
      const k = a * BUREAUS.length + b;
      departments.push({ id: departmentId(k), name: `${prefix}${bureau}`, leaderId: leaderId(b % CITY_LEADERS) });
    });
  });
  const forms = ['site', 'collective', 'inspection', 'report', 'onsiteOffice'] as const;
  const meetings: Meeting[] = [];
  for (let m = 1; m <= 12; m += 1) {
    for (let k = 0; k < DEPARTMENTS; k += 1) {
      if (r.chance(0.04)) continue; // 2.1: some departments skip a month
      meetings.push({ level: 'department', on: date(year, m, r.int(3, 26)), departmentIds: [departmentId(k)], form: r.pick(forms) });
    }
  }
  for (let b = 1; b <= 6; b += 1) {
    for (let l = 0; l < CITY_LEADERS; l += 1) {
      if (r.chance(0.08)) continue; // 2.2: a leader misses a bimonth
      const ids = departments.filter((d) => d.leaderId === leaderId(l)).map((d) => d.id);
      meetings.push({
        level: 'cityLeader',
        on: date(year, 2 * b, r.int(10, 25)),
        chairId: leaderId(l),
        departmentIds: ids,
        form: r.pick(forms),
      });
    }
  }
  for (let q = 1; q <= 4; q += 1) {
    if (q === 2) continue; // 2.3: no mayor's meeting in the second quarter
    meetings.push({ level: 'mayor', on: date(year, 3 * q, r.int(15, 28)), chairId: 'L-mayor', departmentIds: [], form: 'collective' });
  }
  const bureauReviews: BureauReview[] = [];
  for (const bureau of ['finance', 'land', 'approval'] as const) {
    for (let b = 1; b <= 6; b += 1) {
      if ((bureau === 'land' && b === 3) || r.chance(0.05)) continue; // 1.2: a bureau misses a bimonth
      bureauReviews.push({ bureau, on: date(year, 2 * b - r.int(0, 1), r.int(5, 25)) });
    }
  }
  const escalations: Escalation[] = Array.from({ length: 5 + Math.floor(n / 500) }, (): Escalation => {
    const k = r.int(0, DEPARTMENTS - 1);
    const raisedOn = date(year, r.int(1, 11), r.int(1, 28));
    const resolved = r.chance(0.6);
    return {
      departmentId: departmentId(k),
      raisedOn,
      toLeaderId: leaderId((k % BUREAUS.length) % CITY_LEADERS),
      issue: r.pick(ESCALATIONS),
      ...(resolved && { resolvedOn: addDays(raisedOn, r.int(5, 60)) }),
    };
  });
  const notifications: IssuedNotification[] = [
    {
      quarter: `${year}Q1` as IssuedNotification['quarter'],
      issuedOn: date(year, 4, 20),
      bottom: [departmentId(r.int(0, DEPARTMENTS - 1))],
    },
  ];
  const interviewRequests: InterviewRequest[] = Array.from({ length: 2 + Math.floor(n / 5000) }, (): InterviewRequest => {
    const k = r.int(0, DEPARTMENTS - 1);
    return {
      departmentId: departmentId(k),
      byLeaderId: leaderId(k % CITY_LEADERS),
      on: date(year, r.int(2, 11), r.int(1, 28)),
      reason: '项目推进迟缓,分管市领导要求约谈',
    };
  });
  const colours = ['green', 'white', 'yellow', 'red'] as const;
  const overridden = new Set<string>();
  const overrides: Override[] = [];
  for (let k = 0; k < Math.min(n, 2 + Math.floor(n / 100)); k += 1) {
    const i = r.int(0, n - 1);
    const month = yearMonth(year, 1 + (k % 10)); // every month from January to October in turn
    if (overridden.has(`${i} ${month}`)) continue;
    overridden.add(`${i} ${month}`);
    overrides.push({ projectId: projectId(i), month, colour: r.pick(colours), reason: '现场核查结果', by: '市发展改革委' });
  }
  return {
    format: 'sansansan/portfolio@1',
    year,
    unit: '万元',
    city: '邯郸市',
    leaders,
    departments,
    meetings,
    escalations,
    bureauReviews,
    notifications,
    interviewRequests,
    overrides,
  };
}

type Kind = 'onTrack' | 'ahead' | 'behind' | 'farBehind' | 'stalled' | 'preliminary';

function kindOf(r: Random): Kind {
  const x = r.next();
  if (x < 0.55) return 'onTrack';
  if (x < 0.67) return 'ahead';
  if (x < 0.82) return 'behind';
  if (x < 0.88) return 'farBehind';
  if (x < 0.95) return 'stalled';
  return 'preliminary';
}

/**
 * Project `i` (0-based) of the document: the same seed, year and index always give the same project,
 * whatever the other projects, so a stream of any length can be generated one line at a time.
 */
export function generateProject(options: GenerateOptions, i: number): Project {
  const seed = options.seed ?? 1;
  const year = options.year ?? 2025;
  const r = random(mix(seed, i));
  const dept = departmentOf(i, seed);
  const [, prefix, region] = AREAS[Math.floor(dept / BUREAUS.length)] ?? AREAS[0] ?? ['', '', ''];
  const [, industry, subjects] = BUREAUS[dept % BUREAUS.length] ?? BUREAUS[0] ?? ['', '', []];
  const kind = kindOf(r);
  const id = projectId(i);

  // Money in hundredths of 万元.
  const zeroPlan = r.chance(0.005);
  const annual = zeroPlan ? 0 : r.int(2, 2000) * r.pick([100, 100, 100, 1000, 2500]) + (r.chance(0.2) ? r.int(1, 99) : 0);
  const planned: number[] = [];
  let rest = annual;
  const start = kind === 'preliminary' ? r.int(4, 9) : r.int(1, 3);
  const weights = WEIGHTS.map((w, m) => (m + 1 < start ? 0 : w));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  weights.forEach((w, m) => {
    const cents = m === 11 ? rest : Math.floor((annual * w) / weightSum);
    planned.push(cents);
    rest -= cents;
  });
  if (r.chance(0.01)) planned[11] = (planned[11] ?? 0) + 100; // a ledger that does not sum to the plan (1.1 warning)

  const months: LedgerMonth[] = planned.map((cents, m) => ({
    month: yearMonth(year, m + 1),
    investment: amount(cents),
    workload: WORKLOADS[Math.min(11, m)] ?? '',
  }));
  const ledgerRoll = r.next();
  const ledger = {
    ...(ledgerRoll >= 0.01 && { submittedOn: ledgerRoll < 0.04 ? date(year, 3, r.int(1, 20)) : date(year, 2, r.int(5, 28)) }),
    months,
  };

  // Milestones: start and completion; a preliminary project also has procedures.
  const startDue = date(year, Math.max(1, start), r.int(1, 28));
  const startAchieved = kind !== 'preliminary' && (kind !== 'farBehind' || r.chance(0.5));
  const completionDue = r.chance(0.2) ? date(year, r.int(6, 12), r.int(1, 28)) : date(year + 1, r.int(1, 12), r.int(1, 28));
  const milestones: Milestone[] = [];
  const moved = r.chance(0.04);
  milestones.push({
    id: 'start',
    kind: 'start',
    name: '开工',
    due: startDue,
    ...(moved && { baselineDue: addDays(startDue, -r.int(20, 60)) }),
    ...(startAchieved &&
      r.chance(0.7) && { achievedOn: addDays(startDue, r.chance(kind === 'behind' ? 0.4 : 0.05) ? r.int(1, 20) : r.int(-10, 0)) }),
  });
  const completed = completionDue.slice(0, 4) === String(year) && kind !== 'farBehind' && kind !== 'stalled' && r.chance(0.85);
  milestones.push({
    id: 'completion',
    kind: 'completion',
    name: '竣工',
    due: completionDue,
    ...(completed && { achievedOn: addDays(completionDue, r.chance(0.1) ? r.int(1, 15) : r.int(-15, 0)) }),
  });
  if (kind === 'preliminary') {
    PROCEDURES.slice(0, r.int(2, PROCEDURES.length)).forEach((name, k) => {
      const due = date(year, Math.min(12, r.int(5, 11) + (k > 2 ? 1 : 0)), r.int(1, 28));
      milestones.push({
        id: `proc-${k + 1}`,
        kind: 'procedure',
        name,
        due,
        ...(r.chance(0.4) && { achievedOn: addDays(due, -r.int(0, 20)) }),
      });
    });
  } else if (r.chance(0.3)) {
    milestones.push({ id: 'main-structure', kind: 'physical', name: '主体完工', due: date(year, r.int(7, 11), r.int(1, 28)) });
  }

  // Monthly reports, submitted around the 5th of the next month; the real pace follows the project's kind.
  const factor = {
    onTrack: [96, 104],
    ahead: [105, 125],
    behind: [70, 86],
    farBehind: [30, 60],
    stalled: [85, 100],
    preliminary: [60, 95],
  }[kind];
  const stallFrom = kind === 'stalled' ? r.int(3, 9) : 13;
  const stallTo = stallFrom + r.int(1, 4);
  const startReport = startAchieved ? milestones[0]?.achievedOn : undefined;
  const reports: Report[] = [];
  for (let m = 1; m <= 12; m += 1) {
    const roll = r.next();
    if (roll < 0.02 && m > 1) continue; // a missing report (1.2; yellow while it is the evaluated month)
    const stalled = m >= stallFrom && m < stallTo;
    const planCents = planned[m - 1] ?? 0;
    let cents = stalled ? 0 : Math.round((planCents * r.int(factor[0] ?? 100, factor[1] ?? 100)) / 100);
    if (!stalled && r.chance(0.004)) cents = -r.int(100, 5000); // 核减: a correction
    const due = addDays(lastDayOfMonth(yearMonth(year, m)), 5);
    const lag = roll < 0.05 ? r.int(1, 12) : -r.int(0, 4);
    const achievedThisMonth =
      m === 12 || startReport === undefined ? undefined : startReport.slice(0, 7) === yearMonth(year, m) ? startReport : undefined;
    reports.push({
      month: yearMonth(year, m),
      ...(roll >= 0.99 ? {} : { submittedOn: addDays(due, lag) }),
      investment: amount(cents),
      progress: stalled ? '停工' : (WORKLOADS[Math.min(11, m - 1)] ?? ''),
      ...(stalled && { noProgress: true }),
      ...(achievedThisMonth !== undefined && milestones[0]?.achievedOn === undefined && { achieved: { start: achievedThisMonth } }),
    });
  }
  // A start achieved only through a report: record it on the report of its month.
  if (startAchieved && milestones[0]?.achievedOn === undefined) {
    const on = addDays(startDue, -r.int(0, 5));
    const target = reports.find((x) => x.month === on.slice(0, 7));
    if (target !== undefined) reports[reports.indexOf(target)] = { ...target, achieved: { start: on } };
  }

  const changes: Change[] = [];
  const start0 = milestones[0];
  if (moved && start0?.baselineDue !== undefined) {
    // Mostly approved; sometimes the move was never approved (3.2.5).
    if (r.chance(0.7)) {
      changes.push({
        on: addDays(start0.baselineDue, -5),
        subject: 'milestone',
        milestoneId: 'start',
        from: start0.baselineDue,
        to: start0.due,
        approvedByPrincipal: true,
        ref: '邯政字〔2025〕12号',
      });
    }
  }
  if (r.chance(0.01))
    changes.push({
      on: date(year, r.int(2, 10), r.int(1, 28)),
      subject: r.pick(['content', 'scale', 'location'] as const),
      approvedByPrincipal: false,
    });

  const directives: Directive[] = [];
  if (kind === 'behind' || kind === 'farBehind' || kind === 'stalled' ? r.chance(0.25) : r.chance(0.01)) {
    const issuedOn = date(year, r.int(2, 9), r.int(1, 28));
    const acted = r.chance(0.7);
    directives.push({
      id: 'dir-1',
      issuedOn,
      byLeaderId: r.pick(['L-mayor', 'L-principal', leaderId(r.int(0, CITY_LEADERS - 1))]),
      requirement: r.pick(DIRECTIVES),
      ...(r.chance(0.5) && { dueOn: addDays(issuedOn, r.int(10, 45)) }),
      measures: acted ? [{ on: addDays(issuedOn, r.int(1, 10)), text: '制定专项推进方案' }] : [],
      progress: acted && r.chance(0.5) ? [{ on: addDays(issuedOn, r.int(10, 40)), text: '已完成阶段任务' }] : [],
    });
  }
  const stalls: Stall[] = [];
  if (kind === 'stalled' && r.chance(0.7)) {
    const since = date(year, stallFrom, r.int(1, 20));
    const cause = r.pick(['insufficientPreliminaryStudy', 'objective', 'objective', 'other'] as const);
    const resumed = r.chance(0.5);
    stalls.push({
      since,
      ...(resumed && { until: date(year, Math.min(12, stallTo), r.int(1, 28)) }),
      cause,
      note: cause === 'insufficientPreliminaryStudy' ? '前期论证不充分' : r.pick(STALL_NOTES),
    });
  }
  const incidents: Incident[] = r.chance(0.003)
    ? [
        {
          on: date(year, r.int(1, 11), r.int(1, 28)),
          severity: r.pick(['minor', 'minor', 'serious', 'grave'] as const),
          note: '施工安全事故',
        },
      ]
    : [];

  const subject = r.pick(subjects);
  return {
    id,
    name: `${prefix === '市' ? '邯郸市' : prefix}${subject}${r.pick(NAME_ENDINGS)}`,
    departmentId: departmentId(dept),
    code: `${year % 100}${String(r.int(1, 12)).padStart(2, '0')}-${region}-${industry}-01-${String(r.int(0, 999999)).padStart(6, '0')}`,
    constructionUnit: `${prefix === '市' ? '邯郸市' : prefix}${subject}建设管理中心`,
    ...(r.chance(0.15) && { majorLivelihood: true }),
    responsible: { leader: person(r), person: person(r) },
    totalInvestment: amount(annual * r.int(1, 4)),
    annualPlan: amount(annual),
    ledger,
    milestones,
    reports,
    ...(changes.length > 0 && { changes }),
    ...(directives.length > 0 && { directives }),
    ...(stalls.length > 0 && { stalls }),
    ...(incidents.length > 0 && { incidents }),
  };
}

/** The projects 0 … n − 1, one at a time. */
export function* generateProjects(options: GenerateOptions): Generator<Project, void, undefined> {
  for (let i = 0; i < options.projects; i += 1) yield generateProject(options, i);
}

/**
 * A whole synthetic portfolio document (合成台账): 200 departments of Handan's districts and counties,
 * `projects` projects, a full year of ledgers, reports, meetings and reviews. Deterministic in its seed.
 */
export function generatePortfolio(options: GenerateOptions): PortfolioDocument {
  const { format, year, unit, city, leaders, departments, ...rest } = generateHeader(options);
  return { format, year, unit, city, leaders, departments, projects: [...generateProjects(options)], ...rest } as PortfolioDocument;
}
