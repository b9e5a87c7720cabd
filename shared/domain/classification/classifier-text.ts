// How the classifier reads citizen text, at training time and at run time alike (one function, so the two
// cannot drift): full-width → half-width and traditional → simplified (normalise-text.ts), phone and ID numbers
// masked (they are personal data and say nothing about the category), whitespace removed between Chinese
// characters, ASCII lower-cased.
import { redactPersonalData } from '../../security/mask.js';
import { normaliseChineseText } from '../text/normalise-text.js';

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}]) (?=[${CJK}])`, 'g');

export function prepareText(raw: string): string {
  return redactPersonalData(normaliseChineseText(raw))
    .replace(/\s+/g, ' ')
    .trim()
    .replace(SPACE_BETWEEN_CJK, '')
    .toLowerCase();
}

/** A Chinese character (CJK unified ideographs, extension A and compatibility ideographs). */
export function isChineseChar(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x20000 && c <= 0x2ffff);
}
