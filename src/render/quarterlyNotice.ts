import type { Evaluation } from '../evaluate.js';
import type { QuarterlyNotification } from '../supervision/notification/quarterlyRanking.js';
import { CHART_WIDTH, htmlDocument, sheetsOf } from './_html.js';
import {
  chineseDate,
  chineseQuarter,
  departmentName,
  drcName,
  EXCLUSION_ZH,
  GAP,
  mdDocument,
  numberHeadings,
  POLICY_TITLE,
  quarterEnd,
  rankingCells,
  timeGapZh,
  worstFirst,
  DASH,
  type Block,
  type DocumentModel,
} from './_text.js';
import { rankingChartSvg } from './svg/index.js';

/** A quarter's ranking as the documents print it, its bottom three marked (季度排名表). */
export function rankingTable(e: Evaluation, n: QuarterlyNotification): Block {
  const u = e.unit;
  return {
    kind: 'table',
    columns: [
      { title: '排名', align: 'center' },
      { title: '责任部门（单位）' },
      { title: `计划投资（${u}）`, align: 'right' },
      { title: `完成投资（${u}）`, align: 'right' },
      { title: '完成计划投资率（%）', align: 'right' },
      { title: '快（+）慢（−）于时间进度（百分点）', align: 'right' },
      { title: '备注', align: 'center' },
    ],
    rows: n.ranking.map((r) => [...rankingCells(e, r), r.timeGapPp ?? DASH, n.bottom.includes(r.departmentId) ? '后三位' : '']),
    empty: '本季度无参加排名的责任部门（单位）。',
  };
}

function rankedBlocks(e: Evaluation, n: QuarterlyNotification): readonly Block[] {
  const q = chineseQuarter(n.quarter);
  // Listed worst first, as published notices name the last places (the table stays best first).
  const bottom = worstFirst(n.ranking.filter((r) => n.bottom.includes(r.departmentId)));
  const end = quarterEnd(n.quarter);
  return numberHeadings([
    {
      kind: 'paragraph',
      text:
        `根据${POLICY_TITLE}三(一)通报制度，依据年度计划和月度工作台账，` +
        `市发展改革委对各责任部门（单位）所负责的市本级政府投资项目${end === undefined ? '' : `截至${end}底的`}投资完成情况进行了汇总，` +
        `结合同期台账确定的投资计划，按完成计划投资率进行排队。现将${q}排名情况通报如下。`,
    },
    { kind: 'heading', level: 2, text: '排名情况' },
    {
      kind: 'paragraph',
      text:
        `参加排名的责任部门（单位）共${n.ranking.length}个${n.excluded.length === 0 ? '' : `，未参加排名的${n.excluded.length}个`}。` +
        (n.total.progressPct === null
          ? ''
          : `全部项目累计完成年度计划的${n.total.progressPct}%，时间进度${n.total.timeProgressPct}%，${timeGapZh(n.total.timeGapPp)}。`),
    },
    rankingTable(e, n),
    { kind: 'figure', svg: () => rankingChartSvg(e, n.quarter, { width: CHART_WIDTH }) },
    { kind: 'heading', level: 2, text: '排名后三位的责任部门（单位）' },
    {
      kind: 'paragraph',
      text:
        bottom.length === 0
          ? '无。'
          : `${bottom.map((r) => `${departmentName(e, r.departmentId)}（第${r.rank}名，完成计划投资率${r.ratePct}%，${timeGapZh(r.timeGapPp)}）`).join('、')}。` +
            '由市发展改革委代市政府发提醒函。',
    },
    { kind: 'heading', level: 2, text: '未参加排名的责任部门（单位）' },
    {
      kind: 'paragraph',
      text:
        n.excluded.length === 0
          ? '无。'
          : `${n.excluded.map((x) => `${departmentName(e, x.departmentId)}（${EXCLUSION_ZH[x.reason]}）`).join('、')}。`,
    },
    {
      kind: 'paragraph',
      text: '请各责任部门（单位）对照排名情况，认真查找差距，采取有力措施，加快推进项目建设，确保完成年度目标任务。',
    },
    { kind: 'signature', organ: drcName(e), date: chineseDate(e.asOf) },
  ]);
}

function noticeModel(e: Evaluation, quarter: string): DocumentModel {
  const q = chineseQuarter(quarter);
  const n = e.notifications.find((x) => x.quarter === quarter);
  const ranked = e.notifications.map((x) => chineseQuarter(x.quarter));
  return {
    masthead: drcName(e),
    title: `关于${q}市本级政府投资项目完成计划投资率排名情况的通报`,
    meta: `评价日期：${chineseDate(e.asOf)}${GAP}金额单位：${e.unit}`,
    blocks:
      n === undefined
        ? [
            {
              kind: 'paragraph',
              text:
                `截至${chineseDate(e.asOf)}，${q}尚未排名，无通报内容。` +
                (ranked.length === 0 ? '本年度尚无已排名的季度。' : `已排名的季度：${ranked.join('、')}。`),
            },
          ]
        : rankedBlocks(e, n),
  };
}

/**
 * The quarterly notice (季度通报, clause 3.1) as Markdown: the ranking by plan-investment completion rate
 * (完成计划投资率) in rank order, the bottom three (排名后三位) and the departments left out and why.
 *
 * @remarks
 * Reads `evaluation.notifications`; a quarter the evaluation has not ranked (not yet ended, or not of the
 * year) gives a short notice saying so, with the quarters that are ranked.
 * @example
 * ```ts
 * quarterlyNoticeMarkdown(evaluation, '2025Q3').split('\n')[0];
 * //=> '# 关于2025年第三季度市本级政府投资项目完成计划投资率排名情况的通报'
 * ```
 * @category Render
 */
export function quarterlyNoticeMarkdown(e: Evaluation, quarter: string): string {
  return mdDocument(noticeModel(e, quarter));
}

/**
 * The quarterly notice (季度通报, clause 3.1) as a self-contained, print-ready A4 HTML page, with the
 * ranking chart inline.
 *
 * @remarks The same content as {@link quarterlyNoticeMarkdown}; well-formed XML as well as HTML.
 * @example
 * ```ts
 * quarterlyNoticeHtml(evaluation, '2025Q3').includes('<svg'); //=> true
 * ```
 * @category Render
 */
export function quarterlyNoticeHtml(e: Evaluation, quarter: string): string {
  const model = noticeModel(e, quarter);
  return htmlDocument(model.title, sheetsOf(model));
}
