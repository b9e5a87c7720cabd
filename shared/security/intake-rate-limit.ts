// The per-caller limit on intake: how many cases one phone number may file per hour (and, if turned on, how
// many requests one source IP may make per minute). A phone number is counted under a salted SHA-256 of its
// digits, never in clear; the counters expire with DynamoDB's TTL. API Gateway's stage throttling bounds the
// whole API; this bounds one caller (a script, or one person calling in the same complaint again and again).
import { createHash } from 'node:crypto';

export interface RateLimits {
  /** cases per phone number per hour; 0: no limit */
  perPhonePerHour: number;
  /** requests per source IP per minute; 0: no limit (the default: call centres and mobile carriers put many callers behind one IP) */
  perIpPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { perPhonePerHour: 20, perIpPerMinute: 0 };

export interface RateCounter {
  /** the counter's name, e.g. phone#<hash> */
  key: string;
  limit: number;
  windowSeconds: number;
  /** which caller attribute this limits, for the error's details */
  field: 'caller.phone' | 'source-ip';
}

/** Mainland numbers written as +86 138…, 86-138…, 138 0013 8000 are one caller. */
export function normalisePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : digits;
}

const pseudonym = (kind: string, value: string) => createHash('sha256').update(`hotline12345:${kind}:${value}`).digest('hex').slice(0, 32);

/** The counters a request counts against (none when every limit is off). */
export function rateCounters(caller: { phone?: string | undefined; sourceIp?: string | undefined }, limits: RateLimits): RateCounter[] {
  const counters: RateCounter[] = [];
  if (limits.perPhonePerHour > 0 && caller.phone) {
    counters.push({ key: `phone#${pseudonym('phone', normalisePhone(caller.phone))}`, limit: limits.perPhonePerHour, windowSeconds: 3600, field: 'caller.phone' });
  }
  if (limits.perIpPerMinute > 0 && caller.sourceIp) {
    counters.push({ key: `ip#${pseudonym('ip', caller.sourceIp)}`, limit: limits.perIpPerMinute, windowSeconds: 60, field: 'source-ip' });
  }
  return counters;
}

/** The fixed window a moment falls in: its start (epoch seconds) and how long until it ends. */
export function windowOf(windowSeconds: number, nowMs: number): { start: number; retryAfterSeconds: number } {
  const now = Math.floor(nowMs / 1000);
  const start = now - (now % windowSeconds);
  return { start, retryAfterSeconds: Math.max(1, start + windowSeconds - now) };
}

export function rateLimitsFrom(env: { perPhone?: string | undefined; perIp?: string | undefined }): RateLimits {
  const read = (raw: string | undefined, fallback: number, name: string) => {
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number (0 turns it off), got "${raw}"`);
    return n;
  };
  return {
    perPhonePerHour: read(env.perPhone, DEFAULT_RATE_LIMITS.perPhonePerHour, 'INTAKE_RATE_LIMIT_PER_PHONE'),
    perIpPerMinute: read(env.perIp, DEFAULT_RATE_LIMITS.perIpPerMinute, 'INTAKE_RATE_LIMIT_PER_IP'),
  };
}
