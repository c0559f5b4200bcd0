// Cells and tables that more than one document prints the same way.
import type { Evaluation, InterviewCase } from '../evaluate.js';
import { RULES, type ComplianceFinding } from '../findings/index.js';
import { escapeHtml, swatch } from './_html.js';
import {
  chinesePeriod,
  colourHex,
  colourLabel,
  complianceDetail,
  complianceSubject,
  COMPLIANCE_KIND_ZH,
  departmentName,
  DASH,
  ruleLabel,
  type Block,
  type RichCell,
} from './_text.js';

/** A colour as its zh label, with a swatch on the page (colour is never the only cue). */
export function colourCell(e: Evaluation, id: string | null): RichCell {
  const label = colourLabel(e, id);
  return { text: label, html: swatch(label, colourHex(e, id)) };
}

/** Several lines in one cell: one line in Markdown and CSV (joined by `；`), one per line on the page; a dash for none. */
export function linesCell(lines: readonly string[]): RichCell {
  return lines.length === 0 ? DASH : { text: lines.join('；'), html: lines.map(escapeHtml).join('<br />') };
}

/** The compliance gaps (1.1, 1.2, 2.x) as a table: clause, kind, subject, period, particulars. */
export function complianceTable(e: Evaluation, gaps: readonly ComplianceFinding[], empty: string): Block {
  return {
    kind: 'table',
    columns: [
      { title: '条款', align: 'center' },
      { title: '问题' },
      { title: '对象' },
      { title: '期间', align: 'center' },
      { title: '情况', className: 'reason' },
    ],
    rows: gaps.map((c) => [
      RULES[c.rule].clause,
      COMPLIANCE_KIND_ZH[c.kind],
      complianceSubject(e, c),
      chinesePeriod(c.period),
      complianceDetail(c),
    ]),
    empty,
  };
}

/** The interview cases (3.2) as a table: department, condition, what happened. */
export function interviewTable(e: Evaluation, cases: readonly InterviewCase[], empty: string): Block {
  return {
    kind: 'table',
    columns: [{ title: '责任部门' }, { title: '情形' }, { title: '情况', className: 'reason' }],
    rows: cases.flatMap((i) => i.triggers.map((t) => [departmentName(e, i.departmentId), ruleLabel(t.rule), t.message.zh])),
    empty,
  };
}
