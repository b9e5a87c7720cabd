// computeDeadlines with the default policy on real 2026 dates (holidays checked against chinese-days' data).
import { describe, expect, it } from 'vitest';
import { REQUEST_TYPES } from '../../../shared/domain/case.js';
import { addDuration, computeDeadlines } from '../../../shared/domain/deadlines/compute-deadlines.js';
import {
  calendarHours,
  DEFAULT_POLICY,
  ruleFor,
  workingDays,
  workingHours,
  type DeadlinePolicy,
} from '../../../shared/domain/deadlines/policy.js';

const bj = (local: string) => new Date(`${local}+08:00`);
const iso = (local: string) => bj(local).toISOString();

describe('computeDeadlines', () => {
  it('a Friday-evening complaint: accept Monday afternoon, respond Monday, resolve Friday', () => {
    const d = computeDeadlines({ requestType: 'complaint', urgency: 'normal', from: bj('2026-03-13T20:00') });
    expect(d).toEqual({
      acceptBy: iso('2026-03-16T14:30'), // 4 office hours from Monday: 08:30–12:00 (3.5 h) + 14:00–14:30
      respondBy: iso('2026-03-16T23:59:59.999'),
      resolveBy: iso('2026-03-20T23:59:59.999'),
    });
    expect(d.acceptBy).toBe('2026-03-16T06:30:00.000Z');
  });

  it('a consultation on the eve of National Day is answered on Oct 8', () => {
    const d = computeDeadlines({ requestType: 'consultation', urgency: 'normal', from: bj('2026-09-30T16:00') });
    expect(d).toEqual({
      acceptBy: iso('2026-10-08T09:00'), // 1.5 h on Sep 30, 0.5 h on Oct 8
      respondBy: iso('2026-10-08T23:59:59.999'),
      resolveBy: iso('2026-10-08T23:59:59.999'),
    });
  });

  it('a report filed before National Day: 15 working days count the worked Saturday Oct 10', () => {
    const d = computeDeadlines({ requestType: 'report', urgency: 'normal', from: bj('2026-09-30T10:00') });
    expect(d.acceptBy).toBe(iso('2026-09-30T16:00'));
    expect(d.respondBy).toBe(iso('2026-10-09T23:59:59.999')); // Oct 8, 9
    // Oct 8, 9, 10 (Sat, worked), 12–16, 19–23, 26, 27
    expect(d.resolveBy).toBe(iso('2026-10-27T23:59:59.999'));
  });

  it('an urgent case runs on calendar time, even at night on a holiday', () => {
    const d = computeDeadlines({ requestType: 'help', urgency: 'urgent', from: bj('2026-10-01T03:00') });
    expect(d).toEqual({
      acceptBy: iso('2026-10-01T03:30'),
      respondBy: iso('2026-10-01T04:00'),
      resolveBy: iso('2026-10-02T03:00'),
    });
    // whatever the request type
    expect(computeDeadlines({ requestType: 'consultation', urgency: 'urgent', from: bj('2026-10-01T03:00') })).toEqual(d);
  });

  it('gives ordered ISO UTC deadlines for every request type', () => {
    for (const requestType of REQUEST_TYPES) {
      for (const from of [bj('2026-03-13T20:00'), bj('2026-09-30T11:59'), bj('2026-02-13T17:29')]) {
        const d = computeDeadlines({ requestType, urgency: 'normal', from });
        for (const v of Object.values(d)) expect(v).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
        expect(d.acceptBy <= d.respondBy && d.respondBy <= d.resolveBy, requestType).toBe(true);
        expect(new Date(d.acceptBy).getTime()).toBeGreaterThan(from.getTime());
      }
    }
  });

  it('keeps deadlines in order under a custom policy', () => {
    const odd: DeadlinePolicy = {
      ...DEFAULT_POLICY,
      normal: { ...DEFAULT_POLICY.normal, help: { accept: workingDays(3), respond: workingHours(1), resolve: calendarHours(1), supportAnswer: workingDays(1) } },
    };
    const d = computeDeadlines({ requestType: 'help', urgency: 'normal', from: bj('2026-03-16T09:00') }, odd);
    expect(d.acceptBy).toBe(iso('2026-03-19T23:59:59.999'));
    expect(d.respondBy).toBe(d.acceptBy);
    expect(d.resolveBy).toBe(d.acceptBy);
  });
});

describe('the default policy', () => {
  it('has the documented numbers', () => {
    expect(ruleFor(DEFAULT_POLICY, 'help', 'urgent')).toEqual({ accept: calendarHours(0.5), respond: calendarHours(1), resolve: calendarHours(24), supportAnswer: calendarHours(1) });
    expect(ruleFor(DEFAULT_POLICY, 'consultation', 'normal')).toEqual({ accept: workingHours(2), respond: workingDays(1), resolve: workingDays(1), supportAnswer: workingHours(4) });
    expect(DEFAULT_POLICY.normal.help.resolve).toEqual(workingDays(3));
    expect(DEFAULT_POLICY.normal.complaint.resolve).toEqual(workingDays(5));
    expect(ruleFor(DEFAULT_POLICY, 'report', 'normal')).toEqual({ accept: workingHours(4), respond: workingDays(2), resolve: workingDays(15), supportAnswer: workingDays(2) });
    expect(ruleFor(DEFAULT_POLICY, 'suggestion', 'normal')).toEqual({ accept: workingDays(1), respond: workingDays(2), resolve: workingDays(15), supportAnswer: workingDays(3) });
    expect(ruleFor(DEFAULT_POLICY, 'praise', 'normal')).toEqual({ accept: workingDays(1), respond: workingDays(1), resolve: workingDays(3), supportAnswer: workingDays(3) });
  });

  it('picks the urgent rule for urgent cases', () => {
    expect(ruleFor(DEFAULT_POLICY, 'report', 'urgent').resolve).toEqual(calendarHours(24));
    expect(ruleFor(DEFAULT_POLICY, 'report', 'normal').resolve).toEqual(workingDays(15));
  });

  it('addDuration dispatches on the unit', () => {
    const from = bj('2026-03-13T17:00');
    expect(addDuration(from, calendarHours(1)).toISOString()).toBe(iso('2026-03-13T18:00'));
    expect(addDuration(from, workingHours(1)).toISOString()).toBe(iso('2026-03-16T09:00'));
    expect(addDuration(from, workingDays(1)).toISOString()).toBe(iso('2026-03-16T23:59:59.999'));
  });
});
