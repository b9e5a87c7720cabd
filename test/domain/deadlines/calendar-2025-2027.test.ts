// Holiday and adjusted-workday (调休) arithmetic across 2025, 2026 and 2027. 2025 and 2026 dates are the
// State Council's schedules as chinese-days 1.5.7 carries them (2025: 春节 Jan 28–Feb 4 off, Sun Jan 26 and Sat
// Feb 8 worked; 劳动节 May 1–5 off, Sun Apr 27 worked; 国庆+中秋 Oct 1–8 off, Sun Sep 28 and Sat Oct 11 worked).
// 2027 has no published schedule in the package: the calendar counts Monday–Friday and says so.
import { describe, expect, it } from 'vitest';
import { addWorkingDays, addWorkingHours, calendarYearStatus, isWorkingDay, unofficialYearsBetween } from '../../../shared/domain/deadlines/calendar.js';
import { computeDeadlines } from '../../../shared/domain/deadlines/compute-deadlines.js';

const bj = (local: string) => new Date(`${local}+08:00`);
const endOf = (day: string) => bj(`${day}T23:59:59.999`).toISOString();

describe('2025 (official schedule)', () => {
  it('knows the Spring Festival and its two worked weekend days', () => {
    expect(isWorkingDay('2025-01-26')).toBe(true); // Sunday, worked
    for (const d of ['2025-01-28', '2025-01-31', '2025-02-04']) expect(isWorkingDay(d)).toBe(false);
    expect(isWorkingDay('2025-02-05')).toBe(true);
    expect(isWorkingDay('2025-02-08')).toBe(true); // Saturday, worked
    expect(isWorkingDay('2025-02-09')).toBe(false); // Sunday
  });

  it('3 working days from Mon Jan 27 2025 skip the whole festival: Feb 5, 6, 7', () => {
    // Jan 27 is the start day (not counted); Feb 5, 6, 7 are the three working days after it
    expect(addWorkingDays(bj('2025-01-27T10:00'), 3).toISOString()).toBe(endOf('2025-02-07'));
  });

  it('counts the worked Saturday Feb 8 2025', () => {
    // Thursday Feb 6 + 2 working days: Fri Feb 7, Sat Feb 8 (worked)
    expect(addWorkingDays(bj('2025-02-06T09:00'), 2).toISOString()).toBe(endOf('2025-02-08'));
  });

  it('runs office hours across the 2025 National Day week (Oct 1–8 off, Sat Oct 11 worked)', () => {
    // Tue Sep 30 16:30: 1 h left that day, then nothing until Thu Oct 9 08:30
    expect(addWorkingHours(bj('2025-09-30T16:30'), 4).toISOString()).toBe(bj('2025-10-09T11:30').toISOString());
    expect(isWorkingDay('2025-09-28')).toBe(true); // Sunday, worked
    expect(isWorkingDay('2025-10-11')).toBe(true); // Saturday, worked
    expect(addWorkingDays(bj('2025-10-09T10:00'), 2).toISOString()).toBe(endOf('2025-10-11'));
  });

  it('a complaint received on the eve of Labour Day 2025 is due after the five-day break', () => {
    const d = computeDeadlines({ requestType: 'complaint', urgency: 'normal', from: bj('2025-04-30T15:00') });
    expect(d.acceptBy).toBe(bj('2025-05-06T10:00').toISOString()); // 2.5 h on Apr 30, 1.5 h on May 6
    // May 6, 7, 8, 9 (Tue–Fri), then Mon May 12: 2025's Labour Day make-up day was before it (Sun Apr 27)
    expect(d.resolveBy).toBe(endOf('2025-05-12'));
  });
});

describe('2026 (official schedule)', () => {
  it('a resolve deadline crossing the 2026 Spring Festival counts Sat Feb 28 (worked)', () => {
    // Fri Feb 13 + 5 working days: Sat Feb 14 (worked), Feb 24, 25, 26, 27
    expect(addWorkingDays(bj('2026-02-13T11:00'), 5).toISOString()).toBe(endOf('2026-02-27'));
    // + 6: Sat Feb 28 (worked)
    expect(addWorkingDays(bj('2026-02-13T11:00'), 6).toISOString()).toBe(endOf('2026-02-28'));
  });
});

describe('2027 (no official schedule yet: Monday–Friday, flagged)', () => {
  it('reports 2025 and 2026 as official and 2027 as weekends-only', () => {
    expect(calendarYearStatus(2025).basis).toBe('official');
    expect(calendarYearStatus(2026).basis).toBe('official');
    const y2027 = calendarYearStatus(2027);
    expect(y2027.basis).toBe('weekends-only');
    expect(y2027.note).toMatch(/no official holiday schedule/);
  });

  it('counts Jan 1 2027 (a Friday) as a working day, because no schedule says otherwise', () => {
    expect(isWorkingDay('2027-01-01')).toBe(true);
    expect(isWorkingDay('2027-01-02')).toBe(false); // Saturday
    expect(isWorkingDay('2027-02-08')).toBe(true); // a Monday in what will be the Spring Festival
  });

  it('a deadline that runs from late December 2026 into 2027 is flagged', () => {
    const from = bj('2026-12-30T10:00');
    const due = addWorkingDays(from, 3); // Thu Dec 31, Fri Jan 1 2027 (no schedule), Mon Jan 4
    expect(due.toISOString()).toBe(endOf('2027-01-04'));
    expect(unofficialYearsBetween(from, due)).toEqual([2027]);
    expect(unofficialYearsBetween(bj('2026-03-01T10:00'), bj('2026-12-31T10:00'))).toEqual([]);
  });
});
