import type { Evaluation, InterviewCase } from '../evaluate.js';
import { RULES } from '../findings/index.js';
import type { QuarterlyNotification, ReminderLetter } from '../supervision/notification/quarterlyRanking.js';
import { htmlDocument, sheetsOf } from './_html.js';
import {
  chineseDate,
  chineseOrdinal,
  chineseQuarter,
  departmentName,
  drcName,
  govOfficeName,
  mdDocument,
  POLICY_TITLE,
  quarterEnd,
  worstFirst,
  type DocumentModel,
} from './_text.js';
import { trimEnd } from '../_lib/trimEnd.js';

/** Working days a department has to report its rectification after a reminder letter. */
const REPLY_WORKING_DAYS = 10;

function reminderModel(e: Evaluation, n: QuarterlyNotification, l: ReminderLetter): DocumentModel {
  const q = chineseQuarter(l.quarter);
  const u = e.unit;
  const end = quarterEnd(l.quarter);
  return {
    masthead: drcName(e),
    title: `关于${q}市本级政府投资项目完成计划投资率排名靠后的提醒函`,
    blocks: [
      { kind: 'paragraph', style: 'addressee', text: `${departmentName(e, l.departmentId)}：` },
      {
        kind: 'paragraph',
        text:
          `根据${POLICY_TITLE}三(一)通报制度，市发展改革委对${q}各责任部门（单位）所负责的市本级政府投资项目投资完成情况进行了汇总，` +
          `按完成计划投资率进行了排队通报。${end === undefined ? '' : `截至${end}底，`}你单位计划投资${l.planned}${u}，完成投资${l.completed}${u}，` +
          `完成计划投资率${l.ratePct}%，在参加排名的${n.ranking.length}个责任部门（单位）中排名第${l.rank}位，列后三位。`,
      },
      {
        kind: 'paragraph',
        text:
          '请你单位高度重视，认真分析原因，制定整改措施，压实工作责任，加快推进项目建设，确保完成年度目标任务，' +
          `并于收到本函之日起${REPLY_WORKING_DAYS}个工作日内将整改情况书面报市发展改革委。`,
      },
      { kind: 'paragraph', text: '特此函告。' },
      { kind: 'signature', organ: `${drcName(e)}（代市政府）`, date: chineseDate(e.asOf) },
    ],
  };
}

function reminderModels(e: Evaluation, quarter: string): readonly DocumentModel[] {
  const n = e.notifications.find((x) => x.quarter === quarter);
  // Worst first, as the notice names them.
  return n === undefined ? [] : worstFirst(n.reminderLetters).map((l) => reminderModel(e, n, l));
}

function noneModel(e: Evaluation, title: string, text: string): DocumentModel {
  return {
    title,
    blocks: [
      { kind: 'paragraph', style: 'plain', text },
      { kind: 'paragraph', style: 'note', text: `评价日期：${chineseDate(e.asOf)}` },
    ],
  };
}

/**
 * The reminder letter (提醒函, clause 3.1) to one bottom-three department of a quarter, as Markdown, in the
 * register of a government letter: title, addressee, the ranking numbers, the request and the issuing office.
 *
 * @remarks
 * Reads `evaluation.notifications`: rank among the ranked departments, rate, planned and completed
 * investment in the evaluation's unit. A department without a letter that quarter (not in the bottom
 * three, or the quarter not ranked) gets a one-line note saying so instead.
 * @example
 * ```ts
 * reminderLetterMarkdown(evaluation, '2025Q3', 'D-sl').split('\n')[0];
 * //=> '# 关于2025年第三季度市本级政府投资项目完成计划投资率排名靠后的提醒函'
 * ```
 * @category Render
 */
export function reminderLetterMarkdown(e: Evaluation, quarter: string, departmentId: string): string {
  const n = e.notifications.find((x) => x.quarter === quarter);
  const l = n?.reminderLetters.find((x) => x.departmentId === departmentId);
  if (n === undefined || l === undefined) {
    return mdDocument(
      noneModel(
        e,
        '提醒函',
        n === undefined
          ? `${chineseQuarter(quarter)}尚未排名，无提醒函。`
          : `${departmentName(e, departmentId)}在${chineseQuarter(quarter)}通报中未列排名后三位，无提醒函。`,
      ),
    );
  }
  return mdDocument(reminderModel(e, n, l));
}

/**
 * Every reminder letter (提醒函, clause 3.1) of a quarter as one print-ready A4 HTML document, one letter
 * per page, by department id.
 *
 * @remarks A quarter without letters gives a single page saying so. Well-formed XML as well as HTML.
 * @example
 * ```ts
 * reminderLettersHtml(evaluation, '2025Q3').match(/<section class="sheet">/g)?.length; //=> 3
 * ```
 * @category Render
 */
export function reminderLettersHtml(e: Evaluation, quarter: string): string {
  const q = chineseQuarter(quarter);
  const models = reminderModels(e, quarter);
  const title = `${q}提醒函`;
  return htmlDocument(title, (models.length === 0 ? [noneModel(e, title, `${q}无提醒函。`)] : models).flatMap(sheetsOf));
}

function interviewModel(e: Evaluation, c: InterviewCase): DocumentModel {
  const name = departmentName(e, c.departmentId);
  return {
    masthead: govOfficeName(e),
    title: `关于约谈${name}主要负责同志的通知`,
    blocks: [
      { kind: 'paragraph', style: 'addressee', text: `${name}：` },
      {
        kind: 'paragraph',
        text: `根据${POLICY_TITLE}三(二)约谈制度，经核查，你单位存在下列情形：`,
      },
      ...c.triggers.map((t, i) => ({
        kind: 'paragraph' as const,
        text: `${chineseOrdinal(i + 1)}、${RULES[t.rule].clause}“${RULES[t.rule].title.zh}”：${trimEnd(t.message.zh, (c) => '。．.；;，,'.includes(c) || c.trim() === '')}。`,
      })),
      {
        kind: 'paragraph',
        text:
          '经研究，定于____年__月__日__时__分在________________由市政府主管领导对你单位主要负责同志进行约谈。' +
          '请你单位主要负责同志和分管负责同志准时参加，并提前准备书面汇报材料（包括存在问题、原因分析、整改措施和完成时限）。',
      },
      { kind: 'paragraph', text: '特此通知。' },
      { kind: 'signature', organ: govOfficeName(e), date: chineseDate(e.asOf) },
    ],
  };
}

/**
 * The interview notice (约谈通知, clause 3.2) to one department, as Markdown: each trigger with its clause
 * (三(二)一 … 六), title and what happened, the time and place left blank to fill in, and the issuing office.
 *
 * @remarks
 * Reads `evaluation.interviews`. A department without an interview trigger gets a one-line note saying so.
 * @example
 * ```ts
 * interviewNoticeMarkdown(evaluation, 'D-sl').split('\n')[0]; //=> '# 关于约谈市水利局主要负责同志的通知'
 * ```
 * @category Render
 */
export function interviewNoticeMarkdown(e: Evaluation, departmentId: string): string {
  const c = e.interviews.find((x) => x.departmentId === departmentId);
  if (c === undefined) {
    return mdDocument(noneModel(e, '约谈通知', `${departmentName(e, departmentId)}无约谈情形，无约谈通知。`));
  }
  return mdDocument(interviewModel(e, c));
}

/**
 * Every interview notice (约谈通知, clause 3.2) of the evaluation as one print-ready A4 HTML document, one
 * notice per page, by department id.
 *
 * @remarks Without interviews, a single page saying so. Well-formed XML as well as HTML.
 * @example
 * ```ts
 * interviewNoticesHtml(evaluation).includes('约谈'); //=> true
 * ```
 * @category Render
 */
export function interviewNoticesHtml(e: Evaluation): string {
  const models = e.interviews.map((c) => interviewModel(e, c));
  return htmlDocument('约谈通知', (models.length === 0 ? [noneModel(e, '约谈通知', '无约谈情形。')] : models).flatMap(sheetsOf));
}
