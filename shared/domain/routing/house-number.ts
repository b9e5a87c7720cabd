// House numbers (门牌号) after a road name: "丰乐北路12号", "12-3号", "12号之一", "十二号", "大院" forms, and
// whether a number lies in a road's ranges (单号 odd, 双号 even, or both sides).
import type { NumberRange } from '../jurisdiction/schema.js';

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 十二 → 12, 一百零五 → 105, 二〇八 (digit by digit) → 208; undefined if not a Chinese numeral. */
export function chineseNumeral(text: string): number | undefined {
  if (!text) return undefined;
  if (![...text].every((c) => c in DIGITS || c in UNITS)) return undefined;
  if (![...text].some((c) => c in UNITS)) {
    // read digit by digit: 二〇八 = 208
    return Number([...text].map((c) => DIGITS[c]).join(''));
  }
  let total = 0;
  let digit = 0;
  for (const c of text) {
    if (c in DIGITS) digit = DIGITS[c]!;
    else {
      total += (digit || 1) * UNITS[c]!; // 十二: a unit with no digit before it counts once
      digit = 0;
    }
  }
  return total + digit;
}

const ARABIC = /^(\d{1,5})(?:[-—_]\d{1,4})?(?:号|號|栋|棟|座|大院)/;
const CHINESE = /^([零〇一二两三四五六七八九十百千]{1,6})号/;

/**
 * The house number that starts `text` (what follows a road name), if any: "12号", "12-3号" (12), "十二号"
 * (12); digits followed by 栋 or 座 count too, as callers write a compound's building numbers that way.
 */
export function leadingHouseNumber(text: string): number | undefined {
  const arabic = ARABIC.exec(text);
  if (arabic) return Number(arabic[1]);
  const chinese = CHINESE.exec(text);
  return chinese ? chineseNumeral(chinese[1]!) : undefined;
}

/** Whether the number lies in one of the ranges (odd / even sides honoured). */
export function inRanges(n: number, ranges: readonly NumberRange[]): boolean {
  return ranges.some((r) => n >= r.from && n <= r.to && (r.side === 'both' || (r.side === 'odd') === (n % 2 === 1)));
}

/** 1-199 单号, 2-200 双号, 500-1999 — for reasons. */
export function describeRanges(ranges: readonly NumberRange[]): string {
  return ranges.map((r) => `${r.from}-${r.to}${r.side === 'odd' ? '单号' : r.side === 'even' ? '双号' : '号'}`).join('、');
}
