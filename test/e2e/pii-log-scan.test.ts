// Personal data never reaches a log. Runs the whole flow on the local runtime — intake with the caller's name,
// phone and ID number in the caller fields and in the text, routing to a grid and to a department, the
// citizen's reads, every staff read the topology lists, requests refused for bad fields, and faults that make
// the functions log warnings and errors — while capturing every line the process writes, at DEBUG level;
// then searches all of it for the name, the phone and the ID number in every form they could take.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalRuntime, type LocalRuntime } from '../../infra/local/runtime.js';
import { FUNCTIONS } from '../../infra/topology.js';
import { logger } from '../../shared/lambda/logger.js';
import { captureOutput, type Capture } from './pii-log-scan/capture-output.js';
import { CALLER, findLeaks } from './pii-log-scan/personal-data.js';

process.env.STALL_AFTER_SECONDS = '2';
process.env.INTAKE_RATE_LIMIT_PER_PHONE = '0';

const PERSONAL = [CALLER.name, CALLER.phone, CALLER.idNumber];
const SETTLED = ['assigned', 'dispatched_to_department', 'triage_street', 'triage_district'];

let capture: Capture;
let runtime: LocalRuntime;
let logText = '';
const responses: Array<{ what: string; body: string }> = [];
const created: Array<{ caseId: string; trackingToken: string }> = [];

async function call(what: string, path: string, init: RequestInit = {}): Promise<{ status: number; body: string }> {
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(`${runtime.apiUrl}${path}`, init);
    const body = await response.text();
    if (response.status < 500 || attempt >= 10) {
      responses.push({ what, body });
      return { status: response.status, body };
    }
  }
}

const postCase = (what: string, body: unknown, key?: string) =>
  call(what, '/cases', { method: 'POST', headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) }, body: JSON.stringify(body) });

async function waitSettled(caseId: string, token: string): Promise<{ status: string; owner: { code: string; level: string } }> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { body } = await call('get-case', `/cases/${caseId}`, { headers: { 'x-tracking-token': token } });
    const view = JSON.parse(body) as { status: string; owner: { code: string; level: string } };
    if (SETTLED.includes(view.status)) return view;
    if (Date.now() > deadline) throw new Error(`${caseId} did not settle (${view.status})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

beforeAll(async () => {
  logger.setLogLevel('DEBUG'); // the most the functions ever log
  capture = captureOutput();
  try {
    runtime = await startLocalRuntime({
      port: 0,
      visibilityTimeoutSeconds: 1,
      scheduleEveryMs: 1000,
      logRequests: true,
      faults: { seed: 12345, throwRate: 0.1, timeoutRate: 0.1, duplicateRate: 0.1, redeliverRate: 0.1, httpLostAnswerRate: 0.1, sdkFailRate: 0.02, sdkLostAnswerRate: 0.02, maxFaultsPerMessage: 2 },
    });
    const withPersonalData = [
      {
        channel: 'phone',
        content: `我是${CALLER.name}，电话${CALLER.phone}，身份证${CALLER.idNumber}。黄埔区大沙街道丰乐北路 小区门口垃圾三天没人清运`,
        address: `黄埔区大沙街道丰乐北路（联系人${CALLER.name} ${CALLER.phone}）`,
        caller: { name: CALLER.name, phone: CALLER.phone },
      },
      { channel: 'enterprise', content: `我司申请的高新技术企业研发补贴，政策兑现进度怎么查询？经办人${CALLER.name}，身份证${CALLER.idNumber}`, caller: { name: CALLER.name, phone: CALLER.phone, enterpriseName: '黄埔某科技有限公司' } },
      { channel: 'web', content: `南岗街道有人占道经营，摊档摆到马路上了，请联系${CALLER.phone}`, caller: { name: CALLER.name } },
    ];
    for (const [i, body] of withPersonalData.entries()) {
      const { status, body: answer } = await postCase('intake', body, `pii-${i}`);
      expect(status).toBe(201);
      created.push(JSON.parse(answer) as { caseId: string; trackingToken: string });
    }
    // refused requests that carry personal data in the very fields that are wrong
    await postCase('bad phone', { channel: 'phone', content: '路灯坏了很久了', caller: { name: CALLER.name, phone: `${CALLER.idNumber}` } });
    await postCase('unknown field', { channel: 'phone', content: '路灯坏了很久了', caller: { name: CALLER.name, idNumber: CALLER.idNumber } });
    await postCase('control characters', { channel: 'phone', content: `路灯坏了\u0007${CALLER.phone}`, caller: { name: `${CALLER.name}\u0000` } });
    await postCase('too long', { channel: 'phone', content: '路灯坏了很久了', caller: { name: CALLER.name.repeat(20), phone: CALLER.phone } });
    await postCase('key reused', { channel: 'phone', content: `另一件事 ${CALLER.phone}`, caller: { name: CALLER.name } }, 'pii-0');
    await call('not json', '/cases', { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"caller":{"name":"${CALLER.name}","phone":"${CALLER.phone}"` });

    const owners = [];
    for (const c of created) {
      owners.push(await waitSettled(c.caseId, c.trackingToken));
      await call('timeline', `/cases/${c.caseId}/timeline`, { headers: { 'x-tracking-token': c.trackingToken } });
      await call('wrong token', `/cases/${c.caseId}`, { headers: { 'x-tracking-token': CALLER.phone } });
    }
    // every staff read the topology lists, by the owners of the cases and by the district's supervisor
    const staff = [
      await runtime.staffToken({ staffId: 'pii-district', unitCode: '440112', level: 'district', role: 'supervisor' }),
      ...(await Promise.all(owners.map((o) => runtime.staffToken({ staffId: `pii-${o.owner.code}`, unitCode: o.owner.code, level: o.owner.level as 'grid', role: 'handler' })))),
    ];
    for (const spec of FUNCTIONS) {
      if (spec.trigger.kind !== 'http' || spec.trigger.auth !== 'staff' || spec.trigger.method !== 'GET') continue;
      for (const c of created) {
        const path = spec.trigger.path.replace('{caseId}', c.caseId).replace(/\{[^}]+\}/g, '440112');
        for (const token of staff) await call(spec.id, path, { headers: { authorization: `Bearer ${token}` } });
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 1500)); // a sweep or two, with their logs
  } finally {
    await runtime?.stop();
    capture.stop();
    logText = capture.text();
  }
}, 180_000);

afterAll(() => {
  console.log(`pii scan summary ${JSON.stringify({ logLines: capture?.lines(), bytes: logText.length, responses: responses.length, faults: runtime?.faults?.stats })}`);
});

describe('personal data in logs', () => {
  it('captured the functions’ logs (info, warnings and errors) for the cases', () => {
    for (const c of created) expect(logText).toContain(c.caseId);
    expect(logText).toContain('"level":"WARN"');
    expect(logText).toContain('"level":"INFO"');
  });

  it('would see a leak: a phone number logged through the functions’ logger is found', () => {
    const control = captureOutput();
    try {
      logger.warn('negative control', { caller: { phone: CALLER.phone } });
    } finally {
      control.stop();
    }
    expect(findLeaks(control.text(), PERSONAL)).not.toEqual([]);
  });

  it('finds no name, phone number or ID number in any log line', () => {
    expect(findLeaks(logText, PERSONAL)).toEqual([]);
  });

  it('shows the caller no phone or ID number in full in any citizen-facing answer', () => {
    const citizen = responses.filter((r) => ['get-case', 'timeline', 'wrong token', 'intake', 'bad phone', 'unknown field', 'control characters', 'too long', 'key reused', 'not json'].includes(r.what));
    const leaks = citizen.flatMap((r) => findLeaks(r.body, [CALLER.phone, CALLER.idNumber]).map((l) => `${r.what}: ${l}`));
    expect(leaks).toEqual([]);
  });
});
