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
      '垃圾屋', '垃圾点', '垃圾收集点', '垃圾中转站', '中转站', '垃圾车', '溢出', '蚊蝇', '卫生好差', '烟头', '纸屑', '纸皮', '泡沫箱', '杂物', '大件垃圾', '果皮箱', '清洁公司', '扫地', '扫街', '垃极', '拉圾', '倒垃圾',
    ],
  },
  {
    category: 'urban-management/illegal-construction',
    keywords: [
      '违建', '违章搭建', '违章建筑', '违法建设', '违法搭建', '违法建筑', '乱搭', '乱建', '乱搭乱建', '私搭',
      '搭建', '加建', '加盖', '扩建', '铁皮房', '雨棚', '顶楼加建', '楼顶加建', '天台加建', '侵占公共',
      '起房', '建房子', '盖房子', '僭建', '霸占公共', '铁架', '围起来', '私自开挖', '地下室', '违法用地', '抢建', '报建', '玻璃房', '铁皮屋',
    ],
  },
  {
    category: 'urban-management/street-vending',
    keywords: [
      '占道', '占道经营', '摆摊', '摆地摊', '流动摊贩', '小贩', '摊贩', '乱摆', '乱摆卖', '出店经营', '夜市',
      '烧烤摊', '占用人行道', '占用公共', '乱摆放',
      '摊档', '档口', '走鬼', '摆卖', '货架', '三轮车', '流动摊档', '卖水果', '卖菜', '霸晒', '出店', '摆档',
    ],
  },
  {
    category: 'urban-management/greening',
    keywords: [
      '绿化', '树木', '大树', '树枝', '砍树', '修剪', '倒伏', '树倒', '枯树', '草坪', '绿地', '公园', '花坛',
      '毁绿', '落叶', '行道树', '杂草', '吹倒', '树被',
      '榕树', '樟树', '树根', '树荫', '种树', '断树', '树头', '园林',
      '树倒了', '棵树',
    ],
  },
  {
    category: 'urban-management/street-lights',
    keywords: ['路灯', '路灯不亮', '灯不亮', '照明', '灯坏', '太暗', '黑灯瞎火', '灯杆', '街灯', '路登', '黑麻麻', '乌漆嘛黑', '不亮', '唔着', '灯罩'],
  },
  {
    category: 'urban-management/outdoor-advertising',
    keywords: ['广告牌', '招牌', '户外广告', '灯箱', '横幅', '广告横幅', '广告屏', 'led屏', '显示屏', '广告', '字都掉'],
  },

  // ── 环境保护 ──
  {
    category: 'environmental-protection/noise',
    keywords: [
      '噪声', '噪音', '太吵', '很吵', '吵闹', '扰民', '广场舞', '音响', '喇叭', '鸣笛', '施工噪音', '施工噪声',
      '夜间施工', '半夜施工', '凌晨施工', '晚上施工', '连夜施工', '装修噪音', '吵得', '睡不着', '酒吧', 'ktv',
      '轰鸣', '机器声',
      '好嘈', '嘈到', '嘈杂', '太嘈', '喧哗', '大声', '嗡嗡', '咚咚', '砰砰', '轰轰', '声音', '音乐声', '打桩声', '电钻', '钻墙', '拖凳', '瞓唔着', '休息不了', '吵死', '好吵', '吵到', '隔音', '练鼓', '琴声', '提示音', '空调外机', '夜间作业', '音量', '震天',
      '音乐', '放到天亮', '唱歌', '冷却塔', '搅拌机', '风机',
    ],
  },
  {
    category: 'environmental-protection/air',
    keywords: [
      '油烟', '异味', '臭味', '刺鼻', '废气', '烟尘', '烧垃圾', '焚烧', '露天焚烧', '空气污染', '黑烟', '粉尘',
      '难闻', '臭气', '气味', '熏得', '排烟', '喷漆', '化工味',
      '烧焦', '烟雾', '秸秆', '呛到', '呛得', '味道', '沥青', '烧废料', '黄烟', '化学味', '攻上嚟', '臭鸡蛋',
    ],
  },
  {
    category: 'environmental-protection/water-pollution',
    keywords: [
      '偷排', '排污', '水污染', '河涌', '黑臭', '河水发黑', '发黑', '排放污水', '污水直排', '直排', '废水',
      '工业废水', '死鱼', '污染河道', '河道',
      '河里', '河水', '条河', '河边', '条涌', '水塘', '池塘', '水库', '泡沫', '油污', '油膜', '暗管', '排放', '污水', '粪水', '变色', '绿藻', '水源', '印染', '排污口', '罐车',
      '沿河', '河沿线', '小溪', '溪水', '排洪',
    ],
  },

  // ── 住房和城乡建设 ──
  {
    category: 'housing-construction/property-management',
    keywords: [
      '物业', '物业费', '物业公司', '物业管理', '物管', '业委会', '业主委员会', '业主大会', '维修基金', '维修资金',
      '门禁', '小区保安', '小区管理', '管理处', '停车费', '车位', '公共收益', '小区物业',
      '物业经理', '保安', '推销', '架空层', '管理费', '物管处', '业主',
    ],
  },
  {
    category: 'housing-construction/housing-quality',
    keywords: [
      '漏水', '渗水', '楼上漏水', '墙体开裂', '开裂', '裂缝', '房屋质量', '外墙脱落', '墙皮脱落', '瓷砖脱落',
      '危房', '沉降', '房屋安全', '天花板', '发霉',
      '墙裂', '裂了', '瓷砖', '墙皮', '批荡', '承重墙', '防水', '漏雨', '漏风', '空鼓', '窗框', '栏杆', '阳台', '老旧小区', '老房子', '旧楼', '老楼', '房屋安全鉴定', '发展商', '收楼', '楼板', '偷工减料',
    ],
  },
  {
    category: 'housing-construction/construction-site',
    keywords: [
      '工地', '施工', '扬尘', '泥头车', '渣土', '渣土车', '围挡', '塔吊', '建筑工地', '施工单位', '开挖', '基坑',
      '打桩', '施工现场', '在建',
      '脚手架', '棚架', '钢筋', '工地饭堂', '建设工地', '地盘', '施工方',
    ],
  },
  {
    category: 'housing-construction/real-estate',
    keywords: [
      '交楼', '延期交楼', '开发商', '网签', '不动产证', '房产证', '楼盘', '售楼', '购房', '商品房', '租房', '房东',
      '租金', '公租房', '保障房', '人才房', '安居房', '烂尾',
      '中介', '定金', '二房东', '人才公寓', '月供', '样板房', '押金', '业主',
    ],
  },

  // ── 交通运输 ──
  {
    category: 'transport/public-transport',
    keywords: [
      '公交', '公交车', '公交线路', '公交站', '班次', '巴士', '地铁', '有轨电车', '发车', '等车', '站点',
      '线路', '末班车', '首班车', '坐车', '增加班次', '公交专线',
      '公交司机', '甩站', '候车亭', '站台', '接驳', '通勤', '班车', '地铁七号线', '路公交',
    ],
  },
  {
    category: 'transport/taxi',
    keywords: ['出租车', '的士', '网约车', '滴滴', '拒载', '绕路', '宰客', '打车', '黑车', '议价', '摩的', '非法营运', '兜路', '兜圈', '打表', '计价器', '一口价', '滴滴司机', '的士司机'],
  },
  {
    category: 'transport/road-facilities',
    keywords: [
      '道路', '路面', '坑洼', '坑坑洼洼', '大坑', '井盖', '井盖松动', '护栏', '人行道', '减速带', '交通标志', '路牌',
      '斑马线', '天桥', '隧道', '路面破损', '道路破损', '塌陷', '路面塌陷', '修路',
      '桥栏杆', '盲道', '地砖', '反光镜', '弯道', '指示牌', '封路', '沙井盖', '条路',
      '伸缩缝', '爆胎', '钢板',
    ],
  },
  {
    category: 'transport/traffic-order',
    keywords: [
      '违停', '违章停车', '乱停', '乱停车', '乱停放', '堵车', '拥堵', '红绿灯', '信号灯', '交通灯', '僵尸车',
      '飙车', '炸街', '交警', '逆行',
      '塞车', '乱泊', '泊车', '车祸', '撞车', '侧翻', '电子警察', '左转', '绿灯', '停车场', '交通事故', '大货车', '共享单车', '闯红灯',
    ],
  },

  // ── 市场监管 ──
  {
    category: 'market-regulation/food-safety',
    keywords: [
      '食品', '食品安全', '过期食品', '过期变质', '变质', '不卫生', '食物中毒', '餐馆', '饭店', '餐厅', '外卖',
      '吃坏', '拉肚子', '腹泻', '苍蝇', '异物', '地沟油', '黑作坊', '后厨', '奶茶店', '快餐',
      '饭堂', '食堂', '过期', '馊的', '馊了', '发霉', '肚痛', '肚子痛', '呕吐', '上吐下泻', '蘑菇', '早餐店', '肠粉', '月饼', '腊肠', '牛奶', '锅底', '叉烧', '烧腊', '乌蝇', '吃完', '食物', '饭菜', '餐食', '烧腊档',
      '健康证', '福尔马林', '坏鸡蛋', '臭鸡蛋',
    ],
  },
  {
    category: 'market-regulation/consumer-disputes',
    keywords: [
      '消费', '消费纠纷', '退款', '退费', '不退', '不给退', '预付卡', '充值', '办卡', '跑路', '商家', '售后',
      '质量问题', '假货', '维权', '健身房', '美容院', '七天无理由', '霸王条款', '虚假宣传', '买到', '退货',
      '首付', '装修公司', '4s店', '婚纱摄影', '卖场', '免费安装', '押金', '执笠', '充值卡', '会员卡', '退钱',
    ],
  },
  {
    category: 'market-regulation/pricing',
    keywords: ['价格', '乱收费', '收费标准', '涨价', '明码标价', '标价', '多收', '高价', '哄抬', '乱涨价', '收费', '一度电', '电价', '限价', '兴趣班费', '材料费', '多收钱', '夜间价', '收费不透明', '服务费', '价签', '标签价', '收银', '标价不一'],
  },
  {
    category: 'market-regulation/unlicensed-business',
    keywords: ['无证经营', '无照经营', '无牌经营', '非法经营', '没有营业执照', '无证无照', '无证', '无照', '没有证照', '无牌', '冇牌照', '地下加工厂', '加工厂', '黑诊所', '无证诊所', '私自开', '没有资质', '什么证都没有', '没有任何证'],
  },
  {
    category: 'market-regulation/special-equipment',
    keywords: ['电梯', '电梯故障', '电梯坏', '扶梯', '电梯困人', '困人', '关人', '电梯停运', '锅炉', '特种设备', '电梯年检', '部𨋢', '𨋢门', '升降机', '摩天轮', '游乐设施', '游乐场'],
  },

  // ── 劳动和社会保障 ──
  {
    category: 'labour/wage-arrears',
    keywords: [
      '欠薪', '拖欠', '拖欠工资', '欠工资', '讨薪', '不发工资', '没发工资', '工资', '工钱', '克扣', '包工头', '劳务费',
      '农民工', '结工资', '血汗钱',
      '人工', '出粮', '判头', '劳务公司', '甲方', '工程款', '派件费', '运费', '工友', '结清',
    ],
  },
  {
    category: 'labour/labour-disputes',
    keywords: [
      '辞退', '开除', '劳动合同', '赔偿金', '经济补偿', '劳动仲裁', '仲裁', '加班费', '加班', '试用期', '用人单位',
      '劳动纠纷', '年假', '解除合同',
      '炒我', '炒鱿鱼', '被炒', '赔偿', '辞职', '离职', '旷工', '调岗', '降薪', '竞业', '劳动法', '病假', '扣押', '双倍工资', '签合同', '主管', '劳动关系', '休息日', '通知金',
    ],
  },
  {
    category: 'labour/social-insurance',
    keywords: [
      '社保', '社会保险', '医保', '养老保险', '医疗保险', '养老金', '退休', '社保卡', '断缴', '生育保险', '工伤',
      '工伤认定', '失业金', '失业保险', '参保', '缴费基数',
      '医保卡', '报销', '异地就医', '少儿医保', '城乡居民', '退休人员', '领养老金',
    ],
  },
  {
    category: 'labour/employment',
    keywords: ['就业', '招聘', '失业', '职业培训', '技能培训', '招工', '找工作', '创业', '求职', '职业资格', '岗位', '公益性岗位', '招聘会', '见习', '培训班', '职业介绍所', '找份工作', '介绍工作', '技能'],
  },

  // ── 卫生健康 ──
  {
    category: 'health/medical-services',
    keywords: [
      '医院', '医生', '看病', '挂号', '诊所', '医疗', '护士', '医疗纠纷', '医患', '急诊', '社区卫生服务中心',
      '卫生院', '疫苗', '接种', '体检', '就诊', '病人',
      '救护车', '120', '要生了', '打针', '吊针', '医德', '看医生', '卫生服务中心',
      '倒在地上', '没有呼吸', '中风', '急救', '门诊',
    ],
  },
  {
    category: 'health/public-health',
    keywords: ['蚊子', '老鼠', '蟑螂', '四害', '登革热', '消杀', '灭蚊', '病媒', '传染病', '白纹伊蚊', '积水孳生', '蚊虫', '曱甴', '鸽子', '活禽', '狂犬', '传染', '发烧', '发高烧', '喷药', '灭鼠', '蚊多'],
  },

  // ── 教育 ──
  {
    category: 'education/enrolment',
    keywords: [
      '学位', '入学', '招生', '积分入学', '转学', '插班', '小升初', '幼升小', '学区', '划片', '报名', '上学',
      '读书', '读初中', '读小学', '户籍儿童', '户口', '中学', '一年级', '公办幼儿园', '派位', '学位费',
    ],
  },
  {
    category: 'education/school-management',
    keywords: [
      '学校', '老师', '教师', '幼儿园', '校外培训', '补课', '学生', '校车', '作业', '减负', '体罚', '托管',
      '课后服务', '培训机构', '班主任',
      '校服', '家长群', '欺凌', '护学', '放学', '晚自习', '跑道',
    ],
  },

  // ── 公共安全 ──
  {
    category: 'public-safety/public-order',
    keywords: [
      '治安', '盗窃', '偷窃', '小偷', '被偷', '打架', '斗殴', '赌博', '吸毒', '诈骗', '骗子', '传销', '可疑人员',
      '派出所', '闹事', '抢劫', '卖淫', '被盗', '偷电动车',
      '偷车', '撬车', '撬门', '撬锁', '砸车窗', '车窗被砸', '跟着我', '被骗', '骗钱', '呃钱', '畀人呃', '保护费', '打老婆', '家暴', '打人', '追着砍', '抢了', '抢包', '走失', '没有回家', '跳楼', '赌钱', '麻将馆', '大耳窿', '高利贷', '打交', '冒充', '骚扰', '喝醉', '报警', '公安',
    ],
  },
  {
    category: 'public-safety/fire-hazard',
    keywords: [
      '消防', '消防通道', '消防栓', '灭火器', '火灾隐患', '消防隐患', '电动车充电', '飞线充电', '楼道充电',
      '乱拉电线', '群租', '三小场所', '易燃', '仓库住人', '堵塞通道', '安全出口',
      '着火', '起火', '火烧', '烧起来', '烧着', '冒烟', '浓烟', '电池', '电动车', '充电', '走火通道', '逃生', '液化气罐', '救火', '消防车', '火很大', '火越', '黑烟',
    ],
  },
  {
    category: 'public-safety/dogs',
    keywords: ['流浪狗', '狗咬', '咬人', '养狗', '遛狗', '拴绳', '烈性犬', '恶犬', '犬只', '狗叫', '大狗', '条狗', '只狗', '藏獒', '比特犬', '禁养犬', '宠物'],
  },

  {
    category: 'public-safety/work-safety',
    keywords: [
      '安全生产', '危险化学品', '危化品', '化学品', '安全帽', '安全带', '防护网', '防护罩', '有限空间', '储罐',
      '稀释剂', '烟花爆竹', '车间', '冲压机', '叉车', '生产安全', '安全隐患', '违规作业',
      '工厂', '厂里', '中毒', '污水池', '管道作业', '油漆', '天拿水', '柴油', '储存', '化工', '气体泄漏', '检测仪器', '通风', '加油站', '机器', '工人', '仓库',
      '除尘', '职业病', '劳保', '粉尘很大', '高处作业', '高处',
    ],
  },

  // ── 水电气公用事业 ──
  {
    category: 'utilities/water-supply',
    keywords: [
      '停水', '没水', '没有水', '没来水', '水压', '水压低', '水质', '自来水', '水管', '水管爆裂', '爆管', '水费', '水表',
      '黄水', '供水', '水龙头', '断水',
      '冇水', '没水用', '二次供水', '水箱', '自来水总管', '供水管',
    ],
  },
  {
    category: 'utilities/drainage',
    keywords: [
      '下水道', '排水', '水浸', '内涝', '积水', '水淹', '化粪池', '污水井', '雨水', '沙井', '冒水', '返水',
      '管道堵塞', '排水沟', '污水外溢',
      '浸咗', '被淹', '淹了', '暴雨', '落大雨', '下大雨', '污水管', '漫进', '进水', '浸到',
      '反味', '返味', '排洪渠',
    ],
  },
  {
    category: 'utilities/power',
    keywords: ['停电', '没电', '断电', '跳闸', '电压', '电费', '电表', '供电', '电线杆', '变压器', '高压线', '电线', '停咗电', '冇电', '配电房', '配电箱', '插座', '供电局', '供电所', '来电', '制氧机', '架空电线', '电缆', '充电桩'],
  },
  {
    category: 'utilities/gas',
    keywords: [
      '燃气', '煤气', '天然气', '煤气味', '燃气味', '漏气', '气罐', '液化气', '瓶装气', '燃气费', '燃气管道',
      '停气', '燃气灶',
      '气喉', '喉管', '臭鸡蛋味', '燃汽', '石油气', '嘶嘶', '煤气罐', '燃气公司',
    ],
  },

  // ── 民政和社区服务 ──
  {
    category: 'civil-affairs/elderly-care',
    keywords: [
      '养老', '老人', '养老院', '敬老院', '长者饭堂', '高龄津贴', '居家养老', '独居老人', '老年人', '长者',
      '阿婆', '阿伯', '阿嫲', '独居', '老人家', '老年痴呆', '送饭', '护工', '失能', '老年',
    ],
  },
  {
    category: 'civil-affairs/social-assistance',
    keywords: [
      '低保', '生活困难', '救助', '特困', '残疾', '残疾人', '临时救助', '流浪', '乞讨', '困难家庭', '孤儿',
      '特困人员', '流浪汉', '回不了家', '单亲', '白血病', '补助',
      '走丢', '智障', '救助站',
    ],
  },
  {
    category: 'civil-affairs/community',
    keywords: ['居委会', '社区', '村委', '村委会', '网格员', '社工', '婚姻登记', '殡葬', '墓地', '门牌', '地名', '居委', '结婚登记', '居住证明', '证明', '党群服务中心', '公告栏', '门牌号'],
  },

  // ── 农业农村 ──
  {
    category: 'agriculture/farming',
    keywords: [
      '农药', '化肥', '种子', '农资', '病死猪', '病死', '养殖', '养猪场', '养鸡场', '禽流感', '电鱼', '捕鱼', '捕捞',
      '禁渔', '虫害', '农田', '耕地', '基本农田', '荔枝园', '菜地', '农机', '种粮', '农技', '野猪', '采伐',
      '鱼塘', '家禽', '死猪', '养猪', '死鸡', '养鸡', '农民', '种菜',
    ],
  },
  {
    category: 'agriculture/rural-affairs',
    keywords: [
      '宅基地', '集体土地', '集体资产', '集体经济', '村集体', '分红', '外嫁女', '股份', '经济合作社', '经济联合社',
      '村干部', '村民代表', '土地承包', '承包', '征收', '补偿款', '村务',
      '村民', '村里', '集体', '租金收入', '征地', '股权',
    ],
  },

  // ── 文化旅游 ──
  {
    category: 'culture-tourism/tourism',
    keywords: [
      '旅行社', '旅行团', '导游', '景区', '景点', '门票', '一日游', '购物店', '强制购物', '自费项目', '游客', '民宿',
      '酒店', '旅游',
      '参观', '旧址', '黄埔军校', '长洲岛', '南海神庙', '黄埔古港', '旅游团', '讲解员', '农家乐',
      '套票', '景区门口',
    ],
  },
  {
    category: 'culture-tourism/cultural-market',
    keywords: [
      '网吧', '未成年人', '剧本杀', '娱乐场所', '娱乐会所', '游戏厅', '游戏机', '棋牌室', '盗版书', '演出', '电竞酒店',
      '陪唱', '光碟', '漫画书',
      '通宵', '色情', '黄色', '赌博性质', '游戏机厅', '娱乐',
    ],
  },
  {
    category: 'culture-tourism/public-culture-sports',
    keywords: [
      '健身器材', '运动器材', '图书馆', '图书室', '文化馆', '博物馆', '体育馆', '体育中心', '体育公园', '游泳馆',
      '游泳池', '篮球场', '足球场', '羽毛球', '健身步道', '全民健身',
      '秋千', '单杠', '器材', '借书证', '运动会', '球场', '球馆', '健身',
    ],
  },

  // ── 其他: about the hotline itself, or another district's matter → a person decides ──
  {
    category: 'other/unclassified',
    keywords: ['热线', '12345', '接线员', '打错', '不知道找谁', '哪个部门', '转给', '说不清', '外区', '别的区', '查工单', '工单', '其他区', '打返'],
  },

  // ── 企业服务和营商环境 ──
  {
    category: 'enterprise/business-environment',
    keywords: [
      '营商环境', '乱检查', '吃拿卡要', '刁难', '办事难', '多头检查', '涉企', '拖欠企业账款', '拖欠账款',
      '政务诚信', '不公平竞争',
      '检查', '请客送礼', '国企', '合同款', '政府采购', '招投标', '中标', '中介机构', '指定中介', '诚信', '不认账', '重复提交', '重复填报', '数据打通', '爱理不理', '年报', '承诺的配套',
    ],
  },
  {
    category: 'enterprise/enterprise-support',
    keywords: [
      '企业', '用地', '厂房', '融资', '贷款', '招商', '入驻', '园区', '产业园', '用工', '投资', '工厂',
      '企业服务', '经营困难',
      '厂区', '出口退税', '落户', '扩产', '增容', '投产', '对接', '协调', '写字楼', '宽带', '外籍员工', '上市', '贴息',
    ],
  },

  // ── 政策兑现 ──
  {
    category: 'policy-payments/enterprise-subsidies',
    keywords: [
      '政策兑现', '补贴', '扶持资金', '研发补贴', '专项资金', '兑现', '申报', '拨付', '到账', '惠企', '奖补',
      '奖励资金', '高新技术企业', '研发费用', '资助', '扶持政策', '惠企政策',
      '奖励', '落户奖励', '上规', '研发投入', '营收', '技改', '稳岗', '专精特新', '首台套', '申请的补贴', '兑付',
      '研发补助', '财政局', '指标用完',
    ],
  },
  {
    category: 'policy-payments/talent',
    keywords: ['人才补贴', '人才', '人才绿卡', '安家补贴', '生活补贴', '博士后', '引进人才', '人才认定', '人才政策', '博士', '硕士', '留学生', '高层次人才', '领军人才', '个税补贴', '技能人才', '租房补贴'],
  },

  // ── 行政审批 ──
  {
    category: 'administrative-approval/permits',
    keywords: [
      '审批', '许可', '许可证', '办证', '营业执照', '执照', '备案', '施工许可', '食品经营许可', '证照', '资质',
      '核准', '行政许可', '开办企业', '注册公司', '变更登记', '注销',
      '验收', '消防验收', '排水许可', '执业许可', '经营范围', '牌照', '环评', '规划许可', '手续',
    ],
  },
  {
    category: 'administrative-approval/government-services',
    keywords: [
      '政务服务中心', '办事大厅', '窗口', '排队', '预约', '一网通办', '粤省事', '穗好办', '网上办事', '办事指南',
      '办事', '跑腿', '开证明', '自助机',
      '取号', '取号机', '号源', '帮办', '代办', '政务大厅', '不动产登记', '通行证',
    ],
  },

  // ── 知识产权 ──
  {
    category: 'intellectual-property/patents-trademarks',
    keywords: ['专利', '商标', '知识产权', '著作权', '版权', '专利申请', '商标注册', '专利资助', '发明专利', '实用新型', '外观专利', '贯标', '质押融资', 'pct', '商标被驳回'],
  },
  {
    category: 'intellectual-property/infringement',
    keywords: ['侵权', '假冒', '盗版', '仿冒', '山寨', '冒用', '假冒商标', '专利侵权', '抄袭', '一模一样', '外观设计', '盗用', '抢注', '破解版', '冒牌', '假冒品牌', '名牌'],
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

/** The urgent keywords as written (see URGENT_KEYWORDS for the list the classifiers read). */
const URGENT_WORDS: readonly string[] = [
  '燃气泄漏', '煤气泄漏', '天然气泄漏', '液化气泄漏', '煤气味', '燃气味', '漏气',
  '火灾', '着火', '起火', '失火', '冒烟', '爆炸',
  '坍塌', '塌方', '倒塌', '塌陷', '山体滑坡', '滑坡',
  '触电', '漏电', '电线掉落', '电线断落', '高压线断',
  '被困', '困人', '溺水', '有人落水', // not 落水: 落水管 is a downpipe
  '水管爆裂', '爆管', '井盖丢失', '井盖缺失', '没有井盖',
  '食物中毒', '上吐下泻', '有人受伤', '昏迷', '生命危险',
  // further phrasings a supervisor added for the model classifier (rule-classifier.ts reads this list too)
  '着火了', '烧起来', '烧着了', '火很大', '火越', '火烛', '冒火花', '打火花', '气体泄漏',
  '冧咗', '塌下去', '困在', '卡在', '压住了人', '压在下面',
  '晕倒', '晕过去', '晕低', '叫不醒', '没反应', '没有反应', '没有呼吸', '不省人事',
  '救命', '跳楼', '拿着刀', '拿刀', '持刀', '砍人', '走失',
  '敲门没人应', '敲门也没人应', '流血', '流了好多血', '掉下去', '掉进', '跌落', '跌咗落去', '砸到一个', '砸在一辆',
  '压住了一个', '呼吸很急', '呼吸困难', '中毒', '气喉爆', '管道爆', '总管爆', '主管爆', '嘶嘶', '臭鸡蛋味', '石油气味',
  '随时会倒', '随时会掉', '快要掉下来', '动唔到', '动不了', '走不出来', '被夹到', '里面还有人', '车里还有人', '车里好像还有人', '跟着我', '没有回家', '未返',
  '抢了我', '被抢', '抢劫', '受伤', '伤到', '黄烟', '浸咗成米', '水位还在涨', '要生了', '烧咗', '同时发烧', '集体发烧',
  '流咗好多血', '困咗', '冲垮', '被水围住', '跌咗落嚟', '有人跌落', '烧焦味',
  // Cantonese for "unresponsive / fainted / cannot move" (helper G, round 2)
  '冇反应', '叫唔醒', '晕咗', '郁唔到',
  // smoke and fire, gas smell, trapped, blood, collapse of a person: general words, checked on the training split
  // (each in urgent requests and in no more than one normal one)
  '浓烟', '明火', '火苗', '煤气的味', '天然气味', '燃气的味', '困喺', '困住', '出唔到', '是血', '昏倒', '倒地',
  '倒在地上', '喘不上气', '抽筋', '夹住', '一动不动', '起不来', '口吐白沫',
];

/**
 * Negation: an urgent keyword straight after one of these does not count as a rule ("没有着火", "冇漏气", and
 * "没有人受伤" = 没 + 有人受伤). The model still reads the text, and its low urgent threshold still flags the
 * request when the rest of it sounds like an emergency.
 */
export const URGENT_NEGATIONS: readonly string[] = ['没有', '没', '冇', '并无', '未有'];

/** ...unless the negation is part of a question: "有没有着火", "有冇着火" stay urgent. */
export const URGENT_QUESTION_FORMS: readonly string[] = ['有没有', '有没', '有冇'];

/**
 * Any of these makes a case urgent (紧急), whatever else it says: life, fire, gas, collapse, electricity; with
 * their question forms ("有没有人受伤"), which must outrank the negations below (the longest phrase wins).
 */
export const URGENT_KEYWORDS: readonly string[] = [
  ...URGENT_WORDS,
  ...URGENT_QUESTION_FORMS.flatMap((q) => URGENT_WORDS.map((k) => `${q}${k}`)),
];

/**
 * Longer phrases that contain an urgent keyword but are not urgent: where one of these covers the keyword, the
 * keyword does not count (the model classifier only; the longest phrase wins, e.g. 特困人员 over 困人).
 */
export const URGENT_EXCEPTIONS: readonly string[] = [
  '特困人员', '特困户', '特困供养', '落水管', '没反应过来', '消防通道被困',
  '打不着火', '打唔着火', '点不着火', '抢了我们', '压住了人行道', '卡在哪', '卡在某个', '卡在审批', '受伤害',
  // negated keywords ("没有着火", "没有人受伤", "冇漏气"), generated from URGENT_NEGATIONS
  ...URGENT_NEGATIONS.flatMap((n) => URGENT_WORDS.map((k) => `${n}${k}`)),
];

/**
 * Phrases that decide the category outright, whatever the model says (the model classifier only).
 * Keep each phrase unambiguous: it overrides learned evidence. When phrases of two different categories
 * appear in one request, none is applied and the model decides.
 */
export interface ForcedCategoryRule {
  category: CategoryCode;
  phrases: readonly string[];
}

export const FORCED_CATEGORY_RULES: readonly ForcedCategoryRule[] = [
  { category: 'utilities/gas', phrases: ['燃气泄漏', '煤气泄漏', '天然气泄漏', '液化气泄漏', '煤气味', '燃气味', '石油气味'] },
  { category: 'market-regulation/special-equipment', phrases: ['电梯困人', '困在电梯', '被困电梯', '电梯故障', '电梯年检'] },
  { category: 'environmental-protection/noise', phrases: ['夜间施工', '施工噪音', '施工噪声'] },
  { category: 'urban-management/illegal-construction', phrases: ['违章搭建', '违法建设', '违章建筑', '乱搭乱建'] },
  { category: 'urban-management/street-vending', phrases: ['占道经营', '流动摊贩'] },
  { category: 'labour/wage-arrears', phrases: ['拖欠工资', '欠薪', '讨薪', '拖欠农民工工资'] },
  { category: 'labour/labour-disputes', phrases: ['劳动仲裁'] },
  { category: 'education/enrolment', phrases: ['积分入学', '幼升小', '小升初'] },
  { category: 'civil-affairs/elderly-care', phrases: ['高龄津贴', '长者饭堂'] },
  { category: 'health/public-health', phrases: ['登革热'] },
  { category: 'policy-payments/enterprise-subsidies', phrases: ['政策兑现'] },
  { category: 'intellectual-property/infringement', phrases: ['专利侵权', '商标侵权', '假冒商标'] },
  { category: 'culture-tourism/cultural-market', phrases: ['网吧'] },
  { category: 'agriculture/rural-affairs', phrases: ['宅基地'] },
];
