// The personal data the end-to-end flow sends, and every form in which it could leak into a log: as typed,
// digits only, spaced or dashed, JSON-escaped (\uXXXX) and URL-encoded.

export const CALLER = {
  name: '欧阳晓明',
  phone: '13912345678',
  /** a made-up mainland ID number of the right shape */
  idNumber: '44011219900307123X',
};

export function leakForms(value: string): string[] {
  const forms = new Set<string>([value, value.toLowerCase()]);
  const digits = value.replace(/\D/g, '');
  if (digits.length >= 7) {
    forms.add(digits);
    forms.add(`${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`);
    forms.add(`${digits.slice(0, 3)}-${digits.slice(3, 7)}-${digits.slice(7)}`);
  }
  forms.add(JSON.stringify(value).slice(1, -1).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  forms.add(encodeURIComponent(value));
  return [...forms].filter((f) => f.length >= 4);
}

/** Every leak form of every personal value that occurs in the text, with a little context. */
export function findLeaks(text: string, values: string[]): string[] {
  const found: string[] = [];
  for (const value of values) {
    for (const form of leakForms(value)) {
      const at = text.indexOf(form);
      if (at >= 0) found.push(`${form} … ${text.slice(Math.max(0, at - 80), at + form.length + 40).replace(/\s+/g, ' ')}`);
    }
  }
  return found;
}
