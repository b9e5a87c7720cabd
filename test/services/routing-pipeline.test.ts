// The pipeline's services, hop by hop, against embedded DynamoDB: the happy path, duplicates, crashes
// between writes, races, and the department and triage branches.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CaseRepository } from '../../shared/adapters/dynamo/case-repository.js';
import type { TimelineEvent } from '../../shared/domain/timeline.js';
import type { IntakeRequest } from '../../shared/domain/intake-request.js';
import { assignToGrid } from '../../shared/services/assign-to-grid.js';
import { dispatchFromDistrict } from '../../shared/services/dispatch-from-district.js';
import { dispatchFromStreet } from '../../shared/services/dispatch-from-street.js';
import { intakeCase } from '../../shared/services/intake-case.js';
import { startHarness, type Harness } from '../support/service-harness.js';

const DEMO: IntakeRequest = {
  channel: 'phone',
  content: '黄埔区大沙街道丰乐北路 小区门口垃圾三天没人清运',
  caller: { name: '李先生', phone: '13800138000' },
  address: '黄埔区大沙街道丰乐北路',
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => {
  h.deps.queues.clear();
  h.deps.queues.failNext = 0;
});

async function created(request: IntakeRequest = DEMO, key?: string) {
  const outcome = await intakeCase(h.deps, request, key);
  if (outcome.kind === 'key_reused') throw new Error('unexpected key reuse');
  return outcome;
}

/** Drive a case through every hop, taking the messages the previous hop sent. */
async function runToGrid(caseId: string) {
  await dispatchFromDistrict(h.deps, { caseId });
  const street = h.deps.queues.street.find((m) => m.caseId === caseId);
  if (!street) throw new Error('no street message');
  await dispatchFromStreet(h.deps, street);
  const grid = h.deps.queues.grid.find((m) => m.caseId === caseId);
  if (!grid) throw new Error('no grid message');
  await assignToGrid(h.deps, grid);
  return { street, grid };
}

describe('a case travels from intake to a grid', () => {
  it('routes the demo request to 大沙街道, a community and a grid, one hop per level', async () => {
    const { caseId, status } = await created();
    expect(caseId).toMatch(/^HP-20261123-\d{6}$/);
    expect(status).toBe('received');
    expect(h.deps.queues.district).toEqual([{ caseId }]);

    const { street, grid } = await runToGrid(caseId);
    expect(street.streetCode).toBe('440112005');
    const record = await h.deps.cases.get(caseId);
    expect(record?.status).toBe('assigned');
    expect(record?.jurisdiction.district).toEqual({ code: '440112', name: '黄埔区' });
    expect(record?.jurisdiction.street).toEqual({ code: '440112005', name: '大沙街道' });
    expect(record?.jurisdiction.community?.code).toMatch(/^440112005\d{3}$/);
    expect(record?.jurisdiction.grid?.code).toBe(grid.gridCode);
    expect(record?.owner).toMatchObject({ level: 'grid', code: grid.gridCode });

    const timeline = await h.deps.cases.timeline(caseId);
    expect(timeline.map((e) => [e.seq, e.type])).toEqual([
      [1, 'received'],
      [2, 'classified'],
      [3, 'routed_to_street'],
      [4, 'routed_to_grid'],
      [5, 'assigned'],
    ]);
    expect(timeline[2]?.reason).toContain('大沙');
    expect(timeline[3]?.reason).toBeTruthy();
    for (const event of timeline) expect(Date.parse(event.at)).not.toBeNaN();
  });

  it('counts the assignment once in the day figures of every level, even if the grid message comes twice', async () => {
    const { caseId } = await created();
    const { grid } = await runToGrid(caseId);
    const before = await h.deps.figures.forLevel('street', '2026-11-23', '2026-11-23');
    await assignToGrid(h.deps, grid);
    const after = await h.deps.figures.forLevel('street', '2026-11-23', '2026-11-23');
    expect(after).toEqual(before);
    const dasha = after.find((row) => row.unitCode === '440112005');
    expect(dasha?.unitName).toBe('大沙街道');
    expect(dasha?.received).toBeGreaterThanOrEqual(1);
    const grids = await h.deps.figures.forLevel('grid', '2026-11-23', '2026-11-23');
    expect(grids.find((row) => row.unitCode === grid.gridCode)?.received).toBeGreaterThanOrEqual(1);
  });
});

describe('duplicates and redeliveries', () => {
  it('a duplicate district message changes nothing and re-sends only the pending hop', async () => {
    const { caseId } = await created();
    await dispatchFromDistrict(h.deps, { caseId });
    await dispatchFromDistrict(h.deps, { caseId });
    const timeline = await h.deps.cases.timeline(caseId);
    expect(timeline.filter((e) => e.type === 'routed_to_street')).toHaveLength(1);
    // the street had not run yet, so the duplicate re-sent its message: at least once, never lost
    expect(h.deps.queues.street.filter((m) => m.caseId === caseId)).toHaveLength(2);
  });

  it('a stale message after the case moved on does not move it back', async () => {
    const { caseId } = await created();
    const { street } = await runToGrid(caseId);
    const before = await h.deps.cases.get(caseId);
    await dispatchFromDistrict(h.deps, { caseId });
    await dispatchFromStreet(h.deps, street);
    const after = await h.deps.cases.get(caseId);
    expect(after?.status).toBe('assigned');
    expect(after?.version).toBe(before?.version);
    expect((await h.deps.cases.timeline(caseId)).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('a street message naming another street is ignored', async () => {
    const { caseId } = await created();
    await dispatchFromDistrict(h.deps, { caseId });
    const result = await dispatchFromStreet(h.deps, { caseId, streetCode: '440112101' });
    expect(result.status).toBe('dispatched_to_street');
    expect(h.deps.queues.grid.filter((m) => m.caseId === caseId)).toHaveLength(0);
  });

  it('two deliveries racing make exactly one transition', async () => {
    const { caseId } = await created();
    await Promise.all([dispatchFromDistrict(h.deps, { caseId }), dispatchFromDistrict(h.deps, { caseId }), dispatchFromDistrict(h.deps, { caseId })]);
    const timeline = await h.deps.cases.timeline(caseId);
    expect(timeline.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect((await h.deps.cases.get(caseId))?.version).toBe(3);
  });

  it('a crash between the state change and its timeline event is repaired by the redelivery', async () => {
    const { caseId } = await created();
    const crashing = Object.create(h.deps.cases) as CaseRepository;
    let crashes = 1;
    crashing.putEvent = async (id: string, event: TimelineEvent) => {
      if (crashes-- > 0) throw new Error('simulated crash after the case update');
      return h.deps.cases.putEvent(id, event);
    };
    await expect(dispatchFromDistrict({ ...h.deps, cases: crashing }, { caseId })).rejects.toThrow('simulated crash');
    expect((await h.deps.cases.get(caseId))?.status).toBe('dispatched_to_street');
    // the street message was never sent; a read already shows the event the case keeps as its last
    expect(h.deps.queues.street).toHaveLength(0);
    const stored = await h.deps.cases.get(caseId);
    expect((await h.deps.cases.timeline(caseId)).map((e) => e.type)).toEqual(['received', 'classified']);
    expect((await h.deps.cases.timeline(caseId, stored?.lastEvent)).map((e) => e.type)).toEqual(['received', 'classified', 'routed_to_street']);
    // the redelivered district message writes it and finishes the hop
    await dispatchFromDistrict(h.deps, { caseId });
    expect(h.deps.queues.street).toEqual([{ caseId, streetCode: '440112005' }]);
    const timeline = await h.deps.cases.timeline(caseId);
    expect(timeline.map((e) => e.type)).toEqual(['received', 'classified', 'routed_to_street']);
  });

  it('a failed send is retried by the redelivery, and the hop is not taken twice', async () => {
    const { caseId } = await created();
    await dispatchFromDistrict(h.deps, { caseId });
    h.deps.queues.failNext = 1;
    const street = h.deps.queues.street[0]!;
    await expect(dispatchFromStreet(h.deps, street)).rejects.toThrow('simulated SQS outage');
    await dispatchFromStreet(h.deps, street);
    expect(h.deps.queues.grid.filter((m) => m.caseId === caseId)).toHaveLength(1);
    expect((await h.deps.cases.timeline(caseId)).filter((e) => e.type === 'routed_to_grid')).toHaveLength(1);
  });
});

describe('intake idempotency', () => {
  it('the same Idempotency-Key and body return the same case and token', async () => {
    const first = await created(DEMO, 'key-same-1');
    const second = await created(DEMO, 'key-same-1');
    expect(second).toEqual({ ...first, kind: 'replayed' });
    expect(h.deps.queues.district.filter((m) => m.caseId === first.caseId).length).toBeGreaterThanOrEqual(1);
  });

  it('the same key with another body is refused and names the first case', async () => {
    const first = await created(DEMO, 'key-other-1');
    const outcome = await intakeCase(h.deps, { ...DEMO, content: '另一件事：路灯不亮' }, 'key-other-1');
    expect(outcome).toEqual({ kind: 'key_reused', caseId: first.caseId });
  });

  it('a failed queue send still answers with the stored case, and a retry with the key queues it', async () => {
    h.deps.queues.failNext = 1;
    const first = await created(DEMO, 'key-crash-1');
    expect(first.kind).toBe('created');
    expect(h.deps.queues.district).toEqual([]);
    expect((await h.deps.cases.get(first.caseId))?.status).toBe('received');
    const retry = await created(DEMO, 'key-crash-1');
    expect(retry).toEqual({ ...first, kind: 'replayed' });
    expect(h.deps.queues.district).toEqual([{ caseId: first.caseId }]);
  });

  it('a crash after the key was reserved but before the case was stored is finished by the retry', async () => {
    const crashing = Object.create(h.deps.cases) as CaseRepository;
    crashing.create = async () => {
      throw new Error('simulated crash before the case was written');
    };
    await expect(intakeCase({ ...h.deps, cases: crashing }, DEMO, 'key-crash-2')).rejects.toThrow('simulated crash');
    const retry = await created(DEMO, 'key-crash-2');
    expect(retry.kind).toBe('replayed');
    expect((await h.deps.cases.get(retry.caseId))?.status).toBe('received');
    expect((await h.deps.cases.timeline(retry.caseId)).map((e) => e.type)).toEqual(['received', 'classified']);
  });

  it('concurrent requests with the same key make one case and give every caller its id and token', async () => {
    const outcomes = await Promise.all(Array.from({ length: 4 }, () => created(DEMO, 'key-concurrent-1')));
    expect(new Set(outcomes.map((o) => o.caseId)).size).toBe(1);
    expect(new Set(outcomes.map((o) => o.trackingToken)).size).toBe(1);
    expect(outcomes.filter((o) => o.kind === 'created')).toHaveLength(1);
  });

  it('a crash between the first events and the case leaves no case, and the retry writes the whole case', async () => {
    const crashing = Object.create(h.deps.cases) as CaseRepository;
    let puts = 0;
    crashing.putEvent = async (id: string, event: TimelineEvent) => {
      if (++puts === 2) throw new Error('simulated crash between the first two events');
      return h.deps.cases.putEvent(id, event);
    };
    await expect(intakeCase({ ...h.deps, cases: crashing }, DEMO, 'key-crash-3')).rejects.toThrow('simulated crash');
    const retry = await created(DEMO, 'key-crash-3');
    expect((await h.deps.cases.timeline(retry.caseId)).map((e) => [e.seq, e.type])).toEqual([
      [1, 'received'],
      [2, 'classified'],
    ]);
  });

  it('forgets a key after 24 hours: the same key then makes a new case', async () => {
    const first = await created(DEMO, 'key-expiry-1');
    h.setNow('2026-11-24T02:00:01.000Z');
    try {
      const later = await created(DEMO, 'key-expiry-1');
      expect(later.kind).toBe('created');
      expect(later.caseId).not.toBe(first.caseId);
    } finally {
      h.setNow('2026-11-23T02:00:00.000Z');
    }
  });

  it('without a key, each request is a new case with its own number', async () => {
    const a = await created();
    const b = await created();
    expect(a.caseId).not.toBe(b.caseId);
    expect(b.caseId > a.caseId).toBe(true);
  });
});

describe('other branches', () => {
  it('an enterprise approval request goes straight to its department with no caller data on the task', async () => {
    const { caseId } = await created({
      channel: 'enterprise',
      content: '我司申请研发补贴的政策兑现进度怎么查询？联系人电话13912345678',
      caller: { name: '王经理', phone: '13912345678', enterpriseName: '广州某科技有限公司' },
    });
    const record = await dispatchFromDistrict(h.deps, { caseId });
    expect(record.status).toBe('dispatched_to_department');
    expect(record.owner.level).toBe('department');
    const task = h.deps.queues.department.find((m) => m.caseId === caseId);
    expect(task?.department).toBe(record.classification.department.code);
    expect(JSON.stringify(task)).not.toContain('13912345678');
    expect(JSON.stringify(task)).not.toContain('王经理');
  });

  it('a request with no recognisable place goes to district triage, with the reason on the timeline', async () => {
    const { caseId } = await created({ channel: 'web', content: '家门口的路灯坏了好几天，晚上很黑' });
    const record = await dispatchFromDistrict(h.deps, { caseId });
    expect(record.status).toBe('triage_district');
    expect(record.owner).toMatchObject({ level: 'district', code: '440112' });
    const last = (await h.deps.cases.timeline(caseId)).at(-1);
    expect(last?.type).toBe('triage_required');
    expect(last?.reason).toBeTruthy();
    expect(h.deps.queues.street.filter((m) => m.caseId === caseId)).toHaveLength(0);
  });

  it("lists a unit's open cases by deadline through its index", async () => {
    const { caseId } = await created();
    await runToGrid(caseId);
    const record = await h.deps.cases.get(caseId);
    const open = await h.deps.cases.openCasesOf(record!.owner.code);
    expect(open.map((c) => c.caseId)).toContain(caseId);
    const deadlines = open.map((c) => c.deadlines.acceptBy);
    expect(deadlines).toEqual([...deadlines].sort());
  });
});
