// Case ids: readable and sortable, "HP-20261123-000123" = Huangpu, the Beijing-time day, that day's number.

export const CASE_ID_PREFIX = 'HP';
/** up to 9 digits a day (a billion cases): a longer id is no case of ours, and would not fit a DynamoDB key */
export const CASE_ID_PATTERN = /^HP-\d{8}-\d{6,9}$/;

export function formatCaseId(dayKey: string, number: number): string {
  if (!/^\d{8}$/.test(dayKey)) throw new Error(`bad day key ${dayKey}`);
  if (!Number.isInteger(number) || number < 1) throw new Error(`bad case number ${number}`);
  return `${CASE_ID_PREFIX}-${dayKey}-${String(number).padStart(6, '0')}`;
}

export function isCaseId(value: string): boolean {
  return CASE_ID_PATTERN.test(value);
}
