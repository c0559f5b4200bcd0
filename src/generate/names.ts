// Word lists for synthetic documents: Handan's districts and counties with their division codes, its
// bureaus, and the parts of project, unit and person names.

/** Areas: the city itself, its districts and counties, and the development zone, with division codes. */
export const AREAS: readonly (readonly [name: string, prefix: string, code: string])[] = [
  ['市本级', '市', '130400'],
  ['邯山区', '邯山区', '130402'],
  ['丛台区', '丛台区', '130403'],
  ['复兴区', '复兴区', '130404'],
  ['峰峰矿区', '峰峰矿区', '130406'],
  ['肥乡区', '肥乡区', '130407'],
  ['永年区', '永年区', '130408'],
  ['临漳县', '临漳县', '130423'],
  ['成安县', '成安县', '130424'],
  ['大名县', '大名县', '130425'],
  ['涉县', '涉县', '130426'],
  ['磁县', '磁县', '130427'],
  ['邱县', '邱县', '130430'],
  ['鸡泽县', '鸡泽县', '130431'],
  ['广平县', '广平县', '130432'],
  ['馆陶县', '馆陶县', '130433'],
  ['魏县', '魏县', '130434'],
  ['曲周县', '曲周县', '130435'],
  ['武安市', '武安市', '130481'],
  ['经开区', '经开区', '130471'],
];

/** Bureaus, each with the kinds of project it runs and its industry code. */
export const BUREAUS: readonly (readonly [name: string, industry: string, subjects: readonly string[]])[] = [
  ['住建局', '47', ['老旧小区改造', '燃气管网更新', '城市供热管网', '保障性住房', '海绵城市']],
  ['交通运输局', '48', ['国道改线', '农村公路提升', '公交枢纽', '快速路', '跨河大桥']],
  ['水利局', '45', ['河道综合治理', '水库除险加固', '灌区节水改造', '分洪道清淤', '供水管网']],
  ['卫健委', '84', ['人民医院新院区', '疾控中心', '中医院住院楼', '妇幼保健院', '急救中心']],
  ['教育局', '83', ['中学新建', '小学扩建', '职教中心实训楼', '幼儿园新建', '学生公寓']],
  ['城管局', '78', ['垃圾处理中心', '智慧停车', '公园提升', '道路照明', '公厕改造']],
  ['文旅局', '88', ['文化中心', '博物馆', '景区道路', '全民健身中心', '图书馆']],
  ['自然资源和规划局', '74', ['矿山生态修复', '土地整治', '国土绿化', '地质灾害治理', '测绘基准']],
  ['生态环境局', '77', ['污水处理厂提标', '大气监测网络', '土壤修复', '河流断面治理', '固废处置']],
  ['发展改革局', '75', ['产业园基础设施', '物流园区', '储能电站', '数据中心', '冷链仓储']],
];

/** The last part of a project name. */
export const NAME_ENDINGS: readonly string[] = ['工程', '项目', '建设工程', '改造工程', '提升工程', '一期工程', '二期工程'];

/** Family names and given names for people. */
export const FAMILY_NAMES: readonly string[] = Array.from(
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文',
);
export const GIVEN_NAMES: readonly string[] = [
  '建国',
  '立新',
  '国强',
  '红梅',
  '志刚',
  '雅琴',
  '新民',
  '海燕',
  '伟',
  '静',
  '磊',
  '敏',
  '正阳',
  '晓东',
  '春生',
  '秀英',
  '永华',
  '丽娟',
  '宏伟',
  '卫东',
];

/** What a month's ledger plans or a report says was done. */
export const WORKLOADS: readonly string[] = [
  '方案设计',
  '施工图设计',
  '招标采购',
  '征地拆迁',
  '场地平整',
  '基础施工',
  '主体结构施工',
  '管道敷设',
  '设备安装',
  '装饰装修',
  '室外配套',
  '竣工验收',
];

/** Procedures a preliminary project still needs (前期手续). */
export const PROCEDURES: readonly string[] = ['可行性研究报告批复', '用地预审', '环评批复', '施工许可', '初步设计批复'];

/** Why work stopped, why a directive was issued, why an interview was asked for. */
export const STALL_NOTES: readonly string[] = ['征迁未完成', '资金未到位', '规划调整', '地质条件变化', '前期论证不充分'];
export const DIRECTIVES: readonly string[] = ['加快征迁进度', '月底前完成施工招标', '协调资金到位', '倒排工期确保开工'];
export const ESCALATIONS: readonly string[] = ['涉及铁路用地需协调', '电力线路迁改需市级协调', '林地审批进度滞后', '跨区征迁补偿标准不一'];
