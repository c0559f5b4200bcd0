/**
 * Generates the bundled sample portfolio `examples/data/handan-sample-2025.json` (邯郸市 2025 年度
 * 市本级政府投资项目 "三三三" 示例数据).
 *
 * Deterministic: every varying number comes from a seeded PRNG, so the output is byte-identical on
 * every run. Amounts are computed in integer units of 0.01 万元 and written as decimal strings.
 * Before writing, a small independent re-computation checks each deliberate situation (colours at
 * 2025-09 as of 2025-10-15, exact lag values, the quarterly bottom three) and throws on a mismatch.
 *
 * Run: `npx tsx scripts/make-sample.ts`
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'examples', 'data', 'handan-sample-2025.json');

const YEAR = 2025;
/** The demo date: the evaluated month is 2025-09 (its report was due 2025-10-05). */
const AS_OF = '2025-10-15';
const EVAL_MONTH = 9;

// ---------------------------------------------------------------------------------------------
// Deterministic helpers
// ---------------------------------------------------------------------------------------------

/** mulberry32, seeded with the notice number (141). */
function makeRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rng = makeRng(141);
const randInt = (lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));

function at<T>(xs: readonly T[], i: number): T {
  const x = xs[i];
  if (x === undefined) throw new Error(`index ${i} out of range`);
  return x;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
const ym = (m: number): string => `${YEAR}-${pad2(m)}`;
const daysIn = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
const monthEnd = (y: number, m: number): string => `${y}-${pad2(m)}-${pad2(daysIn(y, m))}`;

/** Moves a date falling on a Saturday or Sunday to the next Monday (meetings are held on workdays). */
function workday(y: number, m: number, d: number): string {
  const dow = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  const shift = dow === 6 ? 2 : dow === 0 ? 1 : 0;
  const day = Math.min(d + shift, daysIn(y, m));
  return `${y}-${pad2(m)}-${pad2(day)}`;
}

/** Amounts: integers in units of 0.01 万元. */
function toCents(s: string): number {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) throw new Error(`bad amount ${s}`);
  const frac = (m[3] ?? '').padEnd(2, '0');
  const v = Number(m[2]) * 100 + Number(frac);
  return m[1] === '-' ? -v : v;
}
function fmt(c: number): string {
  if (!Number.isSafeInteger(c)) throw new Error(`not an integer amount: ${c}`);
  const neg = c < 0;
  const a = Math.abs(c);
  const whole = Math.floor(a / 100);
  const frac = a % 100;
  const fs = frac === 0 ? '' : frac % 10 === 0 ? `.${frac / 10}` : `.${pad2(frac)}`;
  return `${neg && a !== 0 ? '-' : ''}${whole}${fs}`;
}
/** Rounds to 0.1 万元 (10 units). */
const round10 = (x: number): number => Math.round(x / 10) * 10;

// ---------------------------------------------------------------------------------------------
// Document types (keys exactly as in domain.md §2)
// ---------------------------------------------------------------------------------------------

type Role = 'mayor' | 'principal' | 'cityLeader';
type MilestoneKind = 'start' | 'completion' | 'procedure' | 'physical';
type Colour = 'green' | 'white' | 'yellow' | 'red';

interface Leader {
  id: string;
  name: string;
  role: Role;
}
interface Department {
  id: string;
  name: string;
  leaderId: string;
}
interface LedgerMonth {
  month: string;
  investment: string;
  workload?: string;
  procedures?: string[];
}
interface Milestone {
  id: string;
  kind: MilestoneKind;
  name: string;
  due: string;
  baselineDue?: string;
  achievedOn?: string;
}
interface Report {
  month: string;
  submittedOn?: string;
  investment: string;
  progress?: string;
  noProgress?: boolean;
  achieved?: Record<string, string>;
}
interface Change {
  on: string;
  subject: 'content' | 'milestone' | 'scale' | 'location';
  milestoneId?: string;
  from?: string;
  to?: string;
  approvedByPrincipal: boolean;
  ref?: string;
}
interface Directive {
  id: string;
  issuedOn: string;
  byLeaderId: string;
  requirement: string;
  dueOn?: string;
  measures: { on: string; text: string }[];
  progress: { on: string; text: string }[];
}
interface Stall {
  since: string;
  until?: string;
  cause: 'insufficientPreliminaryStudy' | 'objective' | 'other';
  note?: string;
}
interface Incident {
  on: string;
  severity: 'minor' | 'serious' | 'grave';
  note: string;
}
interface Project {
  id: string;
  name: string;
  departmentId: string;
  code?: string;
  constructionUnit?: string;
  majorLivelihood?: boolean;
  responsible: { leader: string; person: string };
  totalInvestment?: string;
  annualPlan: string;
  ledger: { submittedOn?: string; months: LedgerMonth[] };
  milestones: Milestone[];
  reports: Report[];
  changes?: Change[];
  directives?: Directive[];
  stalls?: Stall[];
  incidents?: Incident[];
}
interface Meeting {
  level: 'department' | 'cityLeader' | 'mayor';
  on: string;
  chairId?: string;
  departmentIds: string[];
  form: 'site' | 'collective' | 'inspection' | 'report' | 'onsiteOffice';
  projectIds?: string[];
}
interface Escalation {
  departmentId: string;
  raisedOn: string;
  toLeaderId: string;
  issue: string;
  projectId?: string;
  resolvedOn?: string;
}
interface BureauReview {
  bureau: 'finance' | 'land' | 'approval';
  on: string;
  departmentIds?: string[];
  warnings?: { projectId: string; note: string }[];
}
interface Portfolio {
  format: 'sansansan/portfolio@1';
  year: number;
  unit: '万元';
  city: string;
  leaders: Leader[];
  departments: Department[];
  projects: Project[];
  meetings: Meeting[];
  escalations: Escalation[];
  bureauReviews: BureauReview[];
  notifications: { quarter: string; issuedOn: string; bottom: string[] }[];
  interviewRequests: { departmentId: string; byLeaderId: string; on: string; reason: string }[];
  overrides: { projectId: string; month: string; colour: Colour; reason: string; by: string }[];
}

// ---------------------------------------------------------------------------------------------
// Leaders and departments
// ---------------------------------------------------------------------------------------------

const leaders: Leader[] = [
  { id: 'L-mayor', name: '周正阳', role: 'mayor' }, // 市长
  { id: 'L-chen', name: '陈立国', role: 'principal' }, // 常务副市长
  { id: 'L-zhang', name: '张建华', role: 'cityLeader' }, // 副市长（城建、城管）
  { id: 'L-li', name: '李卫东', role: 'cityLeader' }, // 副市长（交通、国资）
  { id: 'L-zhao', name: '赵明轩', role: 'cityLeader' }, // 副市长（水利、自然资源）
  { id: 'L-liu', name: '刘晓燕', role: 'cityLeader' }, // 副市长（卫健、教育、体育）
  { id: 'L-sun', name: '孙国强', role: 'cityLeader' }, // 副市长（文旅、生态环境）
];

/** `title` is the deputy title used in `responsible.leader`; not written to the document. */
const deptDefs: { id: string; name: string; leaderId: string; title: string }[] = [
  { id: 'D-zj', name: '市住建局', leaderId: 'L-zhang', title: '副局长' },
  { id: 'D-jt', name: '市交通运输局', leaderId: 'L-li', title: '副局长' },
  { id: 'D-sl', name: '市水利局', leaderId: 'L-zhao', title: '副局长' },
  { id: 'D-wj', name: '市卫健委', leaderId: 'L-liu', title: '副主任' },
  { id: 'D-jy', name: '市教育局', leaderId: 'L-liu', title: '副局长' },
  { id: 'D-cg', name: '市城管局', leaderId: 'L-zhang', title: '副局长' },
  { id: 'D-wlt', name: '市文广旅局', leaderId: 'L-sun', title: '副局长' },
  { id: 'D-zrzy', name: '市自然资源和规划局', leaderId: 'L-zhao', title: '副局长' },
  { id: 'D-sthj', name: '市生态环境局', leaderId: 'L-sun', title: '副局长' },
  { id: 'D-gt', name: '市国投集团', leaderId: 'L-li', title: '副总经理' },
  // No municipal government-invested project this year: excluded from every ranking (noPlan).
  { id: 'D-ty', name: '市体育局', leaderId: 'L-liu', title: '副局长' },
];
const departments: Department[] = deptDefs.map(({ id, name, leaderId }) => ({ id, name, leaderId }));

// ---------------------------------------------------------------------------------------------
// People (fictional names, drawn once from the seeded PRNG, never repeated)
// ---------------------------------------------------------------------------------------------

const SURNAMES =
  '王 李 张 刘 陈 杨 黄 吴 徐 孙 马 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田 董 袁 潘 蒋 蔡 杜 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 谭 陆 范 石 贾 夏 付 方 白 邹 孟 秦 尹 薛 段 雷 侯 史 郝 武'.split(
    ' ',
  );
const GIVEN =
  '建国 志强 海涛 晓东 丽娟 文斌 立新 玉洁 国栋 振华 红梅 少军 宏伟 雪梅 卫华 明辉 春燕 德胜 永刚 淑芬 浩然 思远 一鸣 佳怡 俊杰 雅琴 晓峰 长青 金凤 向阳 培源 瑞雪 博文 嘉欣 宇航 敬东 书华 新民 秀英 振宇 亚楠 鹏飞 文静 旭东 海燕 志刚 彦军 丽萍'.split(
    ' ',
  );
const usedNames = new Set<string>(leaders.map((l) => l.name));
function personName(): string {
  for (;;) {
    const n = at(SURNAMES, randInt(0, SURNAMES.length - 1)) + at(GIVEN, randInt(0, GIVEN.length - 1));
    if (!usedNames.has(n)) {
      usedNames.add(n);
      return n;
    }
  }
}
/** Two deputy heads per department, each in charge of some of its projects. */
const deptDeputies = new Map<string, string[]>(
  deptDefs.map((d) => [d.id, [`${personName()}（${d.title}）`, `${personName()}（${d.title}）`]]),
);

// ---------------------------------------------------------------------------------------------
// Work-stage vocabularies (ledger `workload`, report `progress`)
// ---------------------------------------------------------------------------------------------

type Template =
  | 'road'
  | 'building'
  | 'water'
  | 'pipe'
  | 'drain'
  | 'digital'
  | 'eco'
  | 'renewal'
  | 'plant'
  | 'landscape'
  | 'exhibit'
  | 'corridor'
  | 'lighting';

const STAGES: Record<Template, { pre: string[]; steps: string[] }> = {
  road: {
    pre: ['征地拆迁及管线迁改', '施工图设计及审查', '施工、监理招标'],
    steps: [
      '路基土方开挖及填筑',
      '雨污水管道敷设',
      '桥涵基础及下部结构施工',
      '桥梁上部结构施工',
      '水稳基层铺筑',
      '沥青面层摊铺',
      '照明、绿化及交通设施施工',
      '收尾及交工验收准备',
    ],
  },
  building: {
    pre: ['初步设计及概算审查', '施工图设计及审查', '施工总承包招标'],
    steps: [
      '场地平整及临建',
      '桩基施工',
      '基础及地下室施工',
      '主体结构施工',
      '主体结构封顶',
      '二次结构及机电安装',
      '幕墙及装饰装修',
      '室外配套及竣工验收准备',
    ],
  },
  water: {
    pre: ['征迁补偿及地上物清理', '初步设计审查', '施工招标'],
    steps: [
      '施工导流及围堰填筑',
      '河道清淤疏浚',
      '堤防加固及填筑',
      '护岸及护坡砌筑',
      '闸涵建筑物施工',
      '生态护坡及绿化',
      '堤顶道路及管理设施',
      '收尾及验收准备',
    ],
  },
  pipe: {
    pre: ['管网普查及方案设计', '施工图设计', '材料设备招标'],
    steps: [
      '管材及设备采购',
      '沟槽开挖及管道敷设',
      '站点设备安装',
      '管道焊接及防腐',
      '分段打压试验',
      '路面恢复',
      '系统调试',
      '竣工验收准备',
    ],
  },
  drain: {
    pre: ['积水点排查及方案设计', '施工图设计审查', '施工招标'],
    steps: ['雨水管网开挖敷设', '泵站土建施工', '调蓄池施工', '泵站设备安装', '积水点改造', '管网清淤检测', '路面恢复', '联调及验收准备'],
  },
  digital: {
    pre: ['需求调研', '建设方案编制及评审', '招标采购'],
    steps: ['招标采购', '机房及设备部署', '软件平台开发', '数据汇聚治理', '系统联调联试', '试运行', '等保测评', '初步验收'],
  },
  eco: {
    pre: ['现状调查及方案设计', '初步设计审查', '施工招标'],
    steps: ['危岩清除及地形整治', '削坡降级', '截排水沟施工', '挡墙及格构梁施工', '覆土复绿', '苗木栽植', '养护管理', '验收准备'],
  },
  renewal: {
    pre: ['入户调查及居民意见征询', '改造方案设计', '施工招标'],
    steps: ['老旧管网改造', '楼体节能保温', '屋面防水', '道路及停车设施改造', '加装电梯', '绿化及照明提升', '便民服务设施配套', '验收准备'],
  },
  plant: {
    pre: ['工艺方案论证', '施工图设计', '设备招标'],
    steps: [
      '场地平整',
      '主厂房基础施工',
      '主厂房钢结构安装',
      '工艺设备基础施工',
      '主要设备安装',
      '配套管线及附属设施',
      '单机及联动调试',
      '试运行',
    ],
  },
  landscape: {
    pre: ['方案设计', '施工图设计', '施工招标'],
    steps: ['拆违及场地清理', '道路及广场铺装', '绿化提升', '景观照明', '服务设施安装', '收尾'],
  },
  exhibit: {
    pre: ['展陈大纲编制', '展陈设计', '招标采购'],
    steps: ['展陈大纲深化', '展陈深化设计', '展品征集及文物保护', '展厅装修', '多媒体设备安装', '布展', '试运行'],
  },
  corridor: {
    pre: ['管线综合规划', '施工图设计', '施工招标'],
    steps: ['基坑支护及土方开挖', '管廊主体结构浇筑', '防水施工', '基坑回填', '管线入廊', '附属设施安装', '监控与报警系统', '验收准备'],
  },
  lighting: {
    pre: ['路灯普查', '改造方案设计', '招标采购'],
    steps: ['灯具及控制器采购', '主干道灯具更换', '单灯控制器安装', '智慧照明平台部署', '系统调试', '验收'],
  },
};

/** Seasonal weights for active construction months (northern China: winter and 春节 slow, July rains). */
const SEASON = [3, 3, 7, 10, 11, 11, 9, 9, 11, 11, 9, 6];
const WATER_SEASON = [4, 4, 10, 12, 12, 7, 5, 5, 9, 12, 12, 8];

// ---------------------------------------------------------------------------------------------
// Project specifications
// ---------------------------------------------------------------------------------------------

const DISTRICT: Record<string, string> = {
  邯山区: '130402',
  丛台区: '130403',
  复兴区: '130404',
  峰峰矿区: '130406',
  肥乡区: '130407',
  永年区: '130408',
  磁县: '130427',
  经开区: '130471',
  冀南新区: '130473',
};

interface Spec {
  id: string;
  dept: string;
  name: string;
  district: string;
  industry: string;
  codeYm: string;
  unit: string;
  majorLivelihood?: boolean;
  total: string;
  plan: string;
  template: Template;
  /** Active construction months in 2025 (from..to); earlier months are pre-construction. */
  from: number;
  to: number;
  /** Weight of each pre-construction month (default 0: nothing planned). */
  pre?: number;
  /** First construction step for projects continuing from earlier years. */
  offset?: number;
  weights?: number[];
  waterSeason?: boolean;
  /** Cumulative completed / planned at the end of March and June. */
  r3: number;
  r6: number;
  /** Target lag (pp) at September, or null when the third quarter is fully stalled. */
  lag9: number | null;
  /** When true the lag must come out exactly (asserted). */
  exact?: boolean;
  /** Months reported with `noProgress: true` and investment "0". */
  zero?: number[];
  zeroText?: string;
  /** Months with no report at all. */
  skip?: number[];
  /** Months with a fixed reported amount (万元). */
  fixed?: Record<number, { amount: string; text: string }>;
  /** Text replacing the stage in reports from this month on (e.g. not started). */
  lateText?: { from: number; text: string };
  expect: Colour;
  milestones: Milestone[];
  ledgerSubmittedOn?: string | null;
  /** Ledger months deliberately not summing to annualPlan: December short by this many 万元. */
  ledgerShort?: string;
  reportDates?: Record<number, string | null>;
  achieved?: Record<number, Record<string, string>>;
  changes?: Change[];
  directives?: Directive[];
  stalls?: Stall[];
  incidents?: Incident[];
}

function start(due: string, achievedOn?: string, baselineDue?: string): Milestone {
  return {
    id: 'start',
    kind: 'start',
    name: '开工',
    due,
    ...(baselineDue === undefined ? {} : { baselineDue }),
    ...(achievedOn === undefined ? {} : { achievedOn }),
  };
}
function done(due: string, achievedOn?: string, baselineDue?: string): Milestone {
  return {
    id: 'completion',
    kind: 'completion',
    name: '竣工',
    due,
    ...(baselineDue === undefined ? {} : { baselineDue }),
    ...(achievedOn === undefined ? {} : { achievedOn }),
  };
}
function proc(n: number, name: string, due: string, achievedOn?: string): Milestone {
  return {
    id: `proc-${n}`,
    kind: 'procedure',
    name,
    due,
    ...(achievedOn === undefined ? {} : { achievedOn }),
  };
}
function phys(n: number, name: string, due: string, achievedOn?: string): Milestone {
  return {
    id: `phys-${n}`,
    kind: 'physical',
    name,
    due,
    ...(achievedOn === undefined ? {} : { achievedOn }),
  };
}

const specs: Spec[] = [
  // ── 市住建局 ────────────────────────────────────────────────────────────────────────────
  {
    id: 'P-001',
    dept: 'D-zj',
    name: '中华大街北延工程',
    district: '丛台区',
    industry: '48',
    codeYm: '2410',
    unit: '邯郸市市政设施建设中心',
    total: '46800',
    plan: '18600',
    template: 'road',
    from: 3,
    to: 12,
    pre: 2,
    r3: 0.97,
    r6: 1.01,
    lag9: -3.15,
    expect: 'green',
    milestones: [proc(1, '施工许可', '2025-03-20', '2025-03-18'), start('2025-03-31', '2025-03-31'), done('2026-10-31')],
  },
  {
    id: 'P-002',
    dept: 'D-zj',
    name: '主城区老旧小区改造提升工程（2025年度）',
    district: '复兴区',
    industry: '47',
    codeYm: '2412',
    unit: '邯郸市住房保障服务中心',
    majorLivelihood: true,
    total: '12500',
    plan: '12500',
    template: 'renewal',
    from: 3,
    to: 11,
    r3: 0.95,
    r6: 0.96,
    lag9: 4.35,
    expect: 'white',
    milestones: [start('2025-03-20', '2025-03-18'), done('2025-11-30')],
    reportDates: { 4: null },
  },
  {
    id: 'P-003',
    dept: 'D-zj',
    name: '东区集中供热管网扩建工程',
    district: '邯山区',
    industry: '44',
    codeYm: '2501',
    unit: '邯郸市热力管网建设管理中心',
    total: '15600',
    plan: '9800',
    template: 'pipe',
    from: 4,
    to: 11,
    pre: 1,
    r3: 0.9,
    r6: 0.88,
    lag9: 10,
    exact: true,
    expect: 'yellow',
    milestones: [proc(1, '施工图审查', '2025-03-15', '2025-03-12'), start('2025-04-10', '2025-04-08'), done('2025-11-10')],
  },
  {
    id: 'P-004',
    dept: 'D-zj',
    name: '城市燃气老化管道更新改造工程',
    district: '丛台区',
    industry: '45',
    codeYm: '2411',
    unit: '邯郸市燃气工程建设中心',
    total: '13800',
    plan: '6200',
    template: 'pipe',
    from: 3,
    to: 12,
    r3: 1.0,
    r6: 1.03,
    lag9: -1.8,
    expect: 'green',
    milestones: [start('2025-03-10', '2025-03-06'), done('2026-06-30')],
  },
  {
    id: 'P-005',
    dept: 'D-zj',
    name: '学步桥片区城市更新项目',
    district: '丛台区',
    industry: '47',
    codeYm: '2409',
    unit: '邯郸市城市更新建设发展有限公司',
    total: '68000',
    plan: '25000',
    template: 'building',
    from: 1,
    to: 12,
    offset: 2,
    r3: 0.92,
    r6: 0.93,
    lag9: 6.2,
    expect: 'white',
    ledgerSubmittedOn: '2025-03-10',
    milestones: [start('2024-11-30', '2024-11-26'), proc(1, '历史文化街区保护方案批复', '2025-04-30', '2025-04-22'), done('2027-06-30')],
  },
  // ── 市交通运输局 ────────────────────────────────────────────────────────────────────────
  {
    id: 'P-006',
    dept: 'D-jt',
    name: '邯郸东站综合交通枢纽配套道路',
    district: '邯山区',
    industry: '48',
    codeYm: '2406',
    unit: '邯郸市交通建设投资有限公司',
    total: '52000',
    plan: '32000',
    template: 'road',
    from: 1,
    to: 12,
    offset: 2,
    r3: 1.01,
    r6: 1.0,
    lag9: -2.4,
    expect: 'green',
    milestones: [start('2024-09-30', '2024-09-25'), done('2025-12-31', undefined, '2025-10-31')],
    changes: [
      {
        on: '2025-03-12',
        subject: 'milestone',
        milestoneId: 'completion',
        from: '2025-10-31',
        to: '2025-12-31',
        approvedByPrincipal: true,
        ref: '邯政字〔2025〕12号',
      },
    ],
  },
  {
    id: 'P-007',
    dept: 'D-jt',
    name: '国道309线邯郸市区段改建工程',
    district: '复兴区',
    industry: '48',
    codeYm: '2410',
    unit: '邯郸市公路建设养护中心',
    total: '96000',
    plan: '45000',
    template: 'road',
    from: 4,
    to: 12,
    pre: 2,
    r3: 0.9,
    r6: 0.94,
    lag9: 7.8,
    expect: 'white',
    milestones: [
      proc(1, '用地批复', '2025-03-31', '2025-03-28'),
      proc(2, '施工许可', '2025-04-10', '2025-04-09'),
      start('2025-04-15', '2025-04-16'),
      done('2026-12-31'),
    ],
  },
  {
    id: 'P-008',
    dept: 'D-jt',
    name: '市公交综合场站建设项目',
    district: '邯山区',
    industry: '54',
    codeYm: '2411',
    unit: '邯郸市公共交通集团有限公司',
    total: '5200',
    plan: '3600',
    template: 'building',
    from: 3,
    to: 12,
    r3: 1.0,
    r6: 0.78,
    lag9: 3.9,
    expect: 'white',
    zero: [6],
    zeroText: '配合文物部门开展考古勘探，现场暂停施工',
    milestones: [start('2025-03-25', '2025-03-22'), done('2026-05-31')],
    stalls: [{ since: '2025-05-20', until: '2025-07-01', cause: 'objective', note: '场站地块发现古墓葬，暂停施工配合文物部门考古勘探' }],
  },
  {
    id: 'P-009',
    dept: 'D-jt',
    name: '邯郸机场路快速化改造工程',
    district: '邯山区',
    industry: '48',
    codeYm: '2409',
    unit: '邯郸市交通建设投资有限公司',
    total: '78000',
    plan: '28000',
    template: 'road',
    from: 1,
    to: 12,
    offset: 1,
    r3: 0.97,
    r6: 0.8,
    lag9: 18.5,
    expect: 'red',
    lateText: { from: 5, text: '跨铁路立交段停工待桩基变更设计，其余路段正常施工' },
    milestones: [start('2024-12-15', '2024-12-10'), done('2026-09-30')],
    stalls: [
      {
        since: '2025-05-10',
        cause: 'insufficientPreliminaryStudy',
        note: '跨铁路立交段前期地质勘察深度不足，施工中遇溶洞，桩基需变更设计，该段停工',
      },
    ],
    directives: [
      {
        id: 'DIR-1',
        issuedOn: '2025-06-05',
        byLeaderId: 'L-mayor',
        requirement: '尽快完成补充地质勘察，6月底前确定跨铁路立交段桩基变更方案',
        dueOn: '2025-06-30',
        measures: [{ on: '2025-06-12', text: '委托勘察单位开展补充勘察，成立工作专班每周调度' }],
        progress: [{ on: '2025-08-15', text: '补充勘察完成，桩基变更设计方案已报审' }],
      },
    ],
  },
  // ── 市水利局 ────────────────────────────────────────────────────────────────────────────
  {
    id: 'P-010',
    dept: 'D-sl',
    name: '滏阳河综合治理二期工程',
    district: '丛台区',
    industry: '76',
    codeYm: '2403',
    unit: '邯郸市滏阳河综合治理建设管理中心',
    total: '186000',
    plan: '56000',
    template: 'water',
    from: 1,
    to: 12,
    offset: 1,
    waterSeason: true,
    r3: 0.7,
    r6: 0.6,
    lag9: 30,
    exact: true,
    expect: 'yellow',
    milestones: [start('2024-04-30', '2024-04-28'), phys(1, '城区段堤防加固完成', '2025-11-30'), done('2026-12-31')],
  },
  {
    id: 'P-011',
    dept: 'D-sl',
    name: '支漳河分洪道清淤整治工程',
    district: '肥乡区',
    industry: '76',
    codeYm: '2412',
    unit: '邯郸市水利工程建设管理中心',
    total: '8600',
    plan: '8600',
    template: 'water',
    from: 7,
    to: 12,
    weights: [2, 2, 4, 4, 5, 5, 12, 12, 12, 10, 8, 6],
    r3: 0.55,
    r6: 0.35,
    lag9: 60,
    expect: 'red',
    lateText: { from: 7, text: '占用林地审批未办结，沿线征迁未完成，工程尚未开工' },
    milestones: [proc(1, '占用林地审批', '2025-05-31'), start('2025-06-30'), done('2026-05-31')],
    // 2.3: the mayor's written instruction after the leader in charge reported the problem; due before the
    // next meetings, with a measure but no progress yet at the demo date (both after September, so the
    // project's three red months stay without directive activity: 不作为, 3.3).
    directives: [
      {
        id: 'DIR-1',
        issuedOn: '2025-10-09',
        byLeaderId: 'L-mayor',
        requirement: '市自然资源和规划局、市水利局联合向省林草局汇报，10月底前完成占用林地审批材料补正并报批',
        dueOn: '2025-10-31',
        measures: [{ on: '2025-10-13', text: '两局成立联合工作组，逐项核对补正清单，每周向分管市领导报告' }],
        progress: [],
      },
    ],
  },
  {
    id: 'P-012',
    dept: 'D-sl',
    name: '东武仕水库除险加固工程',
    district: '磁县',
    industry: '76',
    codeYm: '2406',
    unit: '邯郸市东武仕水库管理处',
    total: '24600',
    plan: '15800',
    template: 'water',
    from: 1,
    to: 12,
    offset: 2,
    waterSeason: true,
    r3: 1.0,
    r6: 1.05,
    lag9: null,
    expect: 'red',
    zero: [7, 8, 9],
    zeroText: '主坝防渗处理方案调整，等待设计变更批复，本月无实质性进展',
    milestones: [start('2024-10-20', '2024-10-18'), done('2026-06-30')],
  },
  {
    id: 'P-013',
    dept: 'D-sl',
    name: '城区防洪排涝能力提升工程',
    district: '邯山区',
    industry: '78',
    codeYm: '2411',
    unit: '邯郸市城市排水管理处',
    total: '21000',
    plan: '12000',
    template: 'drain',
    from: 3,
    to: 12,
    pre: 1,
    r3: 0.7,
    r6: 0.6,
    lag9: 36.8,
    expect: 'red',
    milestones: [start('2025-03-31', '2025-03-29'), done('2026-05-31')],
    directives: [
      {
        id: 'DIR-1',
        issuedOn: '2025-06-20',
        byLeaderId: 'L-chen',
        requirement: '7月底前完成城区12处易涝积水点改造主体工程，确保主汛期安全',
        dueOn: '2025-07-31',
        measures: [{ on: '2025-08-20', text: '制定积水点改造攻坚方案，增加作业面' }],
        progress: [],
      },
    ],
  },
  // ── 市卫健委 ────────────────────────────────────────────────────────────────────────────
  {
    id: 'P-014',
    dept: 'D-wj',
    name: '市第一医院新院区',
    district: '丛台区',
    industry: '84',
    codeYm: '2307',
    unit: '邯郸市第一医院',
    majorLivelihood: true,
    total: '286000',
    plan: '60000',
    template: 'building',
    from: 1,
    to: 12,
    offset: 3,
    r3: 1.0,
    r6: 1.01,
    lag9: 2.15,
    expect: 'white',
    milestones: [start('2023-10-15', '2023-10-12'), phys(1, '门急诊医技楼主体封顶', '2025-06-30', '2025-06-21'), done('2026-12-31')],
    incidents: [{ on: '2025-07-23', severity: 'serious', note: '住院楼外脚手架局部坍塌，造成2名工人受伤，现场停工整改3天' }],
  },
  {
    id: 'P-015',
    dept: 'D-wj',
    name: '市中医院门急诊综合楼',
    district: '丛台区',
    industry: '84',
    codeYm: '2410',
    unit: '邯郸市中医院',
    total: '18500',
    plan: '9500',
    template: 'building',
    from: 4,
    to: 12,
    pre: 1,
    r3: 1.02,
    r6: 1.01,
    lag9: -0.85,
    expect: 'green',
    milestones: [proc(1, '施工许可', '2025-04-15', '2025-04-11'), start('2025-04-30'), done('2026-12-31')],
    achieved: { 4: { start: '2025-04-18' } },
  },
  {
    id: 'P-016',
    dept: 'D-wj',
    name: '市疾控中心实验楼建设项目',
    district: '邯山区',
    industry: '84',
    codeYm: '2411',
    unit: '邯郸市疾病预防控制中心',
    total: '6800',
    plan: '4800',
    template: 'building',
    from: 3,
    to: 12,
    r3: 1.0,
    r6: 0.98,
    lag9: 2.4,
    expect: 'white',
    milestones: [start('2025-03-31', '2025-03-27'), done('2026-06-30')],
  },
  {
    id: 'P-017',
    dept: 'D-wj',
    name: '市传染病医院改扩建工程',
    district: '复兴区',
    industry: '84',
    codeYm: '2408',
    unit: '邯郸市传染病医院',
    total: '14200',
    plan: '7600',
    template: 'building',
    from: 2,
    to: 12,
    r3: 0.96,
    r6: 0.9,
    lag9: 14.6,
    expect: 'yellow',
    milestones: [start('2025-02-28', '2025-02-26'), done('2026-08-31')],
  },
  // ── 市教育局 ────────────────────────────────────────────────────────────────────────────
  {
    id: 'P-018',
    dept: 'D-jy',
    name: '邯郸市第四中学新校区',
    district: '邯山区',
    industry: '83',
    codeYm: '2501',
    unit: '邯郸市第四中学',
    majorLivelihood: true,
    total: '42000',
    plan: '21000',
    template: 'building',
    from: 6,
    to: 12,
    pre: 2,
    r3: 0.95,
    r6: 0.9,
    lag9: -1.2,
    expect: 'green',
    milestones: [
      proc(1, '建设用地规划许可', '2025-03-31', '2025-03-25'),
      proc(2, '施工许可', '2025-06-10', '2025-06-06'),
      start('2025-06-15', '2025-06-12', '2025-04-30'),
      done('2026-08-15'),
    ],
  },
  {
    id: 'P-019',
    dept: 'D-jy',
    name: '市职教中心实训基地建设项目',
    district: '永年区',
    industry: '83',
    codeYm: '2410',
    unit: '邯郸市职业教育中心',
    total: '8900',
    plan: '5200',
    template: 'building',
    from: 3,
    to: 12,
    r3: 0.9,
    r6: 0.85,
    lag9: 5.5,
    expect: 'white',
    milestones: [start('2025-03-15', '2025-03-12'), done('2026-07-31')],
    changes: [
      {
        on: '2025-05-20',
        subject: 'content',
        from: '实训楼5层，含室外风雨操场',
        to: '实训楼6层，取消室外风雨操场',
        approvedByPrincipal: false,
      },
    ],
  },
  {
    id: 'P-020',
    dept: 'D-jy',
    name: '主城区新建中小学项目（2025年）',
    district: '丛台区',
    industry: '83',
    codeYm: '2412',
    unit: '邯郸市教育基建服务中心',
    majorLivelihood: true,
    total: '16800',
    plan: '16800',
    template: 'building',
    from: 3,
    to: 12,
    r3: 0.88,
    r6: 0.8,
    lag9: 8.3,
    expect: 'white',
    milestones: [start('2025-03-31', '2025-03-28'), done('2026-08-20')],
  },
  {
    id: 'P-021',
    dept: 'D-jy',
    name: '市直机关第二幼儿园改扩建工程',
    district: '丛台区',
    industry: '83',
    codeYm: '2410',
    unit: '邯郸市直属机关第二幼儿园',
    total: '1850.5',
    plan: '1850.5',
    template: 'building',
    from: 3,
    to: 10,
    r3: 1.0,
    r6: 1.04,
    lag9: -4.1,
    expect: 'green',
    milestones: [start('2025-03-10', '2025-03-08'), done('2025-12-31')],
    reportDates: { 5: '2025-06-09' },
  },
  // ── 市城管局 ────────────────────────────────────────────────────────────────────────────
  {
    id: 'P-022',
    dept: 'D-cg',
    name: '主城区生活垃圾分类处理中心',
    district: '复兴区',
    industry: '78',
    codeYm: '2409',
    unit: '邯郸市环境卫生服务中心',
    total: '32000',
    plan: '13500',
    template: 'plant',
    from: 1,
    to: 12,
    offset: 1,
    r3: 0.85,
    r6: 1.0,
    lag9: 8.5,
    expect: 'yellow',
    skip: [9],
    milestones: [start('2024-11-20', '2024-11-18'), done('2026-03-31')],
  },
  {
    id: 'P-023',
    dept: 'D-cg',
    name: '城区道路照明智能化改造工程',
    district: '丛台区',
    industry: '78',
    codeYm: '2411',
    unit: '邯郸市城市照明管理处',
    total: '2400',
    plan: '2400',
    template: 'lighting',
    from: 3,
    to: 9,
    r3: 1.0,
    r6: 1.0,
    lag9: -0.5,
    expect: 'green',
    ledgerSubmittedOn: null,
    milestones: [start('2025-03-15', '2025-03-14'), done('2025-09-30', '2025-09-28')],
  },
  {
    id: 'P-024',
    dept: 'D-cg',
    name: '丛台公园周边环境综合整治工程',
    district: '丛台区',
    industry: '78',
    codeYm: '2412',
    unit: '邯郸市园林绿化服务中心',
    total: '3250.5',
    plan: '3250.5',
    template: 'landscape',
    from: 2,
    to: 6,
    weights: [0, 6, 12, 14, 12, 8, 0, 0, 0, 0, 0, 0],
    r3: 0.98,
    r6: 1.0,
    lag9: 0,
    exact: true,
    expect: 'green',
    milestones: [start('2025-02-28', '2025-02-25'), done('2025-06-30', '2025-06-26')],
  },
  {
    id: 'P-025',
    dept: 'D-cg',
    name: '城市智慧停车系统建设项目',
    district: '丛台区',
    industry: '65',
    codeYm: '2412',
    unit: '邯郸市城市停车管理服务中心',
    total: '4600',
    plan: '3000',
    template: 'digital',
    from: 3,
    to: 12,
    weights: [0, 0, 2, 4, 6, 6, 6, 4, 4, 16, 22, 30],
    r3: 1.0,
    r6: 1.02,
    lag9: 7.0,
    expect: 'yellow',
    zero: [8, 9],
    zeroText: '平台开发商核心技术人员调整，平台开发暂停，本月无实质性进展',
    milestones: [start('2025-03-20', '2025-03-18'), done('2026-03-31')],
  },
  // ── 市文广旅局（一季度台账计划为0）──────────────────────────────────────────────────────────
  {
    id: 'P-026',
    dept: 'D-wlt',
    name: '赵王城遗址公园二期工程',
    district: '复兴区',
    industry: '78',
    codeYm: '2412',
    unit: '邯郸市赵王城遗址保护管理中心',
    total: '15600',
    plan: '8800',
    template: 'landscape',
    from: 4,
    to: 12,
    r3: 1,
    r6: 0.85,
    lag9: 6.4,
    expect: 'white',
    milestones: [proc(1, '文物保护工程方案批复', '2025-03-31', '2025-03-20'), start('2025-04-20', '2025-04-18'), done('2026-10-31')],
  },
  {
    id: 'P-027',
    dept: 'D-wlt',
    name: '市图书馆新馆建设项目',
    district: '丛台区',
    industry: '88',
    codeYm: '2501',
    unit: '邯郸市图书馆',
    total: '36000',
    plan: '4200',
    template: 'building',
    from: 12,
    to: 12,
    weights: [0, 0, 0, 2, 2, 2, 2, 2, 3, 5, 12, 30],
    r3: 1,
    r6: 1.0,
    lag9: 3.0,
    expect: 'white',
    milestones: [
      proc(1, '施工图审查', '2025-09-30', '2025-09-25'),
      proc(2, '施工许可', '2025-11-05'),
      start('2025-12-20'),
      done('2028-06-30'),
    ],
  },
  {
    id: 'P-028',
    dept: 'D-wlt',
    name: '邯郸博物馆展陈提升工程',
    district: '丛台区',
    industry: '88',
    codeYm: '2411',
    unit: '邯郸市博物馆',
    total: '2600',
    plan: '2600',
    template: 'exhibit',
    from: 4,
    to: 12,
    r3: 1,
    r6: 0.6,
    lag9: 42.35,
    expect: 'red',
    milestones: [start('2025-04-30', '2025-04-28'), done('2025-12-31')],
    directives: [
      {
        id: 'DIR-1',
        issuedOn: '2025-07-10',
        byLeaderId: 'L-sun',
        requirement: '加快展陈深化设计，8月10日前完成展陈大纲专家评审',
        dueOn: '2025-08-10',
        measures: [],
        progress: [],
      },
    ],
  },
  // ── 市自然资源和规划局 ──────────────────────────────────────────────────────────────────
  {
    id: 'P-029',
    dept: 'D-zrzy',
    name: '西部山区废弃矿山生态修复工程',
    district: '峰峰矿区',
    industry: '77',
    codeYm: '2410',
    unit: '邯郸市国土空间生态修复中心',
    total: '18600',
    plan: '7300',
    template: 'eco',
    from: 3,
    to: 11,
    r3: 1.0,
    r6: 1.04,
    lag9: -2.9,
    expect: 'green',
    milestones: [start('2025-03-25', '2025-03-20'), done('2026-06-30')],
  },
  {
    id: 'P-030',
    dept: 'D-zrzy',
    name: '市级国土空间基础信息平台建设项目',
    district: '丛台区',
    industry: '65',
    codeYm: '2411',
    unit: '邯郸市自然资源和规划信息中心',
    total: '1560',
    plan: '1560',
    template: 'digital',
    from: 3,
    to: 12,
    r3: 0.95,
    r6: 0.92,
    lag9: 8.1,
    expect: 'white',
    ledgerShort: '0.5',
    milestones: [start('2025-03-31', '2025-03-28'), done('2025-12-31')],
  },
  {
    id: 'P-031',
    dept: 'D-zrzy',
    name: '紫山片区地质灾害综合治理工程',
    district: '永年区',
    industry: '77',
    codeYm: '2501',
    unit: '邯郸市地质环境监测站',
    total: '4500',
    plan: '4500',
    template: 'eco',
    from: 9,
    to: 12,
    weights: [1, 1, 1, 1, 1, 1, 1, 1, 2, 12, 12, 8],
    r3: 0.95,
    r6: 0.95,
    lag9: 5.0,
    expect: 'yellow',
    lateText: { from: 9, text: '施工单位进场及临时用地协调未完成，尚未开工' },
    milestones: [proc(1, '施工图审查', '2025-07-20', '2025-07-18'), start('2025-08-15'), done('2026-06-30')],
  },
  {
    id: 'P-032',
    dept: 'D-zrzy',
    name: '市不动产登记中心业务用房',
    district: '丛台区',
    industry: '47',
    codeYm: '2410',
    unit: '邯郸市不动产登记中心',
    total: '9800',
    plan: '6900',
    template: 'building',
    from: 3,
    to: 12,
    r3: 0.9,
    r6: 0.84,
    lag9: 22.7,
    expect: 'yellow',
    milestones: [start('2025-03-18', '2025-03-15'), done('2026-10-31')],
  },
  // ── 市生态环境局 ────────────────────────────────────────────────────────────────────────
  {
    id: 'P-033',
    dept: 'D-sthj',
    name: '沁河生态修复工程',
    district: '复兴区',
    industry: '77',
    codeYm: '2409',
    unit: '邯郸市生态环境保护服务中心',
    total: '28000',
    plan: '11200',
    template: 'water',
    from: 1,
    to: 12,
    offset: 1,
    waterSeason: true,
    r3: 1.0,
    r6: 1.0,
    lag9: -0.35,
    expect: 'green',
    milestones: [start('2024-09-30', '2024-09-26'), done('2026-06-30')],
  },
  {
    id: 'P-034',
    dept: 'D-sthj',
    name: '大气环境监测网络提升项目',
    district: '丛台区',
    industry: '77',
    codeYm: '2412',
    unit: '邯郸市生态环境监控中心',
    total: '1000',
    plan: '1000',
    template: 'digital',
    from: 3,
    to: 12,
    r3: 0.92,
    r6: 0.9,
    lag9: 9.99,
    exact: true,
    expect: 'white',
    milestones: [start('2025-03-31', '2025-03-26'), done('2025-12-31')],
  },
  {
    id: 'P-035',
    dept: 'D-sthj',
    name: '东部污水处理厂提标改造工程',
    district: '邯山区',
    industry: '46',
    codeYm: '2410',
    unit: '邯郸市东部污水处理厂',
    total: '13500',
    plan: '9200',
    template: 'plant',
    from: 3,
    to: 12,
    r3: 0.95,
    r6: 0.9,
    lag9: 17.0,
    expect: 'yellow',
    milestones: [start('2025-03-20', '2025-03-17'), done('2026-04-30')],
  },
  // ── 市国投集团 ──────────────────────────────────────────────────────────────────────────
  {
    id: 'P-036',
    dept: 'D-gt',
    name: '邯郸国际陆港物流园基础设施项目',
    district: '肥乡区',
    industry: '48',
    codeYm: '2406',
    unit: '邯郸市国投陆港建设有限公司',
    total: '120000',
    plan: '38000',
    template: 'road',
    from: 1,
    to: 12,
    offset: 2,
    r3: 0.82,
    r6: 0.78,
    lag9: 33.5,
    expect: 'red',
    milestones: [start('2024-08-31', '2024-08-28'), done('2026-12-31')],
  },
  {
    id: 'P-037',
    dept: 'D-gt',
    name: '冀南新区综合管廊一期工程',
    district: '冀南新区',
    industry: '48',
    codeYm: '2403',
    unit: '邯郸冀南新区城市建设投资有限公司',
    total: '64000',
    plan: '26500',
    template: 'corridor',
    from: 1,
    to: 12,
    offset: 2,
    r3: 0.88,
    r6: 0.92,
    lag9: 3.3,
    expect: 'white',
    milestones: [start('2024-05-30', '2024-05-26'), done('2026-06-30')],
  },
  {
    id: 'P-038',
    dept: 'D-gt',
    name: '市人才公寓建设项目',
    district: '经开区',
    industry: '70',
    codeYm: '2409',
    unit: '邯郸市国投置业有限公司',
    total: '52000',
    plan: '19800',
    template: 'building',
    from: 1,
    to: 12,
    offset: 2,
    r3: 0.9,
    r6: 0.97,
    lag9: -1.5,
    expect: 'green',
    fixed: { 4: { amount: '-50', text: '核减3月重复统计的钢材采购款50万元，本月主体结构施工' } },
    milestones: [start('2024-12-20', '2024-12-18'), done('2026-09-30')],
  },
  {
    id: 'P-039',
    dept: 'D-gt',
    name: '邯郸经开区标准化厂房项目',
    district: '经开区',
    industry: '47',
    codeYm: '2410',
    unit: '邯郸市国投产业园发展有限公司',
    total: '28000',
    plan: '14600',
    template: 'building',
    from: 3,
    to: 12,
    pre: 1,
    r3: 0.8,
    r6: 0.85,
    lag9: 11.2,
    expect: 'yellow',
    milestones: [start('2025-03-30', '2025-03-28'), done('2026-05-31')],
  },
  {
    id: 'P-040',
    dept: 'D-gt',
    name: '邯郸城市大脑数据中心项目（前期）',
    district: '冀南新区',
    industry: '65',
    codeYm: '2505',
    unit: '邯郸市国投数字科技有限公司',
    total: '85000',
    plan: '0',
    template: 'digital',
    from: 13,
    to: 12,
    r3: 1,
    r6: 1,
    lag9: 0,
    expect: 'green',
    milestones: [
      proc(1, '可行性研究报告批复', '2025-09-30'),
      proc(2, '用地预审与选址意见书', '2025-12-31'),
      start('2026-04-30'),
      done('2027-12-31'),
    ],
  },
];

/** Pre-construction texts for the 前期 project without an annual investment plan. */
const PRE_ONLY = [
  '编制项目建议书',
  '项目建议书评审',
  '项目建议书批复',
  '开展可行性研究',
  '可研报告编制',
  '节能评估及社会稳定风险评估',
  '可研报告专家评审',
  '可研报告修改完善',
  '可研报告报审',
  '用地预审与选址论证',
  '初步设计招标',
  '初步设计编制',
];

// ---------------------------------------------------------------------------------------------
// Building the projects
// ---------------------------------------------------------------------------------------------

function stageOf(s: Spec, month: number): string | undefined {
  const t = STAGES[s.template];
  if (s.plan === '0') return at(PRE_ONLY, month - 1);
  if (month < s.from) {
    const i = Math.min(t.pre.length - 1, Math.floor(((month - 1) * t.pre.length) / Math.max(1, s.from - 1)));
    return at(t.pre, i);
  }
  if (month > s.to) return undefined;
  const off = s.offset ?? 0;
  const span = s.to - s.from + 1;
  const i = off + Math.floor(((month - s.from) * (t.steps.length - off)) / span);
  return at(t.steps, Math.min(i, t.steps.length - 1));
}

/** Ledger plan per month (cents): whole 万元 by weight, the remainder on the heaviest month. */
function allocate(s: Spec): number[] {
  const a = toCents(s.plan);
  const season = s.waterSeason ? WATER_SEASON : SEASON;
  const w =
    s.weights ??
    Array.from({ length: 12 }, (_, i) => {
      const m = i + 1;
      if (m < s.from) return s.pre ?? 0;
      if (m > s.to) return 0;
      return at(season, i);
    });
  const total = w.reduce((x, y) => x + y, 0);
  if (a === 0) return w.map(() => 0);
  if (total === 0) throw new Error(`${s.id}: no weight`);
  const out = w.map((x) => Math.floor(((a / 100) * x) / total) * 100);
  let heaviest = 0;
  w.forEach((x, i) => {
    if (x > at(w, heaviest)) heaviest = i;
  });
  out[heaviest] = at(out, heaviest) + a - out.reduce((x, y) => x + y, 0);
  return out;
}

function code(s: Spec): string {
  const region = DISTRICT[s.district];
  if (region === undefined) throw new Error(`${s.id}: unknown district ${s.district}`);
  return `${s.codeYm}-${region}-${s.industry}-01-${String(randInt(100000, 999999))}`;
}

const cum = (xs: readonly number[], k: number): number => xs.slice(0, k).reduce((x, y) => x + y, 0);

/** Reported amounts (cents) for months 1..12; null = no report. */
function reported(s: Spec, plan: readonly number[]): (number | null)[] {
  const a = toCents(s.plan);
  const out: (number | null)[] = Array.from({ length: 12 }, () => 0);
  const zero = new Set(s.zero ?? []);
  const skip = new Set(s.skip ?? []);
  const fixed = s.fixed ?? {};
  for (const m of zero) out[m - 1] = 0;
  for (const m of skip) out[m - 1] = null;
  for (const [m, f] of Object.entries(fixed)) out[Number(m) - 1] = toCents(f.amount);

  const p3 = cum(plan, 3);
  const p6 = cum(plan, 6);
  const p9 = cum(plan, 9);
  const t3 = round10(s.r3 * p3);
  const t6 = round10(s.r6 * p6);
  let t9: number | null = null;
  if (s.lag9 !== null) {
    const deficit = (Math.round(s.lag9 * 100) * a) / 10000; // lag in 0.01 pp × annualPlan / 10000
    if (s.exact && !Number.isInteger(deficit)) throw new Error(`${s.id}: exact lag needs an integer deficit`);
    t9 = p9 - (s.exact ? deficit : round10(deficit));
  }
  const segments: [number, number, number | null][] = [
    [1, 3, t3],
    [4, 6, t6],
    [7, 9, t9],
  ];
  let prev = 0;
  for (const [lo, hi, target] of segments) {
    const months: number[] = [];
    let fixedSum = 0;
    for (let m = lo; m <= hi; m++) {
      if (zero.has(m) || skip.has(m)) continue;
      const f = fixed[m];
      if (f !== undefined) fixedSum += toCents(f.amount);
      else months.push(m);
    }
    const tgt = target ?? prev + fixedSum;
    const inc = tgt - prev - fixedSum;
    const weights = months.map((m) => at(plan, m - 1) * (0.88 + 0.24 * rng()));
    const wsum = weights.reduce((x, y) => x + y, 0);
    if (months.length === 0) {
      if (inc !== 0) throw new Error(`${s.id}: nothing to carry ${inc} in months ${lo}-${hi}`);
    } else if (wsum === 0) {
      for (const m of months) out[m - 1] = 0;
      out[at(months, months.length - 1) - 1] = inc;
    } else {
      let lastW = -1;
      weights.forEach((w, i) => {
        if (w > 0) lastW = i;
      });
      let used = 0;
      months.forEach((m, i) => {
        if (i === lastW) return;
        const v = round10((inc * at(weights, i)) / wsum);
        out[m - 1] = v;
        used += v;
      });
      out[at(months, lastW) - 1] = inc - used;
    }
    prev = tgt;
  }
  // October–December: catching up at about the year's pace so far (unknown at the demo date).
  const pace = p9 > 0 ? Math.min(1.05, Math.max(0.3, prev / p9) + 0.05) : 1;
  for (let m = 10; m <= 12; m++) {
    out[m - 1] = round10(at(plan, m - 1) * pace * (0.9 + 0.2 * rng()));
  }
  return out;
}

function buildProject(s: Spec, idx: number): Project {
  const deputies = deptDeputies.get(s.dept);
  if (deputies === undefined) throw new Error(`${s.id}: unknown department ${s.dept}`);
  const plan = allocate(s);
  if (s.ledgerShort !== undefined) plan[11] = at(plan, 11) - toCents(s.ledgerShort);
  const amounts = reported(s, plan);

  const procByMonth = new Map<number, string[]>();
  for (const ms of s.milestones) {
    if (ms.kind !== 'procedure' || !ms.due.startsWith(`${YEAR}-`)) continue;
    const m = Number(ms.due.slice(5, 7));
    procByMonth.set(m, [...(procByMonth.get(m) ?? []), ms.name]);
  }
  const months: LedgerMonth[] = plan.map((c, i) => {
    const m = i + 1;
    const stage = stageOf(s, m);
    const procs = procByMonth.get(m);
    return {
      month: ym(m),
      investment: fmt(c),
      ...(stage === undefined ? {} : { workload: stage }),
      ...(procs === undefined ? {} : { procedures: procs }),
    };
  });

  let ledgerSubmittedOn: string | undefined;
  if (s.ledgerSubmittedOn === undefined) ledgerSubmittedOn = `${YEAR}-02-${pad2(randInt(20, 28))}`;
  else if (s.ledgerSubmittedOn !== null) ledgerSubmittedOn = s.ledgerSubmittedOn;

  const zero = new Set(s.zero ?? []);
  const reports: Report[] = [];
  amounts.forEach((c, i) => {
    const m = i + 1;
    if (c === null) return;
    let submittedOn: string | undefined =
      m === 12 ? `${YEAR + 1}-01-${pad2(randInt(1, 5))}` : `${YEAR}-${pad2(m + 1)}-${pad2(randInt(1, 5))}`;
    const dated = s.reportDates?.[m];
    if (dated === null) submittedOn = undefined;
    else if (dated !== undefined) submittedOn = dated;

    let progress: string;
    const f = s.fixed?.[m];
    if (zero.has(m)) progress = s.zeroText ?? '本月无实质性进展';
    else if (f !== undefined) progress = f.text;
    else if (s.lateText !== undefined && m >= s.lateText.from) progress = s.lateText.text;
    else {
      const stage = stageOf(s, m);
      if (stage === undefined) progress = c > 0 ? '工程结算及尾款支付' : '已完工，办理竣工结算';
      else {
        const planned = cum(plan, m);
        const done = amounts.slice(0, m).reduce<number>((x, y) => x + (y ?? 0), 0);
        progress = planned > 0 && done < 0.85 * planned ? `${stage}，投资完成滞后于台账计划` : stage;
      }
    }
    const achieved = s.achieved?.[m];
    reports.push({
      month: ym(m),
      ...(submittedOn === undefined ? {} : { submittedOn }),
      investment: fmt(c),
      progress,
      ...(zero.has(m) ? { noProgress: true } : {}),
      ...(achieved === undefined ? {} : { achieved }),
    });
  });

  return {
    id: s.id,
    name: s.name,
    departmentId: s.dept,
    code: code(s),
    constructionUnit: s.unit,
    ...(s.majorLivelihood ? { majorLivelihood: true } : {}),
    responsible: { leader: at(deputies, idx % 2), person: personName() },
    totalInvestment: s.total,
    annualPlan: s.plan,
    ledger: { ...(ledgerSubmittedOn === undefined ? {} : { submittedOn: ledgerSubmittedOn }), months },
    milestones: s.milestones,
    reports,
    ...(s.changes ? { changes: s.changes } : {}),
    ...(s.directives ? { directives: s.directives } : {}),
    ...(s.stalls ? { stalls: s.stalls } : {}),
    ...(s.incidents ? { incidents: s.incidents } : {}),
  };
}

const projects = specs.map((s, i) => buildProject(s, i));
const deptsWithProjects = departments.filter((d) => projects.some((p) => p.departmentId === d.id));

// ---------------------------------------------------------------------------------------------
// Meetings (2.1 monthly, 2.2 bimonthly, 2.3 quarterly), reviews, escalations …
// ---------------------------------------------------------------------------------------------

const meetings: Meeting[] = [];

// 2.1 — every department with projects, every month; 市水利局 skipped July and August.
const DEPT_GAPS: Record<string, number[]> = { 'D-sl': [7, 8] };
for (const d of deptsWithProjects) {
  const own = projects.filter((p) => p.departmentId === d.id).map((p) => p.id);
  for (let m = 1; m <= 12; m++) {
    if (DEPT_GAPS[d.id]?.includes(m)) continue;
    const site = m % 2 === 1;
    const visit = at(own, (m - 1) % own.length);
    meetings.push({
      level: 'department',
      on: workday(YEAR, m, randInt(6, 24)),
      departmentIds: [d.id],
      form: site ? 'site' : 'collective',
      ...(site ? { projectIds: [visit] } : {}),
    });
  }
}

// 2.2 — each city leader in charge, every two months (held in the bimonth's second month);
// 孙国强 held none in May–June (2025-B3).
const LEADER_GAPS: Record<string, number[]> = { 'L-sun': [3] };
for (const l of leaders.filter((x) => x.role === 'cityLeader')) {
  const ds = deptsWithProjects.filter((d) => d.leaderId === l.id).map((d) => d.id);
  if (ds.length === 0) continue;
  for (let b = 1; b <= 6; b++) {
    if (LEADER_GAPS[l.id]?.includes(b)) continue;
    meetings.push({
      level: 'cityLeader',
      on: workday(YEAR, 2 * b, randInt(10, 22)),
      chairId: l.id,
      departmentIds: ds,
      form: 'collective',
    });
  }
}

// 2.3 — the mayor: Q1 inspection tour, Q2 collective report, nothing in Q3, Q4 on-site office.
meetings.push(
  {
    level: 'mayor',
    on: '2025-03-27',
    chairId: 'L-mayor',
    departmentIds: ['D-jt', 'D-sl', 'D-wj', 'D-zj'],
    form: 'inspection',
    projectIds: ['P-006', 'P-010', 'P-014', 'P-001'],
  },
  {
    level: 'mayor',
    on: '2025-06-18',
    chairId: 'L-mayor',
    departmentIds: deptsWithProjects.map((d) => d.id),
    form: 'report',
  },
  {
    level: 'mayor',
    on: '2025-11-20',
    chairId: 'L-mayor',
    departmentIds: ['D-sl', 'D-jt'],
    form: 'onsiteOffice',
    projectIds: ['P-011', 'P-009'],
  },
);

const escalations: Escalation[] = [
  {
    departmentId: 'D-jt',
    raisedOn: '2025-04-08',
    toLeaderId: 'L-li',
    issue: '邯郸东站配套道路涉及铁路用地红线内通信光缆迁改，需协调铁路部门',
    projectId: 'P-006',
    resolvedOn: '2025-04-25',
  },
  {
    departmentId: 'D-sl',
    raisedOn: '2025-08-01',
    toLeaderId: 'L-zhao',
    issue: '支漳河分洪道清淤工程占用林地审批及沿线征迁未完成，工程无法开工',
    projectId: 'P-011',
    resolvedOn: '2025-11-20',
  },
  // 二(二) → 二(三): the leader in charge could not solve it and reported it to the mayor, whose on-site
  // office of 2025-11-20 settled it.
  {
    departmentId: 'D-sl',
    raisedOn: '2025-09-10',
    toLeaderId: 'L-mayor',
    issue: '支漳河分洪道清淤工程占用林地需报省林草局审批，分管市领导协调未果，提请市长调度',
    projectId: 'P-011',
    resolvedOn: '2025-11-20',
  },
];

// 1.2 — finance, land and approval bureaus every two months; the land bureau held none in 2025-B3.
const REVIEW_DAYS: Record<BureauReview['bureau'], (string | null)[]> = {
  finance: ['2025-02-25', '2025-04-22', '2025-06-24', '2025-08-26', '2025-10-28', '2025-12-23'],
  land: ['2025-02-27', '2025-04-24', null, '2025-08-28', '2025-10-30', '2025-12-25'],
  approval: ['2025-02-26', '2025-04-23', '2025-06-25', '2025-08-27', '2025-10-29', '2025-12-24'],
};
const bureauReviews: BureauReview[] = [];
for (const bureau of ['finance', 'land', 'approval'] as const) {
  REVIEW_DAYS[bureau].forEach((on, i) => {
    if (on === null) return;
    const warnings =
      bureau === 'approval' && i === 3
        ? [
            { projectId: 'P-011', note: '占用林地审批未办结，已错过6月底开工节点，影响年度目标' },
            { projectId: 'P-027', note: '施工许可尚未办理，须于11月上旬前完成，确保12月开工' },
            { projectId: 'P-040', note: '可行性研究报告尚未批复，9月底节点有延误风险' },
          ]
        : undefined;
    bureauReviews.push({
      bureau,
      on,
      departmentIds: deptsWithProjects.map((d) => d.id),
      ...(warnings === undefined ? {} : { warnings }),
    });
  });
}

const interviewRequests = [
  {
    departmentId: 'D-cg',
    byLeaderId: 'L-zhang',
    on: '2025-09-12',
    reason: '主城区生活垃圾分类处理中心推进迟缓、智慧停车系统连续停滞，分管市领导要求约谈',
  },
];
const overrides: Portfolio['overrides'] = [
  { projectId: 'P-016', month: '2025-09', colour: 'yellow', reason: '现场核查发现实物量滞后', by: '市发展改革委' },
];

// ---------------------------------------------------------------------------------------------
// Self-check: an independent re-computation of the deliberate outcomes (domain.md §3–§5)
// ---------------------------------------------------------------------------------------------

const RANK: Record<Colour, number> = { green: 0, white: 1, yellow: 2, red: 3 };
const COLOURS: Colour[] = ['green', 'white', 'yellow', 'red'];
const worse = (a: Colour, b: Colour): Colour => (RANK[b] > RANK[a] ? b : a);
const known = (d: string | undefined): boolean => d === undefined || d <= AS_OF;

function ledgerAt(p: Project, k: number): number {
  return p.ledger.months.filter((x) => Number(x.month.slice(5)) <= k).reduce((s, x) => s + toCents(x.investment), 0);
}
function knownReports(p: Project): Report[] {
  return p.reports.filter((r) => known(r.submittedOn));
}
function completedAt(p: Project, k: number): number {
  return knownReports(p)
    .filter((r) => Number(r.month.slice(5)) <= k)
    .reduce((s, r) => s + toCents(r.investment), 0);
}
function achievedDate(p: Project, ms: Milestone): string | undefined {
  const dates = [
    ...(ms.achievedOn === undefined ? [] : [ms.achievedOn]),
    ...knownReports(p).flatMap((r) => {
      const d = r.achieved?.[ms.id];
      return d === undefined ? [] : [d];
    }),
  ].filter((d) => d <= AS_OF);
  return dates.sort()[0];
}
/** Month-ends x (any year) with due < x ≤ e. */
function monthEndsBetween(due: string, e: string): number {
  let n = 0;
  let y = Number(due.slice(0, 4));
  let m = Number(due.slice(5, 7));
  for (;;) {
    const x = monthEnd(y, m);
    if (x > e) return n;
    if (x > due) n++;
    m++;
    if (m === 13) {
      m = 1;
      y++;
    }
  }
}

interface Eval {
  colour: Colour;
  computed: Colour;
  planned: number;
  completed: number;
  /** lagPp × annualPlan, as an exact integer (cents × 100). */
  lagTimesPlan: number;
  reasons: string[];
}
function evalAt(p: Project, k: number): Eval {
  const a = toCents(p.annualPlan);
  const planned = ledgerAt(p, k);
  const completed = completedAt(p, k);
  const e = monthEnd(YEAR, k);
  const reasons: string[] = [];
  let c: Colour = 'green';
  const lagTimesPlan = (planned - completed) * 100;
  if (a > 0) {
    const band: Colour = lagTimesPlan <= 0 ? 'green' : lagTimesPlan < 10 * a ? 'white' : lagTimesPlan <= 30 * a ? 'yellow' : 'red';
    if (band !== 'green') reasons.push(`lag→${band}`);
    c = worse(c, band);
  }
  const kr = knownReports(p);
  let run = 0;
  for (let j = k; j >= 1; j--) {
    const r = kr.find((x) => x.month === ym(j));
    if (r === undefined) break;
    const plannedJ = toCents(at(p.ledger.months, j - 1).investment);
    if (r.noProgress === true || (toCents(r.investment) <= 0 && plannedJ > 0)) run++;
    else break;
  }
  if (run === 2) {
    c = worse(c, 'yellow');
    reasons.push('stallRun 2→yellow');
  } else if (run >= 3) {
    c = worse(c, 'red');
    reasons.push(`stallRun ${run}→red`);
  }
  if (!kr.some((r) => r.month === ym(k))) {
    c = worse(c, 'yellow');
    reasons.push('no report→yellow');
  }
  for (const ms of p.milestones) {
    if (ms.kind !== 'start' && ms.kind !== 'completion') continue;
    const got = achievedDate(p, ms);
    if (ms.due < e && (got === undefined || got > e)) {
      const n = monthEndsBetween(ms.due, e);
      const mc: Colour = n >= 3 ? 'red' : n >= 1 ? 'yellow' : 'green';
      c = worse(c, mc);
      reasons.push(`${ms.id} overdue ${n}→${mc}`);
    }
  }
  for (const st of p.stalls ?? []) {
    if (st.since <= AS_OF && st.since <= e && (st.until === undefined || st.until > e)) {
      c = worse(c, 'red');
      reasons.push(`stall ${st.cause}→red`);
    }
  }
  const ov = overrides.find((o) => o.projectId === p.id && o.month === ym(k));
  return { colour: ov ? ov.colour : c, computed: c, planned, completed, lagTimesPlan, reasons };
}

/** Exact value rounded half away from zero to 2 decimals: num / den. */
function pct2(num: number, den: number): string {
  const neg = num * den < 0;
  const n = Math.abs(num);
  const d = Math.abs(den);
  const q = Math.floor((2 * n * 10000 + d) / (2 * d)); // round(n/d × 100, 2 decimals) half up
  const s = `${Math.floor(q / 100)}.${pad2(q % 100)}`;
  return neg && q !== 0 ? `-${s}` : s;
}

function check(cond: boolean, msg: string): void {
  if (!cond) throw new Error(`self-check failed: ${msg}`);
}

// Colours at the evaluated month, exact lags.
const EXACT: Record<string, number> = { 'P-003': 10, 'P-010': 30, 'P-034': 9.99, 'P-024': 0 };
const summary: string[] = [];
for (const s of specs) {
  const p = projects.find((x) => x.id === s.id);
  if (p === undefined) throw new Error('unreachable');
  const ev = evalAt(p, EVAL_MONTH);
  check(ev.computed === s.expect, `${s.id} computed ${ev.computed}, expected ${s.expect} (${ev.reasons.join('; ')})`);
  const a = toCents(p.annualPlan);
  const target = EXACT[s.id];
  if (target !== undefined) {
    check(ev.lagTimesPlan === (Math.round(target * 100) * a) / 100, `${s.id} lag is not exactly ${target}`);
  }
  const hist = [7, 8].map((k) => evalAt(p, k).colour);
  summary.push(
    `${s.id} ${ev.colour.padEnd(6)} computed=${ev.computed.padEnd(6)} lag=${a > 0 ? pct2(ev.planned - ev.completed, a) : 'null'} ` +
      `jul/aug=${hist.join('/')} ${ev.reasons.join('; ')}`,
  );
}

// Realism of the generated months and the absence of accidental stalls.
const realism: string[] = [];
for (const s of specs) {
  const p = projects.find((x) => x.id === s.id);
  if (p === undefined) throw new Error('unreachable');
  const sum = p.ledger.months.reduce((x, m) => x + toCents(m.investment), 0);
  check((sum === toCents(p.annualPlan)) === (s.ledgerShort === undefined), `${s.id} ledger sum`);
  check(toCents(p.totalInvestment ?? '0') >= toCents(p.annualPlan), `${s.id} totalInvestment < annualPlan`);
  for (const r of p.reports) {
    const k = Number(r.month.slice(5));
    const plannedK = toCents(at(p.ledger.months, k - 1).investment);
    const stalled = r.noProgress === true || (toCents(r.investment) <= 0 && plannedK > 0);
    const deliberate = (s.zero ?? []).includes(k) || s.fixed?.[k] !== undefined;
    check(stalled === deliberate, `${s.id} ${r.month} stalled=${stalled}`);
    // months reported while not yet started (P-011, P-031) are low on purpose
    const notStarted =
      s.lateText !== undefined && k >= s.lateText.from && !p.milestones.some((x) => x.kind === 'start' && x.achievedOn !== undefined);
    if (!deliberate && !notStarted && plannedK > 0) {
      const ratio = toCents(r.investment) / plannedK;
      if (!(ratio > 0.1 && ratio < 3.2)) realism.push(`${s.id} ${r.month} report/plan ratio ${ratio.toFixed(2)}`);
    }
  }
}

check(realism.length === 0, realism.join('\n'));

// 3.1 — quarterly ranking (rate = completed / planned at the quarter's last month).
interface Ranked {
  id: string;
  planned: number;
  completed: number;
}
const bottoms = new Map<string, string[]>();
const rankingLines: string[] = [];
for (const [q, last] of [
  ['2025Q1', 3],
  ['2025Q2', 6],
  ['2025Q3', 9],
] as const) {
  const ranked: Ranked[] = [];
  const excluded: string[] = [];
  for (const d of departments) {
    const own = projects.filter((p) => p.departmentId === d.id);
    const planned = own.reduce((x, p) => x + ledgerAt(p, last), 0);
    const completed = own.reduce((x, p) => x + completedAt(p, last), 0);
    if (own.length === 0 || planned === 0) excluded.push(d.id);
    else ranked.push({ id: d.id, planned, completed });
  }
  // exact comparison of completed/planned by cross-multiplication
  ranked.sort((x, y) => y.completed * x.planned - x.completed * y.planned || (x.id < y.id ? -1 : 1));
  for (let i = 1; i < ranked.length; i++) {
    const x = at(ranked, i - 1);
    const y = at(ranked, i);
    check(x.completed * y.planned !== y.completed * x.planned, `${q}: equal rates ${x.id} ${y.id}`);
  }
  const asc = [...ranked].reverse();
  const r3 = asc.length >= 3 ? at(asc, 2) : at(asc, asc.length - 1);
  const bottom = ranked
    .filter((x) => x.completed * r3.planned <= r3.completed * x.planned)
    .map((x) => x.id)
    .sort();
  bottoms.set(q, bottom);
  rankingLines.push(
    `${q}: ` +
      ranked.map((x, i) => `${i + 1}.${x.id} ${pct2(x.completed, x.planned)}%`).join('  ') +
      ` | bottom ${bottom.join(',')} | excluded ${excluded.join(',')}`,
  );
}
const q1 = bottoms.get('2025Q1') ?? [];
const q2 = bottoms.get('2025Q2') ?? [];
check(q1.length === 3 && q1.some((d) => q2.includes(d)), 'a department must be in the bottom three of Q1 and Q2');
const notifications = [{ quarter: '2025Q1', issuedOn: '2025-04-20', bottom: q1 }];

// ---------------------------------------------------------------------------------------------
// Assemble, check references and write
// ---------------------------------------------------------------------------------------------

const doc: Portfolio = {
  format: 'sansansan/portfolio@1',
  year: YEAR,
  unit: '万元',
  city: '邯郸市',
  leaders,
  departments,
  projects,
  meetings: meetings.sort((x, y) => (x.on < y.on ? -1 : x.on > y.on ? 1 : 0)),
  escalations,
  bureauReviews: bureauReviews.sort((x, y) => (x.on < y.on ? -1 : x.on > y.on ? 1 : 0)),
  notifications,
  interviewRequests,
  overrides,
};

const leaderIds = new Set(doc.leaders.map((l) => l.id));
const deptIds = new Set(doc.departments.map((d) => d.id));
const projectIds = new Set(doc.projects.map((p) => p.id));
check(leaderIds.size === doc.leaders.length && deptIds.size === doc.departments.length, 'duplicate ids');
check(projectIds.size === doc.projects.length, 'duplicate project ids');
check(doc.leaders.filter((l) => l.role === 'mayor').length === 1, 'one mayor');
for (const d of doc.departments) check(leaderIds.has(d.leaderId), `${d.id} leader`);
for (const p of doc.projects) {
  check(deptIds.has(p.departmentId), `${p.id} department`);
  check(/^\d{4}-\d{6}-\d{2}-\d{2}-\d{6}$/.test(p.code ?? ''), `${p.id} code`);
  const msIds = new Set(p.milestones.map((m) => m.id));
  check(msIds.size === p.milestones.length, `${p.id} milestone ids`);
  check(p.ledger.months.length === 12 && p.reports.every((r, i, rs) => rs.findIndex((x) => x.month === r.month) === i), `${p.id} months`);
  for (const c of p.changes ?? []) check(c.milestoneId === undefined || msIds.has(c.milestoneId), `${p.id} change ref`);
  for (const r of p.reports) for (const k of Object.keys(r.achieved ?? {})) check(msIds.has(k), `${p.id} achieved ref`);
  for (const d of p.directives ?? []) check(leaderIds.has(d.byLeaderId), `${p.id} directive leader`);
}
for (const m of doc.meetings) {
  check(
    m.departmentIds.every((d) => deptIds.has(d)),
    'meeting departments',
  );
  check(
    (m.projectIds ?? []).every((x) => projectIds.has(x)),
    'meeting projects',
  );
  check(m.chairId === undefined || leaderIds.has(m.chairId), 'meeting chair');
}
for (const e of doc.escalations)
  check(
    deptIds.has(e.departmentId) &&
      leaderIds.has(e.toLeaderId) &&
      (e.projectId === undefined || doc.projects.some((p) => p.id === e.projectId)),
    'escalation refs',
  );
for (const r of doc.bureauReviews) {
  check(
    (r.departmentIds ?? []).every((d) => deptIds.has(d)),
    'review departments',
  );
  check(
    (r.warnings ?? []).every((w) => projectIds.has(w.projectId)),
    'review warnings',
  );
}
for (const n of doc.notifications)
  check(
    n.bottom.every((d) => deptIds.has(d)),
    'notification refs',
  );
for (const r of doc.interviewRequests) check(deptIds.has(r.departmentId) && leaderIds.has(r.byLeaderId), 'request refs');
for (const o of doc.overrides) check(projectIds.has(o.projectId) && COLOURS.includes(o.colour), 'override refs');

mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, `${JSON.stringify(doc, null, 2)}\n`, 'utf8');

console.log(`wrote ${OUT} (${doc.projects.length} projects, as of ${AS_OF} the evaluated month is ${ym(EVAL_MONTH)})`);
if (process.argv.includes('--verbose')) {
  for (const line of summary) console.log(line);
  for (const line of rankingLines) console.log(line);
}
