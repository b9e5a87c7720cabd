// The category taxonomy (分类): a two-level tree for Huangpu's 12345 hotline, as data.
// Each leaf has a stable ASCII code, its Chinese path, the district department (区属部门) that owns it,
// and how a case in it is routed by default. Keywords that recognise a category live in rules.ts.
import type { Category } from '../case.js';
import type { DepartmentCode } from '../departments.js';

/**
 * How a case in a category travels:
 * - `grid`: the problem happens at a place (垃圾, 噪声, 占道, 违建, 路灯, 井盖 …). The case goes down the
 *   jurisdiction tree (区 → 街镇 → 村社 → 网格); the street handles it and calls the department (吹哨) if needed.
 * - `department`: the department owns the matter wherever the caller is (行政审批, 政策兑现, 知识产权, 社保 …):
 *   a street has nothing to inspect, so the case goes straight to the department's queue.
 * - `contextual`: it depends on the case. Straight to the department when the caller is on the enterprise line
 *   (企业服务专席: the enterprise wants the bureau, not the street) or only asks a question (咨询: a question has
 *   no place to visit); otherwise down the grid (e.g. a worker's wage-arrears complaint about a named site, which
 *   the street's labour office mediates first).
 * The enterprise channel never pulls a `grid` category away from the grid: a noisy site next to a factory is still a place.
 */
export type RoutingRule = 'grid' | 'department' | 'contextual';

export interface CategoryDef {
  /** stable machine code `top/leaf` */
  code: string;
  /** Chinese path, top level first */
  path: readonly [string, string];
  department: DepartmentCode;
  routing: RoutingRule;
}

/**
 * 其他/未分类: requests about none of the categories (the hotline itself, another district's matter, a caller who
 * cannot say). The model classifier sends them to district triage; the rules-only classifier falls back to it
 * when no keyword matches.
 */
export const FALLBACK_CATEGORY_CODE = 'other/unclassified';

export const CATEGORIES = [
  // 城市管理 — 区城市管理和综合执法局 (城管)
  { code: 'urban-management/sanitation', path: ['城市管理', '市容环境卫生'], department: 'urban-management', routing: 'grid' },
  { code: 'urban-management/illegal-construction', path: ['城市管理', '违章搭建'], department: 'urban-management', routing: 'grid' },
  { code: 'urban-management/street-vending', path: ['城市管理', '占道经营'], department: 'urban-management', routing: 'grid' },
  // In Guangzhou's districts, 园林绿化 sits with 城管.
  { code: 'urban-management/greening', path: ['城市管理', '园林绿化'], department: 'urban-management', routing: 'grid' },
  { code: 'urban-management/street-lights', path: ['城市管理', '路灯照明'], department: 'urban-management', routing: 'grid' },
  { code: 'urban-management/outdoor-advertising', path: ['城市管理', '户外广告招牌'], department: 'urban-management', routing: 'grid' },

  // 环境保护 — 广州市生态环境局黄埔分局 (construction noise at night included: 夜间施工 permits are 生态环境's)
  { code: 'environmental-protection/noise', path: ['环境保护', '噪声污染'], department: 'ecology-environment', routing: 'grid' },
  { code: 'environmental-protection/air', path: ['环境保护', '大气污染（油烟、异味）'], department: 'ecology-environment', routing: 'grid' },
  { code: 'environmental-protection/water-pollution', path: ['环境保护', '水污染'], department: 'ecology-environment', routing: 'grid' },

  // 住房和城乡建设 — 区住房和建设局 (住建)
  { code: 'housing-construction/property-management', path: ['住房和城乡建设', '物业管理'], department: 'housing-construction', routing: 'grid' },
  { code: 'housing-construction/housing-quality', path: ['住房和城乡建设', '房屋质量'], department: 'housing-construction', routing: 'grid' },
  { code: 'housing-construction/construction-site', path: ['住房和城乡建设', '建筑施工'], department: 'housing-construction', routing: 'grid' },
  // 交楼、网签、租赁: contracts and registrations, nothing for a street to inspect.
  { code: 'housing-construction/real-estate', path: ['住房和城乡建设', '房地产与住房保障'], department: 'housing-construction', routing: 'department' },

  // 交通运输 — 区交通运输局; 交通秩序 (违停, 信号灯) belongs to the traffic police (公安分局交警)
  { code: 'transport/public-transport', path: ['交通运输', '公交地铁'], department: 'transport', routing: 'department' },
  { code: 'transport/taxi', path: ['交通运输', '出租车和网约车'], department: 'transport', routing: 'department' },
  { code: 'transport/road-facilities', path: ['交通运输', '道路设施'], department: 'transport', routing: 'grid' },
  { code: 'transport/traffic-order', path: ['交通运输', '交通秩序'], department: 'public-security', routing: 'grid' },

  // 市场监管 — 区市场监督管理局
  { code: 'market-regulation/food-safety', path: ['市场监管', '食品安全'], department: 'market-regulation', routing: 'grid' },
  // 消费纠纷 and 价格 are mediated by the bureau's 12315 desk, not by a street.
  { code: 'market-regulation/consumer-disputes', path: ['市场监管', '消费纠纷'], department: 'market-regulation', routing: 'department' },
  { code: 'market-regulation/pricing', path: ['市场监管', '价格收费'], department: 'market-regulation', routing: 'department' },
  { code: 'market-regulation/unlicensed-business', path: ['市场监管', '无证无照经营'], department: 'market-regulation', routing: 'grid' },
  // 电梯 and other special equipment (特种设备) are supervised by 市场监管.
  { code: 'market-regulation/special-equipment', path: ['市场监管', '电梯等特种设备'], department: 'market-regulation', routing: 'grid' },

  // 劳动和社会保障 — 区人力资源和社会保障局 (人社)
  { code: 'labour/wage-arrears', path: ['劳动和社会保障', '欠薪'], department: 'human-resources', routing: 'contextual' },
  { code: 'labour/labour-disputes', path: ['劳动和社会保障', '劳动关系'], department: 'human-resources', routing: 'contextual' },
  { code: 'labour/social-insurance', path: ['劳动和社会保障', '社会保险'], department: 'human-resources', routing: 'department' },
  { code: 'labour/employment', path: ['劳动和社会保障', '就业创业'], department: 'human-resources', routing: 'department' },

  // 卫生健康 — 区卫生健康局
  { code: 'health/medical-services', path: ['卫生健康', '医疗服务'], department: 'health', routing: 'department' },
  // 病媒生物 (蚊、鼠、蟑) and 登革热 control is done on the ground by streets (爱卫).
  { code: 'health/public-health', path: ['卫生健康', '公共卫生'], department: 'health', routing: 'grid' },

  // 教育 — 区教育局
  { code: 'education/enrolment', path: ['教育', '招生入学'], department: 'education', routing: 'department' },
  { code: 'education/school-management', path: ['教育', '学校管理'], department: 'education', routing: 'department' },

  // 公共安全 — 广州市公安局黄埔区分局. There is no fire-service unit in departments.ts; small-venue fire
  // inspection (三小场所) is done by police stations (派出所) with the streets, so 消防隐患 goes to 公安 via the grid.
  { code: 'public-safety/public-order', path: ['公共安全', '治安'], department: 'public-security', routing: 'grid' },
  { code: 'public-safety/fire-hazard', path: ['公共安全', '消防隐患'], department: 'public-security', routing: 'grid' },
  { code: 'public-safety/dogs', path: ['公共安全', '犬只管理'], department: 'public-security', routing: 'grid' },

  // 安全生产 (工厂、仓库、危险化学品、有限空间) — 区应急管理局; a site to inspect → grid, the street calls 应急.
  { code: 'public-safety/work-safety', path: ['公共安全', '安全生产'], department: 'emergency-management', routing: 'grid' },

  // 水电气公用事业
  // 供水: the water company (under 水务局) repairs its own network; a street has nothing to do → department.
  { code: 'utilities/water-supply', path: ['水电气公用事业', '供水'], department: 'water-affairs', routing: 'department' },
  { code: 'utilities/drainage', path: ['水电气公用事业', '排水与内涝'], department: 'water-affairs', routing: 'grid' },
  // 供电: no district department owns power (供电局 is 南方电网's). The street liaises with the local 供电所,
  // so it goes down the grid; 城管 (overhead lines, 架空线缆) is the nominal department. See the report/README.
  { code: 'utilities/power', path: ['水电气公用事业', '供电'], department: 'urban-management', routing: 'grid' },
  // 燃气: Guangzhou's gas authority is 城管; a smell or leak needs someone on site → grid.
  { code: 'utilities/gas', path: ['水电气公用事业', '燃气'], department: 'urban-management', routing: 'grid' },

  // 民政和社区服务 — 区民政局
  { code: 'civil-affairs/elderly-care', path: ['民政和社区服务', '养老服务'], department: 'civil-affairs', routing: 'contextual' },
  // 低保/临时救助 applications are taken by the street (街道社会事务办).
  { code: 'civil-affairs/social-assistance', path: ['民政和社区服务', '社会救助'], department: 'civil-affairs', routing: 'contextual' },
  { code: 'civil-affairs/community', path: ['民政和社区服务', '社区服务'], department: 'civil-affairs', routing: 'grid' },

  // 农业农村 — 区农业农村局 (the district still has villages and farmland in the north: 新龙镇, 九佛街 …)
  // 病死畜禽、农药、非法捕捞 happen at a place → grid; 宅基地、集体资产 questions are contextual.
  { code: 'agriculture/farming', path: ['农业农村', '农业生产和渔业'], department: 'agriculture-rural', routing: 'grid' },
  { code: 'agriculture/rural-affairs', path: ['农业农村', '农村集体和宅基地'], department: 'agriculture-rural', routing: 'contextual' },

  // 文化旅游 — 区文化广电旅游局
  // 旅游投诉 (旅行社、导游、景区) is handled by the bureau's desk; 网吧、娱乐场所、演出 are inspected on site.
  { code: 'culture-tourism/tourism', path: ['文化旅游', '旅游服务'], department: 'culture-tourism', routing: 'department' },
  { code: 'culture-tourism/cultural-market', path: ['文化旅游', '文化市场'], department: 'culture-tourism', routing: 'grid' },
  { code: 'culture-tourism/public-culture-sports', path: ['文化旅游', '公共文化和体育设施'], department: 'culture-tourism', routing: 'contextual' },

  // 企业服务和营商环境 — no place to inspect: straight to the bureau.
  { code: 'enterprise/business-environment', path: ['企业服务和营商环境', '营商环境'], department: 'business-environment', routing: 'department' },
  { code: 'enterprise/enterprise-support', path: ['企业服务和营商环境', '企业诉求'], department: 'enterprise-services', routing: 'department' },

  // 政策兑现 — the paying department owns it.
  { code: 'policy-payments/enterprise-subsidies', path: ['政策兑现', '惠企政策兑现'], department: 'enterprise-services', routing: 'department' },
  { code: 'policy-payments/talent', path: ['政策兑现', '人才政策'], department: 'human-resources', routing: 'department' },

  // 行政审批 — 区行政审批局; the service halls and online services (一网通办) are 政数's.
  { code: 'administrative-approval/permits', path: ['行政审批', '审批许可'], department: 'administrative-approval', routing: 'department' },
  { code: 'administrative-approval/government-services', path: ['行政审批', '政务服务'], department: 'government-data', routing: 'department' },

  // 知识产权 — 区知识产权局
  { code: 'intellectual-property/patents-trademarks', path: ['知识产权', '专利商标'], department: 'intellectual-property', routing: 'department' },
  { code: 'intellectual-property/infringement', path: ['知识产权', '侵权假冒'], department: 'intellectual-property', routing: 'department' },

  // 其他 — the model classifier sends it to district triage (人工分拨); its nominal routing is the grid.
  // Nominal department: 政务服务数据管理局, which runs the hotline and its triage desk.
  { code: FALLBACK_CATEGORY_CODE, path: ['其他', '未分类'], department: 'government-data', routing: 'grid' },
] as const satisfies readonly CategoryDef[];

export type CategoryCode = (typeof CATEGORIES)[number]['code'];

const byCode = new Map<string, CategoryDef>(CATEGORIES.map((c) => [c.code, c]));

export function findCategory(code: string): CategoryDef | undefined {
  return byCode.get(code);
}

/** The `Category` value a Classification carries. */
export function toCategory(def: CategoryDef): Category {
  return { code: def.code, path: [...def.path] };
}
