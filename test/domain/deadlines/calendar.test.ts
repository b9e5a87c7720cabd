// Working-day arithmetic on real 2026 dates. Every holiday and adjusted workday asserted here was printed from
// chinese-days 1.5.7's data first (2026: 国庆 Oct 1–7 off, Sun Sep 20 and Sat Oct 10 worked; 中秋 Fri Sep 25 off;
// 春节 Feb 15–23 off, Sat Feb 14 and Sat Feb 28 worked; 劳动节 May 1–5 off, Sat May 9 worked).
import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import {
  addCalendarHours,
  addWorkingDays,
  addWorkingHours,
  beijingDateString,
  hasOfficialCalendar,
  isWorkingDay,
  OFFICIAL_CALENDAR_YEARS,
} from '../../../shared/domain/deadlines/calendar.js';

/** An instant given in Beijing wall-clock time. */
const bj = (local: string) => new Date(`${local}+08:00`);
/** The end of a Beijing day, as the UTC ISO string our deadlines use. */
const endOf = (day: string) => bj(`${day}T23:59:59.999`).toISOString();

describe('isWorkingDay', () => {
  it('knows the 2026 National Day holiday and its adjusted workdays', () => {
    expect(isWorkingDay('2026-09-19')).toBe(false); // Saturday
    expect(isWorkingDay('2026-09-20')).toBe(true); // Sunday, worked (调休)
    expect(isWorkingDay('2026-09-25')).toBe(false); // Friday, 中秋
    for (let d = 1; d <= 7; d++) expect(isWorkingDay(`2026-10-0${d}`)).toBe(false);
    expect(isWorkingDay('2026-10-08')).toBe(true); // Thursday
    expect(isWorkingDay('2026-10-09')).toBe(true); // Friday
    expect(isWorkingDay('2026-10-10')).toBe(true); // Saturday, worked (调休)
    expect(isWorkingDay('2026-10-11')).toBe(false); // Sunday
  });

  it('knows the 2026 Spring Festival and Labour Day', () => {
    expect(isWorkingDay('2026-02-14')).toBe(true); // Saturday, worked
    for (const d of ['2026-02-15', '2026-02-18', '2026-02-23']) expect(isWorkingDay(d)).toBe(false);
    expect(isWorkingDay('2026-02-24')).toBe(true);
    expect(isWorkingDay('2026-02-28')).toBe(true); // Saturday, worked
    expect(isWorkingDay('2026-05-01')).toBe(false);
    expect(isWorkingDay('2026-05-05')).toBe(false); // Tuesday, holiday
    expect(isWorkingDay('2026-05-09')).toBe(true); // Saturday, worked
  });

  it('reads a Date by its Beijing calendar date, not its UTC date', () => {
    expect(isWorkingDay(new Date('2026-09-30T15:59:59Z'))).toBe(true); // Sep 30 23:59 Beijing
    expect(isWorkingDay(new Date('2026-09-30T16:00:00Z'))).toBe(false); // Oct 1 00:00 Beijing
    expect(beijingDateString(new Date('2026-09-30T16:00:00Z'))).toBe('2026-10-01');
  });

  it('has official data for 2004–2026 and falls back to Monday–Friday after that', () => {
    expect(OFFICIAL_CALENDAR_YEARS).toEqual({ first: 2004, last: 2026 });
    expect(hasOfficialCalendar(2026)).toBe(true);
    expect(hasOfficialCalendar(2027)).toBe(false);
    expect(isWorkingDay('2027-01-01')).toBe(true); // a Friday; 2027's New Year holiday is not in the data yet
    expect(isWorkingDay('2027-01-02')).toBe(false); // Saturday
    expect(isWorkingDay('2003-10-01')).toBe(true); // before the data: a plain Wednesday
  });

  it('agrees with chinese-days isWorkday() for every day of 2025 and 2026', () => {
    // chinese-days' own functions are only right at or east of UTC (see calendar.ts); compare there.
    if (new Date('2026-01-01T00:00:00Z').getTimezoneOffset() > 0) return;
    for (let t = Date.UTC(2025, 0, 1); t <= Date.UTC(2026, 11, 31); t += 86_400_000) {
      const day = new Date(t).toISOString().slice(0, 10);
      expect(isWorkingDay(day), day).toBe(chineseDays.isWorkday(day));
    }
  });

  it('refuses malformed date strings', () => {
    expect(() => isWorkingDay('2026/10/01')).toThrow();
  });
});

describe('addWorkingDays: the end of the n-th working day after the day of `from`', () => {
  it('a Friday-evening case with 1 working day is due at the end of Monday', () => {
    expect(addWorkingDays(bj('2026-03-13T20:00'), 1).toISOString()).toBe(endOf('2026-03-16'));
    expect(addWorkingDays(bj('2026-03-13T20:00'), 5).toISOString()).toBe(endOf('2026-03-20'));
  });

  it('counts a worked Sunday (调休): Friday Sep 18 + 5 working days is Thursday Sep 24', () => {
    // Sep 20 (Sun, worked), 21, 22, 23, 24
    expect(addWorkingDays(bj('2026-09-18T20:00'), 5).toISOString()).toBe(endOf('2026-09-24'));
  });

  it('skips the National Day holiday and counts the worked Saturday Oct 10', () => {
    const from = bj('2026-09-30T10:00');
    expect(addWorkingDays(from, 1).toISOString()).toBe(endOf('2026-10-08'));
    expect(addWorkingDays(from, 3).toISOString()).toBe(endOf('2026-10-10'));
    expect(addWorkingDays(from, 5).toISOString()).toBe(endOf('2026-10-13'));
  });

  it('skips the Spring Festival and counts the worked Saturday Feb 14', () => {
    const from = bj('2026-02-13T15:00');
    expect(addWorkingDays(from, 1).toISOString()).toBe(endOf('2026-02-14'));
    expect(addWorkingDays(from, 2).toISOString()).toBe(endOf('2026-02-24'));
  });

  it('uses the Beijing date of `from` near midnight', () => {
    // Thu Oct 8 23:30 Beijing → Fri Oct 9; Fri Oct 9 00:30 Beijing (still Oct 8 in UTC) → Sat Oct 10 (worked)
    expect(addWorkingDays(new Date('2026-10-08T15:30:00Z'), 1).toISOString()).toBe(endOf('2026-10-09'));
    expect(addWorkingDays(new Date('2026-10-08T16:30:00Z'), 1).toISOString()).toBe(endOf('2026-10-10'));
  });

  it('0 days is the end of today, or of the next working day on a holiday', () => {
    expect(addWorkingDays(bj('2026-10-09T09:00'), 0).toISOString()).toBe(endOf('2026-10-09'));
    expect(addWorkingDays(bj('2026-10-03T09:00'), 0).toISOString()).toBe(endOf('2026-10-08'));
  });

  it('runs on Monday–Friday into 2027, for which there is no official schedule yet', () => {
    expect(addWorkingDays(bj('2026-12-31T10:00'), 1).toISOString()).toBe(endOf('2027-01-01'));
  });

  it('refuses negative or fractional days', () => {
    expect(() => addWorkingDays(bj('2026-10-09T09:00'), -1)).toThrow();
    expect(() => addWorkingDays(bj('2026-10-09T09:00'), 1.5)).toThrow();
  });
});

describe('addWorkingHours: office hours 08:30–12:00 and 14:00–17:30 on working days', () => {
  const iso = (local: string) => bj(local).toISOString();

  it('stays inside a period', () => {
    expect(addWorkingHours(bj('2026-03-16T09:00'), 2).toISOString()).toBe(iso('2026-03-16T11:00'));
  });

  it('ends exactly at noon rather than at 14:00', () => {
    expect(addWorkingHours(bj('2026-03-16T10:00'), 2).toISOString()).toBe(iso('2026-03-16T12:00'));
  });

  it('rolls over the lunch break', () => {
    expect(addWorkingHours(bj('2026-03-16T11:00'), 2).toISOString()).toBe(iso('2026-03-16T15:00'));
    expect(addWorkingHours(bj('2026-03-16T12:30'), 1).toISOString()).toBe(iso('2026-03-16T15:00'));
  });

  it('rolls over the night', () => {
    expect(addWorkingHours(bj('2026-03-16T16:30'), 2).toISOString()).toBe(iso('2026-03-17T09:30'));
    expect(addWorkingHours(bj('2026-03-16T07:00'), 1).toISOString()).toBe(iso('2026-03-16T09:30'));
    expect(addWorkingHours(bj('2026-03-16T08:30'), 7).toISOString()).toBe(iso('2026-03-16T17:30'));
  });

  it('rolls over the weekend', () => {
    expect(addWorkingHours(bj('2026-03-13T17:00'), 4).toISOString()).toBe(iso('2026-03-16T12:00'));
    expect(addWorkingHours(bj('2026-03-14T10:00'), 2).toISOString()).toBe(iso('2026-03-16T10:30'));
  });

  it('skips the National Day holiday and works the adjusted Saturday', () => {
    expect(addWorkingHours(bj('2026-09-30T16:00'), 4).toISOString()).toBe(iso('2026-10-08T11:00'));
    expect(addWorkingHours(bj('2026-10-09T17:00'), 2).toISOString()).toBe(iso('2026-10-10T10:00'));
  });

  it('0 hours is `from`; fractions are minutes; negatives are refused', () => {
    expect(addWorkingHours(bj('2026-03-14T10:00'), 0).toISOString()).toBe(iso('2026-03-14T10:00'));
    expect(addWorkingHours(bj('2026-03-16T11:45'), 0.5).toISOString()).toBe(iso('2026-03-16T14:15'));
    expect(() => addWorkingHours(bj('2026-03-16T10:00'), -1)).toThrow();
  });
});

describe('addCalendarHours', () => {
  it('runs through nights and holidays', () => {
    expect(addCalendarHours(bj('2026-10-01T03:00'), 24).toISOString()).toBe(bj('2026-10-02T03:00').toISOString());
    expect(addCalendarHours(bj('2026-10-01T23:50'), 0.5).toISOString()).toBe(bj('2026-10-02T00:20').toISOString());
  });
});
