// Text normalisation: full-width, whitespace, and the region prefixes (黄埔区 is not 黄埔街道).
import { describe, expect, it } from 'vitest';
import { normaliseText } from '../../../shared/domain/routing/normalise.js';
import { toHalfWidth } from '../../../shared/domain/text/half-width.js';

const options = {
  districtNames: ['黄埔区', '萝岗区'],
  districtShortName: '黄埔',
  startsWithStreet: (text: string) => ['大沙街道', '大沙', '黄埔街道', '长洲'].some((s) => text.startsWith(s)),
};

describe('normaliseText', () => {
  it('turns full-width letters, digits and spaces into half-width and drops whitespace', () => {
    expect(toHalfWidth('ＡＢ１２３（）　')).toBe('AB123() ');
    expect(normaliseText('大沙街道　丰乐北路 １２号\t小区', options)).toBe('大沙街道丰乐北路12号小区');
  });

  it('drops the province, city and district prefixes', () => {
    expect(normaliseText('广东省广州市黄埔区大沙街道', options)).toBe('大沙街道');
    expect(normaliseText('广州黄埔区大沙街道', options)).toBe('大沙街道');
    expect(normaliseText('我住在广州市黄埔区大沙街道', options)).toBe('我住在大沙街道');
    expect(normaliseText('广州市萝岗区萝岗街道', options)).toBe('萝岗街道');
  });

  it('drops a bare 黄埔 only before a street name, never from 黄埔街道, 黄埔东路 or 黄埔军校', () => {
    expect(normaliseText('黄埔大沙街道', options)).toBe('大沙街道');
    expect(normaliseText('广州黄埔长洲岛', options)).toBe('长洲岛');
    expect(normaliseText('黄埔区黄埔街道', options)).toBe('黄埔街道');
    expect(normaliseText('黄埔街道港湾路', options)).toBe('黄埔街道港湾路');
    expect(normaliseText('黄埔东路', options)).toBe('黄埔东路');
    expect(normaliseText('黄埔军校', options)).toBe('黄埔军校');
  });
});

describe('normaliseText: more forms of the prefixes, traditional characters and confusables', () => {
  it('takes out the region in traditional characters, with 中国, and with 开发区 forms', () => {
    expect(normaliseText('廣東省廣州市黃埔區大沙街道', options)).toBe('大沙街道');
    expect(normaliseText('中国广东省广州市黄埔区大沙街道', options)).toBe('大沙街道');
    expect(normaliseText('广州开发区大沙街道', options)).toBe('大沙街道');
    expect(normaliseText('广州经济技术开发区大沙', options)).toBe('大沙');
    expect(normaliseText('广东广州黄埔大沙街道', options)).toBe('大沙街道');
  });

  it('takes out 广州黄埔 in the middle of a sentence only before a place', () => {
    expect(normaliseText('我住在广州黄埔大沙街道', options)).toBe('我住在大沙街道');
    expect(normaliseText('我住在广州黄埔东路', options)).toBe('我住在黄埔东路');
  });

  it('folds confusable characters (黄浦 → 黄埔, 罗岗 → 萝岗, 长州 → 长洲) after taking the region out', () => {
    // 罗岗区 is not a district name it knows, so it stays, folded to 萝岗区 (and the router reads 萝岗)
    expect(normaliseText('罗岗村', options)).toBe('萝岗村');
    expect(normaliseText('长州岛', options)).toBe('长洲岛');
    expect(normaliseText('广州市黄浦区大沙街道', { ...options, districtNames: [...options.districtNames, '黄浦区'] })).toBe('大沙街道');
  });
});
