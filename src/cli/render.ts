import { showControls } from '../_lib/controlChars.js';
import type { Evaluation } from '../evaluate.js';
import { mdLine, mdTable, mdText } from '../render/_text.js';
import type { Section } from './sections.js';
import { paint, table } from './text.js';

/** A section as a terminal table. */
export function sectionText(s: Section, colour: boolean): string {
  const body = s.rows.length === 0 ? showControls(s.empty) : table(s.columns, s.rows, s.styleOf, colour);
  return `${paint(showControls(s.title), 'bold', colour)}\n${body}${s.note === undefined ? '' : `\n${showControls(s.note)}`}`;
}

/** A section as Markdown: the renderers' escaping, so no text from the data reads as markup. */
export function sectionMarkdown(s: Section): string {
  const lines = [`## ${mdText(s.title)}`, '', mdTable(s.columns, s.rows, s.empty)];
  if (s.note !== undefined) lines.push('', mdLine(s.note));
  return lines.join('\n');
}

/** The heading line of an evaluation. */
export function heading(e: Evaluation): string {
  return `评价日期 ${e.asOf} · 评价月份 ${e.month ?? '(尚无)'} · 口径 ${e.policy} · 单位 ${e.unit}`;
}
