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
