import type { Evaluation } from '../evaluate.js';
import type { Section } from './sections.js';
import { paint, table } from './text.js';

/** A section as a terminal table. */
export function sectionText(s: Section, colour: boolean): string {
  const body = s.rows.length === 0 ? s.empty : table(s.columns, s.rows, s.styleOf, colour);
  return `${paint(s.title, 'bold', colour)}\n${body}${s.note === undefined ? '' : `\n${s.note}`}`;
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A section as a Markdown table. */
export function sectionMarkdown(s: Section): string {
  const lines = [`## ${s.title}`, ''];
  if (s.rows.length === 0) lines.push(s.empty);
  else {
    lines.push(`| ${s.columns.map((c) => cell(c.title)).join(' | ')} |`);
    lines.push(`| ${s.columns.map((c) => (c.align === 'right' ? '---:' : '---')).join(' | ')} |`);
    for (const r of s.rows) lines.push(`| ${r.map(cell).join(' | ')} |`);
  }
  if (s.note !== undefined) lines.push('', s.note);
  return lines.join('\n');
}

/** The heading line of an evaluation. */
export function heading(e: Evaluation): string {
  return `评价日期 ${e.asOf} · 评价月份 ${e.month ?? '(尚无)'} · 口径 ${e.policy} · 单位 ${e.unit}`;
}
