import type { Evaluation } from '../evaluate.js';
import { complianceCsv, projectsCsv, rankingCsv } from './csv.js';
import { interviewNoticeMarkdown, interviewNoticesHtml, reminderLetterMarkdown, reminderLettersHtml } from './letters.js';
import { monthlyBriefHtml, monthlyBriefMarkdown } from './monthlyBrief.js';
import { quarterlyNoticeHtml, quarterlyNoticeMarkdown } from './quarterlyNotice.js';
import { battleMapSvg, colourMatrixSvg, rankingChartSvg } from './svg/index.js';

/**
 * One file of a report set: a relative path and its text.
 * @example
 * ```ts
 * const f: ReportFile = { path: 'monthly-brief.md', content: '# …' };
 * ```
 * @category Render
 */
export interface ReportFile {
  /** Path relative to the output folder, with `/` separators. */
  readonly path: string;
  /** The file's text (UTF-8; CSV files start with a BOM). */
  readonly content: string;
}

// Ids become file names: keep letters, digits, CJK, '-' and '_'; anything else (a '/', '..') becomes '_'.
function safe(id: string): string {
  return id.replace(/[^\p{L}\p{N}_-]/gu, '_') || '_';
}

/**
 * Every document of an evaluation (报告集): the monthly brief, each ranked quarter's notice and reminder
 * letters, the interview notices, the CSV tables and the charts — as files to write, in a fixed order.
 *
 * @remarks Pure: the caller decides where to write them (the `sansansan report` command writes them to `--out`).
 * @example
 * ```ts
 * reportFiles(evaluation).map((f) => f.path);
 * //=> ['monthly-brief.md', 'monthly-brief.html', 'projects.csv', 'compliance.csv', 'charts/battle-map.svg', …]
 * ```
 * @category Render
 */
export function reportFiles(evaluation: Evaluation): ReportFile[] {
  const files: ReportFile[] = [
    { path: 'monthly-brief.md', content: monthlyBriefMarkdown(evaluation) },
    { path: 'monthly-brief.html', content: monthlyBriefHtml(evaluation) },
    { path: 'projects.csv', content: projectsCsv(evaluation) },
    { path: 'compliance.csv', content: complianceCsv(evaluation) },
    { path: 'charts/battle-map.svg', content: battleMapSvg(evaluation) },
    { path: 'charts/colour-matrix.svg', content: colourMatrixSvg(evaluation) },
  ];
  for (const n of evaluation.notifications) {
    const q = n.quarter;
    files.push(
      { path: `${q}/quarterly-notice.md`, content: quarterlyNoticeMarkdown(evaluation, q) },
      { path: `${q}/quarterly-notice.html`, content: quarterlyNoticeHtml(evaluation, q) },
      { path: `${q}/ranking.csv`, content: rankingCsv(evaluation, q) },
      { path: `${q}/ranking.svg`, content: rankingChartSvg(evaluation, q) },
    );
    if (n.bottom.length > 0) {
      files.push({ path: `${q}/reminder-letters.html`, content: reminderLettersHtml(evaluation, q) });
      for (const d of n.bottom)
        files.push({ path: `${q}/reminder-letter-${safe(d)}.md`, content: reminderLetterMarkdown(evaluation, q, d) });
    }
  }
  if (evaluation.interviews.length > 0) {
    files.push({ path: 'interviews/interview-notices.html', content: interviewNoticesHtml(evaluation) });
    for (const i of evaluation.interviews)
      files.push({
        path: `interviews/interview-notice-${safe(i.departmentId)}.md`,
        content: interviewNoticeMarkdown(evaluation, i.departmentId),
      });
  }
  // Two ids that sanitise alike must not overwrite each other.
  const seen = new Map<string, number>();
  return files.map((f) => {
    const n = (seen.get(f.path) ?? 0) + 1;
    seen.set(f.path, n);
    return n === 1 ? f : { ...f, path: f.path.replace(/(\.[a-z]+)$/, `-${n}$1`) };
  });
}
