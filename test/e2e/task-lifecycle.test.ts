// End to end on the local runtime: a case taken in over HTTP, routed by the real queue pollers, then worked
// by its unit through the task API with a locally minted staff token (accept → contact → resolve), and
// closed by the caller's follow-up with their tracking token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalRuntime, type LocalRuntime } from '../../infra/local/runtime.js';
import type { StaffLevel } from '../../shared/security/staff-identity.js';

let runtime: LocalRuntime;

beforeAll(async () => {
  runtime = await startLocalRuntime({ port: 0, visibilityTimeoutSeconds: 2 });
});
afterAll(async () => {
  await runtime?.stop();
});

async function call(method: string, path: string, options: { body?: unknown; headers?: Record<string, string> } = {}) {
  const response = await fetch(`${runtime.apiUrl}${path}`, {
    method,
    headers: { ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}), ...options.headers },
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

async function waitForUnit(caseId: string, token: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await call('GET', `/cases/${caseId}`, { headers: { 'x-tracking-token': token } });
    if (body.status === 'assigned' || body.status === 'dispatched_to_department') return body;
    if (Date.now() > deadline) throw new Error(`case ${caseId} did not reach a unit: ${body.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('a case from intake to its unit’s answer and the caller’s follow-up', () => {
  it('is accepted, contacted and resolved by the unit it was routed to, and closed by a satisfied caller', async () => {
    const created = await call('POST', '/cases', {
      body: { channel: 'phone', content: '黄埔区大沙街道丰乐北路 小区门口垃圾三天没人清运', caller: { name: '李先生', phone: '13800138000' }, address: '黄埔区大沙街道丰乐北路' },
    });
    expect(created.status).toBe(201);
    const { caseId, trackingToken } = created.body as { caseId: string; trackingToken: string };
    const routed = await waitForUnit(caseId, trackingToken);
    const owner = routed.owner as { code: string; level: StaffLevel };

    const auth = { authorization: `Bearer ${await runtime.staffToken({ staffId: 'e2e-handler', unitCode: owner.code, level: owner.level, role: 'handler' })}` };
    // without a token the gateway itself refuses
    expect((await call('POST', `/tasks/${caseId}/accept`)).status).toBe(401);
    // another unit's staff may not act on it
    const stranger = { authorization: `Bearer ${await runtime.staffToken({ staffId: 'e2e-other', unitCode: 'health', level: 'department', role: 'handler' })}` };
    expect((await call('POST', `/tasks/${caseId}/accept`, { headers: stranger })).status).toBe(404);

    const tasks = await call('GET', '/tasks', { headers: auth });
    expect(tasks.status).toBe(200);
    expect(tasks.body.tasks.map((t: { caseId: string }) => t.caseId)).toContain(caseId);

    expect((await call('POST', `/tasks/${caseId}/accept`, { headers: auth })).body.status).toBe('accepted');
    expect((await call('POST', `/tasks/${caseId}/contact`, { headers: auth, body: { method: 'phone', note: '已联系，今天下午到场' } })).status).toBe(200);
    const resolved = await call('POST', `/tasks/${caseId}/resolve`, { headers: auth, body: { answer: '垃圾已清运完毕，已要求物业每日清运。' } });
    expect(resolved.body.status).toBe('resolved');

    const followed = await call('POST', `/cases/${caseId}/follow-up`, { headers: { 'x-tracking-token': trackingToken }, body: { satisfaction: 'satisfied', solved: true } });
    expect(followed.status).toBe(200);
    expect(followed.body.status).toBe('closed');

    const timeline = await call('GET', `/cases/${caseId}/timeline`, { headers: { 'x-tracking-token': trackingToken } });
    const types = timeline.body.events.map((e: { type: string }) => e.type);
    expect(types.slice(-5)).toEqual(['accepted', 'contacted', 'resolved', 'followed_up', 'closed']);
    const view = await call('GET', `/cases/${caseId}`, { headers: { 'x-tracking-token': trackingToken } });
    expect(view.body).toMatchObject({ status: 'closed', statusName: '已结案' });
  });
});
