// House numbers after a road name, and odd/even ranges.
import { describe, expect, it } from 'vitest';
import { chineseNumeral, describeRanges, inRanges, leadingHouseNumber } from '../../../shared/domain/routing/house-number.js';

describe('house numbers', () => {
  it('reads arabic and Chinese numbers in the forms callers write', () => {
    expect(leadingHouseNumber('12号楼下')).toBe(12);
    expect(leadingHouseNumber('12-3号')).toBe(12);
    expect(leadingHouseNumber('128號')).toBe(128);
    expect(leadingHouseNumber('5栋')).toBe(5);
    expect(leadingHouseNumber('二十八号')).toBe(28);
    expect(leadingHouseNumber('一百零五号')).toBe(105);
    expect(leadingHouseNumber('与青年路交界')).toBeUndefined();
    expect(leadingHouseNumber('12')).toBeUndefined();
    expect(leadingHouseNumber('')).toBeUndefined();
  });

  it('converts Chinese numerals, digit by digit when there is no unit', () => {
    expect(chineseNumeral('十')).toBe(10);
    expect(chineseNumeral('十二')).toBe(12);
    expect(chineseNumeral('二百')).toBe(200);
    expect(chineseNumeral('二〇八')).toBe(208);
    expect(chineseNumeral('两千零一')).toBe(2001);
    expect(chineseNumeral('abc')).toBeUndefined();
  });

  it('honours odd and even sides', () => {
    const ranges = [
      { from: 1, to: 199, side: 'odd' as const },
      { from: 500, to: 599, side: 'both' as const },
    ];
    expect(inRanges(17, ranges)).toBe(true);
    expect(inRanges(18, ranges)).toBe(false);
    expect(inRanges(201, ranges)).toBe(false);
    expect(inRanges(550, ranges)).toBe(true);
    expect(describeRanges([{ from: 2, to: 200, side: 'even' }, ...ranges])).toBe('2-200双号、1-199单号、500-599号');
  });
});
