// Pausing moves running deadlines by the paused time as each clock runs; the sweep plan's steps and their
// times for a case; extensions (C's extension.ts) move the resolve clock and start its sweep steps afresh.
import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../../shared/domain/case-record.js';
import { officeMsBetween } from '../../../shared/domain/deadlines/calendar.js';
import { deadlinesOnArrival } from '../../../shared/domain/deadlines/compute-deadlines.js';
import { extendDeadlines } from '../../../shared/domain/deadlines/extension.js';
import { deadlinesAfterPause, shiftByPause } from '../../../shared/domain/deadlines/pause.js';
import { dueStepOf, isOverdue, nextLookAt, nextStepOf, runningClocks, type SweptCase } from '../../../shared/domain/deadlines/sweep-plan.js';

const bj = (local: string) => new Date(`${local}+08:00`);
const iso = (local: string) => bj(local).toISOString();
const endOf = (day: string) => bj(`${day}T23:59:59.999`).toISOString();

function gridCase(status: CaseRecord['status'], arrived: string, extra: Partial<SweptCase> = {}): SweptCase & Pick<CaseRecord, 'jurisdiction'> {
  const base = {
    status,
    owner: { code: 'g1', name: '网格一', level: 'grid' as const },
    classification: { requestType: 'complaint', urgency: 'normal', category: { code: 'urban-management/sanitation', path: [] }, department: { code: 'urban-management', name: '城管' } },
    jurisdiction: { district: { code: '440112', name: '黄埔区' }, street: { code: 's1', name: '街道一' }, community: null, grid: { code: 'g1', name: '网格一' } },
  } as unknown as SweptCase & Pick<CaseRecord, 'jurisdiction'>;
  return { ...base, deadlines: deadlinesOnArrival(base, bj(arrived)), ...extra };
}

describe('office time between two instants', () => {
  it('counts only office hours on working days', () => {
    expect(officeMsBetween(bj('2026-11-23T09:00'), bj('2026-11-23T15:00'))).toBe(4 * 3_600_000); // 09–12, 14–15
    expect(officeMsBetween(bj('2026-11-27T17:00'), bj('2026-11-30T09:00'))).toBe(60 * 60_000); // Fri 17:00–17:30, Mon 08:30–09:00
    expect(officeMsBetween(bj('2026-10-01T00:00'), bj('2026-10-08T00:00'))).toBe(0); // National Day
    expect(officeMsBetween(bj('2026-11-23T15:00'), bj('2026-11-23T09:00'))).toBe(0);
  });
});

describe('pausing the clocks', () => {
  it('moves a working-hours deadline by the paused office time', () => {
    // paused Mon 10:00 → Mon 16:00: 2 h + 2 h = 4 office hours
    // Tue 10:00 + 4 office hours: 10:00–12:00 and 14:00–16:00
    expect(shiftByPause(iso('2026-11-24T10:00'), 'working-hours', bj('2026-11-23T10:00'), bj('2026-11-23T16:00'))).toBe(iso('2026-11-24T16:00'));
  });

  it('moves a working-days deadline by whole working days, and not at all for a pause at night', () => {
    // two full working days paused: Mon 08:30 → Wed 08:30
    expect(shiftByPause(endOf('2026-11-27'), 'working-days', bj('2026-11-23T08:30'), bj('2026-11-25T08:30'))).toBe(endOf('2026-12-01'));
    expect(shiftByPause(endOf('2026-11-27'), 'working-days', bj('2026-11-23T19:00'), bj('2026-11-24T08:00'))).toBe(endOf('2026-11-27'));
    // over the National Day holiday: no working time passes, nothing moves
    expect(shiftByPause(endOf('2026-10-14'), 'working-days', bj('2026-09-30T18:00'), bj('2026-10-08T08:00'))).toBe(endOf('2026-10-14'));
  });

  it('moves an urgent (calendar-hours) deadline by the wall-clock time', () => {
    expect(shiftByPause(iso('2026-11-24T10:00'), 'calendar-hours', bj('2026-11-23T22:00'), bj('2026-11-24T01:30'))).toBe(iso('2026-11-24T13:30'));
  });

  it('moves the running clocks of an accepted case (respond until contacted, and resolve), never accept', () => {
    const record = gridCase('accepted', '2026-11-23T09:00');
    const { deadlines } = deadlinesAfterPause(record, bj('2026-11-23T09:00'), bj('2026-11-25T09:00'));
    expect(deadlines.acceptBy).toBe(record.deadlines.acceptBy);
    expect(deadlines.respondBy).toBe(endOf('2026-11-26')); // was Tue 24, +2 working days
    expect(deadlines.resolveBy).toBe(endOf('2026-12-02')); // was Mon Nov 30 (5 working days), +2
    const contacted = { ...record, contactedAt: iso('2026-11-23T10:00') };
    expect(deadlinesAfterPause(contacted, bj('2026-11-23T09:00'), bj('2026-11-25T09:00')).deadlines.respondBy).toBe(record.deadlines.respondBy);
  });

  it('a paused case runs no clock and is never overdue', () => {
    const paused = gridCase('accepted', '2026-11-23T09:00', { sla: { pause: { since: iso('2026-11-23T10:00'), reason: 'x', by: 's' } } });
    expect(runningClocks(paused)).toEqual([]);
    expect(isOverdue(paused, iso('2027-01-01T00:00'))).toBe(false);
    expect(nextLookAt(paused)).toBeNull();
  });
});

describe('the sweep plan', () => {
  it('warns an hour before an accept deadline, urges at it, escalates 4 office hours later', () => {
    const record = gridCase('assigned', '2026-11-23T09:00'); // accept by 15:00
    const [clock] = runningClocks(record);
    expect(clock).toMatchObject({ kind: 'accept', dueAt: iso('2026-11-23T15:00') });
    expect(nextStepOf(record, clock!)).toMatchObject({ stage: 'warning', at: iso('2026-11-23T14:00') });
    expect(nextLookAt(record)).toBe(iso('2026-11-23T14:00'));
    const warned = { ...record, sla: { progress: { accept: { dueAt: clock!.dueAt, taken: ['warning' as const] } } } };
    expect(nextStepOf(warned, clock!)).toMatchObject({ stage: 'overdue', at: iso('2026-11-23T15:00') });
    const urged = { ...record, sla: { progress: { accept: { dueAt: clock!.dueAt, taken: ['warning' as const, 'overdue' as const] } } } };
    expect(nextStepOf(urged, clock!)).toMatchObject({ stage: 'escalation', step: 'escalation:1', at: iso('2026-11-24T10:00') });
  });

  it('goes straight to the overdue urge when it first looks after the deadline', () => {
    const record = gridCase('assigned', '2026-11-23T09:00');
    expect(dueStepOf(record, runningClocks(record)[0]!, iso('2026-11-23T16:00'))).toMatchObject({ stage: 'overdue' });
    expect(dueStepOf(record, runningClocks(record)[0]!, iso('2026-11-23T13:00'))).toBeNull();
  });

  it('stops escalating once the district holds the case', () => {
    const record = gridCase('assigned', '2026-11-23T09:00');
    const atDistrict = { ...record, owner: { code: '440112', name: '黄埔区', level: 'district' as const }, sla: { progress: { accept: { dueAt: record.deadlines.acceptBy, taken: ['overdue' as const, 'escalation:1' as const, 'escalation:2' as const] } } } };
    expect(nextStepOf(atDistrict, runningClocks(atDistrict)[0]!)).toBeNull();
  });

  it('an approved extension moves resolveBy, and the sweep starts that clock afresh', () => {
    const record = gridCase('accepted', '2026-11-23T09:00', { contactedAt: iso('2026-11-23T10:00') });
    const resolve = runningClocks(record).find((c) => c.kind === 'resolve')!;
    const urged = { ...record, sla: { progress: { resolve: { dueAt: resolve.dueAt, taken: ['warning' as const, 'overdue' as const] } } } };
    expect(isOverdue(urged, iso('2026-12-01T09:00'))).toBe(true);
    // 3 more working days after Mon Nov 30: Dec 1, 2, 3
    const extended = { ...urged, deadlines: extendDeadlines(urged.deadlines, 3) };
    expect(extended.deadlines.resolveBy).toBe(endOf('2026-12-03'));
    expect(isOverdue(extended, iso('2026-12-01T09:00'))).toBe(false);
    const clock = runningClocks(extended).find((c) => c.kind === 'resolve')!;
    expect(nextStepOf(extended, clock)).toMatchObject({ stage: 'warning', at: new Date(Date.parse(endOf('2026-12-03')) - 24 * 3_600_000).toISOString() });
  });
});
