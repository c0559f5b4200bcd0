// The HTML side of the renderers: escaping, the A4 print page and tables. Markup is polyglot
// (well-formed XML as well as HTML) and self-contained: no scripts, no links, no fetched fonts.
import { GAP, type Block, type DocumentModel, type RichCell } from './_text.js';

/** The layout width of an embedded chart in CSS pixels: the A4 text block (170 mm) at 96 dpi, so that the chart prints near 1:1. */
export const CHART_WIDTH = 640;

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

// What XML 1.0 allows: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD and the astral planes (no lone surrogates).
const isXmlChar = (c: number): boolean =>
  c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || c >= 0x10000;

/** Escape text for HTML element content and quoted attributes (& < > " '), dropping characters XML forbids. */
export function escapeHtml(s: string): string {
  let out = '';
  for (const ch of s) {
    if (isXmlChar(ch.codePointAt(0) ?? 0)) out += ENTITIES[ch] ?? ch;
  }
  return out;
}

/** A table cell: text (escaped here) or markup already built from escaped parts. */
export type Cell = string | { readonly html: string };

/** A column of {@link htmlTable}. */
export interface HtmlColumn {
  /** The header text. */
  readonly title: string;
  /** Numbers align right. */
  readonly align?: 'left' | 'right' | 'center';
  /** A CSS class for the column's cells (one of the page's own classes). */
  readonly className?: string;
}

const cellHtml = (c: Cell): string => (typeof c === 'string' ? escapeHtml(c) : c.html);

/** A table with a header row; an `empty` sentence instead when there are no rows. */
export function htmlTable(columns: readonly HtmlColumn[], rows: readonly (readonly Cell[])[], empty: string): string {
  if (rows.length === 0) return `<p class="empty">${escapeHtml(empty)}</p>`;
  const cls = (col: HtmlColumn | undefined): string => {
    const names = [col?.align === 'right' ? 'num' : col?.align === 'center' ? 'mid' : '', col?.className ?? ''].filter((n) => n !== '');
    return names.length === 0 ? '' : ` class="${escapeHtml(names.join(' '))}"`;
  };
  const head = columns.map((c) => `<th${cls(c)}>${escapeHtml(c.title)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c, i) => `<td${cls(columns[i])}>${cellHtml(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

/** A paragraph of escaped text. */
export function p(text: string, className?: string): string {
  return `<p${className === undefined ? '' : ` class="${escapeHtml(className)}"`}>${escapeHtml(text)}</p>`;
}

/** A heading of escaped text. */
export function h(level: 1 | 2 | 3, text: string): string {
  return `<h${level}>${escapeHtml(text)}</h${level}>`;
}

/** A small square in a colour (the colour must be a checked `#rrggbb`), then the label. */
export function swatch(label: string, hex: string | undefined): string {
  const box = hex === undefined ? '' : `<span class="swatch" style="background-color:${hex}"></span>`;
  return `${box}${escapeHtml(label)}`;
}

/** An SVG chart inline, inside a figure (the chart carries its own title); any XML declaration or doctype of the SVG is dropped. */
export function figure(svg: string): string {
  const inline = svg.replace(/^\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!DOCTYPE[^>]*>\s*)?/i, '');
  return `<figure class="chart">\n${inline}\n</figure>`;
}

/** The red masthead of an official document: the issuing organ, then the red rule. */
export function masthead(organ: string): string {
  return `<div class="masthead">${escapeHtml(organ)}</div>\n<div class="red-rule"></div>`;
}

/** The signature block: issuing organ and date, right-aligned. */
export function signature(organ: string, date: string): string {
  return `<div class="signature">\n<p>${escapeHtml(organ)}</p>\n<p>${escapeHtml(date)}</p>\n</div>`;
}

const CSS = `
@page { size: A4; margin: 25mm 20mm; }
@page landscape { size: A4 landscape; margin: 20mm 20mm; }
* { box-sizing: border-box; }
html { color: #000; background: #fff; }
body {
  margin: 0;
  font-family: "FangSong", "STFangsong", "FangSong_GB2312", "Noto Serif CJK SC", "Source Han Serif SC", serif;
  font-size: 16pt;
  line-height: 1.6;
}
.sheet { width: 100%; }
.sheet.landscape { page: landscape; }
.sheet:not(:last-child) { page-break-after: always; break-after: page; }
.masthead {
  color: #c00;
  text-align: center;
  font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "SimSun", "Songti SC", "Noto Serif CJK SC", serif;
  font-size: 26pt;
  letter-spacing: 0.1em;
  line-height: 1.3;
}
.red-rule { border-top: 2pt solid #c00; margin: 4mm 0 8mm; }
h1 {
  font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "SimSun", "Songti SC", "Noto Serif CJK SC", serif;
  font-size: 22pt;
  font-weight: normal;
  text-align: center;
  line-height: 1.4;
  margin: 0 0 6mm;
  text-wrap: balance;
}
h2, h3, th {
  font-family: "SimHei", "Heiti SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif;
  font-weight: normal;
}
h2 { font-size: 16pt; margin: 6mm 0 2mm; text-indent: 2em; }
h3 { font-size: 14pt; margin: 4mm 0 2mm; text-indent: 2em; }
p { margin: 0; text-indent: 2em; text-align: justify; }
p.annex-label { text-indent: 0; font-family: "SimHei", "Heiti SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; }
h1.annex { font-size: 18pt; margin-bottom: 4mm; }
p.meta { text-indent: 0; text-align: center; font-size: 12pt; margin-bottom: 4mm; }
.nobr { white-space: nowrap; }
p.addressee, p.empty, p.plain { text-indent: 0; }
p.empty { font-size: 12pt; color: #444; }
p.note { text-indent: 0; font-size: 11pt; color: #333; margin-top: 2mm; }
.signature { margin-top: 12mm; text-align: right; }
.signature p { text-indent: 0; text-align: right; }
.signature p:first-child { margin-bottom: 0; }
table {
  width: 100%;
  border-collapse: collapse;
  font-size: 10.5pt;
  line-height: 1.35;
  margin: 2mm 0 4mm;
  page-break-inside: auto;
}
thead { display: table-header-group; }
tr { page-break-inside: avoid; break-inside: avoid; }
th, td { border: 0.75pt solid #000; padding: 1mm 1.5mm; vertical-align: middle; }
th { background: #f0f0f0; text-align: center; word-break: keep-all; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.mid, th.mid { text-align: center; white-space: nowrap; }
td.id { white-space: nowrap; font-family: "SimHei", "Heiti SC", "Noto Sans CJK SC", sans-serif; font-size: 9pt; }
td.reason { font-size: 9.5pt; }
.reason { width: 30%; }
td.name { min-width: 8em; }
.swatch {
  display: inline-block;
  width: 0.9em;
  height: 0.9em;
  margin-right: 0.25em;
  vertical-align: -0.1em;
  border: 0.5pt solid #666;
}
figure.chart { margin: 4mm 0; text-align: center; page-break-inside: avoid; break-inside: avoid; }
figure.chart svg { max-width: 100%; height: auto; }
@media screen {
  html { background: #e6e6e6; }
  .sheet { width: 210mm; min-height: 297mm; margin: 8mm auto; padding: 25mm 20mm; background: #fff; box-shadow: 0 0 3mm rgba(0, 0, 0, 0.25); }
  .sheet.landscape { width: 297mm; min-height: 210mm; padding: 20mm; }
}
`;

/** One printed document or annex of an HTML page, and its orientation. */
export interface SheetHtml {
  /** The markup inside the sheet. */
  readonly html: string;
  /** Landscape A4 for wide tables. */
  readonly landscape: boolean;
}

/** A complete, self-contained HTML document for A4 printing: one `.sheet` per printed document or annex. */
export function htmlDocument(title: string, sheets: readonly SheetHtml[]): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN" xmlns="http://www.w3.org/1999/xhtml">',
    '<head>',
    '<meta charset="utf-8" />',
    '<meta name="viewport" content="width=device-width, initial-scale=1" />',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    ...sheets.map((s) => `<section class="${s.landscape ? 'sheet landscape' : 'sheet'}">\n${s.html}\n</section>`),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function blockHtml(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return h(b.level, b.text);
    case 'paragraph':
      return p(b.text, b.style);
    case 'table':
      return htmlTable(
        b.columns,
        b.rows.map((r) => r.map((c: RichCell): Cell => (typeof c === 'string' ? c : { html: c.html }))),
        b.empty,
      );
    case 'figure':
      return figure(b.svg());
    case 'signature':
      return signature(b.organ, b.date);
  }
}

/** A document's sheets: the body with masthead, title and particulars, then each annex on its own sheet. */
export function sheetsOf(d: DocumentModel): readonly SheetHtml[] {
  const body = [
    ...(d.masthead === undefined ? [] : [masthead(d.masthead)]),
    h(1, d.title),
    ...(d.meta === undefined
      ? []
      : [
          `<p class="meta">${d.meta
            .split(GAP)
            .map((x) => `<span class="nobr">${escapeHtml(x)}</span>`)
            .join(GAP)}</p>`,
        ]),
    ...d.blocks.map(blockHtml),
  ].join('\n');
  return [
    { html: body, landscape: false },
    ...(d.annexes ?? []).map((a) => ({
      html: [p(a.label, 'annex-label'), `<h1 class="annex">${escapeHtml(a.title)}</h1>`, ...a.blocks.map(blockHtml)].join('\n'),
      landscape: a.landscape,
    })),
  ];
}
