// The rule classifier (the first classifier, now the baseline `npm run classifier:eval` compares against) on
// the demo sentences and on a table of requests phrased the way Huangpu callers talk. Its speed is measured by
// bench/classifier.ts, not asserted here.
import { describe, expect, it } from 'vitest';
import { CHANNELS, REQUEST_TYPES, type Channel } from '../../../shared/domain/case.js';
import { DEPARTMENTS } from '../../../shared/domain/departments.js';
import { CATEGORIES, findCategory, type CategoryCode } from '../../../shared/domain/classification/categories.js';
import {
  createRuleClassifier,
  FALLBACK_CONFIDENCE,
  normalizeText,
  ruleClassifier,
} from '../../../shared/domain/classification/rule-classifier.js';
import { CATEGORY_RULES, URGENT_KEYWORDS } from '../../../shared/domain/classification/rules.js';
import { TABLE } from './realistic-requests.js';

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
