// The classifier the hotline ships (model.json + rules.ts): it loads, knows the whole taxonomy, and decides the
// demo sentences and the foundation's table of realistic requests (test/domain/classification/
// rule-classifier.test.ts, written before the labelled set and not part of it) the way a supervisor would.
// Its held-out figures come from `npm run classifier:eval`, not from here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { prepareText } from '../../../shared/domain/classification/classifier-text.js';
import { FeatureResolver } from '../../../shared/domain/classification/feature-resolver.js';
import { extractFeatures } from '../../../shared/domain/classification/features.js';
import { compileRules } from '../../../shared/domain/classification/rule-tables.js';
import { Segmenter } from '../../../shared/domain/classification/segmenter.js';
import { parseLabelledFile } from '../../../shared/domain/classification/training/labelled-set.js';
import { createHotlineClassifier, shippedModel } from '../../../shared/domain/classification/hotline-classifier.js';
import { CATEGORIES } from '../../../shared/domain/classification/categories.js';
import { TABLE } from './realistic-requests.js';

const classifier = createHotlineClassifier();
const classify = (content: string, channel: 'phone' | 'enterprise' | 'wechat' = 'phone') => classifier.classify({ content, channel });

describe('the shipped model', () => {
  it('knows every category of the taxonomy and stays small', () => {
    expect([...shippedModel().labels('category')].sort()).toEqual(CATEGORIES.map((c) => c.code).sort());
    const bytes = statSync(fileURLToPath(new URL('../../../shared/domain/classification/model.json', import.meta.url))).size;
    // the issue allows 5 MB; 400 KB is what keeps the intake bundle under the 1 MB of docs/performance.md
    // (3,195 requests and the domain lexicon took the model from 280 KB to 328 KB in round 3)
    expect(bytes).toBeLessThan(400 * 1024);
  });

  it('the run-time feature shortcut sees exactly what training sees, on every labelled request', () => {
    const model = shippedModel();
    const segmenter = new Segmenter(model.vocabulary);
    const rules = compileRules();
    const resolver = new FeatureResolver(model.features);
    const dir = fileURLToPath(new URL('../../../data/classification/labelled/', import.meta.url));
    const texts = readdirSync(dir).flatMap((f) => parseLabelledFile(readFileSync(`${dir}${f}`, 'utf8'), f)).map((e) => e.text);
    texts.push('部𨋢突然停咗，𨋢门开唔到', '𠮷野家门口', 'ＫＴＶ　太吵　１２３');
    const asPairs = (r: { ids: Int32Array; values: Float64Array }) => [...r.ids].map((id, i) => `${id}=${r.values[i]!.toFixed(12)}`).sort();
    for (const text of texts) {
      const prepared = prepareText(text);
      const slow = model.resolve(extractFeatures(prepared, 'enterprise', segmenter, rules));
      const fast = resolver.resolve(prepared, 'enterprise', segmenter, rules).known;
      expect(asPairs(fast), text).toEqual(asPairs(slow));
    }
  });

  it('takes its thresholds from the model unless told otherwise', () => {
    expect(classifier.triageThreshold).toBe(shippedModel().thresholds.triage);
    expect(createHotlineClassifier({ triageThreshold: 0.3 }).triageThreshold).toBe(0.3);
  });
});

describe('demo sentences', () => {
  it('uncollected rubbish is a sanitation complaint for the grid, and says why', () => {
    const r = classify('黄埔区大沙街道丰乐北路 小区门口垃圾三天没人清运');
    expect(r.category.code).toBe('urban-management/sanitation');
    expect(r.department.name).toBe('区城市管理和综合执法局');
    expect(r.routeTo).toBe('grid');
    expect(r.urgency).toBe('normal');
    expect(r.manualTriage).toBe(false);
    expect(r.explanation?.category).toContain('垃圾');
  });

  it('a gas smell, in traditional characters, is urgent and names the words', () => {
    const r = classify('樓道裡有很重的煤氣味，好像燃氣洩漏了');
    expect(r.category.code).toBe('utilities/gas');
    expect(r.urgency).toBe('urgent');
    expect(r.explanation?.urgency).toContain('燃气泄漏');
    expect(r.reason).toContain('紧急');
  });

  it('an enterprise asking after a policy payment goes straight to the department', () => {
    const r = classify('我司申请的高新技术企业研发补贴，政策兑现进度怎么查询？', 'enterprise');
    expect(r.category.code).toBe('policy-payments/enterprise-subsidies');
    expect(r.department.name).toBe('区民营经济和企业服务局');
    expect(r.routeTo).toBe('department');
    expect(r.requestType).toBe('consultation');
  });

  it('Cantonese is understood', () => {
    const r = classify('楼上成晚拖凳，好嘈啊，瞓唔着', 'wechat');
    expect(r.category.code).toBe('environmental-protection/noise');
    expect(r.requestType).toBe('complaint');
  });

  it('every word of an explanation is in the request as read', () => {
    for (const row of TABLE) {
      const r = classify(row.text, row.channel === 'enterprise' ? 'enterprise' : 'phone');
      const read = prepareText(row.text);
      const words = [...r.explanation!.category, ...r.explanation!.requestType, ...r.explanation!.urgency].filter((w) => w !== '企业服务专席');
      for (const w of words) expect(read, `${w} in ${row.text}`).toContain(w);
    }
  });
});

describe("the foundation's table of realistic requests (not in the training data)", () => {
  it('reaches the right department for at least 90% of them', () => {
    const right = TABLE.filter((row) => classify(row.text, row.channel === 'enterprise' ? 'enterprise' : 'phone').department.code === row.department);
    expect(right.length / TABLE.length).toBeGreaterThanOrEqual(0.9);
  });
});
