import { monthNumber } from '../../calendar/index.js';
import type { Evaluation } from '../../evaluate.js';
import {
  BODY,
  cellLabel,
  chartWidth,
  cityPrefix,
  el,
  escapeXml,
  flow,
  GRID,
  INK,
  MUTED,
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
  type ChartOptions,
} from './_svg.js';

const ID = 'sss-matrix';
const MARGIN = 16;
const ROW = 24;
const CELL = 20;
const MAX_COLUMN = 64;

/**
 * Draw the colour matrix (月度颜色矩阵): projects × months, each cell the month's displayed colour
 * from the project's history with its label written in it (绿/白/黄/红), readable without colour.
 *
 * @remarks
 * Reads `history` only. Months after the evaluated month stay empty. Coloured cells carry
 * `data-cell`, `data-project`, `data-month` and `data-colour`.
 * @example
 * ```ts
 * const svg = colourMatrixSvg(evaluate(portfolio, { asOf: '2025-10-15' }));
 * svg.match(/data-cell/g)?.length; //=> 360
 * ```
 * @category Render
 */
export function colourMatrixSvg(evaluation: Evaluation, options?: ChartOptions): string {
  const { colours, year } = evaluation;
  const width = chartWidth(options, 1000);
  const scaleName = colours.length === 4 ? '四色' : '颜色';
  const title = titleOf(options, `${cityPrefix(evaluation.city)}${year} 年市本级政府投资项目月度${scaleName}评价`);
  const inner = width - 2 * MARGIN;

  const labelOf = (p: Evaluation['projects'][number]): string => `${p.projectId} ${p.name}`;
  const natural = Math.max(120, ...evaluation.projects.map((p) => textWidth(labelOf(p), BODY) + 12));
  // Labels take what the twelve columns leave, at most half the chart.
  const labelW = Math.min(natural, Math.max(inner - 12 * MAX_COLUMN, Math.round(inner / 3)), Math.round(inner / 2));
  const gridX = MARGIN + labelW;
  const colW = Math.min(MAX_COLUMN, (width - MARGIN - gridX) / 12);

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
  y += 12;

  // Legend: each colour with its label written in the swatch, as in the cells.
  const items = [
    ...colours.map((c) => ({ swatch: swatchOf(colours, c.id), label: `${c.zh} ${c.en}`, dashed: false })),
    { swatch: { fill: '#ffffff', label: '', en: '', ink: INK }, label: '未评价', dashed: true },
  ];
  const placed = flow(
    items.map((i) => CELL + 6 + textWidth(i.label, BODY)),
    inner,
    16,
  );
  items.forEach((item, i) => {
    const at = placed[i] ?? { x: 0, line: 0 };
    const lx = MARGIN + at.x;
    const ly = y + at.line * 24;
    out.push(
      el(
        'g',
        {},
        el('rect', {
          x: lx,
          y: ly,
          width: CELL,
          height: CELL - 4,
          fill: item.swatch.fill,
          stroke: OUTLINE,
          'stroke-width': 0.75,
          'stroke-dasharray': item.dashed ? '3 2' : undefined,
        }) +
          text(lx + CELL / 2, ly + 12, cellLabel(item.swatch.label, CELL - 2, SMALL), {
            'font-size': SMALL,
            fill: item.swatch.ink,
            'text-anchor': 'middle',
          }) +
          text(lx + CELL + 6, ly + 13, item.label),
      ),
    );
  });
  y += placed.reduce((n, p) => Math.max(n, p.line + 1), 0) * 24 + 12;

  // Month headers.
  const evaluatedIndex = evaluation.month === null ? -1 : monthNumber(evaluation.month) - 1;
  out.push(
    el(
      'g',
      { 'text-anchor': 'middle' },
      Array.from({ length: 12 }, (_, i) =>
        text(gridX + (i + 0.5) * colW, y + 14, monthHeader(i + 1, colW), {
          'font-weight': i === evaluatedIndex ? 'bold' : undefined,
          fill: i === evaluatedIndex ? INK : MUTED,
        }),
      ).join(''),
    ),
  );
  y += 22;

  const rows = evaluation.projects.map((p, r) => {
    const top = y + r * ROW;
    const cells: string[] = [];
    const filled = new Set<number>();
    for (const h of p.history) {
      const i = monthNumber(h.month) - 1;
      filled.add(i);
      const s = swatchOf(colours, h.colour);
      const cx = gridX + i * colW;
      cells.push(
        el(
          'g',
          { 'data-cell': 'true', 'data-project': p.projectId, 'data-month': h.month, 'data-colour': h.colour ?? 'none' },
          el('title', {}, escapeXml(`${p.projectId} ${h.month} ${s.label} ${s.en}`)) +
            el('rect', {
              x: cx + 1,
              y: top + (ROW - CELL) / 2,
              width: Math.max(1, colW - 2),
              height: CELL,
              fill: s.fill === 'none' ? '#ffffff' : s.fill,
              stroke: OUTLINE,
              'stroke-width': 0.75,
              'stroke-dasharray': s.fill === 'none' ? '3 2' : undefined,
            }) +
            text(cx + colW / 2, top + ROW / 2 + 4, cellLabel(s.label, colW - 6, SMALL), {
              'font-size': SMALL,
              fill: s.ink,
              'text-anchor': 'middle',
            }),
        ),
      );
    }
    for (let i = 0; i < 12; i += 1) {
      if (filled.has(i)) continue;
      cells.push(
        el('rect', {
          x: gridX + i * colW + 1,
          y: top + (ROW - CELL) / 2,
          width: Math.max(1, colW - 2),
          height: CELL,
          fill: 'none',
          stroke: GRID,
          'stroke-dasharray': '3 2',
        }),
      );
    }
    return el(
      'g',
      { 'data-row': p.projectId },
      (r % 2 === 1 ? el('rect', { x: MARGIN, y: top, width: gridX + 12 * colW - MARGIN, height: ROW, fill: '#fafafa' }) : '') +
        text(MARGIN + 4, top + ROW / 2 + 4, truncate(labelOf(p), labelW - 12, BODY)) +
        cells.join(''),
    );
  });
  if (evaluation.projects.length === 0) rows.push(text(MARGIN + 4, y + ROW / 2 + 4, '无项目 / no projects', { fill: MUTED }));
  y += Math.max(evaluation.projects.length, 1) * ROW;

  const cellCount = evaluation.projects.reduce((n, p) => n + p.history.length, 0);
  const desc =
    `${title}：${evaluation.projects.length} 个项目 × ${year} 年各月，已评价至 ${evaluation.month ?? '—'}，共 ${cellCount} 个评价格，` +
    `每格写有颜色名称（${colours.map((c) => c.zh).join('/')}）。` +
    ` Colour matrix: projects by month, each cell labelled with its colour.`;
  return svgDocument({ id: ID, width, height: y + MARGIN, title, desc, body: [...out, ...rows].join('\n') });
}
