import { describe, expect, it } from 'vitest';
import { normaliseChineseText } from '../../../shared/domain/text/normalise-text.js';
import { toSimplified } from '../../../shared/domain/text/simplified.js';

describe('normaliseChineseText', () => {
  it('turns traditional place names into simplified ones', () => {
    expect(toSimplified('廣州市黃埔區大沙街道豐樂北路')).toBe('广州市黄埔区大沙街道丰乐北路');
  });

  it('turns Hong Kong variants into simplified', () => {
    expect(toSimplified('燃氣洩漏')).toBe('燃气泄漏');
  });

  it('turns full-width digits and letters into ASCII before converting', () => {
    expect(normaliseChineseText('豐樂北路１２號Ａ棟')).toBe('丰乐北路12号A栋');
  });

  it('leaves simplified text as it is', () => {
    const text = '黄埔区鱼珠街道茅岗社区路灯不亮';
    expect(normaliseChineseText(text)).toBe(text);
  });
});
