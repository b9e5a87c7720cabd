// End to end on the local runtime: real HTTP, the real SQS protocol, dynalite, and the same handlers that
// run on Lambda. Posts cases and waits until each reaches a grid (or the place its route ends).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalRuntime, type LocalRuntime } from '../../infra/local/runtime.js';

let runtime: LocalRuntime;

beforeAll(async () => {
  runtime = await startLocalRuntime({ port: 0, visibilityTimeoutSeconds: 2 });
});
afterAll(async () => {
  await runtime?.stop();
});

async function post(body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${runtime.apiUrl}/cases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

async function get(path: string, token: string) {
  const response = await fetch(`${runtime.apiUrl}${path}`, { headers: { 'x-tracking-token': token } });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

async function waitForStatus(caseId: string, token: string, statuses: string[], timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await get(`/cases/${caseId}`, token);
    if (statuses.includes(body.status)) return body;
    if (Date.now() > deadline) throw new Error(`case ${caseId} stuck at ${body.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('local runtime, end to end', () => {
  it('takes in the demo request and routes it to 大沙街道, a community and a grid, with a timeline of each hop', async () => {
    const created = await post({
      channel: 'phone',
      content: '黄埔区大沙街道丰乐北路 小区门口垃圾三天没人清运',
      caller: { name: '李先生', phone: '13800138000' },
      address: '黄埔区大沙街道丰乐北路',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ caseId: expect.stringMatching(/^HP-\d{8}-\d{6}$/), status: 'received', trackingToken: expect.any(String) });
    const caseId = created.body.caseId as string;
    const token = created.body.trackingToken as string;

    const finished = await waitForStatus(caseId, token, ['assigned']);
    expect(finished.jurisdiction.street).toEqual({ code: '440112005', name: '大沙街道' });
    expect(finished.jurisdiction.community).toMatchObject({ code: expect.stringMatching(/^440112005\d{3}$/), name: expect.any(String) });
    expect(finished.jurisdiction.grid).toMatchObject({ code: expect.any(String), name: expect.stringContaining('网格') });
    expect(finished.department).toEqual({ code: 'urban-management', name: '区城市管理和综合执法局' });
    expect(finished.caller.phone).toBe('138****8000');
    expect(finished.deadlines.resolveBy > finished.createdAt).toBe(true);

    const timeline = await get(`/cases/${caseId}/timeline`, token);
    expect(timeline.status).toBe(200);
    const types = timeline.body.events.map((e: { type: string }) => e.type);
    expect(types).toEqual(['received', 'classified', 'routed_to_street', 'routed_to_grid', 'assigned']);
    for (const hop of timeline.body.events.slice(2, 4)) expect(hop.reason).toEqual(expect.any(String));
  });

  it('answers a wrong token with 404, not the case', async () => {
    const created = await post({ channel: 'web', content: '南岗街道某小区楼下夜间施工噪音扰民' });
    const wrong = await get(`/cases/${created.body.caseId as string}`, 'not-the-token');
    expect(wrong.status).toBe(404);
    expect(JSON.stringify(wrong.body)).not.toContain('噪音');
    expect((await get(`/cases/${created.body.caseId as string}/timeline`, 'not-the-token')).status).toBe(404);
  });

  it('returns the same case for a retried POST with the same Idempotency-Key', async () => {
    const body = { channel: 'app', content: '黄埔街道黄埔东路路灯不亮已经一周了' };
    const first = await post(body, { 'idempotency-key': 'e2e-retry-1' });
    const second = await post(body, { 'idempotency-key': 'e2e-retry-1' });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ caseId: first.body.caseId, trackingToken: first.body.trackingToken });
    expect(second.headers.get('idempotent-replayed')).toBe('true');
  });

  it('hands a request whose community cannot be told to the street, with the reason on the timeline', async () => {
    const created = await post({ channel: 'phone', content: '南岗街道有人占道经营，摊档摆到马路上了' });
    const caseId = created.body.caseId as string;
    const token = created.body.trackingToken as string;
    const final = await waitForStatus(caseId, token, ['triage_street']);
    expect(final.owner).toMatchObject({ level: 'street', name: '南岗街道' });
    const events = (await get(`/cases/${caseId}/timeline`, token)).body.events;
    expect(events.at(-1)).toMatchObject({ type: 'triage_required', reason: expect.stringContaining('南岗街道') });
  });

  it('gives clear 4xx answers to bad input', async () => {
    const missing = await post({ channel: 'phone' });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ error: { code: 'validation_failed', details: [expect.objectContaining({ field: 'content' })] } });
    expect((await post('{not json')).status).toBe(400);
    const wrongType = await fetch(`${runtime.apiUrl}/cases`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect(wrongType.status).toBe(415);
    const huge = await post({ channel: 'phone', content: '垃'.repeat(30_000) });
    expect(huge.status).toBe(413);
    expect((await post({ channel: 'web', content: '鱼珠街道茅岗村路灯不亮' }, { 'idempotency-key': 'e2e-reuse-1' })).status).toBe(201);
    const reused = await post({ channel: 'web', content: '另一件事：鱼珠街道茅岗村井盖丢了' }, { 'idempotency-key': 'e2e-reuse-1' });
    expect(reused.status).toBe(422);
    expect(reused.body).toMatchObject({ error: { code: 'idempotency_key_reused', details: [expect.objectContaining({ field: 'idempotency-key' })] } });
    // a coordinate too fine for DynamoDB's numbers is kept to 7 decimals, not a 500
    const tiny = await post({ channel: 'app', content: '鱼珠街道茅岗村路灯不亮', location: { lat: 1e-200, lng: 113.4512345678 } });
    expect(tiny.status).toBe(201);
  });

  it('routes many cases concurrently, each to exactly one place', async () => {
    const requests = [
      '黄埔区大沙街道丰乐北路 小区门口垃圾三天没人清运',
      '南岗街道沧联大街有人占道经营，摊档摆到马路上了',
      '黄埔街道下沙市场门口的路灯坏了',
      '萝岗街道刘村大街附近工地夜间施工噪音很大',
      '长洲街道深井村的公厕很脏没人打扫',
    ];
    const created = await Promise.all(Array.from({ length: 40 }, (_, i) => post({ channel: 'phone', content: requests[i % requests.length] })));
    expect(created.every((c) => c.status === 201)).toBe(true);
    const finals = await Promise.all(created.map((c) => waitForStatus(c.body.caseId as string, c.body.trackingToken as string, ['assigned', 'triage_street', 'triage_district', 'dispatched_to_department'], 30_000)));
    for (const final of finals) {
      const timeline = await get(`/cases/${final.caseId as string}/timeline`, created.find((c) => c.body.caseId === final.caseId)!.body.trackingToken as string);
      const seqs = timeline.body.events.map((e: { seq: number }) => e.seq);
      expect(seqs).toEqual(seqs.map((_: number, i: number) => i + 1));
    }
    expect(finals.map((f) => f.status)).toEqual(finals.map(() => 'assigned'));
    expect(new Set(finals.map((f) => f.jurisdiction.street.code)).size).toBe(requests.length);
  });
});
