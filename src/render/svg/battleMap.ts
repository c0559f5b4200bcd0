import { dateParts, lastDayOfMonth, monthNumber, monthOf, monthsOfYear, type CalendarDate } from '../../calendar/index.js';
import type { EvaluatedProject, Evaluation } from '../../evaluate.js';
import type { MilestoneResult } from '../../reconciliation/reconcileProject.js';
import {
  BODY,
  chartWidth,
  cityPrefix,
  el,
  escapeXml,
  flow,
  GRID,
  INK,
  MUTED,
  num,
  OUTLINE,
  SMALL,
  svgDocument,
  swatchOf,
  monthHeader,
  text,
  textWidth,
  TITLE,
  titleOf,
  truncate,
  cellLabel,
  type ChartOptions,
} from './_svg.js';
import { appendTo } from '../../_lib/append.js';

const ID = 'sss-battle';
const MARGIN = 16;
const GROUP_ROW = 24;
const ROW = 34;
const CELL_TOP = 3;
const CELL_HEIGHT = 18;
const LANE = 27; // centre of the milestone lane, below the colour band
const MARK = 5;
const TODAY = '#0d47a1';
const OVERDUE = '#d50000';

const KIND_LABEL: Readonly<Record<MilestoneResult['kind'], string>> = {
  start: '开工',
  completion: '竣工',
  procedure: '手续',
  physical: '形象节点',
};
const STATE_LABEL: Readonly<Record<MilestoneResult['state'], string>> = {
  met: '按期完成',
  late: '延期完成',
  overdue: '逾期未完成',
  pending: '未到期',
};

/**
 * Draw the battle map (挂图作战图): one row per project, grouped by department, twelve month columns
 * coloured from the project's colour history, milestones at their due dates and a line at the evaluation date.
 *
 * @remarks
 * Reads the evaluation only. Each month up to the evaluated month shows that month's displayed colour
 * with its label (绿/白/黄/红); later months stay blank. Milestone shapes follow the kind (开工 ▶, 竣工 ◆,
 * 手续 ●, 形象节点 ■): filled when achieved, hollow when not, outlined in red when overdue. Milestones
 * outside the year are drawn at the edge only when overdue. Rows carry `data-project`, groups
 * `data-department`.
 * @example
 * ```ts
 * const svg = battleMapSvg(evaluate(portfolio, { asOf: '2025-10-15' }));
 * svg.startsWith('<svg'); //=> true
 * ```
 * @category Render
 */
export function battleMapSvg(evaluation: Evaluation, options?: ChartOptions): string {
  const { year, colours } = evaluation;
  const width = chartWidth(options, 1400);
  const title = titleOf(options, `${cityPrefix(evaluation.city)}${year} 年市本级政府投资项目挂图作战图`);
  const inner = width - 2 * MARGIN;
  const groups = groupByDepartment(evaluation);

  // Label column: as wide as the longest label, at most a third of the chart.
  const labelOf = (p: EvaluatedProject): string => `${p.projectId} ${p.name}`;
  const longest = Math.max(120, ...evaluation.projects.map((p) => textWidth(labelOf(p), BODY) + 12));
  const labelW = Math.min(longest, Math.round(inner / 3));
  const gridX = MARGIN + labelW;
  const gridW = width - MARGIN - gridX;
  const colW = gridW / 12;

  const out: string[] = [];
  let y = MARGIN + TITLE;
  out.push(text(MARGIN, y, truncate(title, inner, TITLE), { 'font-size': TITLE, 'font-weight': 'bold' }));
  y += 22;
  const monthText = evaluation.month ?? '无（首个报送期限未到）';
  out.push(
    text(MARGIN, y, truncate(`评价日期 ${evaluation.asOf} · 评价月份 ${monthText} · ${evaluation.projects.length} 个项目`, inner, BODY), {
      fill: MUTED,
    }),
  );
  y += 14;

  // Legend: colours with their labels, the blank month, marker kinds and states, the date line.
  const legend = legendItems(evaluation);
  const placed = flow(
    legend.map((item) => 18 + textWidth(item.label, BODY)),
    inner,
    14,
  );
  const lines = placed.reduce((n, p) => Math.max(n, p.line + 1), 0);
  out.push(
    el(
      'g',
      { 'data-legend': 'true' },
      legend
        .map((item, i) => {
          const at = placed[i] ?? { x: 0, line: 0 };
          const lx = MARGIN + at.x;
          const ly = y + at.line * 20;
          return el('g', {}, item.draw(lx + 7, ly + 9) + text(lx + 18, ly + 13, item.label));
        })
        .join(''),
    ),
  );
  y += lines * 20 + 22;

  // Month headers, with the evaluation-date label above them.
  const todayLabelY = y;
  y += 8;
  const headerTop = y;
  const months = monthsOfYear(year);
  const evaluatedIndex = evaluation.month === null ? -1 : monthNumber(evaluation.month) - 1;
  out.push(
    el(
      'g',
      { 'text-anchor': 'middle' },
      months
        .map((_, i) =>
          text(gridX + (i + 0.5) * colW, headerTop + 15, monthHeader(i + 1, colW), {
            'font-weight': i === evaluatedIndex ? 'bold' : undefined,
            fill: i === evaluatedIndex ? INK : MUTED,
          }),
        )
        .join(''),
    ),
  );
  y = headerTop + 22;

  // Rows.
  const rows: string[] = [];
  for (const group of groups) {
    const count = `（${group.projects.length} 个项目）`;
    const name = truncate(group.name, inner - textWidth(count, BODY) - 8, BODY);
    rows.push(
      el(
        'g',
        { 'data-department': group.departmentId },
        el('rect', { x: MARGIN, y, width: inner, height: GROUP_ROW, fill: '#eceff1' }) +
          text(MARGIN + 6, y + 16, `${name}${count}`, { 'font-weight': 'bold' }),
      ),
    );
    y += GROUP_ROW;
    group.projects.forEach((p, index) => {
      rows.push(projectRow(p, index, y));
      y += ROW;
    });
  }
  if (evaluation.projects.length === 0) {
    rows.push(text(MARGIN + 6, y + 20, '无项目 / no projects', { fill: MUTED }));
    y += ROW;
  }
  const gridBottom = y;

  // Month boundaries behind the rows.
  const gridLines = el(
    'g',
    { stroke: GRID, 'stroke-width': 1 },
    Array.from({ length: 13 }, (_, i) => el('line', { x1: gridX + i * colW, y1: headerTop, x2: gridX + i * colW, y2: gridBottom })).join(
      '',
    ),
  );

  // The evaluation date: inside the year at its day, else at the edge it lies beyond.
  const asOf = dateParts(evaluation.asOf);
  const beyond = asOf.year < year ? 'before' : asOf.year > year ? 'after' : 'within';
  const todayX = beyond === 'before' ? gridX : beyond === 'after' ? gridX + gridW : dateX(evaluation.asOf);
  const todayText =
    beyond === 'before'
      ? `◀ 评价日期 ${evaluation.asOf}`
      : beyond === 'after'
        ? `评价日期 ${evaluation.asOf} ▶`
        : `评价日期 ${evaluation.asOf}`;
  const todayTextW = textWidth(todayText, SMALL);
  const anchorX = Math.min(Math.max(todayX, MARGIN + todayTextW / 2), width - MARGIN - todayTextW / 2);
  const today = el(
    'g',
    { 'data-today': evaluation.asOf },
    el('line', { x1: todayX, y1: headerTop, x2: todayX, y2: gridBottom, stroke: TODAY, 'stroke-width': 1.5, 'stroke-dasharray': '6 3' }) +
      text(anchorX, todayLabelY + 4, todayText, { 'font-size': SMALL, fill: TODAY, 'text-anchor': 'middle', 'font-weight': 'bold' }),
  );

  const desc =
    `${title}：${evaluation.projects.length} 个项目按责任部门分组，${year} 年 1–12 月，` +
    `已评价至 ${evaluation.month ?? '—'}，评价日期 ${evaluation.asOf}。当前颜色：${colourCounts(evaluation)}。` +
    ` Battle map: ${evaluation.projects.length} projects by department, months of ${year}, evaluated to ${evaluation.month ?? 'none'} as of ${evaluation.asOf}.`;

  return svgDocument({
    id: ID,
    width,
    height: gridBottom + MARGIN,
    title,
    desc,
    body: [...out, gridLines, ...rows, today].join('\n'),
  });

  function dateX(date: CalendarDate): number {
    const { month, day } = dateParts(date);
    const days = dateParts(lastDayOfMonth(monthOf(date))).day;
    return gridX + (month - 1 + (day - 0.5) / days) * colW;
  }

  function projectRow(p: EvaluatedProject, index: number, top: number): string {
    const parts: string[] = [];
    if (index % 2 === 1) parts.push(el('rect', { x: MARGIN, y: top, width: inner, height: ROW, fill: '#fafafa' }));
    parts.push(text(MARGIN + 6, top + CELL_TOP + 13, truncate(labelOf(p), labelW - 12, BODY), {}));
    for (const h of p.history) {
      const i = monthNumber(h.month) - 1;
      if (i < 0 || i > 11) continue;
      const s = swatchOf(colours, h.colour);
      const cx = gridX + i * colW;
      parts.push(
        el(
          'g',
          { 'data-month': h.month, 'data-colour': h.colour ?? 'none' },
          el('rect', {
            x: cx + 1,
            y: top + CELL_TOP,
            width: Math.max(1, colW - 2),
            height: CELL_HEIGHT,
            fill: s.fill === 'none' ? '#ffffff' : s.fill,
            stroke: OUTLINE,
            'stroke-width': 0.75,
            'stroke-dasharray': s.fill === 'none' ? '3 2' : undefined,
          }) +
            text(cx + colW / 2, top + CELL_TOP + 13, cellLabel(s.label, colW - 6, SMALL), {
              'font-size': SMALL,
              fill: s.ink,
              'text-anchor': 'middle',
            }),
        ),
      );
    }
    for (const m of p.milestones) {
      const my = dateParts(m.due).year;
      if (my !== year && m.state !== 'overdue') continue;
      const x = my < year ? gridX + MARK + 2 : my > year ? gridX + gridW - MARK - 2 : dateX(m.due);
      const done = m.achievedOn !== null;
      const tip = `${KIND_LABEL[m.kind]} ${m.name} · 计划 ${m.due}${done ? ` · 完成 ${m.achievedOn}` : ''} · ${STATE_LABEL[m.state]}`;
      parts.push(
        el(
          'g',
          { 'data-milestone': m.id, 'data-kind': m.kind, 'data-state': m.state },
          el('title', {}, escapeXml(tip)) + marker(m.kind, x, top + LANE, done, m.state === 'overdue'),
        ),
      );
    }
    return el('g', { 'data-project': p.projectId, 'data-department': p.departmentId }, parts.join(''));
  }
}

/** A milestone marker centred at (x, y): shape by kind, filled when achieved, red outline when overdue. */
function marker(kind: MilestoneResult['kind'], x: number, y: number, filled: boolean, overdue: boolean): string {
  const style = {
    fill: filled ? INK : '#ffffff',
    stroke: overdue ? OVERDUE : INK,
    'stroke-width': overdue ? 2.5 : 1.5,
  };
  const s = MARK;
  switch (kind) {
    case 'start':
      return el('polygon', { points: points([x - s, y - s], [x + s, y], [x - s, y + s]), ...style });
    case 'completion':
      return el('polygon', { points: points([x, y - s - 1], [x + s + 1, y], [x, y + s + 1], [x - s - 1, y]), ...style });
    case 'procedure':
      return el('circle', { cx: x, cy: y, r: s, ...style });
    case 'physical':
      return el('rect', { x: x - s + 0.5, y: y - s + 0.5, width: 2 * s - 1, height: 2 * s - 1, ...style });
  }
}

function points(...xy: readonly (readonly [number, number])[]): string {
  return xy.map(([x, y]) => `${num(x)},${num(y)}`).join(' ');
}

interface LegendItem {
  readonly label: string;
  readonly draw: (x: number, y: number) => string;
}

function legendItems(evaluation: Evaluation): LegendItem[] {
  const swatch = (fill: string, dashed: boolean) => (x: number, y: number) =>
    el('rect', {
      x: x - 7,
      y: y - 7,
      width: 14,
      height: 14,
      fill,
      stroke: OUTLINE,
      'stroke-width': 0.75,
      'stroke-dasharray': dashed ? '3 2' : undefined,
    });
  const kinds: readonly MilestoneResult['kind'][] = ['start', 'completion', 'procedure', 'physical'];
  return [
    ...evaluation.colours.map((c) => ({ label: c.zh, draw: swatch(swatchOf(evaluation.colours, c.id).fill, false) })),
    { label: '未评价月份', draw: swatch('#ffffff', true) },
    ...kinds.map((k) => ({ label: KIND_LABEL[k], draw: (x: number, y: number) => marker(k, x, y, false, false) })),
    { label: '已完成', draw: (x: number, y: number) => marker('completion', x, y, true, false) },
    { label: '未完成', draw: (x: number, y: number) => marker('completion', x, y, false, false) },
    { label: '逾期（红框）', draw: (x: number, y: number) => marker('completion', x, y, false, true) },
    {
      label: '评价日期',
      draw: (x: number, y: number) =>
        el('line', { x1: x, y1: y - 8, x2: x, y2: y + 8, stroke: TODAY, 'stroke-width': 1.5, 'stroke-dasharray': '6 3' }),
    },
  ];
}

interface Group {
  readonly departmentId: string;
  readonly name: string;
  readonly projects: readonly EvaluatedProject[];
}

/** Departments in id order with their projects (in the evaluation's order); unknown departments last. */
function groupByDepartment(evaluation: Evaluation): Group[] {
  const byId = new Map<string, EvaluatedProject[]>();
  for (const p of evaluation.projects) appendTo(byId, p.departmentId, p);
  const known = [...evaluation.departments].sort((a, b) => compare(a.departmentId, b.departmentId));
  const groups: Group[] = known.flatMap((d) => {
    const projects = byId.get(d.departmentId);
    return projects === undefined ? [] : [{ departmentId: d.departmentId, name: d.name, projects }];
  });
  const names = new Set(known.map((d) => d.departmentId));
  const rest = [...byId.keys()].filter((id) => !names.has(id)).sort(compare);
  return [...groups, ...rest.map((id) => ({ departmentId: id, name: id, projects: byId.get(id) ?? [] }))];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** 绿 5、白 10、… of the displayed colours, in scale order. */
function colourCounts(evaluation: Evaluation): string {
  const counts = evaluation.colours.map((c) => `${c.zh} ${evaluation.projects.filter((p) => p.colour === c.id).length}`);
  const none = evaluation.projects.filter((p) => p.colour === null).length;
  return [...counts, ...(none > 0 ? [`无 ${none}`] : [])].join('、');
}
