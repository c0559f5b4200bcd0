// Private helpers of the SVG charts: escaping, text metrics, number formatting, the document frame.
import type { ColourDefinition } from '../../policy/index.js';

/**
 * Options shared by every chart (图表选项).
 * @example
 * ```ts
 * const o: ChartOptions = { width: 1200, title: '邯郸市 2025 年挂图作战图' };
 * ```
 * @category Render
 */
export interface ChartOptions {
  /** The width in pixels (default depends on the chart; never below 480); the height follows the content. */
  readonly width?: number;
  /** The chart's title, replacing the default one. */
  readonly title?: string;
}

/** The narrowest chart laid out, so that labels stay readable. */
export const MIN_WIDTH = 480;

/** 字体 — CJK-capable font stack; single quotes so that it sits inside a double-quoted attribute. */
export const FONT_FAMILY = "'Source Han Sans SC','Noto Sans CJK SC','Microsoft YaHei','PingFang SC',sans-serif";

/** Text colours. */
export const INK = '#212121';
/** Secondary text and axes. */
export const MUTED = '#616161';
/** Grid lines and the outline every colour cell carries (so that white #f5f5f5 shows). */
export const OUTLINE = '#757575';
/** Light grid lines. */
export const GRID = '#e0e0e0';

/** The smallest font size used anywhere, in pixels. */
export const SMALL = 11;
/** Body text size. */
export const BODY = 12;
/** Title size. */
export const TITLE = 18;

// Characters XML 1.0 does not allow at all (C0 controls but tab/LF/CR, U+FFFE/U+FFFF, lone surrogates).
const INVALID_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Escape text for XML content and double- or single-quoted attributes; drop characters XML forbids.
 * @example
 * ```ts
 * escapeXml('A&B <"x">'); //=> 'A&amp;B &lt;&quot;x&quot;&gt;'
 * ```
 * @category Render
 */
export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * Whether a code point is drawn about 1em wide (CJK ideographs, kana, hangul, full-width forms, emoji).
 * @example
 * ```ts
 * isWide('邯'.codePointAt(0) ?? 0); //=> true
 * ```
 * @category Render
 */
export function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3040 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/**
 * Estimated width of a text in pixels: wide characters ≈ 1em, the others ≈ 0.55em.
 * @example
 * ```ts
 * textWidth('P-001 中华', 10); //=> 47.5
 * ```
 * @category Render
 */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += isWide(ch.codePointAt(0) ?? 0) ? 1 : 0.55;
  return em * fontSize;
}

/**
 * Cut a text to fit `maxWidth`, ending it with `…` when cut.
 * @example
 * ```ts
 * truncate('主城区老旧小区改造提升工程', 60, 12); //=> '主城区…'
 * ```
 * @category Render
 */
export function truncate(text: string, maxWidth: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const room = maxWidth - fontSize; // the ellipsis is wide in CJK fonts
  let out = '';
  for (const ch of text) {
    if (textWidth(out + ch, fontSize) > room) break;
    out += ch;
  }
  return `${out}…`;
}

/**
 * A coordinate or length as SVG text: at most 2 decimals, no trailing zeros, never `-0`.
 * @example
 * ```ts
 * num(12.3456); //=> '12.35'
 * ```
 * @category Render
 */
export function num(value: number): string {
  if (!Number.isFinite(value)) return '0';
  const rounded = Math.round(value * 100) / 100;
  return String(rounded === 0 ? 0 : rounded);
}

/**
 * Attributes as text, each ` name="value"` escaped, in the given order; `undefined` values are left out.
 * @example
 * ```ts
 * attrs({ x: 1.5, fill: '#fff', title: undefined }); //=> ' x="1.5" fill="#fff"'
 * ```
 * @category Render
 */
export function attrs(values: Readonly<Record<string, string | number | undefined>>): string {
  let out = '';
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue;
    out += ` ${name}="${typeof value === 'number' ? num(value) : escapeXml(value)}"`;
  }
  return out;
}

/**
 * An element with escaped attributes; `content` is inserted as is (already markup).
 * @example
 * ```ts
 * el('rect', { width: 2 }); //=> '<rect width="2"/>'
 * ```
 * @category Render
 */
export function el(name: string, values: Readonly<Record<string, string | number | undefined>>, content?: string): string {
  return content === undefined ? `<${name}${attrs(values)}/>` : `<${name}${attrs(values)}>${content}</${name}>`;
}

/**
 * A `<text>` element with escaped content.
 * @example
 * ```ts
 * text(0, 12, 'A&B', { 'font-size': 12 }); //=> '<text x="0" y="12" font-size="12">A&amp;B</text>'
 * ```
 * @category Render
 */
export function text(x: number, y: number, content: string, values: Readonly<Record<string, string | number | undefined>> = {}): string {
  return el('text', { x, y, ...values }, escapeXml(content));
}

/**
 * The chart width from the options: the default when absent or not a positive number, never below {@link MIN_WIDTH}.
 * @example
 * ```ts
 * chartWidth({ width: 100 }, 1200); //=> 480
 * ```
 * @category Render
 */
export function chartWidth(options: ChartOptions | undefined, fallback: number): number {
  const w = options?.width;
  return w !== undefined && Number.isFinite(w) && w > 0 ? Math.max(MIN_WIDTH, Math.round(w)) : fallback;
}

/**
 * A standalone SVG 1.1 document with its `<title>` and `<desc>`, laid out 1:1 (viewBox = size).
 * @example
 * ```ts
 * svgDocument({ id: 'c', width: 100, height: 50, title: 'T', desc: 'D', body: '' }).startsWith('<svg'); //=> true
 * ```
 * @category Render
 */
export function svgDocument(doc: {
  /** Prefix of the element ids, so that several charts can sit in one page. */
  readonly id: string;
  readonly width: number;
  readonly height: number;
  readonly title: string;
  readonly desc: string;
  readonly body: string;
  readonly defs?: string;
}): string {
  const w = num(Math.ceil(doc.width));
  const h = num(Math.ceil(doc.height));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-labelledby="${escapeXml(doc.id)}-title ${escapeXml(doc.id)}-desc" font-family="${FONT_FAMILY}" font-size="${BODY}" fill="${INK}">`,
    el('title', { id: `${doc.id}-title` }, escapeXml(doc.title)),
    el('desc', { id: `${doc.id}-desc` }, escapeXml(doc.desc)),
    doc.defs === undefined ? '' : `<defs>${doc.defs}</defs>`,
    el('rect', { width: w, height: h, fill: '#ffffff' }),
    doc.body,
    '</svg>',
  ].join('\n');
}

/**
 * A short SVG that says why there is no chart (zh and en).
 * @example
 * ```ts
 * messageSvg('c', 'T', '没有数据', 'No data').includes('没有数据'); //=> true
 * ```
 * @category Render
 */
export function messageSvg(id: string, title: string, zh: string, en: string, width: number = MIN_WIDTH): string {
  const inner = width - 32;
  const body = [
    text(16, 30, truncate(title, inner, TITLE - 2), { 'font-size': TITLE - 2, 'font-weight': 'bold' }),
    text(16, 62, truncate(zh, inner, 14), { 'font-size': 14 }),
    text(16, 84, truncate(en, inner, BODY), { 'font-size': BODY, fill: MUTED }),
  ].join('\n');
  return svgDocument({ id, width, height: 104, title, desc: `${zh} / ${en}`, body });
}

/**
 * How a colour id is drawn: fill, its label and a text colour that reads on the fill.
 * @example
 * ```ts
 * swatchOf(evaluation.colours, 'red'); //=> { fill: '#c62828', label: '红', en: 'red', ink: '#ffffff' }
 * ```
 * @category Render
 */
export function swatchOf(
  colours: readonly ColourDefinition[],
  id: string | null,
): { readonly fill: string; readonly label: string; readonly en: string; readonly ink: string } {
  if (id === null) return { fill: 'none', label: '—', en: 'none', ink: MUTED };
  const c = colours.find((x) => x.id === id);
  // An id outside the scale still shows: grey, labelled with the id itself.
  if (c === undefined) return { fill: '#bdbdbd', label: id, en: id, ink: INK };
  const fill = /^#[0-9a-fA-F]{6}$/.test(c.hex) ? c.hex.toLowerCase() : '#bdbdbd';
  return { fill, label: c.zh, en: c.en, ink: inkOn(fill) };
}

/**
 * Black or white text, whichever contrasts more with a `#rrggbb` fill (WCAG relative luminance).
 * @example
 * ```ts
 * inkOn('#2e7d32'); //=> '#ffffff'
 * ```
 * @category Render
 */
export function inkOn(hex: string): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (m === null) return INK;
  const lin = (h: string | undefined): number => {
    const c = parseInt(h ?? '0', 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * lin(m[1]) + 0.7152 * lin(m[2]) + 0.0722 * lin(m[3]);
  // Contrast with white (1.05 / (l + 0.05)) against contrast with near-black.
  return 1.05 / (l + 0.05) >= (l + 0.05) / 0.05 ? '#ffffff' : INK;
}

/**
 * A label that fits in a cell: the whole label when short, else its first character.
 * @example
 * ```ts
 * cellLabel('绿'); //=> '绿'
 * ```
 * @category Render
 */
export function cellLabel(label: string, maxWidth: number, fontSize: number): string {
  if (textWidth(label, fontSize) <= maxWidth) return label;
  for (const ch of label) return ch;
  return '';
}

/**
 * Lay out legend items left to right, wrapping to a new line when the width is used up.
 * @example
 * ```ts
 * flow([40, 40, 40], 100, 8).map((p) => p.line); //=> [0, 0, 1]
 * ```
 * @category Render
 */
export function flow(widths: readonly number[], maxWidth: number, gap: number): readonly { readonly x: number; readonly line: number }[] {
  let x = 0;
  let line = 0;
  return widths.map((w) => {
    if (x > 0 && x + w > maxWidth) {
      x = 0;
      line += 1;
    }
    const at = { x, line };
    x += w + gap;
    return at;
  });
}

/**
 * The `<title>` content of a chart, from the options or the default.
 * @example
 * ```ts
 * titleOf({ title: 'X' }, 'Y'); //=> 'X'
 * ```
 * @category Render
 */
export function titleOf(options: ChartOptions | undefined, fallback: string): string {
  return options?.title ?? fallback;
}

/**
 * The city prefix of a title: `"邯郸市 "`, or nothing when the city is unknown.
 * @example
 * ```ts
 * cityPrefix('邯郸市'); //=> '邯郸市 '
 * ```
 * @category Render
 */
export function cityPrefix(city: string | null): string {
  return city === null || city === '' ? '' : `${city} `;
}

/**
 * A month column's header: `9月`, or just `9` when the column is too narrow for it.
 * @example
 * ```ts
 * monthHeader(10, 60); //=> '10月'
 * ```
 * @category Render
 */
export function monthHeader(month: number, columnWidth: number): string {
  const full = `${month}月`;
  return textWidth(full, BODY) + 4 <= columnWidth ? full : String(month);
}
