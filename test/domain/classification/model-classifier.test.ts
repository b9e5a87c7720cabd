// The model classifier's logic on a tiny hand-made model (so every number can be checked by hand), and the
// linear model's scoring and validation.
import { describe, expect, it } from 'vitest';
import { REQUEST_TYPES, URGENCIES } from '../../../shared/domain/case.js';
import { CATEGORIES } from '../../../shared/domain/classification/categories.js';
import { LinearModel, MODEL_FORMAT, parseModelData, softmax, type ModelData } from '../../../shared/domain/classification/linear-model.js';
import { createModelClassifier, displayWords, FORCED_CONFIDENCE } from '../../../shared/domain/classification/model-classifier.js';

const SCALE = 100;
const categories: string[] = CATEGORIES.map((c) => c.code);
const cat = (code: string) => {
  const i = categories.indexOf(code);
  if (i < 0) throw new Error(code);
  return i;
};
const type = (t: string) => (REQUEST_TYPES as readonly string[]).indexOf(t);
const URGENT = (URGENCIES as readonly string[]).indexOf('urgent');

/**
 * Weights per feature: [head, label index, weight × 100]. Text features (w:, c:, b:) come with the value
 * 1/√n, n the number of distinct text features: "垃圾投诉" has w:垃圾 w:投诉, four characters and three
 * bigrams, n = 9, so each of its text features is worth 1/3.
 */
const FEATURES: Record<string, Array<['category' | 'requestType' | 'urgency', number, number]>> = {
  'w:垃圾': [['category', cat('urban-management/sanitation'), 2100]],
  'w:摆摊': [['category', cat('urban-management/street-vending'), 2100]],
  'w:噪音': [['category', cat('environmental-protection/noise'), 300]],
  'c:吵': [['category', cat('environmental-protection/noise'), 150]],
  'w:投诉': [['requestType', type('complaint'), 600]],
  'q:question': [['requestType', type('consultation'), 250]],
  'w:异响': [['urgency', URGENT, 360]],
};

function tinyModel(overrides: Partial<ModelData> = {}): ModelData {
  const features = Object.keys(FEATURES);
  const head = (name: 'category' | 'requestType' | 'urgency', labels: string[], bias: number[]) => ({
    labels,
    bias,
    weights: features.map((f) => FEATURES[f]!.filter(([h]) => h === name).flatMap(([, label, w]) => [label, w])),
  });
  return {
    format: MODEL_FORMAT,
    trainedAt: '2026-01-01T00:00:00.000Z',
    trainingExamples: 0,
    notes: 'hand-made for tests',
    vocabulary: ['垃圾', '摆摊', '噪音', '投诉', '异响'],
    features,
    weightScale: SCALE,
    heads: {
      category: head('category', categories, categories.map(() => 0)),
      requestType: head('requestType', [...REQUEST_TYPES], REQUEST_TYPES.map((t) => (t === 'help' ? 100 : 0))),
      urgency: head('urgency', [...URGENCIES], URGENCIES.map((u) => (u === 'normal' ? 200 : 0))),
    },
    thresholds: { triage: 0.5, urgent: 0.5 },
    ...overrides,
  };
}

describe('LinearModel', () => {
  it('scores a head as the softmax of bias + Σ weight × value', () => {
    const model = new LinearModel(tinyModel());
    const fv = { keys: ['w:投诉', 'q:question', 'w:unknown'], values: [0.5, 1, 1] };
    const p = model.probabilities('requestType', model.resolve(fv));
    const z = REQUEST_TYPES.map((t) => (t === 'help' ? 1 : 0) + (t === 'complaint' ? 6 * 0.5 : 0) + (t === 'consultation' ? 2.5 : 0));
    const expected = softmax(Float64Array.from(z));
    for (let i = 0; i < z.length; i++) expect(p[i]).toBeCloseTo(expected[i]!, 12);
    expect([...p].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('lists the positive contributions to a label, largest first', () => {
    const model = new LinearModel(tinyModel());
    const r = model.resolve({ keys: ['c:吵', 'w:噪音', 'w:垃圾'], values: [1, 1, 1] });
    expect(model.contributions('category', r, 'environmental-protection/noise')).toEqual([
      { key: 'w:噪音', weight: 3 },
      { key: 'c:吵', weight: 1.5 },
    ]);
  });

  it('refuses a malformed model', () => {
    expect(() => new LinearModel(tinyModel({ format: 'other' as never }))).toThrow(/format/);
    const odd = tinyModel();
    odd.heads.category.weights[0] = [1, 2, 3];
    expect(() => new LinearModel(odd)).toThrow(/odd length/);
    const outOfRange = tinyModel();
    outOfRange.heads.urgency.weights[0] = [7, 100];
    expect(() => new LinearModel(outOfRange)).toThrow(/out of range/);
    expect(() => new LinearModel(tinyModel({ features: ['w:a', 'w:a', ...Object.keys(FEATURES).slice(2)] }))).toThrow(/unique/);
    expect(() => parseModelData({ format: MODEL_FORMAT })).toThrow(/vocabulary/);
    expect(() => parseModelData(null)).toThrow(/not an object/);
  });
});

describe('createModelClassifier', () => {
  const classifier = createModelClassifier({ model: tinyModel() });
  const classify = (content: string, channel: 'phone' | 'enterprise' = 'phone') => classifier.classify({ content, channel });

  it('picks the category, its department and route, and names the deciding words', () => {
    const r = classify('垃圾投诉');
    // category: sanitation 21 × 1/3 = 7, every other 0; request type: complaint 6 × 1/3 = 2 > help's bias 1
    expect(r.category.code).toBe('urban-management/sanitation');
    expect(r.department).toEqual({ code: 'urban-management', name: '区城市管理和综合执法局' });
    expect(r.routeTo).toBe('grid');
    expect(r.requestType).toBe('complaint');
    expect(r.explanation?.category[0]).toBe('垃圾');
    expect(r.explanation?.requestType).toContain('投诉');
    expect(r.reason).toContain('“垃圾” → 城市管理/市容环境卫生');
    expect(r.classifier).toBe('model 2026-01-01T00:00:00.000Z');
  });

  it('confidence is the probability of the dispatch target: categories of one department and route add up', () => {
    const both = classify('摆摊垃圾');
    // n = 9 (2 words, 4 characters, 3 bigrams): sanitation and street-vending 21/3 = 7 each, both 城管 down the
    // grid; every other category 0
    const e = Math.exp(7);
    const expected = (2 * e) / (2 * e + (categories.length - 2));
    expect(both.department.code).toBe('urban-management');
    expect(both.confidence).toBeCloseTo(Math.round(expected * 100) / 100, 10);
    expect(both.alternatives?.[0]?.code).toMatch(/^urban-management\//);
  });

  it('sends an unsure case to manual triage, and the fallback category always', () => {
    expect(classify('垃圾投诉').manualTriage).toBe(false);
    const unsure = createModelClassifier({ model: tinyModel(), triageThreshold: 0.999 }).classify({ content: '垃圾投诉', channel: 'phone' });
    expect(unsure.manualTriage).toBe(true);
    expect(unsure.reason).toContain('低于自动派单阈值 0.999，转人工分拨');
    const fallback = createModelClassifier({
      model: tinyModel({ heads: { ...tinyModel().heads, category: { ...tinyModel().heads.category, bias: categories.map((c) => (c === 'other/unclassified' ? 900 : 0)) } } }),
    }).classify({ content: '你好', channel: 'phone' });
    expect(fallback.category.code).toBe('other/unclassified');
    expect(fallback.manualTriage).toBe(true);
    expect(fallback.reason).toContain('未能归类');
  });

  it('a forced-category phrase overrides the model, with at least FORCED_CONFIDENCE', () => {
    const r = classify('垃圾桶旁边有很重的煤气味');
    expect(r.category.code).toBe('utilities/gas');
    expect(r.confidence).toBeGreaterThanOrEqual(FORCED_CONFIDENCE);
    expect(r.explanation?.rules.join()).toContain('“煤气味” → 水电气公用事业/燃气');
    expect(r.explanation?.category).toEqual(['煤气味']);
  });

  it('forced phrases of two categories cancel out: the model decides', () => {
    const r = classify('垃圾堆里有煤气味，还担心登革热');
    expect(r.category.code).toBe('urban-management/sanitation');
    expect(r.explanation?.rules.join()).toContain('规则冲突');
  });

  it('an urgent keyword forces urgency; the model makes urgent at its threshold', () => {
    const byRule = classify('楼道里燃气泄漏了');
    expect(byRule.urgency).toBe('urgent');
    expect(byRule.explanation?.urgency).toEqual(['燃气泄漏']);
    expect(classifier.classifyWithDetails({ content: '楼道里燃气泄漏了', channel: 'phone' }).urgentByRule).toBe(true);

    // "异响" (no urgent keyword): w:异响 c:异 c:响 b:异响, n = 4, so 3.6 × 1/2 = 1.8 against normal's bias 2:
    // p(urgent) = e^1.8 / (e^1.8 + e^2) ≈ 0.45, below 0.5 and above 0.4
    const smoke = { content: '异响', channel: 'phone' as const };
    expect(classifier.classifyWithDetails(smoke).urgentProbability).toBeCloseTo(Math.exp(1.8) / (Math.exp(1.8) + Math.exp(2)), 10);
    expect(classifier.classify(smoke).urgency).toBe('normal');
    const lower = createModelClassifier({ model: tinyModel(), urgentThreshold: 0.4 }).classify(smoke);
    expect(lower.urgency).toBe('urgent');
    expect(lower.explanation?.urgency).toEqual(['异响']);
    expect(lower.reason).toContain('“异响” → 紧急（模型概率 0.45）');
  });

  it('a negated urgent keyword is no rule ("没有着火"), but its question form still is ("有没有人受伤")', () => {
    const details = (content: string) => classifier.classifyWithDetails({ content, channel: 'phone' });
    expect(details('楼下没有着火，只是想问消防检查').urgentByRule).toBe(false);
    expect(details('刚才车撞了护栏，没有人受伤').urgentByRule).toBe(false);
    expect(details('冇漏气，只系想换条喉').urgentByRule).toBe(false);
    expect(details('车翻了，不知道有没有人受伤').urgentByRule).toBe(true);
    expect(details('系唔系着火？好大烟').urgentByRule).toBe(true);
    // the negation covers only the keyword right after it
    expect(details('没有人管，现在着火了').urgentByRule).toBe(true);
  });

  it('routes a contextual category by channel and request type', () => {
    // 欠薪 (contextual): a worker's complaint goes down the grid, the enterprise line straight to 人社
    const worker = classify('老板拖欠工资，我要投诉');
    expect(worker.category.code).toBe('labour/wage-arrears'); // forced by 拖欠工资
    expect(worker.routeTo).toBe('grid');
    expect(classify('员工反映拖欠工资', 'enterprise').routeTo).toBe('department');
  });

  it('refuses thresholds outside 0..1 and a model that lacks a category', () => {
    expect(() => createModelClassifier({ model: tinyModel(), triageThreshold: 1.5 })).toThrow(/between 0 and 1/);
    const short = tinyModel();
    short.heads.category = { ...short.heads.category, labels: categories.slice(1), bias: categories.slice(1).map(() => 0), weights: short.features.map(() => []) };
    expect(() => createModelClassifier({ model: short })).toThrow(/lacks category/);
  });
});

describe('displayWords', () => {
  it('merges overlapping n-grams, keeps the strongest first and expands rule features to their words', () => {
    const matched = new Map([['k:utilities/gas', ['煤气味']]]);
    const words = displayWords(
      [
        { key: 'b:垃圾', weight: 5 },
        { key: 'c:垃', weight: 4 },
        { key: 'w:垃圾桶', weight: 3 },
        { key: 'k:utilities/gas', weight: 2 },
        { key: 'ch:enterprise', weight: 1.5 },
      ],
      { matched },
      5,
    );
    expect(words).toEqual(['垃圾桶', '煤气味', '企业服务专席']);
  });

  it('names no weak feature, no bigram that is not a word, and a single character only when it weighs nearly the most', () => {
    const words = displayWords(
      [
        { key: 'w:噪音', weight: 4 },
        { key: 'b:音很', weight: 3.5 },
        { key: 'c:吵', weight: 2.5 },
        { key: 'c:的', weight: 1.5 },
        { key: 'w:楼下', weight: 0.9 },
      ],
      { matched: new Map() },
      5,
      (w) => w === '噪音' || w === '楼下',
    );
    expect(words).toEqual(['噪音', '吵']);
  });
});
