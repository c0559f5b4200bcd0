import type { Evaluation } from '../../evaluate.js';
import {
  BODY,
  chartWidth,
  cityPrefix,
  el,
  escapeXml,
  flow,
  GRID,
  INK,
  messageSvg,
  MUTED,
  SMALL,
  svgDocument,
  text,
  textWidth,
  TITLE,
  titleOf,
  truncate,
  type ChartOptions,
} from './_svg.js';

const ID = 'sss-ranking';
const MARGIN = 16;
const ROW = 28;
const BAR = 16;
const BAR_FILL = '#546e7a';
const BOTTOM_FILL = '#e65100';
const BOTTOM_INK = '#bf360c';
const BOTTOM_LABEL = '后三位';
const REFERENCE = '#0d47a1';

const QUARTER_ZH = ['一', '二', '三', '四'] as const;

/**
 * Draw a quarter's ranking (季度通报排名): one horizontal bar per ranked department with its
 * completion rate (完成计划投资率), in rank order, a 100% line and the bottom three (后三位) marked.
 *
 * @remarks
 * Reads `evaluation.notifications` only. Bottom-three bars differ in colour and hatching and carry the
 * text 后三位, so they read without colour. Rows carry `data-department`, `data-rank` and
 * `data-bottom`. A quarter without a notification gives a small chart that says so.
 * @example
 * ```ts
 * const svg = rankingChartSvg(evaluate(portfolio, { asOf: '2025-10-15' }), '2025Q3');
 * svg.includes('data-bottom="true"'); //=> true
 * ```
 * @category Render
 */
export function rankingChartSvg(evaluation: Evaluation, quarter: string, options?: ChartOptions): string {
  const width = chartWidth(options, 900);
  const title = titleOf(options, `${cityPrefix(evaluation.city)}${quarterText(quarter)}市本级政府投资项目完成计划投资率排名`);
  const notification = evaluation.notifications.find((n) => n.quarter === quarter);
  if (notification === undefined) {
    return messageSvg(
      ID,
      title,
      `${quarter} 没有季度通报（尚未排名或不在本年度）`,
      `No quarterly notification for ${quarter} (not ranked yet, or not in the year).`,
      width,
    );
  }
  const inner = width - 2 * MARGIN;
  const nameOf = (id: string): string => evaluation.departments.find((d) => d.departmentId === id)?.name ?? id;
  const bottom = new Set(notification.bottom);
  const rows = notification.ranking.map((r) => {
    const rate = Number(r.ratePct);
    return { ...r, name: nameOf(r.departmentId), rate: Number.isFinite(rate) ? rate : 0, isBottom: bottom.has(r.departmentId) };
  });

  const out: string[] = [];
  let y = MARGIN + TITLE;
  out.push(text(MARGIN, y, truncate(title, inner, TITLE), { 'font-size': TITLE, 'font-weight': 'bold' }));
  y += 22;
  out.push(
    text(MARGIN, y, truncate(`完成计划投资率（%）· ${rows.length} 个部门参与排名 · 评价日期 ${evaluation.asOf}`, inner, BODY), {
      fill: MUTED,
    }),
  );
  y += 14;

  // Legend.
  const legend: readonly { readonly label: string; readonly draw: (x: number, y: number) => string }[] = [
    { label: '完成计划投资率', draw: (x, ly) => el('rect', { x, y: ly, width: 14, height: 14, fill: BAR_FILL }) },
    {
      label: `${BOTTOM_LABEL}（提醒函）`,
      draw: (x, ly) =>
        el('rect', { x, y: ly, width: 14, height: 14, fill: BOTTOM_FILL, stroke: BOTTOM_INK }) +
        el('rect', { x, y: ly, width: 14, height: 14, fill: `url(#${ID}-hatch)` }),
    },
    {
      label: '100% 参考线',
      draw: (x, ly) =>
        el('line', { x1: x + 7, y1: ly - 1, x2: x + 7, y2: ly + 15, stroke: REFERENCE, 'stroke-width': 1.5, 'stroke-dasharray': '5 3' }),
    },
  ];
  const placed = flow(
    legend.map((l) => 18 + textWidth(l.label, BODY)),
    inner,
    16,
  );
  legend.forEach((l, i) => {
    const at = placed[i] ?? { x: 0, line: 0 };
    out.push(el('g', {}, l.draw(MARGIN + at.x, y + at.line * 20 + 2) + text(MARGIN + at.x + 18, y + at.line * 20 + 14, l.label)));
  });
  y += placed.reduce((n, p) => Math.max(n, p.line + 1), 0) * 20 + 18;

  // Columns: labels, bars, then room for the value and the bottom-three label.
  const labelOf = (r: (typeof rows)[number]): string => `${r.rank}. ${r.name}`;
  const labelW = Math.min(Math.max(100, ...rows.map((r) => textWidth(labelOf(r), BODY) + 12)), Math.round(inner * 0.35));
  const valueW = Math.max(...rows.map((r) => textWidth(`${r.ratePct}%`, BODY)), textWidth('100.00%', BODY)) + 8;
  const reserve = valueW + textWidth(BOTTOM_LABEL, BODY) + 12;
  const barX = MARGIN + labelW;
  const barW = Math.max(60, width - MARGIN - barX - reserve);
  const lo = Math.min(0, ...rows.map((r) => r.rate));
  const hi = Math.max(100, ...rows.map((r) => r.rate));
  const step = niceStep((hi - lo) / 5);
  const top = Math.floor(lo / step) * step;
  const end = Math.ceil(hi / step) * step;
  const x = (v: number): number => barX + ((v - top) / (end - top)) * barW;

  const refLabelY = y;
  y += 8;
  const rowsTop = y;
  const body: string[] = [];
  rows.forEach((r, i) => {
    const rowY = rowsTop + i * ROW;
    const from = Math.min(x(0), x(r.rate));
    const to = Math.max(x(0), x(r.rate));
    const bar = el('rect', {
      x: from,
      y: rowY + (ROW - BAR) / 2,
      width: Math.max(to - from, 1),
      height: BAR,
      fill: r.isBottom ? BOTTOM_FILL : BAR_FILL,
      stroke: r.isBottom ? BOTTOM_INK : undefined,
    });
    const hatch = r.isBottom
      ? el('rect', { x: from, y: rowY + (ROW - BAR) / 2, width: Math.max(to - from, 1), height: BAR, fill: `url(#${ID}-hatch)` })
      : '';
    const valueX = Math.max(to, x(0)) + 6;
    // A white ground so that the 100% line behind never crosses the figure.
    const value =
      el('rect', {
        x: valueX - 3,
        y: rowY + 5,
        width: textWidth(`${r.ratePct}%`, BODY) + 6 + (r.isBottom ? textWidth(BOTTOM_LABEL, BODY) + 8 : 0),
        height: ROW - 10,
        fill: '#ffffff',
      }) + text(valueX, rowY + 18, `${r.ratePct}%`, { 'font-weight': r.isBottom ? 'bold' : undefined });
    const mark = r.isBottom
      ? text(valueX + textWidth(`${r.ratePct}%`, BODY) + 8, rowY + 18, BOTTOM_LABEL, { fill: BOTTOM_INK, 'font-weight': 'bold' })
      : '';
    body.push(
      el(
        'g',
        { 'data-department': r.departmentId, 'data-rank': r.rank, 'data-bottom': r.isBottom ? 'true' : 'false' },
        el('title', {}, escapeXml(`${labelOf(r)} ${r.ratePct}%${r.isBottom ? ` ${BOTTOM_LABEL}` : ''}`)) +
          text(MARGIN, rowY + 18, truncate(labelOf(r), labelW - 12, BODY), {}) +
          bar +
          hatch +
          value +
          mark,
      ),
    );
  });
  if (rows.length === 0) body.push(text(MARGIN, rowsTop + 18, '本季度没有参与排名的部门 / no department ranked', { fill: MUTED }));
  const rowsBottom = rowsTop + Math.max(rows.length, 1) * ROW;

  // Axis with ticks, grid behind the bars, the 100% reference line in front.
  const ticks: number[] = [];
  for (let v = top; v <= end + step / 1e6; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  const axis = el(
    'g',
    {},
    ticks
      .map(
        (v) =>
          el('line', { x1: x(v), y1: rowsTop, x2: x(v), y2: rowsBottom, stroke: GRID }) +
          text(x(v), rowsBottom + 16, `${v}%`, { 'font-size': SMALL, fill: MUTED, 'text-anchor': 'middle' }),
      )
      .join('') + el('line', { x1: x(0), y1: rowsTop, x2: x(0), y2: rowsBottom, stroke: INK }),
  );
  const reference = el(
    'g',
    { 'data-reference': '100' },
    el('line', {
      x1: x(100),
      y1: rowsTop - 4,
      x2: x(100),
      y2: rowsBottom,
      stroke: REFERENCE,
      'stroke-width': 1.5,
      'stroke-dasharray': '5 3',
    }) + text(x(100), refLabelY + 2, '100%', { 'font-size': SMALL, fill: REFERENCE, 'text-anchor': 'middle', 'font-weight': 'bold' }),
  );
  y = rowsBottom + 22;

  // Departments without a plan are left out of the ranking; say which.
  const notes: string[] = [];
  if (notification.excluded.length > 0) {
    y += 6;
    const names = notification.excluded.map((d) => nameOf(d.departmentId));
    const head = '未参与排名（本期无计划投资）：';
    const lines = wrap([head, ...names.map((n, i) => (i < names.length - 1 ? `${n}、` : n))], inner);
    lines.forEach((line) => {
      y += 16;
      notes.push(text(MARGIN, y, line, { 'font-size': SMALL, fill: MUTED }));
    });
  }

  const desc =
    `${title}：${rows.length} 个部门按完成计划投资率排名，后三位 ${notification.bottom.map(nameOf).join('、') || '无'}。` +
    rows.map((r) => `${r.rank}. ${r.name} ${r.ratePct}%${r.isBottom ? `（${BOTTOM_LABEL}）` : ''}`).join('；') +
    `。 Quarterly ranking ${quarter}: completion rate of planned investment by department, bottom three marked.`;
  const defs = el(
    'pattern',
    { id: `${ID}-hatch`, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
    el('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: '#ffffff', 'stroke-width': 2, 'stroke-opacity': 0.6 }),
  );
  return svgDocument({
    id: ID,
    width,
    height: y + MARGIN,
    title,
    desc,
    defs,
    body: [...out, axis, reference, ...body, ...notes].join('\n'),
  });
}

/** `2025Q3` → `2025 年第三季度`; anything else as given. */
function quarterText(quarter: string): string {
  const m = /^(\d{4})Q([1-4])$/.exec(quarter);
  return m === null ? `${quarter} ` : `${m[1] ?? ''} 年第${QUARTER_ZH[Number(m[2]) - 1] ?? ''}季度`;
}

/** 1, 2 or 5 × 10^k, the smallest at least `raw`. */
function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 20;
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
}

/** Join pieces into lines no wider than `maxWidth`. */
function wrap(pieces: readonly string[], maxWidth: number): string[] {
  const placed = flow(
    pieces.map((p) => textWidth(p, SMALL)),
    maxWidth,
    0,
  );
  const lines: string[] = [];
  pieces.forEach((p, i) => {
    const line = placed[i]?.line ?? 0;
    lines[line] = truncate((lines[line] ?? '') + p, maxWidth, SMALL);
  });
  return lines;
}
