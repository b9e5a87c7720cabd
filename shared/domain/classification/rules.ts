// The rule classifier's knowledge, as plain data a supervisor can read and edit: keywords per category,
// cue words per request type (诉求类型), and the words that force a case to urgent (紧急).
// The engine (rule-classifier.ts) reads these tables once, at construction.
//
// How the tables are used:
// - Text is normalised first (full-width → half-width, whitespace collapsed, ASCII lower-cased); keywords are too.
// - A keyword counts once per case however often it appears. Its weight is its length in characters,
//   so "违章搭建" (4) outweighs "搭建" (2).
// - Longest match wins within a table: "夜间施工" (噪声) swallows the "施工" (建筑施工) inside it, and
//   "三天没人" swallows "没人". Keep a longer, more specific phrase in the table when a short word misleads.
// - Keep every keyword at least 2 characters long (single characters match far too much; the engine refuses them).
import type { RequestType } from '../case.js';
import type { CategoryCode } from './categories.js';

export interface CategoryRule {
  category: CategoryCode;
  keywords: readonly string[];
}

export interface RequestTypeRule {
  requestType: RequestType;
  cues: readonly string[];
}

export const CATEGORY_RULES: readonly CategoryRule[] = [
  // ── 城市管理 ──
  {
    category: 'urban-management/sanitation',
    keywords: [
      '垃圾', '清运', '垃圾桶', '垃圾站', '垃圾房', '垃圾分类', '建筑垃圾', '装修垃圾', '生活垃圾', '乱扔', '乱倒',
      '乱堆', '乱堆放', '堆放杂物', '环境卫生', '卫生差', '脏乱差', '很脏', '保洁', '清扫', '清洁工', '环卫',
      '公厕', '公共厕所', '狗屎', '粪便', '发臭', '小广告', '牛皮癣', '乱贴', '乱涂乱画', '晾晒', '死老鼠',
    ],
  },
  {
    category: 'urban-management/illegal-construction',
    keywords: [
      '违建', '违章搭建', '违章建筑', '违法建设', '违法搭建', '违法建筑', '乱搭', '乱建', '乱搭乱建', '私搭',
      '搭建', '加建', '加盖', '扩建', '铁皮房', '雨棚', '顶楼加建', '楼顶加建', '天台加建', '侵占公共',
    ],
  },
  {
    category: 'urban-management/street-vending',
    keywords: [
      '占道', '占道经营', '摆摊', '摆地摊', '流动摊贩', '小贩', '摊贩', '乱摆', '乱摆卖', '出店经营', '夜市',
      '烧烤摊', '占用人行道', '占用公共', '乱摆放',
    ],
  },
  {
    category: 'urban-management/greening',
    keywords: [
      '绿化', '树木', '大树', '树枝', '砍树', '修剪', '倒伏', '树倒', '枯树', '草坪', '绿地', '公园', '花坛',
      '毁绿', '落叶', '行道树', '杂草', '吹倒', '树被',
    ],
  },
  {
    category: 'urban-management/street-lights',
    keywords: ['路灯', '路灯不亮', '灯不亮', '照明', '灯坏', '太暗', '黑灯瞎火', '灯杆'],
  },
  {
    category: 'urban-management/outdoor-advertising',
    keywords: ['广告牌', '招牌', '户外广告', '灯箱', '横幅', '广告横幅'],
  },

  // ── 环境保护 ──
  {
    category: 'environmental-protection/noise',
    keywords: [
      '噪声', '噪音', '太吵', '很吵', '吵闹', '扰民', '广场舞', '音响', '喇叭', '鸣笛', '施工噪音', '施工噪声',
      '夜间施工', '半夜施工', '凌晨施工', '晚上施工', '连夜施工', '装修噪音', '吵得', '睡不着', '酒吧', 'ktv',
      '轰鸣', '机器声',
    ],
  },
  {
    category: 'environmental-protection/air',
    keywords: [
      '油烟', '异味', '臭味', '刺鼻', '废气', '烟尘', '烧垃圾', '焚烧', '露天焚烧', '空气污染', '黑烟', '粉尘',
      '难闻', '臭气', '气味', '熏得', '排烟', '喷漆', '化工味',
    ],
  },
  {
    category: 'environmental-protection/water-pollution',
    keywords: [
      '偷排', '排污', '水污染', '河涌', '黑臭', '河水发黑', '发黑', '排放污水', '污水直排', '直排', '废水',
      '工业废水', '死鱼', '污染河道', '河道',
    ],
  },

  // ── 住房和城乡建设 ──
  {
    category: 'housing-construction/property-management',
    keywords: [
      '物业', '物业费', '物业公司', '物业管理', '物管', '业委会', '业主委员会', '业主大会', '维修基金', '维修资金',
      '门禁', '小区保安', '小区管理', '管理处', '停车费', '车位', '公共收益', '小区物业',
    ],
  },
  {
    category: 'housing-construction/housing-quality',
    keywords: [
      '漏水', '渗水', '楼上漏水', '墙体开裂', '开裂', '裂缝', '房屋质量', '外墙脱落', '墙皮脱落', '瓷砖脱落',
      '危房', '沉降', '房屋安全', '天花板', '发霉',
    ],
  },
  {
    category: 'housing-construction/construction-site',
    keywords: [
      '工地', '施工', '扬尘', '泥头车', '渣土', '渣土车', '围挡', '塔吊', '建筑工地', '施工单位', '开挖', '基坑',
      '打桩', '施工现场', '在建',
    ],
  },
  {
    category: 'housing-construction/real-estate',
    keywords: [
      '交楼', '延期交楼', '开发商', '网签', '不动产证', '房产证', '楼盘', '售楼', '购房', '商品房', '租房', '房东',
      '租金', '公租房', '保障房', '人才房', '安居房', '烂尾',
    ],
  },

  // ── 交通运输 ──
  {
    category: 'transport/public-transport',
    keywords: [
      '公交', '公交车', '公交线路', '公交站', '班次', '巴士', '地铁', '有轨电车', '发车', '等车', '站点',
      '线路', '末班车', '首班车', '坐车', '增加班次', '公交专线',
    ],
  },
  {
    category: 'transport/taxi',
    keywords: ['出租车', '的士', '网约车', '滴滴', '拒载', '绕路', '宰客', '打车', '黑车', '议价'],
  },
  {
    category: 'transport/road-facilities',
    keywords: [
      '道路', '路面', '坑洼', '坑坑洼洼', '大坑', '井盖', '井盖松动', '护栏', '人行道', '减速带', '交通标志', '路牌',
      '斑马线', '天桥', '隧道', '路面破损', '道路破损', '塌陷', '路面塌陷', '修路',
    ],
  },
  {
    category: 'transport/traffic-order',
    keywords: [
      '违停', '违章停车', '乱停', '乱停车', '乱停放', '堵车', '拥堵', '红绿灯', '信号灯', '交通灯', '僵尸车',
      '飙车', '炸街', '交警', '逆行',
    ],
  },

  // ── 市场监管 ──
  {
    category: 'market-regulation/food-safety',
    keywords: [
      '食品', '食品安全', '过期食品', '过期变质', '变质', '不卫生', '食物中毒', '餐馆', '饭店', '餐厅', '外卖',
      '吃坏', '拉肚子', '腹泻', '苍蝇', '异物', '地沟油', '黑作坊', '后厨', '奶茶店', '快餐',
    ],
  },
  {
    category: 'market-regulation/consumer-disputes',
    keywords: [
      '消费', '消费纠纷', '退款', '退费', '不退', '不给退', '预付卡', '充值', '办卡', '跑路', '商家', '售后',
      '质量问题', '假货', '维权', '健身房', '美容院', '七天无理由', '霸王条款', '虚假宣传', '买到', '退货',
    ],
  },
  {
    category: 'market-regulation/pricing',
    keywords: ['价格', '乱收费', '收费标准', '涨价', '明码标价', '标价', '多收', '高价', '哄抬', '乱涨价'],
  },
  {
    category: 'market-regulation/unlicensed-business',
    keywords: ['无证经营', '无照经营', '无牌经营', '非法经营', '没有营业执照', '无证无照'],
  },
  {
    category: 'market-regulation/special-equipment',
    keywords: ['电梯', '电梯故障', '电梯坏', '扶梯', '电梯困人', '困人', '关人', '电梯停运', '锅炉', '特种设备', '电梯年检'],
  },

  // ── 劳动和社会保障 ──
  {
    category: 'labour/wage-arrears',
    keywords: [
      '欠薪', '拖欠', '拖欠工资', '欠工资', '讨薪', '不发工资', '没发工资', '工资', '工钱', '克扣', '包工头', '劳务费',
      '农民工', '结工资', '血汗钱',
    ],
  },
  {
    category: 'labour/labour-disputes',
    keywords: [
      '辞退', '开除', '劳动合同', '赔偿金', '经济补偿', '劳动仲裁', '仲裁', '加班费', '加班', '试用期', '用人单位',
      '劳动纠纷', '年假', '解除合同',
    ],
  },
  {
    category: 'labour/social-insurance',
    keywords: [
      '社保', '社会保险', '医保', '养老保险', '医疗保险', '养老金', '退休', '社保卡', '断缴', '生育保险', '工伤',
      '工伤认定', '失业金', '失业保险', '参保', '缴费基数',
    ],
  },
  {
    category: 'labour/employment',
    keywords: ['就业', '招聘', '失业', '职业培训', '技能培训', '招工', '找工作', '创业', '求职', '职业资格'],
  },

  // ── 卫生健康 ──
  {
    category: 'health/medical-services',
    keywords: [
      '医院', '医生', '看病', '挂号', '诊所', '医疗', '护士', '医疗纠纷', '医患', '急诊', '社区卫生服务中心',
      '卫生院', '疫苗', '接种', '体检', '就诊', '病人',
    ],
  },
  {
    category: 'health/public-health',
    keywords: ['蚊子', '老鼠', '蟑螂', '四害', '登革热', '消杀', '灭蚊', '病媒', '传染病', '白纹伊蚊', '积水孳生'],
  },

  // ── 教育 ──
  {
    category: 'education/enrolment',
    keywords: [
      '学位', '入学', '招生', '积分入学', '转学', '插班', '小升初', '幼升小', '学区', '划片', '报名', '上学',
    ],
  },
  {
    category: 'education/school-management',
    keywords: [
      '学校', '老师', '教师', '幼儿园', '校外培训', '补课', '学生', '校车', '作业', '减负', '体罚', '托管',
      '课后服务', '培训机构', '班主任',
    ],
  },

  // ── 公共安全 ──
  {
    category: 'public-safety/public-order',
    keywords: [
      '治安', '盗窃', '偷窃', '小偷', '被偷', '打架', '斗殴', '赌博', '吸毒', '诈骗', '骗子', '传销', '可疑人员',
      '派出所', '闹事', '抢劫', '卖淫', '被盗', '偷电动车',
    ],
  },
  {
    category: 'public-safety/fire-hazard',
    keywords: [
      '消防', '消防通道', '消防栓', '灭火器', '火灾隐患', '消防隐患', '电动车充电', '飞线充电', '楼道充电',
      '乱拉电线', '群租', '三小场所', '易燃', '仓库住人', '堵塞通道', '安全出口',
    ],
  },
  {
    category: 'public-safety/dogs',
    keywords: ['流浪狗', '狗咬', '咬人', '养狗', '遛狗', '拴绳', '烈性犬', '恶犬', '犬只', '狗叫'],
  },

  // ── 水电气公用事业 ──
  {
    category: 'utilities/water-supply',
    keywords: [
      '停水', '没水', '没有水', '没来水', '水压', '水压低', '水质', '自来水', '水管', '水管爆裂', '爆管', '水费', '水表',
      '黄水', '供水', '水龙头', '断水',
    ],
  },
  {
    category: 'utilities/drainage',
    keywords: [
      '下水道', '排水', '水浸', '内涝', '积水', '水淹', '化粪池', '污水井', '雨水', '沙井', '冒水', '返水',
      '管道堵塞', '排水沟', '污水外溢',
    ],
  },
  {
    category: 'utilities/power',
    keywords: ['停电', '没电', '断电', '跳闸', '电压', '电费', '电表', '供电', '电线杆', '变压器', '高压线', '电线'],
  },
  {
    category: 'utilities/gas',
    keywords: [
      '燃气', '煤气', '天然气', '煤气味', '燃气味', '漏气', '气罐', '液化气', '瓶装气', '燃气费', '燃气管道',
      '停气', '燃气灶',
    ],
  },

  // ── 民政和社区服务 ──
  {
    category: 'civil-affairs/elderly-care',
    keywords: [
      '养老', '老人', '养老院', '敬老院', '长者饭堂', '高龄津贴', '居家养老', '独居老人', '老年人', '长者',
    ],
  },
  {
    category: 'civil-affairs/social-assistance',
    keywords: [
      '低保', '生活困难', '救助', '特困', '残疾', '残疾人', '临时救助', '流浪', '乞讨', '困难家庭', '孤儿',
    ],
  },
  {
    category: 'civil-affairs/community',
    keywords: ['居委会', '社区', '村委', '村委会', '网格员', '社工', '婚姻登记', '殡葬', '墓地', '门牌', '地名'],
  },

  // ── 企业服务和营商环境 ──
  {
    category: 'enterprise/business-environment',
    keywords: [
      '营商环境', '乱检查', '吃拿卡要', '刁难', '办事难', '多头检查', '涉企', '拖欠企业账款', '拖欠账款',
      '政务诚信', '不公平竞争',
    ],
  },
  {
    category: 'enterprise/enterprise-support',
    keywords: [
      '企业', '用地', '厂房', '融资', '贷款', '招商', '入驻', '园区', '产业园', '用工', '投资', '工厂',
      '企业服务', '经营困难',
    ],
  },

  // ── 政策兑现 ──
  {
    category: 'policy-payments/enterprise-subsidies',
    keywords: [
      '政策兑现', '补贴', '扶持资金', '研发补贴', '专项资金', '兑现', '申报', '拨付', '到账', '惠企', '奖补',
      '奖励资金', '高新技术企业', '研发费用', '资助', '扶持政策', '惠企政策',
    ],
  },
  {
    category: 'policy-payments/talent',
    keywords: ['人才补贴', '人才', '人才绿卡', '安家补贴', '生活补贴', '博士后', '引进人才', '人才认定', '人才政策'],
  },

  // ── 行政审批 ──
  {
    category: 'administrative-approval/permits',
    keywords: [
      '审批', '许可', '许可证', '办证', '营业执照', '执照', '备案', '施工许可', '食品经营许可', '证照', '资质',
      '核准', '行政许可', '开办企业', '注册公司', '变更登记', '注销',
    ],
  },
  {
    category: 'administrative-approval/government-services',
    keywords: [
      '政务服务中心', '办事大厅', '窗口', '排队', '预约', '一网通办', '粤省事', '穗好办', '网上办事', '办事指南',
      '办事', '跑腿', '开证明', '自助机',
    ],
  },

  // ── 知识产权 ──
  {
    category: 'intellectual-property/patents-trademarks',
    keywords: ['专利', '商标', '知识产权', '著作权', '版权', '专利申请', '商标注册', '专利资助'],
  },
  {
    category: 'intellectual-property/infringement',
    keywords: ['侵权', '假冒', '盗版', '仿冒', '山寨', '冒用', '假冒商标', '专利侵权'],
  },
];

/**
 * Cue words for the request type. The type with the highest total weight wins; ties go to the earlier type in
 * REQUEST_TYPE_PRIORITY. The single character 救 is deliberately not a cue (it is inside 救助, 救护车 …):
 * 救命 / 救救 / 求救 are.
 */
export const REQUEST_TYPE_RULES: readonly RequestTypeRule[] = [
  {
    requestType: 'consultation',
    cues: [
      '请问', '咨询', '想咨询', '咨询一下', '怎么办理', '怎么申请', '如何申请', '需要办理', '如何办理', '如何', '能否', '可否', '是否可以', '需要什么材料', '需要哪些材料',
      '在哪里办', '哪里可以', '想了解', '了解一下', '查询', '流程', '进度', '什么时候', '多久', '有没有',
    ],
  },
  {
    requestType: 'help',
    cues: ['帮忙', '帮帮', '求助', '救命', '救救', '求救', '怎么办', '尽快处理', '请尽快', '赶紧', '派人', '麻烦'],
  },
  {
    requestType: 'complaint',
    cues: [
      '投诉', '没人管', '没人处理', '无人管', '无人处理', '扰民', '三天没人', '几天没人', '天没人', '天都没人',
      '周没人', '多次反映', '反映多次', '反映了很多次', '一直没', '一直没有', '不作为', '态度差', '态度恶劣',
      '推诿', '拖延', '严重影响', '影响休息', '受不了', '太过分', '不处理', '没人理', '不理',
      '也不管', '不来管', '没人来', '睡不着', '太吵',
    ],
  },
  {
    requestType: 'report',
    cues: ['举报', '偷排', '违法', '违规', '非法', '私自', '偷偷', '黑作坊', '无证经营', '实名举报'],
  },
  {
    requestType: 'suggestion',
    cues: ['建议', '希望增设', '希望增加', '能不能增设', '增设', '增加班次', '提议', '希望开通', '希望设置', '优化'],
  },
  {
    requestType: 'praise',
    // 谢谢 is not a cue: callers end complaints with it.
    cues: ['表扬', '感谢', '点赞', '锦旗', '好评', '非常满意', '辛苦了', '为他们点赞', '值得表扬'],
  },
];

/** Tie-break order for request types with the same score: the more serious reading wins. */
export const REQUEST_TYPE_PRIORITY: readonly RequestType[] = [
  'report',
  'complaint',
  'praise',
  'suggestion',
  'help',
  'consultation',
];

/**
 * With no cue word at all: a question is a consultation (咨询), anything else is a problem someone needs help
 * with (求助). These markers make the text a question (after normalisation, so ？ is already ?).
 */
export const QUESTION_MARKERS: readonly string[] = ['?', '吗', '是否', '哪里', '多少', '什么', '怎么', '几时', '能不能'];

/** Any of these makes a case urgent (紧急), whatever else it says: life, fire, gas, collapse, electricity. */
export const URGENT_KEYWORDS: readonly string[] = [
  '燃气泄漏', '煤气泄漏', '天然气泄漏', '液化气泄漏', '煤气味', '燃气味', '漏气',
  '火灾', '着火', '起火', '失火', '冒烟', '爆炸',
  '坍塌', '塌方', '倒塌', '塌陷', '山体滑坡', '滑坡',
  '触电', '漏电', '电线掉落', '电线断落', '高压线断',
  '被困', '困人', '溺水', '有人落水', // not 落水: 落水管 is a downpipe
  '水管爆裂', '爆管', '井盖丢失', '井盖缺失', '没有井盖',
  '食物中毒', '有人受伤', '昏迷', '生命危险',
];
