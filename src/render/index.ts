/**
 * Documents people read (文书), rendered from an `Evaluation`: the monthly brief (月度专报), the quarterly
 * notice (季度通报), reminder letters (提醒函) and interview notices (约谈通知) as Markdown and print-ready
 * A4 HTML, the materials of the three levels' scheduling meetings (调度会议材料), CSV tables, and SVG charts. Pure functions: an evaluation in, a string out; no rule is
 * recomputed.
 *
 * @packageDocumentation
 */
export { monthlyBriefHtml, monthlyBriefMarkdown } from './monthlyBrief.js';
export { quarterlyNoticeHtml, quarterlyNoticeMarkdown } from './quarterlyNotice.js';
export { meetingBriefHtml, meetingBriefMarkdown } from './meetingBrief.js';
export { interviewNoticeMarkdown, interviewNoticesHtml, reminderLetterMarkdown, reminderLettersHtml } from './letters.js';
export { complianceCsv, projectsCsv, rankingCsv } from './csv.js';
export * from './svg/index.js';
export { reportFiles } from './reportFiles.js';
export type { ReportFile } from './reportFiles.js';
