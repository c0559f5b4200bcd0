// The workbench page: opens the data, hands it to the worker, shows what comes back, and offers every
// document for download. Nothing leaves the browser; nothing is stored unless the user asks.
import { todayInChina } from '../src/calendar/date.js';
import type { EvaluatedProject, Evaluation } from '../src/evaluate.js';
import { isReason, type Finding } from '../src/findings/finding.js';
import { RULES, type RuleId } from '../src/findings/rules.js';
import type { ReportFile } from '../src/render/reportFiles.js';
import type { ReadLedgerWorkbookResult } from '../src/io/xlsx/readLedgerWorkbook.js';
import { isWordKey, t, type Lang, type WordKey } from './i18n.js';
import type { EvaluateRequest, Problem, Source, WorkerReply } from './protocol.js';
import { zip, type ZipEntry } from './zip.js';

declare const WORKER_SOURCE: string;
declare const PRESET_IDS: readonly string[];

interface XlsxChunk {
  readonly readLedgerWorkbook: (data: Uint8Array) => Promise<ReadLedgerWorkbookResult>;
  readonly writeEvaluationWorkbook: (e: Evaluation) => Promise<Uint8Array>;
}

const REMEMBER_KEY = 'sansansan.workbench.policy';
const PAGE_SIZE = 50;

function $(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`#${id} is missing`);
  return found;
}

// An element of the page that must be of a kind: the page and this script are built together.
function kind<T extends HTMLElement>(type: new () => T) {
  return (id: string): T => {
    const found = $(id);
    if (!(found instanceof type)) throw new Error(`#${id} is not a ${type.name}`);
    return found;
  };
}
const $input = kind(HTMLInputElement);
const $select = kind(HTMLSelectElement);
const $button = kind(HTMLButtonElement);
const $table = kind(HTMLTableElement);

const state: {
  lang: Lang;
  source: Source | null;
  csv: { name: string; bytes: Uint8Array }[];
  policy: EvaluateRequest['policy'];
  request: number;
  evaluation: Evaluation | null;
  problems: readonly Problem[];
  files: readonly ReportFile[];
  charts: { battleMap: string; colourMatrix: string } | null;
  sort: { key: SortKey; descending: boolean };
  page: number;
  progress: { key: WordKey; values?: Record<string, number> } | null;
} = {
  lang: 'zh',
  source: null,
  csv: [],
  policy: { preset: 'handan-2018' },
  request: 0,
  evaluation: null,
  problems: [],
  files: [],
  charts: null,
  sort: { key: 'projectId', descending: false },
  page: 0,
  progress: null,
};

// ---------------------------------------------------------------------------------------------
// The worker, made from its source so that the page also works opened from a file (file://).
// ---------------------------------------------------------------------------------------------

const worker = new Worker(URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' })));
worker.onmessage = (e: MessageEvent<WorkerReply>): void => {
  const m = e.data;
  if (m.id !== state.request) return; // an answer to a request that has since been replaced
  switch (m.type) {
    case 'progress':
      setProgress(
        m.stage === 'read' ? 'reading' : m.stage === 'render' ? 'rendering' : m.done === undefined ? 'evaluating' : 'evaluatedN',
        m.done === undefined ? undefined : { n: m.done },
      );
      return;
    case 'result':
      state.problems = m.problems;
      state.evaluation = m.evaluation;
      state.charts = m.charts;
      state.files = [];
      state.page = 0;
      if (m.evaluation === null) setProgress(null);
      render();
      return;
    case 'files':
      state.files = m.files;
      setProgress('ready');
      renderDownloads();
      return;
    case 'failed':
      setProgress(null);
      $('progress').textContent = `${t(state.lang, 'failed')}${m.message[state.lang]}`;
      return;
  }
};

function evaluateNow(): void {
  if (state.source === null) return;
  state.request += 1;
  const request: EvaluateRequest = {
    type: 'evaluate',
    id: state.request,
    source: state.source,
    csv: state.csv,
    asOf: $input('asof').value,
    policy: state.policy,
    holidays: $input('holidays').checked,
  };
  worker.postMessage(request);
}

function setProgress(key: WordKey | null, values?: Record<string, number>): void {
  state.progress = key === null ? null : { key, ...(values && { values }) };
  const p = $('progress');
  p.textContent = state.progress === null ? '' : t(state.lang, state.progress.key, state.progress.values);
  $('busy').hidden = key === null || key === 'ready';
}

// ---------------------------------------------------------------------------------------------
// Opening data
// ---------------------------------------------------------------------------------------------

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    s.onload = () => {
      resolve();
    };
    s.onerror = () => {
      reject(new Error(`cannot load ${src}`));
    };
    document.head.append(s);
  });
}

let xlsxChunk: Promise<XlsxChunk> | undefined;
// exceljs and the workbook code load only when a workbook is opened or written.
function xlsx(): Promise<XlsxChunk> {
  xlsxChunk ??= (async () => {
    setProgress('loadingExcel');
    await loadScript('exceljs.min.js');
    await loadScript('workbench-xlsx.js');
    return (globalThis as unknown as { SansansanXlsx: XlsxChunk }).SansansanXlsx;
  })();
  return xlsxChunk;
}

const bytesOf = async (f: File): Promise<Uint8Array> => new Uint8Array(await f.arrayBuffer());

// A message of the library's errors (`SansansanError`), or of anything else.
function messageOf(e: unknown): { code: string; message: { zh: string; en: string } } {
  if (typeof e === 'object' && e !== null && 'text' in e && 'code' in e) {
    const { code, text } = e as { code: unknown; text: { zh?: unknown; en?: unknown } };
    if (typeof code === 'string' && typeof text.zh === 'string' && typeof text.en === 'string')
      return { code, message: { zh: text.zh, en: text.en } };
  }
  const text = e instanceof Error ? e.message : String(e);
  return { code: 'failed', message: { zh: text, en: text } };
}

// A workbook read on the page: its document, or its problems, each at its cell (a file that is no
// workbook at all is one problem of the file).
async function readWorkbook(f: File): Promise<{ success: true; document: unknown } | { success: false; problems: Problem[] }> {
  try {
    const read = await (await xlsx()).readLedgerWorkbook(await bytesOf(f));
    if (read.success) return { success: true, document: read.document };
    const problems = [
      ...read.issues.map((i) => ({ file: f.name, where: i.cell, code: i.code, message: i.message, severity: 'error' as const })),
      ...read.warnings.map((i) => ({ file: f.name, where: i.cell, code: i.code, message: i.message, severity: 'warning' as const })),
    ];
    return { success: false, problems };
  } catch (e) {
    xlsxChunk = undefined; // so that a failed load is tried again next time
    return { success: false, problems: [{ file: f.name, where: '', severity: 'error', ...messageOf(e) }] };
  }
}

function showProblems(file: string, problems: readonly Problem[]): void {
  state.request += 1;
  state.source = null;
  state.evaluation = null;
  state.files = [];
  state.problems = problems;
  setProgress(null);
  renderLoaded(file);
  render();
}

async function open(files: readonly File[]): Promise<void> {
  for (const f of files) {
    const name = f.name.toLowerCase();
    if (name.endsWith('.csv')) state.csv.push({ name: f.name, bytes: await bytesOf(f) });
    else if (name.endsWith('.xlsx')) {
      const read = await readWorkbook(f);
      if (read.success) state.source = { kind: 'document', name: f.name, document: read.document };
      else {
        // A broken workbook: its issues with their cells, and nothing else changes.
        showProblems(f.name, read.problems);
        return;
      }
    } else {
      const text = await f.text();
      state.source = { kind: name.endsWith('.ndjson') || name.endsWith('.jsonl') ? 'ndjson' : 'json', name: f.name, text };
    }
  }
  renderLoaded();
  evaluateNow();
}

function renderLoaded(broken?: string): void {
  const names = [
    ...(broken === undefined ? [] : [broken]),
    ...(state.source === null ? [] : [state.source.kind === 'sample' ? t(state.lang, 'useSample') : state.source.name]),
    ...state.csv.map((c) => c.name),
  ];
  $('loaded').textContent = names.length === 0 ? t(state.lang, 'nothing') : `${t(state.lang, 'loaded')}${names.join('、')}`;
  $('clear-csv').hidden = state.csv.length === 0;
}

// ---------------------------------------------------------------------------------------------
// Showing the result
// ---------------------------------------------------------------------------------------------

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className !== undefined) e.className = className;
  return e;
}

function table(head: readonly string[], rows: readonly (readonly (string | Node)[])[], empty: string): HTMLElement {
  if (rows.length === 0) return el('p', empty);
  const tbl = el('table');
  const tr = el('tr');
  for (const h of head) {
    const th = el('th', h);
    th.scope = 'col';
    tr.append(th);
  }
  tbl.append(el('thead'), el('tbody'));
  tbl.tHead?.append(tr);
  for (const r of rows) {
    const row = el('tr');
    for (const c of r) {
      const td = el('td');
      td.append(c);
      row.append(td);
    }
    tbl.tBodies[0]?.append(row);
  }
  return tbl;
}

const colourDef = (e: Evaluation, id: string | null) => e.colours.find((c) => c.id === id);

// Colour is never the only cue: every swatch carries its label (绿/白/黄/红).
function colourCell(e: Evaluation, id: string | null): HTMLElement {
  const def = colourDef(e, id);
  const span = el('span', def === undefined ? '—' : state.lang === 'zh' ? def.zh : `${def.zh} ${def.en}`, 'colour');
  if (def !== undefined) {
    const dot = el('span', undefined, 'swatch');
    dot.style.background = def.hex;
    dot.setAttribute('aria-hidden', 'true');
    span.prepend(dot);
  }
  return span;
}

const departmentName = (e: Evaluation, id: string): string => e.departments.find((d) => d.departmentId === id)?.name ?? id;
const leaderOf = (e: Evaluation, id: string) => e.departments.find((d) => d.departmentId === id);

function render(): void {
  renderProblems();
  renderResults();
  renderDownloads();
}

function renderProblems(): void {
  const section = $('issues-section');
  section.hidden = state.problems.length === 0 && state.evaluation === null;
  const L = state.lang;
  const box = $('issues');
  box.replaceChildren(
    table(
      [t(L, 'severity'), t(L, 'file'), t(L, 'where'), t(L, 'code'), t(L, 'message')],
      state.problems.map((p) => [t(L, p.severity), p.file, p.where, p.code, `${p.message.zh} · ${p.message.en}`]),
      t(L, 'noIssues'),
    ),
  );
}

type SortKey = 'projectId' | 'name' | 'department' | 'colour' | 'schedulePct' | 'progressPct' | 'lagPp';

// Exact comparison of two decimal strings (percentages), no float in between.
function compareDecimals(a: string | null, b: string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  const neg = (s: string): boolean => s.startsWith('-');
  if (neg(a) !== neg(b)) return neg(a) ? -1 : 1;
  const [ai = '', af = ''] = a.replace('-', '').split('.');
  const [bi = '', bf = ''] = b.replace('-', '').split('.');
  const width = Math.max(af.length, bf.length);
  const x = ai.padStart(40, '0') + af.padEnd(width, '0');
  const y = bi.padStart(40, '0') + bf.padEnd(width, '0');
  const c = x < y ? -1 : x > y ? 1 : 0;
  return neg(a) ? -c : c;
}

function sorted(e: Evaluation, projects: readonly EvaluatedProject[]): EvaluatedProject[] {
  const { key, descending } = state.sort;
  const rank = (id: string | null): number => e.colours.findIndex((c) => c.id === id);
  const cmp = (a: EvaluatedProject, b: EvaluatedProject): number => {
    switch (key) {
      case 'projectId':
        return a.projectId < b.projectId ? -1 : a.projectId > b.projectId ? 1 : 0;
      case 'name':
        return a.name.localeCompare(b.name, 'zh-CN');
      case 'department':
        return departmentName(e, a.departmentId).localeCompare(departmentName(e, b.departmentId), 'zh-CN');
      case 'colour':
        return rank(a.colour) - rank(b.colour);
      default:
        return compareDecimals(a[key], b[key]);
    }
  };
  return [...projects].sort((a, b) => (descending ? -cmp(a, b) : cmp(a, b)) || (a.projectId < b.projectId ? -1 : 1));
}

function filtered(e: Evaluation): EvaluatedProject[] {
  const d = $select('f-department').value;
  const l = $select('f-leader').value;
  const c = $select('f-colour').value;
  return e.projects.filter(
    (p) => (d === '' || p.departmentId === d) && (l === '' || leaderOf(e, p.departmentId)?.leaderId === l) && (c === '' || p.colour === c),
  );
}

function fillSelect(id: string, options: readonly (readonly [string, string])[]): void {
  const s = $select(id);
  const value = s.value;
  s.replaceChildren(el('option', t(state.lang, 'all')), ...options.map(([v, label]) => Object.assign(el('option', label), { value: v })));
  (s.firstElementChild as HTMLOptionElement).value = '';
  s.value = options.some(([v]) => v === value) ? value : '';
}

// The plain numbers and dates of a finding's evidence, one `key = value` each.
function evidenceText(f: Finding): string {
  return Object.entries(f.evidence)
    .flatMap(([k, v]) =>
      v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? [`${k} = ${String(v)}`] : [],
    )
    .join('；');
}

function reasonsCell(p: EvaluatedProject): Node {
  const reasons = p.findings.filter(isReason);
  if (reasons.length === 0) return document.createTextNode('');
  const details = el('details');
  details.append(el('summary', t(state.lang, 'showReasons')));
  const list = el('ul');
  for (const f of reasons) {
    const info = (RULES as Partial<Record<string, (typeof RULES)[RuleId]>>)[f.rule];
    const li = el('li', `${info?.clause ?? f.rule} ${f.message[state.lang]}`);
    const ev = evidenceText(f);
    if (ev !== '') li.append(el('span', `（${ev}）`, 'evidence'));
    list.append(li);
  }
  details.append(list);
  return details;
}

function renderResults(): void {
  const e = state.evaluation;
  const L = state.lang;
  $('results').hidden = e === null;
  if (e === null) return;
  $('month').textContent = `${t(L, 'evaluatedMonth')}：${e.month ?? '—'}${e.month === null ? `。${t(L, 'noMonth')}` : ''}`;
  $('counts').textContent = [
    ...e.colours.map((c) => `${L === 'zh' ? c.zh : c.en} ${e.projects.filter((p) => p.colour === c.id).length}`),
    ...(e.projects.some((p) => p.colour === null) ? [`— ${e.projects.filter((p) => p.colour === null).length}`] : []),
  ].join(' · ');

  fillSelect(
    'f-department',
    e.departments.map((d) => [d.departmentId, d.name] as const),
  );
  const leaders = [...new Map(e.departments.map((d) => [d.leaderId, d.leaderName])).entries()];
  fillSelect('f-leader', leaders);
  fillSelect(
    'f-colour',
    e.colours.map((c) => [c.id, L === 'zh' ? c.zh : `${c.zh} ${c.en}`] as const),
  );
  renderProjects();

  $('battle-map').innerHTML = state.charts?.battleMap ?? '';
  $('colour-matrix').innerHTML = state.charts?.colourMatrix ?? '';
  for (const id of ['battle-map', 'colour-matrix']) if (state.charts === null) $(id).textContent = t(L, 'chartsTooMany');

  const rankings = $('rankings');
  rankings.replaceChildren();
  if (e.notifications.length === 0) rankings.append(el('p', t(L, 'noRanking')));
  for (const n of e.notifications) {
    rankings.append(el('h4', n.quarter));
    rankings.append(
      table(
        [t(L, 'rank'), t(L, 'department'), `${t(L, 'planned')}（${e.unit}）`, `${t(L, 'completed')}（${e.unit}）`, t(L, 'ratePct')],
        n.ranking.map((r) => [String(r.rank), departmentName(e, r.departmentId), r.planned, r.completed, r.ratePct]),
        t(L, 'none'),
      ),
    );
    const bottom = n.ranking.filter((r) => n.bottom.includes(r.departmentId)).map((r) => departmentName(e, r.departmentId));
    rankings.append(el('p', t(L, 'bottom', { q: n.quarter, d: bottom.length === 0 ? '—' : bottom.join('、') }), 'bottom'));
  }

  $('interviews').replaceChildren(
    table(
      [t(L, 'department'), t(L, 'rule'), t(L, 'message')],
      e.interviews.flatMap((i) =>
        i.triggers.map((x) => [departmentName(e, i.departmentId), `${RULES[x.rule].clause} ${RULES[x.rule].title[L]}`, x.message[L]]),
      ),
      t(L, 'none'),
    ),
  );
  const severity = { notice: 'severityNotice', serious: 'severitySerious', grave: 'severityGrave' } as const;
  $('accountability').replaceChildren(
    table(
      [t(L, 'department'), t(L, 'severity'), t(L, 'message')],
      e.accountability.map((a) => [
        departmentName(e, a.departmentId),
        t(L, severity[a.severity]),
        a.grounds.map((g) => g.message[L]).join('；'),
      ]),
      t(L, 'none'),
    ),
  );
  $('compliance').replaceChildren(
    table(
      [t(L, 'rule'), t(L, 'code'), t(L, 'subject'), t(L, 'period')],
      e.compliance.map((c) => [RULES[c.rule].clause, c.kind, c.subjectId, c.period ?? '—']),
      t(L, 'none'),
    ),
  );
}

const COLUMNS: readonly (readonly [SortKey | null, WordKey])[] = [
  ['projectId', 'projectId'],
  ['name', 'projectName'],
  ['department', 'department'],
  [null, 'leader'],
  ['colour', 'colour'],
  ['schedulePct', 'schedulePct'],
  ['progressPct', 'progressPct'],
  ['lagPp', 'lagPp'],
  [null, 'reasons'],
];

function renderProjects(): void {
  const e = state.evaluation;
  if (e === null) return;
  const L = state.lang;
  const rows = sorted(e, filtered(e));
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  state.page = Math.min(state.page, pages - 1);
  const tbl = $table('projects');
  const head = el('tr');
  for (const [key, word] of COLUMNS) {
    const th = el('th');
    th.scope = 'col';
    if (key === null) th.textContent = t(L, word);
    else {
      const b = el('button', t(L, word), 'sort');
      b.type = 'button';
      b.addEventListener('click', () => {
        state.sort = { key, descending: state.sort.key === key ? !state.sort.descending : false };
        renderProjects();
      });
      th.append(b);
      th.setAttribute('aria-sort', state.sort.key === key ? (state.sort.descending ? 'descending' : 'ascending') : 'none');
    }
    head.append(th);
  }
  tbl.tHead?.replaceChildren(head);
  const body = tbl.tBodies[0];
  body?.replaceChildren(
    ...rows.slice(state.page * PAGE_SIZE, (state.page + 1) * PAGE_SIZE).map((p) => {
      const tr = el('tr');
      tr.dataset['colour'] = p.colour ?? '';
      const cells: (string | Node)[] = [
        p.projectId,
        p.name,
        departmentName(e, p.departmentId),
        leaderOf(e, p.departmentId)?.leaderName ?? '',
        colourCell(e, p.colour),
        p.schedulePct ?? '—',
        p.progressPct ?? '—',
        p.lagPp ?? '—',
        reasonsCell(p),
      ];
      for (const c of cells) {
        const td = el('td');
        td.append(c);
        tr.append(td);
      }
      return tr;
    }),
  );
  $('page').textContent = t(L, 'page', { p: state.page + 1, n: pages, c: rows.length });
  $button('prev').disabled = state.page === 0;
  $button('next').disabled = state.page >= pages - 1;
}

// ---------------------------------------------------------------------------------------------
// Downloads
// ---------------------------------------------------------------------------------------------

const TYPES: Readonly<Record<string, string>> = {
  md: 'text/markdown;charset=utf-8',
  html: 'text/html;charset=utf-8',
  csv: 'text/csv;charset=utf-8',
  svg: 'image/svg+xml',
  json: 'application/json',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
};

function save(name: string, content: string | Uint8Array): void {
  const type = TYPES[name.slice(name.lastIndexOf('.') + 1)] ?? 'application/octet-stream';
  const part: BlobPart = typeof content === 'string' ? content : new Uint8Array(content);
  const url = URL.createObjectURL(new Blob([part], { type }));
  const a = el('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 10_000);
}

const baseName = (path: string): string => path.replace(/\//g, '_');

async function workbookBytes(): Promise<Uint8Array | null> {
  const e = state.evaluation;
  if (e === null) return null;
  const bytes = await (await xlsx()).writeEvaluationWorkbook(e);
  setProgress('ready');
  return bytes;
}

function renderDownloads(): void {
  const L = state.lang;
  $('downloads').hidden = state.evaluation === null;
  const list = $('files');
  const ready = state.files.length > 0;
  $button('zip').disabled = !ready;
  $button('workbook').disabled = state.evaluation === null;
  list.replaceChildren(
    ...(ready
      ? state.files.map((f) => {
          const li = el('li');
          const b = el('button', f.path, 'file');
          b.type = 'button';
          b.addEventListener('click', () => {
            save(baseName(f.path), f.content);
          });
          li.append(b);
          return li;
        })
      : [el('li', t(L, 'waitFiles'))]),
  );
}

// ---------------------------------------------------------------------------------------------
// Language and wiring
// ---------------------------------------------------------------------------------------------

function applyLanguage(): void {
  const L = state.lang;
  document.documentElement.lang = L === 'zh' ? 'zh-CN' : 'en';
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = node.dataset['i18n'] ?? '';
    if (isWordKey(key)) node.textContent = t(L, key);
  }
  document.title = `${t(L, 'title')} · sansansan`;
  if (state.progress !== null) setProgress(state.progress.key, state.progress.values);
  renderLoaded();
  render();
}

function rememberPolicy(): void {
  if ($input('remember').checked) localStorage.setItem(REMEMBER_KEY, JSON.stringify(state.policy));
  else localStorage.removeItem(REMEMBER_KEY);
}

function restorePolicy(): void {
  // Read only when something was stored by the user's own choice before.
  let saved: string | null;
  try {
    saved = localStorage.getItem(REMEMBER_KEY);
  } catch {
    return;
  }
  if (saved === null) return;
  const p = JSON.parse(saved) as EvaluateRequest['policy'];
  state.policy = p;
  $input('remember').checked = true;
  if ('preset' in p) $select('preset').value = p.preset;
  else $('policy-name').textContent = p.name;
}

function wire(): void {
  const preset = $select('preset');
  preset.replaceChildren(...PRESET_IDS.map((id) => Object.assign(el('option', id), { value: id })));
  $input('asof').value = todayInChina();
  restorePolicy();

  $('lang').addEventListener('click', () => {
    state.lang = state.lang === 'zh' ? 'en' : 'zh';
    applyLanguage();
  });
  $('sample').addEventListener('click', () => {
    state.source = { kind: 'sample' };
    state.csv = [];
    renderLoaded();
    evaluateNow();
  });
  const file = $input('file');
  file.addEventListener('change', () => {
    void open([...(file.files ?? [])]);
  });
  const drop = $('drop');
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => {
    drop.classList.remove('over');
  });
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    void open([...(e.dataTransfer?.files ?? [])]);
  });
  $('clear-csv').addEventListener('click', () => {
    state.csv = [];
    renderLoaded();
    evaluateNow();
  });
  $('asof').addEventListener('change', evaluateNow);
  $('holidays').addEventListener('change', evaluateNow);
  preset.addEventListener('change', () => {
    state.policy = { preset: preset.value };
    $('policy-name').textContent = '';
    rememberPolicy();
    evaluateNow();
  });
  const policyFile = $input('policy-file');
  policyFile.addEventListener('change', () => {
    const f = policyFile.files?.[0];
    if (f === undefined) return;
    void f.text().then((text) => {
      state.policy = { name: f.name, text };
      $('policy-name').textContent = f.name;
      rememberPolicy();
      evaluateNow();
    });
  });
  $('remember').addEventListener('change', rememberPolicy);
  for (const id of ['f-department', 'f-leader', 'f-colour'])
    $(id).addEventListener('change', () => {
      state.page = 0;
      renderProjects();
    });
  $('prev').addEventListener('click', () => {
    state.page -= 1;
    renderProjects();
  });
  $('next').addEventListener('click', () => {
    state.page += 1;
    renderProjects();
  });
  $('print').addEventListener('click', () => {
    window.print();
  });
  $('workbook').addEventListener('click', () => {
    void workbookBytes().then((bytes) => {
      if (bytes !== null) save('evaluation.xlsx', bytes);
    });
  });
  $('zip').addEventListener('click', () => {
    void workbookBytes().then((bytes) => {
      const encoder = new TextEncoder();
      const entries: ZipEntry[] = state.files.map((f) => ({ path: f.path, bytes: encoder.encode(f.content) }));
      if (bytes !== null) entries.push({ path: 'evaluation.xlsx', bytes });
      save(`sansansan-${state.evaluation?.asOf ?? 'result'}.zip`, zip(entries));
    });
  });
  applyLanguage();
}

wire();

// A printed page shows every project's grounds.
window.addEventListener('beforeprint', () => {
  for (const d of document.querySelectorAll('details')) d.open = true;
});
