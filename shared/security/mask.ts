// Masking of personal data for responses that do not need it in full.

/** 13800138000 → 138****8000; a shorter number (a landline without area code) → ******78; up to 6 digits → all stars */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length <= 6) return '*'.repeat(digits.length);
  if (digits.length < 11) return `${'*'.repeat(digits.length - 2)}${digits.slice(-2)}`;
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

/** 李小明 → 李** */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

const MAINLAND_ID = /(?<!\d)\d{17}[\dXx](?!\d)/g;
const MOBILE = /(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)/g;
const LANDLINE = /(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g;

/** Free text with ID numbers and phone numbers blanked out, for messages and places that don't need them. */
export function redactPersonalData(text: string): string {
  return text.replace(MAINLAND_ID, '[身份证号]').replace(MOBILE, '[电话]').replace(LANDLINE, '[电话]');
}

/**
 * The text with the given names blanked out as well (a caller's own name typed into the request: 王小明, and
 * the forms a hotline agent writes, 王先生 / 王女士): a name in free text cannot be found in general, but
 * the caller's own can.
 */
export function redactNames(text: string, names: ReadonlyArray<string | undefined>): string {
  let result = text;
  for (const raw of names) {
    const name = raw?.trim();
    if (!name || [...name].length < 2) continue;
    const chars = [...name];
    // a two-character surname (欧阳, 司马 …) or a one-character one: both are tried, the longer first
    const surnames = chars.length >= 3 ? [chars.slice(0, 2).join(''), chars[0]!] : [chars[0]!];
    result = result.split(name).join('[姓名]');
    for (const surname of surnames) {
      for (const title of ['先生', '女士', '小姐', '老师', '师傅']) result = result.split(`${surname}${title}`).join('[姓名]');
    }
  }
  return result;
}
