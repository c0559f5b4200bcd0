import type { Evaluation } from '../evaluate.js';
import { complianceCsv, projectsCsv, rankingCsv } from './csv.js';
import { interviewNoticeMarkdown, interviewNoticesHtml, reminderLetterMarkdown, reminderLettersHtml } from './letters.js';
import { meetingBriefHtml, meetingBriefMarkdown } from './meetingBrief.js';
import { monthlyBriefHtml, monthlyBriefMarkdown } from './monthlyBrief.js';
import type { MeetingScope } from '../meetings/meetingMaterials.js';
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

// The longest id part of a file name, in UTF-8 bytes: file systems allow 255 for the whole name.
const MAX_ID_BYTES = 80;

// Ids become file names: keep letters, digits, CJK, '-' and '_'; anything else (a '/', '..') becomes '_'.
// A long id is cut and given a hash of the whole id, so the name fits every file system and stays apart.
function safe(id: string): string {
  const name = id.replace(/[^\p{L}\p{N}_-]/gu, '_') || '_';
  if (utf8Length(name) <= MAX_ID_BYTES) return name;
  let cut = '';
  for (const ch of name) {
    if (utf8Length(cut + ch) > MAX_ID_BYTES - 9) break;
    cut += ch;
  }
  return `${cut}-${fnv1a(id)}`;
}

function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

// FNV-1a, 32 bits, as 8 hex digits: a short, stable tag of a text.
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i += 1) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

// Two names that a file system may take for one (case, Unicode normalisation) count as the same.
const nameKey = (path: string): string => path.normalize('NFC').toLowerCase();

// Gives every file a path no earlier file has: `x.md`, then `x-2.md`, `x-3.md`, … skipping any taken.
function uniquePaths(files: readonly ReportFile[]): ReportFile[] {
  const taken = new Set<string>();
  return files.map((f) => {
    let path = f.path;
    for (let n = 2; taken.has(nameKey(path)); n += 1) path = f.path.replace(/(\.[a-z]+)$/, `-${n}$1`);
    taken.add(nameKey(path));
    return path === f.path ? f : { ...f, path };
  });
}

/**
 * Every document of an evaluation (报告集): the monthly brief, each ranked quarter's notice and reminder
 * letters, the interview notices, the scheduling meetings' materials (`meetings/`: every department's,
 * every leader in charge's and the mayor's), the CSV tables and the charts — as files to write, in a
 * fixed order.
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
  // 三级调度: every department's, every leader in charge's and the mayor's meeting materials.
  const meetings: [string, MeetingScope][] = [
    ...evaluation.departments.map((d): [string, MeetingScope] => [
      `department-${safe(d.departmentId)}`,
      { level: 'department', departmentId: d.departmentId },
    ]),
    ...evaluation.leaders
      .filter((l) => l.departmentIds.length > 0)
      .map((l): [string, MeetingScope] => [`leader-${safe(l.leaderId)}`, { level: 'cityLeader', leaderId: l.leaderId }]),
    ['mayor', { level: 'mayor' }],
  ];
  for (const [name, scope] of meetings)
    files.push(
      { path: `meetings/${name}.md`, content: meetingBriefMarkdown(evaluation, scope) },
      { path: `meetings/${name}.html`, content: meetingBriefHtml(evaluation, scope) },
    );
  // Two ids that sanitise alike must not overwrite each other.
  return uniquePaths(files);
}
