// The run-time text pipeline: preparation (normalisation and masking), the vocabulary segmenter and the features.
import { describe, expect, it } from 'vitest';
import { prepareText } from '../../../shared/domain/classification/classifier-text.js';
import { extractFeatures } from '../../../shared/domain/classification/features.js';
import { CATEGORIES } from '../../../shared/domain/classification/categories.js';
import { compileRules, DEFAULT_RULES, prepareKeywords } from '../../../shared/domain/classification/rule-tables.js';
import { Segmenter, splitRuns } from '../../../shared/domain/classification/segmenter.js';

describe('prepareText', () => {
  it('turns full-width into half-width, traditional into simplified, and lower-cases latin', () => {
    expect(prepareText('樓下ＫＴＶ　半夜唱歌')).toBe('楼下ktv 半夜唱歌');
    expect(prepareText('燃氣洩漏')).toBe('燃气泄漏');
  });

  it('masks phone and ID numbers, also when typed full-width', () => {
    const prepared = prepareText('我电话１３８１２３４５６７８，身份证44011219900101123X，座机020-82221234');
    expect(prepared).not.toMatch(/13812345678|44011219900101123x|82221234/);
    expect(prepared).toContain('[电话]');
    expect(prepared).toContain('[身份证号]');
  });

  it('drops spaces between Chinese characters only', () => {
    expect(prepareText('垃 圾 站  旁边 ok now')).toBe('垃圾站旁边 ok now');
  });
});

describe('Segmenter (bidirectional maximum matching)', () => {
  const segmenter = new Segmenter(['垃圾', '垃圾站', '清运', '三天', '没人', '研究', '研究生', '生命', '起源']);

  it('takes the longest vocabulary word and keeps unknown characters single', () => {
    expect(segmenter.segment('垃圾站三天没人清运')).toEqual(['垃圾站', '三天', '没人', '清运']);
    expect(segmenter.segment('门口垃圾')).toEqual(['门', '口', '垃圾']);
  });

  it('prefers the cut with fewer pieces: backward matching where forward goes wrong', () => {
    // forward: 研究生 / 命 / 起源 (3 pieces, 1 single); backward: 研究 / 生命 / 起源 (3 pieces, 0 singles)
    expect(segmenter.segment('研究生命起源')).toEqual(['研究', '生命', '起源']);
  });

  it('keeps latin and digit runs whole and drops punctuation', () => {
    expect(segmenter.segment('楼下ktv，26路!')).toEqual(['楼', '下', 'ktv', '26', '路']);
    expect(splitRuns('a1，垃圾 b')).toEqual([
      { text: 'a1', chinese: false },
      { text: '垃圾', chinese: true },
      { text: 'b', chinese: false },
    ]);
  });

  it('cuts a run with characters outside the BMP per character', () => {
    expect(segmenter.segment('部𨋢坏咗')).toEqual(['部', '𨋢', '坏', '咗']);
  });

  it('ignores one-character vocabulary entries', () => {
    expect(new Segmenter(['垃', '垃圾']).size).toBe(1);
  });
});

describe('extractFeatures', () => {
  const rules = compileRules();
  const segmenter = new Segmenter(['垃圾', '清运', '煤气', '泄漏']);

  it('gives words, characters and bigrams, each weighted 1/√n', () => {
    const fv = extractFeatures(prepareText('垃圾清运'), 'phone', segmenter, rules);
    const text = fv.keys.filter((k) => /^[wcb]:/.test(k)).sort();
    expect(text).toEqual(['b:圾清', 'b:清运', 'b:垃圾', 'c:圾', 'c:清', 'c:运', 'c:垃', 'w:垃圾', 'w:清运'].sort());
    const value = fv.values[fv.keys.indexOf('w:垃圾')]!;
    expect(value).toBeCloseTo(1 / Math.sqrt(9), 10);
    expect(fv.keys).toContain('ch:phone');
  });

  it('adds the keyword family of a category, valued by the characters of its distinct keywords ÷ 2', () => {
    const fv = extractFeatures(prepareText('门口垃圾没人清运，垃圾桶满了'), 'web', segmenter, rules);
    const key = 'k:urban-management/sanitation';
    expect(fv.matched.get(key)).toEqual(expect.arrayContaining(['垃圾', '清运', '垃圾桶']));
    const words = fv.matched.get(key)!;
    expect(fv.values[fv.keys.indexOf(key)]).toBe(words.reduce((n, w) => n + [...w].length, 0) / 2);
    expect(fv.keys).toContain('ch:web');
  });

  it('adds the domain lexicon of a category as its own feature, without taking a keyword from a family', () => {
    const rules = compileRules({
      ...DEFAULT_RULES,
      categoryKeywords: [{ category: 'housing-construction/construction-site', keywords: ['施工'] }],
      categoryLexicon: [{ category: 'environmental-protection/noise', keywords: ['通宵施工', '打桩机'] }],
    });
    const fv = extractFeatures(prepareText('隔壁工地通宵施工，打桩机响个不停'), 'phone', segmenter, rules);
    expect(fv.matched.get('x:environmental-protection/noise')).toEqual(['通宵施工', '打桩机']);
    expect(fv.values[fv.keys.indexOf('x:environmental-protection/noise')]).toBe((4 + 3) / 2);
    // the family keyword inside the longer lexicon phrase still counts: the two tables have separate contests
    expect(fv.matched.get('k:housing-construction/construction-site')).toEqual(['施工']);
  });

  it('finds urgent keywords through traditional characters, and forced-category phrases', () => {
    const fv = extractFeatures(prepareText('樓道裡面有煤氣味，好像燃氣洩漏了'), 'phone', segmenter, rules);
    expect(fv.urgentWords).toEqual(expect.arrayContaining(['燃气泄漏']));
    expect(fv.keys).toContain('u:keyword');
    expect([...fv.forced.keys()]).toEqual(['utilities/gas']);
  });

  it('an exception phrase cancels the urgent keyword inside it', () => {
    expect(extractFeatures(prepareText('我是特困人员，补贴没发'), 'phone', segmenter, rules).urgentWords).toEqual([]);
    expect(extractFeatures(prepareText('电梯困人了'), 'phone', segmenter, rules).urgentWords).toEqual(['困人']);
  });

  it('never turns a masked phone number into features', () => {
    const fv = extractFeatures(prepareText('路灯坏了，电话13812345678'), 'phone', segmenter, rules);
    expect(fv.keys.some((k) => /\d{5}/.test(k))).toBe(false);
  });

  it('marks a question', () => {
    expect(extractFeatures(prepareText('几点开门？'), 'phone', segmenter, rules).keys).toContain('q:question');
  });
});

describe('the rule tables', () => {
  it('refuse an unknown category and a one-character keyword', () => {
    expect(() => compileRules({ ...DEFAULT_RULES, forcedCategories: [{ category: 'nope/nope' as never, phrases: ['什么'] }] })).toThrow(/unknown category/);
    expect(() => compileRules({ ...DEFAULT_RULES, urgentKeywords: ['火'] })).toThrow(/shorter than 2/);
    expect(() => compileRules({ ...DEFAULT_RULES, categoryLexicon: [{ category: 'nope/nope' as never, keywords: ['什么'] }] })).toThrow(/unknown category/);
  });

  it('ship a lexicon for every category, each word once', () => {
    for (const c of CATEGORIES) {
      const entry = DEFAULT_RULES.categoryLexicon.find((r) => r.category === c.code);
      expect(entry?.keywords.length, c.code).toBeGreaterThanOrEqual(20);
      expect(new Set(entry!.keywords).size, c.code).toBe(entry!.keywords.length);
    }
  });
});

describe('prepareKeywords', () => {
  it('prepares every shipped keyword exactly as prepareText does one by one', () => {
    const all = [
      ...DEFAULT_RULES.categoryKeywords.flatMap((r) => r.keywords),
      ...DEFAULT_RULES.categoryLexicon.flatMap((r) => r.keywords),
      ...DEFAULT_RULES.requestTypeCues.flatMap((r) => r.cues),
      ...DEFAULT_RULES.urgentKeywords,
      ...DEFAULT_RULES.urgentExceptions,
      ...DEFAULT_RULES.forcedCategories.flatMap((r) => r.phrases),
    ];
    const prepared = prepareKeywords(all);
    expect(prepared.size).toBe(new Set(all).size);
    expect(all.filter((k) => prepared.get(k) !== prepareText(k))).toEqual([]);
  });

  it('leaves a keyword holding the separator to prepareText, and converts traditional and full-width in the batch', () => {
    const prepared = prepareKeywords(['燃氣洩漏', 'ＫＴＶ擾民', 'a|b']);
    expect(prepared.get('燃氣洩漏')).toBe('燃气泄漏');
    expect(prepared.get('ＫＴＶ擾民')).toBe('ktv扰民');
    expect(prepared.has('a|b')).toBe(false);
  });
});
