// Applies the per-caller limit to one intake request: counts it against each of its counters, or says which
// limit it is over and when to come back. A retry with an Idempotency-Key that already holds a case is never
// refused (the caller must be able to learn the answer it missed).
import type { RateLimitStore } from '../adapters/dynamo/rate-limit-store.js';
import { rateCounters, windowOf, type RateLimits } from '../security/intake-rate-limit.js';

export type RateLimitOutcome = { ok: true } | { ok: false; field: 'caller.phone' | 'source-ip'; limit: number; windowSeconds: number; retryAfterSeconds: number };

export async function checkIntakeRateLimit(
  store: Pick<RateLimitStore, 'take'>,
  caller: { phone?: string | undefined; sourceIp?: string | undefined },
  limits: RateLimits,
  now: Date,
  isKnownRetry: () => Promise<boolean>,
): Promise<RateLimitOutcome> {
  for (const counter of rateCounters(caller, limits)) {
    const window = windowOf(counter.windowSeconds, now.getTime());
    if (await store.take(counter.key, window.start, counter.windowSeconds, counter.limit)) continue;
    if (await isKnownRetry()) return { ok: true };
    return { ok: false, field: counter.field, limit: counter.limit, windowSeconds: counter.windowSeconds, retryAfterSeconds: window.retryAfterSeconds };
  }
  return { ok: true };
}
