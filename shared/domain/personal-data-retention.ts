// How long a case keeps its caller's personal data, and what is left once it is gone.
//
// A case keeps the caller (name, phone, enterprise), the attachments and the unredacted text for
// `retentionDays` after intake if it is closed (结案) or merged by then; a case still open then keeps them
// while it is worked, but never longer than `retentionDays + openGraceDays`. Expiry removes the caller and the
// attachments and blanks phone numbers, ID numbers and the caller's own name in the text and the address; the
// classification, jurisdiction, owner, deadlines, timeline and every figure stay, so the anonymous statistics
// are untouched. See docs/reliability.md, "Personal data".
import { beijingDate } from './beijing-time.js';
import type { CaseRecord } from './case-record.js';
import type { CaseStatus } from './case-status.js';
import { redactNames, redactPersonalData } from '../security/mask.js';

export interface RetentionPolicy {
  retentionDays: number;
  openGraceDays: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { retentionDays: 365, openGraceDays: 180 };

const FINAL: readonly CaseStatus[] = ['closed', 'merged'];
const DAY_MS = 24 * 3600 * 1000;

export type RetentionDecision = 'expire' | 'keep_open' | 'not_due';

export function retentionDecision(record: Pick<CaseRecord, 'status' | 'createdAt'>, now: Date, policy: RetentionPolicy): RetentionDecision {
  const age = now.getTime() - Date.parse(record.createdAt);
  if (age < policy.retentionDays * DAY_MS) return 'not_due';
  if (FINAL.includes(record.status)) return 'expire';
  return age >= (policy.retentionDays + policy.openGraceDays) * DAY_MS ? 'expire' : 'keep_open';
}

/** The newest Beijing creation day (YYYY-MM-DD) whose cases may be due now: the sweep reads every marker up to it. */
export function newestDueDay(now: Date, policy: RetentionPolicy): string {
  return beijingDate(new Date(now.getTime() - policy.retentionDays * DAY_MS));
}

/** The text fields as they stay once the personal data is gone. */
export function anonymisedText(record: Pick<CaseRecord, 'content' | 'address' | 'caller'>): { content: string; address?: string } {
  const names = [record.caller?.name];
  const clean = (text: string) => redactNames(redactPersonalData(text), names);
  return { content: clean(record.content), ...(record.address !== undefined ? { address: clean(record.address) } : {}) };
}

export function retentionPolicyFrom(env: { retentionDays?: string | undefined; openGraceDays?: string | undefined }): RetentionPolicy {
  const read = (raw: string | undefined, fallback: number, name: string) => {
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a number of days, got "${raw}"`);
    return n;
  };
  return {
    retentionDays: read(env.retentionDays, DEFAULT_RETENTION.retentionDays, 'PERSONAL_DATA_RETENTION_DAYS'),
    openGraceDays: read(env.openGraceDays, DEFAULT_RETENTION.openGraceDays, 'PERSONAL_DATA_OPEN_GRACE_DAYS'),
  };
}
