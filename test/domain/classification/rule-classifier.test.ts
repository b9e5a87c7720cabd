// The rule classifier on the demo sentences and on a table of requests phrased the way Huangpu callers talk.
import { describe, expect, it } from 'vitest';
import { CHANNELS, REQUEST_TYPES, type Channel, type RequestType } from '../../../shared/domain/case.js';
import { DEPARTMENTS, type DepartmentCode } from '../../../shared/domain/departments.js';
import { CATEGORIES, findCategory, type CategoryCode } from '../../../shared/domain/classification/categories.js';
import {
  createRuleClassifier,
  FALLBACK_CONFIDENCE,
  normalizeText,
  ruleClassifier,
} from '../../../shared/domain/classification/rule-classifier.js';
import { CATEGORY_RULES, URGENT_KEYWORDS } from '../../../shared/domain/classification/rules.js';

const classify = (content: string, channel: Channel = 'phone') => ruleClassifier.classify({ content, channel });

describe('demo sentences', () => {
  it('uncollected rubbish for three days is a sanitation complaint for the grid', () => {
    const r = classify('黄埔区大沙街道丰乐北路 小区门口垃圾三天没人清运');
    expect(r.category).toEqual({ code: 'urban-management/sanitation', path: ['城市管理', '市容环境卫生'] });
    expect(r.requestType).toBe('complaint');
    expect(r.urgency).toBe('normal');
    expect(r.department).toEqual({ code: 'urban-management', name: '区城市管理和综合执法局' });
    expect(r.routeTo).toBe('grid');
    expect(r.confidence).toBeGreaterThan(0.5);
    expect(r.reason).toContain('“垃圾”“清运” → 城市管理/市容环境卫生');
    expect(r.reason).toContain('“三天没人” → 投诉');
  });

  it('a smell of gas is urgent and names the words', () => {
    const r = classify('楼道里有很重的煤气味，好像燃气泄漏了');
    expect(r.urgency).toBe('urgent');
    expect(r.category.code).toBe('utilities/gas');
    expect(r.reason).toContain('“燃气泄漏”');
    expect(r.reason).toContain('紧急');
  });

  it('an enterprise asking about a policy payment goes straight to the department', () => {
    const r = classify('企业申请研发补贴政策兑现进度咨询', 'enterprise');
    expect(r.category.code).toBe('policy-payments/enterprise-subsidies');
    expect(r.category.path).toEqual(['政策兑现', '惠企政策兑现']);
    expect(r.requestType).toBe('consultation');
    expect(r.routeTo).toBe('department');
    expect(r.department.code).toBe('enterprise-services');
  });

  it('noise at night goes to ecology-environment, even when it comes from a building site', () => {
    const r = classify('隔壁工地每天晚上十一点还在夜间施工，噪音很大，吵得睡不着');
    expect(r.category.code).toBe('environmental-protection/noise');
    expect(r.department.code).toBe('ecology-environment');
    expect(r.routeTo).toBe('grid');
    expect(r.requestType).toBe('complaint');
  });

  it('wage arrears go to human resources; on the enterprise line straight to the department', () => {
    const worker = classify('包工头拖欠我们十几个工人三个月工资，帮帮忙');
    expect(worker.category.code).toBe('labour/wage-arrears');
    expect(worker.department.code).toBe('human-resources');
    expect(worker.requestType).toBe('help');
    expect(worker.routeTo).toBe('grid');

    const enterprise = classify('我司员工反映外包单位拖欠工资，应该怎么处理', 'enterprise');
    expect(enterprise.department.code).toBe('human-resources');
    expect(enterprise.routeTo).toBe('department');

    const question = classify('请问被拖欠工资可以去哪里申请劳动仲裁？');
    expect(question.requestType).toBe('consultation');
    expect(question.routeTo).toBe('department');
  });

  it('praise is 表扬', () => {
    const r = classify('我要表扬长洲街道的网格员，昨天很快就帮我们把楼下的垃圾清走了，非常感谢！');
    expect(r.requestType).toBe('praise');
    expect(r.reason).toContain('表扬');
  });
});

interface Row {
  text: string;
  department: DepartmentCode;
  category?: CategoryCode;
  requestType?: RequestType;
  urgent?: boolean;
  channel?: Channel;
  routeTo?: 'grid' | 'department';
}

// Realistic requests, some with full-width digits and punctuation, some with stray spaces.
const TABLE: Row[] = [
  { text: '夏港街道青年路这边的大排档天天晚上占道经营，桌子摆到马路上，行人都没法走', department: 'urban-management', category: 'urban-management/street-vending', routeTo: 'grid' },
  { text: '鱼珠街道某小区顶楼有业主在天台加建铁皮房，举报一下违章搭建', department: 'urban-management', category: 'urban-management/illegal-construction', requestType: 'report' },
  { text: '长洲街道金洲北路的路灯已经坏了一个多星期，晚上黑灯瞎火很危险', department: 'urban-management', category: 'urban-management/street-lights' },
  { text: '文冲街道石化路有棵大树被台风吹倒了，压住了人行道', department: 'urban-management', category: 'urban-management/greening' },
  { text: '萝岗街道香雪三路旁边的工厂排放废气，刺鼻的异味，晚上尤其严重', department: 'ecology-environment', category: 'environmental-protection/air' },
  { text: '开发区东区某厂夜里往河涌偷排污水，河水发黑发臭，实名举报', department: 'ecology-environment', category: 'environmental-protection/water-pollution', requestType: 'report' },
  { text: '楼下新开的烧烤店油烟很大，熏得我们家不敢开窗', department: 'ecology-environment', category: 'environmental-protection/air' },
  { text: '物业公司乱收停车费，业委会也不管，我要投诉物业', department: 'housing-construction', category: 'housing-construction/property-management', requestType: 'complaint' },
  { text: '新房交楼才半年，客厅墙体开裂，卫生间还渗水，开发商不理', department: 'housing-construction', category: 'housing-construction/housing-quality' },
  { text: '对面工地泥头车进出不冲洗，扬尘很大，路上全是渣土', department: 'housing-construction', category: 'housing-construction/construction-site' },
  { text: '请问２６路公交车末班车是几点？能否增加班次', department: 'transport', category: 'transport/public-transport', routeTo: 'department' },
  { text: '昨晚坐网约车被司机绕路，多收了五十块钱', department: 'transport', category: 'transport/taxi' },
  { text: '开创大道有个井盖松动了，车压过去哐哐响，怕出事', department: 'transport', category: 'transport/road-facilities', routeTo: 'grid' },
  { text: '小区门口天天有车违停，堵住消防通道，交警也不来管', department: 'public-security', category: 'transport/traffic-order', requestType: 'complaint' },
  { text: '在香雪的一家餐馆吃完饭拉肚子，怀疑食品不卫生，后厨很脏', department: 'market-regulation', category: 'market-regulation/food-safety' },
  { text: '健身房老板跑路了，预付卡里还有３０００块不给退', department: 'market-regulation', category: 'market-regulation/consumer-disputes' },
  { text: '商场停车场乱收费，收费标准没有明码标价', department: 'market-regulation', category: 'market-regulation/pricing' },
  { text: '小区电梯又坏了，经常困人，物业说没钱修', department: 'market-regulation', category: 'market-regulation/special-equipment', urgent: true },
  { text: '我在萝岗的一个工地干活，包工头拖欠我们工资三个月了，帮帮忙', department: 'human-resources', category: 'labour/wage-arrears', requestType: 'help' },
  { text: '请问社保断缴了一个月有什么影响，怎么补缴', department: 'human-resources', category: 'labour/social-insurance', requestType: 'consultation' },
  { text: '公司没签劳动合同就把我辞退了，也不给经济补偿', department: 'human-resources', category: 'labour/labour-disputes' },
  { text: '孩子明年上小学，积分入学需要什么材料？', department: 'education', category: 'education/enrolment', requestType: 'consultation' },
  { text: '幼儿园老师体罚小朋友，家长很担心', department: 'education', category: 'education/school-management' },
  { text: '社区卫生服务中心打疫苗要排队三个小时，医生态度差', department: 'health', category: 'health/medical-services', requestType: 'complaint' },
  { text: '蚊子太多了，小区绿化带积水很多，担心登革热', department: 'health', category: 'health/public-health' },
  { text: '附近有人聚众赌博，晚上很多可疑人员进出', department: 'public-security', category: 'public-safety/public-order' },
  { text: '出租屋楼道里一堆电动车充电，飞线充电，消防隐患很大', department: 'public-security', category: 'public-safety/fire-hazard' },
  { text: '楼下有人遛狗不拴绳，狗把小孩咬了', department: 'public-security', category: 'public-safety/dogs' },
  { text: '我们这栋楼从早上开始停水，到现在还没来水，也没有通知', department: 'water-affairs', category: 'utilities/water-supply', routeTo: 'department' },
  { text: '一下雨路口就水浸，下水道堵塞，积水到膝盖', department: 'water-affairs', category: 'utilities/drainage', routeTo: 'grid' },
  { text: '路边的水管爆裂了，水喷得老高', department: 'water-affairs', category: 'utilities/water-supply', urgent: true },
  { text: '家里突然停电了，整栋楼都没电，请帮忙联系供电所', department: 'urban-management', category: 'utilities/power', requestType: 'help' },
  { text: '家里老人８０岁了，想咨询高龄津贴怎么申请', department: 'civil-affairs', category: 'civil-affairs/elderly-care', requestType: 'consultation', routeTo: 'department' },
  { text: '邻居家生活困难，老公瘫痪在床，能不能帮忙申请低保', department: 'civil-affairs', category: 'civil-affairs/social-assistance' },
  { text: '我们公司想申请高新技术企业认定的奖励资金，请问什么时候拨付', department: 'enterprise-services', category: 'policy-payments/enterprise-subsidies', channel: 'enterprise', routeTo: 'department', requestType: 'consultation' },
  { text: '博士来黄埔工作的人才补贴怎么申请？', department: 'human-resources', category: 'policy-payments/talent', routeTo: 'department' },
  { text: '想咨询一下在黄埔开办企业需要办理哪些许可证，营业执照怎么办', department: 'administrative-approval', category: 'administrative-approval/permits', requestType: 'consultation', routeTo: 'department' },
  { text: '政务服务中心窗口排队两个小时，办事效率太低', department: 'government-data', category: 'administrative-approval/government-services' },
  { text: '我们公司的商标被别人仿冒，想投诉侵权', department: 'intellectual-property', category: 'intellectual-property/infringement', requestType: 'complaint', channel: 'enterprise' },
  { text: '企业反映有部门多头检查、吃拿卡要，影响正常经营', department: 'business-environment', category: 'enterprise/business-environment', channel: 'enterprise', routeTo: 'department' },
  { text: '公司在科学城想扩产，需要找一处厂房，希望区里协调用地', department: 'enterprise-services', category: 'enterprise/enterprise-support', channel: 'enterprise' },
  { text: '建议在丰乐北路和大沙地东路交界处增设一个红绿灯', department: 'public-security', category: 'transport/traffic-order', requestType: 'suggestion' },
  { text: '有人在家门口烧垃圾，烟很大', department: 'ecology-environment', category: 'environmental-protection/air' },
  { text: '垃 圾 站 旁边卫生很差，臭气熏天！！', department: 'urban-management', category: 'urban-management/sanitation' },
];

describe('a table of realistic requests', () => {
  it.each(TABLE)('$text', (row) => {
    const r = ruleClassifier.classify({ content: row.text, channel: row.channel ?? 'phone' });
    expect(r.department.code).toBe(row.department);
    if (row.category) expect(r.category.code).toBe(row.category);
    if (row.requestType) expect(r.requestType).toBe(row.requestType);
    if (row.routeTo) expect(r.routeTo).toBe(row.routeTo);
    expect(r.urgency).toBe(row.urgent ? 'urgent' : 'normal');
    expect(r.confidence).toBeGreaterThan(FALLBACK_CONFIDENCE);
    expect(r.confidence).toBeLessThanOrEqual(1);
    // the reason names at least one keyword that actually appears in the (normalised) text
    const quoted = [...r.reason.matchAll(/“([^”]+)”/g)].map((m) => m[1]!);
    expect(quoted.some((w) => normalizeText(row.text).includes(w))).toBe(true);
    expect(r.reason).toContain(r.category.path.join('/'));
  });

  it('the table reaches the department for at least 30 requests', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(30);
  });
});

describe('fallback, confidence and routing', () => {
  it('text with no keyword falls back to 其他, routed down the grid, with low confidence', () => {
    const r = classify('你好，我想反映一个情况');
    expect(r.category.code).toBe('other/unclassified');
    expect(r.category.path[0]).toBe('其他');
    expect(r.routeTo).toBe('grid');
    expect(r.confidence).toBe(FALLBACK_CONFIDENCE);
    expect(r.requestType).toBe('help');
    expect(r.reason).toContain('未匹配到分类关键词');
  });

  it('a bare question with no cue word is a consultation', () => {
    expect(classify('垃圾分类的投放时间是几点？').requestType).toBe('consultation');
    expect(classify('小区垃圾桶满了').requestType).toBe('help');
  });

  it('more and longer keywords give more confidence; a competing department lowers it', () => {
    const weak = classify('门口有垃圾');
    const strong = classify('门口的生活垃圾和建筑垃圾乱堆放，垃圾桶满了也没有清运');
    expect(strong.confidence).toBeGreaterThan(weak.confidence);
    const clean = classify('门口有人摆摊占道经营');
    const contested = classify('门口有人摆摊占道经营，烧烤油烟');
    expect(contested.category.code).toBe(clean.category.code);
    expect(contested.reason).toContain('另有“油烟”');
    expect(contested.confidence).toBeLessThan(clean.confidence);
    // a second category of the same department and route is no rival
    expect(classify('门口有人摆摊占道经营，垃圾乱扔').confidence).toBe(clean.confidence);
  });

  it('the enterprise channel sends department-owned matters to the department but keeps place matters on the grid', () => {
    expect(classify('企业申请专利资助的流程', 'enterprise').routeTo).toBe('department');
    expect(classify('厂区门口的路灯不亮了', 'enterprise').routeTo).toBe('grid');
  });

  it('normalises full-width characters and spaces', () => {
    expect(normalizeText('３天　没人　ＫＴＶ？')).toBe('3天没人 ktv?');
    expect(normalizeText('  a   b  ')).toBe('a b');
    expect(classify('楼下ＫＴＶ半夜唱歌').category.code).toBe('environmental-protection/noise');
  });

  it('every urgent keyword makes a case urgent', () => {
    for (const k of URGENT_KEYWORDS) expect(classify(`我家附近${k}了`).urgency, k).toBe('urgent');
  });

  it('returns valid values for every channel', () => {
    for (const channel of CHANNELS) {
      const r = ruleClassifier.classify({ content: '楼下烧烤店油烟扰民', channel });
      expect(REQUEST_TYPES).toContain(r.requestType);
      expect(DEPARTMENTS.map((d) => d.code)).toContain(r.department.code);
    }
  });
});

describe('the data tables', () => {
  it('every category has a known department and a two-level Chinese path; codes are unique ASCII', () => {
    const codes = new Set<string>();
    for (const c of CATEGORIES) {
      expect(c.code).toMatch(/^[a-z-]+\/[a-z-]+$/);
      expect(codes.has(c.code)).toBe(false);
      codes.add(c.code);
      expect(c.path).toHaveLength(2);
      expect(DEPARTMENTS.some((d) => d.code === c.department)).toBe(true);
    }
  });

  it('every rule names a category, and every category but the fallback has rules', () => {
    for (const r of CATEGORY_RULES) expect(findCategory(r.category)).toBeDefined();
    const ruled = new Set(CATEGORY_RULES.map((r) => r.category));
    for (const c of CATEGORIES) if (c.code !== 'other/unclassified') expect(ruled.has(c.code), c.code).toBe(true);
  });

  it('refuses bad data at construction', () => {
    expect(() => createRuleClassifier({ categoryRules: [{ category: 'nope' as CategoryCode, keywords: ['垃圾'] }] })).toThrow(/unknown category/);
    expect(() => createRuleClassifier({ urgentKeywords: ['火'] })).toThrow(/shorter than 2/);
  });

  it('a custom table changes the result', () => {
    const c = createRuleClassifier({
      categoryRules: [...CATEGORY_RULES, { category: 'urban-management/sanitation', keywords: ['菜叶子'] }],
    });
    expect(c.classify({ content: '市场门口一地菜叶子', channel: 'phone' }).category.code).toBe('urban-management/sanitation');
  });
});

describe('speed', () => {
  it('classifies thousands of requests per second', () => {
    const texts = TABLE.map((r) => r.text);
    const n = 5000;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) ruleClassifier.classify({ content: texts[i % texts.length]!, channel: 'phone' });
    const perSecond = n / ((performance.now() - t0) / 1000);
    expect(perSecond).toBeGreaterThan(2000);
  });
});
