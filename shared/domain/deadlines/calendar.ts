// Working-day arithmetic on China's official calendar, in Beijing time (Asia/Shanghai).
// Which days are worked comes from `chinese-days` (public holidays and adjusted workdays 调休, the State Council
// schedule). Beijing is UTC+8 all year (no DST since 1991), so fixed-offset arithmetic is exact and
// the results do not depend on the server's time zone.
//
// We read chinese-days' published data file (dist/chinese-days.json, documented in its README) rather than call
// its isWorkday(): in 1.5.7 the functions build their date keys with local-time getters from UTC-parsed dates,
// so in any time zone west of UTC (e.g. a developer laptop in America/*) every holiday is shifted one day early.
// The JSON is the same data, keyed by plain YYYY-MM-DD, and is correct everywhere.
//
// Conventions (documented here, used by policy.ts):
// - Working day: a day chinese-days says is worked, adjusted workdays included (e.g. Sat 2026-10-10).
//   Years outside its data (see OFFICIAL_CALENDAR_YEARS) fall back to Monday–Friday: no holidays are known.
// - addWorkingDays(from, n): the deadline is the END (23:59:59.999 Beijing) of the n-th working day AFTER the
//   day of `from` ("n个工作日内", counted from the next day, 次日起算). The time of day of `from` does not matter.
// - addWorkingHours(from, h): the clock only runs in office hours on working days: 08:30–12:00 and 14:00–17:30
//   Beijing time (Guangzhou government hours, 7 h a day). A case arriving outside them starts at the next opening.
// - addCalendarHours(from, h): round-the-clock time, for urgent cases.
import calendarData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const DAY_MS = 24 * HOUR_MS;
/** Beijing time is UTC+8, no daylight saving. */
export const BEIJING_OFFSET_MS = 8 * HOUR_MS;

/** Official holidays (放假) by `YYYY-MM-DD`, value like "National Day,国庆节,3". */
const HOLIDAYS: Readonly<Record<string, string>> = calendarData.holidays;
/** Weekend days that are worked (调休上班) by `YYYY-MM-DD`. */
const ADJUSTED_WORKDAYS: Readonly<Record<string, string>> = calendarData.workdays;

function yearRange(): { first: number; last: number } {
  const years = [...Object.keys(HOLIDAYS), ...Object.keys(ADJUSTED_WORKDAYS)].map((k) => Number(k.slice(0, 4)));
  return { first: Math.min(...years), last: Math.max(...years) };
}

/**
 * The years the installed chinese-days has official schedules for (1.5.7: 2004–2026; its 2026 entry cites
 * https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm). Read from the data, so upgrading the
 * package (a new year's schedule is published each November) extends it.
 */
export const OFFICIAL_CALENDAR_YEARS: { readonly first: number; readonly last: number } = yearRange();

/** Office hours as minutes after midnight, Beijing time. */
export const OFFICE_PERIODS: readonly { start: number; end: number }[] = [
  { start: 8 * 60 + 30, end: 12 * 60 }, // 08:30–12:00
  { start: 14 * 60, end: 17 * 60 + 30 }, // 14:00–17:30
];

/** A calendar date in Beijing. */
interface BeijingDay {
  year: number;
  month: number; // 1–12
  day: number;
  /** the UTC instant of 00:00 Beijing time on that day */
  startMs: number;
}

function beijingDay(instantMs: number): BeijingDay {
  const shifted = new Date(instantMs + BEIJING_OFFSET_MS);
  const year = shifted.getUTCFullYear();
  const month = shifted.getUTCMonth() + 1;
  const day = shifted.getUTCDate();
  return { year, month, day, startMs: Date.UTC(year, month - 1, day) - BEIJING_OFFSET_MS };
}

function nextDay(d: BeijingDay): BeijingDay {
  return beijingDay(d.startMs + DAY_MS);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of the Beijing calendar date of an instant. */
export function beijingDateString(instant: Date): string {
  const d = beijingDay(instant.getTime());
  return `${d.year}-${pad(d.month)}-${pad(d.day)}`;
}

export function hasOfficialCalendar(year: number): boolean {
  return year >= OFFICIAL_CALENDAR_YEARS.first && year <= OFFICIAL_CALENDAR_YEARS.last;
}

const workdayCache = new Map<string, boolean>();

function isWorkingBeijingDay(d: BeijingDay): boolean {
  const key = `${d.year}-${pad(d.month)}-${pad(d.day)}`;
  let worked = workdayCache.get(key);
  if (worked === undefined) {
    const weekday = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
    if (Object.hasOwn(ADJUSTED_WORKDAYS, key)) worked = true;
    else if (Object.hasOwn(HOLIDAYS, key)) worked = false;
    // Otherwise Monday to Friday. For a year without an official schedule (hasOfficialCalendar false)
    // that is all we know: its holidays are not counted until chinese-days is upgraded.
    else worked = weekday >= 1 && weekday <= 5;
    workdayCache.set(key, worked);
  }
  return worked;
}

/**
 * Whether a day is worked. A Date means its Beijing calendar date; a string is a `YYYY-MM-DD` Beijing date.
 */
export function isWorkingDay(date: Date | string): boolean {
  if (typeof date === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    if (!m) throw new Error(`expected YYYY-MM-DD, got "${date}"`);
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isWorkingBeijingDay(beijingDay(Date.UTC(year, month - 1, day) - BEIJING_OFFSET_MS));
  }
  return isWorkingBeijingDay(beijingDay(date.getTime()));
}

function assertValid(from: Date, amount: number, what: string): void {
  if (Number.isNaN(from.getTime())) throw new Error('invalid start date');
  if (!Number.isFinite(amount) || amount < 0) throw new Error(`${what} must be a finite number >= 0, got ${amount}`);
}

/**
 * End (23:59:59.999 Beijing time) of the `days`-th working day after the Beijing date of `from`.
 * `days` = 0 means the end of the day of `from` if it is a working day, else of the next working day.
 */
export function addWorkingDays(from: Date, days: number): Date {
  assertValid(from, days, 'days');
  if (!Number.isInteger(days)) throw new Error(`days must be a whole number, got ${days}`);
  let d = beijingDay(from.getTime());
  if (days === 0) {
    while (!isWorkingBeijingDay(d)) d = nextDay(d);
  }
  for (let left = days; left > 0; ) {
    d = nextDay(d);
    if (isWorkingBeijingDay(d)) left--;
  }
  return new Date(d.startMs + DAY_MS - 1);
}

/**
 * `from` plus `hours` of office time (OFFICE_PERIODS on working days). Fractions are allowed (0.5 = 30 min).
 * If the time runs out exactly at a closing time (12:00, 17:30), that closing time is the result.
 * `hours` = 0 returns `from` unchanged.
 */
export function addWorkingHours(from: Date, hours: number): Date {
  assertValid(from, hours, 'hours');
  let left = Math.round(hours * HOUR_MS);
  if (left === 0) return new Date(from.getTime());
  let t = from.getTime();
  let d = beijingDay(t);
  for (;;) {
    if (isWorkingBeijingDay(d)) {
      for (const p of OFFICE_PERIODS) {
        const start = d.startMs + p.start * MINUTE_MS;
        const end = d.startMs + p.end * MINUTE_MS;
        if (end <= t) continue;
        const begin = Math.max(t, start);
        if (left <= end - begin) return new Date(begin + left);
        left -= end - begin;
        t = end;
      }
    }
    d = nextDay(d);
    t = d.startMs;
  }
}

/** `from` plus `hours` of round-the-clock time (urgent cases). */
export function addCalendarHours(from: Date, hours: number): Date {
  assertValid(from, hours, 'hours');
  return new Date(from.getTime() + Math.round(hours * HOUR_MS));
}

/** How a year's working days are known: the State Council's schedule, or only weekends (no schedule yet). */
export type CalendarBasis = 'official' | 'weekends-only';

export interface CalendarYearStatus {
  year: number;
  basis: CalendarBasis;
  /** for people: what this means for deadlines in that year */
  note: string;
}

/**
 * What the calendar knows about a year. A year after OFFICIAL_CALENDAR_YEARS.last (2027 with chinese-days
 * 1.5.7: the State Council publishes each schedule around November of the year before) runs Monday–Friday with
 * no holidays and no adjusted workdays: deadlines that fall in it may be early around holidays and late around
 * 调休 weekends until the package is upgraded. Nothing is guessed.
 */
export function calendarYearStatus(year: number): CalendarYearStatus {
  if (hasOfficialCalendar(year)) return { year, basis: 'official', note: `${year}: official holidays and adjusted workdays (chinese-days)` };
  return {
    year,
    basis: 'weekends-only',
    note: `${year}: no official holiday schedule in chinese-days yet; Monday–Friday are counted as working days (upgrade chinese-days when the State Council publishes ${year}'s schedule)`,
  };
}

/** The years (Beijing) from `from` to `to` whose calendar is not official: a deadline across them is flagged. */
export function unofficialYearsBetween(from: Date, to: Date): number[] {
  const first = beijingDay(Math.min(from.getTime(), to.getTime())).year;
  const last = beijingDay(Math.max(from.getTime(), to.getTime())).year;
  const years: number[] = [];
  for (let y = first; y <= last; y++) if (!hasOfficialCalendar(y)) years.push(y);
  return years;
}

/** Office time (OFFICE_PERIODS on working days) between two instants, in ms (0 if `to` is not after `from`). */
export function officeMsBetween(from: Date, to: Date): number {
  let total = 0;
  const end = to.getTime();
  let d = beijingDay(from.getTime());
  while (d.startMs < end) {
    if (isWorkingBeijingDay(d)) {
      for (const p of OFFICE_PERIODS) {
        const start = Math.max(d.startMs + p.start * MINUTE_MS, from.getTime());
        const stop = Math.min(d.startMs + p.end * MINUTE_MS, end);
        if (stop > start) total += stop - start;
      }
    }
    d = nextDay(d);
  }
  return total;
}

/** Office hours in one working day (7 h with the default periods). */
export const OFFICE_MS_PER_DAY = OFFICE_PERIODS.reduce((sum, p) => sum + (p.end - p.start) * MINUTE_MS, 0);
