// Follow-up (回访), calls for support (呼应) and merging (合并) on embedded DynamoDB.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { intakeCase } from '../../../shared/services/intake-case.js';
import { acceptTask, recordContact } from '../../../shared/services/work/accept-contact-note.js';
import { followUp } from '../../../shared/services/work/follow-up.js';
import { listTasks, readTask } from '../../../shared/services/work/list-tasks.js';
import { mergeCase, showResolutionOnMergedCases } from '../../../shared/services/work/merge-cases.js';
import { resolveTask } from '../../../shared/services/work/resolve-and-return.js';
import type { ActionOutcome } from '../../../shared/services/work/run-case-action.js';
import { answerSupportCall, callForSupport } from '../../../shared/services/work/support-calls.js';
import { caseAtItsUnit, GRID, GRID_REQUEST, STREET, staff, startWorkHarness, type WorkHarness } from './work-harness.js';

let h: WorkHarness;
beforeAll(async () => {
  h = await startWorkHarness();
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => {
  h.setNow('2026-11-23T02:00:00.000Z');
  h.work.queues.supportCalls = [];
});

const gridHandler = staff(GRID.code, 'grid');
const agent = staff('440112', 'district', 'agent', 'agent-007');

function done(outcome: ActionOutcome) {
  if (outcome.kind !== 'done') throw new Error(`expected done, got ${JSON.stringify(outcome)}`);
  return outcome;
}

async function resolvedCase() {
  const { caseId, token } = await caseAtItsUnit(h);
  done(await acceptTask(h.work, { staff: gridHandler, caseId, body: {} }));
  done(await resolveTask(h.work, { staff: gridHandler, caseId, body: { answer: '已清运完毕，感谢反映。' } }));
  return { caseId, token };
}

describe('follow-up (回访)', () => {
  it('closes the case when the caller is satisfied, through their tracking token', async () => {
    const { caseId, token } = await resolvedCase();
    const outcome = done(await followUp(h.work, { caseId, body: { satisfaction: 'satisfied', solved: true }, by: { kind: 'caller', token } }));
    expect(outcome.record.status).toBe('closed');
    expect(outcome.events?.map((e) => [e.type, e.status])).toEqual([
      ['followed_up', 'resolved'],
      ['closed', 'closed'],
    ]);
    expect(outcome.events?.[0]).toMatchObject({ satisfaction: 'satisfied', solved: true, actor: { kind: 'caller' } });
    expect(outcome.record.followUps).toEqual([expect.objectContaining({ round: 1, satisfaction: 'satisfied', solved: true, by: 'caller', outcome: 'closed' })]);
    // the same answer again: the same events, nothing new
    const again = done(await followUp(h.work, { caseId, body: { satisfaction: 'satisfied', solved: true }, by: { kind: 'caller', token } }));
    expect(again.replayed).toBe(true);
    expect((await h.work.cases.timeline(caseId)).filter((e) => e.type === 'followed_up')).toHaveLength(1);
    // an agent reads the caller's number in full only while the case waits for its follow-up
    expect(await readTask(h.work, agent, caseId)).toMatchObject({ caller: { phone: '138****8000' } });
    // a different answer afterwards is refused
    expect(await followUp(h.work, { caseId, body: { satisfaction: 'dissatisfied', solved: false }, by: { kind: 'agent', staff: agent } })).toMatchObject({ status: 409 });
  });

  it('answers a wrong token like an unknown case, and refuses a case that is not resolved', async () => {
    const { caseId, token } = await resolvedCase();
    expect(await followUp(h.work, { caseId, body: { satisfaction: 'satisfied', solved: true }, by: { kind: 'caller', token: 'not-the-token' } })).toMatchObject({ status: 404 });
    expect(await followUp(h.work, { caseId, body: { satisfaction: 'satisfied', solved: true }, by: { kind: 'agent', staff: gridHandler } })).toMatchObject({ status: 404 });
    const open = await caseAtItsUnit(h);
    expect(await followUp(h.work, { caseId: open.caseId, body: { satisfaction: 'satisfied', solved: true }, by: { kind: 'caller', token: open.token } })).toMatchObject({ status: 409, code: 'invalid_state' });
    expect((await h.work.work.get(caseId))?.status).toBe('resolved');
    expect(token).not.toBe('not-the-token');
  });

  it('reopens to the same unit once, then to the street, with fresh deadlines', async () => {
    const { caseId } = await resolvedCase();
    expect(await readTask(h.work, agent, caseId)).toMatchObject({ caller: { phone: '13800138000' } });
    h.setNow('2026-11-25T02:00:00.000Z');
    const first = done(await followUp(h.work, { caseId, body: { satisfaction: 'dissatisfied', solved: false, comment: '垃圾又堆起来了' }, by: { kind: 'agent', staff: agent } }));
    expect(first.record).toMatchObject({ status: 'accepted', owner: { code: GRID.code, level: 'grid' } });
    expect(first.events?.map((e) => e.type)).toEqual(['followed_up', 'reopened']);
    expect(first.record.contactedAt).toBeUndefined();
    expect(Date.parse(first.record.deadlines.resolveBy)).toBeGreaterThan(Date.parse('2026-11-30T15:59:59.999Z'));

    done(await resolveTask(h.work, { staff: gridHandler, caseId, body: { answer: '已再次清运并安排每日巡查。' } }));
    const second = done(await followUp(h.work, { caseId, body: { satisfaction: 'dissatisfied', solved: false }, by: { kind: 'agent', staff: agent } }));
    expect(second.record).toMatchObject({ status: 'accepted', owner: { code: STREET.code, level: 'street' } });
    expect(second.record.followUps?.map((f) => [f.round, f.outcome])).toEqual([
      [1, 'reopened_same_unit'],
      [2, 'reopened_above'],
    ]);
    // the grid no longer holds it; the street does
    expect(await resolveTask(h.work, { staff: gridHandler, caseId, body: { answer: '第三次处理完毕。' } })).toMatchObject({ kind: 'refused' });
    expect(done(await resolveTask(h.work, { staff: staff(STREET.code, 'street'), caseId, body: { answer: '街道牵头整治完毕。' } })).record.status).toBe('resolved');
    const third = done(await followUp(h.work, { caseId, body: { satisfaction: 'basically_satisfied', solved: true }, by: { kind: 'agent', staff: agent } }));
    expect(third.record.status).toBe('closed');
  });
});

describe('calls for support (呼) and answers (应)', () => {
  it('calls each department with its own answer deadline, keeps the case open until all answer', async () => {
    const { caseId } = await caseAtItsUnit(h);
    done(await acceptTask(h.work, { staff: gridHandler, caseId, body: {} }));
    const called = done(await callForSupport(h.work, { staff: gridHandler, caseId, body: { departments: ['urban-management', 'housing-construction'], request: '小区垃圾站需城管与住建联合处置，联系人13800138000' } }));
    expect(called.events?.map((e) => [e.type, e.unit?.code, e.deadline?.kind])).toEqual([
      ['support_called', 'urban-management', 'support-answer'],
      ['support_called', 'housing-construction', 'support-answer'],
    ]);
    const calls = called.record.supportCalls!;
    expect(Object.keys(calls).sort()).toEqual(['housing-construction', 'urban-management']);
    expect(calls['urban-management']).toMatchObject({ status: 'open', calledBy: { code: GRID.code }, request: expect.stringContaining('[电话]') });
    expect(Date.parse(calls['urban-management']!.answerBy)).toBeGreaterThan(Date.parse('2026-11-23T02:00:00.000Z'));
    // the department hears of it on its queue, with no caller data
    expect(h.work.queues.supportCalls.map((m) => m.department).sort()).toEqual(['housing-construction', 'urban-management']);
    expect(JSON.stringify(h.work.queues.supportCalls)).not.toContain('13800138000');
    // and sees it on its list
    const list = await h.work.supportCalls.openCallsOf('urban-management', 10);
    expect(list.map((c) => c.caseId)).toContain(caseId);

    // calling again while the call is open is the same call
    const again = done(await callForSupport(h.work, { staff: gridHandler, caseId, body: { departments: ['urban-management'], request: '请尽快到场' } }));
    expect(again.replayed).toBe(true);
    expect((await h.work.cases.timeline(caseId)).filter((e) => e.type === 'support_called')).toHaveLength(2);

    expect(await resolveTask(h.work, { staff: gridHandler, caseId, body: { answer: '已处理完毕。' } })).toMatchObject({ status: 409, code: 'support_calls_open' });

    const city = staff('urban-management', 'department');
    expect(await answerSupportCall(h.work, { staff: staff('health', 'department'), caseId, departmentCode: 'urban-management', body: { answer: '已到场' } })).toMatchObject({ status: 404 });
    const answered = done(await answerSupportCall(h.work, { staff: city, caseId, departmentCode: 'urban-management', body: { answer: '执法队已到场处置' } }));
    expect(answered.event).toMatchObject({ type: 'support_answered', deadline: { kind: 'support-answer', key: 'urban-management' } });
    expect(done(await answerSupportCall(h.work, { staff: city, caseId, departmentCode: 'urban-management', body: { answer: '执法队已到场处置' } })).replayed).toBe(true);
    expect((await h.work.supportCalls.openCallsOf('urban-management', 10)).map((c) => c.caseId)).not.toContain(caseId);
    done(await answerSupportCall(h.work, { staff: staff('housing-construction', 'department'), caseId, departmentCode: 'housing-construction', body: { answer: '已督促物业整改' } }));
    expect(done(await resolveTask(h.work, { staff: gridHandler, caseId, body: { answer: '联合处置完毕，垃圾站已清理。' } })).record.status).toBe('resolved');
  });

  it('is for the grid, community or street that holds an accepted case', async () => {
    const { caseId } = await caseAtItsUnit(h);
    expect(await callForSupport(h.work, { staff: gridHandler, caseId, body: { departments: ['health'], request: '请卫健协助消杀' } })).toMatchObject({ status: 409, code: 'invalid_state' });
    done(await acceptTask(h.work, { staff: gridHandler, caseId, body: {} }));
    expect(await callForSupport(h.work, { staff: staff('440112005002-01', 'grid'), caseId, body: { departments: ['health'], request: '请卫健协助消杀' } })).toMatchObject({ status: 404 });
  });
});

describe('merging duplicates (合并)', () => {
  it('merges a new case into an open one; the primary’s answer reaches the merged caller, who follows up on their own case', async () => {
    const primary = await caseAtItsUnit(h);
    const repeat = await intakeCase(h.work, { ...GRID_REQUEST, caller: { name: '赵先生', phone: '13700137000' } });
    if (repeat.kind === 'key_reused') throw new Error('unexpected');
    const dispatcher = staff('440112', 'district', 'handler', 'dispatcher-1');
    const merged = done(await mergeCase(h.work, { staff: dispatcher, caseId: repeat.caseId, body: { into: primary.caseId } }));
    expect(merged.record).toMatchObject({ status: 'merged', mergedInto: primary.caseId });
    expect((await h.work.work.get(primary.caseId))?.mergedCases).toEqual([repeat.caseId]);
    // again: the same merge
    expect(done(await mergeCase(h.work, { staff: dispatcher, caseId: repeat.caseId, body: { into: primary.caseId } })).replayed).toBe(true);
    expect((await h.work.work.get(primary.caseId))?.mergedCases).toEqual([repeat.caseId]);

    done(await acceptTask(h.work, { staff: gridHandler, caseId: primary.caseId, body: {} }));
    done(await recordContact(h.work, { staff: gridHandler, caseId: primary.caseId, body: { method: 'phone' } }));
    const resolved = done(await resolveTask(h.work, { staff: gridHandler, caseId: primary.caseId, body: { answer: '已清运完毕。' } }, { afterResolved: showResolutionOnMergedCases }));
    expect(resolved.record.status).toBe('resolved');
    const mergedNow = await h.work.work.get(repeat.caseId);
    expect(mergedNow?.resolution).toMatchObject({ answer: '已清运完毕。', round: 1 });
    expect(mergedNow?.lastEvent.reason).toContain('已清运完毕');

    // each caller follows up on their own case with their own token
    const theirs = done(await followUp(h.work, { caseId: repeat.caseId, body: { satisfaction: 'satisfied', solved: true }, by: { kind: 'caller', token: repeat.trackingToken } }));
    expect(theirs.record.status).toBe('merged');
    expect(theirs.record.followUps?.[0]).toMatchObject({ outcome: 'recorded' });
    expect(await followUp(h.work, { caseId: repeat.caseId, body: { satisfaction: 'satisfied', solved: true }, by: { kind: 'caller', token: primary.token } })).toMatchObject({ status: 404 });
    expect((await h.work.work.get(primary.caseId))?.status).toBe('resolved');
  });

  it('refuses a merge into itself, into an unknown case, and of a case already resolved', async () => {
    const primary = await caseAtItsUnit(h);
    const dispatcher = staff('440112', 'district', 'supervisor');
    expect(await mergeCase(h.work, { staff: dispatcher, caseId: primary.caseId, body: { into: primary.caseId } })).toMatchObject({ status: 400 });
    expect(await mergeCase(h.work, { staff: dispatcher, caseId: primary.caseId, body: { into: 'HP-20991231-000001' } })).toMatchObject({ status: 404 });
    const other = await caseAtItsUnit(h);
    done(await acceptTask(h.work, { staff: gridHandler, caseId: other.caseId, body: {} }));
    done(await resolveTask(h.work, { staff: gridHandler, caseId: other.caseId, body: { answer: '已处理完毕。' } }));
    // a resolved case waits for its own caller's follow-up: it is no longer a duplicate to fold in
    expect(await mergeCase(h.work, { staff: dispatcher, caseId: other.caseId, body: { into: primary.caseId } })).toMatchObject({ status: 409, code: 'invalid_state' });
  });

  it('merges a duplicate found after it reached its grid: it stops there and the primary carries the work', async () => {
    const primary = await caseAtItsUnit(h);
    const duplicate = await caseAtItsUnit(h);
    expect((await h.work.cases.get(duplicate.caseId))?.status).toBe('assigned');
    const dispatcher = staff('440112', 'district', 'supervisor');
    const merged = done(await mergeCase(h.work, { staff: dispatcher, caseId: duplicate.caseId, body: { into: primary.caseId } }));
    expect(merged.record).toMatchObject({ status: 'merged', mergedInto: primary.caseId });
    expect(await acceptTask(h.work, { staff: gridHandler, caseId: duplicate.caseId, body: {} })).toMatchObject({ kind: 'refused' });
  });
});

describe('a department’s work list', () => {
  it('shows the calls for support it must answer, apart from the cases it holds', async () => {
    const { caseId } = await caseAtItsUnit(h);
    done(await acceptTask(h.work, { staff: gridHandler, caseId, body: {} }));
    done(await callForSupport(h.work, { staff: gridHandler, caseId, body: { departments: ['water-affairs'], request: '道路积水需水务排涝' } }));
    const list = await listTasks(h.work, staff('water-affairs', 'department'), undefined);
    if ('kind' in list) throw new Error('refused');
    expect(list.tasks.map((t) => t.caseId)).not.toContain(caseId);
    expect(list.supportCalls).toEqual([expect.objectContaining({ caseId, kind: 'support-call', request: '道路积水需水务排涝', calledBy: { code: GRID.code, name: GRID.name, level: 'grid' }, overdue: false })]);
    h.setNow('2026-12-31T02:00:00.000Z');
    const later = await listTasks(h.work, staff('water-affairs', 'department'), undefined);
    if ('kind' in later) throw new Error('refused');
    expect(later.supportCalls[0]?.overdue).toBe(true);
  });
});
