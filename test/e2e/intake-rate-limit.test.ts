// The per-caller limit on intake, through the API: a caller over the limit gets 429 with Retry-After and a
// clear message, nothing is written for the refused request, a retry of a case already taken in is still
// answered, and other callers are not affected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDynamoClient } from '../../infra/local/dynamo/local-client.js';
import { startLocalRuntime, type LocalRuntime } from '../../infra/local/runtime.js';
import { normalisePhone, rateCounters, windowOf } from '../../shared/security/intake-rate-limit.js';
import { itemCount } from '../fuzz/support/item-count.js';

let runtime: LocalRuntime;

beforeAll(async () => {
  process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
  runtime = await startLocalRuntime({ port: 0, startPollers: false });
});
afterAll(async () => {
  delete process.env.INTAKE_RATE_LIMIT_PER_PHONE;
  delete process.env.INTAKE_RATE_LIMIT_PER_IP;
  await runtime?.stop();
});

const post = (phone: string, key?: string, content = '大沙街道丰乐北路路灯坏了很久') =>
  fetch(`${runtime.apiUrl}/cases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
    body: JSON.stringify({ channel: 'web', content, caller: { phone } }),
  });

describe('intake rate limit', () => {
  it('refuses a caller past the limit with 429 and Retry-After, writing nothing, and answers retries and others', async () => {
    process.env.INTAKE_RATE_LIMIT_PER_PHONE = '2';
    const dynamo = localDynamoClient(runtime.dynamoEndpoint);
    try {
      expect((await post('13800000001', 'rl-1')).status).toBe(201);
      expect((await post('+86 138 0000 0001')).status).toBe(201); // the same caller, written otherwise
      const before = await itemCount(dynamo, runtime.tableName);
      const refused = await post('138-0000-0001');
      expect(refused.status).toBe(429);
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(3600);
      expect(await refused.json()).toMatchObject({ error: { code: 'rate_limited', message: expect.stringContaining('at most 2 per hour'), details: [{ field: 'caller.phone' }] } });
      expect(await itemCount(dynamo, runtime.tableName)).toBe(before);
      // the first request again (its answer was lost): still answered, with its case
      const retry = await post('13800000001', 'rl-1');
      expect(retry.status).toBe(201);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect((await post('13900000002')).status).toBe(201);
    } finally {
      dynamo.destroy();
    }
  });

  it('can limit by source IP too, and turns off with 0', async () => {
    process.env.INTAKE_RATE_LIMIT_PER_PHONE = '0';
    process.env.INTAKE_RATE_LIMIT_PER_IP = '3';
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await post(`1370000000${i}`)).status);
    // earlier requests of this minute (the first test) may already count against the IP
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(2);
    process.env.INTAKE_RATE_LIMIT_PER_IP = '0';
    expect((await post('13700000009')).status).toBe(201);
  });
});

describe('rate limit rules', () => {
  it('counts a mainland number once however it is written, and never in clear', () => {
    expect(normalisePhone('+86 138-0013-8000')).toBe('13800138000');
    const [a] = rateCounters({ phone: '+86 13800138000' }, { perPhonePerHour: 5, perIpPerMinute: 0 });
    const [b] = rateCounters({ phone: '138 0013 8000' }, { perPhonePerHour: 5, perIpPerMinute: 0 });
    expect(a!.key).toBe(b!.key);
    expect(a!.key).not.toContain('138');
    expect(rateCounters({ phone: '13800138000', sourceIp: '1.2.3.4' }, { perPhonePerHour: 0, perIpPerMinute: 0 })).toEqual([]);
  });

  it('uses fixed windows and says how long until the next', () => {
    expect(windowOf(3600, Date.parse('2026-11-23T10:59:30Z'))).toEqual({ start: Date.parse('2026-11-23T10:00:00Z') / 1000, retryAfterSeconds: 30 });
  });
});
