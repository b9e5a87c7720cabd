import { describe, expect, it } from 'vitest';
import { maskName, maskPhone, redactPersonalData } from '../../shared/security/mask.js';
import { hashTrackingToken, newTrackingToken, tokenMatches } from '../../shared/security/tracking-token.js';

describe('masking personal data', () => {
  it('masks phones and names', () => {
    expect(maskPhone('13800138000')).toBe('138****8000');
    expect(maskPhone('020-8222 1234')).toBe('020****1234');
    // a landline without its area code keeps only its last two digits; a very short number none
    expect(maskPhone('82345678')).toBe('******78');
    expect(maskPhone('8234567')).toBe('*****67');
    expect(maskPhone('12345')).toBe('*****');
    expect(maskName('李小明')).toBe('李**');
    expect(maskName('王')).toBe('王*');
  });

  it('blanks phone and ID numbers in free text', () => {
    const text = '我电话13800138000，身份证44011219900101123X，座机020-82221234，门牌12号';
    const redacted = redactPersonalData(text);
    expect(redacted).not.toMatch(/13800138000|44011219900101123X|82221234/);
    expect(redacted).toContain('门牌12号');
    expect(redacted).toContain('[电话]');
    expect(redacted).toContain('[身份证号]');
  });
});

describe('tracking tokens', () => {
  it('match only their own hash', () => {
    const token = newTrackingToken();
    const hash = hashTrackingToken(token);
    expect(token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(tokenMatches(token, hash)).toBe(true);
    expect(tokenMatches(newTrackingToken(), hash)).toBe(false);
    expect(tokenMatches(undefined, hash)).toBe(false);
    expect(tokenMatches('', hash)).toBe(false);
  });
});
