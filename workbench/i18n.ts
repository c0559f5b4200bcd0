// The workbench's words, Chinese first. The documents it renders stay in Chinese: they are the city's.

export type Lang = 'zh' | 'en';

const WORDS = {
  title: ['三三三 工作台', 'sansansan workbench'],
  subtitle: [
    '市本级政府投资项目“三三三”工作推进机制（邯政办字〔2018〕141号）：在本页完成一个月的评价、通报和文书。',
    'The “three-three-three” mechanism of 邯政办字〔2018〕141号: a month’s evaluation, notices and documents, done in this page.',
  ],
  privacy: [
    '数据只在本机浏览器中处理：本页不联网，不上传任何内容，除非勾选“记住政策”，也不在本机保存任何内容。',
    'Your data stays in this browser: the page makes no network connection, uploads nothing, and stores nothing unless you tick “remember my policy”.',
  ],
  switchLang: ['English', '中文'],
  home: ['文档首页', 'Documentation home'],
  open: ['一、打开数据', '1. Open data'],
  dropHint: [
    '把台账文档（JSON、NDJSON）、Excel 台账（.xlsx）或月报 CSV 拖到这里，或选择文件：',
    'Drop a portfolio document (JSON, NDJSON), a ledger workbook (.xlsx) or a reports CSV here, or choose files:',
  ],
  chooseFile: ['选择文件', 'Choose files'],
  useSample: ['使用示例台账（邯郸 2025）', 'Use the sample (Handan 2025)'],
  clear: ['清除月报 CSV', 'Clear the reports CSV'],
  asOf: ['评价日期', 'Evaluation date'],
  policy: ['政策口径', 'Policy'],
  policyFile: ['或政策文件（JSON）', 'or a policy file (JSON)'],
  holidays: ['期限遇法定节假日顺延', 'Move deadlines past statutory holidays'],
  remember: ['记住政策（保存在本机浏览器）', 'Remember my policy (in this browser)'],
  loaded: ['已打开：', 'Open: '],
  nothing: ['尚未打开数据。', 'Nothing open yet.'],
  reading: ['正在读取……', 'Reading…'],
  evaluating: ['正在评价……', 'Evaluating…'],
  evaluatedN: ['正在评价……已评价 {n} 个项目', 'Evaluating… {n} projects done'],
  rendering: ['正在生成文书……', 'Rendering the documents…'],
  loadingExcel: ['正在载入 Excel 组件……', 'Loading the Excel component…'],
  ready: ['完成。', 'Done.'],
  failed: ['出错：', 'Failed: '],
  issues: ['二、校验问题', '2. Validation issues'],
  noIssues: ['未发现问题。', 'No issues found.'],
  file: ['文件', 'File'],
  where: ['位置', 'Where'],
  code: ['代码', 'Code'],
  message: ['说明', 'Message'],
  severity: ['类别', 'Kind'],
  error: ['错误', 'error'],
  warning: ['警告', 'warning'],
  results: ['三、评价结果', '3. Results'],
  evaluatedMonth: ['评价月份', 'Evaluated month'],
  noMonth: ['尚无已过报送期限的月份，本期不作“四色”评价。', 'No month’s report is due yet: no colours this time.'],
  filterDepartment: ['责任部门', 'Department'],
  filterLeader: ['分管市领导', 'Leader in charge'],
  filterColour: ['颜色', 'Colour'],
  all: ['全部', 'All'],
  projectId: ['项目编号', 'Project'],
  projectName: ['项目名称', 'Name'],
  department: ['责任部门', 'Department'],
  leader: ['分管市领导', 'Leader'],
  colour: ['颜色', 'Colour'],
  schedulePct: ['序时进度（%）', 'Schedule (%)'],
  progressPct: ['完成进度（%）', 'Progress (%)'],
  lagPp: ['落后序时（百分点）', 'Behind (pp)'],
  reasons: ['说明', 'Why'],
  showReasons: ['查看依据', 'Show the grounds'],
  page: ['第 {p} / {n} 页，共 {c} 个项目', 'Page {p} of {n}, {c} projects'],
  prev: ['上一页', 'Previous'],
  next: ['下一页', 'Next'],
  battleMap: ['作战图', 'Battle map'],
  colourMatrix: ['颜色记录', 'Colour matrix'],
  chartsTooMany: [
    '项目过多，本页不显示图表；请在“下载”中取得 charts/ 下的 SVG 图。',
    'Too many projects to draw here: download the SVG charts under charts/ instead.',
  ],
  rankings: ['季度排名', 'Quarterly rankings'],
  noRanking: ['尚无已排名的季度。', 'No quarter is ranked yet.'],
  bottom: ['{q} 后三位：{d}', '{q} bottom three: {d}'],
  rank: ['排名', 'Rank'],
  planned: ['计划投资', 'Planned'],
  completed: ['完成投资', 'Completed'],
  ratePct: ['完成计划投资率（%）', 'Completion rate (%)'],
  interviews: ['约谈情形', 'Interview triggers'],
  accountability: ['问责建议（仅供参考）', 'Accountability suggestions (advisory)'],
  compliance: ['履职问题', 'Compliance gaps'],
  rule: ['条款', 'Clause'],
  subject: ['对象', 'Subject'],
  period: ['期间', 'Period'],
  none: ['无。', 'None.'],
  downloads: ['四、下载', '4. Downloads'],
  downloadAll: ['全部下载（zip）', 'Download everything (zip)'],
  downloadWorkbook: ['评价结果工作簿（.xlsx）', 'The evaluation workbook (.xlsx)'],
  print: ['打印本页（A4）', 'Print this page (A4)'],
  waitFiles: ['文书生成后即可下载。', 'The documents can be downloaded once rendered.'],
  severityNotice: ['较轻', 'notice'],
  severitySerious: ['较重', 'serious'],
  severityGrave: ['严重', 'grave'],
} as const satisfies Record<string, readonly [string, string]>;

export type WordKey = keyof typeof WORDS;

/** The word for `key` in `lang`, with `{name}` replaced by `values.name`. */
export function t(lang: Lang, key: WordKey, values: Readonly<Record<string, string | number>> = {}): string {
  const text = WORDS[key][lang === 'zh' ? 0 : 1];
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));
}

/** Whether `key` is a word of the workbench. */
export function isWordKey(key: string): key is WordKey {
  return key in WORDS;
}
