// Text normalisation before place-name matching: the shared normalisation (full-width → half-width,
// traditional → simplified), no whitespace, the province / city / district prefixes taken out in all the
// forms callers write them (广东省广州市黄埔区, 广州黄埔区, 广州市黄埔, 廣州黃埔區, 广州开发区, the former 萝岗区,
// the common slip 黄浦区 …), and confusable characters folded (confusable.ts).
import { normaliseChineseText } from '../text/normalise-text.js';
import { foldConfusables } from './confusable.js';

export interface NormaliseOptions {
  /** the district's full names to take out wherever they appear, e.g. 黄埔区, the former 萝岗区 */
  districtNames: readonly string[];
  /** the district's bare short name (黄埔), taken out only where a region prefix ends and a place follows */
  districtShortName?: string;
  /** whether the text starts with a known place (decides whether the short name is a prefix or part of a name) */
  startsWithPlace?: (text: string) => boolean;
  /** @deprecated the old name of startsWithPlace */
  startsWithStreet?: (text: string) => boolean;
}

const WHITESPACE = /(?:\s|\u200b|\u200c|\u200d)+/g; // \s covers the BOM (U+FEFF) and U+3000
const MARK = '\ue000'; // where a region prefix was taken out (a private-use character no text carries)
const COUNTRY = /^(?:中华人民共和国|中国)/;
const REGION_ANYWHERE = /广东省|广州市|广州经济技术开发区|广州开发区|广州经济开发区/g;
const CITY_BEFORE_DISTRICT = /广州(?=黄埔)/g;
const AT_PREFIX = /(^|\ue000)(?:广东|广州|经济技术开发区|开发区)/g;

/**
 * Normalises an address or a content text for matching. "廣東省廣州市黃埔區大沙街道丰乐北路 小区" →
 * "大沙街道丰乐北路小区". 黄埔区 is not 黄埔街道: the full district name is removed anywhere; the bare 黄埔
 * only where a region prefix ended (or the text starts) and a known place follows it (黄埔大沙街道 →
 * 大沙街道), never when it begins a known name itself (黄埔街道, 黄埔东路, 黄埔军校 stay as they are).
 */
export function normaliseText(text: string, options: NormaliseOptions): string {
  let out = normaliseChineseText(text).replace(WHITESPACE, '').replace(COUNTRY, MARK);
  out = out.replace(REGION_ANYWHERE, MARK).replace(CITY_BEFORE_DISTRICT, MARK);
  for (const name of options.districtNames) out = out.split(name).join(MARK);
  // 广东 / 广州 / 开发区 right after another prefix or at the start (广东广州黄埔区 …); repeat for chains
  for (let before = ''; before !== out; ) {
    before = out;
    out = out.replace(AT_PREFIX, `$1${MARK}`);
  }
  const short = options.districtShortName;
  const startsWithPlace = options.startsWithPlace ?? options.startsWithStreet;
  if (short && startsWithPlace) {
    let from = 0;
    for (let at = out.indexOf(short, from); at !== -1; at = out.indexOf(short, from)) {
      const afterPrefix = at === 0 || out[at - 1] === MARK;
      const rest = out.slice(at + short.length).replace(/^\ue000+/, '');
      if (afterPrefix && !startsWithPlace(foldConfusables(out.slice(at))) && startsWithPlace(foldConfusables(rest))) {
        out = `${out.slice(0, at)}${MARK}${out.slice(at + short.length)}`;
      }
      from = at + 1;
    }
  }
  return foldConfusables(out.split(MARK).join(''));
}
