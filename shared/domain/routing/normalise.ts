// Text normalisation before place-name matching: full-width → half-width, no whitespace, and the
// province / city / district prefixes (广东省, 广州市, 黄埔区 …) taken out, since they say nothing about the street.
import { toHalfWidth } from '../text/half-width.js';

export interface NormaliseOptions {
  /** the district's full names to take out wherever they appear, e.g. 黄埔区 and the former 萝岗区 */
  districtNames: readonly string[];
  /** the district's bare short name (黄埔), taken out only at the start and only before a street name */
  districtShortName?: string;
  /** whether the text starts with a street's name or alias (decides whether the short name is a prefix) */
  startsWithStreet?: (text: string) => boolean;
}

const WHITESPACE = /(?:\s|\u200b|\u200c|\u200d)+/g; // \s covers the BOM (U+FEFF) and U+3000
const LEADING_REGION = /^(?:中华人民共和国|中国)?(?:广东省|广东)?(?:广州市|广州)?/;
const REGION_ANYWHERE = /广东省|广州市/g;

/**
 * Normalises an address or a content text for matching. "广东省广州市黄埔区大沙街道丰乐北路 小区" →
 * "大沙街道丰乐北路小区". 黄埔区 is not 黄埔街道: only the full district name is removed anywhere; the bare
 * 黄埔 only when it starts the text and a street name follows it (黄埔大沙街道 → 大沙街道), so 黄埔街道,
 * 黄埔东路 or 黄埔军校 stay as they are.
 */
export function normaliseText(text: string, options: NormaliseOptions): string {
  let out = toHalfWidth(text).replace(WHITESPACE, '');
  out = out.replace(LEADING_REGION, '').replace(REGION_ANYWHERE, '');
  for (const name of options.districtNames) out = out.split(name).join('');
  const short = options.districtShortName;
  if (short && out.startsWith(short) && options.startsWithStreet?.(out.slice(short.length))) {
    out = out.slice(short.length);
  }
  return out;
}
