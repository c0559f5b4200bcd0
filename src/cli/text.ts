// Terminal text helpers: display width of CJK text, padding, ANSI colour.
import { showControlsInLine } from '../_lib/controlChars.js';

/** Columns a string takes in a terminal: East Asian wide and fullwidth characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    w += isWide(c) ? 2 : 1;
  }
  return w;
}

function isWide(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x20000 && c <= 0x3fffd)
  );
}

export function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

export function padStart(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(s))) + s;
}

export function truncate(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = '';
  for (const ch of s) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}

// A Map, not an object: a style named after a key of Object.prototype ('constructor') has no code.
const ANSI: ReadonlyMap<string, string> = new Map([
  ['green', '32'],
  ['white', '97'],
  ['yellow', '33'],
  ['red', '31'],
  ['blue', '34'],
  ['dim', '2'],
  ['bold', '1'],
]);

/** `s` in the ANSI style when `enabled` and the style is known; `s` itself otherwise. */
export function paint(s: string, style: string, enabled: boolean): string {
  const code = ANSI.get(style);
  return enabled && code ? `\u001b[${code}m${s}\u001b[0m` : s;
}

export interface Column {
  readonly title: string;
  readonly align?: 'left' | 'right';
  readonly max?: number;
}

/** A plain text table, control characters in cells shown as `\uXXXX`; `styleOf` may colour whole cells after padding. */
export function table(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  styleOf?: (row: number, col: number) => string | undefined,
  colour = false,
): string {
  const cells = rows.map((r) => r.map((c, i) => truncate(showControlsInLine(c), columns[i]?.max ?? 1000)));
  const widths = columns.map((col, i) => Math.max(displayWidth(col.title), ...cells.map((r) => displayWidth(r[i] ?? ''))));
  const fit = (s: string, i: number): string =>
    (columns[i]?.align ?? 'left') === 'right' ? padStart(s, widths[i] ?? 0) : padEnd(s, widths[i] ?? 0);
  const lines = [columns.map((c, i) => fit(c.title, i)).join('  '), widths.map((w) => '─'.repeat(w)).join('  ')];
  cells.forEach((r, ri) => {
    lines.push(
      r
        .map((c, ci) => {
          const style = styleOf?.(ri, ci);
          const padded = fit(c, ci);
          return style ? paint(padded, style, colour) : padded;
        })
        .join('  ')
        .trimEnd(),
    );
  });
  return lines.join('\n');
}
