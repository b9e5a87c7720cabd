// The overdue sweep on embedded DynamoDB: warnings, overdue urges and escalations land on the timeline
// once each — also when two sweeps run at the same time — the case moves up grid → street → district, the
// overdue-now boards follow, departments get their urges on their queue, and a paused case is left alone.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../../shared/domain/timeline.js';
import type { WorkedCase } from '../../../shared/domain/work/case-work.js';
import { countEvent } from '../../../shared/services/count-event.js';
import { sweepOverdue } from '../../../shared/services/sla/sweep-overdue.js';
import { stepWrite } from '../../../shared/domain/deadlines/sweep-actions.js';
import { dueStepOf, runningClocks } from '../../../shared/domain/deadlines/sweep-plan.js';
import { startHarness, type Harness } from '../../support/service-harness.js';
import { bj, caseRecord, COMMUNITY, DISTRICT, GRID, STREET, storeCase, sweepDeps } from './sla-support.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => {
  h.deps.queues.urges = [];
});

const at = (local: string) => h.setNow(bj(local).toISOString());
const sweepEvents = async (caseId: string) => (await h.deps.cases.timeline(caseId)).filter((e) => e.type === 'urged' || e.type === 'escalated');
const steps = (events: TimelineEvent[]) => events.map((e) => `${e.type}:${e.deadline?.kind}:${e.deadline?.stage}`);

describe('a grid that does not accept its case', () => {
  // a complaint reaching the grid Mon Nov 23 09:00: accept by 15:00 (4 office hours); warning at 14:00;
  // escalations after 4 more office hours each: Tue 10:00 (→ street) and Tue 16:00 (→ district)
  it('is warned, urged as overdue, then escalated to the street and to the district', async () => {
    const record = await storeCase(h, caseRecord({ arrivedAt: '2026-11-23T09:00' }));
    const deps = sweepDeps(h);
    at('2026-11-23T13:59');
    await sweepOverdue(deps);
    expect(await sweepEvents(record.caseId)).toEqual([]);

    at('2026-11-23T14:01');
    const first = await sweepOverdue(deps);
    expect(first.warnings).toBe(1);
    at('2026-11-23T14:30');
    await sweepOverdue(deps);
    expect(steps(await sweepEvents(record.caseId))).toEqual(['urged:accept:warning']);

    at('2026-11-23T15:01');
    await sweepOverdue(deps);
    const overdue = (await sweepEvents(record.caseId)).at(-1)!;
    expect(overdue.reason).toMatch(/^超期催办：港湾社区第一网格签收已超期（时限 2026-11-23 15:00）/);
    for (const unit of [GRID, COMMUNITY, STREET, DISTRICT]) expect((await h.deps.overdueBoards.forUnit(unit.code))?.caseIds, unit.name).toContain(record.caseId);

    at('2026-11-24T10:01');
    await sweepOverdue(deps);
    let stored = await h.deps.cases.get(record.caseId);
    expect(stored?.owner).toEqual({ ...STREET, level: 'street' });
    expect(stored?.status).toBe('assigned');
    expect((await h.deps.overdueBoards.forUnit(GRID.code))?.caseIds).not.toContain(record.caseId);
    expect((await h.deps.overdueBoards.forUnit(STREET.code))?.caseIds).toContain(record.caseId);

    at('2026-11-24T16:01');
    await sweepOverdue(deps);
    stored = await h.deps.cases.get(record.caseId);
    expect(stored?.owner).toEqual({ ...DISTRICT, level: 'district' });
    at('2026-11-30T16:01');
    const later = await sweepOverdue(deps);
    expect(later.escalations).toBe(0);
    expect(steps(await sweepEvents(record.caseId))).toEqual(['urged:accept:warning', 'urged:accept:overdue', 'escalated:accept:escalation', 'escalated:accept:escalation']);
  });
});

describe('exactly once under a duplicated sweep', () => {
  it('two sweeps at once, then two more, take each step once and count it once', async () => {
    const record = await storeCase(h, caseRecord({ arrivedAt: '2026-11-23T09:00' }));
    const deps = sweepDeps(h);
    at('2026-11-24T16:30'); // everything is due: overdue (no warning: too late for one) and both escalations
    const runs = await Promise.all([sweepOverdue(deps), sweepOverdue(sweepDeps(h))]);
    await Promise.all([sweepOverdue(deps), sweepOverdue(deps)]);
    const events = await sweepEvents(record.caseId);
    expect(steps(events)).toEqual(['urged:accept:overdue', 'escalated:accept:escalation', 'escalated:accept:escalation']);
    expect(runs.reduce((n, r) => n + r.overdue + r.escalations, 0)).toBe(3);
    // the whole timeline has no gap and no repeat
    const timeline = await h.deps.cases.timeline(record.caseId);
    expect(timeline.map((e) => e.seq)).toEqual(timeline.map((_, i) => i + 1));
    const district = (await h.deps.figures.forUnit(DISTRICT.code, '2026-11-24', '2026-11-24'))[0]?.counts ?? {};
    // this test's case only: the first test's case escalated on Nov 24 too (2 more), and was urged on Nov 23
    expect(district.escalated).toBe(4);
    expect(district.urged).toBe(1);
    expect(district.becameOverdue).toBe(1);
  });
});

describe('a sweep that died after its write', () => {
  it('has its figures and boards repaired at its next look, and the step is not taken again', async () => {
    const record = await storeCase(h, caseRecord({ arrivedAt: '2026-11-23T09:00' }));
    const deps = sweepDeps(h);
    at('2026-11-23T15:10');
    // what a sweep writes for the overdue step, and then nothing more (the process died)
    const current = (await deps.work.get(record.caseId))!;
    const step = dueStepOf(current, runningClocks(current)[0]!, bj('2026-11-23T15:10').toISOString())!;
    const write = stepWrite(current, step, bj('2026-11-23T15:10').toISOString(), DISTRICT);
    const result = await deps.work.act(current, { to: current.status, set: { sla: write.sla }, event: write.event }, bj('2026-11-23T15:10').toISOString());
    expect(result.ok).toBe(true);
    const urgeSeq = (await h.deps.cases.get(record.caseId))!.version;
    expect(await h.deps.countedEvents.wasCounted(record.caseId, urgeSeq)).toBe(false);
    // the case's next look is its escalation (Tue 10:00): that sweep first finishes the overdue step's effects
    at('2026-11-24T10:01');
    const run = await sweepOverdue(deps);
    expect(run.overdue).toBe(0);
    expect(run.escalations).toBe(1);
    expect(await h.deps.countedEvents.wasCounted(record.caseId, urgeSeq)).toBe(true);
    expect(steps(await sweepEvents(record.caseId))).toEqual(['urged:accept:overdue', 'escalated:accept:escalation']);
    // the escalation moved it to the street: the street's board shows it, the grid's does not
    expect((await h.deps.overdueBoards.forUnit(STREET.code))?.caseIds).toContain(record.caseId);
    expect((await h.deps.overdueBoards.forUnit(GRID.code))?.caseIds ?? []).not.toContain(record.caseId);
  });
});

describe('a unit that acts after an urge', () => {
  it('leaves the overdue-now boards when it accepts', async () => {
    const record = await storeCase(h, caseRecord({ arrivedAt: '2026-11-23T09:00' }));
    const deps = sweepDeps(h);
    at('2026-11-23T15:30');
    await sweepOverdue(deps);
    expect((await h.deps.overdueBoards.forUnit(COMMUNITY.code))?.caseIds).toContain(record.caseId);
    const current = (await deps.work.get(record.caseId))!;
    const result = await deps.work.act(current, { to: 'accepted', event: { type: 'accepted', at: bj('2026-11-23T15:40').toISOString(), actor: { kind: 'unit', id: 's1', unit: GRID } } }, bj('2026-11-23T15:40').toISOString());
    if (!result.ok) throw new Error('accept failed');
    await countEvent(h.deps, result.record, result.event);
    for (const unit of [GRID, COMMUNITY, STREET, DISTRICT]) expect((await h.deps.overdueBoards.forUnit(unit.code))?.caseIds ?? [], unit.name).not.toContain(record.caseId);
    // and the sweep now watches its next clock (respond by the end of Tue Nov 24) instead
    at('2026-11-23T16:00');
    expect((await sweepOverdue(deps)).overdue).toBe(0);
  });
});

describe('departments', () => {
  it('get their urges on their queue', async () => {
    const record = await storeCase(h, caseRecord({ arrivedAt: '2026-11-25T09:00', owner: 'department' }));
    at('2026-11-25T15:05');
    await sweepOverdue(sweepDeps(h));
    const urges = h.deps.queues.urges.filter((m) => m.caseId === record.caseId);
    expect(urges).toHaveLength(1);
    expect(urges[0]).toMatchObject({ kind: 'urge', department: 'urban-management', deadline: 'accept', stage: 'overdue' });
    expect(urges[0]!.text).toContain('签收已超期');
  });

  it('that do not answer a call for support are urged and reported to the district, without moving the case', async () => {
    const answerBy = bj('2026-11-26T12:00').toISOString();
    const record = await storeCase(
      h,
      caseRecord({
        arrivedAt: '2026-11-25T09:00',
        status: 'accepted',
        extra: {
          contactedAt: bj('2026-11-25T10:00').toISOString(),
          supportCalls: { 'ecology-environment': { department: { code: 'ecology-environment', name: '广州市生态环境局黄埔分局' }, request: '请协助检测', calledAt: bj('2026-11-25T10:00').toISOString(), calledBy: { ...GRID, level: 'grid' }, answerBy, status: 'open' } },
        } as Partial<WorkedCase>,
      }),
    );
    at('2026-11-27T09:00'); // overdue since Thu 12:00, and 4 office hours later (Thu 17:30) escalated
    await sweepOverdue(sweepDeps(h));
    const events = (await sweepEvents(record.caseId)).filter((e) => e.deadline?.kind === 'support-answer');
    expect(steps(events)).toEqual(['urged:support-answer:overdue', 'escalated:support-answer:escalation']);
    expect(events[1]!.unit?.code).toBe(DISTRICT.code);
    expect((await h.deps.cases.get(record.caseId))?.owner.code).toBe(GRID.code);
    expect(h.deps.queues.urges.filter((m) => m.caseId === record.caseId).map((m) => m.stage)).toEqual(['overdue', 'escalation']);
    expect((await h.deps.overdueBoards.forUnit('ecology-environment'))?.caseIds).toContain(record.caseId);
  });
});

describe('a paused case', () => {
  it('is not swept while it waits for the caller', async () => {
    const record = await storeCase(
      h,
      caseRecord({ arrivedAt: '2026-11-23T09:00', status: 'accepted', extra: { sla: { pause: { since: bj('2026-11-23T10:00').toISOString(), reason: '等待诉求人补充材料', by: 's1' } } } }),
    );
    at('2026-12-10T10:00');
    await sweepOverdue(sweepDeps(h));
    expect(await sweepEvents(record.caseId)).toEqual([]);
  });
});
