// The task API's services on embedded DynamoDB: accept → contact → notes → resolve, returns, extensions,
// each checked for state, rights, idempotency and the timeline.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { acceptTask, addProgressNote, recordContact } from '../../../shared/services/work/accept-contact-note.js';
import { resolveTask, returnTask } from '../../../shared/services/work/resolve-and-return.js';
import { decideExtension, requestExtension } from '../../../shared/services/work/extensions.js';
import { listTasks, readTask } from '../../../shared/services/work/list-tasks.js';
import type { ActionOutcome } from '../../../shared/services/work/run-case-action.js';
import { caseAtItsUnit, DEPARTMENT_REQUEST, GRID as GRID_UNIT, staff, startWorkHarness, type WorkHarness } from './work-harness.js';

let h: WorkHarness;
beforeAll(async () => {
  h = await startWorkHarness();
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => {
  h.setNow('2026-11-23T02:00:00.000Z');
  h.work.queues.district = [];
});

const GRID = GRID_UNIT.code;
const gridHandler = staff(GRID, 'grid');
const otherGrid = staff('440112005002-01', 'grid');
const streetSupervisor = staff('440112005', 'street', 'supervisor');

function done(outcome: ActionOutcome) {
  if (outcome.kind !== 'done') throw new Error(`expected done, got ${JSON.stringify(outcome)}`);
  return outcome;
}

async function types(caseId: string) {
  return (await h.work.cases.timeline(caseId)).map((e) => e.type);
}

describe('a grid works a case: accept, contact, note, resolve', () => {
  it('records each step once on the timeline, with the unit and its staff account', async () => {
    const { caseId } = await caseAtItsUnit(h);
    expect((await h.work.work.get(caseId))?.owner.code).toBe(GRID);

    const accepted = done(await acceptTask(h.work, { staff: gridHandler, caseId, body: {} }));
    expect(accepted.record.status).toBe('accepted');
    expect(accepted.event).toMatchObject({ type: 'accepted', actor: { kind: 'unit', id: gridHandler.staffId, unit: { code: GRID } }, unit: { code: GRID, level: 'grid' } });

    h.setNow('2026-11-23T03:00:00.000Z');
    const contacted = done(await recordContact(h.work, { staff: gridHandler, caseId, body: { method: 'phone', note: '已致电13800138000说明安排' } }));
    expect(contacted.record.contactedAt).toBe('2026-11-23T03:00:00.000Z');
    expect(contacted.event.reason).toBe('已通过电话联系诉求人：已致电[电话]说明安排');

    done(await addProgressNote(h.work, { staff: gridHandler, caseId, body: { note: '已通知环卫站，今天下午清运' } }));
    const resolved = done(await resolveTask(h.work, { staff: gridHandler, caseId, body: { answer: '垃圾已于当日清运完毕，并增加每日清运一次。' } }));
    expect(resolved.record.status).toBe('resolved');
    expect(resolved.record.resolution).toMatchObject({ answer: '垃圾已于当日清运完毕，并增加每日清运一次。', round: 1, by: { code: GRID } });
    expect(await types(caseId)).toEqual(['received', 'classified', 'routed_to_street', 'routed_to_grid', 'assigned', 'accepted', 'contacted', 'progress_noted', 'resolved']);
    const record = await h.work.work.get(caseId);
    expect(record?.version).toBe(9);
    expect(record?.lastEvent.seq).toBe(9);
  });

  it('answers a repeated request with the same event and writes nothing', async () => {
    const { caseId } = await caseAtItsUnit(h);
    const first = done(await acceptTask(h.work, { staff: gridHandler, caseId, body: {} }));
    const again = done(await acceptTask(h.work, { staff: gridHandler, caseId, body: {} }));
    expect(again.replayed).toBe(true);
    expect(again.event.seq).toBe(first.event.seq);

    const note = { staff: gridHandler, caseId, body: { note: '已到现场查看' }, idempotencyKey: 'note-1' };
    const n1 = done(await addProgressNote(h.work, note));
    const n2 = done(await addProgressNote(h.work, note));
    expect(n2).toMatchObject({ replayed: true, event: { seq: n1.event.seq } });
    // a different key records the same words again: two visits are two notes
    const n3 = done(await addProgressNote(h.work, { ...note, idempotencyKey: 'note-2' }));
    expect(n3.event.seq).toBe(n1.event.seq + 1);
    expect((await types(caseId)).filter((t) => t === 'progress_noted')).toHaveLength(2);
    expect((await types(caseId)).filter((t) => t === 'accepted')).toHaveLength(1);
  });

  it('refuses the wrong state, the wrong unit and a handler of the unit above', async () => {
    const { caseId } = await caseAtItsUnit(h);
    expect(await resolveTask(h.work, { staff: gridHandler, caseId, body: { answer: '已经处理完毕了。' } })).toMatchObject({ kind: 'refused', status: 409, code: 'invalid_state' });
    expect(await acceptTask(h.work, { staff: otherGrid, caseId, body: {} })).toMatchObject({ kind: 'refused', status: 404 });
    expect(await acceptTask(h.work, { staff: staff('440112005', 'street'), caseId, body: {} })).toMatchObject({ kind: 'refused', status: 403, code: 'not_your_task' });
    // a supervisor of the street may act on its grid's case
    expect(done(await acceptTask(h.work, { staff: streetSupervisor, caseId, body: {} })).record.status).toBe('accepted');
    expect(await acceptTask(h.work, { staff: gridHandler, caseId: 'HP-20991231-999999', body: {} })).toMatchObject({ status: 404, code: 'case_not_found' });
    expect(await acceptTask(h.work, { staff: gridHandler, caseId: 'not-a-case', body: {} })).toMatchObject({ status: 404 });
  });

  it('two different actions racing both land, one after the other', async () => {
    const { caseId } = await caseAtItsUnit(h);
    done(await acceptTask(h.work, { staff: gridHandler, caseId, body: {} }));
    const results = await Promise.all(['甲', '乙', '丙'].map((w) => addProgressNote(h.work, { staff: gridHandler, caseId, body: { note: `进展${w}：已协调` } })));
    const seqs = results.map((r) => done(r).event.seq).sort();
    expect(new Set(seqs).size).toBe(3);
    expect((await types(caseId)).filter((t) => t === 'progress_noted')).toHaveLength(3);
  });
});

describe('the work list', () => {
  it('lists the unit’s open tasks by the deadline it works to, and leaves resolved cases off', async () => {
    const a = await caseAtItsUnit(h);
    const b = await caseAtItsUnit(h);
    done(await acceptTask(h.work, { staff: gridHandler, caseId: b.caseId, body: {} }));
    const list = await listTasks(h.work, gridHandler, undefined);
    if ('kind' in list) throw new Error('refused');
    const ids = list.tasks.map((t) => t.caseId);
    expect(ids).toContain(a.caseId);
    expect(ids).toContain(b.caseId);
    const deadlines = list.tasks.map((t) => t.workingTo.dueAt);
    expect([...deadlines].sort()).toEqual(deadlines);
    const lineB = list.tasks.find((t) => t.caseId === b.caseId)!;
    expect(lineB.workingTo.kind).toBe('respond');
    expect(JSON.stringify(list)).not.toContain('13800138000');

    done(await recordContact(h.work, { staff: gridHandler, caseId: b.caseId, body: { method: 'visit' } }));
    done(await resolveTask(h.work, { staff: gridHandler, caseId: b.caseId, body: { answer: '已清运完毕，感谢反映。' } }));
    const after = await listTasks(h.work, gridHandler, undefined);
    if ('kind' in after) throw new Error('refused');
    expect(after.tasks.map((t) => t.caseId)).not.toContain(b.caseId);
  });

  it('lets a supervisor see a unit below it, and nobody see a unit beside theirs', async () => {
    expect(await listTasks(h.work, streetSupervisor, GRID)).toMatchObject({ unit: GRID });
    expect(await listTasks(h.work, otherGrid, GRID)).toMatchObject({ kind: 'refused', status: 403 });
    expect(await listTasks(h.work, staff('440112005', 'street'), GRID)).toMatchObject({ kind: 'refused', status: 403 });
    expect(await listTasks(h.work, staff('440112001', 'street', 'supervisor'), GRID)).toMatchObject({ kind: 'refused', status: 403 });
  });

  it('shows the caller in full only to the unit that holds the open case', async () => {
    const { caseId } = await caseAtItsUnit(h);
    const own = await readTask(h.work, gridHandler, caseId);
    const above = await readTask(h.work, streetSupervisor, caseId);
    expect(own).toMatchObject({ caller: { phone: '13800138000', name: '李先生' }, content: expect.stringContaining('[电话]') });
    expect(above).toMatchObject({ caller: { phone: '138****8000', name: '李**' } });
    expect(await readTask(h.work, otherGrid, caseId)).toMatchObject({ kind: 'refused', status: 404 });
  });
});

describe('return (退单)', () => {
  it('moves the case to returned, keeps the return for the router and queues it for the district', async () => {
    const { caseId } = await caseAtItsUnit(h);
    const returned = done(await returnTask(h.work, { staff: gridHandler, caseId, body: { reasonCode: 'outside_jurisdiction', reason: '该地址属于隔壁社区，不在本网格' } }));
    expect(returned.record.status).toBe('returned');
    expect(returned.record.returns).toEqual([{ unit: { code: GRID, name: expect.any(String), level: 'grid' }, reasonCode: 'outside_jurisdiction', reason: '该地址属于隔壁社区，不在本网格', at: '2026-11-23T02:00:00.000Z' }]);
    expect(returned.event.reason).toContain('不属本单位辖区');
    expect(h.work.queues.district).toEqual([{ caseId }]);
    // a repeat sends the message again while the case still waits, without a second return
    const again = done(await returnTask(h.work, { staff: gridHandler, caseId, body: { reasonCode: 'outside_jurisdiction', reason: '该地址属于隔壁社区，不在本网格' } }));
    expect(again.replayed).toBe(true);
    expect(again.record.returns).toHaveLength(1);
    expect(h.work.queues.district).toEqual([{ caseId }, { caseId }]);
    // it is on nobody's work list until it is routed again
    const list = await listTasks(h.work, gridHandler, undefined);
    if ('kind' in list) throw new Error('refused');
    expect(list.tasks.map((t) => t.caseId)).not.toContain(caseId);
  });

  it('refuses a return from a unit that does not hold the case, and after resolution', async () => {
    const { caseId } = await caseAtItsUnit(h);
    expect(await returnTask(h.work, { staff: otherGrid, caseId, body: { reasonCode: 'outside_remit', reason: '不是我们的事情' } })).toMatchObject({ status: 404 });
    done(await acceptTask(h.work, { staff: gridHandler, caseId, body: {} }));
    done(await resolveTask(h.work, { staff: gridHandler, caseId, body: { answer: '已经处理完毕了。' } }));
    expect(await returnTask(h.work, { staff: gridHandler, caseId, body: { reasonCode: 'outside_remit', reason: '不是我们的事情' } })).toMatchObject({ status: 409, code: 'invalid_state' });
    expect(h.work.queues.district).toEqual([]);
  });
});

describe('a department works a case it received straight from the district', () => {
  it('accepts and resolves it', async () => {
    const { caseId } = await caseAtItsUnit(h, DEPARTMENT_REQUEST);
    const record = await h.work.work.get(caseId);
    expect(record?.status).toBe('dispatched_to_department');
    const dept = staff(record!.owner.code, 'department');
    done(await acceptTask(h.work, { staff: dept, caseId, body: { note: '已转社保科办理' } }));
    expect(done(await resolveTask(h.work, { staff: dept, caseId, body: { answer: '已电话解答缴费基数调整政策。' } })).record.status).toBe('resolved');
  });
});

describe('extension (延期)', () => {
  it('is requested by the owner and approved by the street, moving the resolve deadline by working days', async () => {
    const { caseId } = await caseAtItsUnit(h);
    done(await acceptTask(h.work, { staff: gridHandler, caseId, body: {} }));
    const record = (await h.work.work.get(caseId))!;
    expect(record.classification.requestType).toBe('complaint'); // 5 working days to resolve
    const before = record.deadlines.resolveBy;
    const requested = done(await requestExtension(h.work, { staff: gridHandler, caseId, body: { workingDays: 3, reason: '需等待环卫车辆调度' } }));
    expect(requested.record.extensions).toEqual([expect.objectContaining({ status: 'pending', workingDays: 3, id: requested.event.seq })]);
    // one request at a time
    expect(await requestExtension(h.work, { staff: gridHandler, caseId, body: { workingDays: 2, reason: '再申请一次延期' } })).toMatchObject({ status: 409, code: 'extension_pending' });
    // not by the unit itself
    expect(await decideExtension(h.work, { staff: staff(GRID, 'grid', 'supervisor'), caseId, body: { decision: 'approved' } })).toMatchObject({ status: 403, code: 'own_unit' });
    // the category's department sees the grid's case but does not decide its deadlines
    const department = (await h.work.cases.get(caseId))!.classification.department.code;
    expect(await decideExtension(h.work, { staff: staff(department, 'department', 'supervisor'), caseId, body: { decision: 'approved' } })).toMatchObject({ status: 403, code: 'not_your_unit' });
    const decided = done(await decideExtension(h.work, { staff: streetSupervisor, caseId, body: { decision: 'approved', comment: '同意' } }));
    expect(decided.event).toMatchObject({ type: 'extension_decided', approved: true });
    // the deadline falls on 2026-11-30 (Mon) end of day for a complaint taken on 2026-11-23; +3 working days → Thu 2026-12-03
    expect(before).toBe('2026-11-30T15:59:59.999Z');
    expect(decided.record.deadlines.resolveBy).toBe('2026-12-03T15:59:59.999Z');
    expect(decided.record.extensions?.[0]).toMatchObject({ status: 'approved', resolveByBefore: before, resolveByAfter: '2026-12-03T15:59:59.999Z' });
    // the same decision again is the same answer
    const again = done(await decideExtension(h.work, { staff: streetSupervisor, caseId, body: { decision: 'approved', comment: '同意' } }));
    expect(again).toMatchObject({ replayed: true, event: { seq: decided.event.seq } });
    expect(await decideExtension(h.work, { staff: streetSupervisor, caseId, body: { decision: 'refused' } })).toMatchObject({ status: 409, code: 'no_pending_extension' });
  });

  it('refuses a request after the deadline has passed, and a refusal leaves the deadline alone', async () => {
    const { caseId } = await caseAtItsUnit(h);
    done(await acceptTask(h.work, { staff: gridHandler, caseId, body: {} }));
    done(await requestExtension(h.work, { staff: gridHandler, caseId, body: { workingDays: 2, reason: '需要协调物业公司' } }));
    const before = (await h.work.work.get(caseId))!.deadlines.resolveBy;
    const refused = done(await decideExtension(h.work, { staff: streetSupervisor, caseId, body: { decision: 'refused' } }));
    expect(refused.event).toMatchObject({ approved: false });
    expect(refused.record.deadlines.resolveBy).toBe(before);
    // the same request again is answered with its first answer (same request, same event) …
    expect(await requestExtension(h.work, { staff: gridHandler, caseId, body: { workingDays: 2, reason: '需要协调物业公司' } })).toMatchObject({ kind: 'done', replayed: true });
    // … while a new one after the deadline is refused
    h.setNow('2026-12-01T02:00:00.000Z');
    expect(await requestExtension(h.work, { staff: gridHandler, caseId, body: { workingDays: 2, reason: '物业公司仍未回复' } })).toMatchObject({ status: 409, code: 'deadline_passed' });
  });
});
