// countEvent: the one place events become figures. Counted once per (case, seq) even when delivered twice;
// on-time decided against the stored deadlines; a first contact only counts once; follow-ups by satisfaction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../../shared/domain/timeline.js';
import { countEvent } from '../../../shared/services/count-event.js';
import { startHarness, type Harness } from '../../support/service-harness.js';
import { bj, caseRecord, COMMUNITY, DEPARTMENT, DISTRICT, GRID, STREET } from './sla-support.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const unitActor = { kind: 'unit' as const, id: 'staff-1', unit: GRID };
const event = (seq: number, type: TimelineEvent['type'], local: string, extra: Partial<TimelineEvent> & Record<string, unknown> = {}): TimelineEvent =>
  ({ seq, type, at: bj(local).toISOString(), actor: unitActor, status: 'accepted', ...extra }) as TimelineEvent;

async function day(unit: string, date: string) {
  const rows = await h.deps.figures.forUnit(unit, date, date);
  return rows[0]?.counts ?? {};
}

describe('countEvent', () => {
  it('counts an assignment for the grid and every level above it, once even if delivered twice', async () => {
    const record = caseRecord({ arrivedAt: '2026-11-02T09:00' });
    await countEvent(h.deps, record, record.lastEvent);
    await countEvent(h.deps, record, record.lastEvent);
    await Promise.all([countEvent(h.deps, record, record.lastEvent), countEvent(h.deps, record, record.lastEvent)]);
    for (const unit of [GRID, COMMUNITY, STREET, DISTRICT]) expect((await day(unit.code, '2026-11-02')).received, unit.name).toBe(1);
  });

  it('finishes a count that died half way without adding anything twice', async () => {
    const record = caseRecord({ arrivedAt: '2026-11-12T09:00' });
    const figures = h.deps.figures;
    // the first writer claims the event, lands the grid's and the street's updates, then dies
    const realAdd = figures.add.bind(figures);
    let landed = 0;
    figures.add = async (...args: Parameters<typeof realAdd>) => {
      if (landed === 2) throw new Error('the process died');
      landed += 1;
      return realAdd(...args);
    };
    try {
      await expect(countEvent(h.deps, record, record.lastEvent)).rejects.toThrow('the process died');
    } finally {
      figures.add = realAdd;
    }
    expect(await h.deps.countedEvents.wasCounted(record.caseId, record.lastEvent.seq)).toBe(false);
    // a retry while the dead writer's lease still runs waits, then gives up (the message is tried again later)
    await expect(countEvent(h.deps, record, record.lastEvent)).rejects.toThrow('being counted by another caller');
    // once the lease has run out, a retry takes over, adds only what was missing, and marks the event counted
    h.setNow(new Date(h.deps.now().getTime() + 60_000).toISOString());
    await countEvent(h.deps, record, record.lastEvent);
    await countEvent(h.deps, record, record.lastEvent);
    for (const unit of [GRID, COMMUNITY, STREET, DISTRICT]) expect((await day(unit.code, '2026-11-12')).received, unit.name).toBe(1);
    expect(await h.deps.countedEvents.wasCounted(record.caseId, record.lastEvent.seq)).toBe(true);
  });

  it('decides accepted-on-time against the stored deadline, and files the time in the histogram', async () => {
    const onTime = caseRecord({ arrivedAt: '2026-11-03T09:00' }); // complaint: accept within 4 office hours → 15:00
    const late = caseRecord({ arrivedAt: '2026-11-03T09:00' });
    await countEvent(h.deps, onTime, event(4, 'accepted', '2026-11-03T10:00'));
    await countEvent(h.deps, late, event(4, 'accepted', '2026-11-03T16:00'));
    const street = await day(STREET.code, '2026-11-03');
    expect(street.accepted).toBe(2);
    expect(street.acceptedOnTime).toBe(1);
    expect(street.h_accept_03).toBe(1); // 60 minutes: bucket [60, 120)
    expect(street.h_accept_05).toBe(1); // 420 minutes: bucket [240, 480)
  });

  it('counts a response only for the first contact', async () => {
    const record = caseRecord({ arrivedAt: '2026-11-04T09:00', status: 'accepted' });
    const first = event(4, 'contacted', '2026-11-04T11:00');
    const withContact = { ...record, contactedAt: first.at };
    await countEvent(h.deps, withContact, first);
    await countEvent(h.deps, withContact, event(5, 'contacted', '2026-11-04T16:00'));
    await countEvent(h.deps, withContact, event(6, 'contacted', '2026-11-04T17:00'), { firstContact: false });
    const grid = await day(GRID.code, '2026-11-04');
    expect(grid.responded).toBe(1);
    expect(grid.respondedOnTime).toBe(1);
  });

  it('counts resolutions against the (extended) resolve deadline and follow-ups by satisfaction', async () => {
    const record = caseRecord({ arrivedAt: '2026-11-05T09:00', status: 'accepted' });
    const extended = { ...record, deadlines: { ...record.deadlines, resolveBy: bj('2026-11-20T23:59:59.999').toISOString() } };
    await countEvent(h.deps, record, event(4, 'resolved', '2026-11-16T10:00')); // past the 5-day deadline (Nov 12)
    const other = caseRecord({ arrivedAt: '2026-11-05T09:00', status: 'accepted' });
    await countEvent(h.deps, { ...extended, caseId: other.caseId }, event(4, 'resolved', '2026-11-16T10:00'));
    const street = await day(STREET.code, '2026-11-16');
    expect(street.resolved).toBe(2);
    expect(street.resolvedOnTime).toBe(1);
    await countEvent(h.deps, record, event(5, 'followed_up', '2026-11-17T10:00', { satisfaction: 'satisfied', solved: true, actor: { kind: 'system', id: 'agent' } }));
    await countEvent(h.deps, other, event(5, 'followed_up', '2026-11-17T10:00', { satisfaction: 'basically_satisfied', solved: false, actor: { kind: 'system', id: 'agent' } }));
    const follow = await day(DISTRICT.code, '2026-11-17');
    expect(follow).toMatchObject({ followUps: 2, satisfied: 1, basicallySatisfied: 1, solved: 1 });
    expect(follow.dissatisfied).toBeUndefined();
  });

  it("counts a department's case for the department and the district, and a call for support for the department called", async () => {
    const record = caseRecord({ arrivedAt: '2026-11-06T09:00', owner: 'department' });
    await countEvent(h.deps, record, record.lastEvent);
    expect((await day(DEPARTMENT.code, '2026-11-06')).received).toBe(1);
    expect((await day(DISTRICT.code, '2026-11-06')).received).toBe(1);
    const gridCase = caseRecord({ arrivedAt: '2026-11-06T09:00', status: 'accepted' });
    const dept = { ...DEPARTMENT, level: 'department' };
    await countEvent(h.deps, gridCase, event(4, 'support_called', '2026-11-06T10:00', { deadline: { kind: 'support-answer', dueAt: bj('2026-11-07T23:59:59.999').toISOString(), unit: dept } }));
    await countEvent(h.deps, gridCase, event(5, 'support_answered', '2026-11-07T10:00', { deadline: { kind: 'support-answer', dueAt: bj('2026-11-07T23:59:59.999').toISOString(), unit: dept } }));
    expect((await day(DEPARTMENT.code, '2026-11-06')).supportCalls).toBe(1);
    expect(await day(DEPARTMENT.code, '2026-11-07')).toMatchObject({ supportAnswered: 1, supportAnsweredOnTime: 1 });
  });

  it('reads a level over a date range as one row per unit-day', async () => {
    const rows = await h.deps.figures.forLevel('street', '2026-11-02', '2026-11-06');
    // the street had figures on Nov 2 (received), 3 (accepted), 4 (responded); Nov 5 and 6 saw nothing of it
    expect(rows.map((r) => r.date)).toEqual(['2026-11-02', '2026-11-03', '2026-11-04']);
    expect(rows.every((r) => r.unitCode === STREET.code && r.level === 'street')).toBe(true);
  });
});
